//! rtnetlink neighbour messages (RTM_NEWNEIGH / RTM_DELNEIGH / RTM_GETNEIGH, also the
//! bridge FDB) and neighbour tables (RTM_NEWNEIGHTBL / RTM_GETNEIGHTBL /
//! RTM_SETNEIGHTBL), from <linux/neighbour.h>: headers, attribute sets, views, builders.

use super::consts::{
    NestKind, RTM_GETNEIGH, RTM_NEWNEIGH, RTM_NEWNEIGHTBL, RTM_SETNEIGHTBL, describe_hdr_attrs,
    flags_value,
};
use crate::nl::attr::kind::*;
use crate::nl::{AttrIter, AttrSet, Buffer, Ctx, Error, ErrorKind, MsgBuilder, NlMsg, Visitor};

wire_struct! {
    /// `struct ndmsg`: the family header of neighbour messages.
    pub struct NdMsg {
        /// Address family (AF_INET, AF_INET6, AF_BRIDGE for the FDB).
        ndm_family: u8,
        /// Padding.
        ndm_pad1: u8,
        /// Padding.
        ndm_pad2: u16,
        /// Interface index.
        ndm_ifindex: i32,
        /// NUD_* state.
        ndm_state: u16,
        /// NTF_* flags.
        ndm_flags: u8,
        /// Type (RTN_*).
        ndm_type: u8,
    }
}

wire_struct! {
    /// `struct nda_cacheinfo` (NDA_CACHEINFO): ages in clock ticks.
    pub struct NdaCacheinfo {
        /// Since last confirmed.
        ndm_confirmed: u32,
        /// Since last used.
        ndm_used: u32,
        /// Since last updated.
        ndm_updated: u32,
        /// Reference count.
        ndm_refcnt: u32,
    }
}

bitflags::bitflags! {
    /// NUD_* neighbour states (`ndm_state`; NUD_NONE is the empty set).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
    pub struct Nud: u16 {
        /// NUD_INCOMPLETE: resolution in progress.
        const INCOMPLETE = 0x01;
        /// NUD_REACHABLE: confirmed reachable.
        const REACHABLE = 0x02;
        /// NUD_STALE: not confirmed lately.
        const STALE = 0x04;
        /// NUD_DELAY: waiting before probing.
        const DELAY = 0x08;
        /// NUD_PROBE: probing.
        const PROBE = 0x10;
        /// NUD_FAILED: resolution failed.
        const FAILED = 0x20;
        /// NUD_NOARP: no resolution needed.
        const NOARP = 0x40;
        /// NUD_PERMANENT: static entry.
        const PERMANENT = 0x80;
        /// Bits this table does not name survive.
        const _ = !0;
    }
}

bitflags::bitflags! {
    /// NTF_* neighbour flags (`ndm_flags`).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
    pub struct Ntf: u8 {
        /// NTF_USE: mark the entry used.
        const USE = 1 << 0;
        /// NTF_SELF: the device's own FDB.
        const SELF = 1 << 1;
        /// NTF_MASTER: the master's (bridge's) FDB.
        const MASTER = 1 << 2;
        /// NTF_PROXY: a proxy entry (== ATF_PUBL).
        const PROXY = 1 << 3;
        /// NTF_EXT_LEARNED: learned externally.
        const EXT_LEARNED = 1 << 4;
        /// NTF_OFFLOADED: offloaded to hardware.
        const OFFLOADED = 1 << 5;
        /// NTF_STICKY: a sticky FDB entry.
        const STICKY = 1 << 6;
        /// NTF_ROUTER: the neighbour is a router.
        const ROUTER = 1 << 7;
        /// Bits this table does not name survive.
        const _ = !0;
    }
}

bitflags::bitflags! {
    /// NTF_EXT_* extended neighbour flags (NDA_FLAGS_EXT).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
    pub struct NtfExt: u32 {
        /// NTF_EXT_MANAGED: kept reachable by the kernel.
        const MANAGED = 1 << 0;
        /// Bits this table does not name survive.
        const _ = !0;
    }
}
flags_value!(NtfExt, as_u32, put_u32);

/// FDB_NOTIFY_BIT (NFEA_ACTIVITY_NOTIFY): notify on activity/expiry.
pub const FDB_NOTIFY_BIT: u8 = 1 << 0;
/// FDB_NOTIFY_INACTIVE_BIT (NFEA_ACTIVITY_NOTIFY): marked inactive.
pub const FDB_NOTIFY_INACTIVE_BIT: u8 = 1 << 1;

nla_set! {
    /// FDB extension attributes (NFEA_*), nested in NDA_FDB_EXT_ATTRS.
    pub struct FdbExtAttrs, enum FdbExtAttr, index FdbExtIndex;
    /// FDB_NOTIFY_* bits.
    NFEA_ACTIVITY_NOTIFY = 1 => ActivityNotify(activity_notify): U8,
    /// Do not refresh the entry.
    NFEA_DONT_REFRESH = 2 => DontRefresh(dont_refresh): Flag,
}

nla_set! {
    /// Neighbour attributes (NDA_*), the whole enum of <linux/neighbour.h>.
    pub struct NeighAttrs, enum NeighAttr, index NeighIndex, visitor NeighVisitor;
    /// Network address (IPv4/IPv6 by length; the remote for VXLAN FDB entries).
    NDA_DST = 1 => Dst(dst): Ip,
    /// Link-layer address.
    NDA_LLADDR = 2 => Lladdr(lladdr): LlAddr,
    /// Ages and reference count.
    NDA_CACHEINFO = 3 => Cacheinfo(cacheinfo): Wire<NdaCacheinfo>,
    /// Probes sent.
    NDA_PROBES = 4 => Probes(probes): U32,
    /// VLAN id (bridge FDB).
    NDA_VLAN = 5 => Vlan(vlan): U16,
    /// UDP port (VXLAN FDB), network order.
    NDA_PORT = 6 => Port(port): Be16,
    /// VNI (VXLAN FDB).
    NDA_VNI = 7 => Vni(vni): U32,
    /// Outgoing interface (VXLAN FDB).
    NDA_IFINDEX = 8 => Ifindex(ifindex): U32,
    /// Master device index.
    NDA_MASTER = 9 => Master(master): U32,
    /// Namespace id of the link.
    NDA_LINK_NETNSID = 10 => LinkNetnsid(link_netnsid): I32,
    /// Source VNI.
    NDA_SRC_VNI = 11 => SrcVni(src_vni): U32,
    /// Originator of the entry.
    NDA_PROTOCOL = 12 => Protocol(protocol): U8,
    /// Nexthop (group) id.
    NDA_NH_ID = 13 => NhId(nh_id): U32,
    /// FDB extension attributes.
    NDA_FDB_EXT_ATTRS = 14 => FdbExtAttrs(fdb_ext_attrs): NestKind<FdbExtAttrs>,
    /// NTF_EXT_* flags.
    NDA_FLAGS_EXT = 15 => FlagsExt(flags_ext): Value<NtfExt>,
    /// State mask of a dump filter.
    NDA_NDM_STATE_MASK = 16 => NdmStateMask(ndm_state_mask): U16,
    /// Flags mask of a dump filter.
    NDA_NDM_FLAGS_MASK = 17 => NdmFlagsMask(ndm_flags_mask): U8,
}

msg_view! {
    /// A view of one neighbour message.
    pub struct NeighMsg {
        header: NdMsg,
        attr: NeighAttr,
        index: NeighAttrs => NeighIndex,
        visitor: NeighAttrs => NeighVisitor,
        types: RTM_NEWNEIGH..=RTM_GETNEIGH,
    }
}
impl<'a> NeighMsg<'a> {
    /// `ndm_state` as flags.
    pub fn state(&self) -> Nud {
        Nud::from_bits_retain(self.hdr.ndm_state())
    }
    /// `ndm_flags` as flags.
    pub fn flags(&self) -> Ntf {
        Ntf::from_bits_retain(self.hdr.ndm_flags())
    }
}

/// Starts a neighbour message with header `hdr`; add attributes, then `finish()`.
pub fn build<B: Buffer>(
    buf: B,
    nlmsg_type: u16,
    flags: u16,
    seq: u32,
    hdr: &NdMsg,
) -> Result<MsgBuilder<B>, Error> {
    MsgBuilder::with_header(buf, nlmsg_type, flags, seq, hdr)
}

// --- neighbour tables ----------------------------------------------------------------

wire_struct! {
    /// `struct ndtmsg`: the family header of neighbour table messages.
    pub struct NdtMsg {
        /// Address family.
        ndtm_family: u8,
        /// Padding.
        ndtm_pad1: u8,
        /// Padding.
        ndtm_pad2: u16,
    }
}

wire_struct! {
    /// `struct ndt_config` (NDTA_CONFIG).
    pub struct NdtConfig {
        /// Key (address) length.
        ndtc_key_len: u16,
        /// Entry size.
        ndtc_entry_size: u16,
        /// Number of entries.
        ndtc_entries: u32,
        /// Since last flush, msecs.
        ndtc_last_flush: u32,
        /// Since last hash re-seed, msecs.
        ndtc_last_rand: u32,
        /// Hash seed.
        ndtc_hash_rnd: u32,
        /// Hash mask.
        ndtc_hash_mask: u32,
        /// Hash chain GC position.
        ndtc_hash_chain_gc: u32,
        /// Proxy queue length.
        ndtc_proxy_qlen: u32,
    }
}

wire_struct! {
    /// `struct ndt_stats` (NDTA_STATS).
    pub struct NdtStats {
        /// Entries allocated.
        ndts_allocs: u64,
        /// Entries destroyed.
        ndts_destroys: u64,
        /// Hash table grows.
        ndts_hash_grows: u64,
        /// Resolution failures.
        ndts_res_failed: u64,
        /// Lookups.
        ndts_lookups: u64,
        /// Lookup hits.
        ndts_hits: u64,
        /// Multicast probes received.
        ndts_rcv_probes_mcast: u64,
        /// Unicast probes received.
        ndts_rcv_probes_ucast: u64,
        /// Periodic GC runs.
        ndts_periodic_gc_runs: u64,
        /// Forced GC runs.
        ndts_forced_gc_runs: u64,
        /// Table full events.
        ndts_table_fulls: u64,
    }
}

nla_set! {
    /// Neighbour table parameters (NDTPA_*), nested in NDTA_PARMS.
    pub struct NdtpaAttrs, enum NdtpaAttr, index NdtpaIndex;
    /// Interface index of a per-device set.
    NDTPA_IFINDEX = 1 => Ifindex(ifindex): U32,
    /// Reference count.
    NDTPA_REFCNT = 2 => Refcnt(refcnt): U32,
    /// Reachable time, msecs.
    NDTPA_REACHABLE_TIME = 3 => ReachableTime(reachable_time): U64,
    /// Base reachable time, msecs.
    NDTPA_BASE_REACHABLE_TIME = 4 => BaseReachableTime(base_reachable_time): U64,
    /// Retransmit time, msecs.
    NDTPA_RETRANS_TIME = 5 => RetransTime(retrans_time): U64,
    /// GC stale time, msecs.
    NDTPA_GC_STALETIME = 6 => GcStaletime(gc_staletime): U64,
    /// Delay before probing, msecs.
    NDTPA_DELAY_PROBE_TIME = 7 => DelayProbeTime(delay_probe_time): U64,
    /// Queue length, packets.
    NDTPA_QUEUE_LEN = 8 => QueueLen(queue_len): U32,
    /// Application probes.
    NDTPA_APP_PROBES = 9 => AppProbes(app_probes): U32,
    /// Unicast probes.
    NDTPA_UCAST_PROBES = 10 => UcastProbes(ucast_probes): U32,
    /// Multicast probes.
    NDTPA_MCAST_PROBES = 11 => McastProbes(mcast_probes): U32,
    /// Anycast delay, msecs.
    NDTPA_ANYCAST_DELAY = 12 => AnycastDelay(anycast_delay): U64,
    /// Proxy delay, msecs.
    NDTPA_PROXY_DELAY = 13 => ProxyDelay(proxy_delay): U64,
    /// Proxy queue length.
    NDTPA_PROXY_QLEN = 14 => ProxyQlen(proxy_qlen): U32,
    /// Lock time, msecs.
    NDTPA_LOCKTIME = 15 => Locktime(locktime): U64,
    /// Queue length, bytes.
    NDTPA_QUEUE_LENBYTES = 16 => QueueLenbytes(queue_lenbytes): U32,
    /// Multicast reprobes.
    NDTPA_MCAST_REPROBES = 17 => McastReprobes(mcast_reprobes): U32,
    /// Padding for 64-bit alignment.
    NDTPA_PAD = 18 => Pad(pad): Bytes,
    /// Probe interval, msecs.
    NDTPA_INTERVAL_PROBE_TIME_MS = 19 => IntervalProbeTimeMs(interval_probe_time_ms): U64,
}

nla_set! {
    /// Neighbour table attributes (NDTA_*).
    pub struct NdtaAttrs, enum NdtaAttr, index NdtaIndex;
    /// Table name ("arp_cache", "ndisc_cache").
    NDTA_NAME = 1 => Name(name): CStr,
    /// GC threshold 1.
    NDTA_THRESH1 = 2 => Thresh1(thresh1): U32,
    /// GC threshold 2.
    NDTA_THRESH2 = 3 => Thresh2(thresh2): U32,
    /// GC threshold 3.
    NDTA_THRESH3 = 4 => Thresh3(thresh3): U32,
    /// Configuration (read-only).
    NDTA_CONFIG = 5 => Config(config): Wire<NdtConfig>,
    /// Parameters.
    NDTA_PARMS = 6 => Parms(parms): NestKind<NdtpaAttrs>,
    /// Statistics (read-only).
    NDTA_STATS = 7 => Stats(stats): Wire<NdtStats>,
    /// GC interval, msecs.
    NDTA_GC_INTERVAL = 8 => GcInterval(gc_interval): U64,
    /// Padding for 64-bit alignment.
    NDTA_PAD = 9 => Pad(pad): Bytes,
}

/// A view of one neighbour table message.
#[derive(Debug, Clone, Copy)]
pub struct NeighTblMsg<'a> {
    msg: NlMsg<'a>,
    hdr: &'a NdtMsg,
}

impl<'a> NeighTblMsg<'a> {
    /// Checks the type (RTM_NEWNEIGHTBL..RTM_SETNEIGHTBL) and that the header is whole.
    pub fn parse(msg: NlMsg<'a>) -> Result<Self, Error> {
        if !(RTM_NEWNEIGHTBL..=RTM_SETNEIGHTBL).contains(&msg.nlmsg_type()) {
            return Err(
                Error::new(ErrorKind::WrongType, msg.offset()).with_msg_type(msg.nlmsg_type())
            );
        }
        Ok(NeighTblMsg {
            msg,
            hdr: msg.fixed()?,
        })
    }
    /// `struct ndtmsg`.
    pub fn header(&self) -> &'a NdtMsg {
        self.hdr
    }
    /// The attribute walk.
    pub fn attrs(&self) -> AttrIter<'a> {
        self.msg.attrs::<NdtMsg>()
    }
    /// Typed attributes.
    pub fn iter(&self) -> impl Iterator<Item = Result<NdtaAttr<'a>, Error>> + use<'a> {
        self.attrs().map(|a| a.and_then(NdtaAttr::decode))
    }
    /// A one-pass index for typed lookups.
    pub fn index(&self) -> Result<NdtaIndex<'a>, Error> {
        NdtaIndex::new(self.attrs())
    }
}

/// Describes the body of a neighbour message (or, for RTM_*NEIGHTBL types, a neighbour
/// table message) for the decode tool.
pub(crate) fn describe(msg: &NlMsg<'_>, out: &mut dyn Visitor) {
    if (RTM_NEWNEIGHTBL..=RTM_SETNEIGHTBL).contains(&msg.nlmsg_type()) {
        describe_neightbl(msg, out)
    } else {
        describe_hdr_attrs::<NdMsg, NeighAttrs>(msg, "ndmsg", out)
    }
}

/// Describes the body of a neighbour table message: `"ndtmsg"` then `"attrs"`.
pub fn describe_neightbl(msg: &NlMsg<'_>, out: &mut dyn Visitor) {
    describe_hdr_attrs::<NdtMsg, NdtaAttrs>(msg, "ndtmsg", out)
}

/// Fuzzing entry point: decodes `data` as a datagram through every view of this
/// module. It must never panic, whatever the bytes.
pub fn fuzz_one(data: &[u8]) {
    let mut v = crate::nl::NullVisitor::default();
    let _ = crate::nl::describe_datagram::<super::Rtnl>(data, &mut v);
    for m in crate::nl::Messages::new(data).flatten() {
        describe(&m, &mut v);
        describe_neightbl(&m, &mut v);
        if let Ok(n) = NeighMsg::parse(m) {
            let _ = (n.state(), n.flags(), n.header().ndm_ifindex());
            n.iter().for_each(drop);
            if let Ok(i) = n.index() {
                let _ = (
                    i.dst(),
                    i.lladdr(),
                    i.cacheinfo(),
                    i.probes(),
                    i.vlan(),
                    i.port(),
                );
                let _ = (
                    i.vni(),
                    i.ifindex(),
                    i.master(),
                    i.link_netnsid(),
                    i.src_vni(),
                );
                let _ = (i.protocol(), i.nh_id(), i.flags_ext(), i.ndm_state_mask());
                let _ = i.ndm_flags_mask();
                if let Ok(Some(f)) = i.fdb_ext_attrs() {
                    f.list.iter().for_each(drop);
                }
            }
        }
        if let Ok(t) = NeighTblMsg::parse(m) {
            t.iter().for_each(drop);
            if let Ok(i) = t.index() {
                let _ = (
                    i.name(),
                    i.thresh1(),
                    i.config(),
                    i.stats(),
                    i.gc_interval(),
                );
                if let Ok(Some(p)) = i.parms() {
                    p.list.iter().for_each(drop);
                }
            }
        }
    }
    let ctx = Ctx::default();
    NeighAttrs::describe_list(AttrIter::new(data), &ctx, &mut v);
    NdtaAttrs::describe_list(AttrIter::new(data), &ctx, &mut v);
    NdtpaAttrs::describe_list(AttrIter::new(data), &ctx, &mut v);
}

#[cfg(feature = "defmt")]
super::consts::defmt_flags!(Nud, Ntf, NtfExt);
