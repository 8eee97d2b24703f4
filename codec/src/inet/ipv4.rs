//! IPv4 headers (RFC 791): a view over a packet, its fields and options, the header
//! checksum, and a builder.

use core::net::Ipv4Addr;

use super::checksum;
use crate::nl::{Buffer, Error, ErrorKind};

/// Bytes of a header without options.
pub const IPV4_MIN_HLEN: usize = 20;
/// Bytes of a header with the most options (IHL 15).
pub const IPV4_MAX_HLEN: usize = 60;
/// IPPROTO_ICMP.
pub const IPPROTO_ICMP: u8 = 1;
/// IPPROTO_TCP.
pub const IPPROTO_TCP: u8 = 6;
/// IPPROTO_UDP.
pub const IPPROTO_UDP: u8 = 17;
/// IP_DF: "don't fragment" in the flags/fragment-offset word.
pub const IP_DF: u16 = 0x4000;
/// IP_MF: "more fragments".
pub const IP_MF: u16 = 0x2000;
/// IP_OFFMASK: the fragment offset bits (in 8-byte units).
pub const IP_OFFMASK: u16 = 0x1fff;

/// The name of an IP protocol number, if known.
pub fn protocol_name(p: u8) -> Option<&'static str> {
    Some(match p {
        IPPROTO_ICMP => "IPPROTO_ICMP",
        IPPROTO_TCP => "IPPROTO_TCP",
        IPPROTO_UDP => "IPPROTO_UDP",
        _ => return None,
    })
}

/// A view of an IPv4 packet. `parse` checks version, IHL and total length once; the
/// payload ends at the total length (link-layer padding after it is ignored).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ipv4Packet<'a> {
    buf: &'a [u8],
}

fn be16(b: &[u8], at: usize) -> u16 {
    match b.get(at..at + 2) {
        Some(&[x, y]) => u16::from_be_bytes([x, y]),
        _ => 0,
    }
}

fn addr(b: &[u8], at: usize) -> Ipv4Addr {
    match b.get(at..at + 4) {
        Some(&[a, c, d, e]) => Ipv4Addr::new(a, c, d, e),
        _ => Ipv4Addr::UNSPECIFIED,
    }
}

impl<'a> Ipv4Packet<'a> {
    /// Checks the framing: at least 20 bytes, version 4, IHL >= 5, the header within the
    /// total length, and the total length within `buf`. The checksum is not checked here
    /// (see [`verify_checksum`](Self::verify_checksum)). Errors name offset 0 (the header).
    pub fn parse(buf: &'a [u8]) -> Result<Self, Error> {
        if buf.len() < IPV4_MIN_HLEN {
            return Err(Error::new(
                ErrorKind::Truncated {
                    need: IPV4_MIN_HLEN as u32,
                    have: buf.len() as u32,
                },
                0,
            ));
        }
        let p = Ipv4Packet { buf };
        if p.version() != 4 || p.header_len() < IPV4_MIN_HLEN {
            return Err(Error::new(ErrorKind::InvalidValue, 0));
        }
        let total = usize::from(p.total_len());
        if total < p.header_len() {
            return Err(Error::new(ErrorKind::InvalidValue, 0));
        }
        match buf.get(..total) {
            Some(b) => Ok(Ipv4Packet { buf: b }),
            None => Err(Error::new(
                ErrorKind::Truncated {
                    need: total as u32,
                    have: buf.len() as u32,
                },
                0,
            )),
        }
    }
    fn b0(&self) -> u8 {
        self.buf.first().copied().unwrap_or(0)
    }
    /// Version (4).
    pub fn version(&self) -> u8 {
        self.b0() >> 4
    }
    /// IHL: header length in 32-bit words.
    pub fn ihl(&self) -> u8 {
        self.b0() & 0xf
    }
    /// Header length in bytes (IHL * 4).
    pub fn header_len(&self) -> usize {
        usize::from(self.ihl()) * 4
    }
    /// DSCP (the upper 6 bits of the former TOS byte).
    pub fn dscp(&self) -> u8 {
        self.buf.get(1).copied().unwrap_or(0) >> 2
    }
    /// ECN (the lower 2 bits of the former TOS byte).
    pub fn ecn(&self) -> u8 {
        self.buf.get(1).copied().unwrap_or(0) & 3
    }
    /// Total length (header and payload).
    pub fn total_len(&self) -> u16 {
        be16(self.buf, 2)
    }
    /// Identification.
    pub fn ident(&self) -> u16 {
        be16(self.buf, 4)
    }
    /// The flags and fragment offset word as on the wire (IP_DF, IP_MF, IP_OFFMASK).
    pub fn frag_word(&self) -> u16 {
        be16(self.buf, 6)
    }
    /// The three flag bits (bit 1 = DF, bit 0 = MF).
    pub fn flags(&self) -> u8 {
        (self.frag_word() >> 13) as u8
    }
    /// Don't fragment.
    pub fn dont_frag(&self) -> bool {
        self.frag_word() & IP_DF != 0
    }
    /// More fragments.
    pub fn more_frags(&self) -> bool {
        self.frag_word() & IP_MF != 0
    }
    /// Fragment offset in 8-byte units.
    pub fn frag_offset(&self) -> u16 {
        self.frag_word() & IP_OFFMASK
    }
    /// Time to live.
    pub fn ttl(&self) -> u8 {
        self.buf.get(8).copied().unwrap_or(0)
    }
    /// Protocol (IPPROTO_*).
    pub fn protocol(&self) -> u8 {
        self.buf.get(9).copied().unwrap_or(0)
    }
    /// Header checksum as on the wire.
    pub fn checksum(&self) -> u16 {
        be16(self.buf, 10)
    }
    /// Source address.
    pub fn src_addr(&self) -> Ipv4Addr {
        addr(self.buf, 12)
    }
    /// Destination address.
    pub fn dst_addr(&self) -> Ipv4Addr {
        addr(self.buf, 16)
    }
    /// The header bytes (options included).
    pub fn header(&self) -> &'a [u8] {
        self.buf.get(..self.header_len()).unwrap_or(&[])
    }
    /// The options, as bytes.
    pub fn options(&self) -> &'a [u8] {
        self.buf
            .get(IPV4_MIN_HLEN..self.header_len())
            .unwrap_or(&[])
    }
    /// The payload (up to the total length).
    pub fn payload(&self) -> &'a [u8] {
        self.buf.get(self.header_len()..).unwrap_or(&[])
    }
    /// The checksum the header should carry.
    pub fn compute_checksum(&self) -> u16 {
        let h = self.header();
        !checksum::fold(checksum::sum(
            checksum::sum(0, h.get(..10).unwrap_or(&[])),
            h.get(12..).unwrap_or(&[]),
        ))
    }
    /// The header checksum is right.
    pub fn verify_checksum(&self) -> bool {
        checksum::checksum(self.header()) == 0
    }
    /// The packet (header and payload up to the total length).
    pub fn bytes(&self) -> &'a [u8] {
        self.buf
    }
}

/// The fields of an IPv4 header, for building (the checksum and total length are
/// computed).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Ipv4Repr<'o> {
    /// DSCP (6 bits).
    pub dscp: u8,
    /// ECN (2 bits).
    pub ecn: u8,
    /// Identification.
    pub ident: u16,
    /// Flags (3 bits: DF = 2, MF = 1).
    pub flags: u8,
    /// Fragment offset in 8-byte units (13 bits).
    pub frag_offset: u16,
    /// Time to live.
    pub ttl: u8,
    /// Protocol.
    pub protocol: u8,
    /// Source.
    pub src: Ipv4Addr,
    /// Destination.
    pub dst: Ipv4Addr,
    /// Options: a multiple of 4 bytes, at most 40.
    pub options: &'o [u8],
}

impl Default for Ipv4Repr<'_> {
    fn default() -> Self {
        Ipv4Repr {
            dscp: 0,
            ecn: 0,
            ident: 0,
            flags: 0,
            frag_offset: 0,
            ttl: 64,
            protocol: 0,
            src: Ipv4Addr::UNSPECIFIED,
            dst: Ipv4Addr::UNSPECIFIED,
            options: &[],
        }
    }
}

impl<'o> Ipv4Repr<'o> {
    /// Reads the fields of a packet (options borrowed from it).
    pub fn from_packet(p: &Ipv4Packet<'o>) -> Self {
        Ipv4Repr {
            dscp: p.dscp(),
            ecn: p.ecn(),
            ident: p.ident(),
            flags: p.flags(),
            frag_offset: p.frag_offset(),
            ttl: p.ttl(),
            protocol: p.protocol(),
            src: p.src_addr(),
            dst: p.dst_addr(),
            options: p.options(),
        }
    }
    /// Header length in bytes.
    pub fn header_len(&self) -> usize {
        IPV4_MIN_HLEN + self.options.len()
    }
    /// Appends the header for a payload of `payload_len` bytes, checksum computed. Fails
    /// (buffer unchanged) with `InvalidValue` if the options are not a multiple of 4 or
    /// longer than 40 bytes or a field is out of range, `TooLong` if the total length
    /// passes 65535, `BufferFull` without room.
    pub fn emit<B: Buffer + ?Sized>(&self, buf: &mut B, payload_len: usize) -> Result<(), Error> {
        let hl = self.header_len();
        if !self.options.len().is_multiple_of(4)
            || hl > IPV4_MAX_HLEN
            || self.dscp > 63
            || self.ecn > 3
            || self.flags > 7
            || self.frag_offset > IP_OFFMASK
        {
            return Err(Error::new(ErrorKind::InvalidValue, buf.len()));
        }
        let total = u16::try_from(hl + payload_len)
            .map_err(|_| Error::new(ErrorKind::TooLong, buf.len()))?;
        let mut h = [0u8; IPV4_MAX_HLEN];
        h[0] = 0x40 | (hl / 4) as u8;
        h[1] = (self.dscp << 2) | self.ecn;
        h[2..4].copy_from_slice(&total.to_be_bytes());
        h[4..6].copy_from_slice(&self.ident.to_be_bytes());
        let fw = (u16::from(self.flags) << 13) | self.frag_offset;
        h[6..8].copy_from_slice(&fw.to_be_bytes());
        h[8] = self.ttl;
        h[9] = self.protocol;
        h[12..16].copy_from_slice(&self.src.octets());
        h[16..20].copy_from_slice(&self.dst.octets());
        let hdr = h
            .get_mut(..hl)
            .ok_or_else(|| Error::new(ErrorKind::InvalidValue, 0))?;
        if let Some(o) = hdr.get_mut(IPV4_MIN_HLEN..) {
            o.copy_from_slice(self.options);
        }
        let c = checksum::checksum(hdr);
        hdr[10..12].copy_from_slice(&c.to_be_bytes());
        buf.extend_from_slice(hdr)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_header_checksum() {
        // The IPv4 header of Wikipedia's "IPv4 header checksum" example: checksum b861.
        let h = [
            0x45, 0x00, 0x00, 0x73, 0x00, 0x00, 0x40, 0x00, 0x40, 0x11, 0xb8, 0x61, 0xc0, 0xa8,
            0x00, 0x01, 0xc0, 0xa8, 0x00, 0xc7,
        ];
        let mut pkt = [0u8; 0x73];
        pkt[..20].copy_from_slice(&h);
        let p = Ipv4Packet::parse(&pkt).unwrap();
        assert_eq!(p.compute_checksum(), 0xb861);
        assert!(p.verify_checksum());
        assert!(p.dont_frag() && !p.more_frags());
        assert_eq!((p.ttl(), p.protocol(), p.total_len()), (64, 17, 0x73));
        assert_eq!(p.src_addr(), Ipv4Addr::new(192, 168, 0, 1));
        assert_eq!(p.dst_addr(), Ipv4Addr::new(192, 168, 0, 199));
        let mut v: heapless::Vec<u8, 64> = heapless::Vec::new();
        Ipv4Repr::from_packet(&p).emit(&mut v, 0x73 - 20).unwrap();
        assert_eq!(&v[..], &h[..]);
    }

    #[test]
    fn bad_framing_is_an_error() {
        let mut h = [0x45u8; 20];
        h[2] = 0;
        h[3] = 19; // total < header
        assert_eq!(
            Ipv4Packet::parse(&h).unwrap_err().kind,
            ErrorKind::InvalidValue
        );
        h[3] = 30; // total > buffer
        assert!(matches!(
            Ipv4Packet::parse(&h).unwrap_err().kind,
            ErrorKind::Truncated { need: 30, have: 20 }
        ));
        h[0] = 0x46; // IHL 6 > 20 bytes
        h[3] = 20;
        assert_eq!(
            Ipv4Packet::parse(&h).unwrap_err().kind,
            ErrorKind::InvalidValue
        );
    }
}
