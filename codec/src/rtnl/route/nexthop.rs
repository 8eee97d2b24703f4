//! Multipath routes (RTA_MULTIPATH): a list of `struct rtnexthop`, each followed by its
//! own RTA_* attributes (gateway, encapsulation, ...); a walker and a builder.

use crate::nl::{
    Attr, AttrIter, Ctx, Describe, Error, ErrorKind, Nested, NlaValue, NlaWriter, Scalar, Visitor,
    nla_align,
};

use super::{RouteAttr, RouteAttrs};

wire_struct! {
    /// `struct rtnexthop`: one nexthop of a multipath route.
    pub struct RtNextHop {
        /// Length of the nexthop with its attributes.
        rtnh_len: u16,
        /// RTNH_F_* flags.
        rtnh_flags: u8,
        /// Weight minus one.
        rtnh_hops: u8,
        /// Output interface index.
        rtnh_ifindex: i32,
    }
}

/// One nexthop: its header and its RTA_* attributes.
#[derive(Debug, Clone)]
pub struct NextHop<'a> {
    hdr: RtNextHop,
    attrs: AttrIter<'a>,
}

impl<'a> NextHop<'a> {
    /// `struct rtnexthop`.
    pub fn header(&self) -> &RtNextHop {
        &self.hdr
    }
    /// The weight (`rtnh_hops + 1`).
    pub fn weight(&self) -> u16 {
        u16::from(self.hdr.rtnh_hops()) + 1
    }
    /// The nexthop's RTA_* attributes.
    pub fn attrs(&self) -> AttrIter<'a> {
        self.attrs.clone()
    }
    /// Typed attributes.
    pub fn iter(&self) -> impl Iterator<Item = Result<RouteAttr<'a>, Error>> + use<'a> {
        Nested::<RouteAttrs>::new(self.attrs.clone()).iter()
    }
    /// The nexthop's RTA_GATEWAY as IP (by length), if present and well formed.
    pub fn gateway(&self) -> Option<core::net::IpAddr> {
        self.attrs
            .find(super::RTA_GATEWAY)
            .and_then(|a| a.as_ip().ok())
    }
}

/// The RTA_MULTIPATH payload: walk it with [`Multipath::iter`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Multipath<'a> {
    bytes: &'a [u8],
    base: usize,
    nested_flag: bool,
}

impl<'a> Multipath<'a> {
    /// Wraps an encoded nexthop list (as written between [`nexthop_start`] and
    /// [`nexthop_end`] calls).
    pub fn new(bytes: &'a [u8]) -> Self {
        Multipath {
            bytes,
            base: 0,
            nested_flag: false,
        }
    }
    /// The raw payload.
    pub fn bytes(&self) -> &'a [u8] {
        self.bytes
    }
    /// The nexthops in order. A bad `rtnh_len` yields one error and ends the walk.
    pub fn iter(&self) -> MultipathIter<'a> {
        MultipathIter {
            bytes: self.bytes,
            pos: 0,
            base: self.base,
        }
    }
}

/// Iterator over the nexthops of a [`Multipath`].
#[derive(Debug, Clone)]
pub struct MultipathIter<'a> {
    bytes: &'a [u8],
    pos: usize,
    base: usize,
}

impl<'a> Iterator for MultipathIter<'a> {
    type Item = Result<NextHop<'a>, Error>;
    fn next(&mut self) -> Option<Self::Item> {
        let rest = self.bytes.get(self.pos..).filter(|r| !r.is_empty())?;
        let offset = self.base + self.pos;
        let hdr: RtNextHop = crate::nl::attr::read_prefix(rest);
        let len = usize::from(hdr.rtnh_len());
        if rest.len() < RtNextHop::SIZE || len < RtNextHop::SIZE || len > rest.len() {
            self.pos = self.bytes.len();
            return Some(Err(Error::new(
                ErrorKind::Truncated {
                    need: len.max(RtNextHop::SIZE) as u32,
                    have: rest.len() as u32,
                },
                offset,
            )));
        }
        let attrs = AttrIter::with_base(
            rest.get(RtNextHop::SIZE..len).unwrap_or(&[]),
            offset + RtNextHop::SIZE,
        );
        self.pos += nla_align(len).min(rest.len());
        Some(Ok(NextHop { hdr, attrs }))
    }
}

impl<'a> NlaValue<'a> for Multipath<'a> {
    fn decode(attr: &Attr<'a>) -> Result<Self, Error> {
        Ok(Multipath {
            bytes: attr.payload(),
            base: attr.offset() + crate::nl::NLA_HDRLEN,
            nested_flag: attr.is_nested(),
        })
    }
    fn encode<W: NlaWriter + ?Sized>(&self, w: &mut W, ty: u16) -> Result<(), Error> {
        let f = if self.nested_flag {
            crate::nl::NLA_F_NESTED
        } else {
            0
        };
        w.put_bytes(ty | f, self.bytes)
    }
    /// `[{"rtnexthop": {...}, "attrs": [...]}, ...]`.
    fn describe(&self, ctx: &Ctx, out: &mut dyn Visitor) {
        let Some(c) = ctx.deeper() else {
            return out.scalar(Scalar::Error(Error::new(ErrorKind::TooDeep, self.base)));
        };
        out.begin_list();
        for nh in self.iter() {
            match nh {
                Ok(nh) => {
                    out.begin_object();
                    out.key("rtnexthop");
                    nh.hdr.describe(out);
                    out.key("attrs");
                    super::describe_route_list(nh.attrs(), &c, out);
                    out.end_object();
                }
                Err(e) => out.scalar(Scalar::Error(e)),
            }
        }
        out.end_list();
    }
}

crate::rtnl::consts::value_kind!(
    /// Table kind of RTA_MULTIPATH ([`Multipath`]).
    MultipathKind => Multipath
);

/// An open nexthop in a multipath list; close it with [`nexthop_end`].
#[derive(Debug, PartialEq, Eq)]
#[must_use = "close the nexthop with nexthop_end"]
pub struct NexthopStart {
    offset: usize,
}

/// Opens one nexthop inside an open RTA_MULTIPATH nest (`w.nest_start_raw(RTA_MULTIPATH)`):
/// writes `hdr` (its `rtnh_len` is patched by [`nexthop_end`]). Add the nexthop's RTA_*
/// attributes with `w`, then close it.
pub fn nexthop_start<W: NlaWriter + ?Sized>(
    w: &mut W,
    hdr: &RtNextHop,
) -> Result<NexthopStart, Error> {
    use crate::nl::Buffer;
    let offset = w.buffer().len();
    w.append_struct(hdr)?;
    Ok(NexthopStart { offset })
}

/// Closes a nexthop opened with [`nexthop_start`], patching its `rtnh_len`.
pub fn nexthop_end<W: NlaWriter + ?Sized>(w: &mut W, nh: NexthopStart) -> Result<(), Error> {
    use crate::nl::Buffer;
    let buf = w.buffer();
    let len = buf.len().saturating_sub(nh.offset);
    let l = u16::try_from(len).map_err(|_| Error::new(ErrorKind::TooLong, nh.offset))?;
    if let Some(d) = buf.as_mut_slice().get_mut(nh.offset..nh.offset + 2) {
        d.copy_from_slice(&l.to_ne_bytes());
    }
    Ok(())
}
