#!/usr/bin/env bash
# Dev tool: score a byline binary on every person gold (dev sets, check sets, seeds, CoNLL dev).
# usage: scripts/eval-persons.sh [BINARY] [SET...]   (default: target/release/byline, all sets)
# VERBOSE=1 also lists each article's extra and missed mentions; KEEP_EXPORTS=DIR keeps the exports.
# Needs python3 and ../shared beside the repo. Prints P / R / F1 and linked F1 per set.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
shared="$root/../shared"
bin="${1:-$root/target/release/byline}"
shift || true
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# set name -> gold file and the folder its "file" paths are relative to
declare -A gold base
gold[bbc-dev]=$root/tests/fixtures/bbc-dev-persons.json;        base[bbc-dev]=$shared/corpora/bbc
gold[bbc-check]=$root/tests/fixtures/bbc-check-persons.json;    base[bbc-check]=$shared/corpora/bbc
gold[bbc-dev2]=$root/tests/fixtures/bbc-dev2-persons.json;      base[bbc-dev2]=$shared/corpora/bbc
gold[bbc-check2]=$root/tests/fixtures/bbc-check2-persons.json;  base[bbc-check2]=$shared/corpora/bbc
for s in dev check dev2 check2 dev3 check3 dev4 check4 dev5 check5; do
    gold[news-$s]=$root/tests/fixtures/news-$s-persons.json;    base[news-$s]=$root/tests/fixtures/news
done
gold[seeds]=$shared/eval/seeds-persons.json;                    base[seeds]=$shared
gold[conll-dev]=$shared/corpora/conll2003/dev/gold.json;        base[conll-dev]=$shared/corpora/conll2003/dev
gold[conll-train]=$shared/corpora/conll2003/train/gold.json;    base[conll-train]=$shared/corpora/conll2003/train

sets=("$@")
[ ${#sets[@]} -eq 0 ] && sets=(bbc-dev bbc-check bbc-dev2 bbc-check2 news-dev news-check news-dev2 news-check2 news-dev3 news-check3 news-dev4 news-check4 news-dev5 news-check5 seeds conll-dev)
for s in "${sets[@]}"; do
    g="${gold[$s]}"; b="${base[$s]}"
    mapfile -t files < <(python3 -c 'import json,sys; [print(sys.argv[2]+"/"+a["file"]) for a in json.load(open(sys.argv[1]))]' "$g" "$b")
    "$bin" export --format json "${files[@]}" > "$tmp/$s.json"
    printf '%-12s ' "$s"
    if [ -n "${VERBOSE:-}" ]; then
        echo; python3 "$shared/eval/score_persons.py" "$g" "$tmp/$s.json" || true
    else
        python3 "$shared/eval/score_persons.py" "$g" "$tmp/$s.json" | grep -E 'mention|linked' | tr '\n' ' ' || true
        echo
    fi
    [ -n "${KEEP_EXPORTS:-}" ] && cp "$tmp/$s.json" "$KEEP_EXPORTS/$s.json"
done
