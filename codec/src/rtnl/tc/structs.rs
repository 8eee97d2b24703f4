//! Fixed kernel structs of traffic control (`linux/pkt_sched.h`, `pkt_cls.h`,
//! `gen_stats.h`, `tc_act/*.h`), with the kernel's field names and x86_64 layout.
//!
//! Structs whose C layout has tail padding (a `u64` followed by `u32`s) carry an explicit
//! padding field so that a typed re-encode writes exactly the bytes the kernel sent; they
//! are read by common prefix, so 32-bit senders (no padding) decode too.

use crate::nl::{Describe, Scalar, Visitor};
use zerocopy::byteorder::{I32, NativeEndian, U32};

wire_struct! {
    /// `struct tcmsg`: the family header of qdisc, class and filter messages.
    pub struct TcMsg {
        /// `tcm_family` of `tcmsg`.
        tcm_family: u8,
        /// `tcm_pad1` of `tcmsg`.
        tcm_pad1: u8,
        /// `tcm_pad2` of `tcmsg`.
        tcm_pad2: u16,
        /// `tcm_ifindex` of `tcmsg`.
        tcm_ifindex: i32,
        /// `tcm_handle` of `tcmsg`.
        tcm_handle: u32,
        /// `tcm_parent` of `tcmsg`.
        tcm_parent: u32,
        /// Filters: `prio << 16 | protocol` (protocol in network order); qdiscs: refcount.
        tcm_info: u32,
    }
}

wire_struct! {
    /// `struct tcamsg`: the family header of action messages (RTM_*ACTION).
    pub struct TcaMsg {
        /// `tca_family` of `tcamsg`.
        tca_family: u8,
        /// `tca_pad1` of `tcamsg`.
        tca_pad1: u8,
        /// `tca_pad2` of `tcamsg`.
        tca_pad2: u16,
    }
}

wire_struct! {
    /// `struct tc_stats` (TCA_STATS), 40 bytes on 64-bit kernels (4 of tail padding).
    pub struct TcStats {
        /// `bytes` of `tc_stats`.
        bytes: u64,
        /// `packets` of `tc_stats`.
        packets: u32,
        /// `drops` of `tc_stats`.
        drops: u32,
        /// `overlimits` of `tc_stats`.
        overlimits: u32,
        /// `bps` of `tc_stats`.
        bps: u32,
        /// `pps` of `tc_stats`.
        pps: u32,
        /// `qlen` of `tc_stats`.
        qlen: u32,
        /// `backlog` of `tc_stats`.
        backlog: u32,
        /// Tail padding of the 64-bit layout.
        pad: [u8; 4],
    }
}

wire_struct! {
    /// `struct tc_estimator` (TCA_RATE).
    pub struct TcEstimator {
        /// `interval` of `tc_estimator`.
        interval: i8,
        /// `ewma_log` of `tc_estimator`.
        ewma_log: u8,
    }
}

wire_struct! {
    /// `struct gnet_stats_basic` (TCA_STATS_BASIC, TCA_STATS_BASIC_HW), 16 bytes on
    /// 64-bit kernels.
    pub struct GnetStatsBasic {
        /// `bytes` of `gnet_stats_basic`.
        bytes: u64,
        /// `packets` of `gnet_stats_basic`.
        packets: u32,
        /// Tail padding of the 64-bit layout.
        pad: [u8; 4],
    }
}

wire_struct! {
    /// `struct gnet_stats_rate_est` (TCA_STATS_RATE_EST).
    pub struct GnetStatsRateEst {
        /// `bps` of `gnet_stats_rate_est`.
        bps: u32,
        /// `pps` of `gnet_stats_rate_est`.
        pps: u32,
    }
}

wire_struct! {
    /// `struct gnet_stats_rate_est64` (TCA_STATS_RATE_EST64).
    pub struct GnetStatsRateEst64 {
        /// `bps` of `gnet_stats_rate_est64`.
        bps: u64,
        /// `pps` of `gnet_stats_rate_est64`.
        pps: u64,
    }
}

wire_struct! {
    /// `struct gnet_stats_queue` (TCA_STATS_QUEUE).
    pub struct GnetStatsQueue {
        /// `qlen` of `gnet_stats_queue`.
        qlen: u32,
        /// `backlog` of `gnet_stats_queue`.
        backlog: u32,
        /// `drops` of `gnet_stats_queue`.
        drops: u32,
        /// `requeues` of `gnet_stats_queue`.
        requeues: u32,
        /// `overlimits` of `gnet_stats_queue`.
        overlimits: u32,
    }
}

wire_struct! {
    /// `struct tc_sizespec` (TCA_STAB_BASE).
    pub struct TcSizespec {
        /// `cell_log` of `tc_sizespec`.
        cell_log: u8,
        /// `size_log` of `tc_sizespec`.
        size_log: u8,
        /// `cell_align` of `tc_sizespec`.
        cell_align: i16,
        /// `overhead` of `tc_sizespec`.
        overhead: i32,
        /// `linklayer` of `tc_sizespec`.
        linklayer: u32,
        /// `mpu` of `tc_sizespec`.
        mpu: u32,
        /// `mtu` of `tc_sizespec`.
        mtu: u32,
        /// `tsize` of `tc_sizespec`.
        tsize: u32,
    }
}

wire_struct! {
    /// `struct tc_ratespec`: a rate and its link-layer accounting.
    pub struct TcRatespec {
        /// `cell_log` of `tc_ratespec`.
        cell_log: u8,
        /// Link layer in the lower 4 bits (TC_LINKLAYER_*).
        linklayer: u8,
        /// `overhead` of `tc_ratespec`.
        overhead: u16,
        /// `cell_align` of `tc_ratespec`.
        cell_align: i16,
        /// `mpu` of `tc_ratespec`.
        mpu: u16,
        /// Bytes per second (saturates at 2^32-1: see the *_RATE64 attributes).
        rate: u32,
    }
}

wire_struct! {
    /// `struct tc_fifo_qopt`: the whole TCA_OPTIONS of pfifo, bfifo and pfifo_head_drop.
    pub struct TcFifoQopt {
        /// Packets (pfifo) or bytes (bfifo).
        limit: u32,
    }
}

wire_struct! {
    /// `struct tc_prio_qopt`: the whole TCA_OPTIONS of prio and pfifo_fast.
    pub struct TcPrioQopt {
        /// `bands` of `tc_prio_qopt`.
        bands: i32,
        /// Logical priority (TC_PRIO_*) to band.
        priomap: [u8; 16],
    }
}

wire_struct! {
    /// `struct tc_htb_glob` (TCA_HTB_INIT).
    pub struct TcHtbGlob {
        /// `version` of `tc_htb_glob`.
        version: u32,
        /// `rate2quantum` of `tc_htb_glob`.
        rate2quantum: u32,
        /// `defcls` of `tc_htb_glob`.
        defcls: u32,
        /// `debug` of `tc_htb_glob`.
        debug: u32,
        /// `direct_pkts` of `tc_htb_glob`.
        direct_pkts: u32,
    }
}

wire_struct! {
    /// `struct tc_htb_xstats` (TCA_XSTATS of an htb class).
    pub struct TcHtbXstats {
        /// `lends` of `tc_htb_xstats`.
        lends: u32,
        /// `borrows` of `tc_htb_xstats`.
        borrows: u32,
        /// `giants` of `tc_htb_xstats`.
        giants: u32,
        /// `tokens` of `tc_htb_xstats`.
        tokens: i32,
        /// `ctokens` of `tc_htb_xstats`.
        ctokens: i32,
    }
}

wire_struct! {
    /// `struct tc_sfq_qopt` (the old, short TCA_OPTIONS of sfq).
    pub struct TcSfqQopt {
        /// `quantum` of `tc_sfq_qopt`.
        quantum: u32,
        /// `perturb_period` of `tc_sfq_qopt`.
        perturb_period: i32,
        /// `limit` of `tc_sfq_qopt`.
        limit: u32,
        /// `divisor` of `tc_sfq_qopt`.
        divisor: u32,
        /// `flows` of `tc_sfq_qopt`.
        flows: u32,
    }
}

wire_struct! {
    /// `struct tc_sfq_qopt_v1` flattened: `v0` (tc_sfq_qopt) then the SFQRED part and
    /// `stats` (tc_sfqred_stats) with their field names.
    pub struct TcSfqQoptV1 {
        /// `quantum` of `tc_sfq_qopt_v1`.
        quantum: u32,
        /// `perturb_period` of `tc_sfq_qopt_v1`.
        perturb_period: i32,
        /// `limit` of `tc_sfq_qopt_v1`.
        limit: u32,
        /// `divisor` of `tc_sfq_qopt_v1`.
        divisor: u32,
        /// `flows` of `tc_sfq_qopt_v1`.
        flows: u32,
        /// `depth` of `tc_sfq_qopt_v1`.
        depth: u32,
        /// `headdrop` of `tc_sfq_qopt_v1`.
        headdrop: u32,
        /// `limit` of the SFQRED part (hard flow queue length, bytes).
        red_limit: u32,
        /// `qth_min` of `tc_sfq_qopt_v1`.
        qth_min: u32,
        /// `qth_max` of `tc_sfq_qopt_v1`.
        qth_max: u32,
        /// `wlog` of `tc_sfq_qopt_v1`.
        wlog: u8,
        /// `plog` of `tc_sfq_qopt_v1`.
        plog: u8,
        /// `scell_log` of `tc_sfq_qopt_v1`.
        scell_log: u8,
        /// `flags` of `tc_sfq_qopt_v1`.
        flags: u8,
        /// `max_p` of `tc_sfq_qopt_v1`.
        max_p: u32,
        /// `prob_drop` of `tc_sfq_qopt_v1`.
        prob_drop: u32,
        /// `forced_drop` of `tc_sfq_qopt_v1`.
        forced_drop: u32,
        /// `prob_mark` of `tc_sfq_qopt_v1`.
        prob_mark: u32,
        /// `forced_mark` of `tc_sfq_qopt_v1`.
        forced_mark: u32,
        /// `prob_mark_head` of `tc_sfq_qopt_v1`.
        prob_mark_head: u32,
        /// `forced_mark_head` of `tc_sfq_qopt_v1`.
        forced_mark_head: u32,
    }
}

wire_struct! {
    /// `struct tc_sfq_xstats` (TCA_XSTATS of an sfq class).
    pub struct TcSfqXstats {
        /// `allot` of `tc_sfq_xstats`.
        allot: i32,
    }
}

wire_struct! {
    /// `struct tc_hfsc_qopt`: the whole TCA_OPTIONS of an hfsc qdisc.
    pub struct TcHfscQopt {
        /// `defcls` of `tc_hfsc_qopt`.
        defcls: u16,
    }
}

wire_struct! {
    /// `struct tc_service_curve` (TCA_HFSC_RSC, FSC, USC).
    pub struct TcServiceCurve {
        /// `m1` of `tc_service_curve`.
        m1: u32,
        /// `d` of `tc_service_curve`.
        d: u32,
        /// `m2` of `tc_service_curve`.
        m2: u32,
    }
}

wire_struct! {
    /// `struct tc_hfsc_stats` (TCA_XSTATS of an hfsc class).
    pub struct TcHfscStats {
        /// `work` of `tc_hfsc_stats`.
        work: u64,
        /// `rtwork` of `tc_hfsc_stats`.
        rtwork: u64,
        /// `period` of `tc_hfsc_stats`.
        period: u32,
        /// `level` of `tc_hfsc_stats`.
        level: u32,
    }
}

wire_struct! {
    /// `struct tc_netem_qopt`: the bare struct that starts netem's TCA_OPTIONS.
    pub struct TcNetemQopt {
        /// `latency` of `tc_netem_qopt`.
        latency: u32,
        /// `limit` of `tc_netem_qopt`.
        limit: u32,
        /// `loss` of `tc_netem_qopt`.
        loss: u32,
        /// `gap` of `tc_netem_qopt`.
        gap: u32,
        /// `duplicate` of `tc_netem_qopt`.
        duplicate: u32,
        /// `jitter` of `tc_netem_qopt`.
        jitter: u32,
    }
}

wire_struct! {
    /// `struct tc_netem_corr` (TCA_NETEM_CORR).
    pub struct TcNetemCorr {
        /// `delay_corr` of `tc_netem_corr`.
        delay_corr: u32,
        /// `loss_corr` of `tc_netem_corr`.
        loss_corr: u32,
        /// `dup_corr` of `tc_netem_corr`.
        dup_corr: u32,
    }
}

wire_struct! {
    /// `struct tc_netem_reorder` (TCA_NETEM_REORDER).
    pub struct TcNetemReorder {
        /// `probability` of `tc_netem_reorder`.
        probability: u32,
        /// `correlation` of `tc_netem_reorder`.
        correlation: u32,
    }
}

wire_struct! {
    /// `struct tc_netem_corrupt` (TCA_NETEM_CORRUPT).
    pub struct TcNetemCorrupt {
        /// `probability` of `tc_netem_corrupt`.
        probability: u32,
        /// `correlation` of `tc_netem_corrupt`.
        correlation: u32,
    }
}

wire_struct! {
    /// `struct tc_netem_rate` (TCA_NETEM_RATE).
    pub struct TcNetemRate {
        /// `rate` of `tc_netem_rate`.
        rate: u32,
        /// `packet_overhead` of `tc_netem_rate`.
        packet_overhead: i32,
        /// `cell_size` of `tc_netem_rate`.
        cell_size: u32,
        /// `cell_overhead` of `tc_netem_rate`.
        cell_overhead: i32,
    }
}

wire_struct! {
    /// `struct tc_netem_slot` (TCA_NETEM_SLOT).
    pub struct TcNetemSlot {
        /// `min_delay` of `tc_netem_slot`.
        min_delay: i64,
        /// `max_delay` of `tc_netem_slot`.
        max_delay: i64,
        /// `max_packets` of `tc_netem_slot`.
        max_packets: i32,
        /// `max_bytes` of `tc_netem_slot`.
        max_bytes: i32,
        /// `dist_delay` of `tc_netem_slot`.
        dist_delay: i64,
        /// `dist_jitter` of `tc_netem_slot`.
        dist_jitter: i64,
    }
}

wire_struct! {
    /// `struct tc_netem_gimodel` (NETEM_LOSS_GI).
    pub struct TcNetemGimodel {
        /// `p13` of `tc_netem_gimodel`.
        p13: u32,
        /// `p31` of `tc_netem_gimodel`.
        p31: u32,
        /// `p32` of `tc_netem_gimodel`.
        p32: u32,
        /// `p14` of `tc_netem_gimodel`.
        p14: u32,
        /// `p23` of `tc_netem_gimodel`.
        p23: u32,
    }
}

wire_struct! {
    /// `struct tc_netem_gemodel` (NETEM_LOSS_GE).
    pub struct TcNetemGemodel {
        /// `p` of `tc_netem_gemodel`.
        p: u32,
        /// `r` of `tc_netem_gemodel`.
        r: u32,
        /// `h` of `tc_netem_gemodel`.
        h: u32,
        /// `k1` of `tc_netem_gemodel`.
        k1: u32,
    }
}

wire_struct! {
    /// `struct tc_codel_xstats` (TCA_XSTATS of codel).
    pub struct TcCodelXstats {
        /// `maxpacket` of `tc_codel_xstats`.
        maxpacket: u32,
        /// `count` of `tc_codel_xstats`.
        count: u32,
        /// `lastcount` of `tc_codel_xstats`.
        lastcount: u32,
        /// `ldelay` of `tc_codel_xstats`.
        ldelay: u32,
        /// `drop_next` of `tc_codel_xstats`.
        drop_next: i32,
        /// `drop_overlimit` of `tc_codel_xstats`.
        drop_overlimit: u32,
        /// `ecn_mark` of `tc_codel_xstats`.
        ecn_mark: u32,
        /// `dropping` of `tc_codel_xstats`.
        dropping: u32,
        /// `ce_mark` of `tc_codel_xstats`.
        ce_mark: u32,
    }
}

wire_struct! {
    /// `struct tc_fq_codel_xstats` of `type` TCA_FQ_CODEL_XSTATS_QDISC (0): `type` then
    /// `qdisc_stats` (tc_fq_codel_qd_stats).
    pub struct TcFqCodelXstatsQdisc {
        /// `type`: TCA_FQ_CODEL_XSTATS_QDISC or _CLASS.
        type_: u32,
        /// `maxpacket` of `tc_fq_codel_xstats`.
        maxpacket: u32,
        /// `drop_overlimit` of `tc_fq_codel_xstats`.
        drop_overlimit: u32,
        /// `ecn_mark` of `tc_fq_codel_xstats`.
        ecn_mark: u32,
        /// `new_flow_count` of `tc_fq_codel_xstats`.
        new_flow_count: u32,
        /// `new_flows_len` of `tc_fq_codel_xstats`.
        new_flows_len: u32,
        /// `old_flows_len` of `tc_fq_codel_xstats`.
        old_flows_len: u32,
        /// `ce_mark` of `tc_fq_codel_xstats`.
        ce_mark: u32,
        /// `memory_usage` of `tc_fq_codel_xstats`.
        memory_usage: u32,
        /// `drop_overmemory` of `tc_fq_codel_xstats`.
        drop_overmemory: u32,
    }
}

wire_struct! {
    /// `struct tc_fq_codel_xstats` of `type` TCA_FQ_CODEL_XSTATS_CLASS (1): `type` then
    /// `class_stats` (tc_fq_codel_cl_stats), padded to the union's size.
    pub struct TcFqCodelXstatsClass {
        /// `type`: TCA_FQ_CODEL_XSTATS_QDISC or _CLASS.
        type_: u32,
        /// `deficit` of `tc_fq_codel_xstats`.
        deficit: i32,
        /// `ldelay` of `tc_fq_codel_xstats`.
        ldelay: u32,
        /// `count` of `tc_fq_codel_xstats`.
        count: u32,
        /// `lastcount` of `tc_fq_codel_xstats`.
        lastcount: u32,
        /// `dropping` of `tc_fq_codel_xstats`.
        dropping: u32,
        /// `drop_next` of `tc_fq_codel_xstats`.
        drop_next: i32,
        /// The rest of the union.
        pad: [u8; 12],
    }
}

wire_struct! {
    /// `struct tc_u32_key`: one 32-bit match of a u32 selector.
    pub struct TcU32Key {
        /// `mask` of `tc_u32_key`.
        mask: be32,
        /// `val` of `tc_u32_key`.
        val: be32,
        /// `off` of `tc_u32_key`.
        off: i32,
        /// `offmask` of `tc_u32_key`.
        offmask: i32,
    }
}

wire_struct! {
    /// `struct tc_u32_sel` without its trailing `keys[]` (see [`U32Sel`](super::filter::U32Sel)).
    pub struct TcU32SelHdr {
        /// `flags` of `tc_u32_sel`.
        flags: u8,
        /// `offshift` of `tc_u32_sel`.
        offshift: u8,
        /// `nkeys` of `tc_u32_sel`.
        nkeys: u8,
        /// Alignment hole of the C struct.
        pad: u8,
        /// `offmask` of `tc_u32_sel`.
        offmask: be16,
        /// `off` of `tc_u32_sel`.
        off: u16,
        /// `offoff` of `tc_u32_sel`.
        offoff: i16,
        /// `hoff` of `tc_u32_sel`.
        hoff: i16,
        /// `hmask` of `tc_u32_sel`.
        hmask: be32,
    }
}

wire_struct! {
    /// `struct tc_u32_mark` (TCA_U32_MARK).
    pub struct TcU32Mark {
        /// `val` of `tc_u32_mark`.
        val: u32,
        /// `mask` of `tc_u32_mark`.
        mask: u32,
        /// `success` of `tc_u32_mark`.
        success: u32,
    }
}

wire_struct! {
    /// `struct sock_filter`: one classic BPF instruction (TCA_BPF_OPS, TCA_ACT_BPF_OPS).
    pub struct SockFilter {
        /// `code` of `sock_filter`.
        code: u16,
        /// `jt` of `sock_filter`.
        jt: u8,
        /// `jf` of `sock_filter`.
        jf: u8,
        /// `k` of `sock_filter`.
        k: u32,
    }
}

wire_struct! {
    /// `struct tcf_t`: install/last-use/expiry times of an action, in jiffies.
    pub struct TcfT {
        /// `install` of `tcf_t`.
        install: u64,
        /// `lastuse` of `tcf_t`.
        lastuse: u64,
        /// `expires` of `tcf_t`.
        expires: u64,
        /// `firstuse` of `tcf_t`.
        firstuse: u64,
    }
}

wire_struct! {
    /// `struct tc_gact` (TCA_GACT_PARMS): the `tc_gen` fields.
    pub struct TcGact {
        /// `index` of `tc_gact`.
        index: u32,
        /// `capab` of `tc_gact`.
        capab: u32,
        /// The verdict (TC_ACT_*).
        action: i32,
        /// `refcnt` of `tc_gact`.
        refcnt: i32,
        /// `bindcnt` of `tc_gact`.
        bindcnt: i32,
    }
}

wire_struct! {
    /// `struct tc_gact_p` (TCA_GACT_PROB).
    pub struct TcGactP {
        /// `ptype` of `tc_gact_p`.
        ptype: u16,
        /// `pval` of `tc_gact_p`.
        pval: u16,
        /// `paction` of `tc_gact_p`.
        paction: i32,
    }
}

wire_struct! {
    /// `struct tc_mirred` (TCA_MIRRED_PARMS).
    pub struct TcMirred {
        /// `index` of `tc_mirred`.
        index: u32,
        /// `capab` of `tc_mirred`.
        capab: u32,
        /// `action` of `tc_mirred`.
        action: i32,
        /// `refcnt` of `tc_mirred`.
        refcnt: i32,
        /// `bindcnt` of `tc_mirred`.
        bindcnt: i32,
        /// TCA_EGRESS_REDIR, TCA_EGRESS_MIRROR, TCA_INGRESS_REDIR, TCA_INGRESS_MIRROR.
        eaction: i32,
        /// `ifindex` of `tc_mirred`.
        ifindex: u32,
    }
}

wire_struct! {
    /// `struct tc_vlan` (TCA_VLAN_PARMS).
    pub struct TcVlan {
        /// `index` of `tc_vlan`.
        index: u32,
        /// `capab` of `tc_vlan`.
        capab: u32,
        /// `action` of `tc_vlan`.
        action: i32,
        /// `refcnt` of `tc_vlan`.
        refcnt: i32,
        /// `bindcnt` of `tc_vlan`.
        bindcnt: i32,
        /// TCA_VLAN_ACT_POP, PUSH, MODIFY, POP_ETH, PUSH_ETH.
        v_action: i32,
    }
}

wire_struct! {
    /// `struct tc_connmark` (TCA_CONNMARK_PARMS), 24 bytes with its tail padding.
    pub struct TcConnmark {
        /// `index` of `tc_connmark`.
        index: u32,
        /// `capab` of `tc_connmark`.
        capab: u32,
        /// `action` of `tc_connmark`.
        action: i32,
        /// `refcnt` of `tc_connmark`.
        refcnt: i32,
        /// `bindcnt` of `tc_connmark`.
        bindcnt: i32,
        /// `zone` of `tc_connmark`.
        zone: u16,
        /// Tail padding.
        pad: [u8; 2],
    }
}

wire_struct! {
    /// `struct tc_act_bpf` (TCA_ACT_BPF_PARMS).
    pub struct TcActBpf {
        /// `index` of `tc_act_bpf`.
        index: u32,
        /// `capab` of `tc_act_bpf`.
        capab: u32,
        /// `action` of `tc_act_bpf`.
        action: i32,
        /// `refcnt` of `tc_act_bpf`.
        refcnt: i32,
        /// `bindcnt` of `tc_act_bpf`.
        bindcnt: i32,
    }
}

/// Implements the zerocopy derives, getters and [`Describe`] for a struct that embeds
/// [`TcRatespec`]s (which `wire_struct!` cannot nest).
macro_rules! rate_struct {
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            $( $(#[$fmeta:meta])* $field:ident : $fty:ty => $how:ident ),* $(,)?
        }
    ) => {
        $(#[$meta])*
        #[repr(C)]
        #[derive(Clone, Copy, Default, PartialEq, Eq, Hash, Debug,
                 zerocopy::FromBytes, zerocopy::IntoBytes, zerocopy::KnownLayout,
                 zerocopy::Immutable, zerocopy::Unaligned)]
        pub struct $name {
            $( $(#[$fmeta])* pub $field: $fty, )*
        }

        impl $name {
            /// Size of the struct on the wire, in bytes.
            pub const SIZE: usize = core::mem::size_of::<Self>();
        }

        impl Describe for $name {
            fn describe(&self, out: &mut dyn Visitor) {
                out.begin_object();
                $( out.key(stringify!($field)); rate_struct!(@d $how, self.$field, out); )*
                out.end_object();
            }
        }

        #[cfg(feature = "defmt")]
        impl defmt::Format for $name {
            fn format(&self, f: defmt::Formatter<'_>) {
                defmt::write!(f, "{=str}", stringify!($name));
            }
        }
    };
    (@d rate, $e:expr, $out:ident) => { $e.describe($out) };
    (@d uint, $e:expr, $out:ident) => { $out.scalar(Scalar::U64($e.get().into())) };
    (@d int, $e:expr, $out:ident) => { $out.scalar(Scalar::I64($e.get().into())) };
}

rate_struct! {
    /// `struct tc_tbf_qopt` (TCA_TBF_PARMS).
    pub struct TcTbfQopt {
        /// The token rate.
        rate: TcRatespec => rate,
        /// The peak rate (0 rate: none).
        peakrate: TcRatespec => rate,
        /// Queue limit, bytes.
        limit: U32<NativeEndian> => uint,
        /// Bucket size, in scheduler ticks (psched time).
        buffer: U32<NativeEndian> => uint,
        /// Peak-rate bucket (minburst), in ticks.
        mtu: U32<NativeEndian> => uint,
    }
}

rate_struct! {
    /// `struct tc_htb_opt` (TCA_HTB_PARMS of a class).
    pub struct TcHtbOpt {
        /// Guaranteed rate.
        rate: TcRatespec => rate,
        /// Ceiling rate.
        ceil: TcRatespec => rate,
        /// Burst, in ticks.
        buffer: U32<NativeEndian> => uint,
        /// Ceiling burst, in ticks.
        cbuffer: U32<NativeEndian> => uint,
        /// Bytes per DRR round.
        quantum: U32<NativeEndian> => uint,
        /// Level in the tree (out only).
        level: U32<NativeEndian> => uint,
        /// Priority (0 is highest).
        prio: U32<NativeEndian> => uint,
    }
}

rate_struct! {
    /// `struct tc_police` (TCA_POLICE_TBF).
    pub struct TcPolice {
        /// Action index.
        index: U32<NativeEndian> => uint,
        /// The verdict when over the limit (TC_ACT_*).
        action: I32<NativeEndian> => int,
        /// Queue limit.
        limit: U32<NativeEndian> => uint,
        /// Bucket, in ticks.
        burst: U32<NativeEndian> => uint,
        /// Largest packet.
        mtu: U32<NativeEndian> => uint,
        /// The rate.
        rate: TcRatespec => rate,
        /// The peak rate.
        peakrate: TcRatespec => rate,
        /// References.
        refcnt: I32<NativeEndian> => int,
        /// Bindings.
        bindcnt: I32<NativeEndian> => int,
        /// Capabilities.
        capab: U32<NativeEndian> => uint,
    }
}

impl TcHtbOpt {
    /// `prio` as a plain value.
    pub fn prio(&self) -> u32 {
        self.prio.get()
    }
    /// `quantum` as a plain value.
    pub fn quantum(&self) -> u32 {
        self.quantum.get()
    }
    /// `buffer` as a plain value.
    pub fn buffer(&self) -> u32 {
        self.buffer.get()
    }
    /// `cbuffer` as a plain value.
    pub fn cbuffer(&self) -> u32 {
        self.cbuffer.get()
    }
    /// `level` as a plain value.
    pub fn level(&self) -> u32 {
        self.level.get()
    }
}

impl TcTbfQopt {
    /// `limit` as a plain value.
    pub fn limit(&self) -> u32 {
        self.limit.get()
    }
    /// `buffer` as a plain value.
    pub fn buffer(&self) -> u32 {
        self.buffer.get()
    }
    /// `mtu` as a plain value.
    pub fn mtu(&self) -> u32 {
        self.mtu.get()
    }
}

impl TcPolice {
    /// `action` as a plain value.
    pub fn action(&self) -> i32 {
        self.action.get()
    }
    /// `burst` as a plain value.
    pub fn burst(&self) -> u32 {
        self.burst.get()
    }
    /// `mtu` as a plain value.
    pub fn mtu(&self) -> u32 {
        self.mtu.get()
    }
    /// `index` as a plain value.
    pub fn index(&self) -> u32 {
        self.index.get()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_match_the_uapi_layout() {
        assert_eq!(TcMsg::SIZE, 20);
        assert_eq!(TcStats::SIZE, 40);
        assert_eq!(GnetStatsBasic::SIZE, 16);
        assert_eq!(GnetStatsQueue::SIZE, 20);
        assert_eq!(TcSizespec::SIZE, 24);
        assert_eq!(TcRatespec::SIZE, 12);
        assert_eq!(TcPrioQopt::SIZE, 20);
        assert_eq!(TcTbfQopt::SIZE, 36);
        assert_eq!(TcHtbOpt::SIZE, 44);
        assert_eq!(TcHtbGlob::SIZE, 20);
        assert_eq!(TcSfqQoptV1::SIZE, 72);
        assert_eq!(TcNetemQopt::SIZE, 24);
        assert_eq!(TcNetemSlot::SIZE, 40);
        assert_eq!(TcFqCodelXstatsQdisc::SIZE, 40);
        assert_eq!(TcFqCodelXstatsClass::SIZE, 40);
        assert_eq!(TcU32SelHdr::SIZE, 16);
        assert_eq!(TcU32Key::SIZE, 16);
        assert_eq!(TcPolice::SIZE, 56);
        assert_eq!(TcMirred::SIZE, 28);
        assert_eq!(TcConnmark::SIZE, 24);
        assert_eq!(TcfT::SIZE, 32);
        assert_eq!(TcHfscStats::SIZE, 24);
    }
}
