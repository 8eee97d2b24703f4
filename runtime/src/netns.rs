//! Network namespace helpers: a fresh namespace for the calling thread, entering a
//! namespace by path or name, and running a closure in a fresh namespace on its own
//! thread (what the tests use). The full NetNS API is a later issue.

use std::os::fd::{AsFd, OwnedFd};

use rustix::fs::{Mode, OFlags};

use crate::error::{Error, Result};

/// Moves the calling thread into a new, empty network namespace (only `lo`, down).
/// Other threads are not affected; call it on a dedicated thread.
pub fn unshare_thread() -> Result<()> {
    Ok(crate::sockopt::unshare_net_thread()?)
}

/// Opens the calling thread's current network namespace (to come back to it, or to
/// let another thread enter it).
pub fn current() -> Result<OwnedFd> {
    open_path("/proc/thread-self/ns/net")
}

/// Opens a namespace file (`/proc/PID/ns/net`, `/run/netns/NAME` ...).
pub fn open_path(path: &str) -> Result<OwnedFd> {
    Ok(rustix::fs::open(
        path,
        OFlags::RDONLY | OFlags::CLOEXEC,
        Mode::empty(),
    )?)
}

/// Moves the calling thread into the namespace `ns` (setns).
pub fn enter<Fd: AsFd>(ns: Fd) -> Result<()> {
    rustix::thread::move_into_link_name_space(
        ns.as_fd(),
        Some(rustix::thread::LinkNameSpaceType::Network),
    )
    .map_err(Error::from)
}

/// Moves the calling thread into the named namespace `/run/netns/NAME` (`ip netns add`).
pub fn enter_named(name: &str) -> Result<()> {
    enter(open_path(&format!("/run/netns/{name}"))?)
}

/// Runs `f` on a new thread inside a fresh network namespace and returns its result.
/// The namespace disappears when the thread ends (unless something keeps it alive).
/// A panic in `f` is resumed on the caller.
pub fn run_in_new<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> Result<T> {
    let h = std::thread::spawn(move || {
        unshare_thread()?;
        Ok::<T, Error>(f())
    });
    match h.join() {
        Ok(r) => r,
        Err(p) => std::panic::resume_unwind(p),
    }
}
