//! Send and recv proxies: functions registered per message type that see each encoded
//! message and return a verdict, and the built-in tuntap proxy that creates tun/tap
//! devices through `/dev/net/tun` (the kernel has no RTM_NEWLINK for them).
//!
//! A send proxy's `Return` or `Error` is delivered to the caller exactly as a kernel
//! reply would be: same sequence number and port, the returned messages, then a
//! synthesized ACK (NLMSG_ERROR 0, header echoed, NLM_F_CAPPED) if NLM_F_ACK was set, or
//! an NLMSG_ERROR with the negative errno and the whole request echoed.

use std::ops::{Deref, DerefMut};
use std::sync::Arc;

use ferroute_codec::nl::{
    AttrIndex, Messages, MsgBuilder, NLMSG_ERROR, NlMsg, NlaWriter, NlmF, NlmFAck, nlmsg_align,
};
use rustix::fs::{Mode, OFlags};
use rustix::io::Errno;

use crate::error::Result;
use crate::socket::{NetlinkSocket, Protocol};
use crate::sockopt;

/// What a send proxy decides for one outgoing message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SendVerdict {
    /// Send the message to the kernel unchanged.
    Forward,
    /// Send these bytes instead (one or more complete messages). The request's seq, port
    /// and NLM_F_REQUEST/ACK/ECHO bits are carried over, so the reply still matches.
    Rewrite(Vec<u8>),
    /// Do not touch the kernel: answer with these messages (zero or more; their seq and
    /// port are set to the request's), followed by an ACK if the request asked for one.
    Return(Vec<u8>),
    /// Do not touch the kernel: answer with NLMSG_ERROR carrying this (positive) errno.
    Error(i32),
}

/// What a recv proxy decides for one incoming message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecvVerdict {
    /// Deliver the message unchanged.
    Forward,
    /// Deliver these bytes (one or more complete messages) instead.
    Rewrite(Vec<u8>),
    /// Replace the message by an NLMSG_ERROR with this (positive) errno, same seq.
    Error(i32),
}

/// A send proxy.
pub type SendProxy = Arc<dyn Fn(&NlMsg<'_>) -> SendVerdict + Send + Sync>;
/// A recv proxy.
pub type RecvProxy = Arc<dyn Fn(&NlMsg<'_>) -> RecvVerdict + Send + Sync>;

/// An NLMSG_ERROR answering `req` (`errno` 0 = ACK, echoing only the header with
/// NLM_F_CAPPED, as the kernel does; otherwise the whole request is echoed).
pub fn synth_error(req: &NlMsg<'_>, errno: i32, port: u32) -> Vec<u8> {
    let mut out = Vec::with_capacity(20 + req.bytes().len());
    let (flags, echo) = if errno == 0 {
        (NlmFAck::CAPPED.bits(), &req.bytes()[..16])
    } else {
        (0, req.bytes())
    };
    // Building into a Vec cannot run out of room.
    if let Ok(mut b) = MsgBuilder::new(&mut out, NLMSG_ERROR, flags, req.nlmsg_seq(), port) {
        let _ = b.append_bytes(&errno.saturating_neg().to_ne_bytes());
        let _ = b.append_bytes(echo);
        let _ = b.finish();
    }
    out
}

fn patch_seq(bytes: &mut [u8], seq: u32, port: u32) {
    patch(bytes, seq, port, 0);
}

/// Sets seq and port of every message in `bytes`, and ORs `flags` into their flags.
fn patch(bytes: &mut [u8], seq: u32, port: u32, flags: u16) {
    let mut pos = 0;
    while let Ok(m) = NlMsg::parse(bytes.get(pos..).unwrap_or(&[])) {
        let len = m.bytes().len();
        let f = m.nlmsg_flags() | flags;
        bytes[pos + 6..pos + 8].copy_from_slice(&f.to_ne_bytes());
        bytes[pos + 8..pos + 12].copy_from_slice(&seq.to_ne_bytes());
        bytes[pos + 12..pos + 16].copy_from_slice(&port.to_ne_bytes());
        pos += nlmsg_align(len);
    }
}

fn push_padded(out: &mut Vec<u8>, bytes: &[u8]) {
    out.extend_from_slice(bytes);
    out.resize(nlmsg_align(out.len()), 0);
}

impl NetlinkSocket {
    /// Installs a send proxy for messages of `msg_type` (replacing any previous one).
    pub fn set_send_proxy(
        &mut self,
        msg_type: u16,
        f: impl Fn(&NlMsg<'_>) -> SendVerdict + Send + Sync + 'static,
    ) {
        self.send_proxies.insert(msg_type, Arc::new(f));
    }
    /// Installs a recv proxy for messages of `msg_type`.
    pub fn set_recv_proxy(
        &mut self,
        msg_type: u16,
        f: impl Fn(&NlMsg<'_>) -> RecvVerdict + Send + Sync + 'static,
    ) {
        self.recv_proxies.insert(msg_type, Arc::new(f));
    }
    /// Removes the send proxy of `msg_type`; `true` if there was one.
    pub fn remove_send_proxy(&mut self, msg_type: u16) -> bool {
        self.send_proxies.remove(&msg_type).is_some()
    }
    /// Removes the recv proxy of `msg_type`; `true` if there was one.
    pub fn remove_recv_proxy(&mut self, msg_type: u16) -> bool {
        self.recv_proxies.remove(&msg_type).is_some()
    }

    /// Sends the prepared request in `tx` through the send proxies.
    pub(crate) fn transmit(&mut self) -> Result<()> {
        if self.send_proxies.is_empty() {
            return self.send_raw(&self.tx);
        }
        let mut out = Vec::new();
        for m in Messages::new(&self.tx) {
            let m = m?;
            let verdict = match self.send_proxies.get(&m.nlmsg_type()) {
                Some(p) => p(&m),
                None => SendVerdict::Forward,
            };
            match verdict {
                SendVerdict::Forward => push_padded(&mut out, m.bytes()),
                SendVerdict::Rewrite(mut b) => {
                    let keep = (NlmF::REQUEST | NlmF::ACK | NlmF::ECHO).bits();
                    patch(&mut b, m.nlmsg_seq(), self.port, m.nlmsg_flags() & keep);
                    push_padded(&mut out, &b)
                }
                SendVerdict::Return(mut b) => {
                    patch_seq(&mut b, m.nlmsg_seq(), self.port);
                    b.resize(nlmsg_align(b.len()), 0);
                    if m.flags().contains(NlmF::ACK) {
                        b.extend_from_slice(&synth_error(&m, 0, self.port));
                    }
                    if !b.is_empty() {
                        self.injected.push_back(b);
                    }
                }
                SendVerdict::Error(e) => self.injected.push_back(synth_error(&m, e, self.port)),
            }
        }
        if !out.is_empty() {
            self.send_raw(&out)?;
        }
        Ok(())
    }

    /// Runs the recv proxies over the datagram in `rx[..rx_len]`.
    pub(crate) fn apply_recv_proxies(&mut self) {
        let rx = &self.rx[..self.rx_len];
        let touched = Messages::new(rx)
            .flatten()
            .any(|m| self.recv_proxies.contains_key(&m.nlmsg_type()));
        if !touched {
            return;
        }
        let mut out = Vec::with_capacity(rx.len());
        for m in Messages::new(rx).flatten() {
            let v = match self.recv_proxies.get(&m.nlmsg_type()) {
                Some(p) => p(&m),
                None => RecvVerdict::Forward,
            };
            match v {
                RecvVerdict::Forward => push_padded(&mut out, m.bytes()),
                RecvVerdict::Rewrite(b) => push_padded(&mut out, &b),
                RecvVerdict::Error(e) => out.extend_from_slice(&synth_error(&m, e, m.nlmsg_pid())),
            }
        }
        if out.len() > self.rx.len() {
            self.rx.resize(out.len(), 0);
        }
        self.rx[..out.len()].copy_from_slice(&out);
        self.rx_len = out.len();
    }
}

// ---- tuntap ----

use ferroute_codec::rtnl::consts::RTM_NEWLINK;
use ferroute_codec::rtnl::link::IFLA_IFNAME;
use ferroute_codec::rtnl::link::info::{IFLA_INFO_DATA, IFLA_INFO_KIND};
use ferroute_codec::rtnl::link::{IFLA_LINKINFO, IfInfoMsg};
/// IFTUN_MODE (pyroute2's tuntap data set): "tun" or "tap".
pub const IFTUN_MODE: u16 = 1;
/// IFTUN_UID: owner uid (u32).
pub const IFTUN_UID: u16 = 2;
/// IFTUN_GID: group gid (u32).
pub const IFTUN_GID: u16 = 3;
/// IFTUN_IFR: the flags; pyroute2 sends a 7-byte struct of u8 in this order, a nested
/// set of IFTUN_IFR_* flag/u8 attributes is accepted too.
pub const IFTUN_IFR: u16 = 4;
/// IFTUN_IFR_NO_PI: no packet information header.
pub const IFTUN_IFR_NO_PI: u16 = 1;
/// IFTUN_IFR_ONE_QUEUE: legacy single queue.
pub const IFTUN_IFR_ONE_QUEUE: u16 = 2;
/// IFTUN_IFR_VNET_HDR: virtio net header.
pub const IFTUN_IFR_VNET_HDR: u16 = 3;
/// IFTUN_IFR_TUN_EXCL: fail if the device exists.
pub const IFTUN_IFR_TUN_EXCL: u16 = 4;
/// IFTUN_IFR_MULTI_QUEUE: multiple queues.
pub const IFTUN_IFR_MULTI_QUEUE: u16 = 5;
/// IFTUN_IFR_PERSIST: keep the device (always done by the proxy).
pub const IFTUN_IFR_PERSIST: u16 = 6;
/// IFTUN_IFR_NOFILTER: read-only in the kernel; accepted and ignored.
pub const IFTUN_IFR_NOFILTER: u16 = 7;

/// IFF_TUN.
pub const IFF_TUN: i16 = 0x0001;
/// IFF_TAP.
pub const IFF_TAP: i16 = 0x0002;
/// IFF_MULTI_QUEUE.
pub const IFF_MULTI_QUEUE: i16 = 0x0100;
/// IFF_NO_PI.
pub const IFF_NO_PI: i16 = 0x1000;
/// IFF_ONE_QUEUE.
pub const IFF_ONE_QUEUE: i16 = 0x2000;
/// IFF_VNET_HDR.
pub const IFF_VNET_HDR: i16 = 0x4000;
/// IFF_TUN_EXCL.
pub const IFF_TUN_EXCL: i16 = -0x8000; // 0x8000 as i16

/// The ifinfomsg size.
const IFINFOMSG_LEN: usize = IfInfoMsg::SIZE;

/// The built-in tuntap send proxy for RTM_NEWLINK: kind "tuntap" is created with
/// `/dev/net/tun` ioctls (TUNSETIFF, TUNSETOWNER, TUNSETGROUP, TUNSETPERSIST) and
/// answered with an ACK (or the errno); any other message is forwarded.
///
/// The device is created in the network namespace of the calling thread.
pub fn tuntap_proxy(m: &NlMsg<'_>) -> SendVerdict {
    match tuntap_parse(m) {
        None => SendVerdict::Forward,
        Some(Err(e)) => SendVerdict::Error(e.raw_os_error()),
        Some(Ok(req)) => match tuntap_create(&req) {
            Ok(()) => SendVerdict::Return(Vec::new()),
            Err(e) => SendVerdict::Error(e.raw_os_error()),
        },
    }
}

struct TunReq {
    name: [u8; 16],
    flags: i16,
    uid: Option<u32>,
    gid: Option<u32>,
}

fn tuntap_parse(m: &NlMsg<'_>) -> Option<std::result::Result<TunReq, Errno>> {
    if m.nlmsg_type() != RTM_NEWLINK {
        return None;
    }
    let idx = AttrIndex::<64>::new(m.attrs_after(IFINFOMSG_LEN)).ok()?;
    let li = AttrIndex::<8>::new(idx.get(IFLA_LINKINFO)?.nested()).ok()?;
    if li.get(IFLA_INFO_KIND)?.as_cstr().ok()? != "tuntap" {
        return None;
    }
    Some(tuntap_fields(&idx, &li))
}

fn tuntap_fields(
    idx: &AttrIndex<'_, 64>,
    li: &AttrIndex<'_, 8>,
) -> std::result::Result<TunReq, Errno> {
    let mut name = [0u8; 16];
    if let Some(a) = idx.get(IFLA_IFNAME) {
        let s = a.as_cstr().map_err(|_| Errno::INVAL)?;
        if s.len() >= 16 {
            return Err(Errno::INVAL);
        }
        name[..s.len()].copy_from_slice(s.as_bytes());
    }
    let data = match li.get(IFLA_INFO_DATA) {
        Some(d) => AttrIndex::<8>::new(d.nested()).map_err(|_| Errno::INVAL)?,
        None => return Err(Errno::INVAL),
    };
    let mut flags = match data.get(IFTUN_MODE).map(|a| a.as_cstr()) {
        Some(Ok("tun")) => IFF_TUN,
        Some(Ok("tap")) => IFF_TAP,
        _ => return Err(Errno::INVAL),
    };
    let mut bits = [false; 8];
    if let Some(ifr) = data.get(IFTUN_IFR) {
        let nested = ifr.nested();
        if ifr.is_nested() && nested.validate().is_ok() {
            for a in nested.flatten() {
                let on = a.payload().is_empty() || a.payload().iter().any(|&b| b != 0);
                if let Some(slot) = bits.get_mut(a.kind() as usize) {
                    *slot = on;
                }
            }
        } else {
            for (i, &b) in ifr.payload().iter().take(7).enumerate() {
                bits[i + 1] = b != 0;
            }
        }
    }
    for (ty, f) in [
        (IFTUN_IFR_NO_PI, IFF_NO_PI),
        (IFTUN_IFR_ONE_QUEUE, IFF_ONE_QUEUE),
        (IFTUN_IFR_VNET_HDR, IFF_VNET_HDR),
        (IFTUN_IFR_TUN_EXCL, IFF_TUN_EXCL),
        (IFTUN_IFR_MULTI_QUEUE, IFF_MULTI_QUEUE),
    ] {
        if bits[ty as usize] {
            flags |= f;
        }
    }
    let u32_of = |ty| -> std::result::Result<Option<u32>, Errno> {
        data.get(ty)
            .map(|a| a.as_u32().map_err(|_| Errno::INVAL))
            .transpose()
    };
    Ok(TunReq {
        name,
        flags,
        uid: u32_of(IFTUN_UID)?,
        gid: u32_of(IFTUN_GID)?,
    })
}

fn tuntap_create(r: &TunReq) -> std::result::Result<(), Errno> {
    let fd = rustix::fs::open(
        "/dev/net/tun",
        OFlags::RDWR | OFlags::CLOEXEC,
        Mode::empty(),
    )?;
    let mut ifr = sockopt::TunIfReq {
        name: r.name,
        flags: r.flags,
        pad: [0; 22],
    };
    sockopt::tun_set_iff(&fd, &mut ifr)?;
    if let Some(uid) = r.uid {
        sockopt::tun_set_owner(&fd, uid)?;
    }
    if let Some(gid) = r.gid {
        sockopt::tun_set_group(&fd, gid)?;
    }
    sockopt::tun_set_persist(&fd, true)?;
    Ok(())
}

/// An rtnetlink socket with the proxies IPRoute uses (the tuntap proxy), extended acks
/// on. [`RtnlSocket::raw`] is the same without proxies (RawIPRoute). Derefs to
/// [`NetlinkSocket`].
///
/// ```no_run
/// use ferroute::RtnlSocket;
/// use ferroute::codec::nl::{MsgBuilder, NlaWriter};
/// let mut sock = RtnlSocket::new()?;
/// let mut b = MsgBuilder::new(Vec::new(), 16, 0x600, 0, 0)?; // RTM_NEWLINK CREATE|EXCL
/// b.append_bytes(&[0u8; 16])?;
/// b.put_str(3, "tap0")?; // IFLA_IFNAME
/// let li = b.nest_start(18)?; // IFLA_LINKINFO
/// b.put_str(1, "tuntap")?; // IFLA_INFO_KIND
/// let data = b.nest_start(2)?; // IFLA_INFO_DATA
/// b.put_str(1, "tap")?; // IFTUN_MODE
/// b.nest_end(data)?;
/// b.nest_end(li)?;
/// sock.request(&b.finish()?)?; // ACK synthesized by the tuntap proxy
/// # Ok::<(), ferroute::Error>(())
/// ```
#[derive(Debug)]
pub struct RtnlSocket(NetlinkSocket);

impl RtnlSocket {
    /// A NETLINK_ROUTE socket with the tuntap proxy installed and NETLINK_EXT_ACK on.
    pub fn new() -> Result<Self> {
        let mut s = Self::raw()?;
        s.0.set_send_proxy(RTM_NEWLINK, tuntap_proxy);
        Ok(s)
    }
    /// A NETLINK_ROUTE socket without proxies (RawIPRoute), NETLINK_EXT_ACK on.
    pub fn raw() -> Result<Self> {
        let mut s = NetlinkSocket::open(Protocol::ROUTE)?;
        s.set_ext_ack(true)?;
        Ok(RtnlSocket(s))
    }
    /// The socket inside.
    pub fn into_inner(self) -> NetlinkSocket {
        self.0
    }
}

impl Deref for RtnlSocket {
    type Target = NetlinkSocket;
    fn deref(&self) -> &NetlinkSocket {
        &self.0
    }
}

impl DerefMut for RtnlSocket {
    fn deref_mut(&mut self) -> &mut NetlinkSocket {
        &mut self.0
    }
}
