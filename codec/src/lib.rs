//! ferroute-codec: netlink messages as borrowed zero-copy views and in-place builders.
//!
//! `no_std`, no allocation, no `unsafe`, and no panic on any input. The framing layer
//! lives in [`nl`]; each message family (rtnetlink, generic netlink, nfnetlink, ...) has
//! its own module built on it.
//!
//! ```
//! use ferroute_codec::nl::{Buffer, MsgBuilder, NlaWriter, Messages, NlmF, SliceBuf};
//! let mut storage = [0u8; 64];
//! let mut b = MsgBuilder::new(SliceBuf::new(&mut storage), 18, NlmF::REQUEST.bits(), 1, 0).unwrap();
//! b.put_u32(4, 1500).unwrap();
//! let buf = b.finish().unwrap();
//! let msg = Messages::new(buf.as_slice()).next().unwrap().unwrap();
//! assert_eq!(msg.nlmsg_type(), 18);
//! let attr = msg.attrs_after(0).next().unwrap().unwrap();
//! assert_eq!(attr.as_u32().unwrap(), 1500);
//! ```
#![no_std]
#![forbid(unsafe_code)]
#![warn(missing_docs)]

#[cfg(feature = "alloc")]
extern crate alloc;
#[cfg(feature = "std")]
extern crate std;

#[macro_use]
#[allow(unused_macros)]
pub mod macros;
pub mod genl;
pub mod inet;
pub mod ipq;
pub mod nfnl;
pub mod nl;
pub mod rtnl;

pub use nl::{Error, ErrorKind};
