//! Long articles made up deterministically, for the tests and benches of costs that grow
//! with an article's length.

/// People written in full, then by "Mr" and surname and by surname alone.
const PEOPLE: &[(&str, &str, &str)] = &[
    ("Prime Minister", "Tony Blair", "Blair"),
    ("Chancellor", "Gordon Brown", "Brown"),
    ("Tory leader", "Michael Howard", "Howard"),
    ("Lib Dem leader", "Charles Kennedy", "Kennedy"),
    ("Foreign Secretary", "Jack Straw", "Straw"),
    ("Home Secretary", "Charles Clarke", "Clarke"),
    ("Trade Secretary", "Patricia Hewitt", "Hewitt"),
    ("Health Secretary", "Alan Milburn", "Milburn"),
];

/// About `bytes` of news prose dense with names: every paragraph names two people in full,
/// then by surname, as a long report does. Each call gives the same text.
pub fn name_dense(bytes: usize) -> String {
    let mut text = String::from("Ministers meet again\n\n");
    let mut i = 0;
    while text.len() < bytes {
        let (role, full, surname) = PEOPLE[i % PEOPLE.len()];
        let (role2, full2, surname2) = PEOPLE[(i * 3 + 1) % PEOPLE.len()];
        text.push_str(&format!(
            "{role} {full} met {role2} {full2} on Monday. Mr {surname} said {surname2} would speak \
             on the economy, and {surname} left before the vote.\n\n"
        ));
        i += 1;
    }
    text
}

/// One word `times` times, a space between: an article where a search for the word
/// matches everywhere.
pub fn one_word(word: &str, times: usize) -> String {
    let mut text = String::from("Repeated\n\n");
    text.reserve((word.len() + 1) * times);
    for i in 0..times {
        if i > 0 {
            text.push(' ');
        }
        text.push_str(word);
    }
    text
}
