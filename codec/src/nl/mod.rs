//! Netlink framing: headers, the message iterator, attributes, builders, acks and errors.
//!
//! Everything here is family-agnostic; the family modules add fixed headers and
//! attribute tables on top.

pub mod ack;
pub mod attr;
pub mod buffer;
pub mod builder;
pub mod describe;
pub mod error;
pub mod fuzz;
pub mod header;
pub mod layout;
pub mod msg;

pub use ack::{
    AckMsg, ExtAck, NLMSGERR_ATTR_COOKIE, NLMSGERR_ATTR_MISS_NEST, NLMSGERR_ATTR_MISS_TYPE,
    NLMSGERR_ATTR_MSG, NLMSGERR_ATTR_OFFS, NLMSGERR_ATTR_POLICY,
};
pub use attr::{
    Attr, AttrIndex, AttrIter, AttrLookup, AttrSet, NLA_ALIGNTO, NLA_F_NESTED, NLA_F_NET_BYTEORDER,
    NLA_HDRLEN, NLA_TYPE_MASK, Nested, NlaValue, nla_align,
};
pub use buffer::{Buffer, SliceBuf};
pub use builder::{AttrBuilder, MsgBuilder, Nest, NlaWriter};
pub use describe::{
    Ctx, Describe, ExtAckAttrs, Family, NullVisitor, RawAttrs, RawFamily, Scalar, Visitor,
    describe_attrs, describe_datagram, describe_header, describe_message,
};
pub use error::{Error, ErrorKind};
pub use header::*;
pub use layout::{LAYOUT_MAX_ATTRS, LayoutCache, LayoutIndex};
pub use msg::{Messages, NLMSG_ALIGNTO, NLMSG_HDRLEN, NlMsg, nlmsg_align};
