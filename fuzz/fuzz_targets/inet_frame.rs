#![no_main]
//! Fuzz target `inet_frame`: the same entry point the corpus replay test calls.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    ferroute_codec::inet::fuzz_frame(data);
});
