//! From codec views to the output rows of [`format`](super::format): what `ferroute
//! ... show` prints, read from the kernel's messages.
//!
//! (Interface stub while the conversions are being written: every listing is empty.)

use std::collections::HashMap;

use ferroute_codec::rtnl::addr::AddrMsg;
use ferroute_codec::rtnl::link::LinkMsg;
use ferroute_codec::rtnl::neigh::NeighMsg;
use ferroute_codec::rtnl::route::RouteMsg;
use ferroute_codec::rtnl::rule::RuleMsg;

use super::format::*;
use crate::error::Result;
use crate::iproute::IPRoute;

/// ifindex -> (name, up) of the links of this namespace.
#[derive(Debug, Default, Clone)]
pub struct LinkNames {
    by_index: HashMap<u32, (String, bool)>,
}

impl LinkNames {
    /// One link dump.
    pub fn load(ipr: &mut IPRoute) -> Result<LinkNames> {
        let mut by_index = HashMap::new();
        ipr.link_dump(|l| {
            if let Ok(Some(n)) = l.index().and_then(|i| i.ifname()) {
                by_index.insert(
                    l.header().ifi_index() as u32,
                    (n.to_owned(), l.header().ifi_flags() & 1 != 0),
                );
            }
        })?;
        Ok(LinkNames { by_index })
    }
    /// The name of `index`.
    pub fn name(&self, index: u32) -> Option<&str> {
        self.by_index.get(&index).map(|(n, _)| n.as_str())
    }
    /// The index of `name`.
    pub fn index(&self, name: &str) -> Option<u32> {
        self.by_index
            .iter()
            .find(|(_, (n, _))| n == name)
            .map(|(i, _)| *i)
    }
}

/// A link's row.
pub fn link_row(_l: &LinkMsg<'_>, _names: &LinkNames) -> LinkRow {
    LinkRow::default()
}
/// An address's addr_info entry.
pub fn addr_info(_a: &AddrMsg<'_>) -> AddrInfo {
    AddrInfo::default()
}
/// A route's row.
pub fn route_row(_r: &RouteMsg<'_>, _names: &LinkNames) -> RouteRow {
    RouteRow::default()
}
/// A neighbour's row.
pub fn neigh_row(_n: &NeighMsg<'_>, _names: &LinkNames) -> NeighRow {
    NeighRow::default()
}
/// A rule's row.
pub fn rule_row(_r: &RuleMsg<'_>) -> RuleRow {
    RuleRow::default()
}
/// Links.
pub fn links(_ipr: &mut IPRoute) -> Result<Vec<LinkRow>> {
    Ok(Vec::new())
}
/// Links with their addresses.
pub fn addrs(_ipr: &mut IPRoute, _family: u8) -> Result<Vec<AddrRow>> {
    Ok(Vec::new())
}
/// Routes.
pub fn routes(_ipr: &mut IPRoute, _family: u8, _table: u32) -> Result<Vec<RouteRow>> {
    Ok(Vec::new())
}
/// Neighbours.
pub fn neighs(_ipr: &mut IPRoute, _family: u8) -> Result<Vec<NeighRow>> {
    Ok(Vec::new())
}
/// Rules.
pub fn rules(_ipr: &mut IPRoute, _family: u8) -> Result<Vec<RuleRow>> {
    Ok(Vec::new())
}
/// Qdiscs.
pub fn qdiscs(_ipr: &mut IPRoute, _ifindex: u32) -> Result<Vec<QdiscRow>> {
    Ok(Vec::new())
}
/// Classes.
pub fn classes(_ipr: &mut IPRoute, _ifindex: u32) -> Result<Vec<ClassRow>> {
    Ok(Vec::new())
}
/// Filters.
pub fn filters(_ipr: &mut IPRoute, _ifindex: u32, _parent: u32) -> Result<Vec<FilterRow>> {
    Ok(Vec::new())
}
