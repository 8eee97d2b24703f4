//! Actions (`linux/pkt_cls.h`, `linux/tc_act/*.h`): the numbered action list of filters
//! and action messages, TCA_ACT_* entries, options by kind (gact, mirred, police, vlan,
//! connmark, bpf) and the TC_ACT_* verdicts.

use super::structs::*;
use super::{Nest, NlaBitfield32, RawAttr, TcNest, TcStatsAttrs, find_kind};
use crate::nl::attr::Kind as _;
use crate::nl::attr::kind::*;
use crate::nl::describe::describe_attrs_with;
use crate::nl::{Attr, AttrIter, AttrSet, Ctx, Error, NlaWriter, Scalar, Visitor};

/// TC_ACT_UNSPEC: use the default.
pub const TC_ACT_UNSPEC: i32 = -1;
/// TC_ACT_OK: accept.
pub const TC_ACT_OK: i32 = 0;
/// TC_ACT_RECLASSIFY: classify again.
pub const TC_ACT_RECLASSIFY: i32 = 1;
/// TC_ACT_SHOT: drop.
pub const TC_ACT_SHOT: i32 = 2;
/// TC_ACT_PIPE: go on to the next action.
pub const TC_ACT_PIPE: i32 = 3;
/// TC_ACT_STOLEN: consumed.
pub const TC_ACT_STOLEN: i32 = 4;
/// TC_ACT_QUEUED: queued.
pub const TC_ACT_QUEUED: i32 = 5;
/// TC_ACT_REPEAT: repeat the action.
pub const TC_ACT_REPEAT: i32 = 6;
/// TC_ACT_REDIRECT: redirected.
pub const TC_ACT_REDIRECT: i32 = 7;
/// TC_ACT_TRAP: trap to the CPU (hardware path).
pub const TC_ACT_TRAP: i32 = 8;
/// TC_ACT_EXT_VAL_MASK: the value bits of an extended verdict.
pub const TC_ACT_EXT_VAL_MASK: i32 = (1 << 28) - 1;
/// TC_ACT_JUMP: skip N actions (N in the low bits).
pub const TC_ACT_JUMP: i32 = 1 << 28;
/// TC_ACT_GOTO_CHAIN: continue in chain N (N in the low bits).
pub const TC_ACT_GOTO_CHAIN: i32 = 2 << 28;

/// The name of a verdict (`"TC_ACT_SHOT"`), extended opcodes by their opcode
/// (`"TC_ACT_GOTO_CHAIN"`, the chain is `v & TC_ACT_EXT_VAL_MASK`).
pub fn tc_act_name(v: i32) -> Option<&'static str> {
    Some(match v {
        TC_ACT_UNSPEC => "TC_ACT_UNSPEC",
        TC_ACT_OK => "TC_ACT_OK",
        TC_ACT_RECLASSIFY => "TC_ACT_RECLASSIFY",
        TC_ACT_SHOT => "TC_ACT_SHOT",
        TC_ACT_PIPE => "TC_ACT_PIPE",
        TC_ACT_STOLEN => "TC_ACT_STOLEN",
        TC_ACT_QUEUED => "TC_ACT_QUEUED",
        TC_ACT_REPEAT => "TC_ACT_REPEAT",
        TC_ACT_REDIRECT => "TC_ACT_REDIRECT",
        TC_ACT_TRAP => "TC_ACT_TRAP",
        v if v & !TC_ACT_EXT_VAL_MASK == TC_ACT_JUMP => "TC_ACT_JUMP",
        v if v & !TC_ACT_EXT_VAL_MASK == TC_ACT_GOTO_CHAIN => "TC_ACT_GOTO_CHAIN",
        _ => return None,
    })
}

/// TCA_EGRESS_REDIR: redirect to egress (`tc_mirred.eaction`).
pub const TCA_EGRESS_REDIR: i32 = 1;
/// TCA_EGRESS_MIRROR: mirror to egress.
pub const TCA_EGRESS_MIRROR: i32 = 2;
/// TCA_INGRESS_REDIR: redirect to ingress.
pub const TCA_INGRESS_REDIR: i32 = 3;
/// TCA_INGRESS_MIRROR: mirror to ingress.
pub const TCA_INGRESS_MIRROR: i32 = 4;
/// TCA_VLAN_ACT_POP (`tc_vlan.v_action`).
pub const TCA_VLAN_ACT_POP: i32 = 1;
/// TCA_VLAN_ACT_PUSH.
pub const TCA_VLAN_ACT_PUSH: i32 = 2;
/// TCA_VLAN_ACT_MODIFY.
pub const TCA_VLAN_ACT_MODIFY: i32 = 3;
/// TCA_VLAN_ACT_POP_ETH.
pub const TCA_VLAN_ACT_POP_ETH: i32 = 4;
/// TCA_VLAN_ACT_PUSH_ETH.
pub const TCA_VLAN_ACT_PUSH_ETH: i32 = 5;
/// TCA_ACT_FLAGS_NO_PERCPU_STATS (TCA_ACT_FLAGS bit).
pub const TCA_ACT_FLAGS_NO_PERCPU_STATS: u32 = 1 << 0;
/// TCA_ACT_FLAGS_SKIP_HW.
pub const TCA_ACT_FLAGS_SKIP_HW: u32 = 1 << 1;
/// TCA_ACT_FLAGS_SKIP_SW.
pub const TCA_ACT_FLAGS_SKIP_SW: u32 = 1 << 2;
/// TCA_ACT_HW_STATS_IMMEDIATE.
pub const TCA_ACT_HW_STATS_IMMEDIATE: u32 = 1 << 0;
/// TCA_ACT_HW_STATS_DELAYED.
pub const TCA_ACT_HW_STATS_DELAYED: u32 = 1 << 1;

/// A list of actions (TCA_ACT_TAB, TCA_*_ACT): members are numbered by order (1, 2, ...)
/// and each is a nested [`ActAttrs`] list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ActionList;

impl AttrSet for ActionList {
    type Item<'a> = TcNest<'a, ActAttrs>;
    const SET_NAME: &'static str = "ActionList";
    fn name(_: u16) -> Option<&'static str> {
        None
    }
    fn decode<'a>(attr: Attr<'a>) -> Result<TcNest<'a, ActAttrs>, Error> {
        Ok(TcNest::from_attr(&attr))
    }
    fn describe_value(attr: &Attr<'_>, ctx: &Ctx, out: &mut dyn Visitor) {
        match ctx.deeper() {
            Some(c) => describe_act_attrs(attr.nested(), &c, out),
            None => out.scalar(Scalar::Error(attr.error(crate::nl::ErrorKind::TooDeep))),
        }
    }
}

nla_set! {
    /// One action (TCA_ACT_*).
    ///
    /// TCA_ACT_OPTIONS depends on TCA_ACT_KIND: [`ActionList`] describes its entries with
    /// [`describe_act_attrs`] (the generic describer of this set prints it as hex).
    pub struct ActAttrs, enum ActAttr, index ActIndex;
    /// Action kind ("mirred", "gact", ...).
    TCA_ACT_KIND = 1 => Kind(kind): CStr,
    /// Kind-specific options (see [`ActOptions`]).
    TCA_ACT_OPTIONS = 2 => Options(options): RawAttr,
    /// Action index.
    TCA_ACT_INDEX = 3 => Index(index): U32,
    /// Statistics (TCA_STATS_*).
    TCA_ACT_STATS = 4 => Stats(stats): Nest<TcStatsAttrs>,
    /// Alignment padding.
    TCA_ACT_PAD = 5 => Pad(pad): Bytes,
    /// User cookie.
    TCA_ACT_COOKIE = 6 => Cookie(cookie): Bytes,
    /// TCA_ACT_FLAGS_*.
    TCA_ACT_FLAGS = 7 => Flags(flags): Wire<NlaBitfield32>,
    /// Hardware statistics types wanted (TCA_ACT_HW_STATS_*).
    TCA_ACT_HW_STATS = 8 => HwStats(hw_stats): Wire<NlaBitfield32>,
    /// Hardware statistics types in use.
    TCA_ACT_USED_HW_STATS = 9 => UsedHwStats(used_hw_stats): Wire<NlaBitfield32>,
    /// Number of hardware offloads.
    TCA_ACT_IN_HW_COUNT = 10 => InHwCount(in_hw_count): U32,
}

/// Describes a TCA_ACT_* list with TCA_ACT_OPTIONS read by TCA_ACT_KIND.
pub fn describe_act_attrs(iter: AttrIter<'_>, ctx: &Ctx, out: &mut dyn Visitor) {
    let kind = find_kind(&iter, TCA_ACT_KIND);
    describe_attrs_with::<ActAttrs>(iter, ctx, out, |a, ctx, out| match a.kind() {
        TCA_ACT_OPTIONS => ActOptions::decode(kind, *a).describe(ctx, out),
        _ => ActAttrs::describe_value(a, ctx, out),
    })
}

/// One action of an [`ActionList`], read: its kind and options.
pub fn action_kind<'a>(entry: &TcNest<'a, ActAttrs>) -> &'a str {
    find_kind(&entry.raw(), TCA_ACT_KIND)
}

/// The TCA_ACT_OPTIONS of an action entry, read by its TCA_ACT_KIND.
pub fn action_options<'a>(entry: &TcNest<'a, ActAttrs>) -> Option<ActOptions<'a>> {
    let kind = action_kind(entry);
    entry
        .raw()
        .find(TCA_ACT_OPTIONS)
        .map(|a| ActOptions::decode(kind, a))
}

/// TCA_ACT_OPTIONS by kind.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub enum ActOptions<'a> {
    /// "gact": generic verdicts.
    Gact(TcNest<'a, GactAttrs>),
    /// "mirred": mirror or redirect.
    Mirred(TcNest<'a, MirredAttrs>),
    /// "police": rate policer.
    Police(TcNest<'a, PoliceAttrs>),
    /// "vlan": push, pop or modify a tag.
    Vlan(TcNest<'a, VlanAttrs>),
    /// "connmark": restore the conntrack mark.
    Connmark(TcNest<'a, ConnmarkAttrs>),
    /// "bpf": a BPF program.
    Bpf(TcNest<'a, ActBpfAttrs>),
    /// Any other kind, as it came.
    Other(Attr<'a>),
}

impl<'a> ActOptions<'a> {
    /// Reads TCA_ACT_OPTIONS of a `kind` action.
    pub fn decode(kind: &str, a: Attr<'a>) -> Self {
        match kind {
            "gact" => ActOptions::Gact(TcNest::from_attr(&a)),
            "mirred" => ActOptions::Mirred(TcNest::from_attr(&a)),
            "police" => ActOptions::Police(TcNest::from_attr(&a)),
            "vlan" => ActOptions::Vlan(TcNest::from_attr(&a)),
            "connmark" => ActOptions::Connmark(TcNest::from_attr(&a)),
            "bpf" => ActOptions::Bpf(TcNest::from_attr(&a)),
            _ => ActOptions::Other(a),
        }
    }
    /// Writes it back as attribute `ty` (TCA_ACT_OPTIONS).
    pub fn emit<W: NlaWriter + ?Sized>(&self, w: &mut W, ty: u16) -> Result<(), Error> {
        match self {
            ActOptions::Gact(n) => n.emit(w, ty),
            ActOptions::Mirred(n) => n.emit(w, ty),
            ActOptions::Police(n) => n.emit(w, ty),
            ActOptions::Vlan(n) => n.emit(w, ty),
            ActOptions::Connmark(n) => n.emit(w, ty),
            ActOptions::Bpf(n) => n.emit(w, ty),
            ActOptions::Other(a) => RawAttr::encode(w, ty, a),
        }
    }
    /// Describes the options with the kind's set (hex for unknown kinds).
    pub fn describe(&self, ctx: &Ctx, out: &mut dyn Visitor) {
        match self {
            ActOptions::Gact(n) => n.describe(ctx, out),
            ActOptions::Mirred(n) => n.describe(ctx, out),
            ActOptions::Police(n) => n.describe(ctx, out),
            ActOptions::Vlan(n) => n.describe(ctx, out),
            ActOptions::Connmark(n) => n.describe(ctx, out),
            ActOptions::Bpf(n) => n.describe(ctx, out),
            ActOptions::Other(a) => out.scalar(Scalar::Hex(a.payload())),
        }
    }
}

nla_set! {
    /// Generic action options (TCA_GACT_*, `tc_act/tc_gact.h`).
    pub struct GactAttrs, enum GactAttr, index GactIndex;
    /// Times.
    TCA_GACT_TM = 1 => Tm(tm): Wire<TcfT>,
    /// The verdict.
    TCA_GACT_PARMS = 2 => Parms(parms): Wire<TcGact>,
    /// Random verdict.
    TCA_GACT_PROB = 3 => Prob(prob): Wire<TcGactP>,
    /// Alignment padding.
    TCA_GACT_PAD = 4 => Pad(pad): Bytes,
}

nla_set! {
    /// Mirred action options (TCA_MIRRED_*, `tc_act/tc_mirred.h`).
    pub struct MirredAttrs, enum MirredAttr, index MirredIndex;
    /// Times.
    TCA_MIRRED_TM = 1 => Tm(tm): Wire<TcfT>,
    /// Direction, target and verdict.
    TCA_MIRRED_PARMS = 2 => Parms(parms): Wire<TcMirred>,
    /// Alignment padding.
    TCA_MIRRED_PAD = 3 => Pad(pad): Bytes,
    /// Target shared block (newer kernels).
    TCA_MIRRED_BLOCKID = 4 => Blockid(blockid): U32,
}

nla_set! {
    /// Policer options (TCA_POLICE_*), as an action and as a filter's legacy policer.
    pub struct PoliceAttrs, enum PoliceAttr, index PoliceIndex;
    /// Rates, burst and verdict.
    TCA_POLICE_TBF = 1 => Tbf(tbf): Wire<TcPolice>,
    /// Rate table (1024 bytes).
    TCA_POLICE_RATE = 2 => Rate(rate): Bytes,
    /// Peak-rate table (1024 bytes).
    TCA_POLICE_PEAKRATE = 3 => Peakrate(peakrate): Bytes,
    /// Average rate, bytes per second.
    TCA_POLICE_AVRATE = 4 => Avrate(avrate): U32,
    /// Verdict when under the rate.
    TCA_POLICE_RESULT = 5 => Result(result): U32,
    /// Times.
    TCA_POLICE_TM = 6 => Tm(tm): Wire<TcfT>,
    /// Alignment padding.
    TCA_POLICE_PAD = 7 => Pad(pad): Bytes,
    /// Rate, 64-bit.
    TCA_POLICE_RATE64 = 8 => Rate64(rate64): U64,
    /// Peak rate, 64-bit.
    TCA_POLICE_PEAKRATE64 = 9 => Peakrate64(peakrate64): U64,
    /// Packet rate.
    TCA_POLICE_PKTRATE64 = 10 => Pktrate64(pktrate64): U64,
    /// Packet burst.
    TCA_POLICE_PKTBURST64 = 11 => Pktburst64(pktburst64): U64,
}

nla_set! {
    /// VLAN action options (TCA_VLAN_*, `tc_act/tc_vlan.h`).
    pub struct VlanAttrs, enum VlanAttr, index VlanIndex;
    /// Times.
    TCA_VLAN_TM = 1 => Tm(tm): Wire<TcfT>,
    /// Operation and verdict.
    TCA_VLAN_PARMS = 2 => Parms(parms): Wire<TcVlan>,
    /// VLAN id to push.
    TCA_VLAN_PUSH_VLAN_ID = 3 => PushVlanId(push_vlan_id): U16,
    /// Tag protocol (ETH_P_8021Q, ETH_P_8021AD).
    TCA_VLAN_PUSH_VLAN_PROTOCOL = 4 => PushVlanProtocol(push_vlan_protocol): Be16,
    /// Alignment padding.
    TCA_VLAN_PAD = 5 => Pad(pad): Bytes,
    /// Priority to push.
    TCA_VLAN_PUSH_VLAN_PRIORITY = 6 => PushVlanPriority(push_vlan_priority): U8,
    /// Ethernet destination to push.
    TCA_VLAN_PUSH_ETH_DST = 7 => PushEthDst(push_eth_dst): Mac,
    /// Ethernet source to push.
    TCA_VLAN_PUSH_ETH_SRC = 8 => PushEthSrc(push_eth_src): Mac,
}

nla_set! {
    /// Connmark action options (TCA_CONNMARK_*, `tc_act/tc_connmark.h`).
    pub struct ConnmarkAttrs, enum ConnmarkAttr, index ConnmarkIndex;
    /// Zone and verdict.
    TCA_CONNMARK_PARMS = 1 => Parms(parms): Wire<TcConnmark>,
    /// Times.
    TCA_CONNMARK_TM = 2 => Tm(tm): Wire<TcfT>,
    /// Alignment padding.
    TCA_CONNMARK_PAD = 3 => Pad(pad): Bytes,
}

nla_set! {
    /// BPF action options (TCA_ACT_BPF_*, `tc_act/tc_bpf.h`).
    pub struct ActBpfAttrs, enum ActBpfAttr, index ActBpfIndex;
    /// Times.
    TCA_ACT_BPF_TM = 1 => Tm(tm): Wire<TcfT>,
    /// Verdict.
    TCA_ACT_BPF_PARMS = 2 => Parms(parms): Wire<TcActBpf>,
    /// Number of classic BPF instructions.
    TCA_ACT_BPF_OPS_LEN = 3 => OpsLen(ops_len): U16,
    /// Classic BPF instructions.
    TCA_ACT_BPF_OPS = 4 => Ops(ops): super::BpfOpsKind,
    /// eBPF program fd (requests).
    TCA_ACT_BPF_FD = 5 => Fd(fd): U32,
    /// Program name.
    TCA_ACT_BPF_NAME = 6 => Name(name): CStr,
    /// Alignment padding.
    TCA_ACT_BPF_PAD = 7 => Pad(pad): Bytes,
    /// Program tag.
    TCA_ACT_BPF_TAG = 8 => Tag(tag): Bytes,
    /// Program id.
    TCA_ACT_BPF_ID = 9 => Id(id): U32,
}

/// Walks an action list through every typed getter (fuzzing).
pub(crate) fn fuzz_actions(list: TcNest<'_, ActionList>) {
    for e in list.iter().map_while(Result::ok) {
        if let Ok(i) = ActIndex::new(e.raw()) {
            let _ = (i.kind(), i.index(), i.cookie(), i.flags(), i.hw_stats());
            let _ = (i.used_hw_stats(), i.in_hw_count());
            if let Ok(Some(s)) = i.stats() {
                super::fuzz_stats(s);
            }
        }
        e.iter().for_each(drop);
        for k in ["gact", "mirred", "police", "vlan", "connmark", "bpf", "x"] {
            if let Some(a) = e.raw().find(TCA_ACT_OPTIONS) {
                fuzz_act_options(ActOptions::decode(k, a));
            }
        }
        let _ = action_options(&e);
    }
}

fn fuzz_act_options(o: ActOptions<'_>) {
    match o {
        ActOptions::Gact(n) => {
            if let Ok(i) = GactIndex::new(n.raw()) {
                let _ = (i.tm(), i.parms(), i.prob());
            }
            n.iter().for_each(drop);
        }
        ActOptions::Mirred(n) => {
            if let Ok(i) = MirredIndex::new(n.raw()) {
                let _ = (i.tm(), i.parms(), i.blockid());
            }
            n.iter().for_each(drop);
        }
        ActOptions::Police(n) => fuzz_police(n),
        ActOptions::Vlan(n) => {
            if let Ok(i) = VlanIndex::new(n.raw()) {
                let _ = (i.parms(), i.push_vlan_id(), i.push_vlan_protocol());
                let _ = (i.push_vlan_priority(), i.push_eth_dst(), i.push_eth_src());
            }
            n.iter().for_each(drop);
        }
        ActOptions::Connmark(n) => {
            if let Ok(i) = ConnmarkIndex::new(n.raw()) {
                let _ = (i.parms(), i.tm());
            }
            n.iter().for_each(drop);
        }
        ActOptions::Bpf(n) => {
            if let Ok(i) = ActBpfIndex::new(n.raw()) {
                let _ = (i.parms(), i.ops_len(), i.fd(), i.name(), i.tag(), i.id());
                if let Ok(Some(o)) = i.ops() {
                    o.insns().for_each(drop);
                }
            }
            n.iter().for_each(drop);
        }
        ActOptions::Other(_) => {}
    }
}

/// Walks a policer list (fuzzing).
pub(crate) fn fuzz_police(n: TcNest<'_, PoliceAttrs>) {
    if let Ok(i) = PoliceIndex::new(n.raw()) {
        let _ = (
            i.tbf(),
            i.rate(),
            i.peakrate(),
            i.avrate(),
            i.result(),
            i.tm(),
        );
        let _ = (i.rate64(), i.peakrate64(), i.pktrate64(), i.pktburst64());
    }
    n.iter().for_each(drop);
}
