//! Client-side selection of dumped objects the way iproute2 filters its listings
//! (`ip route show SELECTOR`, the default hiding of NOARP neighbours, ...).

use super::format::{AddrInfo, AddrRow, LinkRow, NeighRow, RouteHide, RouteRow, RuleRow};
use super::names;
use super::parse::{
    AddrShow, Family, LinkShow, NeighSpec, RouteSpec, RuleAction, RuleSpec, Select, Target,
};
use std::net::IpAddr;

/// Whether the first `bits` bits of `a` and `b` agree (iproute2 `inet_addr_match` == 0).
pub fn prefix_match(a: &IpAddr, b: &IpAddr, bits: u8) -> bool {
    let (x, y, max): (u128, u128, u32) = match (a, b) {
        (IpAddr::V4(a), IpAddr::V4(b)) => (u32::from(*a).into(), u32::from(*b).into(), 32),
        (IpAddr::V6(a), IpAddr::V6(b)) => (u128::from(*a), u128::from(*b), 128),
        _ => return false,
    };
    let bits = u32::from(bits).min(max);
    if bits == 0 {
        return true;
    }
    let shift = max - bits;
    (x >> shift) == (y >> shift)
}

fn af(f: Family) -> u8 {
    match f {
        Family::Inet => names::AF_INET,
        Family::Inet6 => names::AF_INET6,
        _ => 0,
    }
}

fn unspecified(family: u8) -> IpAddr {
    if family == names::AF_INET6 {
        IpAddr::V6(std::net::Ipv6Addr::UNSPECIFIED)
    } else {
        IpAddr::V4(std::net::Ipv4Addr::UNSPECIFIED)
    }
}

/// The selection `ip route show|flush` applies to a dump (iproute2 `filter_nlmsg`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RouteFilter {
    /// Address family (0 = all). ip uses AF_INET unless `-6` or `table all`.
    pub family: u8,
    /// Table (0 = all); `main` unless `table` was given.
    pub table: u32,
    /// The parsed selectors.
    pub spec: RouteSpec,
}

impl RouteFilter {
    /// The filter of `ip route show|flush` with these arguments.
    pub fn new(spec: &RouteSpec) -> Self {
        let table = spec.table.unwrap_or(names::RT_TABLE_MAIN);
        let mut family = af(spec.family);
        // iproute2: "if (do_ipv6 == AF_UNSPEC && filter.tb) do_ipv6 = AF_INET".
        if family == 0 && table != 0 {
            family = names::AF_INET;
        }
        RouteFilter {
            family,
            table,
            spec: spec.clone(),
        }
    }

    /// The keys `ip` leaves out of a listing filtered this way.
    pub fn hide(&self) -> RouteHide {
        let s = &self.spec;
        RouteHide {
            table: self.table != 0,
            protocol: s.protocol.is_some(),
            scope: s.scope.is_some(),
            dev: s.dev.is_some(),
            gateway: s.via.is_some(),
            prefsrc: s.src.is_some(),
            metric: s.metric.is_some(),
        }
    }

    /// Whether `ip` would list `r`. (ip's heuristic for kernels with a single IPv6 table is
    /// not reproduced: IPv6 routes are selected by their table like IPv4 ones.)
    pub fn selects(&self, r: &RouteRow) -> bool {
        let s = &self.spec;
        if self.family != 0 && r.family != self.family {
            return false;
        }
        // RTM_F_CLONED (cache entries) are not listed.
        if r.flags & 0x200 != 0 {
            return false;
        }
        if self.table != 0 && r.table != self.table {
            return false;
        }
        if s.protocol.is_some_and(|p| p != r.protocol)
            || s.scope.is_some_and(|p| p != r.scope)
            || s.kind.is_some_and(|t| t != r.kind)
            || s.tos.is_some_and(|t| t != r.tos)
        {
            return false;
        }
        if s.dst.is_some() {
            let dst = r.dst.unwrap_or_else(|| unspecified(r.family));
            if !select(&s.dst, s.dst_select, &dst, r.dst_len, r.family) {
                return false;
            }
        }
        if s.from.is_some() {
            let src = r.src.unwrap_or_else(|| unspecified(r.family));
            if !select(&s.from, s.from_select, &src, r.src_len, r.family) {
                return false;
            }
        }
        if let Some(v) = s.via {
            match r.gateway.or(r.via) {
                Some(g) if prefix_match(&g, &v, if v.is_ipv4() { 32 } else { 128 }) => {}
                _ => return false,
            }
        }
        if let Some(p) = s.src {
            match r.prefsrc {
                Some(g) if prefix_match(&g, &p, if p.is_ipv4() { 32 } else { 128 }) => {}
                _ => return false,
            }
        }
        if let Some(d) = &s.dev
            && r.dev.as_deref() != Some(d.as_str())
        {
            return false;
        }
        if let Some(m) = s.metric
            && r.metric.unwrap_or(0) != m
        {
            return false;
        }
        if let Some(m) = s.mark
            && r.mark.unwrap_or(0) != m
        {
            return false;
        }
        true
    }
}

/// One prefix selector: `exact` (same length and prefix), `root` (route inside the
/// selector: not shorter), `match` (route containing the selector: not longer).
fn select(t: &Option<Target>, how: Select, addr: &IpAddr, len: u8, family: u8) -> bool {
    let Some(t) = t else { return true };
    let (p, plen, fam) = match t {
        // `default`/`all` are 0/0 of the route's family.
        Target::Default => (unspecified(family), 0u8, 0u8),
        Target::Prefix(p) => (
            p.addr,
            p.len,
            if p.addr.is_ipv4() {
                names::AF_INET
            } else {
                names::AF_INET6
            },
        ),
    };
    if fam != 0 && fam != family {
        return false;
    }
    match how {
        Select::Exact => plen == len && prefix_match(addr, &p, plen),
        Select::Root => plen <= len && prefix_match(addr, &p, plen),
        Select::Match => plen >= len && prefix_match(addr, &p, len),
    }
}

/// The NUD_* states `ip neigh show` lists: those given with `nud`, else all but NOARP
/// (and `nud all` = every state).
pub fn neigh_state_mask(spec: &NeighSpec) -> u16 {
    spec.nud.unwrap_or(0xff & !0x40)
}

/// Whether `ip neigh show` would list `r` (iproute2 `print_neigh` filtering: state mask,
/// proxy/externally-learned entries always pass the state test, family, device, prefix).
pub fn neigh_selects(spec: &NeighSpec, r: &NeighRow) -> bool {
    let mask = neigh_state_mask(spec);
    let fam = af(spec.family);
    if fam != 0 && r.family != fam {
        return false;
    }
    // `ip neigh show proxy` lists only proxy entries; otherwise they are not dumped.
    if spec.proxy != (r.flags & names::NTF_PROXY != 0) {
        return false;
    }
    let special = r.flags & (names::NTF_PROXY | 0x10) != 0;
    if r.state & mask == 0 && !special && (r.state != 0 || mask & 0x100 == 0) {
        return false;
    }
    if let Some(d) = &spec.dev
        && r.dev.as_deref() != Some(d.as_str())
    {
        return false;
    }
    if let Some(p) = &spec.dst {
        match r.dst {
            Some(d) if prefix_match(&d, &p.addr, p.len) => {}
            _ => return false,
        }
    }
    true
}

/// Shell-style pattern match (`*`, `?`, `[abc]`, `[a-z]`, `[!x]`) like fnmatch(3) with no
/// flags, as `ip addr show label PATTERN` uses it.
pub fn glob_match(pattern: &str, text: &str) -> bool {
    fn class(p: &[char], c: char) -> Option<(bool, usize)> {
        // p starts after '['; returns (matched, length consumed including ']').
        let mut i = 0;
        let negate = matches!(p.first(), Some('!' | '^'));
        if negate {
            i += 1;
        }
        let mut hit = false;
        let mut first = true;
        while let Some(&ch) = p.get(i) {
            if ch == ']' && !first {
                return Some((hit != negate, i + 1));
            }
            first = false;
            if p.get(i + 1) == Some(&'-') && p.get(i + 2).is_some_and(|e| *e != ']') {
                let hi = p[i + 2];
                hit |= (ch..=hi).contains(&c);
                i += 3;
            } else {
                hit |= ch == c;
                i += 1;
            }
        }
        None
    }
    fn go(p: &[char], t: &[char]) -> bool {
        match p.first() {
            None => t.is_empty(),
            Some('*') => (0..=t.len()).any(|k| go(&p[1..], &t[k..])),
            Some('?') => !t.is_empty() && go(&p[1..], &t[1..]),
            Some('[') => match (
                t.first(),
                class(&p[1..], t.first().copied().unwrap_or('\0')),
            ) {
                (Some(_), Some((true, n))) => go(&p[1 + n..], &t[1..]),
                (Some(c), None) => *c == '[' && go(&p[1..], &t[1..]),
                _ => false,
            },
            Some('\\') if p.len() > 1 => t.first() == p.get(1) && go(&p[2..], &t[1..]),
            Some(c) => t.first() == Some(c) && go(&p[1..], &t[1..]),
        }
    }
    let p: Vec<char> = pattern.chars().collect();
    let t: Vec<char> = text.chars().collect();
    go(&p, &t)
}

/// Whether `ip addr show` with these filters lists address `a` (family, scope,
/// permanent/dynamic, label pattern, `to` prefix; iproute2 `ipaddr_filter`).
pub fn addr_selects(spec: &AddrShow, a: &AddrInfo) -> bool {
    let fam = af(spec.family);
    if fam != 0 && a.family != fam {
        return false;
    }
    if spec.scope.is_some_and(|s| s != a.scope) {
        return false;
    }
    if let Some(perm) = spec.permanent
        && (a.flags & names::IFA_F_PERMANENT != 0) != perm
    {
        return false;
    }
    if let Some(pat) = &spec.label
        && !a.label.as_deref().is_some_and(|l| glob_match(pat, l))
    {
        return false;
    }
    if let Some(p) = &spec.to {
        match a.local.or(a.address) {
            Some(l) if prefix_match(&l, &p.addr, p.len) => {}
            _ => return false,
        }
    }
    true
}

/// Applies `ip addr show`'s selection to a dump: links by name/up/master, then each
/// link's addresses; a link stays when one of its addresses passes, or when it has none
/// and no family was chosen.
pub fn addr_filter(spec: &AddrShow, rows: Vec<AddrRow>) -> Vec<AddrRow> {
    let addr_filters = spec.family != Family::Any
        || spec.scope.is_some()
        || spec.permanent.is_some()
        || spec.label.is_some()
        || spec.to.is_some();
    rows.into_iter()
        .filter(|r| spec.dev.as_deref().is_none_or(|d| d == r.link.ifname))
        .filter(|r| !spec.up || r.link.flags & names::IFF_UP != 0)
        .filter(|r| {
            spec.master
                .as_deref()
                .is_none_or(|m| r.link.master.as_deref() == Some(m))
        })
        .filter_map(|mut r| {
            let had = !r.addr_info.is_empty();
            r.addr_info.retain(|a| addr_selects(spec, a));
            let keep =
                !r.addr_info.is_empty() || !had && spec.family == Family::Any || !addr_filters;
            keep.then_some(r)
        })
        .collect()
}

/// Whether `ip link show` with these filters lists `r` (name, `up`, `master`, `type`; the
/// kind is read from the row's IFLA_LINKINFO, so fill `details` when filtering by type).
pub fn link_selects(spec: &LinkShow, r: &LinkRow) -> bool {
    spec.dev.as_deref().is_none_or(|d| d == r.ifname)
        && (!spec.up || r.flags & names::IFF_UP != 0)
        && spec
            .master
            .as_deref()
            .is_none_or(|m| r.master.as_deref() == Some(m))
        && spec.kind.as_deref().is_none_or(|k| {
            r.details
                .as_ref()
                .and_then(|d| d.linkinfo.as_ref())
                .is_some_and(|li| li.kind == k)
        })
}

/// Whether `ip rule show SELECTORS` lists `r` (iproute2 6.1 `filter_nlmsg` of iprule.c:
/// each given selector must equal the rule's; `from`/`to` match a prefix of the rule's
/// at least as long; `table`/`lookup` compares the table).
pub fn rule_selects(spec: &RuleSpec, r: &RuleRow) -> bool {
    let prefix = |t: &Option<Target>, addr: Option<IpAddr>, len: u8| -> bool {
        let Some(t) = t else { return true };
        match t {
            // "all": every rule of the family
            Target::Default => true,
            Target::Prefix(p) => {
                let fam = if p.addr.is_ipv4() {
                    names::AF_INET
                } else {
                    names::AF_INET6
                };
                fam == r.family
                    && p.len <= len
                    && addr.is_none_or(|a| prefix_match(&a, &p.addr, p.len))
            }
        }
    };
    spec.priority.is_none_or(|p| r.priority.unwrap_or(0) == p)
        && (!spec.not || r.flags & 2 != 0)
        && prefix(&spec.from, r.src, r.src_len)
        && prefix(&spec.to, r.dst, r.dst_len)
        && spec.tos.is_none_or(|t| t == r.tos)
        && spec.fwmark.is_none_or(|(mark, mask)| {
            // ip compares a non-zero filter mark (and mask) with the rule's, 0 if absent
            (mark == 0 || r.fwmark.unwrap_or(0) == mark)
                && mask.is_none_or(|m| m == 0 || r.fwmask.unwrap_or(0) == m)
        })
        && spec
            .iif
            .as_deref()
            .is_none_or(|i| r.iif.as_deref() == Some(i))
        && spec
            .oif
            .as_deref()
            .is_none_or(|o| r.oif.as_deref() == Some(o))
        && (!spec.l3mdev || r.l3mdev)
        && spec.uidrange.is_none_or(|u| r.uidrange == Some(u))
        && spec
            .ipproto
            .is_none_or(|p| p == 0 || r.ipproto.unwrap_or(0) == p)
        && spec.sport.is_none_or(|p| p.0 == 0 || r.sport == Some(p))
        && spec.dport.is_none_or(|p| p.0 == 0 || r.dport == Some(p))
        && match spec.action {
            Some(RuleAction::Lookup(t)) if t > 0 => r.table == t,
            _ => true,
        }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::format::{LinkDetails, LinkInfo};

    #[test]
    fn prefixes_and_links() {
        let a: IpAddr = "10.1.2.3".parse().unwrap();
        assert!(prefix_match(&a, &"10.0.0.0".parse().unwrap(), 8));
        assert!(!prefix_match(&a, &"10.0.0.0".parse().unwrap(), 16));
        assert!(prefix_match(&a, &"0.0.0.0".parse().unwrap(), 0));
        assert!(!prefix_match(&a, &"::".parse().unwrap(), 0));
        let l = LinkRow {
            ifname: "br0".into(),
            flags: 1,
            master: None,
            details: Some(LinkDetails {
                linkinfo: Some(LinkInfo {
                    kind: "bridge".into(),
                    ..Default::default()
                }),
                ..Default::default()
            }),
            ..Default::default()
        };
        let s = |dev: Option<&str>, up: bool, kind: Option<&str>| LinkShow {
            dev: dev.map(str::to_string),
            up,
            master: None,
            kind: kind.map(str::to_string),
        };
        assert!(link_selects(&s(Some("br0"), true, Some("bridge")), &l));
        assert!(!link_selects(&s(Some("br1"), false, None), &l));
        assert!(!link_selects(&s(None, false, Some("veth")), &l));
        assert!(!link_selects(
            &s(None, true, None),
            &LinkRow {
                flags: 0,
                ..l.clone()
            }
        ));
    }
}
