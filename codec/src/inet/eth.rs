//! Ethernet II frames: destination, source, ethertype and the payload after them.

use crate::nl::{Buffer, Error, ErrorKind};

/// ETH_ALEN: bytes of a MAC address.
pub const ETH_ALEN: usize = 6;
/// ETH_HLEN: bytes of the Ethernet II header.
pub const ETH_HLEN: usize = 14;
/// ETH_P_IP: IPv4 (linux/if_ether.h).
pub const ETH_P_IP: u16 = 0x0800;
/// ETH_P_ARP: ARP.
pub const ETH_P_ARP: u16 = 0x0806;
/// ETH_P_8021Q: an 802.1Q VLAN tag.
pub const ETH_P_8021Q: u16 = 0x8100;
/// ETH_P_IPV6: IPv6.
pub const ETH_P_IPV6: u16 = 0x86DD;
/// The broadcast address.
pub const BROADCAST: [u8; 6] = [0xff; 6];

/// The name of an ethertype (`ETH_P_IP` ...), if known.
pub fn ethertype_name(t: u16) -> Option<&'static str> {
    Some(match t {
        ETH_P_IP => "ETH_P_IP",
        ETH_P_ARP => "ETH_P_ARP",
        ETH_P_8021Q => "ETH_P_8021Q",
        ETH_P_IPV6 => "ETH_P_IPV6",
        _ => return None,
    })
}

/// A view of an Ethernet II frame (without the FCS).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EthernetFrame<'a> {
    buf: &'a [u8],
}

fn arr<const N: usize>(b: &[u8], at: usize) -> [u8; N] {
    let mut a = [0u8; N];
    if let Some(s) = b.get(at..at + N) {
        a.copy_from_slice(s);
    }
    a
}

impl<'a> EthernetFrame<'a> {
    /// Checks that `buf` holds the 14-byte header.
    pub fn parse(buf: &'a [u8]) -> Result<Self, Error> {
        if buf.len() < ETH_HLEN {
            return Err(Error::new(
                ErrorKind::Truncated {
                    need: ETH_HLEN as u32,
                    have: buf.len() as u32,
                },
                0,
            ));
        }
        Ok(EthernetFrame { buf })
    }
    /// Destination MAC.
    pub fn dst(&self) -> [u8; 6] {
        arr(self.buf, 0)
    }
    /// Source MAC.
    pub fn src(&self) -> [u8; 6] {
        arr(self.buf, 6)
    }
    /// Ethertype (ETH_P_*).
    pub fn ethertype(&self) -> u16 {
        u16::from_be_bytes(arr(self.buf, 12))
    }
    /// The bytes after the header.
    pub fn payload(&self) -> &'a [u8] {
        self.buf.get(ETH_HLEN..).unwrap_or(&[])
    }
    /// The whole frame.
    pub fn bytes(&self) -> &'a [u8] {
        self.buf
    }
}

/// The fields of an Ethernet II header, for building.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub struct EthernetRepr {
    /// Destination MAC.
    pub dst: [u8; 6],
    /// Source MAC.
    pub src: [u8; 6],
    /// Ethertype.
    pub ethertype: u16,
}

impl EthernetRepr {
    /// Reads the header fields of a frame.
    pub fn from_frame(f: &EthernetFrame<'_>) -> Self {
        EthernetRepr {
            dst: f.dst(),
            src: f.src(),
            ethertype: f.ethertype(),
        }
    }
    /// The 14 header bytes.
    pub fn to_bytes(&self) -> [u8; ETH_HLEN] {
        let mut h = [0u8; ETH_HLEN];
        h[..6].copy_from_slice(&self.dst);
        h[6..12].copy_from_slice(&self.src);
        h[12..].copy_from_slice(&self.ethertype.to_be_bytes());
        h
    }
    /// Appends the 14-byte header to `buf` (all or nothing).
    pub fn emit<B: Buffer + ?Sized>(&self, buf: &mut B) -> Result<(), Error> {
        buf.extend_from_slice(&self.to_bytes())
    }
}
