//! rtnetlink policy routing rules (RTM_NEWRULE / RTM_DELRULE / RTM_GETRULE): `struct
//! fib_rule_hdr`, the FRA_* set of <linux/fib_rules.h>, FR_ACT_* actions, a view and a
//! builder helper. FRA_DSCP..FRA_DSCP_MASK (25..30) come from newer kernels than the
//! installed header; the running kernel sends FRA_SPORT_MASK.

use super::consts::{RTM_GETRULE, RTM_NEWRULE, describe_hdr_attrs};
use crate::nl::attr::kind::*;
use crate::nl::{AttrIter, AttrSet, Buffer, Ctx, Error, MsgBuilder, NlMsg, Visitor};

wire_struct! {
    /// `struct fib_rule_hdr`: the family header of rule messages.
    pub struct FibRuleHdr {
        /// Address family.
        family: u8,
        /// Destination prefix length.
        dst_len: u8,
        /// Source prefix length.
        src_len: u8,
        /// TOS to match.
        tos: u8,
        /// Table id (RT_TABLE_COMPAT above 255: see FRA_TABLE).
        table: u8,
        /// Reserved.
        res1: u8,
        /// Reserved.
        res2: u8,
        /// FR_ACT_* action.
        action: u8,
        /// FIB_RULE_* flags.
        flags: u32,
    }
}

wire_struct! {
    /// `struct fib_rule_uid_range` (FRA_UID_RANGE).
    pub struct FibRuleUidRange {
        /// First UID.
        start: u32,
        /// Last UID.
        end: u32,
    }
}

wire_struct! {
    /// `struct fib_rule_port_range` (FRA_SPORT_RANGE, FRA_DPORT_RANGE), host order.
    pub struct FibRulePortRange {
        /// First port.
        start: u16,
        /// Last port.
        end: u16,
    }
}

/// FIB_RULE_PERMANENT: the rule cannot be deleted.
pub const FIB_RULE_PERMANENT: u32 = 0x0000_0001;
/// FIB_RULE_INVERT: the selector is inverted ("not").
pub const FIB_RULE_INVERT: u32 = 0x0000_0002;
/// FIB_RULE_UNRESOLVED: the goto target does not exist.
pub const FIB_RULE_UNRESOLVED: u32 = 0x0000_0004;
/// FIB_RULE_IIF_DETACHED: the input interface is gone.
pub const FIB_RULE_IIF_DETACHED: u32 = 0x0000_0008;
/// FIB_RULE_DEV_DETACHED: same as FIB_RULE_IIF_DETACHED.
pub const FIB_RULE_DEV_DETACHED: u32 = FIB_RULE_IIF_DETACHED;
/// FIB_RULE_OIF_DETACHED: the output interface is gone.
pub const FIB_RULE_OIF_DETACHED: u32 = 0x0000_0010;
/// FIB_RULE_FIND_SADDR: find a source address in route lookups.
pub const FIB_RULE_FIND_SADDR: u32 = 0x0001_0000;

/// FR_ACT_UNSPEC.
pub const FR_ACT_UNSPEC: u8 = 0;
/// FR_ACT_TO_TBL: look up in a table.
pub const FR_ACT_TO_TBL: u8 = 1;
/// FR_ACT_GOTO: jump to another rule.
pub const FR_ACT_GOTO: u8 = 2;
/// FR_ACT_NOP: no operation.
pub const FR_ACT_NOP: u8 = 3;
/// FR_ACT_RES3: reserved.
pub const FR_ACT_RES3: u8 = 4;
/// FR_ACT_RES4: reserved.
pub const FR_ACT_RES4: u8 = 5;
/// FR_ACT_BLACKHOLE: drop silently.
pub const FR_ACT_BLACKHOLE: u8 = 6;
/// FR_ACT_UNREACHABLE: drop with ENETUNREACH.
pub const FR_ACT_UNREACHABLE: u8 = 7;
/// FR_ACT_PROHIBIT: drop with EACCES.
pub const FR_ACT_PROHIBIT: u8 = 8;

/// The kernel name of a rule action (FR_ACT_*).
pub fn fr_act_name(a: u8) -> Option<&'static str> {
    Some(match a {
        FR_ACT_UNSPEC => "FR_ACT_UNSPEC",
        FR_ACT_TO_TBL => "FR_ACT_TO_TBL",
        FR_ACT_GOTO => "FR_ACT_GOTO",
        FR_ACT_NOP => "FR_ACT_NOP",
        FR_ACT_RES3 => "FR_ACT_RES3",
        FR_ACT_RES4 => "FR_ACT_RES4",
        FR_ACT_BLACKHOLE => "FR_ACT_BLACKHOLE",
        FR_ACT_UNREACHABLE => "FR_ACT_UNREACHABLE",
        FR_ACT_PROHIBIT => "FR_ACT_PROHIBIT",
        _ => return None,
    })
}

nla_set! {
    /// Rule attributes (FRA_*), the whole enum of <linux/fib_rules.h>.
    pub struct RuleAttrs, enum RuleAttr, index RuleIndex, visitor RuleVisitor;
    /// Destination prefix.
    FRA_DST = 1 => Dst(dst): Ip,
    /// Source prefix.
    FRA_SRC = 2 => Src(src): Ip,
    /// Input interface name (FRA_IFNAME).
    FRA_IIFNAME = 3 => Iifname(iifname): CStr,
    /// Target rule priority of FR_ACT_GOTO.
    FRA_GOTO = 4 => Goto(goto): U32,
    /// Unused.
    FRA_UNUSED2 = 5 => Unused2(unused2): Bytes,
    /// Priority (preference).
    FRA_PRIORITY = 6 => Priority(priority): U32,
    /// Unused.
    FRA_UNUSED3 = 7 => Unused3(unused3): Bytes,
    /// Unused.
    FRA_UNUSED4 = 8 => Unused4(unused4): Bytes,
    /// Unused.
    FRA_UNUSED5 = 9 => Unused5(unused5): Bytes,
    /// Firewall mark.
    FRA_FWMARK = 10 => Fwmark(fwmark): U32,
    /// Realm (flow/class id).
    FRA_FLOW = 11 => Flow(flow): U32,
    /// Tunnel id, network order.
    FRA_TUN_ID = 12 => TunId(tun_id): Be64,
    /// Suppress lookups through interfaces of this group.
    FRA_SUPPRESS_IFGROUP = 13 => SuppressIfgroup(suppress_ifgroup): U32,
    /// Suppress routes with a prefix length at or below this.
    FRA_SUPPRESS_PREFIXLEN = 14 => SuppressPrefixlen(suppress_prefixlen): U32,
    /// Table id (all 32 bits).
    FRA_TABLE = 15 => Table(table): U32,
    /// Firewall mark mask.
    FRA_FWMASK = 16 => Fwmask(fwmask): U32,
    /// Output interface name.
    FRA_OIFNAME = 17 => Oifname(oifname): CStr,
    /// Padding for 64-bit alignment.
    FRA_PAD = 18 => Pad(pad): Bytes,
    /// Use the table of the l3mdev (VRF) of iif/oif.
    FRA_L3MDEV = 19 => L3mdev(l3mdev): U8,
    /// UID range.
    FRA_UID_RANGE = 20 => UidRange(uid_range): Wire<FibRuleUidRange>,
    /// Originator of the rule (RTPROT_*).
    FRA_PROTOCOL = 21 => Protocol(protocol): U8,
    /// IP protocol.
    FRA_IP_PROTO = 22 => IpProto(ip_proto): U8,
    /// Source port range.
    FRA_SPORT_RANGE = 23 => SportRange(sport_range): Wire<FibRulePortRange>,
    /// Destination port range.
    FRA_DPORT_RANGE = 24 => DportRange(dport_range): Wire<FibRulePortRange>,
    /// DSCP to match (Linux 6.12+; newer than the installed header, sent by this kernel).
    FRA_DSCP = 25 => Dscp(dscp): U8,
    /// IPv6 flow label to match, network order (Linux 6.14+).
    FRA_FLOWLABEL = 26 => Flowlabel(flowlabel): Be32,
    /// Mask of FRA_FLOWLABEL, network order (Linux 6.14+).
    FRA_FLOWLABEL_MASK = 27 => FlowlabelMask(flowlabel_mask): Be32,
    /// Mask of the source port (Linux 6.15+; the kernel reports 0xffff for a range).
    FRA_SPORT_MASK = 28 => SportMask(sport_mask): U16,
    /// Mask of the destination port (Linux 6.15+).
    FRA_DPORT_MASK = 29 => DportMask(dport_mask): U16,
    /// Mask of FRA_DSCP (Linux 6.15+).
    FRA_DSCP_MASK = 30 => DscpMask(dscp_mask): U8,
}

msg_view! {
    /// A view of one rule message.
    pub struct RuleMsg {
        header: FibRuleHdr,
        attr: RuleAttr,
        index: RuleAttrs => RuleIndex,
        visitor: RuleAttrs => RuleVisitor,
        types: RTM_NEWRULE..=RTM_GETRULE,
    }
}
impl<'a> RuleMsg<'a> {
    /// The table id: FRA_TABLE when present, else the header's `table`.
    pub fn table(&self) -> u32 {
        match self.attrs().find(FRA_TABLE).map(|a| a.as_u32()) {
            Some(Ok(t)) => t,
            _ => self.hdr.table().into(),
        }
    }
}

/// Starts a rule message with header `hdr`; add attributes, then `finish()`.
pub fn build<B: Buffer>(
    buf: B,
    nlmsg_type: u16,
    flags: u16,
    seq: u32,
    hdr: &FibRuleHdr,
) -> Result<MsgBuilder<B>, Error> {
    MsgBuilder::with_header(buf, nlmsg_type, flags, seq, hdr)
}

/// Describes the body of a rule message for the decode tool.
pub(crate) fn describe(msg: &NlMsg<'_>, out: &mut dyn Visitor) {
    describe_hdr_attrs::<FibRuleHdr, RuleAttrs>(msg, "fib_rule_hdr", out)
}

/// Fuzzing entry point: decodes `data` as a datagram through every view of this
/// module. It must never panic, whatever the bytes.
pub fn fuzz_one(data: &[u8]) {
    let mut v = crate::nl::NullVisitor::default();
    let _ = crate::nl::describe_datagram::<super::Rtnl>(data, &mut v);
    for m in crate::nl::Messages::new(data).flatten() {
        if let Ok(r) = RuleMsg::parse(m) {
            let _ = (r.table(), fr_act_name(r.header().action()));
            r.iter().for_each(drop);
            if let Ok(i) = r.index() {
                let _ = (
                    i.dst(),
                    i.src(),
                    i.iifname(),
                    i.goto(),
                    i.priority(),
                    i.fwmark(),
                );
                let _ = (
                    i.flow(),
                    i.tun_id(),
                    i.suppress_ifgroup(),
                    i.suppress_prefixlen(),
                );
                let _ = (
                    i.table(),
                    i.fwmask(),
                    i.oifname(),
                    i.l3mdev(),
                    i.uid_range(),
                );
                let _ = (i.protocol(), i.ip_proto(), i.sport_range(), i.dport_range());
                let _ = (i.dscp(), i.flowlabel(), i.flowlabel_mask(), i.sport_mask());
                let _ = (i.dport_mask(), i.dscp_mask());
            }
        }
    }
    RuleAttrs::describe_list(AttrIter::new(data), &Ctx::default(), &mut v);
}
