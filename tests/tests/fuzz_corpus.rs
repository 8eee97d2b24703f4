//! Replays every fuzz corpus under `fuzz/corpus/<target>/` through the same entry point
//! its fuzz target calls, so CI catches a regression without nightly or libFuzzer.

use std::path::Path;

type Entry = fn(&[u8]);

const TARGETS: &[(&str, Entry)] = &[
    ("datagram", |d| {
        ferroute_codec::nl::fuzz::walk_datagram(d);
    }),
    ("roundtrip", ferroute_codec::nl::fuzz::roundtrip),
    ("rtnl_link", ferroute_codec::rtnl::link::fuzz_one),
    ("rtnl_addr", ferroute_codec::rtnl::addr::fuzz_one),
    ("rtnl_route", ferroute_codec::rtnl::route::fuzz_one),
    ("rtnl_neigh", ferroute_codec::rtnl::neigh::fuzz_one),
    ("rtnl_rule", ferroute_codec::rtnl::rule::fuzz_one),
    ("rtnl_tc", ferroute_codec::rtnl::tc::fuzz_one),
    ("genl", ferroute_codec::genl::fuzz_one),
    ("nfnl", ferroute_codec::nfnl::fuzz_one),
    ("ipq", ferroute_codec::ipq::fuzz_one),
    ("inet_frame", ferroute_codec::inet::fuzz_frame),
    ("dhcp", ferroute_codec::inet::fuzz_dhcp),
];

fn corpus_dir(target: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../fuzz/corpus")
        .join(target)
}

#[test]
fn every_target_in_the_fuzz_crate_is_replayed() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz/fuzz_targets");
    for e in std::fs::read_dir(&dir).expect("fuzz/fuzz_targets exists") {
        let name = e
            .unwrap()
            .path()
            .file_stem()
            .unwrap()
            .to_string_lossy()
            .into_owned();
        assert!(
            TARGETS.iter().any(|(t, _)| *t == name),
            "fuzz target {name} has no replay entry"
        );
    }
}

#[test]
fn corpora_replay_without_panics() {
    let mut total = 0;
    for (target, entry) in TARGETS {
        let dir = corpus_dir(target);
        let rd = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{target}: no corpus at {}: {e}", dir.display()));
        let before = total;
        for e in rd {
            let p = e.unwrap().path();
            if p.is_file() {
                let data = std::fs::read(&p).unwrap();
                let r = std::panic::catch_unwind(|| entry(&data));
                assert!(r.is_ok(), "{target}: {} panicked", p.display());
                total += 1;
            }
        }
        assert!(
            total > before,
            "{target}: empty corpus, nothing would be replayed"
        );
    }
    eprintln!("replayed {total} corpus inputs");
}
