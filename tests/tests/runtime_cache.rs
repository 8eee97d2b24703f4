//! The cache thread under a storm: exact overrun counts at the point of loss, and the
//! thread keeps running. Kernel ENOBUFS surfaced as an overrun.

use std::time::Duration;

use ferroute::codec::nl::Messages;
use ferroute::{CacheConfig, Error, NetlinkSocket, Protocol, RtnlSocket};
use ferroute_tests::*;

/// RTNLGRP_IPV4_ROUTE.
const RTNLGRP_IPV4_ROUTE: u32 = 7;

/// Counts the RTM_NEWROUTE messages for 10.3.0.0/16 in one datagram; returns its size.
fn count_routes(d: &[u8], n: &mut u64) {
    for m in Messages::new(d) {
        let m = m.unwrap();
        if m.nlmsg_type() == RTM_NEWROUTE {
            let dst = m.attrs_after(12).find(RTA_DST).unwrap().as_ipv4().unwrap();
            if dst.octets()[..2] == [10, 3] {
                *n += 1;
            }
        }
    }
}

#[test]
fn storm_overrun_counts_are_exact_and_thread_survives() {
    in_netns(|| {
        ip(&["link", "set", "lo", "up"]);
        let mut mon = NetlinkSocket::open(Protocol::ROUTE).unwrap();
        // A kernel buffer big enough that the kernel never drops: all loss is the ring's.
        mon.set_recv_buffer_size(64 << 20, true).unwrap();
        mon.add_membership(RTNLGRP_IPV4_ROUTE).unwrap();
        let cap = 100;
        mon.enable_cache(CacheConfig {
            capacity_bytes: 64 * 1024,
            capacity_datagrams: cap,
        })
        .unwrap();

        // The storm, from another thread (same namespace) while the consumer sleeps.
        let produced: u64 = 3000;
        std::thread::spawn(move || {
            let mut s = RtnlSocket::raw().unwrap();
            for i in 0..produced as u32 {
                s.request(&newroute_v4(
                    [10, 3, (i / 256) as u8, (i % 256) as u8],
                    32,
                    1,
                ))
                .unwrap();
            }
        })
        .join()
        .unwrap();
        // Let the cache thread drain the kernel queue.
        let deadline = std::time::Instant::now() + Duration::from_secs(10);
        while mon.cache_stats().unwrap().received < produced {
            assert!(
                std::time::Instant::now() < deadline,
                "{:?}",
                mon.cache_stats()
            );
            std::thread::sleep(Duration::from_millis(10));
        }

        mon.set_timeout(Some(Duration::from_millis(300)));
        let mut delivered = 0u64;
        let mut dropped = 0u64;
        let mut dropped_bytes = 0u64;
        let mut first_loss_at = None;
        let mut size = 0;
        loop {
            match mon.recv() {
                Ok(d) => {
                    size = d.len();
                    count_routes(d, &mut delivered);
                }
                Err(Error::Overrun(o)) => {
                    assert_eq!(o.enobufs, 0);
                    first_loss_at.get_or_insert(delivered);
                    dropped += o.datagrams;
                    dropped_bytes += o.bytes;
                }
                Err(Error::Timeout) => break,
                Err(e) => panic!("{e}"),
            }
        }
        eprintln!("delivered {delivered}, dropped {dropped} ({dropped_bytes} bytes)");
        assert_eq!(delivered + dropped, produced);
        assert_eq!(delivered, cap as u64);
        // The loss is reported where it happened: right after the ring filled up.
        assert_eq!(first_loss_at, Some(cap as u64));
        // Every notification has the same size here.
        assert_eq!(dropped_bytes, dropped * size as u64);
        let st = mon.cache_stats().unwrap();
        assert_eq!(st.received, produced);
        assert_eq!(st.delivered, delivered);
        assert_eq!(st.dropped_datagrams, dropped);
        assert_eq!(st.dropped_bytes, dropped_bytes);

        // The thread still runs: a new route is delivered, and a request works through
        // the ring too.
        let mut s = RtnlSocket::raw().unwrap();
        s.request(&newroute_v4([10, 3, 200, 1], 32, 1)).unwrap();
        let mut n = 0;
        count_routes(mon.recv().unwrap(), &mut n);
        assert_eq!(n, 1);
        assert_eq!(link_names(&mut mon), ["lo"]);
        mon.close(); // wakes and joins the thread
    });
}

#[test]
fn kernel_enobufs_is_reported_as_an_overrun() {
    in_netns(|| {
        ip(&["link", "set", "lo", "up"]);
        let mut mon = NetlinkSocket::open(Protocol::ROUTE).unwrap();
        mon.set_recv_buffer_size(4096, false).unwrap();
        mon.add_membership(RTNLGRP_IPV4_ROUTE).unwrap();
        let mut s = RtnlSocket::raw().unwrap();
        for i in 0..500u32 {
            s.request(&newroute_v4(
                [10, 4, (i / 256) as u8, (i % 256) as u8],
                32,
                1,
            ))
            .unwrap();
        }
        mon.set_timeout(Some(Duration::from_millis(200)));
        let mut enobufs = 0;
        let mut got = 0;
        loop {
            match mon.recv() {
                Ok(_) => got += 1,
                Err(Error::Overrun(o)) => enobufs += o.enobufs,
                Err(Error::Timeout) => break,
                Err(e) => panic!("{e}"),
            }
        }
        assert!(enobufs >= 1, "got {got}");
        assert!(got < 500);
    });
}
