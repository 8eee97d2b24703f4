//! Internet protocols in smoltcp's style: Ethernet II, IPv4, UDP (with the pseudo-header
//! checksum) and DHCPv4, as borrowed views and in-place builders, and the frame describer
//! behind `ferroute decode --ethernet`.

pub mod checksum;
pub mod dhcp;
pub mod eth;
pub mod ipv4;
pub mod udp;

use crate::nl::{Describe, Scalar, Visitor};

pub use dhcp::{Dhcp4Builder, Dhcp4Header, Dhcp4Msg, Dhcp4OptIter, Dhcp4Option, RawOption};
pub use eth::{EthernetFrame, EthernetRepr};
pub use ipv4::{Ipv4Packet, Ipv4Repr};
pub use udp::{Udp4PseudoHeader, UdpPacket, UdpRepr};

fn name_or_num(out: &mut dyn Visitor, name: Option<&'static str>, v: u64) {
    match name {
        Some(n) => out.scalar(Scalar::Name(n)),
        None => out.scalar(Scalar::U64(v)),
    }
}

fn describe_eth(f: &EthernetFrame<'_>, out: &mut dyn Visitor) {
    out.begin_object();
    out.key("dst");
    out.scalar(Scalar::Mac(&f.dst()));
    out.key("src");
    out.scalar(Scalar::Mac(&f.src()));
    out.key("ethertype");
    name_or_num(
        out,
        eth::ethertype_name(f.ethertype()),
        f.ethertype().into(),
    );
    out.end_object();
}

fn describe_ipv4(p: &Ipv4Packet<'_>, out: &mut dyn Visitor) {
    out.begin_object();
    for (k, v) in [
        ("version", p.version().into()),
        ("ihl", p.ihl().into()),
        ("dscp", p.dscp().into()),
        ("ecn", p.ecn().into()),
        ("total_len", p.total_len().into()),
        ("id", p.ident().into()),
        ("flags", p.flags().into()),
        ("frag_offset", p.frag_offset().into()),
        ("ttl", p.ttl().into()),
    ] {
        out.key(k);
        out.scalar(Scalar::U64(v));
    }
    out.key("protocol");
    ipv4_protocol(p.protocol(), out);
    out.key("checksum");
    out.scalar(Scalar::U64(p.checksum().into()));
    out.key("checksum_ok");
    out.scalar(Scalar::Bool(p.verify_checksum()));
    out.key("src");
    out.scalar(Scalar::Ip(p.src_addr().into()));
    out.key("dst");
    out.scalar(Scalar::Ip(p.dst_addr().into()));
    out.key("options");
    out.scalar(Scalar::Hex(p.options()));
    out.end_object();
}

fn ipv4_protocol(p: u8, out: &mut dyn Visitor) {
    name_or_num(out, ipv4::protocol_name(p), p.into())
}

fn describe_udp(u: &UdpPacket<'_>, ip: &Ipv4Packet<'_>, out: &mut dyn Visitor) {
    out.begin_object();
    for (k, v) in [
        ("src_port", u.src_port()),
        ("dst_port", u.dst_port()),
        ("len", u.len()),
        ("checksum", u.checksum()),
    ] {
        out.key(k);
        out.scalar(Scalar::U64(v.into()));
    }
    out.key("checksum_ok");
    out.scalar(Scalar::Bool(
        u.verify_checksum(ip.src_addr(), ip.dst_addr()),
    ));
    out.end_object();
}

fn error(out: &mut dyn Visitor, key: &str, e: crate::Error) {
    out.key(key);
    out.scalar(Scalar::Error(e));
}

/// Describes an Ethernet frame as `{"ethernet": {...}, "ipv4": {...}, "udp": {...},
/// "dhcp": {...}}` as far as the layers apply (IPv4 for ETH_P_IP, UDP for protocol 17,
/// DHCP for port 67 or 68); the bytes no layer claims come out as `"payload"` (hex) and a
/// layer that fails to parse as `"error"`. Addresses print as text, MACs as `aa:bb:..`.
/// For `ferroute decode --ethernet`.
pub fn describe_frame(frame: &[u8], out: &mut dyn Visitor) {
    out.begin_object();
    describe_layers(frame, out);
    out.end_object();
}

fn describe_layers(frame: &[u8], out: &mut dyn Visitor) {
    let f = match EthernetFrame::parse(frame) {
        Ok(f) => f,
        Err(e) => return error(out, "error", e),
    };
    out.key("ethernet");
    describe_eth(&f, out);
    if f.ethertype() != eth::ETH_P_IP {
        out.key("payload");
        return out.scalar(Scalar::Hex(f.payload()));
    }
    let ip = match Ipv4Packet::parse(f.payload()) {
        Ok(p) => p,
        Err(e) => return error(out, "error", offset_by(e, eth::ETH_HLEN)),
    };
    out.key("ipv4");
    describe_ipv4(&ip, out);
    // Fragments after the first carry no UDP header.
    if ip.protocol() != ipv4::IPPROTO_UDP || ip.frag_offset() != 0 {
        out.key("payload");
        return out.scalar(Scalar::Hex(ip.payload()));
    }
    let base = eth::ETH_HLEN + ip.header_len();
    let u = match UdpPacket::parse(ip.payload()) {
        Ok(u) => u,
        Err(e) => return error(out, "error", offset_by(e, base)),
    };
    out.key("udp");
    describe_udp(&u, &ip, out);
    let ports = [u.src_port(), u.dst_port()];
    if !ports
        .iter()
        .any(|p| [dhcp::DHCP_SERVER_PORT, dhcp::DHCP_CLIENT_PORT].contains(p))
    {
        out.key("payload");
        return out.scalar(Scalar::Hex(u.payload()));
    }
    match Dhcp4Msg::parse(u.payload()) {
        Ok(m) => {
            out.key("dhcp");
            m.describe(out);
        }
        Err(e) => error(out, "error", offset_by(e, base + udp::UDP_HLEN)),
    }
}

fn offset_by(mut e: crate::Error, by: usize) -> crate::Error {
    e.offset = e.offset.saturating_add(by as u32);
    e
}

/// Fuzzing entry point: decodes `data` as an Ethernet frame down to DHCP through every
/// view, verifies checksums, and rebuilds each header to check it reads back the same.
/// Never panics (a failed read-back assertion is a codec bug).
pub fn fuzz_frame(data: &[u8]) {
    describe_frame(data, &mut crate::nl::NullVisitor::default());
    let Ok(f) = EthernetFrame::parse(data) else {
        return;
    };
    let er = EthernetRepr::from_frame(&f);
    assert_eq!(
        &er.to_bytes()[..],
        f.bytes().get(..eth::ETH_HLEN).unwrap_or(&[])
    );
    // Whatever the ethertype, try the payload as IPv4 (and as UDP, and as DHCP).
    let Ok(ip) = Ipv4Packet::parse(f.payload()) else {
        fuzz_dhcp(f.payload());
        return;
    };
    let _ = (
        ip.verify_checksum(),
        ip.compute_checksum(),
        ip.more_frags(),
        ip.dont_frag(),
    );
    let repr = Ipv4Repr::from_packet(&ip);
    let mut hv: heapless::Vec<u8, { ipv4::IPV4_MAX_HLEN }> = heapless::Vec::new();
    if repr.emit(&mut hv, ip.payload().len()).is_ok() {
        // The rebuilt header is the original but for the (recomputed) checksum.
        let h = ip.header();
        assert_eq!(hv.get(..10), h.get(..10));
        assert_eq!(hv.get(12..), h.get(12..));
        if let Some(&[h0, h1]) = hv.get(10..12) {
            assert_eq!(u16::from_be_bytes([h0, h1]), ip.compute_checksum());
        }
    }
    let Ok(u) = UdpPacket::parse(ip.payload()) else {
        fuzz_dhcp(ip.payload());
        return;
    };
    let (s, d) = (ip.src_addr(), ip.dst_addr());
    let _ = (
        u.verify_checksum(s, d),
        u.compute_checksum(s, d),
        u.is_empty(),
    );
    let _ = Udp4PseudoHeader::new(s, d, u.len()).describe_to_null();
    let mut uv: heapless::Vec<u8, 2048> = heapless::Vec::new();
    let ur = UdpRepr {
        src_port: u.src_port(),
        dst_port: u.dst_port(),
    };
    if ur.emit(&mut uv, s, d, u.payload()).is_ok() {
        let again = UdpPacket::parse(&uv);
        assert_eq!(again.map(|a| a.payload()), Ok(u.payload()));
        if let Ok(a) = UdpPacket::parse(&uv) {
            assert!(a.verify_checksum(s, d));
        }
    }
    fuzz_dhcp(u.payload());
}

trait DescribeToNull {
    fn describe_to_null(&self) -> usize;
}

impl<T: Describe> DescribeToNull for T {
    fn describe_to_null(&self) -> usize {
        let mut n = crate::nl::NullVisitor::default();
        self.describe(&mut n);
        n.scalars
    }
}

/// Fuzzing entry point: walks `data` as a DHCPv4 message (every typed getter, the
/// overload walk, the describer) and as a bare option list, decoding every option and
/// rebuilding the message to check the options read back the same. Never panics.
pub fn fuzz_dhcp(data: &[u8]) {
    let mut null = crate::nl::NullVisitor::default();
    // As a bare option list, from the start.
    dhcp::describe_options(Dhcp4OptIter::new(data, 0), &mut null);
    for o in Dhcp4OptIter::new(data, 0) {
        let Ok(o) = o else { break };
        let _ = Dhcp4Option::decode(o);
    }
    let Ok(m) = Dhcp4Msg::parse(data) else {
        return;
    };
    m.describe(&mut null);
    let _ = m.header().describe_to_null();
    let _ = (
        m.sname(),
        m.file(),
        m.client_hwaddr(),
        m.broadcast(),
        m.overload(),
    );
    let _ = (
        m.subnet_mask(),
        m.time_offset(),
        m.routers().map(|r| r.map(|r| r.iter().count())),
        m.domain_name_servers(),
        m.host_name(),
        m.domain_name(),
        m.dhcp_lease_time(),
        m.dhcp_message_type(),
        m.dhcp_server_identifier(),
        m.dhcp_parameter_request_list(),
        m.dhcp_renewal_time(),
        m.dhcp_rebinding_time(),
        m.dhcp_client_identifier(),
        m.classless_static_routes()
            .map(|r| r.map(|r| r.iter().count())),
    );
    // Rebuild: header with the overload areas cleared, then every option in order (typed
    // where it decodes, raw otherwise). Reading back gives the same codes and data.
    let mut h = *m.header();
    let ov = m.overload();
    if ov & 1 != 0 {
        h.file = [0; 128];
    }
    if ov & 2 != 0 {
        h.sname = [0; 64];
    }
    let mut store = [0u8; 4096];
    let Ok(mut b) = Dhcp4Builder::new(crate::nl::SliceBuf::new(&mut store), &h) else {
        return;
    };
    let mut n = 0usize;
    for o in m.options() {
        let Ok(o) = o else { break };
        // The overload option would send the rebuilt walk into the cleared fields.
        if o.code == dhcp::DHO_DHCP_OPTION_OVERLOAD {
            continue;
        }
        let r = match Dhcp4Option::decode(o) {
            Ok(t) => b.option(&t),
            Err(_) => b.put(o.code, o.data),
        };
        if r.is_err() {
            return;
        }
        n += 1;
    }
    let Ok(buf) = b.finish() else { return };
    let Ok(m2) = Dhcp4Msg::parse(crate::nl::Buffer::as_slice(&buf)) else {
        panic!("rebuilt DHCP message does not parse");
    };
    let orig = m
        .options()
        .map_while(|o| o.ok())
        .filter(|o| o.code != dhcp::DHO_DHCP_OPTION_OVERLOAD);
    let mut count = 0usize;
    for (a, b) in orig.zip(m2.options()) {
        let b = b.ok();
        assert_eq!(Some((a.code, a.data)), b.map(|b| (b.code, b.data)));
        count += 1;
    }
    assert_eq!(count, n);
}
