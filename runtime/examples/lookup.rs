//! Link lookup by name among 1000 links: a kernel RTM_GETLINK with IFLA_IFNAME (O(1)),
//! timed over many lookups in a throwaway network namespace (needs root). Prints the
//! median and the 99th percentile per lookup. Run: `cargo run --release -p ferroute --example lookup`.

use ferroute::iproute::spec::{LinkKind, LinkSpec};
use ferroute::iproute::{IPBatch, IPRoute, RtnlRequests};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let h = std::thread::spawn(|| -> Result<(), String> {
        ferroute::netns::unshare_thread().map_err(|e| e.to_string())?;
        let mut ipr = IPRoute::new().map_err(|e| e.to_string())?;
        let mut batch = IPBatch::new();
        for i in 0..1000 {
            batch
                .link_add(&LinkSpec::new(&format!("ifb{i}"), LinkKind::Ifb))
                .map_err(|e| e.to_string())?;
        }
        let r = batch.send(ipr.socket()).map_err(|e| e.to_string())?;
        if r.errors() != 0 {
            return Err(format!("{} link adds failed", r.errors()));
        }
        let mut t = Vec::with_capacity(5000);
        for k in 0..5000 {
            let name = format!("ifb{}", (k * 7919) % 1000);
            let t0 = std::time::Instant::now();
            let idx = ipr.link_lookup(&name).map_err(|e| e.to_string())?;
            t.push(t0.elapsed());
            if idx.is_none() {
                return Err(format!("{name} not found"));
            }
        }
        t.sort();
        println!(
            "lookup among 1000 links: median {:.1} us, p99 {:.1} us (5000 kernel GETs)",
            t[t.len() / 2].as_secs_f64() * 1e6,
            t[t.len() * 99 / 100].as_secs_f64() * 1e6
        );
        Ok(())
    });
    h.join().map_err(|_| "lookup thread panicked")??;
    Ok(())
}
