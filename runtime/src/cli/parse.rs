//! iproute2 command syntax -> typed commands (in progress).
