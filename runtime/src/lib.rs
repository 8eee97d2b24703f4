//! ferroute: the std runtime of the ferroute netlink library, on rustix.
//!
//! It owns file descriptors, threads and policy; all message knowledge comes from the
//! codec ([`ferroute_codec`], re-exported as [`codec`]). The pieces:
//!
//! - [`socket`]: [`NetlinkSocket`], open/bind/groups/options/send/recv, never truncating.
//! - [`request`]: the request engine on the same socket: sequence numbers, acks, typed
//!   kernel errors with the extended-ack text, zero-copy dumps, callbacks and policies.
//! - [`cache`]: the opt-in background reader thread and its bounded ring buffer.
//! - [`proxy`]: send/recv proxies with verdicts, and the built-in tuntap proxy
//!   ([`RtnlSocket`]).
//! - [`netns`]: the few namespace helpers the tests need.
//! - [`iproute`]: IPRoute, RawIPRoute and IPBatch (pyroute2's RTNL API).
//! - [`cli`]: iproute2 syntax and output for the `ferroute` tool.
//! - [`decode`]: the engine of `ferroute decode` (JSON/text rendering of codec descriptions).
//!
//! # Thread model
//!
//! A socket is used by one thread at a time: every operation takes `&mut self`. It is
//! `Send`, so it can move between threads; [`NetlinkSocket::try_clone`] opens a new socket
//! with the same protocol, options and groups (a new fd, so a new port id) for another
//! thread. The cache thread ([`NetlinkSocket::enable_cache`]) is the only thread the
//! runtime starts; it reads a duplicate of the fd and is woken and joined on close.
//!
//! # Example
//!
//! ```no_run
//! use ferroute::{NetlinkSocket, Protocol};
//! use ferroute::codec::nl::{MsgBuilder, NlaWriter};
//! let mut sock = NetlinkSocket::open(Protocol::ROUTE)?;
//! // RTM_GETLINK (18) dump with an empty ifinfomsg (16 bytes).
//! let mut b = MsgBuilder::new(Vec::new(), 18, 0, 0, 0)?;
//! b.append_bytes(&[0u8; 16])?;
//! let msg = b.finish()?;
//! let mut dump = sock.dump(&msg)?;
//! while let Some(m) = dump.next() {
//!     let m = m?;
//!     println!("link message of {} bytes", m.bytes().len());
//! }
//! # Ok::<(), ferroute::Error>(())
//! ```
#![warn(missing_docs)]
#![deny(unsafe_op_in_unsafe_fn)]

pub use ferroute_codec as codec;

pub mod cache;
pub mod cli;
pub mod decode;
pub mod error;
pub mod iproute;
pub mod netns;
pub mod proxy;
pub mod request;
pub mod socket;
pub mod sockopt;

pub use cache::{CacheConfig, CacheStats};
pub use error::{AttrPath, Error, KernelError, Overrun, Result};
pub use proxy::{RecvVerdict, RtnlSocket, SendVerdict};
pub use request::{CallbackError, DecodeFn, Dump, DumpSummary, Dumped, IntrPolicy};
pub use socket::{NetlinkSocket, Protocol};
