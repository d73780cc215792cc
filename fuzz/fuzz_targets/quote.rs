//! Quote search: the bytes (as UTF-8, lossily) are a source text, then
//! after a NUL the quotes, separated by SOH. Checks that nothing panics and
//! that every place reported lies on character boundaries of the text.
#![no_main]

use argmap::quote::{Match, Source};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let (source_text, quotes) = text.split_once('\0').unwrap_or((&text, ""));
    let quotes: Vec<&str> = quotes.split('\u{1}').collect();
    let source = Source::new(source_text);
    let nfc = &source.nfc;
    for m in source.find_all(&quotes) {
        match m {
            Match::Found(f) => {
                assert!(f.start <= f.end && f.end <= nfc.len(), "{f:?}");
                assert!(nfc.is_char_boundary(f.start) && nfc.is_char_boundary(f.end));
            }
            Match::Missing { closest, .. } => {
                if let Some(c) = closest {
                    assert!(c.start <= c.end && c.end <= nfc.len(), "{c:?}");
                    assert!(nfc.is_char_boundary(c.start) && nfc.is_char_boundary(c.end));
                    assert!((0.0..=1.0).contains(&c.similarity), "{c:?}");
                }
            }
        }
    }
    let _ = source.paragraphs();
    let _ = argmap::quote::html_to_text(source_text);
});
