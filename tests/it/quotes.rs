//! Quote matching: a passage cut from a source and re-flowed is always
//! found; one changed word never is.

use argmap::quote::{Match, Source};
use proptest::prelude::*;

const WORDS: &[&str] = &[
    "security",
    "indivisible",
    "«Det",
    "vil",
    "ikke",
    "skje»",
    "sikkerhet",
    "for",
    "alle,",
    "Each",
    "participating",
    "State",
    "—",
    "free",
    "to",
    "choose",
    "it’s",
    "“core”",
    "on",
    "Nato-utvidelsen",
    "på",
    "bekostning",
    "av",
    "8.",
    "re\u{00AD}affirm",
    "Å",
    "e\u{0301}tat",
];

/// Folds a word the way a careless copy would: straight quotes for curly
/// ones, a hyphen for a dash, the soft hyphen dropped, NFD for NFC.
fn recopy(word: &str, variant: u8) -> String {
    let w = word.replace('\u{00AD}', "");
    match variant % 4 {
        0 => w,
        1 => w.replace(['“', '”', '«', '»'], "\"").replace('’', "'"),
        2 => w.replace('—', "-").replace('é', "e\u{0301}"),
        _ => w.replace("e\u{0301}", "é"),
    }
}

/// A source of random words with random whitespace between them, and a
/// stretch of it to quote: word choices, separators, how each quoted word
/// is recopied, where the quote starts and how many words it takes.
type Passage = (Vec<usize>, Vec<u8>, Vec<u8>, usize, usize);

fn passage() -> impl Strategy<Value = Passage> {
    (
        proptest::collection::vec(0..WORDS.len(), 5..200),
        proptest::collection::vec(0u8..5, 200),
        proptest::collection::vec(0u8..4, 200),
        0usize..200,
        1usize..30,
    )
}

/// The property: the quote is found, with an ellipsis too, and a quote
/// with a word no source has never is.
fn quote_is_found((picks, seps, variants, a, len): Passage) -> Result<(), TestCaseError> {
    let words: Vec<&str> = picks.iter().map(|&i| WORDS[i]).collect();
    let sep = |k: usize| match seps[k % seps.len()] {
        0 => " ",
        1 => "\n",
        2 => "  \n\t",
        3 => "\u{00A0}",
        _ => "\r\n ",
    };
    let mut source = String::from("Preamble.\n");
    for (k, w) in words.iter().enumerate() {
        source.push_str(w);
        source.push_str(sep(k));
    }
    let start = a % words.len();
    let end = (start + len).min(words.len());
    // The quote: the same words, other whitespace, other typography.
    let quote: Vec<String> = (start..end)
        .map(|k| recopy(words[k], variants[k]))
        .collect();
    let quote = quote.join(if len % 2 == 0 { " " } else { "\n   " });
    let doc = Source::new(&source);
    let found = doc.find_all(&[&quote]);
    prop_assert!(
        matches!(found[0], Match::Found(_)),
        "{:?} not found in {:?}",
        quote,
        source
    );
    // With an ellipsis in place of a middle word, still found.
    if end - start >= 3 {
        let mid: Vec<String> = (start..end)
            .map(|k| {
                if k == start + 1 {
                    "[…]".to_string()
                } else {
                    recopy(words[k], variants[k])
                }
            })
            .collect();
        let found = doc.find_all(&[&mid.join(" ")]);
        let ok = matches!(found[0], Match::Found(_));
        prop_assert!(ok, "{:?}", mid);
    }
    // A word that is in no source never matches.
    let wrong = format!("{quote} zqxj");
    let found = doc.find_all(&[&wrong]);
    let missing = matches!(found[0], Match::Missing { .. });
    prop_assert!(missing);
    Ok(())
}

proptest! {
    // A few cases on every `cargo test` (a debug build takes about 80 ms a
    // case); the full count is the ignored test below, which `.ci/run`
    // runs.
    #![proptest_config(ProptestConfig::with_cases(16))]

    #[test]
    fn a_passage_cut_at_random_and_reflowed_is_found(passage in passage()) {
        quote_is_found(passage)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    #[ignore = "slow: .ci/run runs it with --include-ignored"]
    fn a_passage_cut_at_random_and_reflowed_is_found_in_200_cases(passage in passage()) {
        quote_is_found(passage)?;
    }
}
