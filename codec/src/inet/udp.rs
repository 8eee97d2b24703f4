//! UDP (RFC 768): a view over a datagram, the IPv4 pseudo-header its checksum covers, and
//! a builder.

use core::net::Ipv4Addr;

use super::checksum;
use super::ipv4::IPPROTO_UDP;
use crate::nl::{Buffer, Error, ErrorKind};

/// Bytes of the UDP header.
pub const UDP_HLEN: usize = 8;

wire_struct! {
    /// The IPv4 pseudo-header the UDP checksum covers (RFC 768; pyroute2's
    /// `udp4_pseudo_header`): source, destination, a zero byte, the protocol (17) and the
    /// UDP length. Never sent; only summed.
    pub struct Udp4PseudoHeader {
        /// Source address.
        src: [u8; 4],
        /// Destination address.
        dst: [u8; 4],
        /// Zero.
        zero: u8,
        /// Protocol (17 for UDP).
        proto: u8,
        /// UDP length (header and data).
        udp_len: be16,
    }
}

impl Udp4PseudoHeader {
    /// The pseudo-header of a UDP datagram of `udp_len` bytes from `src` to `dst`.
    pub fn new(src: Ipv4Addr, dst: Ipv4Addr, udp_len: u16) -> Self {
        Udp4PseudoHeader {
            src: src.octets(),
            dst: dst.octets(),
            zero: 0,
            proto: IPPROTO_UDP,
            udp_len: udp_len.into(),
        }
    }
    /// The 12 bytes as summed.
    pub fn as_bytes(&self) -> &[u8] {
        zerocopy::IntoBytes::as_bytes(self)
    }
}

fn be16(b: &[u8], at: usize) -> u16 {
    match b.get(at..at + 2) {
        Some(&[x, y]) => u16::from_be_bytes([x, y]),
        _ => 0,
    }
}

/// A view of a UDP datagram; the data ends at the UDP length (bytes after it are ignored).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UdpPacket<'a> {
    buf: &'a [u8],
}

impl<'a> UdpPacket<'a> {
    /// Checks the framing: 8 header bytes, a length of at least 8 and within `buf`.
    pub fn parse(buf: &'a [u8]) -> Result<Self, Error> {
        if buf.len() < UDP_HLEN {
            return Err(Error::new(
                ErrorKind::Truncated {
                    need: UDP_HLEN as u32,
                    have: buf.len() as u32,
                },
                0,
            ));
        }
        let len = usize::from(be16(buf, 4));
        if len < UDP_HLEN {
            return Err(Error::new(ErrorKind::InvalidValue, 0));
        }
        match buf.get(..len) {
            Some(b) => Ok(UdpPacket { buf: b }),
            None => Err(Error::new(
                ErrorKind::Truncated {
                    need: len as u32,
                    have: buf.len() as u32,
                },
                0,
            )),
        }
    }
    /// Source port.
    pub fn src_port(&self) -> u16 {
        be16(self.buf, 0)
    }
    /// Destination port.
    pub fn dst_port(&self) -> u16 {
        be16(self.buf, 2)
    }
    /// Length (header and data).
    pub fn len(&self) -> u16 {
        be16(self.buf, 4)
    }
    /// Never true for a parsed datagram (the length is at least 8); here for clippy's sake.
    pub fn is_empty(&self) -> bool {
        self.buf.is_empty()
    }
    /// Checksum as on the wire (0: none was computed).
    pub fn checksum(&self) -> u16 {
        be16(self.buf, 6)
    }
    /// The data after the header.
    pub fn payload(&self) -> &'a [u8] {
        self.buf.get(UDP_HLEN..).unwrap_or(&[])
    }
    /// The datagram (header and data).
    pub fn bytes(&self) -> &'a [u8] {
        self.buf
    }
    /// The checksum the datagram should carry between `src` and `dst` (0 is sent as
    /// 0xffff).
    pub fn compute_checksum(&self, src: Ipv4Addr, dst: Ipv4Addr) -> u16 {
        let ph = Udp4PseudoHeader::new(src, dst, self.len());
        let mut acc = checksum::sum(0, ph.as_bytes());
        acc = checksum::sum(acc, self.buf.get(..6).unwrap_or(&[]));
        acc = checksum::sum(acc, self.buf.get(8..).unwrap_or(&[]));
        match !checksum::fold(acc) {
            0 => 0xffff,
            c => c,
        }
    }
    /// The checksum is right, or absent (0, allowed over IPv4).
    pub fn verify_checksum(&self, src: Ipv4Addr, dst: Ipv4Addr) -> bool {
        self.checksum() == 0 || self.compute_checksum(src, dst) == self.checksum()
    }
}

/// The ports of a UDP header, for building (length and checksum are computed).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub struct UdpRepr {
    /// Source port.
    pub src_port: u16,
    /// Destination port.
    pub dst_port: u16,
}

impl UdpRepr {
    /// Appends header and `payload`, with the checksum over the pseudo-header of
    /// `src`/`dst`. All or nothing; `TooLong` past 65535 bytes.
    pub fn emit<B: Buffer + ?Sized>(
        &self,
        buf: &mut B,
        src: Ipv4Addr,
        dst: Ipv4Addr,
        payload: &[u8],
    ) -> Result<(), Error> {
        let len = u16::try_from(UDP_HLEN + payload.len())
            .map_err(|_| Error::new(ErrorKind::TooLong, buf.len()))?;
        let mut h = [0u8; UDP_HLEN];
        h[..2].copy_from_slice(&self.src_port.to_be_bytes());
        h[2..4].copy_from_slice(&self.dst_port.to_be_bytes());
        h[4..6].copy_from_slice(&len.to_be_bytes());
        let ph = Udp4PseudoHeader::new(src, dst, len);
        let acc = checksum::sum(checksum::sum(checksum::sum(0, ph.as_bytes()), &h), payload);
        let c = match !checksum::fold(acc) {
            0 => 0xffff,
            c => c,
        };
        h[6..].copy_from_slice(&c.to_be_bytes());
        let start = buf.len();
        buf.extend_from_slice(&h)?;
        if let Err(e) = buf.extend_from_slice(payload) {
            buf.truncate(start);
            return Err(e);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pseudo_header_layout() {
        let ph = Udp4PseudoHeader::new(Ipv4Addr::new(10, 0, 0, 1), Ipv4Addr::new(10, 0, 0, 2), 300);
        assert_eq!(
            ph.as_bytes(),
            &[10, 0, 0, 1, 10, 0, 0, 2, 0, 17, 0x01, 0x2c]
        );
    }

    #[test]
    fn checksum_by_hand() {
        // 10.0.0.1:1 -> 10.0.0.2:2, data "ab". Sum of the words:
        // pseudo 0a00 0001 0a00 0002 0011 000a, header 0001 0002 000a (0000), data 6162
        // = 0x758d, so the checksum is !0x758d = 0x8a72.
        let src = Ipv4Addr::new(10, 0, 0, 1);
        let dst = Ipv4Addr::new(10, 0, 0, 2);
        let mut v: heapless::Vec<u8, 16> = heapless::Vec::new();
        UdpRepr {
            src_port: 1,
            dst_port: 2,
        }
        .emit(&mut v, src, dst, b"ab")
        .unwrap();
        assert_eq!(&v[..], &[0, 1, 0, 2, 0, 10, 0x8a, 0x72, b'a', b'b']);
        let u = UdpPacket::parse(&v).unwrap();
        assert!(u.verify_checksum(src, dst));
        assert!(!u.verify_checksum(src, Ipv4Addr::new(10, 0, 0, 3)));
    }
}
