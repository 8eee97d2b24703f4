//! rtnetlink (NETLINK_ROUTE): links, addresses, routes, neighbours, rules, traffic
//! control and namespace ids, as views and builders; plus the RTM_* and RTNLGRP_* tables.

pub mod addr;
pub mod consts;
pub mod link;
pub mod neigh;
pub mod nsid;
pub mod route;
pub mod rule;
pub mod tc;

use crate::nl::{Family, FlagContext, NlMsg, Visitor};

/// The rtnetlink family for the decode tool (`decode --family route`).
#[derive(Debug, Clone, Copy)]
pub struct Rtnl;

impl Family for Rtnl {
    const NAME: &'static str = "route";

    fn type_name(ty: u16) -> Option<&'static str> {
        consts::rtm_name(ty)
    }

    fn flag_context(ty: u16) -> FlagContext {
        match ty & 3 {
            0 => FlagContext::New,
            1 => FlagContext::Delete,
            2 => FlagContext::Get,
            _ => FlagContext::Plain,
        }
    }

    fn describe_body(msg: &NlMsg<'_>, out: &mut dyn Visitor) {
        match msg.nlmsg_type() {
            16..=19 => link::describe(msg, out),
            64..=67 => neigh::describe(msg, out),
            20..=23 => addr::describe(msg, out),
            24..=27 => route::describe(msg, out),
            28..=31 => neigh::describe(msg, out),
            32..=35 => rule::describe(msg, out),
            36..=51 => tc::describe(msg, out),
            88..=91 => nsid::describe(msg, out),
            _ => crate::nl::RawFamily::describe_body(msg, out),
        }
    }
}
