//! 2000 sequential bind/close cycles with no fd leak (alone in its test binary, so the
//! /proc/self/fd count is not disturbed by other tests running in parallel).

use ferroute::{NetlinkSocket, Protocol};
use ferroute_tests::*;

#[test]
fn bind_and_close_2000_sockets_without_leaking_fds() {
    in_netns(|| {
        let before = open_fds();
        let mut ports = std::collections::HashSet::new();
        for _ in 0..2000 {
            let s = NetlinkSocket::open(Protocol::ROUTE).unwrap();
            ports.insert(s.port());
            s.close();
        }
        assert!(!ports.contains(&0));
        assert_eq!(open_fds(), before);
        // And 1100 at once (past libnl's 1024-port scheme), distinct port ids.
        let socks: Vec<_> = (0..1100)
            .map(|_| NetlinkSocket::open(Protocol::GENERIC).unwrap())
            .collect();
        let set: std::collections::HashSet<_> = socks.iter().map(|s| s.port()).collect();
        assert_eq!(set.len(), 1100);
        drop(socks);
        assert_eq!(open_fds(), before);
        // Explicit port id.
        let s = NetlinkSocket::open_bound(Protocol::ROUTE, 0x7654_3210, 0).unwrap();
        assert_eq!(s.port(), 0x7654_3210);
    });
}
