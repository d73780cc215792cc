//! Differential: the YAML fast path against granit-parser on any text.
//! Either the fast path leaves the text to the parser, or both read the
//! same tree, with the same spans, and hand over the same nodes.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Err(difference) = argmap::load::yaml_fast_path_agrees(text) {
        panic!("{difference}\n---\n{text}");
    }
});
