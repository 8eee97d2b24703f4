//! DHCPv4 (RFC 2131/2132, pyroute2's `dhcp4msg`): the BOOTP header with its magic cookie,
//! the option walker (following option overload into `file` and `sname`), typed options
//! declared once in a table, and a builder.
//!
//! Option names are ISC dhcp's `DHO_*` (dhcp.h), so `grep DHO_ROUTERS` finds both.
//! Pad bytes are skipped (a rebuild from the walk writes none) and End ends an area; a malformed option (a code with no length
//! byte, or a length running past its area) is an error naming the option's offset from
//! the start of the DHCP message, and ends the walk. RFC 3396 long options (one code
//! split over several instances) come out as the separate instances.

use core::fmt::Write as _;
use core::net::Ipv4Addr;

use zerocopy::FromBytes;

use crate::nl::{Buffer, Error, ErrorKind, Scalar, Visitor};

/// BOOTP server port.
pub const DHCP_SERVER_PORT: u16 = 67;
/// BOOTP client port.
pub const DHCP_CLIENT_PORT: u16 = 68;
/// Bytes of the BOOTP header before the cookie.
pub const BOOTP_HLEN: usize = 236;
/// Offset of the options (after the magic cookie).
pub const DHCP_OPTIONS_OFFSET: usize = 240;
/// The magic cookie 99.130.83.99.
pub const DHCP_MAGIC_COOKIE: u32 = 0x6382_5363;
/// The minimum BOOTP message many relays and servers insist on.
pub const BOOTP_MIN_LEN: usize = 300;
/// `op` of a client's message.
pub const BOOTREQUEST: u8 = 1;
/// `op` of a server's message.
pub const BOOTREPLY: u8 = 2;
/// `flags` bit: reply by broadcast.
pub const BOOTP_BROADCAST: u16 = 0x8000;
/// `htype` of Ethernet (ARPHRD_ETHER).
pub const HTYPE_ETHER: u8 = 1;
/// Offset of `sname` in the message.
pub const SNAME_OFFSET: usize = 44;
/// Offset of `file` in the message.
pub const FILE_OFFSET: usize = 108;

/// DHCPDISCOVER.
pub const DHCPDISCOVER: u8 = 1;
/// DHCPOFFER.
pub const DHCPOFFER: u8 = 2;
/// DHCPREQUEST.
pub const DHCPREQUEST: u8 = 3;
/// DHCPDECLINE.
pub const DHCPDECLINE: u8 = 4;
/// DHCPACK.
pub const DHCPACK: u8 = 5;
/// DHCPNAK.
pub const DHCPNAK: u8 = 6;
/// DHCPRELEASE.
pub const DHCPRELEASE: u8 = 7;
/// DHCPINFORM.
pub const DHCPINFORM: u8 = 8;
/// DHCPFORCERENEW (RFC 3203).
pub const DHCPFORCERENEW: u8 = 9;

/// The name of a DHCP message type, if known.
pub fn message_type_name(t: u8) -> Option<&'static str> {
    Some(match t {
        DHCPDISCOVER => "DHCPDISCOVER",
        DHCPOFFER => "DHCPOFFER",
        DHCPREQUEST => "DHCPREQUEST",
        DHCPDECLINE => "DHCPDECLINE",
        DHCPACK => "DHCPACK",
        DHCPNAK => "DHCPNAK",
        DHCPRELEASE => "DHCPRELEASE",
        DHCPINFORM => "DHCPINFORM",
        DHCPFORCERENEW => "DHCPFORCERENEW",
        _ => return None,
    })
}

type Be16 = zerocopy::byteorder::U16<zerocopy::byteorder::BigEndian>;
type Be32 = zerocopy::byteorder::U32<zerocopy::byteorder::BigEndian>;

/// The fixed part of a DHCPv4 message (BOOTP header and magic cookie), 240 bytes, all
/// fields in network order. (Written out by hand rather than with `wire_struct!`: arrays
/// of 64 and 128 bytes have no `Default`.)
#[repr(C)]
#[derive(
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Debug,
    zerocopy::FromBytes,
    zerocopy::IntoBytes,
    zerocopy::KnownLayout,
    zerocopy::Immutable,
    zerocopy::Unaligned,
)]
pub struct Dhcp4Header {
    /// BOOTREQUEST or BOOTREPLY.
    pub op: u8,
    /// Hardware address type (1: Ethernet).
    pub htype: u8,
    /// Hardware address length (6 for Ethernet).
    pub hlen: u8,
    /// Relay hops.
    pub hops: u8,
    /// Transaction id.
    pub xid: Be32,
    /// Seconds since the client began.
    pub secs: Be16,
    /// Flags (BOOTP_BROADCAST).
    pub flags: Be16,
    /// Client address (when it has one).
    pub ciaddr: [u8; 4],
    /// "Your" address: the one offered.
    pub yiaddr: [u8; 4],
    /// Next server (TFTP).
    pub siaddr: [u8; 4],
    /// Relay agent address.
    pub giaddr: [u8; 4],
    /// Client hardware address (hlen bytes used).
    pub chaddr: [u8; 16],
    /// Server host name, NUL-terminated, or options (overload).
    pub sname: [u8; 64],
    /// Boot file name, NUL-terminated, or options (overload).
    pub file: [u8; 128],
    /// The magic cookie (DHCP_MAGIC_COOKIE).
    pub cookie: Be32,
}

impl Default for Dhcp4Header {
    fn default() -> Self {
        zerocopy::FromZeros::new_zeroed()
    }
}

impl Dhcp4Header {
    /// Size on the wire.
    pub const SIZE: usize = core::mem::size_of::<Self>();
    /// `xid` as a plain value.
    pub fn xid(&self) -> u32 {
        self.xid.get()
    }
    /// `secs` as a plain value.
    pub fn secs(&self) -> u16 {
        self.secs.get()
    }
    /// `flags` as a plain value.
    pub fn flags(&self) -> u16 {
        self.flags.get()
    }
    /// `cookie` as a plain value.
    pub fn cookie(&self) -> u32 {
        self.cookie.get()
    }
}

impl crate::nl::Describe for Dhcp4Header {
    fn describe(&self, out: &mut dyn Visitor) {
        out.begin_object();
        for (k, v) in [
            ("op", u64::from(self.op)),
            ("htype", self.htype.into()),
            ("hlen", self.hlen.into()),
            ("hops", self.hops.into()),
            ("xid", self.xid().into()),
            ("secs", self.secs().into()),
            ("flags", self.flags().into()),
        ] {
            out.key(k);
            out.scalar(Scalar::U64(v));
        }
        for (k, v) in [
            ("ciaddr", self.ciaddr),
            ("yiaddr", self.yiaddr),
            ("siaddr", self.siaddr),
            ("giaddr", self.giaddr),
        ] {
            out.key(k);
            out.scalar(Scalar::Ip(Ipv4Addr::from(v).into()));
        }
        out.key("chaddr");
        out.scalar(Scalar::Hex(&self.chaddr));
        out.key("sname");
        out.scalar(Scalar::Hex(&self.sname));
        out.key("file");
        out.scalar(Scalar::Hex(&self.file));
        out.key("cookie");
        out.scalar(Scalar::U64(self.cookie().into()));
        out.end_object();
    }
}

#[cfg(feature = "defmt")]
impl defmt::Format for Dhcp4Header {
    fn format(&self, f: defmt::Formatter<'_>) {
        defmt::write!(
            f,
            "Dhcp4Header {{ op: {}, xid: {=u32:x}, yiaddr: {} }}",
            self.op,
            self.xid(),
            self.yiaddr
        )
    }
}

/// Where an option was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Area {
    /// The options field after the cookie.
    Options,
    /// The `file` field (overload 1 or 3).
    File,
    /// The `sname` field (overload 2 or 3).
    Sname,
}

/// One option as found: code, data and where.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RawOption<'a> {
    /// Option code.
    pub code: u8,
    /// Option data (without code and length).
    pub data: &'a [u8],
    /// Offset of the code byte from the start of the walked bytes (the DHCP message).
    pub offset: usize,
    /// The area it was found in.
    pub area: Area,
}

impl<'a> RawOption<'a> {
    /// An error about this option.
    pub fn error(&self, kind: ErrorKind) -> Error {
        Error::new(kind, self.offset).with_attr(self.code.into())
    }
    fn bad_len(&self, expected: usize) -> Error {
        self.error(ErrorKind::BadAttrLen {
            expected: expected as u16,
            got: self.data.len() as u16,
        })
    }
    fn exact<const N: usize>(&self) -> Result<[u8; N], Error> {
        <[u8; N]>::try_from(self.data).map_err(|_| self.bad_len(N))
    }
}

/// Walks options: skips Pad, ends an area at End (or at its last byte), and after the
/// options field continues into `file` then `sname` as the overload option says.
#[derive(Debug, Clone)]
pub struct Dhcp4OptIter<'a> {
    msg: &'a [u8],
    cur: &'a [u8],
    base: usize,
    pos: usize,
    area: Area,
    overload: u8,
    overload_seen: bool,
    follow: bool,
    done: bool,
}

impl<'a> Dhcp4OptIter<'a> {
    /// Walks a bare option list (no overload); offsets count from `base`.
    pub fn new(options: &'a [u8], base: usize) -> Self {
        Dhcp4OptIter {
            msg: &[],
            cur: options,
            base,
            pos: 0,
            area: Area::Options,
            overload: 0,
            overload_seen: false,
            follow: false,
            done: false,
        }
    }
    /// Walks the options of a whole DHCP message (`msg` at least 240 bytes), following
    /// overload.
    fn message(msg: &'a [u8]) -> Self {
        Dhcp4OptIter {
            msg,
            cur: msg.get(DHCP_OPTIONS_OFFSET..).unwrap_or(&[]),
            base: DHCP_OPTIONS_OFFSET,
            pos: 0,
            area: Area::Options,
            overload: 0,
            overload_seen: false,
            follow: true,
            done: false,
        }
    }
    fn enter(&mut self, area: Area) {
        let (start, end) = match area {
            Area::File => (FILE_OFFSET, BOOTP_HLEN),
            Area::Sname => (SNAME_OFFSET, FILE_OFFSET),
            Area::Options => (DHCP_OPTIONS_OFFSET, self.msg.len()),
        };
        self.cur = self.msg.get(start..end).unwrap_or(&[]);
        self.base = start;
        self.pos = 0;
        self.area = area;
    }
    /// Moves to the next area; false when there is none.
    fn next_area(&mut self) -> bool {
        if !self.follow {
            return false;
        }
        let next = match self.area {
            Area::Options if self.overload & 1 != 0 => Some(Area::File),
            Area::Options | Area::File if self.overload & 2 != 0 => Some(Area::Sname),
            _ => None,
        };
        match next {
            Some(a) => {
                self.enter(a);
                true
            }
            None => false,
        }
    }
}

impl<'a> Iterator for Dhcp4OptIter<'a> {
    type Item = Result<RawOption<'a>, Error>;
    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if self.done {
                return None;
            }
            let code = match self.cur.get(self.pos) {
                Some(&DHO_PAD) => {
                    self.pos += 1;
                    continue;
                }
                Some(&DHO_END) | None => {
                    if !self.next_area() {
                        self.done = true;
                    }
                    continue;
                }
                Some(&c) => c,
            };
            let offset = self.base + self.pos;
            let left = self.cur.len() - self.pos - 1;
            let Some(&len) = self.cur.get(self.pos + 1) else {
                self.done = true;
                let e = ErrorKind::Truncated { need: 2, have: 1 };
                return Some(Err(Error::new(e, offset).with_attr(code.into())));
            };
            let start = self.pos + 2;
            let Some(data) = self.cur.get(start..start + usize::from(len)) else {
                self.done = true;
                let e = ErrorKind::AttrLenOverrun {
                    len: len.into(),
                    left: left.saturating_sub(1) as u32,
                };
                return Some(Err(Error::new(e, offset).with_attr(code.into())));
            };
            self.pos = start + usize::from(len);
            // The first well-formed overload option of the options field counts.
            if self.follow
                && self.area == Area::Options
                && code == DHO_DHCP_OPTION_OVERLOAD
                && !self.overload_seen
                && let [v] = *data
            {
                self.overload = v;
                self.overload_seen = true;
            }
            return Some(Ok(RawOption {
                code,
                data,
                offset,
                area: self.area,
            }));
        }
    }
}

impl core::iter::FusedIterator for Dhcp4OptIter<'_> {}

/// A list of IPv4 addresses (routers, servers ...): a non-empty multiple of 4 bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ipv4List<'a>(&'a [u8]);

impl<'a> Ipv4List<'a> {
    /// Checks `b` (a non-empty multiple of 4 bytes).
    pub fn new(b: &'a [u8]) -> Option<Self> {
        (!b.is_empty() && b.len().is_multiple_of(4)).then_some(Ipv4List(b))
    }
    /// The addresses.
    pub fn iter(&self) -> impl Iterator<Item = Ipv4Addr> + 'a {
        self.0
            .chunks_exact(4)
            .map(|c| Ipv4Addr::new(c[0], c[1], c[2], c[3]))
    }
    /// The bytes.
    pub fn bytes(&self) -> &'a [u8] {
        self.0
    }
}

/// One classless static route (RFC 3442).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ClasslessRoute {
    /// Destination network.
    pub dst: Ipv4Addr,
    /// Prefix length (0-32).
    pub prefix_len: u8,
    /// Router.
    pub router: Ipv4Addr,
}

/// Option 121, classless static routes: each route is a prefix length, the significant
/// octets of the destination, and a router. Checked whole on decode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClasslessRoutes<'a>(&'a [u8]);

impl<'a> ClasslessRoutes<'a> {
    /// Checks `b`: every route complete, prefix lengths at most 32, at least one route.
    pub fn new(b: &'a [u8]) -> Option<Self> {
        let r = ClasslessRoutes(b);
        let mut n = 0;
        for x in r.iter_raw() {
            x?;
            n += 1;
        }
        (n > 0).then_some(r)
    }
    fn iter_raw(&self) -> impl Iterator<Item = Option<ClasslessRoute>> + 'a {
        let mut rest = self.0;
        core::iter::from_fn(move || {
            let (&plen, tail) = rest.split_first()?;
            if plen > 32 {
                rest = &[];
                return Some(None);
            }
            let n = usize::from(plen).div_ceil(8);
            let (Some(d), Some(r)) = (tail.get(..n), tail.get(n..n + 4)) else {
                rest = &[];
                return Some(None);
            };
            let mut dst = [0u8; 4];
            if let Some(x) = dst.get_mut(..n) {
                x.copy_from_slice(d);
            }
            let router = Ipv4Addr::new(r[0], r[1], r[2], r[3]);
            rest = tail.get(n + 4..).unwrap_or(&[]);
            Some(Some(ClasslessRoute {
                dst: Ipv4Addr::from(dst),
                prefix_len: plen,
                router,
            }))
        })
    }
    /// The routes.
    pub fn iter(&self) -> impl Iterator<Item = ClasslessRoute> + 'a {
        self.iter_raw().map_while(|r| r)
    }
    /// The bytes.
    pub fn bytes(&self) -> &'a [u8] {
        self.0
    }
    /// Encodes `routes` into `out`, returning the bytes written (None if out is short or
    /// a prefix length passes 32).
    pub fn encode(routes: &[ClasslessRoute], out: &mut [u8]) -> Option<usize> {
        let mut p = 0;
        for r in routes {
            if r.prefix_len > 32 {
                return None;
            }
            let n = usize::from(r.prefix_len).div_ceil(8);
            let dst = r.dst.octets();
            out.get_mut(p..p + 1)?.copy_from_slice(&[r.prefix_len]);
            out.get_mut(p + 1..p + 1 + n)?
                .copy_from_slice(dst.get(..n)?);
            out.get_mut(p + 1 + n..p + 5 + n)?
                .copy_from_slice(&r.router.octets());
            p += 5 + n;
        }
        Some(p)
    }
}

/// The value kinds of the option table: how an option's data is decoded, encoded and
/// described.
pub trait OptKind<'a> {
    /// The decoded value.
    type T: Copy + core::fmt::Debug + PartialEq;
    /// Decodes (length checked).
    fn decode(raw: &RawOption<'a>) -> Result<Self::T, Error>;
    /// The data bytes of `v` (using `scratch` for small numbers).
    fn data<'b>(v: &'b Self::T, scratch: &'b mut [u8; 4]) -> &'b [u8];
    /// Describes `v`.
    fn describe(v: &Self::T, out: &mut dyn Visitor);
}

/// The option value kinds.
pub mod kind {
    use super::*;

    macro_rules! num_kind {
        ($(#[$m:meta])* $name:ident, $t:ty, $n:literal, $scalar:ident, $wide:ty) => {
            $(#[$m])*
            #[derive(Debug, Clone, Copy)]
            pub struct $name;
            impl<'a> OptKind<'a> for $name {
                type T = $t;
                fn decode(raw: &RawOption<'a>) -> Result<$t, Error> {
                    raw.exact::<$n>().map(<$t>::from_be_bytes)
                }
                fn data<'b>(v: &'b $t, s: &'b mut [u8; 4]) -> &'b [u8] {
                    let b = v.to_be_bytes();
                    s[..$n].copy_from_slice(&b);
                    &s[..$n]
                }
                fn describe(v: &$t, out: &mut dyn Visitor) {
                    out.scalar(Scalar::$scalar(<$wide>::from(*v)))
                }
            }
        };
    }
    num_kind!(/// One byte.
        U8, u8, 1, U64, u64);
    num_kind!(/// A big-endian u16.
        U16, u16, 2, U64, u64);
    num_kind!(/// A big-endian u32.
        U32, u32, 4, U64, u64);
    num_kind!(/// A big-endian i32 (time offset).
        I32, i32, 4, I64, i64);

    /// One IPv4 address.
    #[derive(Debug, Clone, Copy)]
    pub struct Ipv4;
    impl<'a> OptKind<'a> for Ipv4 {
        type T = Ipv4Addr;
        fn decode(raw: &RawOption<'a>) -> Result<Ipv4Addr, Error> {
            raw.exact::<4>().map(Ipv4Addr::from)
        }
        fn data<'b>(v: &'b Ipv4Addr, s: &'b mut [u8; 4]) -> &'b [u8] {
            *s = v.octets();
            s
        }
        fn describe(v: &Ipv4Addr, out: &mut dyn Visitor) {
            out.scalar(Scalar::Ip((*v).into()))
        }
    }

    /// A non-empty list of IPv4 addresses.
    #[derive(Debug, Clone, Copy)]
    pub struct Ipv4s;
    impl<'a> OptKind<'a> for Ipv4s {
        type T = Ipv4List<'a>;
        fn decode(raw: &RawOption<'a>) -> Result<Ipv4List<'a>, Error> {
            Ipv4List::new(raw.data).ok_or_else(|| raw.bad_len(4))
        }
        fn data<'b>(v: &'b Ipv4List<'a>, _: &'b mut [u8; 4]) -> &'b [u8] {
            v.0
        }
        fn describe(v: &Ipv4List<'a>, out: &mut dyn Visitor) {
            out.begin_list();
            for a in v.iter() {
                out.scalar(Scalar::Ip(a.into()));
            }
            out.end_list();
        }
    }

    /// Text (UTF-8; not NUL-terminated on the wire).
    #[derive(Debug, Clone, Copy)]
    pub struct Text;
    impl<'a> OptKind<'a> for Text {
        type T = &'a str;
        fn decode(raw: &RawOption<'a>) -> Result<&'a str, Error> {
            core::str::from_utf8(raw.data).map_err(|_| raw.error(ErrorKind::InvalidUtf8))
        }
        fn data<'b>(v: &'b &'a str, _: &'b mut [u8; 4]) -> &'b [u8] {
            v.as_bytes()
        }
        fn describe(v: &&'a str, out: &mut dyn Visitor) {
            out.scalar(Scalar::Str(v))
        }
    }

    /// Opaque bytes.
    #[derive(Debug, Clone, Copy)]
    pub struct Bytes;
    impl<'a> OptKind<'a> for Bytes {
        type T = &'a [u8];
        fn decode(raw: &RawOption<'a>) -> Result<&'a [u8], Error> {
            Ok(raw.data)
        }
        fn data<'b>(v: &'b &'a [u8], _: &'b mut [u8; 4]) -> &'b [u8] {
            v
        }
        fn describe(v: &&'a [u8], out: &mut dyn Visitor) {
            out.scalar(Scalar::Hex(v))
        }
    }

    /// A list of option codes (the parameter request list), described as numbers.
    #[derive(Debug, Clone, Copy)]
    pub struct Codes;
    impl<'a> OptKind<'a> for Codes {
        type T = &'a [u8];
        fn decode(raw: &RawOption<'a>) -> Result<&'a [u8], Error> {
            Ok(raw.data)
        }
        fn data<'b>(v: &'b &'a [u8], _: &'b mut [u8; 4]) -> &'b [u8] {
            v
        }
        fn describe(v: &&'a [u8], out: &mut dyn Visitor) {
            out.begin_list();
            for c in v.iter() {
                out.scalar(Scalar::U64((*c).into()));
            }
            out.end_list();
        }
    }

    /// The DHCP message type (one byte, described by name).
    #[derive(Debug, Clone, Copy)]
    pub struct MsgType;
    impl<'a> OptKind<'a> for MsgType {
        type T = u8;
        fn decode(raw: &RawOption<'a>) -> Result<u8, Error> {
            raw.exact::<1>().map(|[b]| b)
        }
        fn data<'b>(v: &'b u8, s: &'b mut [u8; 4]) -> &'b [u8] {
            s[0] = *v;
            &s[..1]
        }
        fn describe(v: &u8, out: &mut dyn Visitor) {
            match message_type_name(*v) {
                Some(n) => out.scalar(Scalar::Name(n)),
                None => out.scalar(Scalar::U64((*v).into())),
            }
        }
    }

    /// Classless static routes (RFC 3442).
    #[derive(Debug, Clone, Copy)]
    pub struct Routes;
    impl<'a> OptKind<'a> for Routes {
        type T = ClasslessRoutes<'a>;
        fn decode(raw: &RawOption<'a>) -> Result<ClasslessRoutes<'a>, Error> {
            ClasslessRoutes::new(raw.data).ok_or_else(|| raw.error(ErrorKind::InvalidValue))
        }
        fn data<'b>(v: &'b ClasslessRoutes<'a>, _: &'b mut [u8; 4]) -> &'b [u8] {
            v.0
        }
        fn describe(v: &ClasslessRoutes<'a>, out: &mut dyn Visitor) {
            out.begin_list();
            for r in v.iter() {
                let mut s: heapless::String<20> = heapless::String::new();
                let _ = write!(s, "{}/{}", r.dst, r.prefix_len);
                out.begin_list();
                out.scalar(Scalar::Str(&s));
                out.scalar(Scalar::Ip(r.router.into()));
                out.end_list();
            }
            out.end_list();
        }
    }
}

macro_rules! dhcp_options {
    (
        $(
            $(#[$m:meta])*
            $cname:ident = $code:literal => $var:ident ( $getter:ident ) : $kind:ident
        ),* $(,)?
    ) => {
        $(
            $(#[$m])*
            #[doc = concat!("\n\n(`", stringify!($cname), "`, see [`Dhcp4Option::", stringify!($var), "`])")]
            pub const $cname: u8 = $code;
        )*

        /// One decoded DHCP option.
        #[derive(Debug, Clone, Copy, PartialEq)]
        #[non_exhaustive]
        pub enum Dhcp4Option<'a> {
            /// Pad (0): one zero byte (only built; the walker skips pads).
            Pad,
            /// End (255): ends an area (only built; the walker stops there).
            End,
            $(
                $(#[$m])*
                $var(<kind::$kind as OptKind<'a>>::T),
            )*
            /// An option the table does not know, kept as it came.
            Other(RawOption<'a>),
        }

        impl<'a> Dhcp4Option<'a> {
            /// Decodes one option; an unknown code gives `Other`, a known one with bad
            /// data an error naming its offset and code.
            pub fn decode(raw: RawOption<'a>) -> Result<Self, Error> {
                match raw.code {
                    $( $code => <kind::$kind as OptKind<'a>>::decode(&raw).map(Dhcp4Option::$var), )*
                    _ => Ok(Dhcp4Option::Other(raw)),
                }
            }
            /// The option code.
            pub fn code(&self) -> u8 {
                match self {
                    Dhcp4Option::Pad => DHO_PAD,
                    Dhcp4Option::End => DHO_END,
                    $( Dhcp4Option::$var(_) => $code, )*
                    Dhcp4Option::Other(r) => r.code,
                }
            }
            /// Appends this option to a message under construction.
            pub fn emit<B: Buffer>(&self, b: &mut Dhcp4Builder<B>) -> Result<(), Error> {
                let mut s = [0u8; 4];
                match self {
                    Dhcp4Option::Pad => b.pad(1),
                    Dhcp4Option::End => b.buf.extend_from_slice(&[DHO_END]),
                    $( Dhcp4Option::$var(v) => b.put($code, <kind::$kind as OptKind<'a>>::data(v, &mut s)), )*
                    Dhcp4Option::Other(r) => b.put(r.code, r.data),
                }
            }
        }

        /// The name of option `code` (`DHO_*`), if the table knows it.
        pub fn option_name(code: u8) -> Option<&'static str> {
            match code {
                DHO_PAD => Some("DHO_PAD"),
                DHO_END => Some("DHO_END"),
                $( $code => Some(stringify!($cname)), )*
                _ => None,
            }
        }

        /// Describes the value of `raw` (hex for unknown codes, an error for bad data).
        pub fn describe_option_value(raw: &RawOption<'_>, out: &mut dyn Visitor) {
            match raw.code {
                $( $code => match <kind::$kind as OptKind<'_>>::decode(raw) {
                    Ok(v) => <kind::$kind as OptKind<'_>>::describe(&v, out),
                    Err(e) => out.scalar(Scalar::Error(e)),
                }, )*
                _ => out.scalar(Scalar::Hex(raw.data)),
            }
        }

        impl<'a> Dhcp4Msg<'a> {
            $(
                #[doc = concat!("`", stringify!($cname), "` (the first instance), decoded; `Ok(None)` when absent.")]
                pub fn $getter(&self) -> Result<Option<<kind::$kind as OptKind<'a>>::T>, Error> {
                    match self.find($code)? {
                        Some(r) => <kind::$kind as OptKind<'a>>::decode(&r).map(Some),
                        None => Ok(None),
                    }
                }
            )*
        }
    };
}

/// DHO_PAD: a filler byte.
pub const DHO_PAD: u8 = 0;
/// DHO_END: the end of an option area.
pub const DHO_END: u8 = 255;

dhcp_options! {
    /// Subnet mask.
    DHO_SUBNET_MASK = 1 => SubnetMask(subnet_mask): Ipv4,
    /// Time offset from UTC, seconds.
    DHO_TIME_OFFSET = 2 => TimeOffset(time_offset): I32,
    /// Routers.
    DHO_ROUTERS = 3 => Routers(routers): Ipv4s,
    /// Time (RFC 868) servers.
    DHO_TIME_SERVERS = 4 => TimeServers(time_servers): Ipv4s,
    /// IEN 116 name servers.
    DHO_NAME_SERVERS = 5 => NameServers(name_servers): Ipv4s,
    /// DNS servers.
    DHO_DOMAIN_NAME_SERVERS = 6 => DomainNameServers(domain_name_servers): Ipv4s,
    /// Log servers.
    DHO_LOG_SERVERS = 7 => LogServers(log_servers): Ipv4s,
    /// Cookie (quote of the day) servers.
    DHO_COOKIE_SERVERS = 8 => CookieServers(cookie_servers): Ipv4s,
    /// LPR servers.
    DHO_LPR_SERVERS = 9 => LprServers(lpr_servers): Ipv4s,
    /// Host name.
    DHO_HOST_NAME = 12 => HostName(host_name): Text,
    /// Boot file size in 512-byte blocks.
    DHO_BOOT_SIZE = 13 => BootSize(boot_size): U16,
    /// Domain name.
    DHO_DOMAIN_NAME = 15 => DomainName(domain_name): Text,
    /// Root path.
    DHO_ROOT_PATH = 17 => RootPath(root_path): Text,
    /// Default IP TTL.
    DHO_DEFAULT_IP_TTL = 23 => DefaultIpTtl(default_ip_ttl): U8,
    /// Interface MTU.
    DHO_INTERFACE_MTU = 26 => InterfaceMtu(interface_mtu): U16,
    /// Broadcast address.
    DHO_BROADCAST_ADDRESS = 28 => BroadcastAddress(broadcast_address): Ipv4,
    /// Static routes (classful destination/router pairs).
    DHO_STATIC_ROUTES = 33 => StaticRoutes(static_routes): Ipv4s,
    /// NIS domain.
    DHO_NIS_DOMAIN = 40 => NisDomain(nis_domain): Text,
    /// NIS servers.
    DHO_NIS_SERVERS = 41 => NisServers(nis_servers): Ipv4s,
    /// NTP servers.
    DHO_NTP_SERVERS = 42 => NtpServers(ntp_servers): Ipv4s,
    /// Vendor-specific information (opaque, often encapsulated options).
    DHO_VENDOR_ENCAPSULATED_OPTIONS = 43 => VendorEncapsulatedOptions(vendor_encapsulated_options): Bytes,
    /// NetBIOS name servers.
    DHO_NETBIOS_NAME_SERVERS = 44 => NetbiosNameServers(netbios_name_servers): Ipv4s,
    /// Requested IP address.
    DHO_DHCP_REQUESTED_ADDRESS = 50 => DhcpRequestedAddress(dhcp_requested_address): Ipv4,
    /// Lease time, seconds.
    DHO_DHCP_LEASE_TIME = 51 => DhcpLeaseTime(dhcp_lease_time): U32,
    /// Option overload: 1 file, 2 sname, 3 both hold options.
    DHO_DHCP_OPTION_OVERLOAD = 52 => DhcpOptionOverload(dhcp_option_overload): U8,
    /// DHCP message type (DHCPDISCOVER ...).
    DHO_DHCP_MESSAGE_TYPE = 53 => DhcpMessageType(dhcp_message_type): MsgType,
    /// Server identifier.
    DHO_DHCP_SERVER_IDENTIFIER = 54 => DhcpServerIdentifier(dhcp_server_identifier): Ipv4,
    /// Parameter request list (option codes).
    DHO_DHCP_PARAMETER_REQUEST_LIST = 55 => DhcpParameterRequestList(dhcp_parameter_request_list): Codes,
    /// An error message.
    DHO_DHCP_MESSAGE = 56 => DhcpMessage(dhcp_message): Text,
    /// Maximum DHCP message size.
    DHO_DHCP_MAX_MESSAGE_SIZE = 57 => DhcpMaxMessageSize(dhcp_max_message_size): U16,
    /// Renewal (T1) time, seconds.
    DHO_DHCP_RENEWAL_TIME = 58 => DhcpRenewalTime(dhcp_renewal_time): U32,
    /// Rebinding (T2) time, seconds.
    DHO_DHCP_REBINDING_TIME = 59 => DhcpRebindingTime(dhcp_rebinding_time): U32,
    /// Vendor class identifier.
    DHO_VENDOR_CLASS_IDENTIFIER = 60 => VendorClassIdentifier(vendor_class_identifier): Bytes,
    /// Client identifier (type byte, then the id).
    DHO_DHCP_CLIENT_IDENTIFIER = 61 => DhcpClientIdentifier(dhcp_client_identifier): Bytes,
    /// User class.
    DHO_USER_CLASS = 77 => UserClass(user_class): Bytes,
    /// Client FQDN (RFC 4702).
    DHO_FQDN = 81 => Fqdn(fqdn): Bytes,
    /// Relay agent information (RFC 3046).
    DHO_DHCP_AGENT_OPTIONS = 82 => DhcpAgentOptions(dhcp_agent_options): Bytes,
    /// Domain search list (RFC 3397, DNS wire format).
    DHO_DOMAIN_SEARCH = 119 => DomainSearch(domain_search): Bytes,
    /// Classless static routes (RFC 3442).
    DHO_CLASSLESS_STATIC_ROUTES = 121 => ClasslessStaticRoutes(classless_static_routes): Routes,
}

/// A view of a DHCPv4 message: the fixed header in place and the option walker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dhcp4Msg<'a> {
    buf: &'a [u8],
    hdr: &'a Dhcp4Header,
}

impl<'a> Dhcp4Msg<'a> {
    /// Checks that `buf` holds the 240-byte header and the magic cookie (a plain BOOTP
    /// message without it is `InvalidValue` at offset 236).
    pub fn parse(buf: &'a [u8]) -> Result<Self, Error> {
        let (hdr, _) = Dhcp4Header::ref_from_prefix(buf).map_err(|_| {
            Error::new(
                ErrorKind::Truncated {
                    need: DHCP_OPTIONS_OFFSET as u32,
                    have: buf.len() as u32,
                },
                0,
            )
        })?;
        if hdr.cookie() != DHCP_MAGIC_COOKIE {
            return Err(Error::new(ErrorKind::InvalidValue, BOOTP_HLEN));
        }
        Ok(Dhcp4Msg { buf, hdr })
    }
    /// The fixed header.
    pub fn header(&self) -> &'a Dhcp4Header {
        self.hdr
    }
    /// The whole message.
    pub fn bytes(&self) -> &'a [u8] {
        self.buf
    }
    /// BOOTREQUEST or BOOTREPLY.
    pub fn op(&self) -> u8 {
        self.hdr.op
    }
    /// Transaction id.
    pub fn xid(&self) -> u32 {
        self.hdr.xid()
    }
    /// Seconds since the client began.
    pub fn secs(&self) -> u16 {
        self.hdr.secs()
    }
    /// Flags.
    pub fn flags(&self) -> u16 {
        self.hdr.flags()
    }
    /// The broadcast flag.
    pub fn broadcast(&self) -> bool {
        self.flags() & BOOTP_BROADCAST != 0
    }
    /// Client address.
    pub fn ciaddr(&self) -> Ipv4Addr {
        self.hdr.ciaddr.into()
    }
    /// "Your" (offered) address.
    pub fn yiaddr(&self) -> Ipv4Addr {
        self.hdr.yiaddr.into()
    }
    /// Next server address.
    pub fn siaddr(&self) -> Ipv4Addr {
        self.hdr.siaddr.into()
    }
    /// Relay agent address.
    pub fn giaddr(&self) -> Ipv4Addr {
        self.hdr.giaddr.into()
    }
    /// The used part of `chaddr` (`hlen` bytes, at most 16).
    pub fn client_hwaddr(&self) -> &'a [u8] {
        let n = usize::from(self.hdr.hlen).min(16);
        self.hdr.chaddr.get(..n).unwrap_or(&[])
    }
    /// The option bytes after the cookie (End and padding included).
    pub fn options_bytes(&self) -> &'a [u8] {
        self.buf.get(DHCP_OPTIONS_OFFSET..).unwrap_or(&[])
    }
    /// The options, in order: the options field, then `file` and `sname` if overloaded.
    pub fn options(&self) -> Dhcp4OptIter<'a> {
        Dhcp4OptIter::message(self.buf)
    }
    /// The overload value the walk follows: the first one-byte overload option of the
    /// options field (0 when there is none).
    pub fn overload(&self) -> u8 {
        self.options()
            .map_while(Result::ok)
            .take_while(|o| o.area == Area::Options)
            .find_map(|o| match (o.code, o.data) {
                (DHO_DHCP_OPTION_OVERLOAD, &[v]) => Some(v),
                _ => None,
            })
            .unwrap_or(0)
    }
    /// `sname` up to its NUL, if it is not used for options and is UTF-8.
    pub fn sname(&self) -> Option<&'a str> {
        (self.overload() & 2 == 0)
            .then(|| cstr(&self.hdr.sname))
            .flatten()
    }
    /// `file` up to its NUL, if it is not used for options and is UTF-8.
    pub fn file(&self) -> Option<&'a str> {
        (self.overload() & 1 == 0)
            .then(|| cstr(&self.hdr.file))
            .flatten()
    }
    /// The first option with `code`; a malformed option before it is an error.
    pub fn find(&self, code: u8) -> Result<Option<RawOption<'a>>, Error> {
        for o in self.options() {
            let o = o?;
            if o.code == code {
                return Ok(Some(o));
            }
        }
        Ok(None)
    }
    /// Describes the message as `{"op", "htype", ..., "options": [[NAME, VALUE], ...]}`.
    pub fn describe(&self, out: &mut dyn Visitor) {
        let h = self.hdr;
        out.begin_object();
        for (k, v) in [
            ("op", u32::from(h.op)),
            ("htype", h.htype.into()),
            ("hlen", h.hlen.into()),
            ("hops", h.hops.into()),
            ("xid", h.xid()),
            ("secs", h.secs().into()),
            ("flags", h.flags().into()),
        ] {
            out.key(k);
            out.scalar(Scalar::U64(v.into()));
        }
        for (k, v) in [
            ("ciaddr", self.ciaddr()),
            ("yiaddr", self.yiaddr()),
            ("siaddr", self.siaddr()),
            ("giaddr", self.giaddr()),
        ] {
            out.key(k);
            out.scalar(Scalar::Ip(v.into()));
        }
        out.key("chaddr");
        out.scalar(Scalar::Mac(self.client_hwaddr()));
        out.key("sname");
        match self.sname() {
            Some(s) => out.scalar(Scalar::Str(s)),
            None => out.scalar(Scalar::Hex(&h.sname)),
        }
        out.key("file");
        match self.file() {
            Some(s) => out.scalar(Scalar::Str(s)),
            None => out.scalar(Scalar::Hex(&h.file)),
        }
        out.key("cookie");
        out.scalar(Scalar::U64(h.cookie().into()));
        out.key("options");
        describe_options(self.options(), out);
        out.end_object();
    }
}

fn cstr(b: &[u8]) -> Option<&str> {
    let n = b.iter().position(|&c| c == 0).unwrap_or(b.len());
    core::str::from_utf8(b.get(..n)?).ok()
}

/// Describes options as `[[NAME, VALUE], ...]` (unknown codes as numbers with hex values;
/// a framing error ends the list with an error entry).
pub fn describe_options(iter: Dhcp4OptIter<'_>, out: &mut dyn Visitor) {
    out.begin_list();
    for o in iter {
        match o {
            Ok(o) => {
                out.begin_list();
                match option_name(o.code) {
                    Some(n) => out.scalar(Scalar::Name(n)),
                    None => out.scalar(Scalar::U64(o.code.into())),
                }
                describe_option_value(&o, out);
                out.end_list();
            }
            Err(e) => out.scalar(Scalar::Error(e)),
        }
    }
    out.end_list();
}

/// Builds a DHCPv4 message: the header (with the magic cookie), options, End.
#[derive(Debug)]
pub struct Dhcp4Builder<B: Buffer> {
    buf: B,
    start: usize,
}

impl<B: Buffer> Dhcp4Builder<B> {
    /// Starts a message with `hdr` (its `cookie` is set to the magic cookie).
    pub fn new(mut buf: B, hdr: &Dhcp4Header) -> Result<Self, Error> {
        let start = buf.len();
        let mut h = *hdr;
        h.cookie = DHCP_MAGIC_COOKIE.into();
        buf.extend_from_slice(zerocopy::IntoBytes::as_bytes(&h))?;
        Ok(Dhcp4Builder { buf, start })
    }
    /// Appends option `code` with `data` (at most 255 bytes, else `TooLong`).
    pub fn put(&mut self, code: u8, data: &[u8]) -> Result<(), Error> {
        let len = u8::try_from(data.len()).map_err(|_| {
            Error::new(ErrorKind::TooLong, self.buf.len() - self.start).with_attr(code.into())
        })?;
        let at = self.buf.len();
        self.buf.extend_from_slice(&[code, len])?;
        if let Err(e) = self.buf.extend_from_slice(data) {
            self.buf.truncate(at);
            return Err(e);
        }
        Ok(())
    }
    /// Appends a list of addresses as option `code`.
    pub fn put_ipv4s(&mut self, code: u8, addrs: &[Ipv4Addr]) -> Result<(), Error> {
        let mut d = [0u8; 252];
        let n = addrs.len() * 4;
        let dst = d
            .get_mut(..n)
            .ok_or_else(|| Error::new(ErrorKind::TooLong, 0).with_attr(code.into()))?;
        for (c, a) in dst.chunks_exact_mut(4).zip(addrs) {
            c.copy_from_slice(&a.octets());
        }
        self.put(code, dst)
    }
    /// Appends a typed option.
    pub fn option(&mut self, o: &Dhcp4Option<'_>) -> Result<(), Error> {
        o.emit(self)
    }
    /// Appends `n` Pad bytes.
    pub fn pad(&mut self, n: usize) -> Result<(), Error> {
        self.buf.extend_zeroed(n)
    }
    /// The message so far.
    pub fn bytes(&self) -> &[u8] {
        self.buf.as_slice().get(self.start..).unwrap_or(&[])
    }
    /// Writes End and returns the buffer.
    pub fn finish(self) -> Result<B, Error> {
        self.finish_min(0)
    }
    /// Writes End, then pads with zeros up to `min_len` bytes of message (BOOTP_MIN_LEN
    /// for picky relays).
    pub fn finish_min(mut self, min_len: usize) -> Result<B, Error> {
        let at = self.buf.len();
        self.buf.extend_from_slice(&[DHO_END])?;
        let have = self.buf.len() - self.start;
        if have < min_len
            && let Err(e) = self.buf.extend_zeroed(min_len - have)
        {
            self.buf.truncate(at);
            return Err(e);
        }
        Ok(self.buf)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nl::SliceBuf;

    fn hdr() -> Dhcp4Header {
        Dhcp4Header {
            op: BOOTREQUEST,
            htype: 1,
            hlen: 6,
            xid: 0x1234_5678.into(),
            chaddr: [2, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
            ..Default::default()
        }
    }

    #[test]
    fn header_is_240_bytes() {
        assert_eq!(Dhcp4Header::SIZE, 240);
        assert_eq!(core::mem::offset_of!(Dhcp4Header, sname), SNAME_OFFSET);
        assert_eq!(core::mem::offset_of!(Dhcp4Header, file), FILE_OFFSET);
    }

    #[test]
    fn options_overload_into_file_then_sname() {
        let mut store = [0u8; 400];
        let mut h = hdr();
        // file: lease time then End; sname: host name "x" then End.
        h.file[..6].copy_from_slice(&[51, 4, 0, 0, 0, 60]);
        h.file[6] = DHO_END;
        h.sname[..3].copy_from_slice(&[12, 1, b'x']);
        h.sname[3] = DHO_END;
        let mut b = Dhcp4Builder::new(SliceBuf::new(&mut store), &h).unwrap();
        b.option(&Dhcp4Option::DhcpMessageType(DHCPDISCOVER))
            .unwrap();
        b.option(&Dhcp4Option::DhcpOptionOverload(3)).unwrap();
        let buf = b.finish().unwrap();
        let m = Dhcp4Msg::parse(buf.as_slice()).unwrap();
        let codes: heapless::Vec<(u8, usize, Area), 8> = m
            .options()
            .map(|o| o.map(|o| (o.code, o.offset, o.area)).unwrap())
            .collect();
        assert_eq!(
            &codes[..],
            &[
                (53, 240, Area::Options),
                (52, 243, Area::Options),
                (51, FILE_OFFSET, Area::File),
                (12, SNAME_OFFSET, Area::Sname)
            ]
        );
        assert_eq!(m.dhcp_lease_time(), Ok(Some(60)));
        assert_eq!(m.host_name(), Ok(Some("x")));
        assert_eq!((m.sname(), m.file()), (None, None));
    }

    #[test]
    fn malformed_option_names_its_offset() {
        let mut store = [0u8; 300];
        let mut b = Dhcp4Builder::new(SliceBuf::new(&mut store), &hdr()).unwrap();
        b.option(&Dhcp4Option::DhcpMessageType(DHCPDISCOVER))
            .unwrap();
        b.put(3, &[10, 0, 0]).unwrap(); // a router list of 3 bytes: bad length
        let buf = b.finish().unwrap();
        let mut bytes = [0u8; 300];
        let n = buf.as_slice().len();
        bytes[..n].copy_from_slice(buf.as_slice());
        let m = Dhcp4Msg::parse(&bytes[..n]).unwrap();
        let e = m.routers().unwrap_err();
        assert_eq!((e.offset, e.attr), (243, Some(3)));
        assert!(matches!(
            e.kind,
            ErrorKind::BadAttrLen {
                expected: 4,
                got: 3
            }
        ));
        // A length running past the end: option 12 claims 200 bytes.
        let mut walk = Dhcp4OptIter::new(&[53, 1, 1, 12, 200, b'a'], 240);
        assert!(walk.next().unwrap().is_ok());
        let e = walk.next().unwrap().unwrap_err();
        assert_eq!((e.offset, e.attr), (243, Some(12)));
        assert!(walk.next().is_none());
        // A code with no length byte.
        let e = Dhcp4OptIter::new(&[0, 0, 7], 0)
            .next()
            .unwrap()
            .unwrap_err();
        assert_eq!(
            (e.offset, e.kind),
            (2, ErrorKind::Truncated { need: 2, have: 1 })
        );
    }

    #[test]
    fn classless_routes_encode_and_decode() {
        let routes = [
            ClasslessRoute {
                dst: Ipv4Addr::new(192, 168, 50, 0),
                prefix_len: 24,
                router: Ipv4Addr::new(10, 77, 0, 1),
            },
            ClasslessRoute {
                dst: Ipv4Addr::UNSPECIFIED,
                prefix_len: 0,
                router: Ipv4Addr::new(10, 77, 0, 2),
            },
        ];
        let mut out = [0u8; 32];
        let n = ClasslessRoutes::encode(&routes, &mut out).unwrap();
        assert_eq!(
            &out[..n],
            &[24, 192, 168, 50, 10, 77, 0, 1, 0, 10, 77, 0, 2]
        );
        let r = ClasslessRoutes::new(&out[..n]).unwrap();
        assert!(r.iter().eq(routes.iter().copied()));
        assert!(ClasslessRoutes::new(&[33, 0, 0, 0, 0, 0, 0, 0, 0]).is_none());
        assert!(ClasslessRoutes::new(&[24, 1, 2]).is_none());
    }
}
