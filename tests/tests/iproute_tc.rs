//! Traffic control written through IPRoute: each object is made twice in a throwaway
//! namespace, by `tc` on one device and by ferroute (the same command line parsed by
//! `cli::parse`, mapped by `tc_spec_from_cmd`) on a twin device; `tc` must then show the
//! two identically. Deletions are checked with `tc` too.

use ferroute::cli::parse::{Action, Command as Cmd, parse_line};
use ferroute::cli::rows::{self, LinkNames};
use ferroute::iproute::tc::{ActSpec, TcOpts, TcSpec, tc_spec_from_cmd};
use ferroute::iproute::{IPRoute, Mode, RtnlRequests};
use ferroute_tests::{in_netns, nla, u32s};
use serde_json::Value;

/// Runs `cmd` with the words of `args`.
fn run(cmd: &str, args: &str) -> String {
    ferroute_tests::run(cmd, &args.split_whitespace().collect::<Vec<_>>())
}

/// `tc -j ...` as JSON with the action indexes (allocated per namespace) removed.
fn tc_json(args: &str) -> Value {
    let mut v: Value = serde_json::from_str(&run("tc", &format!("-j {args}"))).unwrap();
    for f in v.as_array_mut().unwrap() {
        if let Some(acts) = f
            .pointer_mut("/options/actions")
            .and_then(Value::as_array_mut)
        {
            for a in acts {
                a.as_object_mut().unwrap().remove("index");
            }
        }
    }
    v
}

/// Runs `line` (a tc command with `dev DEV`) through ferroute on `dev`.
fn ours(ipr: &mut IPRoute, line: &str, dev: &str) {
    let line = line.replace("DEV", dev);
    let words: Vec<&str> = line.split_whitespace().collect();
    let (_, cmd) = parse_line(&words).unwrap();
    let Cmd::Tc(t) = cmd else {
        panic!("not tc: {line}")
    };
    let names = LinkNames::load(ipr).unwrap();
    let spec = tc_spec_from_cmd(&t, &names).unwrap();
    let mode = match t.action {
        Action::Add => Mode::Add,
        Action::Replace => Mode::Replace,
        Action::Change => Mode::Change,
        _ => panic!("unexpected action in {line}"),
    };
    let r = match t.object {
        ferroute::cli::parse::TcObject::Qdisc => ipr.qdisc_new(mode, &spec),
        ferroute::cli::parse::TcObject::Class => ipr.class_new(mode, &spec),
        ferroute::cli::parse::TcObject::Filter => ipr.filter_new(mode, &spec),
    };
    r.unwrap_or_else(|e| panic!("{line}: {e}"));
}

#[test]
fn tc_objects_made_by_ferroute_equal_those_made_by_tc() {
    in_netns(|| {
        for l in [
            "link add a0 type veth peer name a1",
            "link add b0 type veth peer name b1",
            "link add ifb0 type ifb",
            "link add a2 type ifb",
            "link add b2 type ifb",
        ] {
            run("ip", l);
        }
        let mut ipr = IPRoute::new().unwrap();
        let lines = [
            "qdisc add dev DEV0 root handle 1: htb default 10 r2q 20",
            "class add dev DEV0 parent 1: classid 1:10 htb rate 1mbit ceil 2mbit prio 3",
            "class add dev DEV0 parent 1: classid 1:20 htb rate 512kbit burst 4k cburst 3k",
            "class add dev DEV0 parent 1:20 classid 1:21 htb rate 100mbit quantum 3000",
            "qdisc add dev DEV0 parent 1:10 handle 10: pfifo limit 77",
            "qdisc add dev DEV0 parent 1:21 handle 21: bfifo limit 9000",
            "qdisc add dev DEV1 root handle 5: tbf rate 1mbit burst 32kbit latency 50ms",
            "qdisc add dev DEV2 root handle 6: tbf rate 10mbit burst 10kb latency 70ms peakrate 20mbit minburst 1540",
            "class add dev DEV0 parent 1: classid 1:30 htb rate 5gbit ceil 6gbit",
            "qdisc add dev DEV0 ingress",
            "filter add dev DEV0 parent ffff: protocol ip prio 5 u32 match ip dst 10.0.0.0/24 match ip sport 80 0xffff action mirred egress redirect dev ifb0",
            "filter add dev DEV0 parent 1: protocol ip prio 1 u32 match ip src 10.0.0.7/32 flowid 1:20",
        ];
        for l in lines {
            run("tc", &l.replace("DEV", "a"));
            ours(&mut ipr, l, "b");
        }
        for (a, b) in [("a0", "b0"), ("a1", "b1"), ("a2", "b2")] {
            assert_eq!(
                tc_json(&format!("qdisc show dev {a}")),
                tc_json(&format!("qdisc show dev {b}")),
                "qdiscs"
            );
            // tc 6.1 prints classes as text even with -j
            assert_eq!(
                run("tc", &format!("class show dev {a}")),
                run("tc", &format!("class show dev {b}")),
                "classes"
            );
        }
        for p in ["ffff:", "1:"] {
            let want = tc_json(&format!("filter show dev a0 parent {p}"));
            assert!(!want.as_array().unwrap().is_empty());
            assert_eq!(want, tc_json(&format!("filter show dev b0 parent {p}")));
        }
        // Our dump and rows agree with tc on what we made.
        let b0 = LinkNames::load(&mut ipr).unwrap().index("b0").unwrap();
        assert_eq!(rows::qdiscs(&mut ipr, b0).unwrap().len(), 4);
        let f = rows::filters(&mut ipr, b0, 0xffff_0000).unwrap();
        assert!(f.iter().any(|r| matches!(
            &r.options,
            Some(ferroute::cli::format::FilterOptions::U32 { actions, .. })
                if actions.iter().any(|a| a.mirred == Some((1, "ifb0".into())))
        )));

        // Deletions.
        let mut u32f = TcSpec::new(b0, TcOpts::Kind("u32".into()));
        u32f.parent = 0x0001_0000;
        u32f.prio = 1;
        u32f.protocol = 0x0800;
        ipr.filter_del(&u32f).unwrap();
        assert_eq!(
            tc_json("filter show dev b0 parent 1:"),
            Value::Array(vec![])
        );
        let mut leaf = TcSpec::new(b0, TcOpts::None);
        leaf.parent = 0x0001_0021;
        leaf.handle = 0x0021_0000;
        ipr.qdisc_del(&leaf).unwrap();
        let mut c = TcSpec::new(b0, TcOpts::None);
        c.parent = 0x0001_0020;
        c.handle = 0x0001_0021;
        ipr.class_del(&c).unwrap();
        assert!(!run("tc", "class show dev b0").contains("1:21"));
        let mut ing = TcSpec::new(b0, TcOpts::Ingress);
        ing.parent = 0xffff_fff1;
        ing.handle = 0xffff_0000;
        ipr.qdisc_del(&ing).unwrap();
        let mut root = TcSpec::new(b0, TcOpts::None);
        root.handle = 0x0001_0000;
        ipr.qdisc_del(&root).unwrap();
        let left = tc_json("qdisc show dev b0");
        assert!(
            left.as_array()
                .unwrap()
                .iter()
                .all(|q| q["kind"] != "htb" && q["kind"] != "ingress"),
            "{left}"
        );

        // A hand-built spec: clsact and a u32 filter at clsact egress mirroring to b0.
        let b1 = LinkNames::load(&mut ipr).unwrap().index("b1").unwrap();
        ipr.qdisc_new(Mode::Add, &{
            let mut s = TcSpec::new(b1, TcOpts::Clsact);
            s.parent = 0xffff_fff1;
            s.handle = 0xffff_0000;
            s
        })
        .unwrap();
        let mut f = TcSpec::new(
            b1,
            TcOpts::U32 {
                keys: vec![],
                classid: None,
                actions: vec![ActSpec::Mirred {
                    eaction: 2,
                    ifindex: b0,
                    verdict: 3,
                }],
            },
        );
        f.parent = 0xffff_fff3;
        f.prio = 7;
        f.protocol = 0x0800;
        ipr.filter_new(Mode::Add, &f).unwrap();
        let got = run("tc", "filter show dev b1 egress");
        assert!(got.contains("filter protocol ip pref 7 u32"), "{got}");
        assert!(
            got.contains("action order 1: mirred (Egress Mirror to device b0) pipe"),
            "{got}"
        );
    });
}

/// gact is not in this kernel: its request bytes are checked against the UAPI layout.
#[test]
fn gact_action_bytes_follow_the_uapi_layout() {
    let mut f = TcSpec::new(
        3,
        TcOpts::U32 {
            keys: vec![],
            classid: None,
            actions: vec![ActSpec::Gact(2)],
        },
    );
    f.parent = 0xffff_0000;
    let mut buf = Vec::new();
    ferroute::iproute::tc::tc_request(
        &mut buf,
        1,
        ferroute::iproute::tc::TcObject::Filter,
        Some(Mode::Add),
        false,
        &f,
    )
    .unwrap();
    // TCA_U32_ACT (7) { [1] { TCA_ACT_KIND "gact", TCA_ACT_OPTIONS|NLA_F_NESTED {
    //   TCA_GACT_PARMS struct tc_gact { index 0, capab 0, action TC_ACT_SHOT 2,
    //   refcnt 0, bindcnt 0 } } } }
    let mut want: Vec<u8> = Vec::new();
    let nla = |w: &mut Vec<u8>, len: u16, ty: u16| {
        w.extend_from_slice(&len.to_ne_bytes());
        w.extend_from_slice(&ty.to_ne_bytes());
    };
    nla(&mut want, 4 + 4 + 12 + 4 + 24, 7);
    nla(&mut want, 4 + 12 + 4 + 24, 1);
    nla(&mut want, 9, 1);
    want.extend_from_slice(b"gact\0\0\0\0");
    nla(&mut want, 4 + 24, 2 | 0x8000);
    nla(&mut want, 24, 2);
    for v in [0i32, 0, 2, 0, 0] {
        want.extend_from_slice(&v.to_ne_bytes());
    }
    assert!(
        buf.windows(want.len()).any(|w| w == want.as_slice()),
        "{buf:02x?}"
    );
}

/// The attributes after `struct tcmsg` of the RTM_NEWQDISC request for `o`.
fn qdisc_attrs(o: TcOpts) -> Vec<u8> {
    let mut buf = Vec::new();
    ferroute::iproute::tc::tc_request(
        &mut buf,
        1,
        ferroute::iproute::tc::TcObject::Qdisc,
        Some(Mode::Add),
        false,
        &TcSpec::new(2, o),
    )
    .unwrap();
    // nlmsghdr (16) + tcmsg (20)
    assert_eq!(&buf[16..20], &[0, 0, 0, 0], "tcm_family + pad");
    assert_eq!(&buf[20..24], &2i32.to_ne_bytes(), "tcm_ifindex");
    assert_eq!(
        &buf[28..32],
        &u32::MAX.to_ne_bytes(),
        "tcm_parent = TC_H_ROOT"
    );
    buf[36..].to_vec()
}

/// prio, fq_codel, sfq and netem are not in this kernel: their requests are checked
/// byte for byte against layouts written from linux/pkt_sched.h.
#[test]
fn qdiscs_missing_here_follow_the_uapi_layout() {
    // prio: TCA_OPTIONS is a bare struct tc_prio_qopt { int bands; __u8 priomap[16]; }
    let mut want = Vec::new();
    want.extend(nla(1, b"prio\0"));
    let mut q = 3i32.to_ne_bytes().to_vec();
    q.extend_from_slice(&[1, 2, 2, 2, 1, 2, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1]);
    want.extend(nla(2, &q));
    assert_eq!(
        qdisc_attrs(TcOpts::Prio {
            bands: None,
            priomap: None
        }),
        want
    );

    // fq_codel: TCA_FQ_CODEL_LIMIT 2, _TARGET 1 (us), _ECN 4, nested in TCA_OPTIONS
    let mut inner = Vec::new();
    inner.extend(nla(2, &1000u32.to_ne_bytes()));
    inner.extend(nla(1, &5000u32.to_ne_bytes()));
    inner.extend(nla(4, &1u32.to_ne_bytes()));
    let mut want = Vec::new();
    want.extend(nla(1, b"fq_codel\0"));
    want.extend(nla(2, &inner));
    assert_eq!(
        qdisc_attrs(TcOpts::FqCodel {
            limit: Some(1000),
            flows: None,
            target: Some(5000),
            interval: None,
            quantum: None,
            ecn: Some(true),
        }),
        want
    );

    // sfq: bare struct tc_sfq_qopt { unsigned quantum; int perturb_period; __u32 limit;
    // unsigned divisor; unsigned flows; }
    let mut want = Vec::new();
    want.extend(nla(1, b"sfq\0"));
    want.extend(nla(2, &u32s(&[1514, 10, 127, 0, 0])));
    assert_eq!(
        qdisc_attrs(TcOpts::Sfq {
            perturb: Some(10),
            quantum: Some(1514),
            limit: Some(127),
        }),
        want
    );

    // netem delay 100ms 10ms 25% loss 1%: struct tc_netem_qopt { latency, limit, loss,
    // gap, duplicate, jitter } (times in 64 ns ticks: 100000 us = 1562500 ticks,
    // probabilities scaled to UINT32_MAX), then TCA_NETEM_CORR (1) { delay_corr,
    // loss_corr, dup_corr } inside the same TCA_OPTIONS.
    let pct = |p: f64| (p / 100.0 * f64::from(u32::MAX)) as u32;
    let mut inner = u32s(&[1_562_500, 1000, pct(1.0), 0, 0, 156_250]);
    inner.extend(nla(1, &u32s(&[pct(25.0), 0, 0])));
    let mut want = Vec::new();
    want.extend(nla(1, b"netem\0"));
    want.extend(nla(2, &inner));
    assert_eq!(
        qdisc_attrs(TcOpts::Netem(ferroute::cli::parse::NetemOpts {
            delay: Some((100_000, Some(10_000), Some(25.0))),
            loss: Some((1.0, None)),
            ..Default::default()
        })),
        want
    );
}
