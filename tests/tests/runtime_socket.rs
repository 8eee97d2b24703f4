//! Runtime socket and request engine against the real kernel, each test in its own
//! throwaway network namespace.

use ferroute::codec::nl::{Messages, NlMsg};
use ferroute::sockopt::*;
use ferroute::{Error, IntrPolicy, NetlinkSocket, Protocol, RtnlSocket};
use ferroute_tests::*;

const EEXIST: i32 = 17;
const EOPNOTSUPP: i32 = 95;
const EINVAL: i32 = 22;
const ERANGE: i32 = 34;

fn ip_link_names() -> Vec<String> {
    ip_json(&["link", "show"])
        .as_array()
        .expect("array")
        .iter()
        .map(|l| l["ifname"].as_str().expect("ifname").to_string())
        .collect()
}

#[test]
fn dump_links_in_fresh_namespace_is_only_lo() {
    in_netns(|| {
        let mut s = NetlinkSocket::open(Protocol::ROUTE).unwrap();
        assert_ne!(s.port(), 0);
        assert_eq!(link_names(&mut s), vec!["lo".to_string()]);
        assert_eq!(ip_link_names(), vec!["lo".to_string()]);
    });
}

#[test]
fn veth_create_ack_then_duplicate_and_unknown_kind_errors() {
    in_netns(|| {
        let mut s = RtnlSocket::raw().unwrap();
        s.request(&newlink("ft0", "veth", Some("ft1"))).unwrap();
        let mut names = ip_link_names();
        names.sort();
        assert_eq!(names, ["ft0", "ft1", "lo"]);
        let mut ours = link_names(&mut s);
        ours.sort();
        assert_eq!(ours, names);

        // Duplicate: EEXIST from the kernel.
        let e = s.request(&newlink("ft0", "veth", Some("ft1"))).unwrap_err();
        let k = e.kernel().expect("kernel error").clone();
        assert_eq!(k.errno, EEXIST, "{e}");
        assert_eq!(k.request_type, Some(RTM_NEWLINK));
        // This kernel (6.18) attaches no extended-ack text to this EEXIST.
        eprintln!("duplicate veth: {e}");

        // Unknown kind: EOPNOTSUPP with the kernel's text, pointing at IFLA_INFO_KIND.
        let req = newlink("ft2", "no-such-kind", None);
        let e = s.request(&req).unwrap_err();
        let k = e.kernel().expect("kernel error");
        assert_eq!(k.errno, EOPNOTSUPP);
        assert_eq!(k.msg.as_deref(), Some("Unknown device type"));
        eprintln!("unknown kind: {e}");
        // This kernel gives no offset for the unknown kind; a policy failure does:
        // IFLA_MTU (4) with a 2-byte payload.
        use ferroute::codec::nl::{MsgBuilder, NlaWriter};
        let mut b = MsgBuilder::new(Vec::new(), RTM_NEWLINK, CREATE_EXCL, 0, 0).unwrap();
        b.append_bytes(&[0u8; 16]).unwrap();
        b.put_str(IFLA_IFNAME, "ft3").unwrap();
        b.put_u16(4, 1400).unwrap();
        let e = s.request(&b.finish().unwrap()).unwrap_err();
        let k = e.kernel().expect("kernel error");
        eprintln!("short IFLA_MTU: {e}");
        assert_eq!(k.errno, ERANGE);
        assert_eq!(k.offset, Some(40)); // 16 header + 16 ifinfomsg + 8 IFLA_IFNAME
        assert_eq!(k.attr.as_deref(), Some(&[4u16][..]));
        // The path into a nest, for an offset inside IFLA_LINKINFO of the first request
        // (the kernel gives none there; the lookup is what it would use).
        let req = newlink("ft2", "no-such-kind", None);
        assert_eq!(
            ferroute::error::attr_at_offset(&req, 44),
            Some(vec![IFLA_LINKINFO, IFLA_INFO_KIND])
        );
        assert_eq!(
            ferroute::error::attr_at_offset(&req, 40),
            Some(vec![IFLA_LINKINFO])
        );
        assert_eq!(ferroute::error::attr_at_offset(&req, 20), None);
    });
}

#[test]
fn socket_options_are_set_and_read_back() {
    in_netns(|| {
        let mut s = NetlinkSocket::open(Protocol::ROUTE).unwrap();
        s.set_ext_ack(true).unwrap();
        s.set_strict_check(true).unwrap();
        s.set_cap_ack(true).unwrap();
        s.set_listen_all_nsid(true).unwrap();
        s.set_no_enobufs(true).unwrap();
        for o in [
            NETLINK_EXT_ACK,
            NETLINK_GET_STRICT_CHK,
            NETLINK_CAP_ACK,
            NETLINK_LISTEN_ALL_NSID,
            NETLINK_NO_ENOBUFS,
        ] {
            assert_eq!(s.opt(o).unwrap(), 1, "option {o}");
        }
        // SO_RCVBUFFORCE past rmem_max (root): the kernel doubles what it is given.
        s.set_recv_buffer_size(8 << 20, true).unwrap();
        assert_eq!(s.recv_buffer_size().unwrap(), 16 << 20);
        s.set_send_buffer_size(1 << 20, true).unwrap();
        assert_eq!(s.send_buffer_size().unwrap(), 2 << 20);
        // Groups above 31 through NETLINK_ADD_MEMBERSHIP.
        s.add_membership(1).unwrap();
        s.add_membership(33).unwrap(); // RTNLGRP_BRVLAN
        assert_eq!(s.memberships().unwrap(), vec![1, 33]);
        s.drop_membership(33).unwrap();
        assert_eq!(s.memberships().unwrap(), vec![1]);
        // A clone has a new fd and port with the same options and groups.
        let c = s.try_clone().unwrap();
        assert_ne!(c.port(), s.port());
        assert_eq!(c.opt(NETLINK_CAP_ACK).unwrap(), 1);
        assert_eq!(c.memberships().unwrap(), vec![1]);
        assert_eq!(c.recv_buffer_size().unwrap(), 16 << 20);
        // Other protocols open.
        for p in [
            Protocol::GENERIC,
            Protocol::NETFILTER,
            Protocol::SOCK_DIAG,
            Protocol::XFRM,
            Protocol::KOBJECT_UEVENT,
        ] {
            NetlinkSocket::open(p).unwrap();
        }
    });
}

#[test]
fn nonblocking_and_timeout() {
    in_netns(|| {
        let mut s = NetlinkSocket::open(Protocol::ROUTE).unwrap();
        s.set_nonblocking(true).unwrap();
        let e = s.recv().unwrap_err();
        assert!(e.is_would_block(), "{e}");
        s.set_nonblocking(false).unwrap();
        s.set_timeout(Some(std::time::Duration::from_millis(50)));
        assert_eq!(s.recv().unwrap_err(), Error::Timeout);
    });
}

#[test]
fn datagram_over_64k_arrives_whole_and_foreign_senders_are_dropped_by_default() {
    in_netns(|| {
        let mut rx = NetlinkSocket::open(Protocol::USERSOCK).unwrap();
        rx.set_recv_buffer_size(4 << 20, true).unwrap();
        rx.set_recv_buffer_len(256);
        let mut tx = NetlinkSocket::open(Protocol::USERSOCK).unwrap();
        tx.set_send_buffer_size(4 << 20, true).unwrap();
        // One 100,000-byte message (type 0x100, one 4-byte-aligned payload pattern).
        let len = 100_000usize;
        let mut msg = vec![0u8; len];
        msg[..4].copy_from_slice(&(len as u32).to_ne_bytes());
        msg[4..6].copy_from_slice(&0x100u16.to_ne_bytes());
        for (i, b) in msg[16..].iter_mut().enumerate() {
            *b = (i % 251) as u8;
        }
        // Dropped by default: the sender is not the kernel.
        tx.send_to(&msg, rx.port()).unwrap();
        rx.set_nonblocking(true).unwrap();
        assert!(rx.recv().unwrap_err().is_would_block());
        // Accepted on opt-in, whole.
        rx.set_accept_foreign(true);
        tx.send_to(&msg, rx.port()).unwrap();
        let d = rx.recv().unwrap();
        assert_eq!(d.len(), len);
        assert_eq!(d, &msg[..]);
        assert!(rx.recv_buffer_len() >= len);
    });
}

#[test]
fn dump_with_tiny_buffer_grows_and_kernel_dump_datagrams_stay_under_32k() {
    in_netns(|| {
        ip(&["link", "set", "lo", "up"]);
        let script: String = (0..3000)
            .map(|i| format!("route add 10.{}.{}.0/24 dev lo\n", i / 256, i % 256))
            .collect();
        ip_batch(&script);
        let mut s = NetlinkSocket::open(Protocol::ROUTE).unwrap();
        s.set_recv_buffer_size(8 << 20, true).unwrap();
        // A 64-byte buffer: every datagram is larger and must grow it.
        s.set_recv_buffer_len(64);
        let mut n = 0;
        s.dump_each(&getroute_dump(2), |m| {
            if m.payload()[4] == 254 {
                n += 1;
            }
        })
        .unwrap();
        assert_eq!(n, 3000);
        // With a large buffer, how big do kernel dump datagrams get? (the kernel caps
        // dump skbs at 32 KiB minus overhead unless a message needs more).
        s.set_recv_buffer_len(1 << 20);
        let raw = getroute_dump(2);
        let mut req = raw.clone();
        req[6..8].copy_from_slice(&0x301u16.to_ne_bytes());
        req[8..12].copy_from_slice(&77u32.to_ne_bytes());
        s.send_raw(&req).unwrap();
        let mut max = 0;
        'outer: loop {
            let d = s.recv().unwrap();
            max = max.max(d.len());
            for m in Messages::new(d) {
                if m.unwrap().nlmsg_type() == 3 {
                    break 'outer;
                }
            }
        }
        eprintln!("largest route dump datagram: {max} bytes");
        assert!(max > 16 * 1024 && max <= 32 * 1024, "{max}");
    });
}

#[test]
fn multicast_sees_newlink_from_another_socket() {
    in_netns(|| {
        let mut mon = NetlinkSocket::open(Protocol::ROUTE).unwrap();
        mon.add_membership(1).unwrap(); // RTNLGRP_LINK
        mon.set_timeout(Some(std::time::Duration::from_secs(5)));
        let mut s = RtnlSocket::raw().unwrap();
        s.request(&newlink("mc0", "veth", Some("mc1"))).unwrap();
        let mut seen = Vec::new();
        while seen.len() < 2 {
            let d = mon.recv().unwrap();
            for m in Messages::new(d) {
                let m = m.unwrap();
                assert_eq!(m.nlmsg_seq(), 0);
                if m.nlmsg_type() == RTM_NEWLINK {
                    let name = link_name(&m).unwrap();
                    seen.push(name.to_string());
                }
            }
        }
        seen.sort();
        assert_eq!(seen, ["mc0", "mc1"]);
    });
}

#[test]
fn late_replies_and_broadcasts_are_kept_aside_not_mixed_into_replies() {
    in_netns(|| {
        let mut s = RtnlSocket::raw().unwrap();
        s.add_membership(1).unwrap();
        // An abandoned dump with a seq of our own choosing.
        let mut req = getlink_dump();
        req[6..8].copy_from_slice(&0x301u16.to_ne_bytes());
        req[8..12].copy_from_slice(&5u32.to_ne_bytes());
        s.send_raw(&req).unwrap();
        // A request: its ACK is found past the stale dump and the broadcasts.
        s.request(&newlink("lr0", "veth", Some("lr1"))).unwrap();
        // And a dump is not polluted either.
        let names = link_names(&mut s);
        assert_eq!(names.len(), 3);
        // What was kept: the stale dump (seq 5, ends with DONE) and the NEWLINK events.
        let mut stale = 0;
        let mut events = 0;
        while s.backlog_len() > 0 {
            s.recv_each(|m: NlMsg<'_>| match m.nlmsg_seq() {
                5 => stale += 1,
                0 => events += 1,
                other => panic!("unexpected seq {other}"),
            })
            .unwrap();
        }
        assert_eq!(stale, 2, "lo + DONE");
        assert!(events >= 2, "{events}");
        // Sequence numbers: unique, non-zero.
        let a = s.next_seq();
        let b = s.next_seq();
        assert!(a != 0 && b != 0 && a != b);
    });
}

#[test]
fn callbacks_see_messages_and_their_errors_never_break_the_reader() {
    in_netns(|| {
        let mut s = NetlinkSocket::open(Protocol::ROUTE).unwrap();
        let seen = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let seen2 = seen.clone();
        let ok = s.add_callback(
            |m| m.nlmsg_type() == RTM_NEWLINK,
            move |_| {
                seen2.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                Ok(())
            },
        );
        let bad = s.add_callback(|_| true, |_| Err("nope".into()));
        let boom = s.add_callback(|m| m.nlmsg_type() == 3, |_| panic!("boom"));
        assert_eq!(link_names(&mut s), ["lo"]);
        assert_eq!(seen.load(std::sync::atomic::Ordering::Relaxed), 1);
        let errs = s.take_callback_errors();
        assert!(errs.iter().any(|e| e.id == bad && e.error == "nope"));
        assert!(
            errs.iter()
                .any(|e| e.id == boom && e.error == "boom" && e.msg_type == 3)
        );
        assert!(s.remove_callback(ok));
        assert!(!s.remove_callback(ok));
        // Still usable.
        assert_eq!(link_names(&mut s), ["lo"]);
        // Policies: registered decode used for a type.
        fn one(_: &NlMsg<'_>, out: &mut dyn ferroute::codec::nl::Visitor) {
            out.scalar(ferroute::codec::nl::Scalar::Str("mine"));
        }
        s.register_policy(RTM_NEWLINK, one);
        let msg = newlink("x", "veth", None);
        let m = NlMsg::parse(&msg).unwrap();
        let mut v = ferroute::codec::nl::NullVisitor::default();
        assert!(s.decode(&m, &mut v));
    });
}

#[test]
fn dump_errors_and_dump_intr_are_surfaced() {
    in_netns(|| {
        ip(&["link", "set", "lo", "up"]);
        // An error instead of a dump: strict checking rejects a bad header.
        let mut s = RtnlSocket::raw().unwrap();
        s.set_strict_check(true).unwrap();
        let mut bad = getroute_dump(2);
        bad[16 + 1] = 99; // rtm_dst_len out of range
        let e = s.dump_each(&bad, |_| {}).unwrap_err();
        assert_eq!(e.errno(), Some(EINVAL), "{e}");
        eprintln!("bad dump header: {e}");

        // Many addresses so the address dump spans several datagrams.
        let script: String = (0..2000)
            .map(|i| format!("addr add 10.1.{}.{}/32 dev lo\n", i / 250, i % 250 + 1))
            .collect();
        ip_batch(&script);
        let mut other = RtnlSocket::raw().unwrap();
        let mut k = 0u32;
        let mut change = move || {
            k += 1;
            other
                .request(&newaddr_v4(
                    1,
                    [10, 2, (k / 250) as u8, (k % 250) as u8 + 1],
                    32,
                ))
                .unwrap();
        };
        // The table changes after the first message: the kernel marks the rest.
        s.set_recv_buffer_len(8192);
        s.set_intr_policy(IntrPolicy::Partial);
        let mut first = true;
        let sum = s
            .dump_each(&getaddr_dump(2), |_| {
                if std::mem::take(&mut first) {
                    change();
                }
            })
            .unwrap();
        assert!(sum.interrupted);
        assert!(sum.messages > 2000);
        // Fail policy: an error.
        s.set_intr_policy(IntrPolicy::Fail);
        let mut first = true;
        let e = s
            .dump_each(&getaddr_dump(2), |_| {
                if std::mem::take(&mut first) {
                    change();
                }
            })
            .unwrap_err();
        assert_eq!(e, Error::DumpInterrupted);
        // Retry: the second pass is clean.
        s.set_intr_policy(IntrPolicy::Retry(3));
        let mut first = true;
        let got = s
            .dump_collect(&getaddr_dump(2), |m| {
                if std::mem::take(&mut first) {
                    change();
                }
                Some(m.bytes().len())
            })
            .unwrap();
        assert_eq!(got.retries, 1);
        assert!(!got.interrupted);
        // 2000 + 3 added + 127.0.0.1.
        assert_eq!(got.items.len(), 2004);
    });
}

/// Another thread changes the addresses while this one dumps them. (IPv4 route dumps
/// are not marked NLM_F_DUMP_INTR by this kernel: the FIB dump has no generation check;
/// link and address dumps have one, so addresses are what a concurrent writer can
/// interrupt.) Also checked: a route dump with routes changing meanwhile still ends.
#[test]
fn dump_while_another_thread_changes_addresses_is_marked_interrupted() {
    use std::sync::atomic::{AtomicBool, Ordering};
    in_netns(|| {
        ip(&["link", "set", "lo", "up"]);
        let script: String = (0..3000)
            .map(|i| format!("addr add 10.5.{}.{}/32 dev lo\n", i / 250, i % 250 + 1))
            .collect();
        ip_batch(&script);
        let stop = std::sync::Arc::new(AtomicBool::new(false));
        let stop2 = stop.clone();
        let writer = std::thread::spawn(move || {
            let mut w = RtnlSocket::raw().unwrap();
            let mut i = 0u32;
            while !stop2.load(Ordering::Relaxed) && i < 60_000 {
                let a = [
                    10,
                    6 + (i / 62_500) as u8,
                    ((i / 250) % 250) as u8,
                    (i % 250) as u8 + 1,
                ];
                w.request(&newaddr_v4(1, a, 32)).unwrap();
                if i.is_multiple_of(2) {
                    w.request(&newroute_v4(
                        [10, 9, (i / 256 % 256) as u8, (i % 256) as u8],
                        32,
                        1,
                    ))
                    .ok();
                }
                i += 1;
                std::thread::sleep(std::time::Duration::from_micros(200));
            }
            i
        });
        let mut s = RtnlSocket::raw().unwrap();
        s.set_recv_buffer_len(4096);
        s.set_intr_policy(IntrPolicy::Partial);
        let mut interrupted = false;
        let mut attempts = 0;
        while !interrupted && attempts < 20 {
            attempts += 1;
            // A route dump meanwhile ends normally.
            s.dump_each(&getroute_dump(2), |_| {}).unwrap();
            let sum = s.dump_each(&getaddr_dump(2), |_| {}).unwrap();
            interrupted = sum.interrupted;
        }
        stop.store(true, Ordering::Relaxed);
        let added = writer.join().unwrap();
        eprintln!("address dump interrupted after {attempts} attempts ({added} addresses added)");
        assert!(interrupted);
    });
}
