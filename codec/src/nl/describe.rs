//! A visitor interface through which decoded messages describe themselves (names and
//! typed values), so that the decode tool can print JSON or text without the codec
//! allocating or knowing about either format.

use core::net::IpAddr;

use super::attr::{AttrIter, AttrSet};
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
    out.begin_list();
    for a in iter {
        match a {
            Ok(a) => {
                out.begin_list();
                match S::name(a.kind()) {
                    Some(n) => out.scalar(Scalar::Name(n)),
                    None => out.scalar(Scalar::U64(a.kind().into())),
                }
                S::describe_value(&a, ctx, out);
                out.end_list();
            }
            Err(e) => out.scalar(Scalar::Error(e)),
        }
    }
    out.end_list();
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
