//! From codec views to the output rows of [`format`](super::format): what `ferroute
//! ... show` prints, read from the kernel's messages.
