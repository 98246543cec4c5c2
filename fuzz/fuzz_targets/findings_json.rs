#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| routewijzer_fuzz::findings_json(data));
