#!/usr/bin/env bash
# Dev tool: quote precision and recall per gold set, and summed over the tuning sets and the
# held-out ones (politics check and the four section checks).
# usage: scripts/quote-figures.sh   (runs the quotes_gold test in release)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo test --release --test quotes_gold -- --nocapture --test-threads=1 2>&1 | python3 -c '
import re, sys
tot = {"tuning": [0, 0, 0, 0], "held out": [0, 0, 0, 0]}
for line in sys.stdin:
    m = re.search(r"([A-Za-z0-9 ]+): P [0-9.]+ \((\d+)/(\d+)\) R [0-9.]+ \((\d+)/(\d+)\)", line)
    if not m:
        continue
    name = m.group(1).strip()
    a, b, c, d = map(int, m.groups()[1:])
    print(f"{name:28} P {a/b if b else 0:.3f} ({a}/{b})  R {c/d if d else 0:.3f} ({c}/{d})")
    if name == "seeds":
        continue
    t = tot["held out" if "check" in name else "tuning"]
    for i, v in enumerate((a, b, c, d)):
        t[i] += v
for k, (a, b, c, d) in tot.items():
    print(f"{k:28} P {a/b:.3f} ({a}/{b})  R {c/d:.3f} ({c}/{d})")
'
