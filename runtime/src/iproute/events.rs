//! RTNL events: a socket subscribed to multicast groups, yielding typed views of the
//! notifications (new/del link, address, route, neighbour, rule, qdisc).

use ferroute_codec::nl::NlMsg;
use ferroute_codec::rtnl::addr::AddrMsg;
use ferroute_codec::rtnl::consts::*;
use ferroute_codec::rtnl::link::LinkMsg;
use ferroute_codec::rtnl::neigh::NeighMsg;
use ferroute_codec::rtnl::route::RouteMsg;
use ferroute_codec::rtnl::rule::RuleMsg;

use crate::error::Result;
use crate::socket::{NetlinkSocket, Protocol};

/// One notification, as a view borrowed from the receive buffer.
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub enum Event<'a> {
    /// RTM_NEWLINK.
    NewLink(LinkMsg<'a>),
    /// RTM_DELLINK.
    DelLink(LinkMsg<'a>),
    /// RTM_NEWADDR.
    NewAddr(AddrMsg<'a>),
    /// RTM_DELADDR.
    DelAddr(AddrMsg<'a>),
    /// RTM_NEWROUTE.
    NewRoute(RouteMsg<'a>),
    /// RTM_DELROUTE.
    DelRoute(RouteMsg<'a>),
    /// RTM_NEWNEIGH.
    NewNeigh(NeighMsg<'a>),
    /// RTM_DELNEIGH.
    DelNeigh(NeighMsg<'a>),
    /// RTM_NEWRULE.
    NewRule(RuleMsg<'a>),
    /// RTM_DELRULE.
    DelRule(RuleMsg<'a>),
    /// Anything else (qdisc, class, filter, nsid ...), or a message that did not parse
    /// as its type says.
    Other(NlMsg<'a>),
}

impl<'a> Event<'a> {
    /// Types a notification.
    pub fn from_msg(m: NlMsg<'a>) -> Self {
        let t = m.nlmsg_type();
        let typed = match t {
            RTM_NEWLINK | RTM_DELLINK => LinkMsg::parse(m).ok().map(|v| {
                if t == RTM_NEWLINK {
                    Event::NewLink(v)
                } else {
                    Event::DelLink(v)
                }
            }),
            RTM_NEWADDR | RTM_DELADDR => AddrMsg::parse(m).ok().map(|v| {
                if t == RTM_NEWADDR {
                    Event::NewAddr(v)
                } else {
                    Event::DelAddr(v)
                }
            }),
            RTM_NEWROUTE | RTM_DELROUTE => RouteMsg::parse(m).ok().map(|v| {
                if t == RTM_NEWROUTE {
                    Event::NewRoute(v)
                } else {
                    Event::DelRoute(v)
                }
            }),
            RTM_NEWNEIGH | RTM_DELNEIGH => NeighMsg::parse(m).ok().map(|v| {
                if t == RTM_NEWNEIGH {
                    Event::NewNeigh(v)
                } else {
                    Event::DelNeigh(v)
                }
            }),
            RTM_NEWRULE | RTM_DELRULE => RuleMsg::parse(m).ok().map(|v| {
                if t == RTM_NEWRULE {
                    Event::NewRule(v)
                } else {
                    Event::DelRule(v)
                }
            }),
            _ => None,
        };
        typed.unwrap_or(Event::Other(m))
    }
}

/// A socket subscribed to RTNL groups.
#[derive(Debug)]
pub struct Events {
    sock: NetlinkSocket,
}

/// The groups of `ip monitor` (link, addresses, routes, neighbours, rules).
pub const MONITOR_ALL: &[u32] = &[
    RTNLGRP_LINK,
    RTNLGRP_IPV4_IFADDR,
    RTNLGRP_IPV6_IFADDR,
    RTNLGRP_IPV4_ROUTE,
    RTNLGRP_IPV6_ROUTE,
    RTNLGRP_NEIGH,
    RTNLGRP_IPV4_RULE,
    RTNLGRP_IPV6_RULE,
];

impl Events {
    /// Opens a socket and joins `groups` (RTNLGRP_* numbers).
    pub fn subscribe(groups: &[u32]) -> Result<Self> {
        let mut sock = NetlinkSocket::open(Protocol::ROUTE)?;
        for g in groups {
            sock.add_membership(*g)?;
        }
        Ok(Events { sock })
    }

    /// The socket (to set a timeout, make it non-blocking or poll it).
    pub fn socket(&mut self) -> &mut NetlinkSocket {
        &mut self.sock
    }

    /// Waits for the next datagram and calls `f` with each of its events, in order.
    /// Returns how many there were.
    pub fn next_batch(&mut self, mut f: impl FnMut(Event<'_>)) -> Result<usize> {
        self.sock.recv_each(|m| f(Event::from_msg(m)))
    }
}
