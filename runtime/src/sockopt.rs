//! The few raw system calls rustix has no safe wrapper for, in one place: the SOL_NETLINK
//! socket options (`setsockopt`/`getsockopt` through libc), the TUN ioctls, and
//! `unshare(CLONE_NEWNET)`.
//!
//! This is the only module of the crate with `unsafe` code; every block states why it
//! is sound. Everything else goes through rustix's safe API.

use std::os::fd::{AsFd, AsRawFd, BorrowedFd};

use rustix::io::Errno;

/// SOL_NETLINK: the socket-option level of netlink options.
pub const SOL_NETLINK: i32 = 270;
/// NETLINK_ADD_MEMBERSHIP: join a multicast group by number (any group, >31 too).
pub const NETLINK_ADD_MEMBERSHIP: i32 = 1;
/// NETLINK_DROP_MEMBERSHIP: leave a multicast group.
pub const NETLINK_DROP_MEMBERSHIP: i32 = 2;
/// NETLINK_PKTINFO: deliver the group in a control message.
pub const NETLINK_PKTINFO: i32 = 3;
/// NETLINK_BROADCAST_ERROR: report broadcast delivery errors to the sender.
pub const NETLINK_BROADCAST_ERROR: i32 = 4;
/// NETLINK_NO_ENOBUFS: do not report ENOBUFS on receive-buffer overrun.
pub const NETLINK_NO_ENOBUFS: i32 = 5;
/// NETLINK_LISTEN_ALL_NSID: receive notifications from all peer namespaces.
pub const NETLINK_LISTEN_ALL_NSID: i32 = 8;
/// NETLINK_LIST_MEMBERSHIPS: read the joined groups as a bitmap.
pub const NETLINK_LIST_MEMBERSHIPS: i32 = 9;
/// NETLINK_CAP_ACK: do not echo the request payload in errors.
pub const NETLINK_CAP_ACK: i32 = 10;
/// NETLINK_EXT_ACK: extended acknowledgements (error text and offset).
pub const NETLINK_EXT_ACK: i32 = 11;
/// NETLINK_GET_STRICT_CHK: strict checking of dump requests.
pub const NETLINK_GET_STRICT_CHK: i32 = 12;

fn last_errno() -> Errno {
    Errno::from_io_error(&std::io::Error::last_os_error()).unwrap_or(Errno::INVAL)
}

/// Sets a `u32`-valued SOL_NETLINK option.
pub fn set_netlink_opt(fd: BorrowedFd<'_>, opt: i32, value: u32) -> Result<(), Errno> {
    // SAFETY: `fd` is a live descriptor borrowed for the call; the option value is a
    // 4-byte `u32` on our stack, and we pass exactly its address and size, which is what
    // every SOL_NETLINK integer option reads.
    let r = unsafe {
        libc::setsockopt(
            fd.as_raw_fd(),
            SOL_NETLINK,
            opt,
            (&value as *const u32).cast(),
            size_of::<u32>() as libc::socklen_t,
        )
    };
    if r < 0 { Err(last_errno()) } else { Ok(()) }
}

/// Reads a `u32`-valued SOL_NETLINK option.
pub fn get_netlink_opt(fd: BorrowedFd<'_>, opt: i32) -> Result<u32, Errno> {
    let mut value: u32 = 0;
    let mut len = size_of::<u32>() as libc::socklen_t;
    // SAFETY: the kernel writes at most `len` (4) bytes into `value`, a live `u32`, and
    // updates `len`, a live `socklen_t`; both outlive the call.
    let r = unsafe {
        libc::getsockopt(
            fd.as_raw_fd(),
            SOL_NETLINK,
            opt,
            (&mut value as *mut u32).cast(),
            &mut len,
        )
    };
    if r < 0 { Err(last_errno()) } else { Ok(value) }
}

/// Reads the joined multicast groups (NETLINK_LIST_MEMBERSHIPS) as group numbers.
pub fn list_memberships(fd: BorrowedFd<'_>) -> Result<Vec<u32>, Errno> {
    let mut words = [0u32; 32];
    let mut len = size_of_val(&words) as libc::socklen_t;
    // SAFETY: the kernel writes at most `len` bytes into `words`, a live array of that
    // size, and updates `len`.
    let r = unsafe {
        libc::getsockopt(
            fd.as_raw_fd(),
            SOL_NETLINK,
            NETLINK_LIST_MEMBERSHIPS,
            words.as_mut_ptr().cast(),
            &mut len,
        )
    };
    if r < 0 {
        return Err(last_errno());
    }
    let mut out = Vec::new();
    for (i, w) in words.iter().enumerate() {
        for b in 0..32 {
            if w & (1 << b) != 0 {
                out.push(i as u32 * 32 + b + 1);
            }
        }
    }
    Ok(out)
}

/// `struct ifreq` as TUNSETIFF reads it: the name, the IFF_* flags, padding to 40 bytes.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct TunIfReq {
    /// Interface name, NUL-padded (IFNAMSIZ 16).
    pub name: [u8; 16],
    /// IFF_TUN / IFF_TAP / IFF_NO_PI / IFF_MULTI_QUEUE ...
    pub flags: i16,
    /// The rest of the ifreq union.
    pub pad: [u8; 22],
}

const TUNSETIFF: rustix::ioctl::Opcode = rustix::ioctl::opcode::write::<libc::c_int>(b'T', 202);
const TUNSETPERSIST: rustix::ioctl::Opcode = rustix::ioctl::opcode::write::<libc::c_int>(b'T', 203);
const TUNSETOWNER: rustix::ioctl::Opcode = rustix::ioctl::opcode::write::<libc::c_int>(b'T', 204);
const TUNSETGROUP: rustix::ioctl::Opcode = rustix::ioctl::opcode::write::<libc::c_int>(b'T', 206);

/// TUNSETIFF on a `/dev/net/tun` descriptor; the kernel writes the final name back.
pub fn tun_set_iff<Fd: AsFd>(fd: Fd, req: &mut TunIfReq) -> Result<(), Errno> {
    // SAFETY: TUNSETIFF reads and writes a `struct ifreq` (40 bytes); `TunIfReq` is a
    // `repr(C)` struct of exactly that size and layout, borrowed mutably for the call.
    unsafe { rustix::ioctl::ioctl(fd, rustix::ioctl::Updater::<TUNSETIFF, TunIfReq>::new(req)) }
}

fn tun_int<const OP: rustix::ioctl::Opcode, Fd: AsFd>(fd: Fd, v: usize) -> Result<(), Errno> {
    // SAFETY: TUNSETPERSIST/OWNER/GROUP take their argument as a plain integer (the
    // kernel reads the ioctl argument itself, never dereferences it).
    unsafe { rustix::ioctl::ioctl(fd, rustix::ioctl::IntegerSetter::<OP>::new_usize(v)) }
}

/// TUNSETPERSIST: keep the device after the descriptor closes (or not).
pub fn tun_set_persist<Fd: AsFd>(fd: Fd, persist: bool) -> Result<(), Errno> {
    tun_int::<TUNSETPERSIST, _>(fd, persist as usize)
}
/// TUNSETOWNER: the uid allowed to attach.
pub fn tun_set_owner<Fd: AsFd>(fd: Fd, uid: u32) -> Result<(), Errno> {
    tun_int::<TUNSETOWNER, _>(fd, uid as usize)
}
/// TUNSETGROUP: the gid allowed to attach.
pub fn tun_set_group<Fd: AsFd>(fd: Fd, gid: u32) -> Result<(), Errno> {
    tun_int::<TUNSETGROUP, _>(fd, gid as usize)
}

/// `unshare(CLONE_NEWNET)` for the calling thread only: it gets a fresh network
/// namespace. Call it on a dedicated thread.
pub fn unshare_net_thread() -> Result<(), Errno> {
    // SAFETY: unsharing the network namespace changes only which namespace new sockets
    // and devices of this thread belong to; it does not touch memory or other threads'
    // state (rustix marks `unshare` unsafe because CLONE_FILES/CLONE_FS/NEWNS can break
    // invariants of other code; we pass only NEWNET).
    unsafe { rustix::thread::unshare_unsafe(rustix::thread::UnshareFlags::NEWNET) }
}
