//! Generic netlink: the genlmsghdr family header (view and builder), the way a family
//! declares its commands and attribute sets once, and the families nlctrl, taskstats and
//! nl80211.
//!
//! A generic netlink message is `nlmsghdr` + `genlmsghdr` (cmd, version) + attributes. The
//! message type is the family id: GENL_ID_CTRL (0x10) is static, every other family gets
//! its id at registration and must be resolved by name with CTRL_CMD_GETFAMILY. The decode
//! tool therefore knows nlctrl statically and the rest only through a
//! [`GenlFamilyHint`] (`--genl-family TASKSTATS=31`).

use core::marker::PhantomData;

use crate::nl::attr::Kind;
use crate::nl::{
    Attr, AttrIter, AttrSet, Buffer, Ctx, Describe, Error, ErrorKind, Family, MsgBuilder, Nested,
    NlMsg, NlaWriter, RawAttrs, Scalar, Visitor,
};

pub use crate::nl::GenlMsgHdr;

/// Declares named constants and a function naming them (first name wins for aliases).
macro_rules! named_consts {
    (
        $(#[$m:meta])* $vis:vis fn $fname:ident($t:ty);
        $( $(#[$cm:meta])* $c:ident = $v:expr ),* $(,)?
    ) => {
        $(
            $(#[$cm])*
            #[doc = concat!("`", stringify!($c), "`")]
            pub const $c: $t = $v;
        )*
        $(#[$m])*
        #[allow(unreachable_patterns)]
        $vis fn $fname(v: $t) -> Option<&'static str> {
            match v {
                $( $c => Some(stringify!($c)), )*
                _ => None,
            }
        }
    };
}
pub(crate) use named_consts;

pub mod ctrl;
pub mod nl80211;
pub mod taskstats;

/// GENL_NAMSIZ: the longest family name, NUL included.
pub const GENL_NAMSIZ: usize = 16;
/// GENL_HDRLEN: the aligned size of `genlmsghdr`.
pub const GENL_HDRLEN: usize = 4;
/// GENL_MIN_ID: the smallest family id (NLMSG_MIN_TYPE).
pub const GENL_MIN_ID: u16 = 0x10;
/// GENL_MAX_ID: the largest family id.
pub const GENL_MAX_ID: u16 = 1023;
/// GENL_ID_CTRL: the controller's static family id.
pub const GENL_ID_CTRL: u16 = 0x10;
/// GENL_ID_VFS_DQUOT: the static id of the VFS quota family.
pub const GENL_ID_VFS_DQUOT: u16 = 0x11;
/// GENL_ID_PMCRAID: the static id of the pmcraid family.
pub const GENL_ID_PMCRAID: u16 = 0x12;
/// GENL_START_ALLOC: the first dynamically allocated id.
pub const GENL_START_ALLOC: u16 = 0x13;

/// GENL_ADMIN_PERM: the operation needs CAP_NET_ADMIN.
pub const GENL_ADMIN_PERM: u32 = 0x01;
/// GENL_CMD_CAP_DO: the operation has a doit handler.
pub const GENL_CMD_CAP_DO: u32 = 0x02;
/// GENL_CMD_CAP_DUMP: the operation has a dumpit handler.
pub const GENL_CMD_CAP_DUMP: u32 = 0x04;
/// GENL_CMD_CAP_HASPOL: the operation has an attribute policy.
pub const GENL_CMD_CAP_HASPOL: u32 = 0x08;
/// GENL_UNS_ADMIN_PERM: the operation needs CAP_NET_ADMIN in the user namespace.
pub const GENL_UNS_ADMIN_PERM: u32 = 0x10;

/// A generic netlink message: the netlink message, its genlmsghdr and its attributes.
#[derive(Debug, Clone, Copy)]
pub struct GenlMsg<'a> {
    msg: NlMsg<'a>,
    hdr: &'a GenlMsgHdr,
}

impl<'a> GenlMsg<'a> {
    /// Reads the genlmsghdr of `msg` (the payload must hold its 4 bytes).
    pub fn parse(msg: NlMsg<'a>) -> Result<Self, Error> {
        Ok(GenlMsg {
            hdr: msg.fixed::<GenlMsgHdr>()?,
            msg,
        })
    }
    /// The netlink message.
    pub fn msg(&self) -> NlMsg<'a> {
        self.msg
    }
    /// The family id (the netlink message type).
    pub fn family_id(&self) -> u16 {
        self.msg.nlmsg_type()
    }
    /// The genlmsghdr.
    pub fn header(&self) -> &'a GenlMsgHdr {
        self.hdr
    }
    /// `genlmsghdr.cmd`.
    pub fn cmd(&self) -> u8 {
        self.hdr.cmd()
    }
    /// `genlmsghdr.version`.
    pub fn version(&self) -> u8 {
        self.hdr.version()
    }
    /// The attributes after the header.
    pub fn attrs(&self) -> AttrIter<'a> {
        self.msg
            .attrs_after(GENL_HDRLEN)
            .with_msg_type(self.msg.nlmsg_type())
    }
}

/// Starts a generic netlink message: netlink header for family `family_id`, then the
/// genlmsghdr (`cmd`, `version`). Add attributes with [`NlaWriter`] and `finish()`.
pub fn build<B: Buffer>(
    buf: B,
    family_id: u16,
    flags: u16,
    seq: u32,
    pid: u32,
    cmd: u8,
    version: u8,
) -> Result<MsgBuilder<B>, Error> {
    let mut b = MsgBuilder::new(buf, family_id, flags, seq, pid)?;
    let hdr = GenlMsgHdr {
        cmd,
        version,
        ..Default::default()
    };
    match b.append_struct(&hdr) {
        Ok(()) => Ok(b),
        Err(e) => {
            b.cancel();
            Err(e)
        }
    }
}

/// A generic netlink family declared once: its name (as registered with the controller),
/// version, command names and the attribute set each command uses.
pub trait GenlFamily {
    /// The registered family name (`"nlctrl"`, `"TASKSTATS"`, `"nl80211"`).
    const NAME: &'static str;
    /// The family version this codec speaks.
    const VERSION: u8;
    /// The kernel name of command `cmd`.
    fn cmd_name(cmd: u8) -> Option<&'static str>;
    /// Describes the attributes of a message with command `cmd` as `[[NAME, VALUE], ...]`.
    fn describe_attrs(cmd: u8, iter: AttrIter<'_>, ctx: &Ctx, out: &mut dyn Visitor);
}

/// Describes a genl body (`"genlmsghdr"` then `"attrs"`) with family `F`'s tables.
pub fn describe_body_with<F: GenlFamily>(msg: &NlMsg<'_>, out: &mut dyn Visitor) {
    describe_parts(msg, out, F::cmd_name, F::describe_attrs)
}

type CmdNamer = fn(u8) -> Option<&'static str>;
type AttrsDescriber = fn(u8, AttrIter<'_>, &Ctx, &mut dyn Visitor);

fn raw_attrs(_: u8, iter: AttrIter<'_>, ctx: &Ctx, out: &mut dyn Visitor) {
    RawAttrs::describe_list(iter, ctx, out)
}

fn describe_parts(msg: &NlMsg<'_>, out: &mut dyn Visitor, name: CmdNamer, attrs: AttrsDescriber) {
    match GenlMsg::parse(*msg) {
        Ok(g) => {
            out.key("genlmsghdr");
            g.header().describe(out);
            if let Some(n) = name(g.cmd()) {
                out.key("cmd");
                out.scalar(Scalar::Name(n));
            }
            out.key("attrs");
            attrs(g.cmd(), g.attrs(), &Ctx::new(msg.nlmsg_type(), 0), out);
        }
        Err(e) => {
            out.key("error");
            out.scalar(Scalar::Error(e));
            out.key("payload");
            out.scalar(Scalar::Hex(msg.payload()));
        }
    }
}

/// Describes a genl body as family `name` (`"nlctrl"`, `"TASKSTATS"`, `"nl80211"`; other
/// names, and none, give raw attributes). Returns whether the name was known.
pub fn describe_as(name: Option<&str>, msg: &NlMsg<'_>, out: &mut dyn Visitor) -> bool {
    let (cmd, attrs, known): (CmdNamer, AttrsDescriber, bool) = match name {
        Some(ctrl::Ctrl::NAME) => (ctrl::Ctrl::cmd_name, ctrl::Ctrl::describe_attrs, true),
        Some(taskstats::Taskstats::NAME) => (
            taskstats::Taskstats::cmd_name,
            taskstats::Taskstats::describe_attrs,
            true,
        ),
        Some(nl80211::Nl80211::NAME) => (
            nl80211::Nl80211::cmd_name,
            nl80211::Nl80211::describe_attrs,
            true,
        ),
        _ => (|_| None, raw_attrs, false),
    };
    describe_parts(msg, out, cmd, attrs);
    known
}

/// Family ids learned at run time (from CTRL_CMD_GETFAMILY, or `--genl-family NAME=ID` on
/// the command line), mapping a message type to a family name for the decode tool.
///
/// ```
/// use ferroute_codec::genl::GenlFamilyHint;
/// let pairs = [("TASKSTATS", 31u16), ("nl80211", 40)];
/// let hint = GenlFamilyHint::new(&pairs);
/// assert_eq!(hint.name_of(31), Some("TASKSTATS"));
/// assert_eq!(hint.name_of(0x10), Some("nlctrl"));
/// assert_eq!(GenlFamilyHint::parse_pair("TASKSTATS=0x1f"), Some(("TASKSTATS", 31)));
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct GenlFamilyHint<'h> {
    pairs: &'h [(&'h str, u16)],
}

impl<'h> GenlFamilyHint<'h> {
    /// A hint from `(name, id)` pairs.
    pub fn new(pairs: &'h [(&'h str, u16)]) -> Self {
        GenlFamilyHint { pairs }
    }
    /// Parses `NAME=ID` (ID decimal or `0x` hex), the command-line form.
    pub fn parse_pair(s: &str) -> Option<(&str, u16)> {
        let (name, id) = s.split_once('=')?;
        let id = match id.strip_prefix("0x").or_else(|| id.strip_prefix("0X")) {
            Some(h) => u16::from_str_radix(h, 16).ok()?,
            None => id.parse().ok()?,
        };
        (!name.is_empty()).then_some((name, id))
    }
    /// The family name of message type `ty`: nlctrl for GENL_ID_CTRL, else the hint's.
    pub fn name_of(&self, ty: u16) -> Option<&'h str> {
        if ty == GENL_ID_CTRL {
            return Some(ctrl::Ctrl::NAME);
        }
        self.pairs.iter().find(|(_, id)| *id == ty).map(|(n, _)| *n)
    }
    /// Describes the body of `msg` (as [`Genl`] does, but with the hinted families
    /// decoded by name); a hinted family adds a `"family"` key with its name.
    pub fn describe_body(&self, msg: &NlMsg<'_>, out: &mut dyn Visitor) {
        let name = self.name_of(msg.nlmsg_type());
        if let Some(n) = name {
            out.key("family");
            out.scalar(Scalar::Str(n));
        }
        describe_as(name, msg, out);
    }
    /// Describes a whole message: `{"header": {...}, "family": ..., "genlmsghdr": ...}`.
    pub fn describe_message(&self, msg: &NlMsg<'_>, out: &mut dyn Visitor) {
        use crate::nl::{NLMSG_MIN_TYPE, describe_header, describe_message};
        if msg.nlmsg_type() < NLMSG_MIN_TYPE {
            return describe_message::<Genl>(msg, out);
        }
        out.begin_object();
        out.key("header");
        describe_header::<Genl>(msg, out);
        self.describe_body(msg, out);
        out.end_object();
    }
    /// Describes every message of a datagram; returns the framing error that ended it.
    ///
    /// Families are also learned on the way: a CTRL_CMD_NEWFAMILY message (a GETFAMILY
    /// reply) names its family id, so a capture holding the lookup and then the family's
    /// own messages is decoded without a hint (up to 32 learned families).
    pub fn describe_datagram(&self, data: &[u8], out: &mut dyn Visitor) -> Result<usize, Error> {
        let mut learned: heapless::Vec<(&str, u16), 32> = heapless::Vec::new();
        let mut n = 0;
        for m in crate::nl::Messages::new(data) {
            let m = m?;
            let ty = m.nlmsg_type();
            if ty == GENL_ID_CTRL
                && let Ok(g) = GenlMsg::parse(m)
                && g.cmd() == ctrl::CTRL_CMD_NEWFAMILY
                && let Ok(f) = ctrl::FamilyInfo::parse(&g)
                && let (Ok(Some(name)), Ok(Some(id))) = (f.name(), f.id())
                && !learned.iter().any(|(_, i)| *i == id)
            {
                let _ = learned.push((name, id));
            }
            if self.name_of(ty).is_none()
                && let Some((name, _)) = learned.iter().find(|(_, i)| *i == ty)
                && ty >= crate::nl::NLMSG_MIN_TYPE
            {
                out.begin_object();
                out.key("header");
                crate::nl::describe_header::<Genl>(&m, out);
                out.key("family");
                out.scalar(Scalar::Str(name));
                describe_as(Some(name), &m, out);
                out.end_object();
            } else {
                self.describe_message(&m, out);
            }
            n += 1;
        }
        Ok(n)
    }
}

/// The generic netlink family for the decode tool (`decode --family generic`): nlctrl
/// (GENL_ID_CTRL) is decoded, other families' attributes are printed raw (see
/// [`GenlFamilyHint`] to name them).
#[derive(Debug, Clone, Copy)]
pub struct Genl;

impl Family for Genl {
    const NAME: &'static str = "generic";
    fn type_name(ty: u16) -> Option<&'static str> {
        match ty {
            GENL_ID_CTRL => Some("GENL_ID_CTRL"),
            GENL_ID_VFS_DQUOT => Some("GENL_ID_VFS_DQUOT"),
            GENL_ID_PMCRAID => Some("GENL_ID_PMCRAID"),
            _ => None,
        }
    }
    fn describe_body(msg: &NlMsg<'_>, out: &mut dyn Visitor) {
        let name = (msg.nlmsg_type() == GENL_ID_CTRL).then_some(ctrl::Ctrl::NAME);
        describe_as(name, msg, out);
    }
}

/// A nested list written WITHOUT NLA_F_NESTED (`nla_nest_start_noflag`), as the kernel
/// sends CTRL_ATTR_OPS, CTRL_ATTR_MCAST_GROUPS and the taskstats AGGR nests: decoded like
/// [`NestedSet`](crate::nl::attr::kind::NestedSet), re-encoded byte for byte.
#[derive(Debug, Clone, Copy)]
pub struct NestedNoFlag<S>(PhantomData<S>);

impl<'a, S: AttrSet + 'a> Kind<'a> for NestedNoFlag<S> {
    type T = Nested<'a, S>;
    fn decode(a: &Attr<'a>) -> Result<Nested<'a, S>, Error> {
        Ok(Nested::new(a.nested()))
    }
    fn encode<W: NlaWriter + ?Sized>(w: &mut W, ty: u16, v: &Nested<'a, S>) -> Result<(), Error> {
        w.put_bytes(ty, v.raw().bytes())
    }
    fn describe(v: &Nested<'a, S>, ctx: &Ctx, out: &mut dyn Visitor) {
        crate::nl::attr::kind::NestedSet::<S>::describe(v, ctx, out)
    }
}

/// An indexed array of nests (the kernel's "nested array": attribute type = index 1, 2,
/// ..., each a nest of set `S`), as in CTRL_ATTR_OPS or NL80211_ATTR_WIPHY_BANDS.
#[derive(Debug, Clone, Copy, Default)]
pub struct ArrayOf<S>(PhantomData<S>);

impl<S: AttrSet + 'static> AttrSet for ArrayOf<S> {
    type Item<'a> = Nested<'a, S>;
    const SET_NAME: &'static str = "ArrayOf";
    fn name(_: u16) -> Option<&'static str> {
        None
    }
    fn decode<'a>(attr: Attr<'a>) -> Result<Nested<'a, S>, Error> {
        Ok(Nested::new(attr.nested()))
    }
    fn describe_value(attr: &Attr<'_>, ctx: &Ctx, out: &mut dyn Visitor) {
        match ctx.deeper() {
            Some(c) => S::describe_list(attr.nested(), &c, out),
            None => out.scalar(Scalar::Error(attr.error(ErrorKind::TooDeep))),
        }
    }
}

/// Fuzzing entry point: decodes `data` as a datagram through every view of this
/// family. It must never panic, whatever the bytes.
pub fn fuzz_one(data: &[u8]) {
    let mut v = crate::nl::NullVisitor::default();
    let _ = crate::nl::describe_datagram::<Genl>(data, &mut v);
    for name in ["nlctrl", "TASKSTATS", "nl80211", "unknown"] {
        for m in crate::nl::Messages::new(data) {
            let Ok(m) = m else { break };
            describe_as(Some(name), &m, &mut v);
        }
    }
    for m in crate::nl::Messages::new(data).flatten() {
        let Ok(g) = GenlMsg::parse(m) else { continue };
        ctrl::fuzz_views(&g);
        taskstats::fuzz_views(&g);
        nl80211::fuzz_views(&g);
    }
    // Bare attribute lists too (nests reached without a message around them).
    ctrl::fuzz_attrs(data);
    taskstats::fuzz_attrs(data);
    nl80211::fuzz_attrs(data);
}
