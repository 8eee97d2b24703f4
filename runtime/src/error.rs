//! The runtime's one error type: io errors, kernel NLMSG_ERROR replies (errno, extended
//! ack text and offset, and the attribute the offset points into), codec errors,
//! timeouts, overruns and interrupted dumps.

use std::fmt;

use ferroute_codec::nl::{AckMsg, Attr, AttrIter, NLMSG_HDRLEN, NlMsg, nlmsg_align};
use rustix::io::Errno;

/// `Result` with [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong in the runtime.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// A system call failed (`EAGAIN` on a non-blocking socket included).
    Io(Errno),
    /// The kernel (or a proxy, answering in its place) replied with NLMSG_ERROR.
    Kernel(KernelError),
    /// A message could not be read or built.
    Codec(ferroute_codec::Error),
    /// No reply within the socket's timeout.
    Timeout,
    /// Data was lost: datagrams the cache ring could not hold, or a kernel ENOBUFS.
    /// Reported once, at the point of loss; the next receive continues after it.
    Overrun(Overrun),
    /// A dump was marked NLM_F_DUMP_INTR (the table changed while it was read) and the
    /// socket's [`IntrPolicy`](crate::IntrPolicy) says to fail (or retries ran out).
    DumpInterrupted,
    /// The socket (or its cache thread) is closed.
    Closed,
    /// A request was refused before sending because the kernel's answer would be cryptic
    /// (a missing name, a prefix longer than the family allows, ...).
    InvalidRequest(String),
}

impl Error {
    /// The errno behind this error, if it has one (io or kernel).
    pub fn errno(&self) -> Option<i32> {
        match self {
            Error::Io(e) => Some(e.raw_os_error()),
            Error::Kernel(k) => Some(k.errno),
            _ => None,
        }
    }
    /// A non-blocking receive found nothing to read.
    pub fn is_would_block(&self) -> bool {
        matches!(self, Error::Io(e) if *e == Errno::AGAIN)
    }
    /// The kernel error, if this is one.
    pub fn kernel(&self) -> Option<&KernelError> {
        match self {
            Error::Kernel(k) => Some(k),
            _ => None,
        }
    }
}

impl From<Errno> for Error {
    fn from(e: Errno) -> Self {
        Error::Io(e)
    }
}

impl From<ferroute_codec::Error> for Error {
    fn from(e: ferroute_codec::Error) -> Self {
        Error::Codec(e)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Io(e) => write!(f, "io error: {e}"),
            Error::InvalidRequest(why) => write!(f, "invalid request: {why}"),
            Error::Kernel(k) => k.fmt(f),
            Error::Codec(e) => write!(f, "codec error: {e}"),
            Error::Timeout => f.write_str("timed out waiting for the kernel"),
            Error::Overrun(o) => o.fmt(f),
            Error::DumpInterrupted => f.write_str("dump interrupted (NLM_F_DUMP_INTR)"),
            Error::Closed => f.write_str("socket closed"),
        }
    }
}

impl std::error::Error for Error {}

impl From<Error> for std::io::Error {
    fn from(e: Error) -> Self {
        match e.errno() {
            Some(n) => std::io::Error::from_raw_os_error(n),
            None => std::io::Error::other(e),
        }
    }
}

/// The path of attribute types (outermost first) to the attribute an extended-ack offset
/// points into, e.g. `[IFLA_LINKINFO, IFLA_INFO_KIND]`.
pub type AttrPath = Vec<u16>;

/// A kernel NLMSG_ERROR reply (or NLMSG_DONE carrying an error).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KernelError {
    /// The positive errno (`EEXIST` = 17 ...).
    pub errno: i32,
    /// NLMSGERR_ATTR_MSG: the kernel's extended-ack text, if it sent one.
    pub msg: Option<String>,
    /// NLMSGERR_ATTR_OFFS: byte offset of the offending attribute in the request.
    pub offset: Option<u32>,
    /// The attribute the offset points into, when the request was known: the path of
    /// attribute types from the outermost to the innermost.
    pub attr: Option<AttrPath>,
    /// NLMSGERR_ATTR_MISS_TYPE: the type of a missing attribute.
    pub missing: Option<u32>,
    /// The type of the request that failed (from the echoed header).
    pub request_type: Option<u16>,
}

impl KernelError {
    /// Builds the error from an NLMSG_ERROR/DONE view and, if known, the request bytes.
    pub fn from_ack(ack: &AckMsg<'_>, request: Option<&[u8]>) -> Self {
        let x = ack.ext_ack();
        let attr = match (x.offs, request) {
            (Some(off), Some(req)) => attr_at_offset(req, off as usize),
            _ => None,
        };
        KernelError {
            errno: ack.errno().unwrap_or(0),
            msg: x.msg.map(str::to_owned),
            offset: x.offs,
            attr,
            missing: x.miss_type,
            request_type: ack.request_header().map(|h| h.nlmsg_type()),
        }
    }
    /// The errno as rustix's `Errno`.
    pub fn as_errno(&self) -> Errno {
        Errno::from_raw_os_error(self.errno)
    }
}

impl fmt::Display for KernelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "kernel error: {}", self.as_errno())?;
        if let Some(m) = &self.msg {
            write!(f, ": {m}")?;
        }
        if let Some(o) = self.offset {
            write!(f, " (offset {o}")?;
            if let Some(p) = &self.attr {
                write!(f, ", attribute path {p:?}")?;
            }
            f.write_str(")")?;
        }
        Ok(())
    }
}

/// Data lost between the kernel and the caller, reported at the point of loss.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Overrun {
    /// Datagrams dropped because the cache ring was full.
    pub datagrams: u64,
    /// Bytes of those datagrams.
    pub bytes: u64,
    /// Kernel ENOBUFS reports (the kernel dropped an unknown number of messages).
    pub enobufs: u64,
}

impl fmt::Display for Overrun {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "overrun: {} datagrams ({} bytes) dropped, {} kernel ENOBUFS",
            self.datagrams, self.bytes, self.enobufs
        )
    }
}

/// The length of the family header of a request, when the runtime knows the family
/// (rtnetlink by message type); `None` means "guess".
fn family_header_len(msg_type: u16) -> Option<usize> {
    Some(match msg_type {
        16..=19 => 16,  // ifinfomsg
        20..=23 => 8,   // ifaddrmsg
        24..=27 => 12,  // rtmsg
        28..=31 => 12,  // ndmsg
        32..=35 => 12,  // fib_rule_hdr
        36..=47 => 20,  // tcmsg
        48..=51 => 4,   // tcamsg
        64..=67 => 4,   // ndtmsg
        88..=90 => 4,   // rtgenmsg (nsid)
        104..=106 => 8, // nhmsg
        _ => return None,
    })
}

/// Finds the attribute a kernel extended-ack offset points into, as a path of types.
///
/// The offset counts from the start of the request's `nlmsghdr`. The family header length
/// comes from the rtnetlink table; for other types the first header length (multiple of
/// 4, at most 64) after which the rest parses cleanly as attributes is used.
pub fn attr_at_offset(request: &[u8], offset: usize) -> Option<AttrPath> {
    let msg = NlMsg::parse(request).ok()?;
    let candidates: Vec<usize> = match family_header_len(msg.nlmsg_type()) {
        Some(h) => vec![h],
        None => (0..=64usize.min(msg.payload().len())).step_by(4).collect(),
    };
    for h in candidates {
        let iter = msg.attrs_after(h);
        if iter.validate().is_err() {
            continue;
        }
        let start = NLMSG_HDRLEN + nlmsg_align(h);
        if offset < start {
            return None;
        }
        let mut path = Vec::new();
        descend(iter, offset, &mut path);
        return (!path.is_empty()).then_some(path);
    }
    None
}

fn descend(iter: AttrIter<'_>, offset: usize, path: &mut AttrPath) {
    for a in iter.flatten() {
        let a: Attr<'_> = a;
        let end = a.offset() + a.nla_len();
        if offset >= a.offset() && offset < end.max(a.offset() + 4) {
            path.push(a.kind());
            if offset > a.offset() {
                let inner = a.nested();
                if inner.validate().is_ok() && !a.payload().is_empty() {
                    descend(inner, offset, path);
                }
            }
            return;
        }
    }
}
