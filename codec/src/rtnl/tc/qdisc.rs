//! Qdisc and class options (`linux/pkt_sched.h`): tbf, htb, hfsc, netem, codel,
//! fq_codel, drr attribute sets, and the kind-specific statistics ([`TcXstats`]).

use super::structs::*;
use super::{Nest, TcNest};
use crate::nl::attr::kind::*;
use crate::nl::{Attr, Describe, Error, NlaWriter, Scalar, Visitor};

/// TC_RTAB_SIZE: the size of a rate table (256 u32 slots).
pub const TC_RTAB_SIZE: usize = 1024;
/// TC_LINKLAYER_UNAWARE.
pub const TC_LINKLAYER_UNAWARE: u8 = 0;
/// TC_LINKLAYER_ETHERNET.
pub const TC_LINKLAYER_ETHERNET: u8 = 1;
/// TC_LINKLAYER_ATM.
pub const TC_LINKLAYER_ATM: u8 = 2;
/// TC_HTB_PROTOVER: the htb version `tc_htb_glob.version` carries.
pub const TC_HTB_PROTOVER: u32 = 3;

nla_set! {
    /// Token bucket filter options (TCA_TBF_*).
    pub struct TbfAttrs, enum TbfAttr, index TbfIndex;
    /// Rates, limit and buckets.
    TCA_TBF_PARMS = 1 => Parms(parms): Wire<TcTbfQopt>,
    /// Rate table (1024 bytes, requests only).
    TCA_TBF_RTAB = 2 => Rtab(rtab): Bytes,
    /// Peak-rate table.
    TCA_TBF_PTAB = 3 => Ptab(ptab): Bytes,
    /// Rate in bytes per second, when it does not fit 32 bits.
    TCA_TBF_RATE64 = 4 => Rate64(rate64): U64,
    /// Peak rate, 64-bit.
    TCA_TBF_PRATE64 = 5 => Prate64(prate64): U64,
    /// Bucket size in bytes.
    TCA_TBF_BURST = 6 => Burst(burst): U32,
    /// Peak-rate bucket in bytes.
    TCA_TBF_PBURST = 7 => Pburst(pburst): U32,
    /// Alignment padding.
    TCA_TBF_PAD = 8 => Pad(pad): Bytes,
}

nla_set! {
    /// Hierarchy token bucket options (TCA_HTB_*), qdisc (INIT) and class (PARMS).
    pub struct HtbAttrs, enum HtbAttr, index HtbIndex;
    /// Class parameters.
    TCA_HTB_PARMS = 1 => Parms(parms): Wire<TcHtbOpt>,
    /// Qdisc parameters.
    TCA_HTB_INIT = 2 => Init(init): Wire<TcHtbGlob>,
    /// Ceiling rate table (1024 bytes, requests only).
    TCA_HTB_CTAB = 3 => Ctab(ctab): Bytes,
    /// Rate table (1024 bytes, requests only).
    TCA_HTB_RTAB = 4 => Rtab(rtab): Bytes,
    /// Length of the direct queue.
    TCA_HTB_DIRECT_QLEN = 5 => DirectQlen(direct_qlen): U32,
    /// Class rate, 64-bit.
    TCA_HTB_RATE64 = 6 => Rate64(rate64): U64,
    /// Class ceiling, 64-bit.
    TCA_HTB_CEIL64 = 7 => Ceil64(ceil64): U64,
    /// Alignment padding.
    TCA_HTB_PAD = 8 => Pad(pad): Bytes,
    /// Offloaded to hardware.
    TCA_HTB_OFFLOAD = 9 => Offload(offload): Flag,
}

nla_set! {
    /// HFSC class options (TCA_HFSC_*).
    pub struct HfscAttrs, enum HfscAttr, index HfscIndex;
    /// Real-time service curve.
    TCA_HFSC_RSC = 1 => Rsc(rsc): Wire<TcServiceCurve>,
    /// Link-sharing service curve.
    TCA_HFSC_FSC = 2 => Fsc(fsc): Wire<TcServiceCurve>,
    /// Upper-limit service curve.
    TCA_HFSC_USC = 3 => Usc(usc): Wire<TcServiceCurve>,
}

nla_set! {
    /// Netem options after the bare [`TcNetemQopt`] (TCA_NETEM_*).
    pub struct NetemAttrs, enum NetemAttr, index NetemIndex;
    /// Correlations.
    TCA_NETEM_CORR = 1 => Corr(corr): Wire<TcNetemCorr>,
    /// Delay distribution table (s16 values).
    TCA_NETEM_DELAY_DIST = 2 => DelayDist(delay_dist): Bytes,
    /// Reordering.
    TCA_NETEM_REORDER = 3 => Reorder(reorder): Wire<TcNetemReorder>,
    /// Corruption.
    TCA_NETEM_CORRUPT = 4 => Corrupt(corrupt): Wire<TcNetemCorrupt>,
    /// Loss models (NETEM_LOSS_*).
    TCA_NETEM_LOSS = 5 => Loss(loss): Nest<NetemLossAttrs>,
    /// Rate limiting.
    TCA_NETEM_RATE = 6 => Rate(rate): Wire<TcNetemRate>,
    /// Mark with ECN instead of dropping.
    TCA_NETEM_ECN = 7 => Ecn(ecn): U32,
    /// Rate, 64-bit.
    TCA_NETEM_RATE64 = 8 => Rate64(rate64): U64,
    /// Alignment padding.
    TCA_NETEM_PAD = 9 => Pad(pad): Bytes,
    /// Latency in nanoseconds.
    TCA_NETEM_LATENCY64 = 10 => Latency64(latency64): I64,
    /// Jitter in nanoseconds.
    TCA_NETEM_JITTER64 = 11 => Jitter64(jitter64): I64,
    /// Slotting.
    TCA_NETEM_SLOT = 12 => Slot(slot): Wire<TcNetemSlot>,
    /// Slot delay distribution table.
    TCA_NETEM_SLOT_DIST = 13 => SlotDist(slot_dist): Bytes,
}

nla_set! {
    /// Netem loss models (NETEM_LOSS_*).
    pub struct NetemLossAttrs, enum NetemLossAttr, index NetemLossIndex;
    /// General intuitive (4-state) model.
    NETEM_LOSS_GI = 1 => Gi(gi): Wire<TcNetemGimodel>,
    /// Gilbert-Elliot model.
    NETEM_LOSS_GE = 2 => Ge(ge): Wire<TcNetemGemodel>,
}

nla_set! {
    /// CoDel options (TCA_CODEL_*).
    pub struct CodelAttrs, enum CodelAttr, index CodelIndex;
    /// Target delay, microseconds.
    TCA_CODEL_TARGET = 1 => Target(target): U32,
    /// Queue limit, packets.
    TCA_CODEL_LIMIT = 2 => Limit(limit): U32,
    /// Interval, microseconds.
    TCA_CODEL_INTERVAL = 3 => Interval(interval): U32,
    /// ECN marking on.
    TCA_CODEL_ECN = 4 => Ecn(ecn): U32,
    /// CE marking threshold, microseconds.
    TCA_CODEL_CE_THRESHOLD = 5 => CeThreshold(ce_threshold): U32,
}

nla_set! {
    /// FQ-CoDel options (TCA_FQ_CODEL_*).
    pub struct FqCodelAttrs, enum FqCodelAttr, index FqCodelIndex;
    /// Target delay, microseconds.
    TCA_FQ_CODEL_TARGET = 1 => Target(target): U32,
    /// Queue limit, packets.
    TCA_FQ_CODEL_LIMIT = 2 => Limit(limit): U32,
    /// Interval, microseconds.
    TCA_FQ_CODEL_INTERVAL = 3 => Interval(interval): U32,
    /// ECN marking on.
    TCA_FQ_CODEL_ECN = 4 => Ecn(ecn): U32,
    /// Number of flows.
    TCA_FQ_CODEL_FLOWS = 5 => Flows(flows): U32,
    /// Bytes per round.
    TCA_FQ_CODEL_QUANTUM = 6 => Quantum(quantum): U32,
    /// CE marking threshold, microseconds.
    TCA_FQ_CODEL_CE_THRESHOLD = 7 => CeThreshold(ce_threshold): U32,
    /// Packets dropped at once.
    TCA_FQ_CODEL_DROP_BATCH_SIZE = 8 => DropBatchSize(drop_batch_size): U32,
    /// Memory limit, bytes.
    TCA_FQ_CODEL_MEMORY_LIMIT = 9 => MemoryLimit(memory_limit): U32,
    /// DS field selector of the CE threshold.
    TCA_FQ_CODEL_CE_THRESHOLD_SELECTOR = 10 => CeThresholdSelector(ce_threshold_selector): U8,
    /// DS field mask of the CE threshold.
    TCA_FQ_CODEL_CE_THRESHOLD_MASK = 11 => CeThresholdMask(ce_threshold_mask): U8,
}

/// TCA_FQ_CODEL_XSTATS_QDISC: `tc_fq_codel_xstats.type` of qdisc statistics.
pub const TCA_FQ_CODEL_XSTATS_QDISC: u32 = 0;
/// TCA_FQ_CODEL_XSTATS_CLASS: `tc_fq_codel_xstats.type` of class statistics.
pub const TCA_FQ_CODEL_XSTATS_CLASS: u32 = 1;

nla_set! {
    /// DRR class options (TCA_DRR_*).
    pub struct DrrAttrs, enum DrrAttr, index DrrIndex;
    /// Bytes per round.
    TCA_DRR_QUANTUM = 1 => Quantum(quantum): U32,
}

/// Netem's TCA_OPTIONS: a bare [`TcNetemQopt`] followed by TCA_NETEM_* attributes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NetemOptions<'a> {
    /// The leading struct.
    pub qopt: TcNetemQopt,
    /// The attributes after it.
    pub attrs: TcNest<'a, NetemAttrs>,
}

impl<'a> NetemOptions<'a> {
    /// Splits a netem TCA_OPTIONS payload (the struct must be whole).
    pub fn decode(a: &Attr<'a>) -> Result<Self, Error> {
        let p = a.payload();
        let (Some(head), Some(rest)) = (p.get(..TcNetemQopt::SIZE), p.get(TcNetemQopt::SIZE..))
        else {
            return Err(a.error(crate::nl::ErrorKind::BadAttrLen {
                expected: TcNetemQopt::SIZE as u16,
                got: p.len() as u16,
            }));
        };
        let base = a.offset() + crate::nl::NLA_HDRLEN + TcNetemQopt::SIZE;
        Ok(NetemOptions {
            qopt: crate::nl::attr::read_prefix(head),
            attrs: TcNest::from_attr(&Attr::from_parts(a.raw_type(), rest, base - 4)),
        })
    }
    /// Writes TCA_OPTIONS (`ty`): the struct then the attributes.
    pub fn emit<W: NlaWriter + ?Sized>(&self, w: &mut W, ty: u16) -> Result<(), Error> {
        use zerocopy::IntoBytes;
        let flag = if self.attrs.flagged() {
            crate::nl::NLA_F_NESTED
        } else {
            0
        };
        w.put_parts(ty | flag, &[self.qopt.as_bytes(), self.attrs.bytes()])
    }
    /// A one-pass index of the attributes.
    pub fn index(&self) -> Result<NetemIndex<'a>, Error> {
        NetemIndex::new(self.attrs.raw())
    }
}

/// SFQ's TCA_OPTIONS, a bare struct in one of two sizes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum SfqQopt {
    /// The old 20-byte `tc_sfq_qopt`.
    V0(TcSfqQopt),
    /// The 72-byte `tc_sfq_qopt_v1` (what kernels send).
    V1(TcSfqQoptV1),
}

impl SfqQopt {
    /// Reads by length: the v1 size or more is v1, anything shorter v0 (by prefix).
    pub fn decode(a: &Attr<'_>) -> Self {
        if a.payload().len() >= TcSfqQoptV1::SIZE {
            SfqQopt::V1(a.as_struct())
        } else {
            SfqQopt::V0(a.as_struct())
        }
    }
    /// The common part (`v0`).
    pub fn v0(&self) -> TcSfqQopt {
        match self {
            SfqQopt::V0(v) => *v,
            SfqQopt::V1(v) => {
                use zerocopy::IntoBytes;
                crate::nl::attr::read_prefix(v.as_bytes())
            }
        }
    }
}

/// TCA_XSTATS by kind: the simple, fixed ones typed, the rest raw.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub enum TcXstats<'a> {
    /// htb class: `tc_htb_xstats`.
    Htb(TcHtbXstats),
    /// sfq class: `tc_sfq_xstats`.
    Sfq(TcSfqXstats),
    /// fq_codel qdisc statistics.
    FqCodelQdisc(TcFqCodelXstatsQdisc),
    /// fq_codel class statistics.
    FqCodelClass(TcFqCodelXstatsClass),
    /// codel: `tc_codel_xstats`.
    Codel(TcCodelXstats),
    /// hfsc class: `tc_hfsc_stats`.
    Hfsc(TcHfscStats),
    /// Anything else, as it came.
    Other(Attr<'a>),
}

impl<'a> TcXstats<'a> {
    /// Reads TCA_XSTATS (or TCA_STATS_APP) of a `kind` object. Sizes that do not match
    /// the kind's struct give `Other`.
    pub fn decode(kind: &str, a: Attr<'a>) -> Self {
        let n = a.payload().len();
        match kind {
            "htb" if n == TcHtbXstats::SIZE => TcXstats::Htb(a.as_struct()),
            "sfq" if n == TcSfqXstats::SIZE => TcXstats::Sfq(a.as_struct()),
            "codel" if n == TcCodelXstats::SIZE => TcXstats::Codel(a.as_struct()),
            "hfsc" if n == TcHfscStats::SIZE => TcXstats::Hfsc(a.as_struct()),
            "fq_codel" if n == TcFqCodelXstatsQdisc::SIZE => {
                let q: TcFqCodelXstatsQdisc = a.as_struct();
                match q.type_() {
                    TCA_FQ_CODEL_XSTATS_QDISC => TcXstats::FqCodelQdisc(q),
                    TCA_FQ_CODEL_XSTATS_CLASS => TcXstats::FqCodelClass(a.as_struct()),
                    _ => TcXstats::Other(a),
                }
            }
            _ => TcXstats::Other(a),
        }
    }
    /// Writes the value back as attribute `ty`.
    pub fn emit<W: NlaWriter + ?Sized>(&self, w: &mut W, ty: u16) -> Result<(), Error> {
        match self {
            TcXstats::Htb(s) => w.put_struct(ty, s),
            TcXstats::Sfq(s) => w.put_struct(ty, s),
            TcXstats::FqCodelQdisc(s) => w.put_struct(ty, s),
            TcXstats::FqCodelClass(s) => w.put_struct(ty, s),
            TcXstats::Codel(s) => w.put_struct(ty, s),
            TcXstats::Hfsc(s) => w.put_struct(ty, s),
            TcXstats::Other(a) => w.put_bytes(ty, a.payload()),
        }
    }
    /// Describes the value (a struct object, or hex).
    pub fn describe(&self, out: &mut dyn Visitor) {
        match self {
            TcXstats::Htb(s) => s.describe(out),
            TcXstats::Sfq(s) => s.describe(out),
            TcXstats::FqCodelQdisc(s) => s.describe(out),
            TcXstats::FqCodelClass(s) => s.describe(out),
            TcXstats::Codel(s) => s.describe(out),
            TcXstats::Hfsc(s) => s.describe(out),
            TcXstats::Other(a) => out.scalar(Scalar::Hex(a.payload())),
        }
    }
}
