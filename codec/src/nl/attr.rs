//! Attributes (`nlattr` TLVs): the view, the iterator, the one-pass index, the typed
//! kinds used by attribute tables, and the [`AttrSet`] trait the tables implement.

use core::marker::PhantomData;
use core::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use zerocopy::{FromBytes, Immutable, IntoBytes, KnownLayout};

use super::builder::NlaWriter;
use super::describe::{Ctx, Scalar, Visitor};
use super::error::{Error, ErrorKind};

/// NLA_F_NESTED: the payload is a list of attributes.
pub const NLA_F_NESTED: u16 = 1 << 15;
/// NLA_F_NET_BYTEORDER: the payload is in network byte order.
pub const NLA_F_NET_BYTEORDER: u16 = 1 << 14;
/// NLA_TYPE_MASK: the type bits without the two flags.
pub const NLA_TYPE_MASK: u16 = !(NLA_F_NESTED | NLA_F_NET_BYTEORDER);
/// NLA_ALIGNTO: attributes are padded to 4 bytes.
pub const NLA_ALIGNTO: usize = 4;
/// NLA_HDRLEN: the aligned size of `nlattr`.
pub const NLA_HDRLEN: usize = 4;

/// NLA_ALIGN: rounds `len` up to a multiple of 4 (saturating).
#[inline]
pub const fn nla_align(len: usize) -> usize {
    super::msg::nlmsg_align(len)
}

/// Copies the common prefix of `bytes` into a zeroed `T`: a kernel struct that grew
/// (longer input) is cut, one that is older (shorter input) leaves the rest zero.
pub fn read_prefix<T: FromBytes + IntoBytes + Immutable>(bytes: &[u8]) -> T {
    let mut t = T::new_zeroed();
    let dst = t.as_mut_bytes();
    let n = dst.len().min(bytes.len());
    if let (Some(d), Some(s)) = (dst.get_mut(..n), bytes.get(..n)) {
        d.copy_from_slice(s);
    }
    t
}

/// A view of one attribute: type, flags and payload (without padding).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Attr<'a> {
    raw_type: u16,
    payload: &'a [u8],
    offset: u32,
}

impl<'a> Attr<'a> {
    /// An attribute view made from parts (used by tests and synthesized values).
    #[inline]
    pub fn from_parts(raw_type: u16, payload: &'a [u8], offset: usize) -> Self {
        Attr {
            raw_type,
            payload,
            offset: offset as u32,
        }
    }
    /// The type with NLA_F_NESTED and NLA_F_NET_BYTEORDER masked off.
    #[inline]
    pub fn kind(&self) -> u16 {
        self.raw_type & NLA_TYPE_MASK
    }
    /// `nla_type` as on the wire, flags included.
    pub fn raw_type(&self) -> u16 {
        self.raw_type
    }
    /// NLA_F_NESTED is set.
    pub fn is_nested(&self) -> bool {
        self.raw_type & NLA_F_NESTED != 0
    }
    /// NLA_F_NET_BYTEORDER is set.
    pub fn is_net_byteorder(&self) -> bool {
        self.raw_type & NLA_F_NET_BYTEORDER != 0
    }
    /// The payload (after the 4-byte header, without padding).
    #[inline]
    pub fn payload(&self) -> &'a [u8] {
        self.payload
    }
    /// Byte offset of the attribute header (from the start of the walked buffer).
    pub fn offset(&self) -> usize {
        self.offset as usize
    }
    /// `nla_len`: header plus payload.
    pub fn nla_len(&self) -> usize {
        self.payload.len() + NLA_HDRLEN
    }

    /// An error of `kind` located at this attribute.
    pub fn error(&self, kind: ErrorKind) -> Error {
        Error::new(kind, self.offset as usize).with_attr(self.kind())
    }

    fn bad_len(&self, expected: usize) -> Error {
        self.error(ErrorKind::BadAttrLen {
            expected: expected as u16,
            got: self.payload.len() as u16,
        })
    }

    /// The payload as exactly `N` bytes.
    #[inline]
    pub fn as_array<const N: usize>(&self) -> Result<[u8; N], Error> {
        <[u8; N]>::try_from(self.payload).map_err(|_| self.bad_len(N))
    }
    /// A u8 payload.
    #[inline]
    pub fn as_u8(&self) -> Result<u8, Error> {
        self.as_array::<1>().map(|b| b[0])
    }
    /// A native-endian u16 payload.
    #[inline]
    pub fn as_u16(&self) -> Result<u16, Error> {
        self.as_array().map(u16::from_ne_bytes)
    }
    /// A native-endian u32 payload.
    #[inline]
    pub fn as_u32(&self) -> Result<u32, Error> {
        self.as_array().map(u32::from_ne_bytes)
    }
    /// A native-endian u64 payload.
    pub fn as_u64(&self) -> Result<u64, Error> {
        self.as_array().map(u64::from_ne_bytes)
    }
    /// An i8 payload.
    pub fn as_i8(&self) -> Result<i8, Error> {
        self.as_array().map(i8::from_ne_bytes)
    }
    /// A native-endian i16 payload.
    pub fn as_i16(&self) -> Result<i16, Error> {
        self.as_array().map(i16::from_ne_bytes)
    }
    /// A native-endian i32 payload.
    pub fn as_i32(&self) -> Result<i32, Error> {
        self.as_array().map(i32::from_ne_bytes)
    }
    /// A native-endian i64 payload.
    pub fn as_i64(&self) -> Result<i64, Error> {
        self.as_array().map(i64::from_ne_bytes)
    }
    /// A big-endian u16 payload.
    pub fn as_be16(&self) -> Result<u16, Error> {
        self.as_array().map(u16::from_be_bytes)
    }
    /// A big-endian u32 payload.
    pub fn as_be32(&self) -> Result<u32, Error> {
        self.as_array().map(u32::from_be_bytes)
    }
    /// A big-endian u64 payload.
    pub fn as_be64(&self) -> Result<u64, Error> {
        self.as_array().map(u64::from_be_bytes)
    }
    /// A u32 that the kernel may send as 1, 2, 4 or 8 bytes (NLA_UINT): widened to u64.
    pub fn as_uint(&self) -> Result<u64, Error> {
        match self.payload.len() {
            1 => self.as_u8().map(u64::from),
            2 => self.as_u16().map(u64::from),
            4 => self.as_u32().map(u64::from),
            8 => self.as_u64(),
            _ => Err(self.bad_len(8)),
        }
    }
    /// A NUL-terminated string: the bytes up to the first NUL (or all, if none).
    pub fn as_cstr(&self) -> Result<&'a str, Error> {
        let end = self
            .payload
            .iter()
            .position(|&b| b == 0)
            .unwrap_or(self.payload.len());
        let s = self.payload.get(..end).unwrap_or(&[]);
        core::str::from_utf8(s).map_err(|_| self.error(ErrorKind::InvalidUtf8))
    }
    /// The whole payload as a string (no NUL handling).
    pub fn as_str(&self) -> Result<&'a str, Error> {
        core::str::from_utf8(self.payload).map_err(|_| self.error(ErrorKind::InvalidUtf8))
    }
    /// A 4-byte IPv4 address.
    #[inline]
    pub fn as_ipv4(&self) -> Result<Ipv4Addr, Error> {
        self.as_array::<4>().map(Ipv4Addr::from)
    }
    /// A 16-byte IPv6 address.
    #[inline]
    pub fn as_ipv6(&self) -> Result<Ipv6Addr, Error> {
        self.as_array::<16>().map(Ipv6Addr::from)
    }
    /// An IPv4 or IPv6 address, chosen by payload length (4 or 16).
    #[inline]
    pub fn as_ip(&self) -> Result<IpAddr, Error> {
        match self.payload.len() {
            4 => self.as_ipv4().map(IpAddr::V4),
            16 => self.as_ipv6().map(IpAddr::V6),
            _ => Err(self.bad_len(4)),
        }
    }
    /// A 6-byte MAC address.
    pub fn as_mac(&self) -> Result<[u8; 6], Error> {
        self.as_array()
    }
    /// A flag attribute: present (its payload must be empty).
    pub fn as_flag(&self) -> Result<bool, Error> {
        if self.payload.is_empty() {
            Ok(true)
        } else {
            Err(self.bad_len(0))
        }
    }
    /// The payload as a list of attributes. Offsets continue from this attribute's.
    pub fn nested(&self) -> AttrIter<'a> {
        AttrIter::with_base(self.payload, self.offset as usize + NLA_HDRLEN)
    }
    /// The payload as a `T` read in place; the payload must be exactly `size_of::<T>()`.
    pub fn as_ref<T: FromBytes + KnownLayout + Immutable + zerocopy::Unaligned>(
        &self,
    ) -> Result<&'a T, Error> {
        T::ref_from_bytes(self.payload).map_err(|_| self.bad_len(core::mem::size_of::<T>()))
    }
    /// The payload as a `T` read by common prefix (see [`read_prefix`]). Never fails.
    pub fn as_struct<T: FromBytes + IntoBytes + Immutable>(&self) -> T {
        read_prefix(self.payload)
    }
}

/// Iterates over a list of attributes.
///
/// A bad `nla_len` (below 4 or past the end) yields one `Err` and ends the walk. The
/// last attribute's padding may be absent.
#[derive(Debug, Clone)]
pub struct AttrIter<'a> {
    buf: &'a [u8],
    pos: usize,
    base: usize,
    msg_type: Option<u16>,
}

impl<'a> AttrIter<'a> {
    /// Walks `buf` (offsets in errors count from its start).
    #[inline]
    pub fn new(buf: &'a [u8]) -> Self {
        Self::with_base(buf, 0)
    }
    /// Walks `buf`, which sits at `base` in a larger buffer.
    #[inline]
    pub fn with_base(buf: &'a [u8], base: usize) -> Self {
        AttrIter {
            buf,
            pos: 0,
            base,
            msg_type: None,
        }
    }
    /// The same walk, naming `ty` as the message type in errors.
    #[inline]
    pub fn with_msg_type(mut self, ty: u16) -> Self {
        self.msg_type = Some(ty);
        self
    }
    /// The bytes being walked (the whole list).
    #[inline]
    pub fn bytes(&self) -> &'a [u8] {
        self.buf
    }
    /// Offset of the list's start in the buffer errors refer to.
    #[inline]
    pub fn base(&self) -> usize {
        self.base
    }
    /// The message type errors name, if any.
    #[inline]
    pub fn msg_type(&self) -> Option<u16> {
        self.msg_type
    }
    /// Finds the first attribute of type `ty` (flags masked). Stops at a framing error.
    pub fn find(&self, ty: u16) -> Option<Attr<'a>> {
        self.clone().filter_map(Result::ok).find(|a| a.kind() == ty)
    }
    /// Checks the framing of the whole list (and nothing deeper).
    pub fn validate(&self) -> Result<usize, Error> {
        let mut n = 0;
        for a in self.clone() {
            a?;
            n += 1;
        }
        Ok(n)
    }
}

impl<'a> Iterator for AttrIter<'a> {
    type Item = Result<Attr<'a>, Error>;

    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        let rest = self.buf.get(self.pos..)?;
        let (Some(l), Some(t)) = (rest.get(0..2), rest.get(2..4)) else {
            if rest.is_empty() {
                return None;
            }
            return Some(Err(self.fail(
                ErrorKind::Truncated {
                    need: 4,
                    have: rest.len() as u32,
                },
                None,
            )));
        };
        let len = u16::from_ne_bytes([l[0], l[1]]);
        let raw_type = u16::from_ne_bytes([t[0], t[1]]);
        let Some(payload) = rest.get(NLA_HDRLEN..len as usize) else {
            let kind = if (len as usize) < NLA_HDRLEN {
                ErrorKind::AttrLenTooShort(len)
            } else {
                ErrorKind::AttrLenOverrun {
                    len,
                    left: rest.len() as u32,
                }
            };
            return Some(Err(self.fail(kind, Some(raw_type & NLA_TYPE_MASK))));
        };
        let offset = self.base + self.pos;
        self.pos += nla_align(len as usize).min(rest.len());
        Some(Ok(Attr {
            raw_type,
            payload,
            offset: offset as u32,
        }))
    }
}

impl AttrIter<'_> {
    /// The error at the current position; ends the walk.
    #[cold]
    fn fail(&mut self, kind: ErrorKind, attr: Option<u16>) -> Error {
        let mut e = Error::new(kind, self.base + self.pos);
        if let Some(t) = self.msg_type {
            e = e.with_msg_type(t);
        }
        if let Some(a) = attr {
            e = e.with_attr(a);
        }
        self.pos = usize::MAX;
        e
    }
}

impl core::iter::FusedIterator for AttrIter<'_> {}

/// A one-pass index of an attribute list by type: `tb[type]`, libmnl's idea. Types at
/// or above `N` are not indexed; of duplicates the last wins (as in the kernel).
///
/// The table holds 4-byte positions, not views, so building it costs little more than the
/// walk itself; `get` rebuilds the view from the position.
#[derive(Debug, Clone)]
pub struct AttrIndex<'a, const N: usize> {
    buf: &'a [u8],
    base: usize,
    tb: [u32; N],
}

impl<'a, const N: usize> AttrIndex<'a, N> {
    /// Walks `iter` once. Returns the first framing error, if any.
    #[inline(always)]
    pub fn new(iter: AttrIter<'a>) -> Result<Self, Error> {
        let (buf, base) = (iter.bytes(), iter.base());
        let mut tb = [0u32; N];
        for a in iter {
            let a = a?;
            if let Some(slot) = tb.get_mut(a.kind() as usize) {
                // position in `buf`, plus one so that 0 means absent
                *slot = (a.offset() - base) as u32 + 1;
            }
        }
        Ok(AttrIndex { buf, base, tb })
    }
    /// The attribute of type `ty`.
    #[inline]
    pub fn get(&self, ty: u16) -> Option<Attr<'a>> {
        let pos = (*self.tb.get(ty as usize)?).checked_sub(1)? as usize;
        let h = self.buf.get(pos..pos + NLA_HDRLEN)?;
        let len = u16::from_ne_bytes([h[0], h[1]]) as usize;
        let raw_type = u16::from_ne_bytes([h[2], h[3]]);
        let payload = self.buf.get(pos + NLA_HDRLEN..pos + len)?;
        Some(Attr {
            raw_type,
            payload,
            offset: (self.base + pos) as u32,
        })
    }
}

/// Lookup by attribute type in an indexed list: what the typed index of every set
/// (`RouteIndex`, `LinkIndex`, ...) reads through. Implemented by [`AttrIndex`] (built
/// by a walk) and [`LayoutIndex`](super::layout::LayoutIndex) (from a
/// [`LayoutCache`](super::layout::LayoutCache)).
pub trait AttrLookup<'a> {
    /// The attribute of type `ty` (flags masked), if the list has one.
    fn get(&self, ty: u16) -> Option<Attr<'a>>;
}

impl<'a, const N: usize> AttrLookup<'a> for AttrIndex<'a, N> {
    #[inline]
    fn get(&self, ty: u16) -> Option<Attr<'a>> {
        AttrIndex::get(self, ty)
    }
}

/// An attribute set declared with `nla_set!`: names, decodes and describes its members.
pub trait AttrSet: Sized {
    /// The typed attribute enum.
    type Item<'a>;
    /// The set's Rust name (for diagnostics).
    const SET_NAME: &'static str;
    /// The kernel name of attribute type `ty` (e.g. `"IFLA_MTU"`).
    fn name(ty: u16) -> Option<&'static str>;
    /// Decodes one attribute.
    fn decode<'a>(attr: Attr<'a>) -> Result<Self::Item<'a>, Error>;
    /// Describes one attribute's value (not its name).
    fn describe_value(attr: &Attr<'_>, ctx: &Ctx, out: &mut dyn Visitor);
    /// Describes a whole list as `[[NAME, VALUE], ...]`.
    fn describe_list(iter: AttrIter<'_>, ctx: &Ctx, out: &mut dyn Visitor) {
        super::describe::describe_attrs::<Self>(iter, ctx, out)
    }
}

/// A nested attribute list whose members belong to the set `S`.
pub struct Nested<'a, S> {
    bytes: &'a [u8],
    base: usize,
    _set: PhantomData<S>,
}

impl<'a, S> Nested<'a, S> {
    /// Wraps a raw list.
    pub fn new(iter: AttrIter<'a>) -> Self {
        Nested {
            bytes: iter.bytes(),
            base: iter.base(),
            _set: PhantomData,
        }
    }
    /// The raw attribute walk.
    pub fn raw(&self) -> AttrIter<'a> {
        AttrIter::with_base(self.bytes, self.base)
    }
}

impl<'a, S: AttrSet> Nested<'a, S> {
    /// Typed members, one `Result` each.
    pub fn iter(&self) -> impl Iterator<Item = Result<S::Item<'a>, Error>> + use<'a, S> {
        self.raw().map(|a| a.and_then(S::decode))
    }
}

impl<S> Clone for Nested<'_, S> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<S> Copy for Nested<'_, S> {}
impl<S> PartialEq for Nested<'_, S> {
    fn eq(&self, other: &Self) -> bool {
        self.bytes == other.bytes
    }
}
impl<S> core::fmt::Debug for Nested<'_, S> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Nested")
            .field("len", &self.bytes.len())
            .field("base", &self.base)
            .finish()
    }
}

/// How a table attribute is read, written and described. One implementation per kind;
/// `nla_set!` maps each table line to one of these.
pub trait Kind<'a> {
    /// The decoded value.
    type T: Copy + core::fmt::Debug + PartialEq;
    /// Reads the value from an attribute.
    fn decode(attr: &Attr<'a>) -> Result<Self::T, Error>;
    /// Writes the value as attribute `ty`.
    fn encode<W: NlaWriter + ?Sized>(w: &mut W, ty: u16, v: &Self::T) -> Result<(), Error>;
    /// Describes the value for the decode tool.
    fn describe(v: &Self::T, ctx: &Ctx, out: &mut dyn Visitor);
}

/// Attribute kinds for `nla_set!` tables.
pub mod kind {
    use super::*;

    macro_rules! int_kind {
        ($(#[$m:meta])* $name:ident, $t:ty, $get:ident, $put:ident, $sc:ident) => {
            $(#[$m])*
            #[derive(Debug, Clone, Copy)]
            pub struct $name;
            impl<'a> Kind<'a> for $name {
                type T = $t;
                #[inline]
                fn decode(a: &Attr<'a>) -> Result<$t, Error> { a.$get() }
                fn encode<W: NlaWriter + ?Sized>(w: &mut W, ty: u16, v: &$t) -> Result<(), Error> { w.$put(ty, *v) }
                fn describe(v: &$t, _: &Ctx, out: &mut dyn Visitor) { out.scalar(Scalar::$sc((*v).into())) }
            }
        };
    }
    int_kind!(/// u8.
        U8, u8, as_u8, put_u8, U64);
    int_kind!(/// Native-endian u16.
        U16, u16, as_u16, put_u16, U64);
    int_kind!(/// Native-endian u32.
        U32, u32, as_u32, put_u32, U64);
    int_kind!(/// Native-endian u64.
        U64, u64, as_u64, put_u64, U64);
    int_kind!(/// i8.
        I8, i8, as_i8, put_i8, I64);
    int_kind!(/// Native-endian i16.
        I16, i16, as_i16, put_i16, I64);
    int_kind!(/// Native-endian i32.
        I32, i32, as_i32, put_i32, I64);
    int_kind!(/// Native-endian i64.
        I64, i64, as_i64, put_i64, I64);
    int_kind!(/// Big-endian u16 (ports, ethertypes).
        Be16, u16, as_be16, put_be16, U64);
    int_kind!(/// Big-endian u32.
        Be32, u32, as_be32, put_be32, U64);
    int_kind!(/// Big-endian u64.
        Be64, u64, as_be64, put_be64, U64);
    int_kind!(/// A variable-width unsigned integer (NLA_UINT: 1, 2, 4 or 8 bytes); written as u64.
        Uint, u64, as_uint, put_u64, U64);

    /// A NUL-terminated string (NLA_NUL_STRING / asciiz); written with its NUL.
    #[derive(Debug, Clone, Copy)]
    pub struct CStr;
    impl<'a> Kind<'a> for CStr {
        type T = &'a str;
        fn decode(a: &Attr<'a>) -> Result<&'a str, Error> {
            a.as_cstr()
        }
        fn encode<W: NlaWriter + ?Sized>(w: &mut W, ty: u16, v: &&'a str) -> Result<(), Error> {
            w.put_str(ty, v)
        }
        fn describe(v: &&'a str, _: &Ctx, out: &mut dyn Visitor) {
            out.scalar(Scalar::Str(v))
        }
    }

    /// A string without a terminating NUL; written as is.
    #[derive(Debug, Clone, Copy)]
    pub struct Str;
    impl<'a> Kind<'a> for Str {
        type T = &'a str;
        fn decode(a: &Attr<'a>) -> Result<&'a str, Error> {
            a.as_str()
        }
        fn encode<W: NlaWriter + ?Sized>(w: &mut W, ty: u16, v: &&'a str) -> Result<(), Error> {
            w.put_bytes(ty, v.as_bytes())
        }
        fn describe(v: &&'a str, _: &Ctx, out: &mut dyn Visitor) {
            out.scalar(Scalar::Str(v))
        }
    }

    /// Opaque bytes, described as hex.
    #[derive(Debug, Clone, Copy)]
    pub struct Bytes;
    impl<'a> Kind<'a> for Bytes {
        type T = &'a [u8];
        fn decode(a: &Attr<'a>) -> Result<&'a [u8], Error> {
            Ok(a.payload())
        }
        fn encode<W: NlaWriter + ?Sized>(w: &mut W, ty: u16, v: &&'a [u8]) -> Result<(), Error> {
            w.put_bytes(ty, v)
        }
        fn describe(v: &&'a [u8], _: &Ctx, out: &mut dyn Visitor) {
            out.scalar(Scalar::Hex(v))
        }
    }

    /// A link-layer address of any length, described as `aa:bb:...`.
    #[derive(Debug, Clone, Copy)]
    pub struct LlAddr;
    impl<'a> Kind<'a> for LlAddr {
        type T = &'a [u8];
        fn decode(a: &Attr<'a>) -> Result<&'a [u8], Error> {
            Ok(a.payload())
        }
        fn encode<W: NlaWriter + ?Sized>(w: &mut W, ty: u16, v: &&'a [u8]) -> Result<(), Error> {
            w.put_bytes(ty, v)
        }
        fn describe(v: &&'a [u8], _: &Ctx, out: &mut dyn Visitor) {
            out.scalar(Scalar::Mac(v))
        }
    }

    /// A 6-byte MAC address.
    #[derive(Debug, Clone, Copy)]
    pub struct Mac;
    impl<'a> Kind<'a> for Mac {
        type T = [u8; 6];
        fn decode(a: &Attr<'a>) -> Result<[u8; 6], Error> {
            a.as_mac()
        }
        fn encode<W: NlaWriter + ?Sized>(w: &mut W, ty: u16, v: &[u8; 6]) -> Result<(), Error> {
            w.put_bytes(ty, v)
        }
        fn describe(v: &[u8; 6], _: &Ctx, out: &mut dyn Visitor) {
            out.scalar(Scalar::Mac(v))
        }
    }

    /// An IPv4 address.
    #[derive(Debug, Clone, Copy)]
    pub struct Ipv4;
    impl<'a> Kind<'a> for Ipv4 {
        type T = Ipv4Addr;
        fn decode(a: &Attr<'a>) -> Result<Ipv4Addr, Error> {
            a.as_ipv4()
        }
        fn encode<W: NlaWriter + ?Sized>(w: &mut W, ty: u16, v: &Ipv4Addr) -> Result<(), Error> {
            w.put_bytes(ty, &v.octets())
        }
        fn describe(v: &Ipv4Addr, _: &Ctx, out: &mut dyn Visitor) {
            out.scalar(Scalar::Ip(IpAddr::V4(*v)))
        }
    }

    /// An IPv6 address.
    #[derive(Debug, Clone, Copy)]
    pub struct Ipv6;
    impl<'a> Kind<'a> for Ipv6 {
        type T = Ipv6Addr;
        fn decode(a: &Attr<'a>) -> Result<Ipv6Addr, Error> {
            a.as_ipv6()
        }
        fn encode<W: NlaWriter + ?Sized>(w: &mut W, ty: u16, v: &Ipv6Addr) -> Result<(), Error> {
            w.put_bytes(ty, &v.octets())
        }
        fn describe(v: &Ipv6Addr, _: &Ctx, out: &mut dyn Visitor) {
            out.scalar(Scalar::Ip(IpAddr::V6(*v)))
        }
    }

    /// An IPv4 or IPv6 address, by length.
    #[derive(Debug, Clone, Copy)]
    pub struct Ip;
    impl<'a> Kind<'a> for Ip {
        type T = IpAddr;
        fn decode(a: &Attr<'a>) -> Result<IpAddr, Error> {
            a.as_ip()
        }
        fn encode<W: NlaWriter + ?Sized>(w: &mut W, ty: u16, v: &IpAddr) -> Result<(), Error> {
            w.put_ip(ty, *v)
        }
        fn describe(v: &IpAddr, _: &Ctx, out: &mut dyn Visitor) {
            out.scalar(Scalar::Ip(*v))
        }
    }

    /// A flag: present or absent, empty payload.
    #[derive(Debug, Clone, Copy)]
    pub struct Flag;
    impl<'a> Kind<'a> for Flag {
        type T = bool;
        fn decode(a: &Attr<'a>) -> Result<bool, Error> {
            a.as_flag()
        }
        /// Writes the empty attribute when `v` is true, nothing otherwise.
        fn encode<W: NlaWriter + ?Sized>(w: &mut W, ty: u16, v: &bool) -> Result<(), Error> {
            if *v { w.put_flag(ty) } else { Ok(()) }
        }
        fn describe(v: &bool, _: &Ctx, out: &mut dyn Visitor) {
            out.scalar(Scalar::Bool(*v))
        }
    }

    /// A nested list of attributes of set `S` (written with NLA_F_NESTED).
    #[derive(Debug, Clone, Copy)]
    pub struct NestedSet<S>(PhantomData<S>);
    impl<'a, S: AttrSet + 'a> Kind<'a> for NestedSet<S> {
        type T = Nested<'a, S>;
        fn decode(a: &Attr<'a>) -> Result<Nested<'a, S>, Error> {
            Ok(Nested::new(a.nested()))
        }
        fn encode<W: NlaWriter + ?Sized>(
            w: &mut W,
            ty: u16,
            v: &Nested<'a, S>,
        ) -> Result<(), Error> {
            w.put_bytes(ty | NLA_F_NESTED, v.raw().bytes())
        }
        fn describe(v: &Nested<'a, S>, ctx: &Ctx, out: &mut dyn Visitor) {
            match ctx.deeper() {
                Some(c) => S::describe_list(v.raw(), &c, out),
                None => out.scalar(Scalar::Error(Error::new(
                    ErrorKind::TooDeep,
                    v.raw().base(),
                ))),
            }
        }
    }

    /// A fixed kernel struct read by common prefix (never a length error), written whole.
    #[derive(Debug, Clone, Copy)]
    pub struct Wire<T>(PhantomData<T>);
    impl<'a, T> Kind<'a> for Wire<T>
    where
        T: FromBytes
            + IntoBytes
            + Immutable
            + Copy
            + core::fmt::Debug
            + PartialEq
            + super::super::Describe,
    {
        type T = T;
        fn decode(a: &Attr<'a>) -> Result<T, Error> {
            Ok(a.as_struct())
        }
        fn encode<W: NlaWriter + ?Sized>(w: &mut W, ty: u16, v: &T) -> Result<(), Error> {
            w.put_struct(ty, v)
        }
        fn describe(v: &T, _: &Ctx, out: &mut dyn Visitor) {
            v.describe(out)
        }
    }

    /// A custom value type that knows its own wire form.
    #[derive(Debug, Clone, Copy)]
    pub struct Value<T>(PhantomData<T>);
    impl<'a, T: NlaValue<'a>> Kind<'a> for Value<T> {
        type T = T;
        fn decode(a: &Attr<'a>) -> Result<T, Error> {
            T::decode(a)
        }
        fn encode<W: NlaWriter + ?Sized>(w: &mut W, ty: u16, v: &T) -> Result<(), Error> {
            v.encode(w, ty)
        }
        fn describe(v: &T, ctx: &Ctx, out: &mut dyn Visitor) {
            v.describe(ctx, out)
        }
    }
}

/// A value type with its own wire form, for table lines of kind `Value<T>` (MPLS label
/// stacks, arrays, family-dependent addresses, ...).
pub trait NlaValue<'a>: Sized + Copy + core::fmt::Debug + PartialEq {
    /// Reads the value.
    fn decode(attr: &Attr<'a>) -> Result<Self, Error>;
    /// Writes the value as attribute `ty`.
    fn encode<W: NlaWriter + ?Sized>(&self, w: &mut W, ty: u16) -> Result<(), Error>;
    /// Describes the value.
    fn describe(&self, ctx: &Ctx, out: &mut dyn Visitor);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nl::Buffer;

    #[test]
    fn masks_flags_and_reads_typed_values() {
        let mut b = [0u8; 64];
        let n = {
            let mut w = crate::nl::AttrBuilder::new(crate::nl::SliceBuf::new(&mut b));
            w.put_u32(1 | NLA_F_NET_BYTEORDER, 7).unwrap();
            w.put_str(2, "eth0").unwrap();
            w.put_u8(3, 9).unwrap();
            w.into_inner().len()
        };
        let v: heapless::Vec<_, 4> = AttrIter::new(&b[..n]).map(|a| a.unwrap()).collect();
        assert_eq!(v[0].kind(), 1);
        assert!(v[0].is_net_byteorder() && !v[0].is_nested());
        assert_eq!(v[0].as_u32(), Ok(7));
        assert_eq!(v[1].as_cstr(), Ok("eth0"));
        assert_eq!(v[1].payload(), b"eth0\0");
        assert_eq!(v[2].as_u8(), Ok(9));
        assert_eq!(v[2].offset(), 20);
        let e = v[2].as_u32().unwrap_err();
        assert_eq!(
            e.kind,
            ErrorKind::BadAttrLen {
                expected: 4,
                got: 1
            }
        );
        assert_eq!((e.offset, e.attr), (20, Some(3)));
    }

    #[test]
    fn bad_lengths_end_the_walk_with_an_error() {
        let bytes = [8u8, 0, 1, 0, 1, 2, 3, 4, 2, 0, 5, 0];
        let mut it = AttrIter::with_base(&bytes, 100);
        assert!(it.next().unwrap().is_ok());
        let e = it.next().unwrap().unwrap_err();
        assert_eq!(
            (e.kind, e.offset, e.attr),
            (ErrorKind::AttrLenTooShort(2), 108, Some(5))
        );
        assert!(it.next().is_none());
        let bytes = [9u8, 0, 1, 0, 1, 2, 3, 4];
        let e = AttrIter::new(&bytes).next().unwrap().unwrap_err();
        assert_eq!(e.kind, ErrorKind::AttrLenOverrun { len: 9, left: 8 });
        // a header cut short: one error with the message type, then the walk is over
        let bytes = [8u8, 0, 1, 0, 1, 2, 3, 4, 4, 0];
        let mut it = AttrIter::with_base(&bytes, 16).with_msg_type(24);
        assert!(it.next().unwrap().is_ok());
        let e = it.next().unwrap().unwrap_err();
        assert_eq!(
            (e.kind, e.offset, e.attr, e.msg_type),
            (
                ErrorKind::Truncated { need: 4, have: 2 },
                24,
                None,
                Some(24)
            )
        );
        assert!(it.next().is_none() && it.next().is_none());
    }

    #[test]
    fn prefix_read_tolerates_longer_and_shorter_structs() {
        let long = [1u8, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0];
        let short = [1u8, 0, 0, 0, 2, 0];
        let a: crate::nl::NlAttrHdr = read_prefix(&long);
        assert_eq!((a.nla_len(), a.nla_type()), (1, 0));
        let e: crate::nl::NlMsgErr = read_prefix(&short);
        assert_eq!((e.error(), e.msg_len(), e.msg_type()), (1, 2, 0));
    }

    #[test]
    fn index_keeps_last_duplicate_and_ignores_large_types() {
        let bytes = [8u8, 0, 1, 0, 1, 0, 0, 0, 8, 0, 1, 0, 2, 0, 0, 0, 4, 0, 9, 0];
        let tb: AttrIndex<'_, 4> = AttrIndex::new(AttrIter::new(&bytes)).unwrap();
        assert_eq!(tb.get(1).unwrap().as_u32(), Ok(2));
        assert!(tb.get(9).is_none() && tb.get(2).is_none());
    }
}
