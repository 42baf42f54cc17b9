//! The dossier on the seeds: the roles the issue names, and the shape of the whole.

use byline::corpus::load_embedded_seeds;
use byline::dossier::{Dossier, QuoteIndex, role_key};
use byline::entities::{Index, Kind};

fn roles_of(name: &str) -> Vec<String> {
    let corpus = load_embedded_seeds();
    let index = Index::build(&corpus);
    let id = index.find(name).unwrap_or_else(|| panic!("{name} found"));
    Dossier::build(&corpus, &index, &QuoteIndex::build(&corpus, &index), id)
        .roles
        .into_iter()
        .map(|r| role_key(&r.role))
        .collect()
}

#[test]
fn seed_people_have_their_roles() {
    let wanted: [(&str, &[&str]); 7] = [
        ("Dmitry Peskov", &["kremlin spokesperson"]),
        ("Marco Rubio", &["secretary of state", "us secretary of state"]),
        ("John Healey", &["uk defence secretary", "defence secretary"]),
        ("Steve Witkoff", &["special envoy", "us envoy"]),
        ("Karoline Leavitt", &["press secretary"]),
        ("Keir Starmer", &["uk prime minister", "prime minister"]),
        ("Volodymyr Zelensky", &["ukrainian president", "president"]),
    ];
    for (name, any_of) in wanted {
        let roles = roles_of(name);
        assert!(roles.iter().any(|r| any_of.contains(&r.as_str())), "{name}: {roles:?}");
    }
}

#[test]
fn peskov_dossier() {
    let corpus = load_embedded_seeds();
    let index = Index::build(&corpus);
    let id = index.find("Peskov").unwrap();
    let d = Dossier::build(&corpus, &index, &QuoteIndex::build(&corpus, &index), id);
    assert_eq!(d.roles[0].role, "Kremlin spokesperson");
    assert!(d.aliases.iter().any(|(a, n)| a == "Peskov" && *n >= 3), "{:?}", d.aliases);
    // His quotes, each on char boundaries of its article body, one of them paraphrase.
    assert!(d.quotes.len() >= 4, "{:?}", d.quotes);
    for q in &d.quotes {
        assert_eq!(q.speaker, id);
        assert!(corpus.articles[q.article as usize].body.get(q.range()).is_some());
    }
    assert!(d.quotes.iter().any(|q| q.paraphrase) && d.quotes.iter().any(|q| !q.paraphrase));
    // Putin appears with him; persons come before organisations and places.
    let first_other = d.companions.iter().position(|c| index.entity(c.entity).kind != Kind::Person).unwrap();
    assert!(d.companions[..first_other].iter().any(|c| index.entity(c.entity).name == "Vladimir Putin"));
    assert!(d.companions[first_other..].iter().all(|c| index.entity(c.entity).kind != Kind::Person));
    // Timeline: dated articles by date, then the undated.
    let dates: Vec<_> = d.timeline.iter().map(|t| t.date).collect();
    let first_undated = dates.iter().position(Option::is_none).unwrap_or(dates.len());
    assert!(dates[..first_undated].is_sorted() && dates[first_undated..].iter().all(Option::is_none));
    assert_eq!(d.timeline.iter().map(|t| t.mentions).sum::<usize>(), index.entity(id).mentions);
}

#[test]
fn json_names_entities_and_articles() {
    let corpus = load_embedded_seeds();
    let index = Index::build(&corpus);
    let id = index.find("Healey").unwrap();
    let json = Dossier::build(&corpus, &index, &QuoteIndex::build(&corpus, &index), id).to_json(&corpus, &index);
    assert_eq!(json["entity"], "John Healey");
    let quote = &json["quotes"][0];
    let article = corpus.articles.iter().find(|a| a.path == quote["article"].as_str().unwrap()).unwrap();
    let (start, end) = (quote["start"].as_u64().unwrap() as usize, quote["end"].as_u64().unwrap() as usize);
    assert_eq!(&article.body[start..end], quote["text"].as_str().unwrap());
    assert!(json["roles"][0]["role"].as_str().unwrap().contains("Defence Secretary"));
    assert!(json["companions"].as_array().unwrap().iter().all(|c| c["entity"].is_string() && c["count"].is_u64()));
    assert!(json["timeline"][0]["date"].is_string());
}

#[test]
fn a_story_filed_twice_gives_each_quote_once_with_the_other_article() {
    let dir = tempfile::tempdir().unwrap();
    let story = "Talks resume\n\nKremlin spokesperson Dmitry Peskov said talks would continue.\n\n\
                 \"We intend to pursue our interests,\" Peskov told reporters.\n";
    std::fs::write(dir.path().join("a.txt"), story).unwrap();
    std::fs::write(dir.path().join("b.txt"), story).unwrap();
    let corpus = byline::corpus::load(&[dir.path().to_path_buf()]).unwrap();
    let index = Index::build(&corpus);
    let peskov = index.find("Peskov").unwrap();
    let d = Dossier::build(&corpus, &index, &QuoteIndex::build(&corpus, &index), peskov);
    assert_eq!(d.quotes.len(), 2, "{:?}", d.quotes);
    assert!(d.quotes.iter().all(|q| q.article == 0 && q.also_in == [1]), "{:?}", d.quotes);
    let json = d.to_json(&corpus, &index);
    assert!(json["quotes"][0]["also_in"][0].as_str().unwrap().ends_with("b.txt"), "{json}");
}
