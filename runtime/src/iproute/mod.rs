//! IPRoute, RawIPRoute and IPBatch: pyroute2's RTNL API in typed Rust.
//!
//! - [`IPRoute`]: an RTNL socket with the proxies installed (tun/tap creation goes through
//!   /dev/net/tun), extended acks and strict checking on.
//! - [`RawIPRoute`]: the same calls without proxies.
//! - [`IPBatch`]: the same calls compiled into one buffer; nothing is sent until
//!   [`IPBatch::send`], which sends it with one `sendmsg` per socket-buffer-sized chunk and
//!   collects the acknowledgement of every message.
//!
//! All three build requests through one layer ([`req`]), from the typed specs of [`spec`];
//! the write calls (add/set/del ...) are written once, in the [`RtnlRequests`] trait.
//! Dumps stream typed zero-copy views to a closure; collecting is the caller's choice.
//!
//! ```no_run
//! use ferroute::iproute::{IPRoute, RtnlRequests, spec::{AddrSpec, LinkKind, LinkSpec, RouteSpec}};
//! let mut ipr = IPRoute::new()?;
//! ipr.link_add(&LinkSpec::new("v0", LinkKind::Veth { peer: "v1".into(), peer_netns: None }))?;
//! let idx = ipr.link_lookup("v0")?.expect("just created");
//! ipr.link_set(&LinkSpec { up: Some(true), ..LinkSpec::index(idx) })?;
//! ipr.addr_add(&AddrSpec::new(idx, "10.0.0.1".parse()?, 24))?;
//! let mut r = RouteSpec::to(Some(("10.1.0.0".parse()?, 16)));
//! r.gateway = Some("10.0.0.2".parse()?);
//! ipr.route_add(&r)?;
//! ipr.route_dump(&Default::default(), |route| println!("{:?}", route.header()))?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub mod events;
pub mod link;
pub mod req;
pub mod spec;
pub mod tc;

use std::ops::{Deref, DerefMut};

use ferroute_codec::nl::{Messages, NLMSG_DONE, NLMSG_ERROR, NlMsg};
use ferroute_codec::rtnl::addr::AddrMsg;
use ferroute_codec::rtnl::consts::*;
use ferroute_codec::rtnl::neigh::NeighMsg;
use ferroute_codec::rtnl::route::RouteMsg;
use ferroute_codec::rtnl::rule::RuleMsg;

pub use events::{Event, Events};
pub use req::{Mode, RouteFilter};

use crate::error::{Error, KernelError, Result};
use crate::proxy::RtnlSocket;
use crate::request::DumpSummary;
use crate::socket::NetlinkSocket;
use spec::*;

/// Where the write calls go: sent and acknowledged at once ([`IPRoute`]) or appended to a
/// batch ([`IPBatch`]). Implementors supply `submit`; every call of [`RtnlRequests`] is
/// written once on top of it.
pub trait Submit {
    /// Builds one request with `build(buffer, seq)` and sends it (waiting for the ACK) or
    /// appends it.
    fn submit(&mut self, build: &mut dyn FnMut(&mut Vec<u8>, u32) -> Result<()>) -> Result<()>;
}

/// The write calls of the RTNL API, shared by IPRoute, RawIPRoute and IPBatch.
pub trait RtnlRequests: Submit {
    /// Creates a link (`ip link add`).
    fn link_add(&mut self, s: &LinkSpec) -> Result<()> {
        self.submit(&mut |b, seq| link::new_link(b, seq, Some(Mode::Add), s))
    }
    /// Changes a link (`ip link set`): by index, or by name when the index is 0.
    fn link_set(&mut self, s: &LinkSpec) -> Result<()> {
        self.submit(&mut |b, seq| link::new_link(b, seq, None, s))
    }
    /// Deletes a link (by index, or by name when the index is 0).
    fn link_del(&mut self, s: &LinkSpec) -> Result<()> {
        self.submit(&mut |b, seq| link::del_link(b, seq, s))
    }
    /// Adds an address (fails if it exists).
    fn addr_add(&mut self, s: &AddrSpec) -> Result<()> {
        self.addr_new(Mode::Add, s)
    }
    /// An address NEW request with the given create/replace semantics.
    fn addr_new(&mut self, mode: Mode, s: &AddrSpec) -> Result<()> {
        self.submit(&mut |b, seq| req::addr(b, seq, Some(mode), s))
    }
    /// Adds or replaces an address.
    fn addr_replace(&mut self, s: &AddrSpec) -> Result<()> {
        self.addr_new(Mode::Replace, s)
    }
    /// Deletes an address.
    fn addr_del(&mut self, s: &AddrSpec) -> Result<()> {
        self.submit(&mut |b, seq| req::addr(b, seq, None, s))
    }
    /// Adds a route (`ip route add`: fails if it exists).
    fn route_add(&mut self, s: &RouteSpec) -> Result<()> {
        self.route_new(Mode::Add, s)
    }
    /// A route NEW request with the given create/replace semantics.
    fn route_new(&mut self, mode: Mode, s: &RouteSpec) -> Result<()> {
        self.submit(&mut |b, seq| req::route_new(b, seq, mode, s))
    }
    /// Deletes a route.
    fn route_del(&mut self, s: &RouteSpec) -> Result<()> {
        self.submit(&mut |b, seq| req::route_del(b, seq, s))
    }
    /// Adds (`Mode::Add`), replaces or changes a neighbour.
    fn neigh_new(&mut self, mode: Mode, s: &NeighSpec) -> Result<()> {
        self.submit(&mut |b, seq| req::neigh(b, seq, Some(mode), s))
    }
    /// Deletes a neighbour.
    fn neigh_del(&mut self, s: &NeighSpec) -> Result<()> {
        self.submit(&mut |b, seq| req::neigh(b, seq, None, s))
    }
    /// Sets bridge port options (`bridge link set`).
    fn brport_set(&mut self, s: &BrPortSpec) -> Result<()> {
        self.submit(&mut |b, seq| link::brport_set(b, seq, s))
    }
    /// Adds a VLAN to a bridge port (`bridge vlan add`).
    fn bridge_vlan_add(&mut self, v: &BridgeVlan) -> Result<()> {
        self.submit(&mut |b, seq| link::bridge_vlan(b, seq, true, v))
    }
    /// Removes a VLAN from a bridge port (`bridge vlan del`).
    fn bridge_vlan_del(&mut self, v: &BridgeVlan) -> Result<()> {
        self.submit(&mut |b, seq| link::bridge_vlan(b, seq, false, v))
    }
    /// Adds a rule.
    fn rule_add(&mut self, s: &RuleSpec) -> Result<()> {
        self.submit(&mut |b, seq| req::rule(b, seq, Some(Mode::Add), s))
    }
    /// Deletes a rule.
    fn rule_del(&mut self, s: &RuleSpec) -> Result<()> {
        self.submit(&mut |b, seq| req::rule(b, seq, None, s))
    }
    /// Creates (or with `mode`, replaces/changes) a qdisc (`tc qdisc add`).
    fn qdisc_new(&mut self, mode: Mode, s: &tc::TcSpec) -> Result<()> {
        self.submit(&mut |b, seq| tc::tc_request(b, seq, tc::TcObject::Qdisc, Some(mode), false, s))
    }
    /// Deletes a qdisc (by parent and handle; the kind is checked when given).
    fn qdisc_del(&mut self, s: &tc::TcSpec) -> Result<()> {
        self.submit(&mut |b, seq| tc::tc_request(b, seq, tc::TcObject::Qdisc, None, true, s))
    }
    /// Creates (replaces, changes) a class (`tc class add`).
    fn class_new(&mut self, mode: Mode, s: &tc::TcSpec) -> Result<()> {
        self.submit(&mut |b, seq| tc::tc_request(b, seq, tc::TcObject::Class, Some(mode), false, s))
    }
    /// Deletes a class (by its class id in `handle`).
    fn class_del(&mut self, s: &tc::TcSpec) -> Result<()> {
        self.submit(&mut |b, seq| tc::tc_request(b, seq, tc::TcObject::Class, None, true, s))
    }
    /// Creates (replaces, changes) a filter (`tc filter add`).
    fn filter_new(&mut self, mode: Mode, s: &tc::TcSpec) -> Result<()> {
        self.submit(&mut |b, seq| {
            tc::tc_request(b, seq, tc::TcObject::Filter, Some(mode), false, s)
        })
    }
    /// Deletes a filter (by parent, prio, protocol and handle).
    fn filter_del(&mut self, s: &tc::TcSpec) -> Result<()> {
        self.submit(&mut |b, seq| tc::tc_request(b, seq, tc::TcObject::Filter, None, true, s))
    }
}

impl<T: Submit + ?Sized> RtnlRequests for T {}

/// pyroute2's IPRoute: an RTNL socket with proxies, extended acks and strict checking.
#[derive(Debug)]
pub struct IPRoute {
    sock: RtnlSocket,
    buf: Vec<u8>,
}

impl IPRoute {
    /// Opens an RTNL socket with the tuntap proxy installed.
    pub fn new() -> Result<Self> {
        Self::with_socket(RtnlSocket::new()?)
    }

    fn with_socket(mut sock: RtnlSocket) -> Result<Self> {
        sock.set_strict_check(true)?;
        Ok(IPRoute {
            sock,
            buf: Vec::with_capacity(4096),
        })
    }

    /// The socket, for options, groups and raw requests.
    pub fn socket(&mut self) -> &mut NetlinkSocket {
        &mut self.sock
    }

    /// Builds a request into the scratch buffer and returns it (used by dumps and gets).
    fn build(&mut self, f: impl FnOnce(&mut Vec<u8>) -> Result<()>) -> Result<Vec<u8>> {
        let mut b = std::mem::take(&mut self.buf);
        b.clear();
        f(&mut b)?;
        Ok(b)
    }

    pub(crate) fn dump_with<F: FnMut(NlMsg<'_>)>(
        &mut self,
        build: impl FnOnce(&mut Vec<u8>) -> Result<()>,
        f: F,
    ) -> Result<DumpSummary> {
        let req = self.build(build)?;
        let r = self.sock.dump_each(&req, f);
        self.buf = req;
        r
    }

    /// Streams the links (RTM_GETLINK dump) to `f`.
    pub fn link_dump(
        &mut self,
        mut f: impl FnMut(ferroute_codec::rtnl::link::LinkMsg<'_>),
    ) -> Result<DumpSummary> {
        let mut err = None;
        let s = self.dump_with(
            link::dump,
            |m| match ferroute_codec::rtnl::link::LinkMsg::parse(m) {
                Ok(l) => f(l),
                Err(e) => err = err.or(Some(e)),
            },
        )?;
        err.map_or(Ok(s), |e| Err(e.into()))
    }

    /// Streams the bridge ports (AF_BRIDGE link dump with their VLANs) to `f`.
    pub fn bridge_dump(
        &mut self,
        mut f: impl FnMut(ferroute_codec::rtnl::link::LinkMsg<'_>),
    ) -> Result<DumpSummary> {
        self.dump_with(link::bridge_dump, |m| {
            if let Ok(l) = ferroute_codec::rtnl::link::LinkMsg::parse(m) {
                f(l)
            }
        })
    }

    /// One link by index or name, with a kernel GET (no dump); `f` sees its message.
    pub fn link_get(
        &mut self,
        index: u32,
        name: Option<&str>,
        f: impl FnOnce(ferroute_codec::rtnl::link::LinkMsg<'_>),
    ) -> Result<()> {
        let req = self.build(|b| link::get(b, index, name))?;
        let mut f = Some(f);
        let mut err = None;
        let r =
            self.sock.request_with(&req, |m| {
                match ferroute_codec::rtnl::link::LinkMsg::parse(m) {
                    Ok(l) => {
                        if let Some(f) = f.take() {
                            f(l)
                        }
                    }
                    Err(e) => err = Some(e),
                }
            });
        self.buf = req;
        r?;
        err.map_or(Ok(()), |e| Err(e.into()))
    }

    /// The index of the link named `name`, by a kernel GET (O(1), not a dump). `Ok(None)`
    /// when there is no such link.
    pub fn link_lookup(&mut self, name: &str) -> Result<Option<u32>> {
        let mut idx = None;
        match self.link_get(0, Some(name), |l| idx = Some(l.header().ifi_index() as u32)) {
            Ok(()) => Ok(idx),
            Err(Error::Kernel(k)) if k.errno == 19 => Ok(None), // ENODEV
            Err(e) => Err(e),
        }
    }

    /// Streams addresses to `f`, filtered by the kernel on `family` and `index` (0 = all).
    pub fn addr_dump(
        &mut self,
        family: u8,
        index: u32,
        mut f: impl FnMut(AddrMsg<'_>),
    ) -> Result<DumpSummary> {
        self.dump_with(
            |b| req::addr_dump(b, family, index),
            |m| {
                if let Ok(a) = AddrMsg::parse(m) {
                    f(a)
                }
            },
        )
    }

    /// Streams routes to `f`, filtered by the kernel (table, oif, protocol, type, family).
    pub fn route_dump(
        &mut self,
        filter: &RouteFilter,
        mut f: impl FnMut(RouteMsg<'_>),
    ) -> Result<DumpSummary> {
        let filter = *filter;
        self.dump_with(
            |b| req::route_dump(b, &filter),
            |m| {
                if let Ok(r) = RouteMsg::parse(m) {
                    f(r)
                }
            },
        )
    }

    /// The kernel's chosen route to `dst` (`ip route get`); `f` sees it.
    pub fn route_get(
        &mut self,
        dst: std::net::IpAddr,
        oif: Option<u32>,
        f: impl FnOnce(RouteMsg<'_>),
    ) -> Result<()> {
        let req = self.build(|b| req::route_get(b, dst, oif))?;
        let mut f = Some(f);
        let r = self.sock.request_with(&req, |m| {
            if let (Ok(route), Some(f)) = (RouteMsg::parse(m), f.take()) {
                f(route)
            }
        });
        self.buf = req;
        r
    }

    /// Streams neighbours to `f` (family 0 = all; index filter by the kernel).
    pub fn neigh_dump(
        &mut self,
        family: u8,
        index: u32,
        mut f: impl FnMut(NeighMsg<'_>),
    ) -> Result<DumpSummary> {
        self.dump_with(
            |b| req::neigh_dump(b, family, index),
            |m| {
                if let Ok(n) = NeighMsg::parse(m) {
                    f(n)
                }
            },
        )
    }

    /// Streams rules of `family` (0 = all) to `f`.
    pub fn rule_dump(&mut self, family: u8, mut f: impl FnMut(RuleMsg<'_>)) -> Result<DumpSummary> {
        self.dump_with(
            |b| req::rule_dump(b, family),
            |m| {
                if let Ok(r) = RuleMsg::parse(m) {
                    f(r)
                }
            },
        )
    }

    /// Deletes every object a dump returns and `select` accepts: each dumped message is
    /// resent as the DEL request (pyroute2's flush), so exactly what the dump showed is
    /// deleted. Returns the count.
    fn flush(
        &mut self,
        dump: impl FnOnce(&mut Vec<u8>) -> Result<()>,
        del_type: u16,
        mut select: impl FnMut(NlMsg<'_>) -> bool,
    ) -> Result<usize> {
        let mut victims: Vec<Vec<u8>> = Vec::new();
        self.dump_with(dump, |m| {
            if select(m) {
                victims.push(m.bytes().to_vec());
            }
        })?;
        let n = victims.len();
        for mut v in victims {
            v[4..6].copy_from_slice(&del_type.to_ne_bytes());
            v[6..8].copy_from_slice(&0u16.to_ne_bytes());
            match self.sock.request(&v) {
                Ok(()) => {}
                // already gone (e.g. deleted with its interface): not an error for a flush
                Err(Error::Kernel(k)) if k.errno == 3 || k.errno == 2 || k.errno == 99 => {}
                Err(e) => return Err(e),
            }
        }
        Ok(n)
    }

    /// Deletes the routes a filtered dump returns and `select` accepts (`ip route flush`).
    pub fn route_flush(
        &mut self,
        filter: &RouteFilter,
        mut select: impl FnMut(&RouteMsg<'_>) -> bool,
    ) -> Result<usize> {
        let filter = *filter;
        self.flush(
            |b| req::route_dump(b, &filter),
            RTM_DELROUTE,
            |m| RouteMsg::parse(m).is_ok_and(|r| select(&r)),
        )
    }

    /// Deletes the addresses of `index` (0 = all) and `family` (0 = all) that `select`
    /// accepts (`ip addr flush`).
    pub fn addr_flush(
        &mut self,
        family: u8,
        index: u32,
        mut select: impl FnMut(&AddrMsg<'_>) -> bool,
    ) -> Result<usize> {
        self.flush(
            |b| req::addr_dump(b, family, index),
            RTM_DELADDR,
            |m| {
                AddrMsg::parse(m)
                    .is_ok_and(|a| (index == 0 || a.header().ifa_index() == index) && select(&a))
            },
        )
    }

    /// Deletes the neighbours `select` accepts (`ip neigh flush`).
    pub fn neigh_flush(
        &mut self,
        family: u8,
        index: u32,
        mut select: impl FnMut(&NeighMsg<'_>) -> bool,
    ) -> Result<usize> {
        self.flush(
            |b| req::neigh_dump(b, family, index),
            RTM_DELNEIGH,
            |m| NeighMsg::parse(m).is_ok_and(|n| select(&n)),
        )
    }

    /// Deletes the rules `select` accepts.
    pub fn rule_flush(
        &mut self,
        family: u8,
        mut select: impl FnMut(&RuleMsg<'_>) -> bool,
    ) -> Result<usize> {
        self.flush(
            |b| req::rule_dump(b, family),
            RTM_DELRULE,
            |m| RuleMsg::parse(m).is_ok_and(|r| select(&r)),
        )
    }

    /// A separate socket subscribed to RTNL multicast `groups` (RTNLGRP_*), yielding typed
    /// events.
    pub fn events(groups: &[u32]) -> Result<Events> {
        Events::subscribe(groups)
    }
}

impl Submit for IPRoute {
    fn submit(&mut self, build: &mut dyn FnMut(&mut Vec<u8>, u32) -> Result<()>) -> Result<()> {
        let req = self.build(|b| build(b, 0))?;
        let r = self.sock.request(&req);
        self.buf = req;
        r
    }
}

/// pyroute2's RawIPRoute: [`IPRoute`] without proxies (tun/tap creation through rtnetlink
/// then fails as the kernel says).
#[derive(Debug)]
pub struct RawIPRoute(IPRoute);

impl RawIPRoute {
    /// Opens an RTNL socket without proxies.
    pub fn new() -> Result<Self> {
        Ok(RawIPRoute(IPRoute::with_socket(RtnlSocket::raw()?)?))
    }
}

impl Deref for RawIPRoute {
    type Target = IPRoute;
    fn deref(&self) -> &IPRoute {
        &self.0
    }
}

impl DerefMut for RawIPRoute {
    fn deref_mut(&mut self) -> &mut IPRoute {
        &mut self.0
    }
}

impl Submit for RawIPRoute {
    fn submit(&mut self, build: &mut dyn FnMut(&mut Vec<u8>, u32) -> Result<()>) -> Result<()> {
        self.0.submit(build)
    }
}

/// pyroute2's IPBatch: the same calls compiled into one buffer; nothing is sent until
/// [`send`](IPBatch::send).
#[derive(Debug, Default, Clone)]
pub struct IPBatch {
    buf: Vec<u8>,
    seq: u32,
    count: usize,
}

/// The outcome of sending a batch: one result per message, in order.
#[derive(Debug, Default)]
pub struct BatchResult {
    /// `Ok` or the kernel's error for each message.
    pub results: Vec<Result<()>>,
}

impl BatchResult {
    /// The number of messages the kernel refused.
    pub fn errors(&self) -> usize {
        self.results.iter().filter(|r| r.is_err()).count()
    }
}

impl IPBatch {
    /// An empty batch.
    pub fn new() -> Self {
        Self::default()
    }
    /// The compiled messages.
    pub fn bytes(&self) -> &[u8] {
        &self.buf
    }
    /// The number of messages.
    pub fn len(&self) -> usize {
        self.count
    }
    /// No messages.
    pub fn is_empty(&self) -> bool {
        self.count == 0
    }
    /// Clears the batch.
    pub fn reset(&mut self) {
        self.buf.clear();
        self.count = 0;
    }

    /// Sends the batch on `sock` and reports the outcome of every message, in order.
    ///
    /// The buffer goes out in chunks of whole messages (at most 256 KiB and 1024 messages),
    /// each with one `sendmsg`. Within a chunk only the last message asks for an ACK: the
    /// kernel processes a datagram's messages in order and answers every failing one with
    /// its own NLMSG_ERROR whether or not it asked, so "no error before the final ACK"
    /// means success for each of them — and 100,000 ACK datagrams (two receive calls each)
    /// become about a hundred. The flags are changed on a copy; [`bytes`](Self::bytes)
    /// stays what the same IPRoute calls would send.
    ///
    /// A chunk whose every message fails gets one NLMSG_ERROR skb per message, so the
    /// chunk is also bounded by what the receive buffer holds: SO_RCVBUF is raised to 4 MiB
    /// when it is smaller (SO_RCVBUFFORCE when permitted), and chunks shrink to fit
    /// whatever it ends up being. Should the kernel still drop replies, the loss is
    /// reported as [`Error::Overrun`], never taken for success.
    pub fn send(&self, sock: &mut NetlinkSocket) -> Result<BatchResult> {
        const WANT: usize = 4 << 20;
        if sock.recv_buffer_size().unwrap_or(0) < WANT {
            let _ = sock.set_recv_buffer_size(WANT, true);
        }
        // an error reply costs about 1.3 KiB of receive buffer (skb overhead included)
        let room = sock.recv_buffer_size().unwrap_or(212_992) / 2600;
        self.send_chunked(sock, 256 * 1024, room.clamp(16, 1024))
    }

    /// [`send`](Self::send) with explicit chunk limits (bytes and messages).
    pub fn send_chunked(
        &self,
        sock: &mut NetlinkSocket,
        chunk: usize,
        max_msgs: usize,
    ) -> Result<BatchResult> {
        let mut results = Vec::with_capacity(self.count);
        let msgs: Vec<NlMsg<'_>> =
            Messages::new(&self.buf).collect::<std::result::Result<_, _>>()?;
        let mut out = Vec::with_capacity(chunk.min(self.buf.len()));
        let mut i = 0;
        while i < msgs.len() {
            let start = msgs[i].offset();
            let mut j = i;
            let mut end = start;
            while j < msgs.len() {
                let e = msgs[j].offset() + ferroute_codec::nl::nlmsg_align(msgs[j].bytes().len());
                if (e - start > chunk || j - i >= max_msgs.max(1)) && j > i {
                    break;
                }
                end = e.min(self.buf.len());
                j += 1;
            }
            out.clear();
            out.extend_from_slice(&self.buf[start..end]);
            for m in &msgs[i..j - 1] {
                let at = m.offset() - start + 6;
                let f = m.nlmsg_flags() & !ferroute_codec::nl::NlmF::ACK.bits();
                out[at..at + 2].copy_from_slice(&f.to_ne_bytes());
            }
            sock.send_raw(&out)?;
            let want: Vec<u32> = msgs[i..j].iter().map(|m| m.nlmsg_seq()).collect();
            let last = want[want.len() - 1];
            let mut got: Vec<Result<()>> = (0..want.len()).map(|_| Ok(())).collect();
            let mut done = false;
            while !done {
                let mut err = None;
                sock.recv_each(|m| {
                    if m.nlmsg_type() != NLMSG_ERROR && m.nlmsg_type() != NLMSG_DONE {
                        return;
                    }
                    let Some(k) = want.iter().position(|s| *s == m.nlmsg_seq()) else {
                        return;
                    };
                    match ferroute_codec::nl::AckMsg::parse(m) {
                        Ok(a) if a.is_ack() => {}
                        Ok(a) => got[k] = Err(Error::Kernel(KernelError::from_ack(&a, None))),
                        Err(e) => err = Some(e),
                    }
                    if m.nlmsg_seq() == last {
                        done = true;
                    }
                })?;
                if let Some(e) = err {
                    return Err(e.into());
                }
            }
            results.extend(got);
            i = j;
        }
        Ok(BatchResult { results })
    }
}

impl Submit for IPBatch {
    fn submit(&mut self, build: &mut dyn FnMut(&mut Vec<u8>, u32) -> Result<()>) -> Result<()> {
        self.seq = self.seq.wrapping_add(1).max(1);
        let before = self.buf.len();
        if let Err(e) = build(&mut self.buf, self.seq) {
            self.buf.truncate(before);
            return Err(e);
        }
        self.count += 1;
        Ok(())
    }
}
