//! `ferroute decode` end to end: hex and binary input, JSON shape, errors with offsets and
//! status 1 (never a panic) on malformed input.

use std::io::Write;
use std::process::{Command, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_ferroute");

fn fixture(name: &str) -> String {
    format!("{}/../tests/fixtures/nl/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn run(args: &[&str], stdin: &[u8]) -> (i32, String, String) {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn error_fixture_decodes_to_pyroute2_shaped_json() {
    let (code, out, err) = run(
        &[
            "decode",
            "--binary",
            "--json",
            &fixture("unknown-kind-error.bin"),
        ],
        b"",
    );
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
    assert_eq!(v["header"]["type"], "NLMSG_ERROR");
    assert_eq!(v["header"]["length"], 104);
    assert_eq!(v["header"]["flags"], serde_json::json!(["NLM_F_ACK_TLVS"]));
    assert_eq!(v["header"]["sequence_number"], 1);
    assert_eq!(v["error"], -95);
    assert_eq!(v["request"]["nlmsg_type"], 16);
    assert_eq!(
        v["extack"],
        serde_json::json!([["NLMSGERR_ATTR_MSG", "Unknown device type"]])
    );
}

#[test]
fn hex_from_stdin_with_colons_and_newlines_equals_binary() {
    let bytes = std::fs::read(fixture("lo-dump.bin")).unwrap();
    let mut hex = String::new();
    for (i, b) in bytes.iter().enumerate() {
        hex.push_str(&format!("{b:02x}"));
        hex.push(if i % 16 == 15 { '\n' } else { ':' });
    }
    let (c1, from_hex, _) = run(&["decode", "-j"], hex.as_bytes());
    let (c2, from_bin, _) = run(&["decode", "-j", "--binary", "-"], &bytes);
    assert_eq!((c1, c2), (0, 0));
    assert_eq!(from_hex, from_bin);
    assert_eq!(from_hex.lines().count(), 2, "RTM_NEWLINK and NLMSG_DONE");
    let done: serde_json::Value = serde_json::from_str(from_hex.lines().nth(1).unwrap()).unwrap();
    assert_eq!(done["header"]["type"], "NLMSG_DONE");
    assert_eq!(done["header"]["flags"], serde_json::json!(["NLM_F_MULTI"]));
}

#[test]
fn malformed_input_names_the_offset_and_exits_1() {
    let bytes = std::fs::read(fixture("lo-dump.bin")).unwrap();
    // a truncated message
    let (code, _, err) = run(&["decode", "--binary"], &bytes[..40]);
    assert_eq!(code, 1);
    assert!(err.contains("offset 0"), "{err}");
    // garbage after a good message
    let mut v = bytes[..bytes.len() - 20].to_vec();
    v.extend_from_slice(&[3, 0, 0, 0, 1, 2]);
    let (code, out, err) = run(&["decode", "--binary", "-j"], &v);
    assert_eq!(code, 1);
    assert_eq!(out.lines().count(), 1, "the good message is still printed");
    assert!(
        err.contains(&format!("offset {}", bytes.len() - 20)),
        "{err}"
    );
    // bad hex
    let (code, _, err) = run(&["decode"], b"00 1g");
    assert_eq!(code, 1);
    assert!(err.contains("character 4"), "{err}");
    // bad arguments: usage, status 2, no panic
    let (code, _, err) = run(&["decode", "--family", "nonsense"], b"");
    assert_eq!(code, 2);
    assert!(err.contains("possible values"), "{err}");
}

#[test]
fn random_bytes_never_panic_the_tool() {
    // A fixed pseudo-random sequence, every prefix length of a corrupted fixture.
    let mut bytes = std::fs::read(fixture("lo-dump.bin")).unwrap();
    let mut x: u32 = 0x1234_5678;
    for b in bytes.iter_mut().step_by(7) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        *b = x as u8;
    }
    for family in ["route", "generic", "netfilter", "raw"] {
        for cut in [0, 3, 17, 100, 640, bytes.len()] {
            let (code, _, err) = run(&["decode", "--binary", "--family", family], &bytes[..cut]);
            assert!(
                code == 0 || code == 1,
                "{family} {cut}: status {code}: {err}"
            );
            assert!(!err.contains("panicked"), "{err}");
        }
    }
}

fn fixture_in(dir: &str, name: &str) -> String {
    format!(
        "{}/../tests/fixtures/{dir}/{name}",
        env!("CARGO_MANIFEST_DIR")
    )
}

#[test]
fn generic_family_hint_names_taskstats() {
    let meta: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(fixture_in("genl", "taskstats-get-self.bin.json")).unwrap(),
    )
    .unwrap();
    let hint = format!("TASKSTATS={}", meta["family_id"]);
    let f = fixture_in("genl", "taskstats-get-self.bin");
    let (code, out, err) = run(
        &[
            "decode",
            "--binary",
            "-j",
            "--family",
            "generic",
            "--genl-family",
            &hint,
            &f,
        ],
        b"",
    );
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
    assert_eq!(v["family"], "TASKSTATS");
    assert_eq!(v["cmd"], "TASKSTATS_CMD_NEW");
    let aggr = &v["attrs"][0];
    assert_eq!(aggr[0], "TASKSTATS_TYPE_AGGR_PID");
    assert_eq!(
        aggr[1][0],
        serde_json::json!(["TASKSTATS_TYPE_PID", meta["pid"]])
    );
    assert_eq!(aggr[1][1][1]["ac_pid"], meta["pid"]);
    assert_eq!(aggr[1][1][1]["ac_comm"], meta["comm"]);
    // without the hint the attributes stay raw, and a bad hint is a usage error
    let (code, out, _) = run(
        &["decode", "--binary", "-j", "--family", "generic", &f],
        b"",
    );
    assert_eq!(code, 0);
    assert!(!out.contains("TASKSTATS_TYPE_PID"));
    let (code, _, _) = run(
        &[
            "decode",
            "--binary",
            "--family",
            "generic",
            "--genl-family",
            "x",
            &f,
        ],
        b"",
    );
    assert_eq!(code, 2);
}

#[test]
fn ethernet_frames_decode_down_to_dhcp() {
    let (code, out, err) = run(
        &[
            "decode",
            "--binary",
            "-j",
            "--ethernet",
            &fixture_in("dhcp", "01-out.bin"),
        ],
        b"",
    );
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(v["ethernet"]["dst"], "ff:ff:ff:ff:ff:ff");
    assert_eq!(
        (v["udp"]["src_port"].as_u64(), v["udp"]["dst_port"].as_u64()),
        (Some(68), Some(67))
    );
    assert_eq!(v["ipv4"]["checksum_ok"], true);
    assert_eq!(
        v["dhcp"]["options"][0],
        serde_json::json!(["DHO_DHCP_MESSAGE_TYPE", "DHCPDISCOVER"])
    );
}
