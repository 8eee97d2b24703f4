//! Legacy ip_queue (NETLINK_FIREWALL) messages (stub: filled in by the ip_queue codec work).
