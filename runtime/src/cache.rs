//! The cache thread (pyroute2's `bind(async=True)`): an opt-in background thread drains
//! the socket into a bounded, preallocated ring of datagrams, and the socket's receive
//! calls read from the ring instead of the fd.
//!
//! Overflow is defined: when the ring is full the thread keeps reading, drops what does
//! not fit and counts it; the consumer gets one [`Error::Overrun`] with the counts at the
//! point of loss, then the datagrams that came after. A kernel ENOBUFS is reported the
//! same way. The thread never dies on overflow or error; [`NetlinkSocket::close`] (or
//! drop) wakes it through an eventfd and joins it.

use std::collections::VecDeque;
use std::os::fd::{AsFd, OwnedFd};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use rustix::event::{EventfdFlags, PollFd, PollFlags};
use rustix::io::Errno;
use rustix::net::RecvFlags;

use crate::error::{Error, Overrun, Result};
use crate::socket::{NetlinkSocket, recv_whole, sender_port};

/// Sizes of the ring.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CacheConfig {
    /// Bytes of datagram storage (preallocated).
    pub capacity_bytes: usize,
    /// Most datagrams held at once.
    pub capacity_datagrams: usize,
}

impl Default for CacheConfig {
    fn default() -> Self {
        CacheConfig {
            capacity_bytes: 4 << 20,
            capacity_datagrams: 4096,
        }
    }
}

/// Counters of the cache thread.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CacheStats {
    /// Datagrams read from the socket (foreign senders excluded).
    pub received: u64,
    /// Datagrams handed to the consumer.
    pub delivered: u64,
    /// Datagrams dropped because the ring was full.
    pub dropped_datagrams: u64,
    /// Bytes of those.
    pub dropped_bytes: u64,
    /// Kernel ENOBUFS reports.
    pub enobufs: u64,
    /// Other receive errors the thread survived.
    pub errors: u64,
}

#[derive(Debug, Clone, Copy)]
enum Entry {
    Data { start: usize, len: usize },
    Lost(Overrun),
}

struct Ring {
    buf: Box<[u8]>,
    entries: VecDeque<Entry>,
    data: usize,
    max_data: usize,
    stats: CacheStats,
    closed: bool,
}

impl Ring {
    /// (start, len) of the oldest and newest datagrams. Loss markers are merged, so
    /// at most one is skipped at either end: O(1).
    fn data_bounds(&self) -> Option<((usize, usize), (usize, usize))> {
        let data = |e: &Entry| match *e {
            Entry::Data { start, len } => Some((start, len)),
            Entry::Lost(_) => None,
        };
        let first = self.entries.iter().find_map(data)?;
        let last = self.entries.iter().rev().find_map(data)?;
        Some((first, last))
    }

    /// Where a datagram of `len` bytes fits, if it does.
    fn place(&self, len: usize) -> Option<usize> {
        let cap = self.buf.len();
        if self.data >= self.max_data || len > cap {
            return None;
        }
        match self.data_bounds() {
            None => Some(0),
            Some(((fs, _), (ls, ll))) => {
                let tail = ls + ll;
                if ls >= fs {
                    // Not wrapped: room after the tail, or at the front before the head.
                    if tail + len <= cap {
                        Some(tail)
                    } else if len <= fs {
                        Some(0)
                    } else {
                        None
                    }
                } else if tail + len <= fs {
                    Some(tail)
                } else {
                    None
                }
            }
        }
    }

    fn lose(&mut self, o: Overrun) {
        self.stats.dropped_datagrams += o.datagrams;
        self.stats.dropped_bytes += o.bytes;
        self.stats.enobufs += o.enobufs;
        if let Some(Entry::Lost(prev)) = self.entries.back_mut() {
            prev.datagrams += o.datagrams;
            prev.bytes += o.bytes;
            prev.enobufs += o.enobufs;
        } else {
            self.entries.push_back(Entry::Lost(o));
        }
    }

    fn push(&mut self, d: &[u8]) {
        self.stats.received += 1;
        match self.place(d.len()) {
            Some(at) => {
                self.buf[at..at + d.len()].copy_from_slice(d);
                self.entries.push_back(Entry::Data {
                    start: at,
                    len: d.len(),
                });
                self.data += 1;
            }
            None => self.lose(Overrun {
                datagrams: 1,
                bytes: d.len() as u64,
                enobufs: 0,
            }),
        }
    }
}

struct Shared {
    ring: Mutex<Ring>,
    cond: Condvar,
}

fn lock(m: &Mutex<Ring>) -> MutexGuard<'_, Ring> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

/// The running cache thread of a socket.
pub(crate) struct Cache {
    shared: Arc<Shared>,
    wake: OwnedFd,
    thread: Option<JoinHandle<()>>,
}

impl Cache {
    fn start(sock: OwnedFd, cfg: CacheConfig, accept_foreign: bool) -> Result<Cache> {
        let wake = rustix::event::eventfd(0, EventfdFlags::CLOEXEC | EventfdFlags::NONBLOCK)?;
        let wake2 = rustix::io::dup(&wake)?;
        let max = cfg.capacity_datagrams.max(1);
        let shared = Arc::new(Shared {
            ring: Mutex::new(Ring {
                buf: vec![0u8; cfg.capacity_bytes].into_boxed_slice(),
                // Data entries alternate at worst with (merged) loss markers.
                entries: VecDeque::with_capacity(2 * max + 2),
                data: 0,
                max_data: max,
                stats: CacheStats::default(),
                closed: false,
            }),
            cond: Condvar::new(),
        });
        let sh = shared.clone();
        let thread = std::thread::Builder::new()
            .name("ferroute-cache".into())
            .spawn(move || reader(sock, wake2, sh, accept_foreign))
            .map_err(|e| Error::Io(Errno::from_io_error(&e).unwrap_or(Errno::AGAIN)))?;
        Ok(Cache {
            shared,
            wake,
            thread: Some(thread),
        })
    }

    /// The next datagram into `buf` (grown if needed), or the loss at this point.
    pub(crate) fn recv_into(&self, buf: &mut Vec<u8>, timeout: Option<Duration>) -> Result<usize> {
        let deadline = timeout.map(|t| Instant::now() + t);
        let mut r = lock(&self.shared.ring);
        loop {
            if let Some(e) = r.entries.pop_front() {
                match e {
                    Entry::Lost(o) => return Err(Error::Overrun(o)),
                    Entry::Data { start, len } => {
                        if len > buf.len() {
                            buf.resize(len, 0);
                        }
                        buf[..len].copy_from_slice(&r.buf[start..start + len]);
                        r.data -= 1;
                        r.stats.delivered += 1;
                        return Ok(len);
                    }
                }
            }
            if r.closed {
                return Err(Error::Closed);
            }
            r = match deadline {
                None => self.shared.cond.wait(r).unwrap_or_else(|p| p.into_inner()),
                Some(d) => {
                    let now = Instant::now();
                    if now >= d {
                        return Err(Error::Timeout);
                    }
                    self.shared
                        .cond
                        .wait_timeout(r, d - now)
                        .unwrap_or_else(|p| p.into_inner())
                        .0
                }
            };
        }
    }

    fn stats(&self) -> CacheStats {
        lock(&self.shared.ring).stats
    }

    fn stop(&mut self) {
        let _ = rustix::io::write(&self.wake, &1u64.to_ne_bytes());
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
        lock(&self.shared.ring).closed = true;
        self.shared.cond.notify_all();
    }
}

impl Drop for Cache {
    fn drop(&mut self) {
        self.stop();
    }
}

/// The thread: wait for the socket or the wake-up eventfd, drain the socket without
/// blocking, push into the ring. Never exits on overflow or a receive error.
fn reader(sock: OwnedFd, wake: OwnedFd, sh: Arc<Shared>, accept_foreign: bool) {
    let mut scratch = vec![0u8; 64 * 1024];
    loop {
        let mut fds = [
            PollFd::new(&sock, PollFlags::IN),
            PollFd::new(&wake, PollFlags::IN),
        ];
        match rustix::event::poll(&mut fds, None) {
            Ok(_) | Err(Errno::INTR) => {}
            Err(_) => {
                std::thread::sleep(Duration::from_millis(1));
                continue;
            }
        }
        if !fds[1].revents().is_empty() {
            return;
        }
        loop {
            match recv_whole(sock.as_fd(), &mut scratch, RecvFlags::DONTWAIT) {
                Ok((n, addr)) => {
                    if !accept_foreign && sender_port(addr) != 0 {
                        continue;
                    }
                    let mut r = lock(&sh.ring);
                    r.push(&scratch[..n]);
                    drop(r);
                    sh.cond.notify_one();
                }
                Err(Error::Overrun(o)) => {
                    lock(&sh.ring).lose(o);
                    sh.cond.notify_one();
                }
                Err(Error::Io(Errno::AGAIN)) => break,
                Err(_) => {
                    lock(&sh.ring).stats.errors += 1;
                    break;
                }
            }
        }
    }
}

impl NetlinkSocket {
    /// Starts the cache thread: from now on a background thread reads the socket into a
    /// ring of `cfg` size and every receive of this socket reads from the ring.
    /// Does nothing if the thread already runs.
    ///
    /// ```no_run
    /// # use ferroute::{NetlinkSocket, Protocol, CacheConfig, Error};
    /// let mut sock = NetlinkSocket::open(Protocol::ROUTE)?;
    /// sock.add_membership(5)?; // RTNLGRP_IPV4_IFADDR
    /// sock.enable_cache(CacheConfig { capacity_bytes: 1 << 20, capacity_datagrams: 1024 })?;
    /// loop {
    ///     match sock.recv() {
    ///         Ok(d) => println!("{} bytes", d.len()),
    ///         Err(Error::Overrun(o)) => println!("lost {} datagrams here", o.datagrams),
    ///         Err(e) => return Err(e),
    ///     }
    /// }
    /// # Ok::<(), ferroute::Error>(())
    /// ```
    pub fn enable_cache(&mut self, cfg: CacheConfig) -> Result<()> {
        if self.cache.is_none() {
            let fd = rustix::io::dup(&self.fd)?;
            self.cache = Some(Cache::start(fd, cfg, self.accept_foreign)?);
        }
        Ok(())
    }
    /// Stops the cache thread (wakes and joins it). What the ring still held is dropped.
    pub fn disable_cache(&mut self) {
        self.cache = None;
    }
    /// The cache thread's counters, if it runs.
    pub fn cache_stats(&self) -> Option<CacheStats> {
        self.cache.as_ref().map(Cache::stats)
    }
    /// Closes the socket: stops the cache thread, then closes the fd.
    pub fn close(mut self) {
        self.cache = None;
    }
}
