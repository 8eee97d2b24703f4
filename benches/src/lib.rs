//! Shared helpers for ferroute benchmarks: a counting global allocator, so that every
//! bench can report allocations per message next to its timings.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicU64, Ordering};

/// A global allocator that counts allocations (install it with `#[global_allocator]`).
pub struct CountingAlloc;

static ALLOCS: AtomicU64 = AtomicU64::new(0);

// SAFETY: forwards to the system allocator unchanged; only counts calls.
unsafe impl GlobalAlloc for CountingAlloc {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCS.fetch_add(1, Ordering::Relaxed);
        // SAFETY: same contract as the caller's.
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: same contract as the caller's.
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCS.fetch_add(1, Ordering::Relaxed);
        // SAFETY: same contract as the caller's.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

/// Allocations counted so far.
pub fn allocations() -> u64 {
    ALLOCS.load(Ordering::Relaxed)
}

/// Runs `f` and returns its result with the number of allocations it made.
pub fn count_allocs<T>(f: impl FnOnce() -> T) -> (T, u64) {
    let before = allocations();
    let r = f();
    (r, allocations() - before)
}

/// What [`interleaved`] measured for one variant.
#[derive(Debug, Clone, Copy)]
pub struct Measured {
    /// Median wall time of one call, in seconds.
    pub median: f64,
    /// Median over the rounds of (this variant's time / the baseline's time in the same
    /// round): a paired ratio, robust to load that drifts during the run.
    pub ratio: f64,
    /// Mean CPU time of one call spent in user space by the calling thread, in seconds.
    pub user: f64,
    /// Mean CPU time of one call spent in the kernel for the calling thread, in seconds.
    pub kernel: f64,
}

/// The calling thread's (user, kernel) CPU time in seconds (getrusage RUSAGE_THREAD).
pub fn thread_cpu() -> (f64, f64) {
    // SAFETY: getrusage only writes the struct it is given; all-zero is a valid rusage.
    let u = unsafe {
        let mut u: libc::rusage = std::mem::zeroed();
        libc::getrusage(libc::RUSAGE_THREAD, &mut u);
        u
    };
    let s = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    (s(u.ru_utime), s(u.ru_stime))
}

/// Runs every variant once per round, `rounds` times, rotating which goes first, and
/// returns each variant's median time and its median per-round ratio to `variants[0]`
/// (the baseline). The machines these benches run on are shared: measuring variants
/// back to back (criterion's way) lets a change in load land on one of them, while
/// interleaving spreads it over all.
pub fn interleaved(rounds: usize, variants: &mut [&mut dyn FnMut()]) -> Vec<Measured> {
    let n = variants.len();
    let mut times = vec![Vec::with_capacity(rounds); n];
    let mut cpu = vec![(0.0, 0.0); n];
    for round in 0..rounds {
        for k in 0..n {
            let v = (round + k) % n;
            let (u0, k0) = thread_cpu();
            let t = std::time::Instant::now();
            (variants[v])();
            times[v].push(t.elapsed().as_secs_f64());
            let (u1, k1) = thread_cpu();
            cpu[v].0 += u1 - u0;
            cpu[v].1 += k1 - k0;
        }
    }
    let r = rounds.max(1) as f64;
    (0..n)
        .map(|v| Measured {
            median: median(times[v].clone()),
            ratio: median(times[v].iter().zip(&times[0]).map(|(a, b)| a / b).collect()),
            user: cpu[v].0 / r,
            kernel: cpu[v].1 / r,
        })
        .collect()
}

/// The median of `v` (the upper one for an even count); 0 for an empty `v`.
pub fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v.get(v.len() / 2).copied().unwrap_or(0.0)
}
