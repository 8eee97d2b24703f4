#![no_main]
//! Fuzz target `rtnl_neigh`: the same entry point the corpus replay test calls.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    ferroute_codec::rtnl::neigh::fuzz_one(data);
});
