//! [`NetlinkSocket`]: a netlink socket over rustix. Open any protocol, bind with an
//! automatic or explicit port id, join groups (above 31 too), set buffer sizes and the
//! SOL_NETLINK options, send, and receive whole datagrams (never truncated).
//!
//! The request engine ([`crate::request`]), the cache thread ([`crate::cache`]) and the
//! proxies ([`crate::proxy`]) are methods of the same type, in their own modules.
//!
//! # Receiving whole datagrams
//!
//! Every receive first asks the size of the next datagram with
//! `recv(MSG_PEEK|MSG_TRUNC)` on an empty buffer (no copy), grows the reusable buffer if
//! needed, then reads it: nothing is ever truncated. What was found on this kernel
//! (6.18): dump datagrams are sized by the kernel from the largest `recvmsg` length the
//! socket used, capped at 32 KiB minus skb overhead (the largest route-dump datagram
//! seen with a 1 MiB buffer was 32,448 bytes); only a single message larger than that (a
//! link with many VFs: `min_dump_alloc`) or a unicast from another socket makes a
//! larger one. The tests send a 100,000-byte datagram from one socket to another (with
//! [`NetlinkSocket::set_accept_foreign`]) and receive it whole through a 256-byte
//! initial buffer, and dump 3,000 routes through a 64-byte initial buffer.

use std::collections::{HashMap, VecDeque};
use std::os::fd::{AsFd, AsRawFd, BorrowedFd, OwnedFd, RawFd};
use std::time::Duration;

use ferroute_codec::nl::{Messages, NlMsg};
use rustix::io::Errno;
use rustix::net::netlink::SocketAddrNetlink;
use rustix::net::{AddressFamily, RecvFlags, SendFlags, SocketFlags, SocketType};

use crate::cache::Cache;
use crate::error::{Error, Overrun, Result};
use crate::proxy::{RecvProxy, SendProxy};
use crate::request::{Callback, CallbackError, DecodeFn, IntrPolicy};
use crate::sockopt::{self, *};

/// A netlink protocol number (the third argument of `socket(AF_NETLINK, ...)`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Protocol(pub u32);

impl Protocol {
    /// NETLINK_ROUTE: rtnetlink (links, addresses, routes, neighbours, rules, tc).
    pub const ROUTE: Protocol = Protocol(0);
    /// NETLINK_USERSOCK: reserved for user-mode socket protocols.
    pub const USERSOCK: Protocol = Protocol(2);
    /// NETLINK_FIREWALL: unused (formerly ip_queue).
    pub const FIREWALL: Protocol = Protocol(3);
    /// NETLINK_SOCK_DIAG: socket monitoring (INET_DIAG is the same number).
    pub const SOCK_DIAG: Protocol = Protocol(4);
    /// NETLINK_NFLOG: netfilter/iptables ULOG.
    pub const NFLOG: Protocol = Protocol(5);
    /// NETLINK_XFRM: IPsec.
    pub const XFRM: Protocol = Protocol(6);
    /// NETLINK_SELINUX: SELinux event notifications.
    pub const SELINUX: Protocol = Protocol(7);
    /// NETLINK_ISCSI: Open-iSCSI.
    pub const ISCSI: Protocol = Protocol(8);
    /// NETLINK_AUDIT: auditing.
    pub const AUDIT: Protocol = Protocol(9);
    /// NETLINK_FIB_LOOKUP: FIB lookups.
    pub const FIB_LOOKUP: Protocol = Protocol(10);
    /// NETLINK_CONNECTOR: the kernel connector.
    pub const CONNECTOR: Protocol = Protocol(11);
    /// NETLINK_NETFILTER: nfnetlink (ipset, conntrack, nftables ...).
    pub const NETFILTER: Protocol = Protocol(12);
    /// NETLINK_IP6_FW: IPv6 firewall (legacy).
    pub const IP6_FW: Protocol = Protocol(13);
    /// NETLINK_DNRTMSG: DECnet routing messages.
    pub const DNRTMSG: Protocol = Protocol(14);
    /// NETLINK_KOBJECT_UEVENT: kernel messages to userspace (uevents).
    pub const KOBJECT_UEVENT: Protocol = Protocol(15);
    /// NETLINK_GENERIC: generic netlink.
    pub const GENERIC: Protocol = Protocol(16);
    /// NETLINK_SCSITRANSPORT: SCSI transports.
    pub const SCSITRANSPORT: Protocol = Protocol(18);
    /// NETLINK_ECRYPTFS: eCryptfs.
    pub const ECRYPTFS: Protocol = Protocol(19);
    /// NETLINK_RDMA: RDMA.
    pub const RDMA: Protocol = Protocol(20);
    /// NETLINK_CRYPTO: crypto layer.
    pub const CRYPTO: Protocol = Protocol(21);
    /// NETLINK_SMC: SMC monitoring.
    pub const SMC: Protocol = Protocol(22);

    fn raw(self) -> Option<rustix::net::Protocol> {
        std::num::NonZeroU32::new(self.0).map(rustix::net::Protocol::from_raw)
    }
}

/// The options a socket was given, re-applied by [`NetlinkSocket::try_clone`].
#[derive(Debug, Clone, Default)]
pub(crate) struct Options {
    pub(crate) nl_opts: Vec<(i32, u32)>,
    pub(crate) rcvbuf: Option<(usize, bool)>,
    pub(crate) sndbuf: Option<(usize, bool)>,
    pub(crate) nonblocking: bool,
    pub(crate) legacy_groups: u32,
    pub(crate) groups: Vec<u32>,
}

/// A netlink socket.
///
/// Opened and bound in one step ([`open`](Self::open) binds with a kernel-chosen port
/// id). It is `Send` and used by one thread at a time (`&mut self`); see the crate docs
/// for the thread model.
///
/// ```no_run
/// use ferroute::{NetlinkSocket, Protocol};
/// let mut sock = NetlinkSocket::open(Protocol::ROUTE)?;
/// sock.add_membership(1)?; // RTNLGRP_LINK
/// let datagram = sock.recv()?; // blocks until a link event
/// for msg in ferroute::codec::nl::Messages::new(datagram) {
///     println!("type {}", msg?.nlmsg_type());
/// }
/// # Ok::<(), ferroute::Error>(())
/// ```
pub struct NetlinkSocket {
    pub(crate) fd: OwnedFd,
    pub(crate) protocol: Protocol,
    pub(crate) port: u32,
    pub(crate) opts: Options,
    pub(crate) accept_foreign: bool,
    /// The reusable receive buffer; `rx[..rx_len]` is the current datagram.
    pub(crate) rx: Vec<u8>,
    pub(crate) rx_len: usize,
    /// The reusable send buffer (requests are copied here to set seq and flags).
    pub(crate) tx: Vec<u8>,
    pub(crate) seq: u32,
    pub(crate) timeout: Option<Duration>,
    /// Messages that arrived for no pending request (seq 0, late replies), kept for
    /// [`recv`](Self::recv).
    pub(crate) backlog: VecDeque<Vec<u8>>,
    /// Replies synthesized by send proxies, read before the socket.
    pub(crate) injected: VecDeque<Vec<u8>>,
    /// The datagram handed out by `recv` from the backlog.
    pub(crate) held: Vec<u8>,
    pub(crate) callbacks: Vec<(u64, Callback)>,
    pub(crate) next_cb: u64,
    pub(crate) callback_errors: Vec<CallbackError>,
    pub(crate) policies: HashMap<u16, DecodeFn>,
    pub(crate) send_proxies: HashMap<u16, SendProxy>,
    pub(crate) recv_proxies: HashMap<u16, RecvProxy>,
    pub(crate) cache: Option<Cache>,
    pub(crate) intr_policy: IntrPolicy,
    pub(crate) ebusy_retries: u32,
}

impl std::fmt::Debug for NetlinkSocket {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NetlinkSocket")
            .field("fd", &self.fd.as_raw_fd())
            .field("protocol", &self.protocol)
            .field("port", &self.port)
            .field("cache", &self.cache.is_some())
            .finish_non_exhaustive()
    }
}

/// Default size of the receive buffer: 32 KiB, the kernel's cap on dump datagrams. The
/// kernel sizes them from the largest `recvmsg` length the socket used, capped at 32 KiB
/// minus skb overhead, so a larger buffer would not get larger datagrams, only more
/// memory (the buffer is zero-filled, so all of it is resident). It grows when a larger
/// datagram arrives.
pub const DEFAULT_RECV_BUFFER: usize = 32 * 1024;

fn initial_seq() -> u32 {
    // Start somewhere different per socket so a fresh socket reusing a port id cannot
    // take a late reply meant for its predecessor for its own.
    let t = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos() ^ (d.as_secs() as u32).rotate_left(16))
        .unwrap_or(1);
    (t & 0x7fff_ffff) | 1
}

impl NetlinkSocket {
    /// Opens a socket of `protocol` and binds it with a kernel-chosen port id.
    pub fn open(protocol: Protocol) -> Result<Self> {
        Self::open_bound(protocol, 0, 0)
    }

    /// Opens a socket and binds it to `port` (0 = kernel-chosen) and the legacy group
    /// bitmask `groups` (groups 1..=32; use [`add_membership`](Self::add_membership)
    /// for any group).
    pub fn open_bound(protocol: Protocol, port: u32, groups: u32) -> Result<Self> {
        let fd = rustix::net::socket_with(
            AddressFamily::NETLINK,
            SocketType::RAW,
            SocketFlags::CLOEXEC,
            protocol.raw(),
        )?;
        rustix::net::bind(&fd, &SocketAddrNetlink::new(port, groups))?;
        let addr = rustix::net::getsockname(&fd)?;
        let port = SocketAddrNetlink::try_from(addr)
            .map_err(|_| Error::Io(Errno::AFNOSUPPORT))?
            .pid();
        Ok(NetlinkSocket {
            fd,
            protocol,
            port,
            opts: Options {
                legacy_groups: groups,
                ..Options::default()
            },
            accept_foreign: false,
            rx: vec![0; DEFAULT_RECV_BUFFER],
            rx_len: 0,
            tx: Vec::with_capacity(4096),
            seq: initial_seq(),
            timeout: None,
            backlog: VecDeque::new(),
            injected: VecDeque::new(),
            held: Vec::new(),
            callbacks: Vec::new(),
            next_cb: 1,
            callback_errors: Vec::new(),
            policies: HashMap::new(),
            send_proxies: HashMap::new(),
            recv_proxies: HashMap::new(),
            cache: None,
            intr_policy: IntrPolicy::Fail,
            ebusy_retries: 5,
        })
    }

    /// A new socket (new fd, new port id) with the same protocol, options, groups,
    /// proxies, callbacks and policies. The cache thread is not cloned.
    pub fn try_clone(&self) -> Result<Self> {
        let mut s = Self::open_bound(self.protocol, 0, self.opts.legacy_groups)?;
        for &(opt, v) in &self.opts.nl_opts {
            s.set_opt(opt, v)?;
        }
        if let Some((n, force)) = self.opts.rcvbuf {
            s.set_recv_buffer_size(n, force)?;
        }
        if let Some((n, force)) = self.opts.sndbuf {
            s.set_send_buffer_size(n, force)?;
        }
        for &g in &self.opts.groups {
            s.add_membership(g)?;
        }
        s.set_nonblocking(self.opts.nonblocking)?;
        s.accept_foreign = self.accept_foreign;
        s.rx = vec![0; self.rx.len()];
        s.timeout = self.timeout;
        s.callbacks = self.callbacks.clone();
        s.next_cb = self.next_cb;
        s.policies = self.policies.clone();
        s.send_proxies = self.send_proxies.clone();
        s.recv_proxies = self.recv_proxies.clone();
        s.intr_policy = self.intr_policy;
        s.ebusy_retries = self.ebusy_retries;
        Ok(s)
    }

    /// The protocol.
    pub fn protocol(&self) -> Protocol {
        self.protocol
    }
    /// The port id (`nl_pid`) the socket is bound to.
    pub fn port(&self) -> u32 {
        self.port
    }

    // ---- groups ----

    /// Joins multicast group `group` (NETLINK_ADD_MEMBERSHIP; any number, above 31 too).
    pub fn add_membership(&mut self, group: u32) -> Result<()> {
        self.set_raw_opt(NETLINK_ADD_MEMBERSHIP, group)?;
        if !self.opts.groups.contains(&group) {
            self.opts.groups.push(group);
        }
        Ok(())
    }
    /// Leaves multicast group `group`.
    pub fn drop_membership(&mut self, group: u32) -> Result<()> {
        self.set_raw_opt(NETLINK_DROP_MEMBERSHIP, group)?;
        self.opts.groups.retain(|&g| g != group);
        Ok(())
    }
    /// The groups the socket has joined, as the kernel reports them.
    pub fn memberships(&self) -> Result<Vec<u32>> {
        Ok(sockopt::list_memberships(self.fd.as_fd())?)
    }

    // ---- options ----

    fn set_raw_opt(&self, opt: i32, v: u32) -> Result<()> {
        Ok(sockopt::set_netlink_opt(self.fd.as_fd(), opt, v)?)
    }
    /// Sets a `u32` SOL_NETLINK option and remembers it for [`try_clone`](Self::try_clone).
    pub fn set_opt(&mut self, opt: i32, value: u32) -> Result<()> {
        self.set_raw_opt(opt, value)?;
        self.opts.nl_opts.retain(|&(o, _)| o != opt);
        self.opts.nl_opts.push((opt, value));
        Ok(())
    }
    /// Reads a `u32` SOL_NETLINK option.
    pub fn opt(&self, opt: i32) -> Result<u32> {
        Ok(sockopt::get_netlink_opt(self.fd.as_fd(), opt)?)
    }
    /// NETLINK_EXT_ACK: ask for extended acks (error text and offset).
    pub fn set_ext_ack(&mut self, on: bool) -> Result<()> {
        self.set_opt(NETLINK_EXT_ACK, on as u32)
    }
    /// NETLINK_GET_STRICT_CHK: strict checking of dump requests (filters honoured).
    pub fn set_strict_check(&mut self, on: bool) -> Result<()> {
        self.set_opt(NETLINK_GET_STRICT_CHK, on as u32)
    }
    /// NETLINK_CAP_ACK: errors do not echo the request payload.
    pub fn set_cap_ack(&mut self, on: bool) -> Result<()> {
        self.set_opt(NETLINK_CAP_ACK, on as u32)
    }
    /// NETLINK_LISTEN_ALL_NSID: receive notifications from every peer namespace.
    pub fn set_listen_all_nsid(&mut self, on: bool) -> Result<()> {
        self.set_opt(NETLINK_LISTEN_ALL_NSID, on as u32)
    }
    /// NETLINK_NO_ENOBUFS: do not report ENOBUFS when the receive buffer overflows.
    pub fn set_no_enobufs(&mut self, on: bool) -> Result<()> {
        self.set_opt(NETLINK_NO_ENOBUFS, on as u32)
    }
    /// SO_RCVBUF, or SO_RCVBUFFORCE when `force` (needs CAP_NET_ADMIN; if refused with
    /// EPERM, falls back to SO_RCVBUF).
    pub fn set_recv_buffer_size(&mut self, bytes: usize, force: bool) -> Result<()> {
        let r = if force {
            rustix::net::sockopt::set_socket_recv_buffer_size_force(&self.fd, bytes)
        } else {
            Err(Errno::PERM)
        };
        match r {
            Ok(()) => {}
            Err(Errno::PERM) => rustix::net::sockopt::set_socket_recv_buffer_size(&self.fd, bytes)?,
            Err(e) => return Err(e.into()),
        }
        self.opts.rcvbuf = Some((bytes, force));
        Ok(())
    }
    /// SO_SNDBUF, or SO_SNDBUFFORCE when `force` (falls back like the receive side).
    pub fn set_send_buffer_size(&mut self, bytes: usize, force: bool) -> Result<()> {
        let r = if force {
            rustix::net::sockopt::set_socket_send_buffer_size_force(&self.fd, bytes)
        } else {
            Err(Errno::PERM)
        };
        match r {
            Ok(()) => {}
            Err(Errno::PERM) => rustix::net::sockopt::set_socket_send_buffer_size(&self.fd, bytes)?,
            Err(e) => return Err(e.into()),
        }
        self.opts.sndbuf = Some((bytes, force));
        Ok(())
    }
    /// The kernel's receive buffer size (SO_RCVBUF as read back: twice what was asked).
    pub fn recv_buffer_size(&self) -> Result<usize> {
        Ok(rustix::net::sockopt::socket_recv_buffer_size(&self.fd)?)
    }
    /// The kernel's send buffer size.
    pub fn send_buffer_size(&self) -> Result<usize> {
        Ok(rustix::net::sockopt::socket_send_buffer_size(&self.fd)?)
    }
    /// Non-blocking mode: receives return [`Error::Io`]`(EAGAIN)` when nothing is
    /// queued (see [`Error::is_would_block`]).
    pub fn set_nonblocking(&mut self, on: bool) -> Result<()> {
        rustix::io::ioctl_fionbio(&self.fd, on)?;
        self.opts.nonblocking = on;
        Ok(())
    }
    /// Accept messages whose sender is not the kernel (`nl_pid != 0`). Off by default:
    /// such datagrams are dropped.
    pub fn set_accept_foreign(&mut self, on: bool) {
        self.accept_foreign = on;
    }
    /// A timeout for every receive (requests, dumps, `recv`); `None` waits forever.
    pub fn set_timeout(&mut self, timeout: Option<Duration>) {
        self.timeout = timeout;
    }
    /// The initial size of the receive buffer (it still grows for larger datagrams).
    pub fn set_recv_buffer_len(&mut self, len: usize) {
        self.rx.resize(len.max(16), 0);
        self.rx.shrink_to_fit();
    }
    /// The current size of the receive buffer.
    pub fn recv_buffer_len(&self) -> usize {
        self.rx.len()
    }

    // ---- send ----

    /// Sends raw bytes (one or more complete messages) to the kernel, as they are: no
    /// sequence number, no proxies. See [`request`](Self::request) for the engine.
    pub fn send_raw(&self, bytes: &[u8]) -> Result<()> {
        self.send_to(bytes, 0)
    }
    /// Sends raw bytes to port `port` (0 = the kernel, otherwise another socket).
    pub fn send_to(&self, bytes: &[u8], port: u32) -> Result<()> {
        rustix::net::sendto(
            &self.fd,
            bytes,
            SendFlags::empty(),
            &SocketAddrNetlink::new(port, 0),
        )?;
        Ok(())
    }

    // ---- receive ----

    /// Receives the next datagram for the caller: first messages the request engine kept
    /// aside (multicast, late replies), then the socket (or the cache ring). Returns the
    /// datagram's bytes; walk them with [`Messages`].
    ///
    /// An [`Error::Overrun`] reports lost data at the point of loss; the next call goes on.
    pub fn recv(&mut self) -> Result<&[u8]> {
        if let Some(b) = self.backlog.pop_front() {
            self.held = b;
            return Ok(&self.held);
        }
        let n = self.fill()?;
        Ok(&self.rx[..n])
    }

    /// Like [`recv`](Self::recv), calling `f` with every message of the datagram.
    pub fn recv_each(&mut self, mut f: impl FnMut(NlMsg<'_>)) -> Result<usize> {
        let d = self.recv()?;
        let mut n = 0;
        for m in Messages::new(d) {
            f(m?);
            n += 1;
        }
        Ok(n)
    }

    /// Number of datagrams kept aside for [`recv`](Self::recv).
    pub fn backlog_len(&self) -> usize {
        self.backlog.len()
    }

    /// Reads the next datagram into `rx[..n]`: injected replies, then the cache ring or
    /// the socket; applies recv proxies and callbacks.
    pub(crate) fn fill(&mut self) -> Result<usize> {
        let n = if let Some(d) = self.injected.pop_front() {
            if d.len() > self.rx.len() {
                self.rx.resize(d.len(), 0);
            }
            self.rx[..d.len()].copy_from_slice(&d);
            d.len()
        } else if let Some(c) = &self.cache {
            c.recv_into(&mut self.rx, self.timeout)?
        } else {
            loop {
                if let Some(n) = self.recv_fd()? {
                    break n;
                }
            }
        };
        self.rx_len = n;
        if !self.recv_proxies.is_empty() {
            self.apply_recv_proxies();
        }
        if !self.callbacks.is_empty() {
            self.run_callbacks();
        }
        Ok(self.rx_len)
    }

    /// One datagram from the fd into `rx`, grown to fit; `None` if it was dropped
    /// (foreign sender).
    fn recv_fd(&mut self) -> Result<Option<usize>> {
        if let Some(t) = self.timeout {
            wait_readable(self.fd.as_fd(), t)?;
        }
        let (n, addr) = recv_whole(self.fd.as_fd(), &mut self.rx, RecvFlags::empty())?;
        if !self.accept_foreign && sender_port(addr) != 0 {
            return Ok(None);
        }
        Ok(Some(n))
    }
}

/// Waits until `fd` is readable or `t` passes.
pub(crate) fn wait_readable(fd: BorrowedFd<'_>, t: Duration) -> Result<()> {
    let ts = rustix::time::Timespec {
        tv_sec: t.as_secs() as i64,
        tv_nsec: t.subsec_nanos() as _,
    };
    let mut pfd = [rustix::event::PollFd::new(
        &fd,
        rustix::event::PollFlags::IN,
    )];
    loop {
        match rustix::event::poll(&mut pfd, Some(&ts)) {
            Ok(0) => return Err(Error::Timeout),
            Ok(_) => return Ok(()),
            Err(Errno::INTR) => continue,
            Err(e) => return Err(e.into()),
        }
    }
}

/// The sender's port of a received datagram (0 = kernel).
pub(crate) fn sender_port(addr: Option<rustix::net::SocketAddrAny>) -> u32 {
    addr.and_then(|a| SocketAddrNetlink::try_from(a).ok())
        .map(|a| a.pid())
        .unwrap_or(0)
}

/// Receives one whole datagram into `buf`, growing it when the datagram is larger:
/// `MSG_PEEK|MSG_TRUNC` on an empty buffer gives the size without consuming, then the
/// datagram is read. A kernel ENOBUFS becomes [`Error::Overrun`].
pub(crate) fn recv_whole(
    fd: BorrowedFd<'_>,
    buf: &mut Vec<u8>,
    flags: RecvFlags,
) -> Result<(usize, Option<rustix::net::SocketAddrAny>)> {
    let map = |e: Errno| {
        if e == Errno::NOBUFS {
            Error::Overrun(Overrun {
                enobufs: 1,
                ..Overrun::default()
            })
        } else {
            Error::Io(e)
        }
    };
    let size = loop {
        let mut empty: [u8; 0] = [];
        match rustix::net::recv(
            fd,
            &mut empty[..],
            flags | RecvFlags::PEEK | RecvFlags::TRUNC,
        ) {
            Ok((_, full)) => break full,
            Err(Errno::INTR) => continue,
            Err(e) => return Err(map(e)),
        }
    };
    if size > buf.len() {
        buf.resize(size, 0);
    }
    loop {
        match rustix::net::recvfrom(fd, &mut buf[..], flags) {
            Ok((n, _, addr)) => return Ok((n, addr)),
            Err(Errno::INTR) => continue,
            Err(e) => return Err(map(e)),
        }
    }
}

impl AsFd for NetlinkSocket {
    fn as_fd(&self) -> BorrowedFd<'_> {
        self.fd.as_fd()
    }
}

impl AsRawFd for NetlinkSocket {
    fn as_raw_fd(&self) -> RawFd {
        self.fd.as_raw_fd()
    }
}

// Callbacks, proxies and policies are `Send + Sync`; the cache handle is `Send`.
const _: fn() = || {
    fn assert_send<T: Send>() {}
    assert_send::<NetlinkSocket>();
};
