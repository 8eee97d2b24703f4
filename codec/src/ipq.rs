//! Legacy ip_queue (NETLINK_FIREWALL) messages (stub: filled in by the ip_queue codec work).

/// Fuzzing entry point: decodes `data` as ip_queue messages. Never panics.
pub fn fuzz_one(data: &[u8]) {
    let _ = data;
}
