#![no_main]
//! Fuzz target `rtnl_link`: the same entry point the corpus replay test calls.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    ferroute_codec::rtnl::link::fuzz_one(data);
});
