//! Runs parsed commands against the kernel: the bridge from [`parse`]'s
//! typed commands to [`IPRoute`]'s specs (writes) and from its dumps to
//! [`format`](mod@format)'s rows (shows). Used by the `ferroute` binary, one command
//! at a time or a whole `-batch` file compiled into an [`IPBatch`].

use std::fmt;
use std::net::IpAddr;
use std::os::fd::{AsRawFd, OwnedFd};

use ferroute_codec::rtnl::consts::{
    AF_BRIDGE, AF_INET, AF_INET6, RTNLGRP_IPV4_IFADDR, RTNLGRP_IPV4_ROUTE, RTNLGRP_IPV4_RULE,
    RTNLGRP_IPV6_IFADDR, RTNLGRP_IPV6_ROUTE, RTNLGRP_IPV6_RULE, RTNLGRP_LINK, RTNLGRP_NEIGH,
    RTNLGRP_NSID,
};

use super::filter;
use super::format;
use super::names;
use super::parse::{self, Action, Command, Family, GlobalOpts};
use super::rows::{self, LinkNames};
use crate::error::Error;
use crate::iproute::spec::{self, Broadcast, IpvlanMode, MacvlanMode, NetnsRef};
use crate::iproute::{Events, IPBatch, IPRoute, Mode, RouteFilter, RtnlRequests, Submit};

/// What went wrong running a command.
#[derive(Debug)]
pub enum ExecError {
    /// The command line did not parse (iproute2's wording; exit status 255 like `ip`).
    Parse(parse::ParseError),
    /// The kernel or the runtime refused (exit status 2 like `ip`).
    Run(Error),
    /// The command parsed but asks for something ferroute does not do (yet).
    Unsupported(String),
    /// A message of a `-batch` run was refused when the batch was sent.
    Batch {
        /// The batch file's line.
        line: usize,
        /// What the kernel said.
        error: Box<ExecError>,
    },
}

impl fmt::Display for ExecError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ExecError::Parse(e) => write!(f, "{e}"),
            ExecError::Run(Error::Kernel(k)) => match &k.msg {
                Some(m) => write!(f, "Error: {m}."),
                None => write!(f, "RTNETLINK answers: {}", strerror(k.errno)),
            },
            ExecError::Run(e) => write!(f, "Error: {e}"),
            ExecError::Unsupported(what) => {
                write!(f, "Error: {what} is not supported by ferroute.")
            }
            ExecError::Batch { line, error } => write!(f, "{error} (batch line {line})"),
        }
    }
}

impl std::error::Error for ExecError {}

impl From<Error> for ExecError {
    fn from(e: Error) -> Self {
        ExecError::Run(e)
    }
}

impl From<parse::ParseError> for ExecError {
    fn from(e: parse::ParseError) -> Self {
        ExecError::Parse(e)
    }
}

impl ExecError {
    /// The exit status `ip` uses for this kind of failure.
    pub fn exit_code(&self) -> u8 {
        match self {
            ExecError::Parse(_) => 255,
            ExecError::Run(_) => 2,
            ExecError::Unsupported(_) => 1,
            ExecError::Batch { error, .. } => error.exit_code(),
        }
    }
}

/// The C library's text for `errno` ("File exists").
pub fn strerror(errno: i32) -> String {
    let s = std::io::Error::from_raw_os_error(errno).to_string();
    match s.find(" (os error") {
        Some(i) => s[..i].to_owned(),
        None => s,
    }
}

type Res<T> = std::result::Result<T, ExecError>;

fn unsupported<T>(what: impl Into<String>) -> Res<T> {
    Err(ExecError::Unsupported(what.into()))
}

fn af(f: Family) -> u8 {
    match f {
        Family::Inet => AF_INET,
        Family::Inet6 => AF_INET6,
        _ => 0,
    }
}

/// Resolves interface names to indexes with kernel GETs (O(1) each).
fn lookup(ipr: &mut IPRoute, name: &str) -> Res<u32> {
    match ipr.link_lookup(name)? {
        Some(i) => Ok(i),
        None => Err(ExecError::Run(Error::InvalidRequest(format!(
            "Cannot find device \"{name}\""
        )))),
    }
}

/// Opens /run/netns/NAME for IFLA_NET_NS_FD.
fn open_netns(name: &str) -> Res<OwnedFd> {
    let path = if name.contains('/') {
        name.to_owned()
    } else {
        format!("/run/netns/{name}")
    };
    crate::netns::open_path(&path).map_err(ExecError::Run)
}

/// A session: the socket, the namespace fds a command needs kept open, and an optional
/// batch that write commands go into instead of the kernel.
pub struct Session {
    ipr: IPRoute,
    fds: Vec<OwnedFd>,
    batch: Option<IPBatch>,
    /// The batch line of each message the batch holds, for error reports.
    batch_lines: Vec<usize>,
    /// The batch line being run.
    line: usize,
}

impl fmt::Debug for Session {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Session")
            .field("batch", &self.batch.as_ref().map(IPBatch::len))
            .finish()
    }
}

impl Session {
    /// A session on a new IPRoute socket (with proxies) in the calling thread's namespace.
    pub fn new() -> Res<Self> {
        Ok(Session {
            ipr: IPRoute::new()?,
            fds: Vec::new(),
            batch: None,
            batch_lines: Vec::new(),
            line: 0,
        })
    }

    /// The IPRoute behind the session.
    pub fn ipr(&mut self) -> &mut IPRoute {
        &mut self.ipr
    }

    fn writer(&mut self) -> &mut dyn Submit {
        match &mut self.batch {
            Some(b) => b,
            None => &mut self.ipr,
        }
    }

    /// Looks a name up; in batch mode a name not yet known is looked up again after
    /// sending what the batch holds (it may be created by an earlier line).
    fn index(&mut self, name: &str) -> Res<u32> {
        match lookup(&mut self.ipr, name) {
            Err(_) if self.batch.as_ref().is_some_and(|b| !b.is_empty()) => {
                self.flush_batch()?;
                lookup(&mut self.ipr, name)
            }
            r => r,
        }
    }

    /// Starts compiling write commands into one batch.
    pub fn begin_batch(&mut self) {
        self.batch = Some(IPBatch::new());
        self.batch_lines.clear();
    }

    /// Sends what the batch holds; the first refused message becomes the error, naming its
    /// batch line.
    pub fn flush_batch(&mut self) -> Res<()> {
        let Some(b) = self.batch.as_mut() else {
            return Ok(());
        };
        if b.is_empty() {
            return Ok(());
        }
        let res = b.send(self.ipr.socket())?;
        b.reset();
        let lines = std::mem::take(&mut self.batch_lines);
        for (k, r) in res.results.into_iter().enumerate() {
            if let Err(e) = r {
                let line = lines.get(k).copied().unwrap_or(0);
                return Err(ExecError::Batch {
                    line,
                    error: Box::new(ExecError::Run(e)),
                });
            }
        }
        Ok(())
    }

    /// Ends batch mode, sending what is left.
    pub fn end_batch(&mut self) -> Res<()> {
        let r = self.flush_batch();
        self.batch = None;
        r
    }

    /// Records that the next commands come from batch line `line`.
    pub fn note_line(&mut self, line: usize) {
        self.line = line;
    }

    /// Runs one command, appending what it prints to `out`.
    ///
    /// The handlers it calls are `#[inline(never)]`: inlined, `run` was one 52 KB
    /// function, and running one command touched pages of the others' code all through
    /// it (see runtime/build.rs on why touched pages matter).
    pub fn run(&mut self, g: &GlobalOpts, cmd: &Command, out: &mut dyn std::io::Write) -> Res<()> {
        // shows read the kernel: what the batch holds must be there first
        if self.batch.is_some() && is_show(cmd) {
            self.flush_batch()?;
        }
        let before = self.batch.as_ref().map_or(0, IPBatch::len);
        let r = match cmd {
            Command::Link(c) => self.link(g, c, out),
            Command::Addr(c) => self.addr(g, c, out),
            Command::Route(c) => self.route(g, c, out),
            Command::Neigh(c) => self.neigh(g, c, out),
            Command::Rule(c) => self.rule(g, c, out),
            Command::Fdb(c) => self.fdb(c),
            Command::Tc(c) => self.tc(g, c, out),
            Command::Monitor(_) => unsupported("monitor inside a batch"),
        };
        if let Some(b) = &self.batch {
            // messages this line added (the batch may have been flushed meanwhile)
            let now = b.len();
            let added = now.saturating_sub(if now < before { 0 } else { before });
            let keep = now - added;
            self.batch_lines.truncate(keep);
            self.batch_lines.resize(now, self.line);
        }
        self.fds.clear();
        r
    }

    // --- links -------------------------------------------------------------------------

    fn settings(&mut self, s: &parse::LinkSettings, spec: &mut spec::LinkSpec) -> Res<()> {
        spec.up = s.up;
        if let Some(n) = &s.name {
            spec.name = Some(n.clone());
        }
        spec.mtu = s.mtu;
        spec.address = s.address.clone();
        spec.alias = s.alias.clone();
        spec.txqlen = s.txqlen;
        spec.group = s.group;
        match &s.master {
            Some(parse::Master::Dev(d)) => spec.master = Some(self.index(d)?),
            Some(parse::Master::None) => spec.master = Some(0),
            None => {}
        }
        match &s.netns {
            Some(parse::NetnsRef::Pid(p)) => spec.netns = Some(NetnsRef::Pid(*p)),
            Some(parse::NetnsRef::Name(n)) => {
                let fd = open_netns(n)?;
                spec.netns = Some(NetnsRef::Fd(fd.as_raw_fd()));
                self.fds.push(fd);
            }
            None => {}
        }
        // IFF_NOARP (0x80) is set by "arp off"; the others are set by "on".
        for (v, bit, on_sets) in [
            (s.arp, 0x80u32, false),
            (s.multicast, 0x1000, true),
            (s.promisc, 0x100, true),
            (s.allmulticast, 0x200, true),
        ] {
            if let Some(on) = v {
                spec.flags_mask |= bit;
                if on == on_sets {
                    spec.flags |= bit;
                }
            }
        }
        if s.broadcast.is_some() || s.numtxqueues.is_some() || s.numrxqueues.is_some() {
            return unsupported("link broadcast/numtxqueues/numrxqueues");
        }
        if let Some(i) = s.index {
            spec.index = i;
        }
        Ok(())
    }

    fn kind(&mut self, k: &parse::LinkKind, parent: Option<u32>) -> Res<spec::LinkKind> {
        let need_parent = || {
            parent.ok_or_else(|| {
                ExecError::Run(Error::InvalidRequest("this kind needs \"link DEV\"".into()))
            })
        };
        Ok(match k {
            parse::LinkKind::Veth { peer } => {
                let Some(p) = peer else {
                    return unsupported("veth without \"peer name NAME\"");
                };
                let peer_netns = match &p.settings.netns {
                    Some(parse::NetnsRef::Pid(pid)) => Some(NetnsRef::Pid(*pid)),
                    Some(parse::NetnsRef::Name(n)) => {
                        let fd = open_netns(n)?;
                        let r = NetnsRef::Fd(fd.as_raw_fd());
                        self.fds.push(fd);
                        Some(r)
                    }
                    None => None,
                };
                spec::LinkKind::Veth {
                    peer: p.name.clone(),
                    peer_netns,
                }
            }
            parse::LinkKind::Bridge(b) => {
                if b.hello_time.is_some()
                    || b.max_age.is_some()
                    || b.ageing_time.is_some()
                    || b.priority.is_some()
                    || b.vlan_default_pvid.is_some()
                    || b.mcast_snooping.is_some()
                {
                    return unsupported(
                        "bridge options other than stp_state, forward_delay and vlan_filtering",
                    );
                }
                spec::LinkKind::Bridge {
                    stp_state: b.stp_state,
                    forward_delay: b.forward_delay,
                    vlan_filtering: b.vlan_filtering.map(|v| v != 0),
                }
            }
            parse::LinkKind::Vxlan(v) => {
                if v.tos.is_some()
                    || v.ageing.is_some()
                    || v.srcport.is_some()
                    || v.udpcsum.is_some()
                {
                    return unsupported("vxlan tos/ageing/srcport/udpcsum");
                }
                let dev = match &v.dev {
                    Some(d) => Some(self.index(d)?),
                    None => None,
                };
                spec::LinkKind::Vxlan {
                    id: v.id,
                    dstport: v.dstport,
                    dev,
                    local: v.local,
                    remote: v.remote.or(v.group),
                    ttl: v.ttl,
                    learning: v.learning,
                }
            }
            parse::LinkKind::Macvlan { tap, mode } => {
                let mode = match mode {
                    None => None,
                    Some(1) => Some(MacvlanMode::Private),
                    Some(2) => Some(MacvlanMode::Vepa),
                    Some(4) => Some(MacvlanMode::Bridge),
                    Some(8) => Some(MacvlanMode::Passthru),
                    Some(16) => Some(MacvlanMode::Source),
                    Some(m) => return unsupported(format!("macvlan mode {m}")),
                };
                let link = need_parent()?;
                if *tap {
                    spec::LinkKind::Macvtap { link, mode }
                } else {
                    spec::LinkKind::Macvlan { link, mode }
                }
            }
            parse::LinkKind::Ipvlan { tap: false, mode } => spec::LinkKind::Ipvlan {
                link: need_parent()?,
                mode: match mode {
                    None => None,
                    Some(0) => Some(IpvlanMode::L2),
                    Some(1) => Some(IpvlanMode::L3),
                    Some(_) => Some(IpvlanMode::L3s),
                },
            },
            parse::LinkKind::Ipvlan { tap: true, .. } => return unsupported("ipvtap"),
            parse::LinkKind::Vlan { id, protocol } => {
                if protocol.is_some_and(|p| p != 0x8100) {
                    return unsupported("vlan protocol other than 802.1Q");
                }
                spec::LinkKind::Vlan {
                    link: need_parent()?,
                    id: *id,
                }
            }
            parse::LinkKind::Ifb => spec::LinkKind::Ifb,
            parse::LinkKind::Dummy => spec::LinkKind::Other {
                kind: "dummy".into(),
                data: Vec::new(),
            },
            parse::LinkKind::Tun(t) => {
                let id = |s: &Option<String>, file: &str| -> Res<Option<u32>> {
                    match s {
                        None => Ok(None),
                        Some(v) => v.parse::<u32>().map(Some).or_else(|_| {
                            id_from_file(file, v).map(Some).ok_or_else(|| {
                                ExecError::Run(Error::InvalidRequest(format!(
                                    "unknown user or group {v:?}"
                                )))
                            })
                        }),
                    }
                };
                if t.one_queue {
                    return unsupported("tuntap one_queue");
                }
                spec::LinkKind::TunTap {
                    tap: t.tap,
                    owner: id(&t.user, "/etc/passwd")?,
                    group: id(&t.group, "/etc/group")?,
                    no_pi: !t.pi,
                    multi_queue: t.multi_queue,
                    vnet_hdr: t.vnet_hdr,
                }
            }
            parse::LinkKind::Other { kind, args } => {
                if !args.is_empty() {
                    return unsupported(format!("arguments of link kind {kind:?}"));
                }
                spec::LinkKind::Other {
                    kind: kind.clone(),
                    data: Vec::new(),
                }
            }
        })
    }

    #[inline(never)]
    fn link(
        &mut self,
        g: &GlobalOpts,
        c: &parse::LinkCmd,
        out: &mut dyn std::io::Write,
    ) -> Res<()> {
        match c {
            parse::LinkCmd::Show(f) => {
                if let Some(d) = &f.dev {
                    lookup(&mut self.ipr, d)?;
                }
                let rows: Vec<_> = rows::links(&mut self.ipr)?
                    .into_iter()
                    .filter(|r| filter::link_selects(f, r))
                    .collect();
                out.write_all(format::render_links(&rows, g).as_bytes())
                    .map_err(io_err)?;
                Ok(())
            }
            parse::LinkCmd::Add(a) => {
                let parent = match &a.link {
                    Some(l) => Some(self.index(l)?),
                    None => None,
                };
                let kind = self.kind(&a.kind, parent)?;
                let mut s = spec::LinkSpec::new(&a.name, kind);
                self.settings(&a.settings, &mut s)?;
                s.name = Some(a.name.clone());
                Ok(self.writer().link_add(&s)?)
            }
            parse::LinkCmd::Set(set) => {
                if set.kind.is_some() {
                    return unsupported("changing kind options with link set");
                }
                let idx = self.index(&set.dev)?;
                let mut s = spec::LinkSpec::index(idx);
                self.settings(&set.settings, &mut s)?;
                Ok(self.writer().link_set(&s)?)
            }
            parse::LinkCmd::Del { dev } => {
                let idx = self.index(dev)?;
                Ok(self.writer().link_del(&spec::LinkSpec::index(idx))?)
            }
        }
    }

    // --- addresses ---------------------------------------------------------------------

    #[inline(never)]
    fn addr(
        &mut self,
        g: &GlobalOpts,
        c: &parse::AddrCmd,
        out: &mut dyn std::io::Write,
    ) -> Res<()> {
        match c {
            parse::AddrCmd::Show(f) => {
                if let Some(d) = &f.dev {
                    lookup(&mut self.ipr, d)?;
                }
                // ip reads one link by a GET (full attributes) when a device is named,
                // else dumps the links with the -4/-6 family
                let link_family = if f.dev.is_some() { 0 } else { af(g.family) };
                let (rows, shown) = if f.family == Family::Link {
                    // `ip -0 address`: the links alone, no address dump
                    let links = rows::links_of(&mut self.ipr, 0)?;
                    let any = parse::AddrShow {
                        family: Family::Any,
                        ..f.clone()
                    };
                    let rows = links.into_iter().map(|link| format::AddrRow {
                        link,
                        addr_info: Vec::new(),
                    });
                    (filter::addr_filter(&any, rows.collect()), names::AF_PACKET)
                } else {
                    let rows = rows::addrs_of(&mut self.ipr, link_family, af(f.family))?;
                    (filter::addr_filter(f, rows), af(f.family))
                };
                out.write_all(format::render_addrs(&rows, g, shown).as_bytes())
                    .map_err(io_err)?;
                Ok(())
            }
            parse::AddrCmd::Flush(f) => {
                let index = match &f.dev {
                    Some(d) => lookup(&mut self.ipr, d)?,
                    None => 0,
                };
                self.ipr.addr_flush(af(f.family), index, |a| {
                    filter::addr_selects(f, &rows::addr_info(a))
                })?;
                Ok(())
            }
            parse::AddrCmd::Modify { action, spec: a } => {
                if a.anycast.is_some() || a.metric.is_some() {
                    return unsupported("addr anycast/metric");
                }
                let h = a.header(*action);
                let mut s = spec::AddrSpec::new(self.index(&a.dev)?, a.local.addr, h.prefixlen);
                s.peer = a.peer.map(|p| p.addr);
                s.broadcast = match (a.broadcast, a.local.addr) {
                    (Some(parse::Brd::Plus), IpAddr::V4(_)) => Some(Broadcast::Auto),
                    (Some(parse::Brd::Addr(IpAddr::V4(b))), _) => Some(Broadcast::Addr(b)),
                    _ => None,
                };
                s.label = a.label.clone();
                s.scope = a.scope;
                s.flags = a.flags;
                if a.valid_lft.is_some() || a.preferred_lft.is_some() {
                    let valid = a.valid_lft.unwrap_or(u32::MAX);
                    s.lifetimes = Some((valid, a.preferred_lft.unwrap_or(valid)));
                }
                let w = self.writer();
                match action {
                    Action::Add => w.addr_new(Mode::Add, &s)?,
                    Action::Replace => w.addr_new(Mode::Replace, &s)?,
                    Action::Change => w.addr_new(Mode::Change, &s)?,
                    Action::Del => w.addr_del(&s)?,
                    other => return unsupported(format!("addr {other:?}")),
                }
                Ok(())
            }
        }
    }

    // --- routes ------------------------------------------------------------------------

    fn route_spec(&mut self, r: &parse::RouteSpec) -> Res<spec::RouteSpec> {
        if r.from.is_some()
            || r.iif.is_some()
            || r.tos.is_some()
            || r.pref.is_some()
            || r.realms.is_some()
            || r.expires.is_some()
            || r.nhid.is_some()
            || r.congctl.is_some()
            || r.mark.is_some()
            || r.uid.is_some()
        {
            return unsupported("route from/iif/tos/pref/realms/expires/nhid/congctl/mark/uid");
        }
        if r.metrics.iter().any(|m| m.lock) {
            return unsupported("locked route metrics");
        }
        let mut s = spec::RouteSpec::to(match &r.dst {
            Some(parse::Target::Prefix(p)) => Some((p.addr, p.len)),
            _ => None,
        });
        s.family = match r.family {
            Family::Inet6 => AF_INET6,
            Family::Inet => AF_INET,
            _ => 0,
        };
        s.gateway = r.via;
        s.oif = match &r.dev {
            Some(d) => Some(self.index(d)?),
            None => None,
        };
        s.prefsrc = r.src;
        s.metric = r.metric;
        s.table = r.table;
        s.protocol = r.protocol;
        s.scope = r.scope;
        s.rtype = r.kind;
        s.onlink = r.onlink;
        s.metrics = r.metrics.iter().map(|m| (m.rtax, m.value)).collect();
        for nh in &r.nexthops {
            let oif = match &nh.dev {
                Some(d) => self.index(d)?,
                None => 0,
            };
            s.nexthops.push(spec::NextHop {
                gateway: nh.via,
                oif,
                weight: nh.weight.unwrap_or(1),
                onlink: nh.onlink,
            });
        }
        Ok(s)
    }

    #[inline(never)]
    fn route(
        &mut self,
        g: &GlobalOpts,
        c: &parse::RouteCmd,
        out: &mut dyn std::io::Write,
    ) -> Res<()> {
        // iproute2: IPv4 unless -6, but both families with `table all` (filter.tb 0)
        let fam = filter::RouteFilter::new(&c.spec).family;
        match c.action {
            Action::Show => {
                // streamed: each route is rendered from the receive buffer and written
                // before the next is read, so memory does not grow with the table
                let f = filter::RouteFilter::new(&c.spec);
                let hide = f.hide();
                let o = format::Opts::from_global(g);
                let names = LinkNames::load(&mut self.ipr)?;
                let table = c.spec.table.unwrap_or(0);
                let kf = RouteFilter {
                    family: fam,
                    table,
                    ..Default::default()
                };
                let mut w = format::ListingWriter::new(out, g);
                let mut io = Ok(());
                self.ipr.route_dump(&kf, |r| {
                    if io.is_err() {
                        return;
                    }
                    // the filter checks the table too (`main` unless one was given)
                    let row = rows::route_row(&r, &names);
                    if f.selects(&row) {
                        io = if w.is_json() {
                            w.json_item(|b| format::write_route_json(&row, &o, &hide, b))
                        } else {
                            w.text(&format::route_text_hiding(&row, &o, &hide))
                        };
                    }
                })?;
                io.map_err(io_err)?;
                w.finish().map_err(io_err)
            }
            Action::Flush => {
                let f = filter::RouteFilter::new(&c.spec);
                let names = LinkNames::load(&mut self.ipr)?;
                let kf = RouteFilter {
                    family: fam,
                    table: c.spec.table.unwrap_or(0),
                    ..Default::default()
                };
                self.ipr
                    .route_flush(&kf, |r| f.selects(&rows::route_row(r, &names)))?;
                Ok(())
            }
            Action::Get => {
                let Some(parse::Target::Prefix(p)) = &c.spec.dst else {
                    return Err(ExecError::Run(Error::InvalidRequest(
                        "route get needs an address".into(),
                    )));
                };
                let oif = match &c.spec.dev {
                    Some(d) => Some(self.index(d)?),
                    None => None,
                };
                let names = LinkNames::load(&mut self.ipr)?;
                let mut rows = Vec::new();
                self.ipr
                    .route_get(p.addr, oif, |r| rows.push(rows::route_row(&r, &names)))?;
                out.write_all(
                    format::render_routes(&rows, g, &format::RouteHide::default()).as_bytes(),
                )
                .map_err(io_err)?;
                Ok(())
            }
            Action::Del => {
                let s = self.route_spec(&c.spec)?;
                Ok(self.writer().route_del(&s)?)
            }
            a => {
                let mode = match a {
                    Action::Add => Mode::Add,
                    Action::Replace => Mode::Replace,
                    Action::Change => Mode::Change,
                    Action::Append => Mode::Append,
                    _ => Mode::Prepend,
                };
                let s = self.route_spec(&c.spec)?;
                Ok(self.writer().route_new(mode, &s)?)
            }
        }
    }

    // --- neighbours and fdb --------------------------------------------------------------

    #[inline(never)]
    fn neigh(
        &mut self,
        g: &GlobalOpts,
        c: &parse::NeighCmd,
        out: &mut dyn std::io::Write,
    ) -> Res<()> {
        let n = &c.spec;
        match c.action {
            Action::Show => {
                let rows = if n.proxy {
                    rows::proxy_neighs(&mut self.ipr, af(n.family))?
                } else {
                    rows::neighs(&mut self.ipr, af(n.family))?
                };
                let rows: Vec<_> = rows
                    .into_iter()
                    .filter(|r| filter::neigh_selects(n, r))
                    .map(|mut r| {
                        // ip prints no dev when the listing is of one device
                        if n.dev.is_some() {
                            r.dev = None;
                        }
                        r
                    })
                    .collect();
                out.write_all(format::render_neighs(&rows, g).as_bytes())
                    .map_err(io_err)?;
                Ok(())
            }
            Action::Flush => {
                let index = match &n.dev {
                    Some(d) => lookup(&mut self.ipr, d)?,
                    None => 0,
                };
                let names = LinkNames::load(&mut self.ipr)?;
                self.ipr.neigh_flush(af(n.family), index, |m| {
                    filter::neigh_selects(n, &rows::neigh_row(m, &names))
                })?;
                Ok(())
            }
            a => {
                let Some(dev) = &n.dev else {
                    return Err(ExecError::Run(Error::InvalidRequest(
                        "Device and destination are required arguments.".into(),
                    )));
                };
                let mut flags = 0u8;
                if n.router {
                    flags |= 0x80;
                }
                if n.proxy {
                    flags |= 0x08;
                }
                if n.extern_learn {
                    flags |= 0x10;
                }
                if n.use_ {
                    flags |= 0x01;
                }
                let s = spec::NeighSpec {
                    index: self.index(dev)?,
                    family: af(n.family),
                    dst: n.dst.map(|p| p.addr),
                    lladdr: n.lladdr.clone(),
                    state: n.nud,
                    flags,
                    vlan: None,
                    master: None,
                };
                let w = self.writer();
                match a {
                    Action::Add => w.neigh_new(Mode::Add, &s)?,
                    Action::Replace => w.neigh_new(Mode::Replace, &s)?,
                    Action::Change => w.neigh_new(Mode::Change, &s)?,
                    Action::Del => w.neigh_del(&s)?,
                    other => return unsupported(format!("neigh {other:?}")),
                }
                Ok(())
            }
        }
    }

    #[inline(never)]
    fn fdb(&mut self, c: &parse::FdbCmd) -> Res<()> {
        if c.dst.is_some() || c.vni.is_some() || c.port.is_some() || c.br.is_some() {
            return unsupported("fdb dst/vni/port/br");
        }
        let Some(dev) = &c.dev else {
            return Err(ExecError::Run(Error::InvalidRequest(
                "fdb needs \"dev NAME\"".into(),
            )));
        };
        let s = spec::NeighSpec {
            index: self.index(dev)?,
            family: AF_BRIDGE,
            dst: None,
            lladdr: c.lladdr.clone(),
            state: Some(c.state.unwrap_or(0x40)),
            flags: if c.flags == 0 { 0x02 } else { c.flags },
            vlan: c.vlan,
            master: None,
        };
        let w = self.writer();
        match c.action {
            Action::Add => w.neigh_new(Mode::Add, &s)?,
            Action::Replace => w.neigh_new(Mode::Replace, &s)?,
            Action::Append => w.neigh_new(Mode::Append, &s)?,
            Action::Del => w.neigh_del(&s)?,
            other => return unsupported(format!("fdb {other:?}")),
        }
        Ok(())
    }

    // --- rules -------------------------------------------------------------------------

    #[inline(never)]
    fn rule(
        &mut self,
        g: &GlobalOpts,
        c: &parse::RuleCmd,
        out: &mut dyn std::io::Write,
    ) -> Res<()> {
        let r = &c.spec;
        let fam = if r.family == Family::Inet6 {
            AF_INET6
        } else {
            AF_INET
        };
        match c.action {
            Action::Show => {
                // like ip: IPv4 rules unless -6 (-0 lists every family)
                let all = r.family == Family::Link;
                let rows: Vec<_> = rows::rules(&mut self.ipr, if all { 0 } else { fam })?
                    .into_iter()
                    .filter(|row| filter::rule_selects(r, row))
                    .collect();
                out.write_all(format::render_rules(&rows, g).as_bytes())
                    .map_err(io_err)?;
                Ok(())
            }
            Action::Flush => {
                self.ipr.rule_flush(fam, |m| {
                    m.index()
                        .ok()
                        .and_then(|i| i.priority().ok().flatten())
                        .unwrap_or(0)
                        != 0
                })?;
                Ok(())
            }
            a => {
                if r.tos.is_some()
                    || r.suppress_ifgroup.is_some()
                    || r.protocol.is_some()
                    || r.ipproto.is_some()
                    || r.sport.is_some()
                    || r.dport.is_some()
                {
                    return unsupported("rule tos/suppress_ifgroup/protocol/ipproto/sport/dport");
                }
                let h = r.header(a);
                let prefix = |t: &Option<parse::Target>| match t {
                    Some(parse::Target::Prefix(p)) => Some((p.addr, p.len)),
                    _ => None,
                };
                let s = spec::RuleSpec {
                    family: fam,
                    priority: r.priority,
                    table: (h.table != 0).then_some(h.table),
                    fwmark: r.fwmark.map(|m| m.0),
                    fwmask: r.fwmark.and_then(|m| m.1),
                    iif: r.iif.clone(),
                    oif: r.oif.clone(),
                    src: prefix(&r.from),
                    dst: prefix(&r.to),
                    goto: match r.action {
                        Some(parse::RuleAction::Goto(n)) => Some(n),
                        _ => None,
                    },
                    suppress_prefixlen: r.suppress_prefixlength,
                    uid_range: r.uidrange,
                    l3mdev: r.l3mdev,
                    action: (h.action != 0).then_some(h.action),
                    invert: r.not,
                };
                let w = self.writer();
                match a {
                    Action::Add => w.rule_add(&s)?,
                    Action::Del => w.rule_del(&s)?,
                    other => return unsupported(format!("rule {other:?}")),
                }
                Ok(())
            }
        }
    }

    // --- traffic control -----------------------------------------------------------------

    #[inline(never)]
    fn tc(&mut self, g: &GlobalOpts, c: &parse::TcCmd, out: &mut dyn std::io::Write) -> Res<()> {
        let ifindex = match &c.dev {
            Some(d) => self.index(d)?,
            None => 0,
        };
        match (c.object, c.action) {
            (parse::TcObject::Qdisc, Action::Show) => {
                out.write_all(
                    format::render_qdiscs(&rows::qdiscs(&mut self.ipr, ifindex)?, g).as_bytes(),
                )
                .map_err(io_err)?;
                Ok(())
            }
            (parse::TcObject::Class, Action::Show) => {
                out.write_all(
                    format::render_classes(&rows::classes(&mut self.ipr, ifindex)?, g).as_bytes(),
                )
                .map_err(io_err)?;
                Ok(())
            }
            (parse::TcObject::Filter, Action::Show) => {
                let rows = rows::filters(&mut self.ipr, ifindex, c.parent.unwrap_or(0))?;
                out.write_all(format::render_filters(&rows, g).as_bytes())
                    .map_err(io_err)?;
                Ok(())
            }
            (obj, action) => {
                let names = LinkNames::load(&mut self.ipr)?;
                let spec = crate::iproute::tc::tc_spec_from_cmd(c, &names)?;
                let mode = match action {
                    Action::Add => Some(Mode::Add),
                    Action::Replace => Some(Mode::Replace),
                    Action::Change => Some(Mode::Change),
                    Action::Del => None,
                    other => return unsupported(format!("tc {other:?}")),
                };
                let w = self.writer();
                match (obj, mode) {
                    (parse::TcObject::Qdisc, Some(m)) => w.qdisc_new(m, &spec)?,
                    (parse::TcObject::Qdisc, None) => w.qdisc_del(&spec)?,
                    (parse::TcObject::Class, Some(m)) => w.class_new(m, &spec)?,
                    (parse::TcObject::Class, None) => w.class_del(&spec)?,
                    (parse::TcObject::Filter, Some(m)) => w.filter_new(m, &spec)?,
                    (parse::TcObject::Filter, None) => w.filter_del(&spec)?,
                }
                Ok(())
            }
        }
    }
}

fn io_err(e: std::io::Error) -> ExecError {
    ExecError::Run(Error::Io(
        rustix::io::Errno::from_io_error(&e).unwrap_or(rustix::io::Errno::IO),
    ))
}

fn is_show(cmd: &Command) -> bool {
    match cmd {
        Command::Link(parse::LinkCmd::Show(_)) | Command::Addr(parse::AddrCmd::Show(_)) => true,
        Command::Route(c) => matches!(c.action, Action::Show | Action::Get | Action::Flush),
        Command::Neigh(c) => matches!(c.action, Action::Show | Action::Flush),
        Command::Rule(c) => matches!(c.action, Action::Show | Action::Flush),
        Command::Addr(parse::AddrCmd::Flush(_)) => true,
        Command::Tc(c) => c.action == Action::Show,
        _ => false,
    }
}

fn id_from_file(path: &str, name: &str) -> Option<u32> {
    let text = std::fs::read_to_string(path).ok()?;
    text.lines().find_map(|l| {
        let mut f = l.split(':');
        (f.next()? == name)
            .then(|| f.nth(1)?.parse().ok())
            .flatten()
    })
}

/// The RTNLGRP_* groups `ip monitor OBJECTS` listens to.
pub fn monitor_groups(objects: &[parse::MonitorObject]) -> Vec<u32> {
    use parse::MonitorObject as M;
    let all = objects.is_empty() || objects.contains(&M::All);
    let mut g = Vec::new();
    let want = |o: M| all || objects.contains(&o);
    if want(M::Link) {
        g.push(RTNLGRP_LINK);
    }
    if want(M::Address) {
        g.extend([RTNLGRP_IPV4_IFADDR, RTNLGRP_IPV6_IFADDR]);
    }
    if want(M::Route) {
        g.extend([RTNLGRP_IPV4_ROUTE, RTNLGRP_IPV6_ROUTE]);
    }
    if want(M::Neigh) {
        g.push(RTNLGRP_NEIGH);
    }
    if want(M::Rule) {
        g.extend([RTNLGRP_IPV4_RULE, RTNLGRP_IPV6_RULE]);
    }
    if want(M::Nsid) {
        g.push(RTNLGRP_NSID);
    }
    g
}

/// `monitor`: prints each event as `ip monitor` does (text) or as a JSON object per line
/// (`-j`), until `keep_going` says stop or the socket fails. Link names are refreshed on
/// link events.
pub fn monitor(
    g: &GlobalOpts,
    objects: &[parse::MonitorObject],
    mut emit: impl FnMut(&str) -> bool,
) -> Res<()> {
    use crate::iproute::Event;
    let mut ev = Events::subscribe(&monitor_groups(objects))?;
    let mut ipr = IPRoute::new()?;
    let mut names = LinkNames::load(&mut ipr)?;
    let mut go = true;
    while go {
        let mut lines: Vec<String> = Vec::new();
        let mut reload = false;
        ev.next_batch(|e| {
            let (json, text) = match e {
                Event::NewLink(l) | Event::DelLink(l) => {
                    reload = true;
                    let del = matches!(e, Event::DelLink(_));
                    let r = rows::link_row(&l, &names);
                    let j = format::link_json(&r, &format::Opts::default());
                    (
                        if del { format::deleted_json(j) } else { j },
                        format::link_event_text(&r, del),
                    )
                }
                Event::NewAddr(a) | Event::DelAddr(a) => {
                    let del = matches!(e, Event::DelAddr(_));
                    let i = rows::addr_info(&a);
                    let idx = a.header().ifa_index();
                    let name = names.name(idx).unwrap_or("").to_owned();
                    let row = format::AddrRow {
                        link: format::LinkRow {
                            ifindex: idx as i32,
                            ifname: name.clone(),
                            ..Default::default()
                        },
                        addr_info: vec![i.clone()],
                    };
                    let j = format::addr_json(&row, &format::Opts::default());
                    (
                        if del { format::deleted_json(j) } else { j },
                        format::addr_event_text(idx as i32, &name, &i, del),
                    )
                }
                Event::NewRoute(r) | Event::DelRoute(r) => {
                    let del = matches!(e, Event::DelRoute(_));
                    let row = rows::route_row(&r, &names);
                    let j = format::route_json(&row, &format::Opts::default());
                    (
                        if del { format::deleted_json(j) } else { j },
                        format::route_event_text(&row, del),
                    )
                }
                Event::NewNeigh(n) | Event::DelNeigh(n) => {
                    let del = matches!(e, Event::DelNeigh(_));
                    let row = rows::neigh_row(&n, &names);
                    let j = format::neigh_json(&row);
                    (
                        if del { format::deleted_json(j) } else { j },
                        format::neigh_event_text(&row, del),
                    )
                }
                Event::NewRule(r) | Event::DelRule(r) => {
                    let del = matches!(e, Event::DelRule(_));
                    let row = rows::rule_row(&r);
                    let j = format::rule_json(&row, &format::Opts::default());
                    (
                        if del { format::deleted_json(j) } else { j },
                        format::rule_event_text(&row, del),
                    )
                }
                _ => return,
            };
            lines.push(if g.json {
                json.to_string()
            } else {
                text.trim_end().to_owned()
            });
        })?;
        for l in &lines {
            if !emit(l) {
                go = false;
                break;
            }
        }
        if reload {
            names = LinkNames::load(&mut ipr)?;
        }
    }
    Ok(())
}
