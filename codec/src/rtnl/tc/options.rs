//! TCA_OPTIONS chosen by TCA_KIND: [`TcOptions`], one variant per known qdisc, class and
//! filter kind, and `Other` (the raw attribute, re-encoded byte for byte) for the rest.

use super::action::fuzz_police;
use super::filter::*;
use super::qdisc::*;
use super::structs::*;
use super::{RawAttr, TCA_OPTIONS, TcNest};
use crate::nl::attr::Kind as _;
use crate::nl::{Attr, Ctx, Describe, Error, NlaWriter, Visitor};

/// The kinds [`TcOptions::decode`] knows.
pub const KNOWN_KINDS: [&str; 23] = [
    "pfifo",
    "bfifo",
    "pfifo_head_drop",
    "pfifo_fast",
    "prio",
    "tbf",
    "htb",
    "sfq",
    "fq_codel",
    "codel",
    "netem",
    "ingress",
    "clsact",
    "hfsc",
    "drr",
    "mq",
    "u32",
    "bpf",
    "matchall",
    "flower",
    "fw",
    "basic",
    "noqueue",
];

/// RTM_NEWTCLASS..RTM_GETTCLASS: class messages (hfsc options differ for classes).
fn is_class_msg(ty: u16) -> bool {
    (40..=43).contains(&ty)
}

/// TCA_OPTIONS of one qdisc, class or filter, read by its kind.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub enum TcOptions<'a> {
    /// "pfifo" (packets): a bare `tc_fifo_qopt`.
    Pfifo(TcFifoQopt),
    /// "bfifo" (bytes): a bare `tc_fifo_qopt`.
    Bfifo(TcFifoQopt),
    /// "pfifo_head_drop": a bare `tc_fifo_qopt`.
    PfifoHeadDrop(TcFifoQopt),
    /// "pfifo_fast": a bare `tc_prio_qopt`.
    PfifoFast(TcPrioQopt),
    /// "prio": a bare `tc_prio_qopt`.
    Prio(TcPrioQopt),
    /// "tbf": TCA_TBF_*.
    Tbf(TcNest<'a, TbfAttrs>),
    /// "htb" qdisc or class: TCA_HTB_*.
    Htb(TcNest<'a, HtbAttrs>),
    /// "sfq": a bare `tc_sfq_qopt` or `tc_sfq_qopt_v1`.
    Sfq(SfqQopt),
    /// "fq_codel": TCA_FQ_CODEL_*.
    FqCodel(TcNest<'a, FqCodelAttrs>),
    /// "codel": TCA_CODEL_*.
    Codel(TcNest<'a, CodelAttrs>),
    /// "netem": `tc_netem_qopt` then TCA_NETEM_*.
    Netem(NetemOptions<'a>),
    /// "ingress": empty.
    Ingress,
    /// "clsact": empty.
    Clsact,
    /// "mq": empty.
    Mq,
    /// "hfsc" qdisc: a bare `tc_hfsc_qopt`.
    Hfsc(TcHfscQopt),
    /// "hfsc" class: TCA_HFSC_*.
    HfscClass(TcNest<'a, HfscAttrs>),
    /// "drr" class: TCA_DRR_*.
    Drr(TcNest<'a, DrrAttrs>),
    /// "u32" filter: TCA_U32_*.
    U32(TcNest<'a, U32Attrs>),
    /// "bpf" filter: TCA_BPF_*.
    Bpf(TcNest<'a, BpfAttrs>),
    /// "matchall" filter: TCA_MATCHALL_*.
    Matchall(TcNest<'a, MatchallAttrs>),
    /// "flower" filter: TCA_FLOWER_*.
    Flower(TcNest<'a, FlowerAttrs>),
    /// "fw" filter: TCA_FW_*.
    Fw(TcNest<'a, FwAttrs>),
    /// "basic" filter: TCA_BASIC_*.
    Basic(TcNest<'a, BasicAttrs>),
    /// Any other kind (or an empty-options kind with a payload), as it came.
    Other(Attr<'a>),
}

impl<'a> TcOptions<'a> {
    /// Reads TCA_OPTIONS `a` of a `kind` object in a message of type `msg_type`.
    /// Bare structs are read by common prefix; netem fails if its struct is short.
    pub fn decode(kind: &str, msg_type: u16, a: Attr<'a>) -> Result<Self, Error> {
        let empty = a.payload().is_empty();
        Ok(match kind {
            "pfifo" => TcOptions::Pfifo(a.as_struct()),
            "bfifo" => TcOptions::Bfifo(a.as_struct()),
            "pfifo_head_drop" => TcOptions::PfifoHeadDrop(a.as_struct()),
            "pfifo_fast" => TcOptions::PfifoFast(a.as_struct()),
            "prio" => TcOptions::Prio(a.as_struct()),
            "tbf" => TcOptions::Tbf(TcNest::from_attr(&a)),
            "htb" => TcOptions::Htb(TcNest::from_attr(&a)),
            "sfq" => TcOptions::Sfq(SfqQopt::decode(&a)),
            "fq_codel" => TcOptions::FqCodel(TcNest::from_attr(&a)),
            "codel" => TcOptions::Codel(TcNest::from_attr(&a)),
            "netem" => TcOptions::Netem(NetemOptions::decode(&a)?),
            "ingress" if empty => TcOptions::Ingress,
            "clsact" if empty => TcOptions::Clsact,
            "mq" if empty => TcOptions::Mq,
            "hfsc" if is_class_msg(msg_type) => TcOptions::HfscClass(TcNest::from_attr(&a)),
            "hfsc" => TcOptions::Hfsc(a.as_struct()),
            "drr" => TcOptions::Drr(TcNest::from_attr(&a)),
            "u32" => TcOptions::U32(TcNest::from_attr(&a)),
            "bpf" => TcOptions::Bpf(TcNest::from_attr(&a)),
            "matchall" => TcOptions::Matchall(TcNest::from_attr(&a)),
            "flower" => TcOptions::Flower(TcNest::from_attr(&a)),
            "fw" => TcOptions::Fw(TcNest::from_attr(&a)),
            "basic" => TcOptions::Basic(TcNest::from_attr(&a)),
            _ => TcOptions::Other(a),
        })
    }

    /// Writes the options as TCA_OPTIONS. Nested kinds keep the NLA_F_NESTED bit they
    /// came with; bare structs and empty options are written without it, as the kernel
    /// dumps them.
    pub fn emit<W: NlaWriter + ?Sized>(&self, w: &mut W) -> Result<(), Error> {
        let t = TCA_OPTIONS;
        match self {
            TcOptions::Pfifo(s) | TcOptions::Bfifo(s) | TcOptions::PfifoHeadDrop(s) => {
                w.put_struct(t, s)
            }
            TcOptions::PfifoFast(s) | TcOptions::Prio(s) => w.put_struct(t, s),
            TcOptions::Tbf(n) => n.emit(w, t),
            TcOptions::Htb(n) => n.emit(w, t),
            TcOptions::Sfq(SfqQopt::V0(s)) => w.put_struct(t, s),
            TcOptions::Sfq(SfqQopt::V1(s)) => w.put_struct(t, s),
            TcOptions::FqCodel(n) => n.emit(w, t),
            TcOptions::Codel(n) => n.emit(w, t),
            TcOptions::Netem(o) => o.emit(w, t),
            TcOptions::Ingress | TcOptions::Clsact | TcOptions::Mq => w.put_bytes(t, &[]),
            TcOptions::Hfsc(s) => w.put_struct(t, s),
            TcOptions::HfscClass(n) => n.emit(w, t),
            TcOptions::Drr(n) => n.emit(w, t),
            TcOptions::U32(n) => n.emit(w, t),
            TcOptions::Bpf(n) => n.emit(w, t),
            TcOptions::Matchall(n) => n.emit(w, t),
            TcOptions::Flower(n) => n.emit(w, t),
            TcOptions::Fw(n) => n.emit(w, t),
            TcOptions::Basic(n) => n.emit(w, t),
            TcOptions::Other(a) => RawAttr::encode(w, t, a),
        }
    }

    /// Describes the options: structs as objects, attribute lists as `[[NAME, VALUE]]`,
    /// netem as `{"tc_netem_qopt": {...}, "attrs": [...]}`, empty kinds as `{}`.
    pub fn describe(&self, ctx: &Ctx, out: &mut dyn Visitor) {
        match self {
            TcOptions::Pfifo(s) | TcOptions::Bfifo(s) | TcOptions::PfifoHeadDrop(s) => {
                s.describe(out)
            }
            TcOptions::PfifoFast(s) | TcOptions::Prio(s) => s.describe(out),
            TcOptions::Tbf(n) => n.describe(ctx, out),
            TcOptions::Htb(n) => n.describe(ctx, out),
            TcOptions::Sfq(SfqQopt::V0(s)) => s.describe(out),
            TcOptions::Sfq(SfqQopt::V1(s)) => s.describe(out),
            TcOptions::FqCodel(n) => n.describe(ctx, out),
            TcOptions::Codel(n) => n.describe(ctx, out),
            TcOptions::Netem(o) => {
                out.begin_object();
                out.key("tc_netem_qopt");
                o.qopt.describe(out);
                out.key("attrs");
                o.attrs.describe(ctx, out);
                out.end_object();
            }
            TcOptions::Ingress | TcOptions::Clsact | TcOptions::Mq => {
                out.begin_object();
                out.end_object();
            }
            TcOptions::Hfsc(s) => s.describe(out),
            TcOptions::HfscClass(n) => n.describe(ctx, out),
            TcOptions::Drr(n) => n.describe(ctx, out),
            TcOptions::U32(n) => n.describe(ctx, out),
            TcOptions::Bpf(n) => n.describe(ctx, out),
            TcOptions::Matchall(n) => n.describe(ctx, out),
            TcOptions::Flower(n) => n.describe(ctx, out),
            TcOptions::Fw(n) => n.describe(ctx, out),
            TcOptions::Basic(n) => n.describe(ctx, out),
            TcOptions::Other(a) => RawAttr::describe(a, ctx, out),
        }
    }
}

/// Walks the options through every typed getter (fuzzing).
pub(crate) fn fuzz_options(o: &TcOptions<'_>) {
    let mut v = crate::nl::NullVisitor::default();
    o.describe(&Ctx::default(), &mut v);
    match o {
        TcOptions::Tbf(n) => {
            if let Ok(i) = TbfIndex::new(n.raw()) {
                let _ = (i.parms(), i.rtab(), i.ptab(), i.rate64(), i.prate64());
                let _ = (i.burst(), i.pburst());
            }
            n.iter().for_each(drop);
        }
        TcOptions::Htb(n) => {
            if let Ok(i) = HtbIndex::new(n.raw()) {
                let _ = (i.parms(), i.init(), i.ctab(), i.rtab(), i.direct_qlen());
                let _ = (i.rate64(), i.ceil64(), i.offload());
            }
            n.iter().for_each(drop);
        }
        TcOptions::Sfq(s) => {
            let _ = s.v0();
        }
        TcOptions::FqCodel(n) => {
            if let Ok(i) = FqCodelIndex::new(n.raw()) {
                let _ = (i.target(), i.limit(), i.interval(), i.ecn(), i.flows());
                let _ = (i.quantum(), i.ce_threshold(), i.drop_batch_size());
                let _ = (
                    i.memory_limit(),
                    i.ce_threshold_selector(),
                    i.ce_threshold_mask(),
                );
            }
            n.iter().for_each(drop);
        }
        TcOptions::Codel(n) => {
            if let Ok(i) = CodelIndex::new(n.raw()) {
                let _ = (
                    i.target(),
                    i.limit(),
                    i.interval(),
                    i.ecn(),
                    i.ce_threshold(),
                );
            }
            n.iter().for_each(drop);
        }
        TcOptions::Netem(o) => {
            if let Ok(i) = o.index() {
                let _ = (i.corr(), i.delay_dist(), i.reorder(), i.corrupt(), i.rate());
                let _ = (i.ecn(), i.rate64(), i.latency64(), i.jitter64(), i.slot());
                if let Ok(Some(l)) = i.loss()
                    && let Ok(li) = NetemLossIndex::new(l.raw())
                {
                    let _ = (li.gi(), li.ge());
                }
            }
            o.attrs.iter().for_each(drop);
        }
        TcOptions::HfscClass(n) => {
            if let Ok(i) = HfscIndex::new(n.raw()) {
                let _ = (i.rsc(), i.fsc(), i.usc());
            }
        }
        TcOptions::Drr(n) => {
            if let Ok(i) = DrrIndex::new(n.raw()) {
                let _ = i.quantum();
            }
        }
        TcOptions::U32(n) => {
            if let Ok(i) = U32Index::new(n.raw()) {
                let _ = (i.classid(), i.hash(), i.link(), i.divisor(), i.indev());
                let _ = (i.mark(), i.flags());
                if let Ok(Some(s)) = i.sel() {
                    let _ = (s.keys().count(), s.key_count());
                }
                if let Ok(Some(p)) = i.pcnt() {
                    let _ = p.kcnts().count();
                }
                if let Ok(Some(p)) = i.police() {
                    fuzz_police(p);
                }
                if let Ok(Some(a)) = i.act() {
                    super::action::fuzz_actions(a);
                }
            }
            n.iter().for_each(drop);
        }
        TcOptions::Bpf(n) => {
            if let Ok(i) = BpfIndex::new(n.raw()) {
                let _ = (i.classid(), i.ops_len(), i.fd(), i.name(), i.flags());
                let _ = (i.flags_gen(), i.tag(), i.id());
                if let Ok(Some(o)) = i.ops() {
                    o.insns().for_each(drop);
                }
                if let Ok(Some(a)) = i.act() {
                    super::action::fuzz_actions(a);
                }
            }
            n.iter().for_each(drop);
        }
        TcOptions::Matchall(n) => {
            if let Ok(i) = MatchallIndex::new(n.raw()) {
                let _ = (i.classid(), i.flags(), i.pcnt());
                if let Ok(Some(a)) = i.act() {
                    super::action::fuzz_actions(a);
                }
            }
        }
        TcOptions::Flower(n) => {
            if let Ok(i) = FlowerIndex::new(n.raw()) {
                let _ = (i.classid(), i.indev(), i.key_eth_dst(), i.key_eth_type());
                let _ = (i.key_ip_proto(), i.key_ipv4_src(), i.key_ipv6_dst());
                let _ = (i.key_tcp_dst(), i.key_udp_src(), i.flags(), i.key_vlan_id());
                if let Ok(Some(a)) = i.act() {
                    super::action::fuzz_actions(a);
                }
            }
            n.iter().for_each(drop);
        }
        TcOptions::Fw(n) => {
            if let Ok(i) = FwIndex::new(n.raw()) {
                let _ = (i.classid(), i.indev(), i.mask());
                if let Ok(Some(a)) = i.act() {
                    super::action::fuzz_actions(a);
                }
            }
        }
        TcOptions::Basic(n) => {
            if let Ok(i) = BasicIndex::new(n.raw()) {
                let _ = (i.classid(), i.ematches(), i.pcnt());
                if let Ok(Some(a)) = i.act() {
                    super::action::fuzz_actions(a);
                }
            }
        }
        _ => {}
    }
    let mut store = [0u8; 256];
    let mut w = crate::nl::AttrBuilder::new(crate::nl::SliceBuf::new(&mut store));
    let _ = o.emit(&mut w);
}
