//! RTM_* message types and RTNLGRP_* multicast groups (stub: filled in by the RTNL codec work).

/// The kernel name of an rtnetlink message type.
pub fn rtm_name(ty: u16) -> Option<&'static str> {
    let _ = ty;
    None
}
