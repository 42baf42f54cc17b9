//! A port of `shared/eval/score_persons.py`: person mention P/R/F1 and linked F1 of an
//! export against a gold file of every person mention, by hand.

use std::collections::HashMap;

use serde_json::Value;

const HONORIFICS: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "sir",
    "lady",
    "lord",
    "dame",
    "president",
    "prime",
    "minister",
    "general",
    "gen",
    "prof",
    "professor",
    "rev",
    "judge",
    "senator",
    "sen",
    "rep",
    "gov",
    "governor",
    "chancellor",
    "secretary",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "st",
    "saint",
    "coach",
    "captain",
    "capt",
];

#[derive(Debug)]
pub struct Score {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    pub linked_f1: f64,
    /// Per gold file: (extra, missed) surface strings.
    pub errors: Vec<(String, Vec<String>, Vec<String>)>,
}

pub fn norm(s: &str) -> String {
    let s = s.replace('\u{2019}', "'");
    let s = s.trim();
    let s = s.strip_suffix("'s").or_else(|| s.strip_suffix('\'')).unwrap_or(s);
    let mut toks: Vec<&str> = s.split_whitespace().collect();
    while toks.len() > 1 && HONORIFICS.contains(&toks[0].trim_end_matches('.').to_lowercase().as_str()) {
        toks.remove(0);
    }
    toks.join(" ")
}

pub fn key_of(path: &str) -> String {
    let parts: Vec<&str> = path.split(['/', '\\']).collect();
    parts[parts.len().saturating_sub(2)..].join("/")
}

type Multiset = HashMap<String, usize>;

fn prf(t: f64, fp: f64, fn_: f64) -> (f64, f64, f64) {
    let p = if t + fp > 0.0 { t / (t + fp) } else { 0.0 };
    let r = if t + fn_ > 0.0 { t / (t + fn_) } else { 0.0 };
    let f = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
    (p, r, f)
}

pub fn score(gold: &Value, export: &Value) -> Score {
    let kinds: HashMap<&str, &str> = export["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["id"].as_str().unwrap(), e["kind"].as_str().unwrap()))
        .collect();
    let articles: HashMap<String, &Value> =
        export["articles"].as_array().unwrap().iter().map(|a| (key_of(a["path"].as_str().unwrap()), a)).collect();
    let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
    let mut pairs: HashMap<(String, String), usize> = HashMap::new();
    let mut errors = Vec::new();
    for g in gold.as_array().unwrap() {
        let file = g["file"].as_str().unwrap();
        let a = articles.get(&key_of(file)).unwrap_or_else(|| panic!("missing article in export: {file}"));
        let mut gc: Multiset = HashMap::new();
        let mut gp: HashMap<String, Multiset> = HashMap::new();
        for p in g["persons"].as_array().unwrap() {
            let name = p["name"].as_str().unwrap();
            for m in p["mentions"].as_array().unwrap() {
                let s = norm(m.as_str().unwrap());
                *gc.entry(s.clone()).or_default() += 1;
                *gp.entry(s).or_default().entry(name.to_string()).or_default() += 1;
            }
        }
        let mut pc: Multiset = HashMap::new();
        let mut pe: HashMap<String, Multiset> = HashMap::new();
        for m in a["mentions"].as_array().unwrap() {
            let entity = m["entity"].as_str().unwrap();
            if kinds.get(entity) != Some(&"person") {
                continue;
            }
            let s = norm(m["text"].as_str().unwrap());
            *pc.entry(s.clone()).or_default() += 1;
            *pe.entry(s).or_default().entry(entity.to_string()).or_default() += 1;
        }
        let mut extra = Vec::new();
        let mut missed = Vec::new();
        for (s, &n) in &pc {
            let g = gc.get(s).copied().unwrap_or(0);
            tp += n.min(g);
            fp += n.saturating_sub(g);
            if n > g {
                extra.push(format!("{s} ×{}", n - g));
            }
        }
        for (s, &g) in &gc {
            let n = pc.get(s).copied().unwrap_or(0);
            fn_ += g.saturating_sub(n);
            if g > n {
                missed.push(format!("{s} ×{}", g - n));
            }
            if n > 0 {
                for (ent, &ne) in &pe[s] {
                    for (person, &np) in &gp[s] {
                        *pairs.entry((ent.clone(), person.clone())).or_default() += ne.min(np);
                    }
                }
            }
        }
        if !extra.is_empty() || !missed.is_empty() {
            extra.sort();
            missed.sort();
            errors.push((file.to_string(), extra, missed));
        }
    }
    // Each predicted entity stands for the gold person it shares most with; each gold person
    // is represented by its largest such entity. Ties go to the first seen, as in the script,
    // so iterate in a fixed order.
    let mut sorted: Vec<(&str, &str, usize)> = pairs.iter().map(|((e, p), &n)| (e.as_str(), p.as_str(), n)).collect();
    sorted.sort();
    let mut best: HashMap<&str, (&str, usize)> = HashMap::new();
    for &(ent, person, n) in &sorted {
        if best.get(ent).is_none_or(|b| n > b.1) {
            best.insert(ent, (person, n));
        }
    }
    let mut rep: HashMap<&str, (&str, usize)> = HashMap::new();
    for &(ent, person, n) in &sorted {
        if best[ent].0 == person && rep.get(person).is_none_or(|r| n > r.1) {
            rep.insert(person, (ent, n));
        }
    }
    let linked: usize =
        sorted.iter().filter(|(ent, person, _)| rep.get(person).is_some_and(|r| r.0 == *ent)).map(|&(_, _, n)| n).sum();
    let (precision, recall, f1) = prf(tp as f64, fp as f64, fn_ as f64);
    let (_, _, linked_f1) = prf(linked as f64, (tp + fp - linked) as f64, (tp + fn_ - linked) as f64);
    Score { precision, recall, f1, linked_f1, errors }
}
