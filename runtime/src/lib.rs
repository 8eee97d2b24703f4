//! ferroute: the std runtime of the ferroute netlink library (sockets, requests, the
//! cache ring, proxies) and the engine behind the `ferroute` command-line tool.

pub mod cli;
pub mod decode;
