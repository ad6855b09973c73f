//! Any bytes as a BibTeX bibliography, through the importer and the loader
//! (`paperlens_fuzz::check_import`).
#![no_main]

use libfuzzer_sys::fuzz_target;
use paperlens::formats::ReferenceFormat;

fuzz_target!(|data: &[u8]| {
    paperlens_fuzz::check_import(ReferenceFormat::Bibtex, "fuzz.bib", data);
});
