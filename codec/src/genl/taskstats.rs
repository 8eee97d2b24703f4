//! taskstats: per-task and per-process accounting over generic netlink (family
//! "TASKSTATS"): TASKSTATS_CMD_*, the request attributes (TASKSTATS_CMD_ATTR_*, pyroute2's
//! `tcmd`), the reply attributes (TASKSTATS_TYPE_*, pyroute2's `taskstatsmsg`) and
//! `struct taskstats`, read by common prefix because it grows with every kernel.

use crate::nl::attr::kind::*;
use crate::nl::{AttrIter, AttrSet, Ctx, Error, Scalar, Visitor};

use super::{GenlFamily, GenlMsg, NestedNoFlag};

/// TASKSTATS_GENL_NAME: the family name to resolve.
pub const TASKSTATS_GENL_NAME: &str = "TASKSTATS";
/// TASKSTATS_GENL_VERSION.
pub const TASKSTATS_GENL_VERSION: u8 = 1;
/// TASKSTATS_VERSION: the `struct taskstats` version this codec's layout describes.
pub const TASKSTATS_VERSION: u16 = 13;
/// TS_COMM_LEN: size of `ac_comm`.
pub const TS_COMM_LEN: usize = 32;

named_consts! {
    /// The name of taskstats command `cmd` (TASKSTATS_CMD_*).
    pub fn cmd_name(u8);
    TASKSTATS_CMD_UNSPEC = 0,
    /// User to kernel: get stats (by pid or tgid) or (de)register a cpumask listener.
    TASKSTATS_CMD_GET = 1,
    /// Kernel to user: a reply or an exit event.
    TASKSTATS_CMD_NEW = 2,
}

wire_struct! {
    /// `struct taskstats` (version 13 layout, 416 bytes, with the C padding spelled out as
    /// `padN` fields). Read it with [`Attr::as_struct`](crate::nl::Attr::as_struct): a newer
    /// kernel's longer struct is cut, an older one's missing tail reads as zero; `version`
    /// says which fields the kernel filled in.
    pub struct TaskStats {
        /// TASKSTATS_VERSION of the sender.
        version: u16,
        /// Padding.
        pad0: [u8; 2],
        /// Exit status.
        ac_exitcode: u32,
        /// Record flags (AFORK, ASU, ...).
        ac_flag: u8,
        /// task_nice.
        ac_nice: u8,
        /// Padding.
        pad1: [u8; 6],
        /// Delay accounting: CPU waits.
        cpu_count: u64,
        /// Delay accounting: total CPU wait, ns.
        cpu_delay_total: u64,
        /// Block I/O waits.
        blkio_count: u64,
        /// Total block I/O wait, ns.
        blkio_delay_total: u64,
        /// Swap-in waits.
        swapin_count: u64,
        /// Total swap-in wait, ns.
        swapin_delay_total: u64,
        /// Wall-clock running time, ns.
        cpu_run_real_total: u64,
        /// Virtual running time, ns.
        cpu_run_virtual_total: u64,
        /// Command name, NUL-padded (see [`TaskStats::comm`]).
        ac_comm: [u8; 32],
        /// Scheduling discipline.
        ac_sched: u8,
        /// Padding of the C struct.
        ac_pad: [u8; 3],
        /// Padding.
        pad2: [u8; 4],
        /// User id.
        ac_uid: u32,
        /// Group id.
        ac_gid: u32,
        /// Process id.
        ac_pid: u32,
        /// Parent process id.
        ac_ppid: u32,
        /// Begin time, seconds since 1970 (32 bits).
        ac_btime: u32,
        /// Padding.
        pad3: [u8; 4],
        /// Elapsed time, usec.
        ac_etime: u64,
        /// User CPU time, usec.
        ac_utime: u64,
        /// System CPU time, usec.
        ac_stime: u64,
        /// Minor page faults.
        ac_minflt: u64,
        /// Major page faults.
        ac_majflt: u64,
        /// Accumulated RSS usage, MB-usec.
        coremem: u64,
        /// Accumulated VM usage, MB-usec.
        virtmem: u64,
        /// High-water RSS, KB.
        hiwater_rss: u64,
        /// High-water VM, KB.
        hiwater_vm: u64,
        /// Bytes read.
        read_char: u64,
        /// Bytes written.
        write_char: u64,
        /// Read syscalls.
        read_syscalls: u64,
        /// Write syscalls.
        write_syscalls: u64,
        /// Bytes of read I/O.
        read_bytes: u64,
        /// Bytes of write I/O.
        write_bytes: u64,
        /// Bytes of cancelled write I/O.
        cancelled_write_bytes: u64,
        /// Voluntary context switches.
        nvcsw: u64,
        /// Involuntary context switches.
        nivcsw: u64,
        /// Scaled utime.
        ac_utimescaled: u64,
        /// Scaled stime.
        ac_stimescaled: u64,
        /// Scaled cpu_run_real_total.
        cpu_scaled_run_real_total: u64,
        /// Memory reclaim waits.
        freepages_count: u64,
        /// Total reclaim wait, ns.
        freepages_delay_total: u64,
        /// Thrashing waits.
        thrashing_count: u64,
        /// Total thrashing wait, ns.
        thrashing_delay_total: u64,
        /// Begin time, seconds since 1970 (64 bits).
        ac_btime64: u64,
        /// Memory compaction waits.
        compact_count: u64,
        /// Total compaction wait, ns.
        compact_delay_total: u64,
        /// Thread group id.
        ac_tgid: u32,
        /// Padding.
        pad4: [u8; 4],
        /// Thread group elapsed time, usec.
        ac_tgetime: u64,
        /// Device of the program binary.
        ac_exe_dev: u64,
        /// Inode of the program binary.
        ac_exe_inode: u64,
        /// Write-protect copy waits.
        wpcopy_count: u64,
        /// Total write-protect copy wait, ns.
        wpcopy_delay_total: u64,
    }
}

impl TaskStats {
    /// `ac_comm` up to its first NUL (empty if not UTF-8).
    pub fn comm(&self) -> &str {
        let end = self
            .ac_comm
            .iter()
            .position(|&b| b == 0)
            .unwrap_or(TS_COMM_LEN);
        self.ac_comm
            .get(..end)
            .and_then(|s| core::str::from_utf8(s).ok())
            .unwrap_or("")
    }
}

nla_set! {
    /// Request attributes (TASKSTATS_CMD_ATTR_*, pyroute2's `tcmd`).
    pub struct TaskstatsCmdAttrs, enum TaskstatsCmdAttr, index TaskstatsCmdIndex;
    /// Stats of one thread.
    TASKSTATS_CMD_ATTR_PID = 1 => Pid(pid): U32,
    /// Stats of a thread group (process).
    TASKSTATS_CMD_ATTR_TGID = 2 => Tgid(tgid): U32,
    /// Listen for exits on these CPUs (a cpulist string such as `"0-3"`).
    TASKSTATS_CMD_ATTR_REGISTER_CPUMASK = 3 => RegisterCpumask(register_cpumask): CStr,
    /// Stop listening on these CPUs.
    TASKSTATS_CMD_ATTR_DEREGISTER_CPUMASK = 4 => DeregisterCpumask(deregister_cpumask): CStr,
}

/// TASKSTATS_TYPE_STATS as sent: the kernel's struct, whatever its length. [`get`](Self::get)
/// copies it into our [`TaskStats`] by common prefix; re-encoding writes the bytes back
/// unchanged (a newer kernel's longer struct included).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TaskStatsBytes<'a>(&'a [u8]);

impl<'a> TaskStatsBytes<'a> {
    /// Wraps a struct's bytes.
    pub fn new(bytes: &'a [u8]) -> Self {
        TaskStatsBytes(bytes)
    }
    /// The bytes as sent.
    pub fn bytes(&self) -> &'a [u8] {
        self.0
    }
    /// The struct, by common prefix (missing tail zero, extra tail ignored).
    pub fn get(&self) -> TaskStats {
        crate::nl::attr::read_prefix(self.0)
    }
    /// The `version` field (the first two bytes), 0 if absent.
    pub fn version(&self) -> u16 {
        self.get().version()
    }
}

/// The table kind of TASKSTATS_TYPE_STATS.
#[derive(Debug, Clone, Copy)]
pub struct TaskStatsKind;

impl<'a> crate::nl::attr::Kind<'a> for TaskStatsKind {
    type T = TaskStatsBytes<'a>;
    fn decode(a: &crate::nl::Attr<'a>) -> Result<TaskStatsBytes<'a>, Error> {
        Ok(TaskStatsBytes(a.payload()))
    }
    fn encode<W: crate::nl::NlaWriter + ?Sized>(
        w: &mut W,
        ty: u16,
        v: &TaskStatsBytes<'a>,
    ) -> Result<(), Error> {
        w.put_bytes(ty, v.0)
    }
    /// The struct's fields by kernel name, `ac_comm` as text.
    fn describe(v: &TaskStatsBytes<'a>, _: &Ctx, out: &mut dyn Visitor) {
        let mut w = CommAsText {
            out,
            comm_next: false,
        };
        crate::nl::Describe::describe(&v.get(), &mut w)
    }
}

/// Passes a description through, printing the value of key `ac_comm` as a string.
struct CommAsText<'v> {
    out: &'v mut dyn Visitor,
    comm_next: bool,
}

impl Visitor for CommAsText<'_> {
    fn scalar(&mut self, v: Scalar<'_>) {
        match v {
            Scalar::Hex(b) if core::mem::take(&mut self.comm_next) => {
                let end = b.iter().position(|&c| c == 0).unwrap_or(b.len());
                match b.get(..end).map(core::str::from_utf8) {
                    Some(Ok(s)) => self.out.scalar(Scalar::Str(s)),
                    _ => self.out.scalar(v),
                }
            }
            _ => self.out.scalar(v),
        }
    }
    fn begin_list(&mut self) {
        self.out.begin_list()
    }
    fn end_list(&mut self) {
        self.out.end_list()
    }
    fn begin_object(&mut self) {
        self.out.begin_object()
    }
    fn key(&mut self, k: &str) {
        self.comm_next = k == "ac_comm";
        self.out.key(k)
    }
    fn end_object(&mut self) {
        self.out.end_object()
    }
}

nla_set! {
    /// Reply attributes (TASKSTATS_TYPE_*, pyroute2's `taskstatsmsg`).
    pub struct TaskstatsTypeAttrs, enum TaskstatsTypeAttr, index TaskstatsTypeIndex;
    /// Process id.
    TASKSTATS_TYPE_PID = 1 => Pid(pid): U32,
    /// Thread group id.
    TASKSTATS_TYPE_TGID = 2 => Tgid(tgid): U32,
    /// The `struct taskstats`, borrowed as sent (see [`TaskStatsBytes`]).
    TASKSTATS_TYPE_STATS = 3 => Stats(stats): TaskStatsKind,
    /// A pid and its stats (written without NLA_F_NESTED by the kernel).
    TASKSTATS_TYPE_AGGR_PID = 4 => AggrPid(aggr_pid): NestedNoFlag<TaskstatsTypeAttrs>,
    /// A tgid and its stats.
    TASKSTATS_TYPE_AGGR_TGID = 5 => AggrTgid(aggr_tgid): NestedNoFlag<TaskstatsTypeAttrs>,
    /// Padding (contains nothing).
    TASKSTATS_TYPE_NULL = 6 => Null(null): Flag,
}

/// A taskstats reply or exit event, flattened: the id and the stats found at the top
/// level or inside TASKSTATS_TYPE_AGGR_PID / AGGR_TGID.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct TaskStatsReply {
    /// TASKSTATS_TYPE_PID, if present.
    pub pid: Option<u32>,
    /// TASKSTATS_TYPE_TGID, if present.
    pub tgid: Option<u32>,
    /// The stats, if present (common-prefix read).
    pub stats: Option<TaskStats>,
    /// Length of the kernel's struct as sent (it tells a newer kernel from ours).
    pub stats_len: usize,
}

impl TaskStatsReply {
    /// Collects the ids and the stats of a TASKSTATS_CMD_NEW message.
    pub fn parse(msg: &GenlMsg<'_>) -> Result<Self, Error> {
        let mut r = TaskStatsReply::default();
        r.fill(msg.attrs(), 0)?;
        Ok(r)
    }

    fn fill(&mut self, iter: AttrIter<'_>, depth: u8) -> Result<(), Error> {
        for a in iter {
            let a = a?;
            match a.kind() {
                TASKSTATS_TYPE_PID => self.pid = Some(a.as_u32()?),
                TASKSTATS_TYPE_TGID => self.tgid = Some(a.as_u32()?),
                TASKSTATS_TYPE_STATS => {
                    self.stats = Some(a.as_struct());
                    self.stats_len = a.payload().len();
                }
                TASKSTATS_TYPE_AGGR_PID | TASKSTATS_TYPE_AGGR_TGID if depth < 2 => {
                    self.fill(a.nested(), depth + 1)?
                }
                _ => {}
            }
        }
        Ok(())
    }
}

/// The taskstats family's declaration: requests (GET) carry [`TaskstatsCmdAttrs`],
/// replies and events (NEW) [`TaskstatsTypeAttrs`].
#[derive(Debug, Clone, Copy)]
pub struct Taskstats;

impl GenlFamily for Taskstats {
    const NAME: &'static str = TASKSTATS_GENL_NAME;
    const VERSION: u8 = TASKSTATS_GENL_VERSION;
    fn cmd_name(cmd: u8) -> Option<&'static str> {
        cmd_name(cmd)
    }
    fn describe_attrs(cmd: u8, iter: AttrIter<'_>, ctx: &Ctx, out: &mut dyn Visitor) {
        if cmd == TASKSTATS_CMD_GET {
            TaskstatsCmdAttrs::describe_list(iter, ctx, out)
        } else {
            TaskstatsTypeAttrs::describe_list(iter, ctx, out)
        }
    }
}

pub(super) fn fuzz_views(g: &GenlMsg<'_>) {
    if let Ok(r) = TaskStatsReply::parse(g)
        && let Some(s) = r.stats
    {
        let _ = (s.comm(), s.ac_pid(), s.version(), s.wpcopy_delay_total());
    }
    if let Ok(i) = TaskstatsCmdIndex::new(g.attrs()) {
        let _ = (
            i.pid(),
            i.tgid(),
            i.register_cpumask(),
            i.deregister_cpumask(),
        );
    }
    if let Ok(i) = TaskstatsTypeIndex::new(g.attrs()) {
        let _ = (i.pid(), i.tgid(), i.stats(), i.null());
        if let Ok(Some(n)) = i.aggr_pid() {
            n.iter().for_each(drop);
        }
        if let Ok(Some(n)) = i.aggr_tgid() {
            n.iter().for_each(drop);
        }
    }
}

pub(super) fn fuzz_attrs(data: &[u8]) {
    for a in AttrIter::new(data).flatten() {
        let _ = TaskstatsCmdAttr::decode(a);
        let _ = TaskstatsTypeAttr::decode(a);
    }
}
