//! nfnetlink: the nfgenmsg family header (view and builder), the subsystem ids with the
//! `subsystem << 8 | command` message type, and ipset.

use crate::nl::{
    AttrIter, AttrSet, Buffer, Ctx, Describe, Error, Family, FlagContext, MsgBuilder, NfGenMsg,
    NlMsg, NlaWriter, RawAttrs, Scalar, Visitor,
};

pub mod ipset;

crate::genl::named_consts! {
    /// The name of nfnetlink subsystem `id` (NFNL_SUBSYS_*).
    pub fn subsys_name(u8);
    /// No subsystem.
    NFNL_SUBSYS_NONE = 0,
    /// Connection tracking.
    NFNL_SUBSYS_CTNETLINK = 1,
    /// Connection tracking expectations.
    NFNL_SUBSYS_CTNETLINK_EXP = 2,
    /// nfqueue.
    NFNL_SUBSYS_QUEUE = 3,
    /// nflog (ULOG).
    NFNL_SUBSYS_ULOG = 4,
    /// Passive OS fingerprinting.
    NFNL_SUBSYS_OSF = 5,
    /// ipset.
    NFNL_SUBSYS_IPSET = 6,
    /// Extended accounting.
    NFNL_SUBSYS_ACCT = 7,
    /// Conntrack timeout policies.
    NFNL_SUBSYS_CTNETLINK_TIMEOUT = 8,
    /// Conntrack helpers in user space.
    NFNL_SUBSYS_CTHELPER = 9,
    /// nftables.
    NFNL_SUBSYS_NFTABLES = 10,
    /// nftables compatibility with x_tables.
    NFNL_SUBSYS_NFT_COMPAT = 11,
    /// Netfilter hooks.
    NFNL_SUBSYS_HOOK = 12,
}

/// NFNL_SUBSYS_COUNT: the number of subsystems.
pub const NFNL_SUBSYS_COUNT: u8 = 13;
/// NFNETLINK_V0: the only nfgenmsg version.
pub const NFNETLINK_V0: u8 = 0;
/// NFNL_MSG_BATCH_BEGIN: starts a batch (res_id = subsystem).
pub const NFNL_MSG_BATCH_BEGIN: u16 = 0x10;
/// NFNL_MSG_BATCH_END: ends a batch.
pub const NFNL_MSG_BATCH_END: u16 = 0x11;
/// The size of nfgenmsg.
pub const NFGENMSG_LEN: usize = 4;

/// The message type of command `cmd` of subsystem `subsys`: `subsys << 8 | cmd`.
pub const fn nfnl_msg_type(subsys: u8, cmd: u8) -> u16 {
    (subsys as u16) << 8 | cmd as u16
}

/// NFNL_SUBSYS_ID: the subsystem of message type `ty`.
pub const fn subsys_id(ty: u16) -> u8 {
    (ty >> 8) as u8
}

/// NFNL_MSG_TYPE: the command of message type `ty`.
pub const fn msg_cmd(ty: u16) -> u8 {
    (ty & 0xff) as u8
}

/// An nfnetlink message: the netlink message, its nfgenmsg and its attributes.
#[derive(Debug, Clone, Copy)]
pub struct NfnlMsg<'a> {
    msg: NlMsg<'a>,
    hdr: &'a NfGenMsg,
}

impl<'a> NfnlMsg<'a> {
    /// Reads the nfgenmsg of `msg` (the payload must hold its 4 bytes).
    pub fn parse(msg: NlMsg<'a>) -> Result<Self, Error> {
        Ok(NfnlMsg {
            hdr: msg.fixed::<NfGenMsg>()?,
            msg,
        })
    }
    /// The netlink message.
    pub fn msg(&self) -> NlMsg<'a> {
        self.msg
    }
    /// The nfgenmsg.
    pub fn header(&self) -> &'a NfGenMsg {
        self.hdr
    }
    /// The subsystem (NFNL_SUBSYS_*).
    pub fn subsys(&self) -> u8 {
        subsys_id(self.msg.nlmsg_type())
    }
    /// The subsystem's command.
    pub fn cmd(&self) -> u8 {
        msg_cmd(self.msg.nlmsg_type())
    }
    /// `nfgen_family` (NFPROTO_*).
    pub fn family(&self) -> u8 {
        self.hdr.nfgen_family()
    }
    /// `version` (NFNETLINK_V0).
    pub fn version(&self) -> u8 {
        self.hdr.version()
    }
    /// `res_id`, host order.
    pub fn res_id(&self) -> u16 {
        self.hdr.res_id()
    }
    /// The attributes after the header.
    pub fn attrs(&self) -> AttrIter<'a> {
        self.msg.attrs_after(NFGENMSG_LEN)
    }
}

/// Starts an nfnetlink message of `subsys`/`cmd` with nfgenmsg (`family`, NFNETLINK_V0,
/// `res_id`). Add attributes with [`NlaWriter`] and `finish()`.
#[allow(clippy::too_many_arguments)]
pub fn build<B: Buffer>(
    buf: B,
    subsys: u8,
    cmd: u8,
    flags: u16,
    seq: u32,
    pid: u32,
    family: u8,
    res_id: u16,
) -> Result<MsgBuilder<B>, Error> {
    let mut b = MsgBuilder::new(buf, nfnl_msg_type(subsys, cmd), flags, seq, pid)?;
    let hdr = NfGenMsg {
        nfgen_family: family,
        version: NFNETLINK_V0,
        res_id: res_id.into(),
    };
    match b.append_struct(&hdr) {
        Ok(()) => Ok(b),
        Err(e) => {
            b.cancel();
            Err(e)
        }
    }
}

/// The nfnetlink family for the decode tool (`decode --family netfilter`): ipset messages
/// are named (`IPSET_CMD_LIST`) and decoded, other subsystems' attributes printed raw.
#[derive(Debug, Clone, Copy)]
pub struct Nfnl;

impl Family for Nfnl {
    const NAME: &'static str = "netfilter";
    fn type_name(ty: u16) -> Option<&'static str> {
        match ty {
            NFNL_MSG_BATCH_BEGIN => Some("NFNL_MSG_BATCH_BEGIN"),
            NFNL_MSG_BATCH_END => Some("NFNL_MSG_BATCH_END"),
            _ if subsys_id(ty) == NFNL_SUBSYS_IPSET => ipset::cmd_name(msg_cmd(ty)),
            _ => None,
        }
    }
    fn flag_context(ty: u16) -> FlagContext {
        if subsys_id(ty) != NFNL_SUBSYS_IPSET {
            return FlagContext::Plain;
        }
        match msg_cmd(ty) {
            ipset::IPSET_CMD_CREATE | ipset::IPSET_CMD_ADD => FlagContext::New,
            ipset::IPSET_CMD_LIST | ipset::IPSET_CMD_SAVE => FlagContext::Get,
            _ => FlagContext::Plain,
        }
    }
    fn describe_body(msg: &NlMsg<'_>, out: &mut dyn Visitor) {
        match NfnlMsg::parse(*msg) {
            Ok(m) => {
                out.key("nfgenmsg");
                m.header().describe(out);
                out.key("attrs");
                let ctx = Ctx::new(msg.nlmsg_type(), m.family());
                if m.subsys() == NFNL_SUBSYS_IPSET {
                    ipset::IpsetAttrs::describe_list(m.attrs(), &ctx, out)
                } else {
                    RawAttrs::describe_list(m.attrs(), &ctx, out)
                }
            }
            Err(e) => {
                out.key("error");
                out.scalar(Scalar::Error(e));
                out.key("payload");
                out.scalar(Scalar::Hex(msg.payload()));
            }
        }
    }
}

/// Fuzzing entry point: decodes `data` as a datagram through every view of this
/// family. It must never panic, whatever the bytes.
pub fn fuzz_one(data: &[u8]) {
    let _ = crate::nl::describe_datagram::<Nfnl>(data, &mut crate::nl::NullVisitor::default());
    for m in crate::nl::Messages::new(data).flatten() {
        if let Ok(n) = NfnlMsg::parse(m) {
            let _ = (n.subsys(), n.cmd(), n.family(), n.version(), n.res_id());
            ipset::fuzz_views(&n);
        }
    }
    ipset::fuzz_attrs(data);
}
