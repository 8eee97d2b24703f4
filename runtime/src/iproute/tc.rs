//! Traffic control through IPRoute: qdisc, class and filter requests and dumps.
//!
//! [`TcSpec`] says what to create or delete (the object's link, handle, parent and typed
//! options); [`tc_request`] builds the RTM_NEW*/RTM_DEL* request with the codec's
//! [`build`] helpers, rate tables computed as `tc` does;
//! the `qdisc_*`, `class_*` and `filter_*` calls of [`RtnlRequests`](super::RtnlRequests)
//! send it. [`tc_spec_from_cmd`] maps a parsed `tc` command line to a spec.

use ferroute_codec::nl::{NlaWriter, NlmF};
use ferroute_codec::rtnl::consts::*;
use ferroute_codec::rtnl::tc::TcMessage;
use ferroute_codec::rtnl::tc::action::{
    TCA_GACT_PARMS, TCA_MIRRED_PARMS, TCA_POLICE_RATE, TCA_POLICE_TBF,
};
use ferroute_codec::rtnl::tc::build::{self, tcmsg};
use ferroute_codec::rtnl::tc::filter::*;
use ferroute_codec::rtnl::tc::qdisc::*;
use ferroute_codec::rtnl::tc::structs::*;

use super::IPRoute;
use super::req::invalid;
use crate::cli::parse::{HtbClassOpts, NetemOpts, TbfOpts, U32Key};
use crate::error::Result;
use crate::request::DumpSummary;

fn tc_dump_req(buf: &mut Vec<u8>, ty: u16, ifindex: u32, parent: u32) -> Result<()> {
    let b = build::tc_message(&mut *buf, ty, 0, 0, &tcmsg(ifindex as i32, 0, parent, 0))?;
    b.finish()?;
    Ok(())
}

impl IPRoute {
    fn tc_dump(
        &mut self,
        ty: u16,
        ifindex: u32,
        parent: u32,
        mut f: impl FnMut(TcMessage<'_>),
    ) -> Result<DumpSummary> {
        let mut err = None;
        let s = self.dump_with(
            |b| tc_dump_req(b, ty, ifindex, parent),
            |m| match TcMessage::parse(m) {
                Ok(t) => {
                    if ifindex == 0 || t.ifindex() as u32 == ifindex {
                        f(t)
                    }
                }
                Err(e) => err = err.or(Some(e)),
            },
        )?;
        err.map_or(Ok(s), |e| Err(e.into()))
    }
    /// Streams the qdiscs of link `ifindex` (0 = all links) to `f` (RTM_GETQDISC dump).
    pub fn qdisc_dump(
        &mut self,
        ifindex: u32,
        f: impl FnMut(TcMessage<'_>),
    ) -> Result<DumpSummary> {
        self.tc_dump(RTM_GETQDISC, ifindex, 0, f)
    }
    /// Streams the classes of link `ifindex` (0 = all links) to `f` (RTM_GETTCLASS dump).
    pub fn class_dump(
        &mut self,
        ifindex: u32,
        f: impl FnMut(TcMessage<'_>),
    ) -> Result<DumpSummary> {
        self.tc_dump(RTM_GETTCLASS, ifindex, 0, f)
    }
    /// Streams the filters of link `ifindex` under `parent` (0 = all) to `f`
    /// (RTM_GETTFILTER dump; the kernel needs a link for filter dumps).
    pub fn filter_dump(
        &mut self,
        ifindex: u32,
        parent: u32,
        f: impl FnMut(TcMessage<'_>),
    ) -> Result<DumpSummary> {
        self.tc_dump(RTM_GETTFILTER, ifindex, parent, f)
    }
}

// ---------------------------------------------------------------------------------------
// Write side

/// One tc action of a filter, with its device resolved to an ifindex.
#[derive(Clone, Debug, PartialEq)]
pub enum ActSpec {
    /// gact with a TC_ACT_* verdict.
    Gact(i32),
    /// mirred: `eaction` TCA_EGRESS_REDIR (1), TCA_EGRESS_MIRROR (2), TCA_INGRESS_REDIR (3)
    /// or TCA_INGRESS_MIRROR (4) to `ifindex`; `verdict` as tc picks it (redirect:
    /// TC_ACT_STOLEN, mirror: TC_ACT_PIPE).
    Mirred {
        /// TCA_*_REDIR / TCA_*_MIRROR.
        eaction: i32,
        /// Target device.
        ifindex: u32,
        /// TC_ACT_* after the action.
        verdict: i32,
    },
    /// police: `rate` bytes/s, `burst` bytes, optional `mtu`, verdict when exceeded.
    Police {
        /// Rate (bytes/s).
        rate: u64,
        /// Burst (bytes).
        burst: u32,
        /// Largest packet (0 = none).
        mtu: u32,
        /// TC_ACT_* verdict when over the rate.
        exceed: i32,
    },
}

/// The kind of a qdisc, class or filter and its options.
#[derive(Clone, Debug, PartialEq)]
pub enum TcOpts {
    /// tbf qdisc.
    Tbf(TbfOpts),
    /// htb qdisc: default class minor, rate-to-quantum (10 when None), direct queue length.
    Htb {
        /// `default`.
        default: u32,
        /// `r2q` (10 when None).
        r2q: Option<u32>,
        /// `direct_qlen`.
        direct_qlen: Option<u32>,
    },
    /// htb class.
    HtbClass(HtbClassOpts),
    /// pfifo (limit in packets; kernel default when None).
    Pfifo(Option<u32>),
    /// bfifo (limit in bytes; kernel default when None).
    Bfifo(Option<u32>),
    /// prio: bands (3) and priomap (tc's default map).
    Prio {
        /// Bands (3 when None).
        bands: Option<u32>,
        /// 16-entry priority map (tc's default when None).
        priomap: Option<Vec<u8>>,
    },
    /// netem.
    Netem(NetemOpts),
    /// fq_codel: limit, flows, target (us), interval (us), quantum, ecn.
    FqCodel {
        /// TCA_FQ_CODEL_LIMIT.
        limit: Option<u32>,
        /// TCA_FQ_CODEL_FLOWS.
        flows: Option<u32>,
        /// TCA_FQ_CODEL_TARGET (us).
        target: Option<u32>,
        /// TCA_FQ_CODEL_INTERVAL (us).
        interval: Option<u32>,
        /// TCA_FQ_CODEL_QUANTUM.
        quantum: Option<u32>,
        /// TCA_FQ_CODEL_ECN.
        ecn: Option<bool>,
    },
    /// sfq: perturb (s), quantum (bytes), limit (packets).
    Sfq {
        /// Perturbation period.
        perturb: Option<u32>,
        /// Quantum.
        quantum: Option<u32>,
        /// Limit.
        limit: Option<u32>,
    },
    /// ingress qdisc.
    Ingress,
    /// clsact qdisc.
    Clsact,
    /// u32 filter: keys, class id, actions.
    U32 {
        /// The match keys.
        keys: Vec<U32Key>,
        /// `flowid`.
        classid: Option<u32>,
        /// Actions.
        actions: Vec<ActSpec>,
    },
    /// bpf filter on a loaded program fd.
    Bpf {
        /// Program fd.
        fd: i32,
        /// TCA_BPF_NAME.
        name: Option<String>,
        /// `da`.
        direct_action: bool,
        /// `classid`.
        classid: Option<u32>,
        /// Actions.
        actions: Vec<ActSpec>,
    },
    /// matchall filter.
    Matchall {
        /// `classid`.
        classid: Option<u32>,
        /// Actions.
        actions: Vec<ActSpec>,
    },
    /// Only a kind, without options (deletes, or kinds that need none).
    Kind(String),
    /// Nothing: deletes by handle/parent only.
    None,
}

impl TcOpts {
    /// TCA_KIND of these options.
    pub fn kind(&self) -> Option<&str> {
        Some(match self {
            TcOpts::Tbf(_) => "tbf",
            TcOpts::Htb { .. } | TcOpts::HtbClass(_) => "htb",
            TcOpts::Pfifo(_) => "pfifo",
            TcOpts::Bfifo(_) => "bfifo",
            TcOpts::Prio { .. } => "prio",
            TcOpts::Netem(_) => "netem",
            TcOpts::FqCodel { .. } => "fq_codel",
            TcOpts::Sfq { .. } => "sfq",
            TcOpts::Ingress => "ingress",
            TcOpts::Clsact => "clsact",
            TcOpts::U32 { .. } => "u32",
            TcOpts::Bpf { .. } => "bpf",
            TcOpts::Matchall { .. } => "matchall",
            TcOpts::Kind(k) => k,
            TcOpts::None => return None,
        })
    }
}

/// A qdisc, class or filter to create, change or delete.
#[derive(Clone, Debug, PartialEq)]
pub struct TcSpec {
    /// The link.
    pub ifindex: u32,
    /// tcm_handle: the qdisc handle, the class id, or the filter handle (0 = kernel's).
    pub handle: u32,
    /// tcm_parent (TC_H_ROOT 0xffffffff, TC_H_INGRESS 0xfffffff1, or a class).
    pub parent: u32,
    /// Filter protocol (ETH_P_*, host order; ETH_P_ALL 3 is tc's default).
    pub protocol: u16,
    /// Filter priority (0 = kernel's).
    pub prio: u16,
    /// TCA_CHAIN.
    pub chain: Option<u32>,
    /// Kind and options.
    pub options: TcOpts,
}

impl TcSpec {
    /// A spec on link `ifindex` with `options`, handle 0 and parent root.
    pub fn new(ifindex: u32, options: TcOpts) -> Self {
        TcSpec {
            ifindex,
            handle: 0,
            parent: TC_H_ROOT,
            protocol: ETH_P_ALL,
            prio: 0,
            chain: None,
            options,
        }
    }
}

/// TC_H_ROOT.
pub const TC_H_ROOT: u32 = ferroute_codec::rtnl::tc::handle::TC_H_ROOT;
/// TC_H_INGRESS (= TC_H_CLSACT).
pub const TC_H_INGRESS: u32 = ferroute_codec::rtnl::tc::handle::TC_H_INGRESS;
/// ETH_P_ALL.
pub const ETH_P_ALL: u16 = 0x0003;
/// ETH_P_IP.
pub const ETH_P_IP: u16 = 0x0800;

const TC_LINKLAYER_ETHERNET: u8 = 1;
const TC_U32_TERMINAL: u8 = 1;
/// tc's `get_hz()` on this kernel's /proc/net/psched (1 GHz clock resolution).
const PSCHED_HZ: u64 = 1_000_000_000;
/// tc's default prio/pfifo_fast priority map.
const PRIO_MAP: [u8; 16] = [1, 2, 2, 2, 1, 2, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1];

fn rate32(r: u64) -> u32 {
    u32::try_from(r).unwrap_or(u32::MAX)
}

/// A rate spec and its 256-slot table, as tc's `tc_calc_rtable` fills them.
fn ratespec(rate: u64, mtu: u32) -> (TcRatespec, [u32; 256]) {
    let mut r = TcRatespec {
        rate: rate32(rate).into(),
        ..Default::default()
    };
    let tab = build::tc_calc_rtable(&mut r, None, mtu, TC_LINKLAYER_ETHERNET);
    (r, tab)
}

fn table_bytes(t: &[u32; 256]) -> Vec<u8> {
    t.iter().flat_map(|v| v.to_ne_bytes()).collect()
}

fn put_actions<W: NlaWriter + ?Sized>(w: &mut W, ty: u16, acts: &[ActSpec]) -> Result<()> {
    if acts.is_empty() {
        return Ok(());
    }
    // iproute2 opens the list without NLA_F_NESTED (addattr_nest)
    let list = w.nest_start_raw(ty)?;
    for (i, a) in acts.iter().enumerate() {
        let order = u16::try_from(i + 1).map_err(|_| invalid("too many actions"))?;
        match a {
            ActSpec::Gact(v) => {
                let n = build::action_start(w, order, "gact")?;
                let o = build::act_options_start(w)?;
                w.put_struct(
                    TCA_GACT_PARMS,
                    &TcGact {
                        action: (*v).into(),
                        ..Default::default()
                    },
                )?;
                w.nest_end(o)?;
                w.nest_end(n)?;
            }
            ActSpec::Mirred {
                eaction,
                ifindex,
                verdict,
            } => {
                let n = build::action_start(w, order, "mirred")?;
                let o = build::act_options_start(w)?;
                w.put_struct(
                    TCA_MIRRED_PARMS,
                    &TcMirred {
                        eaction: (*eaction).into(),
                        ifindex: (*ifindex).into(),
                        action: (*verdict).into(),
                        ..Default::default()
                    },
                )?;
                w.nest_end(o)?;
                w.nest_end(n)?;
            }
            ActSpec::Police {
                rate,
                burst,
                mtu,
                exceed,
            } => {
                let (rs, tab) = ratespec(*rate, *mtu);
                let p = TcPolice {
                    action: (*exceed).into(),
                    burst: build::tc_calc_xmittime(*rate, *burst).into(),
                    mtu: (*mtu).into(),
                    rate: rs,
                    ..Default::default()
                };
                let n = build::action_start(w, order, "police")?;
                let o = build::act_options_start(w)?;
                w.put_struct(TCA_POLICE_TBF, &p)?;
                w.put_bytes(TCA_POLICE_RATE, &table_bytes(&tab))?;
                w.nest_end(o)?;
                w.nest_end(n)?;
            }
        }
    }
    w.nest_end(list)?;
    Ok(())
}

fn put_options<W: NlaWriter + ?Sized>(w: &mut W, o: &TcOpts) -> Result<()> {
    match o {
        TcOpts::Tbf(t) => {
            if t.rate == 0 || t.burst == 0 {
                return Err(invalid("tbf needs rate and burst"));
            }
            let mtu = t.mtu.unwrap_or(0);
            let (rate, rtab) = ratespec(t.rate, mtu);
            let limit = match (t.limit, t.latency) {
                (Some(l), _) => l,
                (None, Some(lat)) => {
                    let mut lim = t.rate as f64 * f64::from(lat) / 1e6 + f64::from(t.burst);
                    if let Some(p) = t.peakrate {
                        lim = lim.min(p as f64 * f64::from(lat) / 1e6 + f64::from(mtu));
                    }
                    lim as u32
                }
                (None, None) => return Err(invalid("tbf needs limit or latency")),
            };
            let mut q = TcTbfQopt {
                rate,
                limit: limit.into(),
                buffer: build::tc_calc_xmittime(t.rate, t.burst).into(),
                ..Default::default()
            };
            let mut ptab = None;
            if let Some(p) = t.peakrate {
                let (pr, tab) = ratespec(p, mtu);
                q.peakrate = pr;
                q.mtu = build::tc_calc_xmittime(p, mtu).into();
                ptab = Some(tab);
            }
            let n = build::options_start(w, false)?;
            w.put_struct(TCA_TBF_PARMS, &q)?;
            w.put_u32(TCA_TBF_BURST, t.burst)?;
            if t.rate >= 1 << 32 {
                w.put_u64(TCA_TBF_RATE64, t.rate)?;
            }
            if let Some(p) = t.peakrate {
                if p >= 1 << 32 {
                    w.put_u64(TCA_TBF_PRATE64, p)?;
                }
                w.put_u32(TCA_TBF_PBURST, mtu)?;
            }
            w.put_bytes(TCA_TBF_RTAB, &table_bytes(&rtab))?;
            if let Some(tab) = ptab {
                w.put_bytes(TCA_TBF_PTAB, &table_bytes(&tab))?;
            }
            w.nest_end(n)?;
        }
        TcOpts::Htb {
            default,
            r2q,
            direct_qlen,
        } => {
            let n = build::options_start(w, false)?;
            w.put_struct(
                TCA_HTB_INIT,
                &TcHtbGlob {
                    version: 3.into(),
                    rate2quantum: r2q.unwrap_or(10).into(),
                    defcls: (*default).into(),
                    ..Default::default()
                },
            )?;
            if let Some(q) = direct_qlen {
                w.put_u32(TCA_HTB_DIRECT_QLEN, *q)?;
            }
            w.nest_end(n)?;
        }
        TcOpts::HtbClass(c) => {
            if c.rate == 0 {
                return Err(invalid("htb class needs a rate"));
            }
            let mtu = 1600u32;
            let ceil = c.ceil.unwrap_or(c.rate);
            let burst = c.burst.unwrap_or_else(|| (c.rate / PSCHED_HZ) as u32 + mtu);
            let cburst = c.cburst.unwrap_or_else(|| (ceil / PSCHED_HZ) as u32 + mtu);
            let (rate, rtab) = ratespec(c.rate, mtu);
            let (ceil_rs, ctab) = ratespec(ceil, mtu);
            let q = TcHtbOpt {
                rate,
                ceil: ceil_rs,
                buffer: build::tc_calc_xmittime(c.rate, burst).into(),
                cbuffer: build::tc_calc_xmittime(ceil, cburst).into(),
                quantum: c.quantum.unwrap_or(0).into(),
                prio: c.prio.unwrap_or(0).into(),
                ..Default::default()
            };
            let n = build::options_start(w, false)?;
            w.put_struct(TCA_HTB_PARMS, &q)?;
            if c.rate >= 1 << 32 {
                w.put_u64(TCA_HTB_RATE64, c.rate)?;
            }
            if ceil >= 1 << 32 {
                w.put_u64(TCA_HTB_CEIL64, ceil)?;
            }
            w.put_bytes(TCA_HTB_RTAB, &table_bytes(&rtab))?;
            w.put_bytes(TCA_HTB_CTAB, &table_bytes(&ctab))?;
            w.nest_end(n)?;
        }
        TcOpts::Pfifo(l) | TcOpts::Bfifo(l) => {
            if let Some(l) = l {
                w.put_struct(
                    ferroute_codec::rtnl::tc::TCA_OPTIONS,
                    &TcFifoQopt { limit: (*l).into() },
                )?;
            }
        }
        TcOpts::Prio { bands, priomap } => {
            let mut map = PRIO_MAP;
            if let Some(m) = priomap {
                for (d, s) in map.iter_mut().zip(m) {
                    *d = *s;
                }
            }
            w.put_struct(
                ferroute_codec::rtnl::tc::TCA_OPTIONS,
                &TcPrioQopt {
                    bands: (bands.unwrap_or(3) as i32).into(),
                    priomap: map,
                },
            )?;
        }
        TcOpts::Netem(o) => {
            let ticks = |us: u32| (f64::from(us) * build::PSCHED_TICKS_PER_USEC) as u32;
            let pct = |p: f64| (p / 100.0 * f64::from(u32::MAX)) as u32;
            let (lat, jit, dcorr) = o.delay.unwrap_or((0, None, None));
            let q = TcNetemQopt {
                latency: ticks(lat).into(),
                jitter: ticks(jit.unwrap_or(0)).into(),
                limit: o.limit.unwrap_or(1000).into(),
                loss: pct(o.loss.map_or(0.0, |l| l.0)).into(),
                duplicate: pct(o.duplicate.unwrap_or(0.0)).into(),
                ..Default::default()
            };
            let n = build::options_start(w, false)?;
            w.append_struct(&q)?;
            let lcorr = o.loss.and_then(|l| l.1);
            if dcorr.is_some() || lcorr.is_some() {
                w.put_struct(
                    TCA_NETEM_CORR,
                    &TcNetemCorr {
                        delay_corr: pct(dcorr.unwrap_or(0.0)).into(),
                        loss_corr: pct(lcorr.unwrap_or(0.0)).into(),
                        ..Default::default()
                    },
                )?;
            }
            if let Some((p, c)) = o.reorder {
                w.put_struct(
                    TCA_NETEM_REORDER,
                    &TcNetemReorder {
                        probability: pct(p).into(),
                        correlation: pct(c.unwrap_or(0.0)).into(),
                    },
                )?;
            }
            if let Some(c) = o.corrupt {
                w.put_struct(
                    TCA_NETEM_CORRUPT,
                    &TcNetemCorrupt {
                        probability: pct(c).into(),
                        ..Default::default()
                    },
                )?;
            }
            if let Some(r) = o.rate {
                w.put_struct(
                    TCA_NETEM_RATE,
                    &TcNetemRate {
                        rate: rate32(r).into(),
                        ..Default::default()
                    },
                )?;
                if r >= 1 << 32 {
                    w.put_u64(TCA_NETEM_RATE64, r)?;
                }
            }
            w.nest_end(n)?;
        }
        TcOpts::FqCodel {
            limit,
            flows,
            target,
            interval,
            quantum,
            ecn,
        } => {
            let n = build::options_start(w, false)?;
            for (ty, v) in [
                (TCA_FQ_CODEL_LIMIT, *limit),
                (TCA_FQ_CODEL_FLOWS, *flows),
                (TCA_FQ_CODEL_TARGET, *target),
                (TCA_FQ_CODEL_INTERVAL, *interval),
                (TCA_FQ_CODEL_QUANTUM, *quantum),
                (TCA_FQ_CODEL_ECN, ecn.map(u32::from)),
            ] {
                if let Some(v) = v {
                    w.put_u32(ty, v)?;
                }
            }
            w.nest_end(n)?;
        }
        TcOpts::Sfq {
            perturb,
            quantum,
            limit,
        } => {
            w.put_struct(
                ferroute_codec::rtnl::tc::TCA_OPTIONS,
                &TcSfqQopt {
                    quantum: quantum.unwrap_or(0).into(),
                    perturb_period: (perturb.unwrap_or(0) as i32).into(),
                    limit: limit.unwrap_or(0).into(),
                    ..Default::default()
                },
            )?;
        }
        TcOpts::Ingress | TcOpts::Clsact | TcOpts::Kind(_) | TcOpts::None => {}
        TcOpts::U32 {
            keys,
            classid,
            actions,
        } => {
            let n = build::options_start(w, false)?;
            let mut hdr = TcU32SelHdr::default();
            if let Some(c) = classid {
                w.put_u32(TCA_U32_CLASSID, *c)?;
                hdr.flags = TC_U32_TERMINAL;
            }
            let k: Vec<TcU32Key> = keys
                .iter()
                .map(|k| TcU32Key {
                    val: k.val.into(),
                    mask: k.mask.into(),
                    off: k.off.into(),
                    offmask: 0.into(),
                })
                .collect();
            U32Sel::put(w, TCA_U32_SEL, hdr, &k)?;
            put_actions(w, TCA_U32_ACT, actions)?;
            w.nest_end(n)?;
        }
        TcOpts::Bpf {
            fd,
            name,
            direct_action,
            classid,
            actions,
        } => {
            let n = build::options_start(w, false)?;
            w.put_u32(TCA_BPF_FD, *fd as u32)?;
            if let Some(s) = name {
                w.put_str(TCA_BPF_NAME, s)?;
            }
            if *direct_action {
                w.put_u32(TCA_BPF_FLAGS, TCA_BPF_FLAG_ACT_DIRECT)?;
            }
            if let Some(c) = classid {
                w.put_u32(TCA_BPF_CLASSID, *c)?;
            }
            put_actions(w, TCA_BPF_ACT, actions)?;
            w.nest_end(n)?;
        }
        TcOpts::Matchall { classid, actions } => {
            let n = build::options_start(w, false)?;
            if let Some(c) = classid {
                w.put_u32(TCA_MATCHALL_CLASSID, *c)?;
            }
            put_actions(w, TCA_MATCHALL_ACT, actions)?;
            w.nest_end(n)?;
        }
    }
    Ok(())
}

/// Which tc object a request is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TcObject {
    /// RTM_*QDISC.
    Qdisc,
    /// RTM_*TCLASS.
    Class,
    /// RTM_*TFILTER.
    Filter,
}

/// Builds an RTM_NEW{QDISC,TCLASS,TFILTER} request with the NLM_F_* bits of `new`
/// (None: none of them) or, with `delete`, the RTM_DEL* one (which carries the kind but
/// no options).
pub fn tc_request(
    buf: &mut Vec<u8>,
    seq: u32,
    obj: TcObject,
    new: Option<super::Mode>,
    delete: bool,
    s: &TcSpec,
) -> Result<()> {
    if s.ifindex == 0 {
        return Err(invalid("tc needs a device"));
    }
    let ty = match (obj, delete) {
        (TcObject::Qdisc, false) => RTM_NEWQDISC,
        (TcObject::Qdisc, true) => RTM_DELQDISC,
        (TcObject::Class, false) => RTM_NEWTCLASS,
        (TcObject::Class, true) => RTM_DELTCLASS,
        (TcObject::Filter, false) => RTM_NEWTFILTER,
        (TcObject::Filter, true) => RTM_DELTFILTER,
    };
    let info = match obj {
        TcObject::Filter => ferroute_codec::rtnl::tc::filter_info(s.prio, s.protocol),
        _ => 0,
    };
    let flags = NlmF::REQUEST.bits() | NlmF::ACK.bits() | new.map_or(0, |m| m.flags());
    let hdr = tcmsg(s.ifindex as i32, s.handle, s.parent, info);
    let mut b = build::tc_message(&mut *buf, ty, flags, seq, &hdr)?;
    if let Some(k) = s.options.kind() {
        build::put_kind(&mut b, k)?;
    }
    if let Some(c) = s.chain {
        b.put_u32(ferroute_codec::rtnl::tc::TCA_CHAIN, c)?;
    }
    if !delete {
        put_options(&mut b, &s.options)?;
    }
    b.finish()?;
    Ok(())
}

/// A spec from a parsed `tc qdisc|class|filter add|del ...` command: links resolved
/// with `names`, tc's defaults applied (ingress/clsact handle `ffff:`, filter protocol
/// `all`, mirred verdicts).
pub fn tc_spec_from_cmd(
    cmd: &crate::cli::parse::TcCmd,
    names: &crate::cli::rows::LinkNames,
) -> Result<TcSpec> {
    use crate::cli::parse::{TcAction, TcKind};
    let dev = |n: &str| {
        names
            .index(n)
            .ok_or_else(|| invalid(format!("Cannot find device \"{n}\"")))
    };
    let ifindex = match &cmd.dev {
        Some(d) => dev(d)?,
        None => return Err(invalid("tc needs a device (dev NAME)")),
    };
    let acts = |a: &[TcAction]| -> Result<Vec<ActSpec>> {
        a.iter()
            .map(|a| {
                Ok(match a {
                    TcAction::Gact(v) => ActSpec::Gact(v.value()),
                    TcAction::Mirred {
                        egress,
                        redirect,
                        dev: d,
                    } => ActSpec::Mirred {
                        eaction: match (egress, redirect) {
                            (true, true) => 1,
                            (true, false) => 2,
                            (false, true) => 3,
                            (false, false) => 4,
                        },
                        ifindex: dev(d)?,
                        verdict: if *redirect { 4 } else { 3 },
                    },
                    TcAction::Police {
                        rate,
                        burst,
                        mtu,
                        exceed,
                    } => ActSpec::Police {
                        rate: *rate,
                        burst: *burst,
                        mtu: mtu.unwrap_or(0),
                        exceed: exceed.map_or(1, |v| v.value()),
                    },
                    TcAction::Other { kind, .. } => {
                        return Err(invalid(format!("action {kind} is not supported")));
                    }
                })
            })
            .collect()
    };
    let options = match &cmd.kind {
        None => TcOpts::None,
        Some(k) => match k {
            TcKind::Tbf(t) => TcOpts::Tbf(t.clone()),
            TcKind::Htb { default, r2q } => TcOpts::Htb {
                default: default.unwrap_or(0),
                r2q: *r2q,
                direct_qlen: None,
            },
            TcKind::HtbClass(c) => TcOpts::HtbClass(c.clone()),
            TcKind::Pfifo { limit } => TcOpts::Pfifo(*limit),
            TcKind::Bfifo { limit } => TcOpts::Bfifo(*limit),
            TcKind::Prio { bands, priomap } => TcOpts::Prio {
                bands: *bands,
                priomap: priomap.clone(),
            },
            TcKind::Netem(n) => TcOpts::Netem(n.clone()),
            TcKind::FqCodel {
                limit,
                flows,
                target,
                interval,
                quantum,
                ecn,
            } => TcOpts::FqCodel {
                limit: *limit,
                flows: *flows,
                target: *target,
                interval: *interval,
                quantum: *quantum,
                ecn: *ecn,
            },
            TcKind::Sfq {
                perturb,
                quantum,
                limit,
            } => TcOpts::Sfq {
                perturb: *perturb,
                quantum: *quantum,
                limit: *limit,
            },
            TcKind::Ingress => TcOpts::Ingress,
            TcKind::Clsact => TcOpts::Clsact,
            TcKind::U32(u) => TcOpts::U32 {
                keys: u.keys.clone(),
                classid: u.classid,
                actions: acts(&u.actions)?,
            },
            TcKind::Bpf(b) => TcOpts::Bpf {
                fd: b
                    .fd
                    .ok_or_else(|| invalid("bpf: only `fd N` is supported (no object loader)"))?,
                name: None,
                direct_action: b.direct_action,
                classid: b.classid,
                actions: acts(&b.actions)?,
            },
            TcKind::Matchall { classid, actions } => TcOpts::Matchall {
                classid: *classid,
                actions: acts(actions)?,
            },
            TcKind::Other { kind, args } if args.is_empty() => TcOpts::Kind(kind.clone()),
            TcKind::Other { kind, .. } => {
                return Err(invalid(format!("options of {kind} are not supported")));
            }
        },
    };
    let ingress_like = matches!(options, TcOpts::Ingress | TcOpts::Clsact);
    let handle = match cmd.object {
        crate::cli::parse::TcObject::Class => cmd.classid.or(cmd.handle).unwrap_or(0),
        _ => cmd
            .handle
            .unwrap_or(if ingress_like { 0xffff_0000 } else { 0 }),
    };
    Ok(TcSpec {
        ifindex,
        handle,
        parent: cmd.parent.unwrap_or(if ingress_like {
            TC_H_INGRESS
        } else {
            TC_H_ROOT
        }),
        protocol: cmd.protocol.unwrap_or(ETH_P_ALL),
        prio: cmd.prio.unwrap_or(0),
        chain: cmd.chain,
        options,
    })
}
