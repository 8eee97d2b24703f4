//! Properties of the CLI parser: no input panics, and tc's printed units read back.

use ferroute::cli::format::{tc_size, tc_time};
use ferroute::cli::parse::{parse_line, parse_size, parse_time, split_batch, split_line};
use proptest::prelude::*;

const VOCAB: &[&str] = &[
    "link",
    "l",
    "add",
    "a",
    "set",
    "s",
    "del",
    "dev",
    "x",
    "type",
    "veth",
    "peer",
    "name",
    "bridge",
    "vxlan",
    "id",
    "42",
    "macvlan",
    "mode",
    "bridge",
    "up",
    "down",
    "mtu",
    "address",
    "route",
    "r",
    "default",
    "via",
    "inet6",
    "10.0.0.1",
    "10.0.0.0/24",
    "::1",
    "2001:db8::/129",
    "nexthop",
    "weight",
    "table",
    "main",
    "metric",
    "proto",
    "scope",
    "link",
    "onlink",
    "mtu",
    "lock",
    "rule",
    "from",
    "to",
    "fwmark",
    "0x10/0xff",
    "uidrange",
    "1-2",
    "neigh",
    "lladdr",
    "02:00:00:00:00:01",
    "nud",
    "permanent",
    "qdisc",
    "class",
    "filter",
    "root",
    "handle",
    "1:",
    "parent",
    "1:10",
    "htb",
    "rate",
    "10mbit",
    "burst",
    "15k",
    "tbf",
    "latency",
    "50ms",
    "u32",
    "match",
    "ip",
    "dst",
    "dport",
    "0xffff",
    "flowid",
    "action",
    "mirred",
    "egress",
    "redirect",
    "police",
    "netem",
    "delay",
    "loss",
    "5%",
    "-6",
    "-4",
    "-j",
    "-n",
    "monitor",
    "all",
    "tuntap",
    "tap",
    "fdb",
    "addr",
    "flush",
    "brd",
    "+",
    "label",
    "valid_lft",
    "forever",
    "get",
    "show",
    "",
    "#",
    "\"",
];

proptest! {
    #[test]
    fn any_line_parses_or_errors(line in ".{0,120}") {
        if let Ok(words) = split_line(&line) {
            let w: Vec<&str> = words.iter().map(String::as_str).collect();
            let _ = parse_line(&w);
        }
        let _ = split_batch(&line);
    }

    #[test]
    fn any_vocabulary_sequence_parses_or_errors(idx in proptest::collection::vec(0..VOCAB.len(), 0..14)) {
        let w: Vec<&str> = idx.iter().map(|i| VOCAB[*i]).collect();
        if let Err(e) = parse_line(&w) {
            // Every error names something printable.
            prop_assert!(!e.to_string().is_empty());
        }
    }

    #[test]
    fn tc_sizes_read_back(sz in 0u32..(1 << 30)) {
        let printed = tc_size(sz);
        let back = parse_size(&printed).expect("tc's own size text parses");
        // tc rounds to Kb when within 16 bytes and to Mb when within 1 KiB.
        let tol = if printed.ends_with("Mb") { 1024 } else if printed.ends_with("Kb") { 16 } else { 0 };
        // ... and %g keeps six significant digits (1031967729 prints as 1.00778e+06Kb).
        let tol = f64::from(tol.max(1)) + f64::from(sz) * 5e-6;
        prop_assert!(f64::from(back.abs_diff(sz)) < tol, "{sz} -> {printed} -> {back}");
    }

    #[test]
    fn tc_times_read_back(us in 0u32..u32::MAX) {
        let printed = tc_time(us);
        let back = parse_time(&printed).expect("tc's own time text parses");
        // %.3g keeps three significant digits.
        let tol = (f64::from(us) * 0.005).max(1.0);
        prop_assert!(f64::from(back.abs_diff(us)) <= tol, "{us} -> {printed} -> {back}");
    }
}
