#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| routewijzer_fuzz::configuration_csv(data));
