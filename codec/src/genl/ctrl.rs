//! nlctrl, the generic netlink controller (GENL_ID_CTRL): family lookup (CTRL_CMD_*),
//! family attributes (CTRL_ATTR_*), operations, multicast groups and policy dumps.

use crate::nl::attr::kind::*;
use crate::nl::{AttrIter, AttrSet, Ctx, Error, Nested, Visitor};

use super::{ArrayOf, GenlFamily, GenlMsg, NestedNoFlag};

named_consts! {
    /// The name of controller command `cmd` (CTRL_CMD_*).
    pub fn cmd_name(u8);
    CTRL_CMD_UNSPEC = 0,
    /// A family (reply to GETFAMILY, or a registration event).
    CTRL_CMD_NEWFAMILY = 1,
    /// A family went away.
    CTRL_CMD_DELFAMILY = 2,
    /// Look up a family by id or name (do), or all (dump).
    CTRL_CMD_GETFAMILY = 3,
    CTRL_CMD_NEWOPS = 4,
    CTRL_CMD_DELOPS = 5,
    CTRL_CMD_GETOPS = 6,
    /// A multicast group appeared.
    CTRL_CMD_NEWMCAST_GRP = 7,
    /// A multicast group went away.
    CTRL_CMD_DELMCAST_GRP = 8,
    /// Unused.
    CTRL_CMD_GETMCAST_GRP = 9,
    /// Dump a family's attribute policies.
    CTRL_CMD_GETPOLICY = 10,
}

/// The controller's version (2 on current kernels).
pub const CTRL_VERSION: u8 = 2;

nla_set! {
    /// One operation of a family (an element of CTRL_ATTR_OPS).
    pub struct CtrlOpAttrs, enum CtrlOpAttr, index CtrlOpIndex;
    /// The command number.
    CTRL_ATTR_OP_ID = 1 => Id(id): U32,
    /// GENL_ADMIN_PERM, GENL_CMD_CAP_* bits.
    CTRL_ATTR_OP_FLAGS = 2 => Flags(flags): U32,
}

nla_set! {
    /// One multicast group of a family (an element of CTRL_ATTR_MCAST_GROUPS).
    pub struct CtrlMcastGrpAttrs, enum CtrlMcastGrpAttr, index CtrlMcastGrpIndex;
    /// The group name (`"notify"`, `"scan"`, ...).
    CTRL_ATTR_MCAST_GRP_NAME = 1 => Name(name): CStr,
    /// The group id to join.
    CTRL_ATTR_MCAST_GRP_ID = 2 => Id(id): U32,
}

nla_set! {
    /// The policy indexes of one operation (an element of CTRL_ATTR_OP_POLICY).
    pub struct CtrlPolicyDumpAttrs, enum CtrlPolicyDumpAttr, index CtrlPolicyDumpIndex;
    /// Policy index for the do handler.
    CTRL_ATTR_POLICY_DO = 1 => Do(policy_do): U32,
    /// Policy index for the dump handler.
    CTRL_ATTR_POLICY_DUMP = 2 => Dump(policy_dump): U32,
}

named_consts! {
    /// The name of a policy attribute type (NL_ATTR_TYPE_*, the value of
    /// NL_POLICY_TYPE_ATTR_TYPE).
    pub fn nl_attr_type_name(u32);
    NL_ATTR_TYPE_INVALID = 0,
    NL_ATTR_TYPE_FLAG = 1,
    NL_ATTR_TYPE_U8 = 2,
    NL_ATTR_TYPE_U16 = 3,
    NL_ATTR_TYPE_U32 = 4,
    NL_ATTR_TYPE_U64 = 5,
    NL_ATTR_TYPE_S8 = 6,
    NL_ATTR_TYPE_S16 = 7,
    NL_ATTR_TYPE_S32 = 8,
    NL_ATTR_TYPE_S64 = 9,
    NL_ATTR_TYPE_BINARY = 10,
    NL_ATTR_TYPE_STRING = 11,
    NL_ATTR_TYPE_NUL_STRING = 12,
    NL_ATTR_TYPE_NESTED = 13,
    NL_ATTR_TYPE_NESTED_ARRAY = 14,
    NL_ATTR_TYPE_BITFIELD32 = 15,
    NL_ATTR_TYPE_SINT = 16,
    NL_ATTR_TYPE_UINT = 17,
}

/// An NL_ATTR_TYPE_* value, described by name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NlAttrType(pub u32);

impl<'a> crate::nl::NlaValue<'a> for NlAttrType {
    fn decode(attr: &crate::nl::Attr<'a>) -> Result<Self, Error> {
        attr.as_u32().map(NlAttrType)
    }
    fn encode<W: crate::nl::NlaWriter + ?Sized>(&self, w: &mut W, ty: u16) -> Result<(), Error> {
        w.put_u32(ty, self.0)
    }
    fn describe(&self, _: &Ctx, out: &mut dyn Visitor) {
        match nl_attr_type_name(self.0) {
            Some(n) => out.scalar(crate::nl::Scalar::Name(n)),
            None => out.scalar(crate::nl::Scalar::U64(self.0.into())),
        }
    }
}

nla_set! {
    /// The policy of one attribute (NL_POLICY_TYPE_ATTR_*), in a CTRL_ATTR_POLICY dump.
    pub struct NlPolicyTypeAttrs, enum NlPolicyTypeAttr, index NlPolicyTypeIndex;
    /// The attribute's type (NL_ATTR_TYPE_*).
    NL_POLICY_TYPE_ATTR_TYPE = 1 => Type(attr_type): Value<NlAttrType>,
    /// Smallest signed value.
    NL_POLICY_TYPE_ATTR_MIN_VALUE_S = 2 => MinValueS(min_value_s): I64,
    /// Largest signed value.
    NL_POLICY_TYPE_ATTR_MAX_VALUE_S = 3 => MaxValueS(max_value_s): I64,
    /// Smallest unsigned value.
    NL_POLICY_TYPE_ATTR_MIN_VALUE_U = 4 => MinValueU(min_value_u): U64,
    /// Largest unsigned value.
    NL_POLICY_TYPE_ATTR_MAX_VALUE_U = 5 => MaxValueU(max_value_u): U64,
    /// Shortest payload.
    NL_POLICY_TYPE_ATTR_MIN_LENGTH = 6 => MinLength(min_length): U32,
    /// Longest payload.
    NL_POLICY_TYPE_ATTR_MAX_LENGTH = 7 => MaxLength(max_length): U32,
    /// Policy index of a nested set.
    NL_POLICY_TYPE_ATTR_POLICY_IDX = 8 => PolicyIdx(policy_idx): U32,
    /// Largest attribute type of the nested set.
    NL_POLICY_TYPE_ATTR_POLICY_MAXTYPE = 9 => PolicyMaxtype(policy_maxtype): U32,
    /// Valid bits of a bitfield32.
    NL_POLICY_TYPE_ATTR_BITFIELD32_MASK = 10 => Bitfield32Mask(bitfield32_mask): U32,
    /// Padding.
    NL_POLICY_TYPE_ATTR_PAD = 11 => Pad(pad): Bytes,
    /// Valid bits of an unsigned integer.
    NL_POLICY_TYPE_ATTR_MASK = 12 => Mask(mask): U64,
}

/// CTRL_ATTR_POLICY: policy index -> attribute type -> [`NlPolicyTypeAttrs`].
pub type PolicyTable = ArrayOf<ArrayOf<NlPolicyTypeAttrs>>;

nla_set! {
    /// Controller attributes (CTRL_ATTR_*).
    pub struct CtrlAttrs, enum CtrlAttr, index CtrlIndex;
    /// The family id (its netlink message type).
    CTRL_ATTR_FAMILY_ID = 1 => FamilyId(family_id): U16,
    /// The family name.
    CTRL_ATTR_FAMILY_NAME = 2 => FamilyName(family_name): CStr,
    /// The family version.
    CTRL_ATTR_VERSION = 3 => Version(version): U32,
    /// The size of the family's own header after genlmsghdr.
    CTRL_ATTR_HDRSIZE = 4 => Hdrsize(hdrsize): U32,
    /// The family's largest attribute type.
    CTRL_ATTR_MAXATTR = 5 => Maxattr(maxattr): U32,
    /// The operations: an array of [`CtrlOpAttrs`].
    CTRL_ATTR_OPS = 6 => Ops(ops): NestedNoFlag<ArrayOf<CtrlOpAttrs>>,
    /// The multicast groups: an array of [`CtrlMcastGrpAttrs`].
    CTRL_ATTR_MCAST_GROUPS = 7 => McastGroups(mcast_groups): NestedNoFlag<ArrayOf<CtrlMcastGrpAttrs>>,
    /// Policies (GETPOLICY dump): index -> attribute -> [`NlPolicyTypeAttrs`].
    CTRL_ATTR_POLICY = 8 => Policy(policy): NestedSet<PolicyTable>,
    /// Per-operation policy indexes (GETPOLICY dump): op -> [`CtrlPolicyDumpAttrs`].
    CTRL_ATTR_OP_POLICY = 9 => OpPolicy(op_policy): NestedSet<ArrayOf<CtrlPolicyDumpAttrs>>,
    /// Restricts GETPOLICY to one operation.
    CTRL_ATTR_OP = 10 => Op(op): U32,
}

/// One operation of a family: command id and GENL_* flag bits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CtrlOp {
    /// CTRL_ATTR_OP_ID.
    pub id: u32,
    /// CTRL_ATTR_OP_FLAGS (0 when absent).
    pub flags: u32,
}

/// One multicast group of a family.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct McastGroup<'a> {
    /// CTRL_ATTR_MCAST_GRP_NAME.
    pub name: &'a str,
    /// CTRL_ATTR_MCAST_GRP_ID.
    pub id: u32,
}

/// Walks CTRL_ATTR_OPS.
pub fn ops<'a>(
    list: Nested<'a, ArrayOf<CtrlOpAttrs>>,
) -> impl Iterator<Item = Result<CtrlOp, Error>> + 'a {
    list.iter().map(|e| {
        let idx = CtrlOpIndex::new(e?.raw())?;
        Ok(CtrlOp {
            id: idx.id()?.unwrap_or(0),
            flags: idx.flags()?.unwrap_or(0),
        })
    })
}

/// Walks CTRL_ATTR_MCAST_GROUPS.
pub fn mcast_groups<'a>(
    list: Nested<'a, ArrayOf<CtrlMcastGrpAttrs>>,
) -> impl Iterator<Item = Result<McastGroup<'a>, Error>> + 'a {
    list.iter().map(|e| {
        let idx = CtrlMcastGrpIndex::new(e?.raw())?;
        Ok(McastGroup {
            name: idx.name()?.unwrap_or(""),
            id: idx.id()?.unwrap_or(0),
        })
    })
}

/// A family as described by a CTRL_CMD_NEWFAMILY message.
#[derive(Debug, Clone)]
pub struct FamilyInfo<'a> {
    idx: CtrlIndex<'a>,
}

impl<'a> FamilyInfo<'a> {
    /// Indexes the attributes of a controller message.
    pub fn parse(msg: &GenlMsg<'a>) -> Result<Self, Error> {
        Ok(FamilyInfo {
            idx: CtrlIndex::new(msg.attrs())?,
        })
    }
    /// The attribute index (every CTRL_ATTR_* getter).
    pub fn index(&self) -> &CtrlIndex<'a> {
        &self.idx
    }
    /// CTRL_ATTR_FAMILY_ID.
    pub fn id(&self) -> Result<Option<u16>, Error> {
        self.idx.family_id()
    }
    /// CTRL_ATTR_FAMILY_NAME.
    pub fn name(&self) -> Result<Option<&'a str>, Error> {
        self.idx.family_name()
    }
    /// The operations (empty when absent).
    pub fn ops(&self) -> Result<impl Iterator<Item = Result<CtrlOp, Error>> + 'a, Error> {
        let l = self.idx.ops()?;
        Ok(l.into_iter().flat_map(ops))
    }
    /// The multicast groups (empty when absent).
    pub fn mcast_groups(
        &self,
    ) -> Result<impl Iterator<Item = Result<McastGroup<'a>, Error>> + 'a, Error> {
        let l = self.idx.mcast_groups()?;
        Ok(l.into_iter().flat_map(mcast_groups))
    }
    /// The id of multicast group `name`.
    pub fn mcast_group_id(&self, name: &str) -> Option<u32> {
        self.mcast_groups()
            .ok()?
            .filter_map(Result::ok)
            .find(|g| g.name == name)
            .map(|g| g.id)
    }
}

/// Builds a CTRL_CMD_GETFAMILY request for family `name` (NLM_F_REQUEST, to GENL_ID_CTRL,
/// controller version 1 as iproute2 and pyroute2 send it). The reply is a
/// CTRL_CMD_NEWFAMILY read with [`FamilyInfo`].
pub fn getfamily_request<B: crate::nl::Buffer>(
    buf: B,
    seq: u32,
    pid: u32,
    name: &str,
) -> Result<B, Error> {
    use crate::nl::NlaWriter;
    let mut b = super::build(
        buf,
        super::GENL_ID_CTRL,
        crate::nl::NlmF::REQUEST.bits(),
        seq,
        pid,
        CTRL_CMD_GETFAMILY,
        1,
    )?;
    match b.put_str(CTRL_ATTR_FAMILY_NAME, name) {
        Ok(()) => b.finish(),
        Err(e) => {
            b.cancel();
            Err(e)
        }
    }
}

/// The nlctrl family's declaration.
#[derive(Debug, Clone, Copy)]
pub struct Ctrl;

impl GenlFamily for Ctrl {
    const NAME: &'static str = "nlctrl";
    const VERSION: u8 = CTRL_VERSION;
    fn cmd_name(cmd: u8) -> Option<&'static str> {
        cmd_name(cmd)
    }
    fn describe_attrs(_: u8, iter: AttrIter<'_>, ctx: &Ctx, out: &mut dyn Visitor) {
        CtrlAttrs::describe_list(iter, ctx, out)
    }
}

pub(super) fn fuzz_views(g: &GenlMsg<'_>) {
    if let Ok(f) = FamilyInfo::parse(g) {
        let i = f.index();
        let _ = (i.family_id(), i.family_name(), i.version(), i.hdrsize());
        let _ = (i.maxattr(), i.op(), f.mcast_group_id("notify"));
        if let Ok(o) = f.ops() {
            o.for_each(drop);
        }
        if let Ok(m) = f.mcast_groups() {
            m.for_each(drop);
        }
        if let Ok(Some(p)) = i.policy() {
            for t in p.iter().flatten() {
                for a in t.iter().flatten() {
                    if let Ok(x) = NlPolicyTypeIndex::new(a.raw()) {
                        let _ = (x.attr_type(), x.min_value_s(), x.max_value_u(), x.mask());
                        let _ = (x.min_length(), x.policy_idx(), x.bitfield32_mask());
                    }
                }
            }
        }
        if let Ok(Some(p)) = i.op_policy() {
            for e in p.iter().flatten() {
                if let Ok(x) = CtrlPolicyDumpIndex::new(e.raw()) {
                    let _ = (x.policy_do(), x.policy_dump());
                }
            }
        }
    }
}

pub(super) fn fuzz_attrs(data: &[u8]) {
    for a in AttrIter::new(data).flatten() {
        let _ = CtrlAttr::decode(a);
        let _ = NlPolicyTypeAttr::decode(a);
    }
}
