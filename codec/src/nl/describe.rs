//! A visitor interface through which decoded messages describe themselves (names and
//! typed values), so that the decode tool can print JSON or text without the codec
//! allocating or knowing about either format.

use core::net::IpAddr;

use super::attr::{Attr, AttrIter, AttrSet};
use super::error::{Error, ErrorKind};

/// A leaf value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Scalar<'a> {
    /// An unsigned number.
    U64(u64),
    /// A signed number.
    I64(i64),
    /// A boolean (flags).
    Bool(bool),
    /// Text.
    Str(&'a str),
    /// A symbolic name (an enum value, an attribute name).
    Name(&'static str),
    /// Opaque bytes, printed as lowercase hex.
    Hex(&'a [u8]),
    /// An IP address.
    Ip(IpAddr),
    /// A link-layer address, printed `aa:bb:...`.
    Mac(&'a [u8]),
    /// Nothing.
    Null,
    /// A value that could not be decoded.
    Error(Error),
}

/// Receives a description: scalars, lists and objects, in document order.
pub trait Visitor {
    /// A leaf value.
    fn scalar(&mut self, v: Scalar<'_>);
    /// Starts a list.
    fn begin_list(&mut self);
    /// Ends the innermost list.
    fn end_list(&mut self);
    /// Starts an object (a struct with named fields).
    fn begin_object(&mut self);
    /// The key of the next value in the current object.
    fn key(&mut self, k: &str);
    /// Ends the innermost object.
    fn end_object(&mut self);
}

/// Something that can describe itself (fixed structs do, by their kernel field names).
pub trait Describe {
    /// Sends the description to `out`.
    fn describe(&self, out: &mut dyn Visitor);
}

/// Context passed down while describing: the message's address family and how deep the
/// nesting is (descriptions stop with an error past [`Ctx::MAX_DEPTH`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Ctx {
    /// The address family of the message (AF_*), 0 when none.
    pub family: u8,
    /// The message type.
    pub msg_type: u16,
    /// Current nesting depth.
    pub depth: u8,
}

impl Ctx {
    /// The deepest nesting that is described.
    pub const MAX_DEPTH: u8 = 32;
    /// A context for a message of `msg_type` and `family`.
    pub fn new(msg_type: u16, family: u8) -> Self {
        Ctx {
            family,
            msg_type,
            depth: 0,
        }
    }
    /// The context one level deeper, or `None` past the limit.
    pub fn deeper(&self) -> Option<Ctx> {
        (self.depth < Self::MAX_DEPTH).then_some(Ctx {
            depth: self.depth + 1,
            ..*self
        })
    }
}

/// Describes an attribute list as `[[NAME, VALUE], ...]` using set `S` for names and
/// values; unknown ids come out as numbers with hex values. A framing error ends the
/// list with an `Error` entry.
pub fn describe_attrs<S: AttrSet>(iter: AttrIter<'_>, ctx: &Ctx, out: &mut dyn Visitor) {
    describe_attrs_with::<S>(iter, ctx, out, S::describe_value)
}

/// [`describe_attrs`] with each value written by `value` instead of the set's own
/// `describe_value` (for values read by a sibling, as tc's TCA_OPTIONS by TCA_KIND).
pub(crate) fn describe_attrs_with<S: AttrSet>(
    iter: AttrIter<'_>,
    ctx: &Ctx,
    out: &mut dyn Visitor,
    mut value: impl FnMut(&Attr<'_>, &Ctx, &mut dyn Visitor),
) {
    out.begin_list();
    for a in iter {
        match a {
            Ok(a) => {
                out.begin_list();
                match S::name(a.kind()) {
                    Some(n) => out.scalar(Scalar::Name(n)),
                    None => out.scalar(Scalar::U64(a.kind().into())),
                }
                value(&a, ctx, out);
                out.end_list();
            }
            Err(e) => out.scalar(Scalar::Error(e)),
        }
    }
    out.end_list();
}

/// Describes the nested list `list` one level deeper with `describe`; past
/// [`Ctx::MAX_DEPTH`] levels, a TooDeep error at the list's start instead.
pub(crate) fn describe_nested(
    list: AttrIter<'_>,
    ctx: &Ctx,
    out: &mut dyn Visitor,
    describe: impl FnOnce(AttrIter<'_>, &Ctx, &mut dyn Visitor),
) {
    match ctx.deeper() {
        Some(c) => describe(list, &c, out),
        None => out.scalar(Scalar::Error(Error::new(ErrorKind::TooDeep, list.base()))),
    }
}

/// An attribute set that knows no names: every attribute is a number with a hex value
/// (nested lists are not guessed). Used for families nothing is known about.
#[derive(Debug, Clone, Copy)]
pub struct RawAttrs;

impl AttrSet for RawAttrs {
    type Item<'a> = super::attr::Attr<'a>;
    const SET_NAME: &'static str = "RawAttrs";
    fn name(_: u16) -> Option<&'static str> {
        None
    }
    fn decode<'a>(attr: super::attr::Attr<'a>) -> Result<super::attr::Attr<'a>, Error> {
        Ok(attr)
    }
    fn describe_value(attr: &super::attr::Attr<'_>, ctx: &Ctx, out: &mut dyn Visitor) {
        if attr.is_nested() {
            match ctx.deeper() {
                Some(c) => Self::describe_list(attr.nested(), &c, out),
                None => out.scalar(Scalar::Error(attr.error(ErrorKind::TooDeep))),
            }
        } else {
            out.scalar(Scalar::Hex(attr.payload()))
        }
    }
}

/// A message family as the decode tool sees it: names for its message types, the flag
/// context of each type, and a describer for the body after the netlink header.
pub trait Family {
    /// The family's name for `decode --family` (`"route"`, `"generic"`, ...).
    const NAME: &'static str;
    /// The kernel name of message type `ty` (e.g. `"RTM_NEWLINK"`), if known.
    fn type_name(ty: u16) -> Option<&'static str>;
    /// How to name the upper flag bits of a message of type `ty`.
    fn flag_context(ty: u16) -> super::header::FlagContext {
        let _ = ty;
        super::header::FlagContext::Plain
    }
    /// Describes the body into the current object: one `key` per part, e.g.
    /// `"ifinfomsg": {...}` and `"attrs": [...]`.
    fn describe_body(msg: &super::msg::NlMsg<'_>, out: &mut dyn Visitor);
}

/// The family that knows nothing: bodies are printed as `"payload": "<hex>"`.
#[derive(Debug, Clone, Copy)]
pub struct RawFamily;

impl Family for RawFamily {
    const NAME: &'static str = "raw";
    fn type_name(_: u16) -> Option<&'static str> {
        None
    }
    fn describe_body(msg: &super::msg::NlMsg<'_>, out: &mut dyn Visitor) {
        out.key("payload");
        out.scalar(Scalar::Hex(msg.payload()));
    }
}

/// Describes the 16-byte header as `{"length", "type", "flags", "sequence_number", "pid"}`
/// (pyroute2's names), with the type and flags named through `F`.
pub fn describe_header<F: Family>(msg: &super::msg::NlMsg<'_>, out: &mut dyn Visitor) {
    use super::header::{FlagContext, NLMSG_ERROR, flag_names, nlmsg_type_name};
    let ty = msg.nlmsg_type();
    out.begin_object();
    out.key("length");
    out.scalar(Scalar::U64(msg.header().nlmsg_len().into()));
    out.key("type");
    match nlmsg_type_name(ty).or_else(|| {
        if ty >= super::header::NLMSG_MIN_TYPE {
            F::type_name(ty)
        } else {
            None
        }
    }) {
        Some(n) => out.scalar(Scalar::Name(n)),
        None => out.scalar(Scalar::U64(ty.into())),
    }
    out.key("flags");
    let ctx = if ty == NLMSG_ERROR {
        FlagContext::Ack
    } else if ty < super::header::NLMSG_MIN_TYPE {
        FlagContext::Plain
    } else {
        F::flag_context(ty)
    };
    out.begin_list();
    for f in flag_names(msg.nlmsg_flags(), ctx) {
        match f {
            Ok(n) => out.scalar(Scalar::Name(n)),
            Err(bit) => out.scalar(Scalar::U64(bit.into())),
        }
    }
    out.end_list();
    out.key("sequence_number");
    out.scalar(Scalar::U64(msg.nlmsg_seq().into()));
    out.key("pid");
    out.scalar(Scalar::U64(msg.nlmsg_pid().into()));
    out.end_object();
}

/// The names of the extended-ack TLVs, as an attribute set (values by type).
#[derive(Debug, Clone, Copy)]
pub struct ExtAckAttrs;

impl AttrSet for ExtAckAttrs {
    type Item<'a> = super::attr::Attr<'a>;
    const SET_NAME: &'static str = "ExtAckAttrs";
    fn name(ty: u16) -> Option<&'static str> {
        super::ack::nlmsgerr_attr_name(ty)
    }
    fn decode<'a>(attr: super::attr::Attr<'a>) -> Result<super::attr::Attr<'a>, Error> {
        Ok(attr)
    }
    fn describe_value(a: &super::attr::Attr<'_>, ctx: &Ctx, out: &mut dyn Visitor) {
        use super::ack::*;
        let r = match a.kind() {
            NLMSGERR_ATTR_MSG => a.as_cstr().map(Scalar::Str),
            NLMSGERR_ATTR_OFFS | NLMSGERR_ATTR_MISS_TYPE | NLMSGERR_ATTR_MISS_NEST => {
                a.as_u32().map(|v| Scalar::U64(v.into()))
            }
            NLMSGERR_ATTR_POLICY => return RawAttrs::describe_list(a.nested(), ctx, out),
            _ => Ok(Scalar::Hex(a.payload())),
        };
        out.scalar(r.unwrap_or_else(Scalar::Error))
    }
}

/// Describes one whole message: `{"header": {...}, ...body}`. NLMSG_ERROR and
/// NLMSG_DONE bodies are described here (`error`, the echoed `request` header, `extack`);
/// other control messages have no body; family messages go to `F`.
pub fn describe_message<F: Family>(msg: &super::msg::NlMsg<'_>, out: &mut dyn Visitor) {
    use super::header::{NLMSG_DONE, NLMSG_ERROR, NLMSG_MIN_TYPE};
    out.begin_object();
    out.key("header");
    describe_header::<F>(msg, out);
    let ty = msg.nlmsg_type();
    if ty == NLMSG_ERROR || ty == NLMSG_DONE {
        match super::ack::AckMsg::parse(*msg) {
            Ok(a) => {
                out.key("error");
                out.scalar(Scalar::I64(a.error().into()));
                if let Some(req) = a.request_header() {
                    out.key("request");
                    req.describe(out);
                    if !a.request_payload().is_empty() {
                        out.key("request_payload");
                        out.scalar(Scalar::Hex(a.request_payload()));
                    }
                }
                out.key("extack");
                ExtAckAttrs::describe_list(a.tlvs(), &Ctx::new(ty, 0), out);
            }
            // DONE of a dump may legitimately be short; report, do not fail.
            Err(e) => {
                out.key("error");
                out.scalar(Scalar::Error(e));
            }
        }
    } else if ty >= NLMSG_MIN_TYPE {
        F::describe_body(msg, out);
    }
    out.end_object();
}

/// A visitor that discards everything (for walking a whole description, e.g. fuzzing).
#[derive(Debug, Default, Clone, Copy)]
pub struct NullVisitor {
    /// Scalars seen.
    pub scalars: usize,
    /// Errors seen among the scalars.
    pub errors: usize,
}

impl Visitor for NullVisitor {
    fn scalar(&mut self, v: Scalar<'_>) {
        self.scalars += 1;
        if matches!(v, Scalar::Error(_)) {
            self.errors += 1;
        }
    }
    fn begin_list(&mut self) {}
    fn end_list(&mut self) {}
    fn begin_object(&mut self) {}
    fn key(&mut self, _: &str) {}
    fn end_object(&mut self) {}
}

/// Describes every message of a datagram with family `F`; returns the framing error that
/// ended the walk, if any (messages before it were described).
pub fn describe_datagram<F: Family>(data: &[u8], out: &mut dyn Visitor) -> Result<usize, Error> {
    let mut n = 0;
    for m in super::msg::Messages::new(data) {
        describe_message::<F>(&m?, out);
        n += 1;
    }
    Ok(n)
}
