//! Typed rows -> iproute2-compatible JSON and text (in progress).
