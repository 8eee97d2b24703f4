//! rtnetlink traffic control: qdisc, class, filter and action messages (RTM_*QDISC,
//! RTM_*TCLASS, RTM_*TFILTER, RTM_*ACTION) as views and builders.
//!
//! A message is a [`TcMsg`] (or a [`TcaMsg`] for actions) followed by the [`TcAttrs`]
//! (`TCA_*`) list; `TCA_OPTIONS` and `TCA_XSTATS` are read by `TCA_KIND` through
//! [`TcMessage::options`] / [`TcMessage::xstats`] ([`TcOptions`], [`TcXstats`]).
//! Nested lists keep whether the kernel set NLA_F_NESTED (it mostly does not in tc), so a
//! typed decode re-encodes byte for byte.

pub mod action;
pub mod build;
pub mod filter;
pub mod handle;
pub mod options;
pub mod qdisc;
pub mod structs;

use core::marker::PhantomData;

use crate::nl::attr::Kind;
use crate::nl::attr::kind::*;
use crate::nl::describe::{describe_attrs_with, describe_nested};
use crate::nl::{
    Attr, AttrIter, AttrSet, Ctx, Describe, Error, ErrorKind, NLA_F_NESTED, Nested, NlMsg,
    NlaWriter, Scalar, Visitor,
};

pub use action::*;
pub use build::*;
pub use filter::*;
pub use handle::*;
pub use options::*;
pub use qdisc::*;
pub use structs::*;

/// A nested list of set `S` that remembers whether NLA_F_NESTED was set, so that it is
/// written back as it came (tc dumps mostly leave the flag off).
pub struct TcNest<'a, S> {
    bytes: &'a [u8],
    base: usize,
    flagged: bool,
    _set: PhantomData<S>,
}

impl<'a, S> TcNest<'a, S> {
    /// A nest over an encoded attribute list (`flagged`: write it with NLA_F_NESTED).
    pub fn new(bytes: &'a [u8], flagged: bool) -> Self {
        TcNest {
            bytes,
            base: 0,
            flagged,
            _set: PhantomData,
        }
    }
    /// Reads the nest from an attribute.
    pub fn from_attr(a: &Attr<'a>) -> Self {
        TcNest {
            bytes: a.payload(),
            base: a.offset() + crate::nl::NLA_HDRLEN,
            flagged: a.is_nested(),
            _set: PhantomData,
        }
    }
    /// The raw walk of the members.
    pub fn raw(&self) -> AttrIter<'a> {
        AttrIter::with_base(self.bytes, self.base)
    }
    /// The encoded members.
    pub fn bytes(&self) -> &'a [u8] {
        self.bytes
    }
    /// NLA_F_NESTED was set on the enclosing attribute.
    pub fn flagged(&self) -> bool {
        self.flagged
    }
    /// As a plain [`Nested`] list.
    pub fn nested(&self) -> Nested<'a, S> {
        Nested::new(self.raw())
    }
    /// Writes the nest as attribute `ty` (with NLA_F_NESTED if it came with it).
    pub fn emit<W: NlaWriter + ?Sized>(&self, w: &mut W, ty: u16) -> Result<(), Error> {
        w.put_bytes(ty | if self.flagged { NLA_F_NESTED } else { 0 }, self.bytes)
    }
}

impl<'a, S: AttrSet> TcNest<'a, S> {
    /// Typed members, one `Result` each.
    pub fn iter(&self) -> impl Iterator<Item = Result<S::Item<'a>, Error>> + use<'a, S> {
        self.raw().map(|a| a.and_then(S::decode))
    }
    /// Describes the members with `S`'s list describer, one level deeper.
    pub fn describe(&self, ctx: &Ctx, out: &mut dyn Visitor) {
        describe_nested(self.raw(), ctx, out, S::describe_list)
    }
}

impl<S> Clone for TcNest<'_, S> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<S> Copy for TcNest<'_, S> {}
impl<S> PartialEq for TcNest<'_, S> {
    fn eq(&self, o: &Self) -> bool {
        self.bytes == o.bytes && self.flagged == o.flagged
    }
}
impl<S> core::fmt::Debug for TcNest<'_, S> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("TcNest")
            .field("len", &self.bytes.len())
            .field("flagged", &self.flagged)
            .finish()
    }
}

/// Table kind: a nested list of set `S` kept with its NLA_F_NESTED bit ([`TcNest`]).
#[derive(Debug, Clone, Copy)]
pub struct Nest<S>(PhantomData<S>);
impl<'a, S: AttrSet + 'a> Kind<'a> for Nest<S> {
    type T = TcNest<'a, S>;
    fn decode(a: &Attr<'a>) -> Result<TcNest<'a, S>, Error> {
        Ok(TcNest::from_attr(a))
    }
    fn encode<W: NlaWriter + ?Sized>(w: &mut W, ty: u16, v: &TcNest<'a, S>) -> Result<(), Error> {
        v.emit(w, ty)
    }
    fn describe(v: &TcNest<'a, S>, ctx: &Ctx, out: &mut dyn Visitor) {
        v.describe(ctx, out)
    }
}

/// Table kind: the attribute kept whole (payload and type flags), for members read by a
/// sibling (TCA_OPTIONS and TCA_XSTATS by TCA_KIND). Described as hex.
#[derive(Debug, Clone, Copy)]
pub struct RawAttr;
impl<'a> Kind<'a> for RawAttr {
    type T = Attr<'a>;
    fn decode(a: &Attr<'a>) -> Result<Attr<'a>, Error> {
        Ok(*a)
    }
    fn encode<W: NlaWriter + ?Sized>(w: &mut W, ty: u16, v: &Attr<'a>) -> Result<(), Error> {
        w.put_bytes(ty | (v.raw_type() & !crate::nl::NLA_TYPE_MASK), v.payload())
    }
    fn describe(v: &Attr<'a>, _: &Ctx, out: &mut dyn Visitor) {
        out.scalar(Scalar::Hex(v.payload()))
    }
}

wire_struct! {
    /// `struct nla_bitfield32` (NLA_BITFIELD32): a value and the bits of it that count.
    pub struct NlaBitfield32 {
        /// `value` of `nla_bitfield32`.
        value: u32,
        /// `selector` of `nla_bitfield32`.
        selector: u32,
    }
}

nla_set! {
    /// Top-level attributes of qdisc, class and filter messages (TCA_*).
    ///
    /// TCA_OPTIONS and TCA_XSTATS depend on TCA_KIND: describe a list with
    /// [`describe_tc_attrs`] (`nla_set!`'s `describe_list =` line is ambiguous in
    /// `macro_rules!`, so the generic describer of this set prints them as hex).
    pub struct TcAttrs, enum TcAttr, index TcIndex, describe_list = describe_tc_attrs;
    /// Qdisc, class or filter kind ("htb", "u32", ...).
    TCA_KIND = 1 => Kind(kind): CStr,
    /// Kind-specific options (see [`TcOptions`]).
    TCA_OPTIONS = 2 => Options(options): RawAttr,
    /// Legacy statistics.
    TCA_STATS = 3 => Stats(stats): Wire<TcStats>,
    /// Kind-specific statistics (see [`TcXstats`]).
    TCA_XSTATS = 4 => Xstats(xstats): RawAttr,
    /// Rate estimator parameters.
    TCA_RATE = 5 => Rate(rate): Wire<TcEstimator>,
    /// Filter count.
    TCA_FCNT = 6 => Fcnt(fcnt): U32,
    /// Statistics (TCA_STATS_*).
    TCA_STATS2 = 7 => Stats2(stats2): Nest<TcStatsAttrs>,
    /// Size table (TCA_STAB_*).
    TCA_STAB = 8 => Stab(stab): Nest<TcStabAttrs>,
    /// Alignment padding.
    TCA_PAD = 9 => Pad(pad): Bytes,
    /// Dump request: include invisible qdiscs.
    TCA_DUMP_INVISIBLE = 10 => DumpInvisible(dump_invisible): Flag,
    /// Filter chain index.
    TCA_CHAIN = 11 => Chain(chain): U32,
    /// Offloaded to hardware.
    TCA_HW_OFFLOAD = 12 => HwOffload(hw_offload): U8,
    /// Shared ingress block index.
    TCA_INGRESS_BLOCK = 13 => IngressBlock(ingress_block): U32,
    /// Shared egress block index.
    TCA_EGRESS_BLOCK = 14 => EgressBlock(egress_block): U32,
    /// Dump flags (TCA_DUMP_FLAGS_TERSE).
    TCA_DUMP_FLAGS = 15 => DumpFlags(dump_flags): Wire<NlaBitfield32>,
    /// A warning from the kernel.
    TCA_EXT_WARN_MSG = 16 => ExtWarnMsg(ext_warn_msg): CStr,
}

/// TCA_DUMP_FLAGS_TERSE: dump filters without their actions' details.
pub const TCA_DUMP_FLAGS_TERSE: u32 = 1;

nla_set! {
    /// Statistics inside TCA_STATS2 and TCA_ACT_STATS (TCA_STATS_*, `gen_stats.h`).
    pub struct TcStatsAttrs, enum TcStatsAttr, index TcStatsIndex;
    /// Bytes and packets.
    TCA_STATS_BASIC = 1 => Basic(basic): Wire<GnetStatsBasic>,
    /// Rate estimate (32-bit).
    TCA_STATS_RATE_EST = 2 => RateEst(rate_est): Wire<GnetStatsRateEst>,
    /// Queue counters.
    TCA_STATS_QUEUE = 3 => Queue(queue): Wire<GnetStatsQueue>,
    /// Kind-specific statistics (the same bytes as TCA_XSTATS).
    TCA_STATS_APP = 4 => App(app): Bytes,
    /// Rate estimate (64-bit).
    TCA_STATS_RATE_EST64 = 5 => RateEst64(rate_est64): Wire<GnetStatsRateEst64>,
    /// Alignment padding.
    TCA_STATS_PAD = 6 => Pad(pad): Bytes,
    /// Bytes and packets seen by hardware.
    TCA_STATS_BASIC_HW = 7 => BasicHw(basic_hw): Wire<GnetStatsBasic>,
    /// 64-bit packet count.
    TCA_STATS_PKT64 = 8 => Pkt64(pkt64): U64,
}

nla_set! {
    /// The size table (TCA_STAB_*).
    pub struct TcStabAttrs, enum TcStabAttr, index TcStabIndex;
    /// Table parameters.
    TCA_STAB_BASE = 1 => Base(base): Wire<TcSizespec>,
    /// The table: `tsize` native-endian u16 values.
    TCA_STAB_DATA = 2 => Data(data): Bytes,
}

nla_set! {
    /// Top-level attributes of action messages (TCA_ROOT_*).
    pub struct TcRootAttrs, enum TcRootAttr, index TcRootIndex;
    /// The actions (a [`ActionList`]).
    TCA_ROOT_TAB = 1 => Tab(tab): Nest<ActionList>,
    /// Dump flags (TCA_ACT_FLAG_LARGE_DUMP_ON, TCA_ACT_FLAG_TERSE_DUMP).
    TCA_ROOT_FLAGS = 2 => Flags(flags): Wire<NlaBitfield32>,
    /// Number of actions in this message.
    TCA_ROOT_COUNT = 3 => Count(count): U32,
    /// Only actions used in the last N milliseconds.
    TCA_ROOT_TIME_DELTA = 4 => TimeDelta(time_delta): U32,
    /// A warning from the kernel.
    TCA_ROOT_EXT_WARN_MSG = 5 => ExtWarnMsg(ext_warn_msg): CStr,
}

/// The TCA_KIND of a list, if present and text.
fn find_kind<'a>(iter: &AttrIter<'a>, ty: u16) -> &'a str {
    iter.find(ty).and_then(|a| a.as_cstr().ok()).unwrap_or("")
}

/// Describes a TCA_* list with TCA_OPTIONS and TCA_XSTATS read by TCA_KIND (and by the
/// message type in `ctx`: hfsc classes differ from hfsc qdiscs).
pub fn describe_tc_attrs(iter: AttrIter<'_>, ctx: &Ctx, out: &mut dyn Visitor) {
    let kind = find_kind(&iter, TCA_KIND);
    describe_attrs_with::<TcAttrs>(iter, ctx, out, |a, ctx, out| match a.kind() {
        TCA_OPTIONS => match TcOptions::decode(kind, ctx.msg_type, *a) {
            Ok(o) => o.describe(ctx, out),
            Err(e) => out.scalar(Scalar::Error(e)),
        },
        TCA_XSTATS => TcXstats::decode(kind, *a).describe(out),
        TCA_STATS2 => match ctx.deeper() {
            Some(c) => describe_stats2(a.nested(), kind, &c, out),
            None => out.scalar(Scalar::Error(a.error(ErrorKind::TooDeep))),
        },
        _ => TcAttrs::describe_value(a, ctx, out),
    })
}

/// Describes a TCA_STATS_* list with TCA_STATS_APP read by the owner's `kind` (it holds
/// the same bytes as TCA_XSTATS).
pub fn describe_stats2(iter: AttrIter<'_>, kind: &str, ctx: &Ctx, out: &mut dyn Visitor) {
    describe_attrs_with::<TcStatsAttrs>(iter, ctx, out, |a, ctx, out| match a.kind() {
        TCA_STATS_APP => TcXstats::decode(kind, *a).describe(out),
        _ => TcStatsAttrs::describe_value(a, ctx, out),
    })
}

/// A qdisc, class or filter message: the [`TcMsg`] header and the TCA_* attributes.
#[derive(Debug, Clone, Copy)]
pub struct TcMessage<'a> {
    msg: NlMsg<'a>,
    hdr: &'a TcMsg,
}

impl<'a> TcMessage<'a> {
    /// Reads the header of `msg` (which must hold a whole `tcmsg`).
    pub fn parse(msg: NlMsg<'a>) -> Result<Self, Error> {
        Ok(TcMessage {
            hdr: msg.fixed::<TcMsg>()?,
            msg,
        })
    }
    /// The netlink message.
    pub fn msg(&self) -> &NlMsg<'a> {
        &self.msg
    }
    /// The `tcmsg` header.
    pub fn header(&self) -> &'a TcMsg {
        self.hdr
    }
    /// `tcm_ifindex`.
    pub fn ifindex(&self) -> i32 {
        self.hdr.tcm_ifindex()
    }
    /// `tcm_handle`.
    pub fn handle(&self) -> TcHandle {
        TcHandle(self.hdr.tcm_handle())
    }
    /// `tcm_parent`.
    pub fn parent(&self) -> TcHandle {
        TcHandle(self.hdr.tcm_parent())
    }
    /// A filter's priority (upper 16 bits of `tcm_info`).
    pub fn filter_prio(&self) -> u16 {
        filter_prio(self.hdr.tcm_info())
    }
    /// A filter's protocol (lower 16 bits of `tcm_info`, network order), as a host value
    /// (ETH_P_IP is 0x0800).
    pub fn filter_protocol(&self) -> u16 {
        filter_protocol(self.hdr.tcm_info())
    }
    /// The attribute walk.
    pub fn attrs(&self) -> AttrIter<'a> {
        self.msg.attrs::<TcMsg>()
    }
    /// A one-pass index of the attributes.
    pub fn index(&self) -> Result<TcIndex<'a>, Error> {
        TcIndex::new(self.attrs())
    }
    /// TCA_KIND (`""` when absent or not text).
    pub fn kind(&self) -> &'a str {
        find_kind(&self.attrs(), TCA_KIND)
    }
    /// TCA_OPTIONS read by TCA_KIND; `Ok(None)` when absent.
    pub fn options(&self) -> Result<Option<TcOptions<'a>>, Error> {
        match self.attrs().find(TCA_OPTIONS) {
            Some(a) => TcOptions::decode(self.kind(), self.msg.nlmsg_type(), a).map(Some),
            None => Ok(None),
        }
    }
    /// TCA_XSTATS read by TCA_KIND; `None` when absent.
    pub fn xstats(&self) -> Option<TcXstats<'a>> {
        self.attrs()
            .find(TCA_XSTATS)
            .map(|a| TcXstats::decode(self.kind(), a))
    }
}

/// `tcm_info` of a filter: `prio << 16 | htons(protocol)`.
pub fn filter_info(prio: u16, protocol: u16) -> u32 {
    (u32::from(prio) << 16) | u32::from(u16::from_ne_bytes(protocol.to_be_bytes()))
}

/// The priority in a filter's `tcm_info`.
pub fn filter_prio(info: u32) -> u16 {
    (info >> 16) as u16
}

/// The protocol in a filter's `tcm_info`, as a host value.
pub fn filter_protocol(info: u32) -> u16 {
    u16::from_be_bytes((info as u16).to_ne_bytes())
}

/// An action message (RTM_*ACTION): the [`TcaMsg`] header and TCA_ROOT_* attributes.
#[derive(Debug, Clone, Copy)]
pub struct TcActionMessage<'a> {
    msg: NlMsg<'a>,
    hdr: &'a TcaMsg,
}

impl<'a> TcActionMessage<'a> {
    /// Reads the header of `msg`.
    pub fn parse(msg: NlMsg<'a>) -> Result<Self, Error> {
        Ok(TcActionMessage {
            hdr: msg.fixed::<TcaMsg>()?,
            msg,
        })
    }
    /// The `tcamsg` header.
    pub fn header(&self) -> &'a TcaMsg {
        self.hdr
    }
    /// The attribute walk.
    pub fn attrs(&self) -> AttrIter<'a> {
        self.msg.attrs::<TcaMsg>()
    }
    /// A one-pass index of the attributes.
    pub fn index(&self) -> Result<TcRootIndex<'a>, Error> {
        TcRootIndex::new(self.attrs())
    }
}

/// RTM_NEWACTION..RTM_GETACTION (48..=51) carry a `tcamsg`, not a `tcmsg`.
fn is_action_msg(ty: u16) -> bool {
    (48..=51).contains(&ty)
}

/// Describes the body of a tc message for the decode tool: `"tcmsg": {...}` (or
/// `"tcamsg"` for actions) then `"attrs": [...]` with options decoded by kind.
pub(crate) fn describe(msg: &NlMsg<'_>, out: &mut dyn Visitor) {
    let ctx = Ctx::new(msg.nlmsg_type(), 0);
    if is_action_msg(msg.nlmsg_type()) {
        match TcActionMessage::parse(*msg) {
            Ok(m) => {
                out.key("tcamsg");
                m.header().describe(out);
                out.key("attrs");
                let ctx = Ctx::new(msg.nlmsg_type(), m.header().tca_family());
                TcRootAttrs::describe_list(m.attrs(), &ctx, out);
            }
            Err(e) => {
                out.key("error");
                out.scalar(Scalar::Error(e));
            }
        }
        return;
    }
    match TcMessage::parse(*msg) {
        Ok(m) => {
            out.key("tcmsg");
            m.header().describe(out);
            out.key("attrs");
            let ctx = Ctx {
                family: m.header().tcm_family(),
                ..ctx
            };
            describe_tc_attrs(m.attrs(), &ctx, out);
        }
        Err(e) => {
            out.key("error");
            out.scalar(Scalar::Error(e));
        }
    }
}

/// Fuzzing entry point: decodes `data` as a datagram through every view of this
/// module. It must never panic, whatever the bytes.
pub fn fuzz_one(data: &[u8]) {
    let mut v = crate::nl::NullVisitor::default();
    let _ = crate::nl::describe_datagram::<super::Rtnl>(data, &mut v);
    if let Ok(s) = core::str::from_utf8(data) {
        let _ = TcHandle::parse(s).map(TcHandle::to_str_buf);
    }
    for m in crate::nl::Messages::new(data) {
        let Ok(m) = m else { break };
        if is_action_msg(m.nlmsg_type()) {
            if let Ok(a) = TcActionMessage::parse(m) {
                fuzz_root(a.attrs());
            }
            continue;
        }
        // Every message is tried as a tcmsg, whatever its type.
        if let Ok(t) = TcMessage::parse(m) {
            let _ = (t.handle().to_str_buf(), t.parent(), t.filter_prio());
            let _ = (t.filter_protocol(), t.ifindex(), t.kind());
            if let Ok(idx) = t.index() {
                let _ = (idx.kind(), idx.stats(), idx.rate(), idx.fcnt(), idx.chain());
                let _ = (idx.dump_flags(), idx.ext_warn_msg(), idx.hw_offload());
                if let Ok(Some(s)) = idx.stats2() {
                    fuzz_stats(s);
                }
                if let Ok(Some(s)) = idx.stab() {
                    s.iter().for_each(drop);
                }
            }
            for a in t.attrs().map_while(Result::ok) {
                let _ = TcAttr::decode(a);
            }
            if let Ok(Some(o)) = t.options() {
                options::fuzz_options(&o);
            }
            // Every kind on the same bytes, qdisc, class and filter.
            if let Some(a) = t.attrs().find(TCA_OPTIONS) {
                for k in options::KNOWN_KINDS {
                    for ty in [36u16, 40, 44] {
                        if let Ok(o) = TcOptions::decode(k, ty, a) {
                            options::fuzz_options(&o);
                        }
                    }
                    TcXstats::decode(k, a).describe(&mut v);
                }
            }
            let _ = t.xstats();
        }
    }
}

/// Walks a TCA_STATS_* list through its typed getters.
pub(crate) fn fuzz_stats(s: TcNest<'_, TcStatsAttrs>) {
    if let Ok(i) = TcStatsIndex::new(s.raw()) {
        let _ = (i.basic(), i.rate_est(), i.queue(), i.app(), i.rate_est64());
        let _ = (i.basic_hw(), i.pkt64());
    }
    s.iter().for_each(drop);
}

fn fuzz_root(iter: AttrIter<'_>) {
    if let Ok(i) = TcRootIndex::new(iter.clone()) {
        let _ = (i.flags(), i.count(), i.time_delta(), i.ext_warn_msg());
        if let Ok(Some(t)) = i.tab() {
            action::fuzz_actions(t);
        }
    }
    for a in iter.map_while(Result::ok) {
        let _ = TcRootAttr::decode(a);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nl::{AttrBuilder, Buffer, SliceBuf};

    #[test]
    fn filter_info_packs_prio_and_network_order_protocol() {
        let info = filter_info(10, 0x0800);
        assert_eq!(
            info.to_ne_bytes()[..2],
            if cfg!(target_endian = "little") {
                [0x08, 0x00]
            } else {
                [0x00, 0x0a]
            }
        );
        assert_eq!((filter_prio(info), filter_protocol(info)), (10, 0x0800));
    }

    #[test]
    fn nests_keep_their_flag() {
        let mut store = [0u8; 64];
        let mut w = AttrBuilder::new(SliceBuf::new(&mut store));
        let n = w.nest_start_raw(TCA_STATS2).unwrap();
        w.put_u64(TCA_STATS_PKT64, 5).unwrap();
        w.nest_end(n).unwrap();
        let buf = w.into_inner();
        let bytes: heapless::Vec<u8, 64> = heapless::Vec::from_slice(buf.as_slice()).unwrap();
        let a = AttrIter::new(&bytes).next().unwrap().unwrap();
        let v = TcAttr::decode(a).unwrap();
        let mut out = [0u8; 64];
        let mut w2 = AttrBuilder::new(SliceBuf::new(&mut out));
        v.emit(&mut w2).unwrap();
        assert_eq!(w2.into_inner().as_slice(), &bytes[..]);
        let TcAttr::Stats2(s) = v else { panic!() };
        assert!(!s.flagged());
        assert_eq!(TcStatsIndex::new(s.raw()).unwrap().pkt64(), Ok(Some(5)));
    }
}
