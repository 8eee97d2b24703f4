//! Shared helpers for ferroute integration tests: captured fixtures, attributes written by
//! hand, typed attribute round trips (and their property), what the decode tool prints for
//! a message (as JSON), throwaway network namespaces (a thread that unshares its own, or a
//! named `ferroute-t-...` one deleted on drop), iproute2 cross-checks, and a few hand-built
//! rtnetlink requests.
//!
//! Under `CI=true` a test that cannot get root or a namespace fails instead of skipping.

use std::path::PathBuf;
use std::process::Command;
use std::sync::atomic::{AtomicU32, Ordering};

use ferroute::codec::nl::{
    Attr, AttrBuilder, AttrIter, Error as CodecError, Family, Messages, MsgBuilder, NLA_F_NESTED,
    NLA_F_NET_BYTEORDER, NlMsg, NlaWriter,
};
use ferroute::decode::{Decoded, decode};
use proptest::prelude::*;
use serde_json::Value;

// The message types and attribute ids the request helpers below use, from the codec
// (one source for every constant).
pub use ferroute_codec::rtnl::addr::{IFA_ADDRESS, IFA_LOCAL};
pub use ferroute_codec::rtnl::consts::{
    RTM_DELLINK, RTM_GETADDR, RTM_GETLINK, RTM_GETROUTE, RTM_NEWADDR, RTM_NEWLINK, RTM_NEWROUTE,
};
pub use ferroute_codec::rtnl::link::info::{IFLA_INFO_DATA, IFLA_INFO_KIND, VETH_INFO_PEER};
pub use ferroute_codec::rtnl::link::{IFLA_IFNAME, IFLA_LINKINFO};
pub use ferroute_codec::rtnl::route::{RTA_DST, RTA_GATEWAY, RTA_OIF, RTA_TABLE};
/// NLM_F_CREATE | NLM_F_EXCL.
pub const CREATE_EXCL: u16 = 0x600;

/// A folder of captured fixtures under `tests/fixtures` (`Fixtures("genl")`).
#[derive(Debug, Clone, Copy)]
pub struct Fixtures(pub &'static str);

impl Fixtures {
    /// The folder's path.
    pub fn dir(self) -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("fixtures")
            .join(self.0)
    }
    /// The path of fixture `name` in this folder.
    pub fn path(self, name: &str) -> PathBuf {
        self.dir().join(name)
    }
    /// The bytes of fixture `name`; panics naming the file when it cannot be read.
    pub fn bytes(self, name: &str) -> Vec<u8> {
        let p = self.path(name);
        std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
    }
    /// The text of fixture `name` (UTF-8).
    pub fn text(self, name: &str) -> String {
        String::from_utf8(self.bytes(name)).unwrap_or_else(|e| panic!("{}/{name}: {e}", self.0))
    }
    /// Fixture `name` read as JSON.
    pub fn json(self, name: &str) -> Value {
        serde_json::from_slice(&self.bytes(name))
            .unwrap_or_else(|e| panic!("{}/{name}: {e}", self.0))
    }
}

/// One attribute written by hand as the kernel lays it out (`struct nlattr`: length, type;
/// then the payload, padded to 4 bytes), for test vectors that owe nothing to the codec.
pub fn nla(ty: u16, payload: &[u8]) -> Vec<u8> {
    let len = u16::try_from(4 + payload.len()).expect("attribute longer than 64 KiB");
    let mut v = len.to_ne_bytes().to_vec();
    v.extend_from_slice(&ty.to_ne_bytes());
    v.extend_from_slice(payload);
    v.resize(v.len().next_multiple_of(4), 0);
    v
}

/// `items` emitted one after the other into a new attribute list by `emit` (a typed
/// attribute enum's `emit`, e.g. `RouteAttr::emit`); panics on an error.
pub fn emit_all<T>(
    items: &[T],
    emit: impl Fn(&T, &mut AttrBuilder<Vec<u8>>) -> Result<(), CodecError>,
) -> Vec<u8> {
    let mut w = AttrBuilder::new(Vec::new());
    for it in items {
        emit(it, &mut w).expect("emit");
    }
    w.into_inner()
}

/// Every attribute of `list` decoded by `decode` (a typed attribute enum's `decode`, e.g.
/// `RouteAttr::decode`); panics on an error.
pub fn decode_all<'a, T>(
    list: &'a [u8],
    decode: impl Fn(Attr<'a>) -> Result<T, CodecError>,
) -> Vec<T> {
    AttrIter::new(list)
        .map(|a| decode(a.expect("attribute")).expect("decode"))
        .collect()
}

/// `list` decoded by `decode` and emitted again by `emit` (a typed attribute enum's), to
/// compare with `list`.
pub fn reencoded<'a, T>(
    list: &'a [u8],
    decode: impl Fn(Attr<'a>) -> Result<T, CodecError>,
    emit: impl Fn(&T, &mut AttrBuilder<Vec<u8>>) -> Result<(), CodecError>,
) -> Vec<u8> {
    emit_all(&decode_all(list, decode), emit)
}

/// Attribute lists for property tests: up to 11 attributes of types below `types` (plain,
/// NLA_F_NESTED or NLA_F_NET_BYTEORDER), with payloads shorter than `len` bytes.
pub fn attr_list(types: u16, len: usize) -> impl Strategy<Value = Vec<u8>> {
    let flags = prop_oneof![Just(0u16), Just(NLA_F_NESTED), Just(NLA_F_NET_BYTEORDER)];
    let attr = (
        0..types,
        flags,
        proptest::collection::vec(any::<u8>(), 0..len),
    );
    proptest::collection::vec(attr, 0..12)
        .prop_map(|v| v.into_iter().flat_map(|(t, f, p)| nla(t | f, &p)).collect())
}

/// Each attribute of `list` alone in a list of its own, at offset 0 (so that offsets
/// compare equal after a re-encode), up to the first malformed one.
pub fn each_alone(list: &[u8]) -> Vec<Vec<u8>> {
    AttrIter::new(list)
        .map_while(Result::ok)
        .map(|a| nla(a.raw_type(), a.payload()))
        .collect()
}

/// In a proptest body: for each typed attribute enum `$enm` that decodes attribute `$a`
/// (one at offset 0), emitting the value writes one attribute of the same type, which
/// decodes to the same value.
#[macro_export]
macro_rules! prop_assert_reencodes_stably {
    ($a:expr; $($enm:ty),+ $(,)?) => {{
        let a: ::ferroute_codec::nl::Attr<'_> = $a;
        $(
            if let Ok(v) = <$enm>::decode(a) {
                let out = $crate::emit_all(&[v], <$enm>::emit);
                let mut it = ::ferroute_codec::nl::AttrIter::new(&out);
                let b = it.next().and_then(Result::ok);
                let one = b.is_some() && it.next().is_none();
                ::proptest::prop_assert!(one, "{}: {:?} wrote {:?}", stringify!($enm), v, out);
                let b = b.unwrap();
                ::proptest::prop_assert_eq!(b.kind(), a.kind(), "{}", stringify!($enm));
                ::proptest::prop_assert_eq!(<$enm>::decode(b), Ok(v), "{}", stringify!($enm));
            }
        )+
    }};
}

/// `data` with byte `i` (modulo its length) set to `b`: a fixture mutated for the "never
/// panics" properties.
pub fn with_byte(mut data: Vec<u8>, i: usize, b: u8) -> Vec<u8> {
    let n = data.len();
    data[i % n] = b;
    data
}

/// The bytes of a `__u32` array in host order (a payload written by hand).
pub fn u32s(v: &[u32]) -> Vec<u8> {
    v.iter().flat_map(|x| x.to_ne_bytes()).collect()
}

/// A message builder with the netlink header of `msg` (type, flags, sequence, port), to
/// rebuild it.
pub fn builder_like(msg: &NlMsg<'_>) -> MsgBuilder<Vec<u8>> {
    let (ty, flags) = (msg.nlmsg_type(), msg.nlmsg_flags());
    MsgBuilder::new(Vec::new(), ty, flags, msg.nlmsg_seq(), msg.nlmsg_pid()).expect("build")
}

/// Every message of `data`; panics on a framing error.
pub fn messages(data: &[u8]) -> Vec<NlMsg<'_>> {
    Messages::new(data)
        .map(|m| m.expect("netlink framing"))
        .collect()
}

/// The value of attribute `name` in `list`, an attribute list of the decode tool
/// (`[[NAME, VALUE], ...]`); panics showing the list when it is not there.
pub fn attr<'v>(list: &'v Value, name: &str) -> &'v Value {
    let found = list
        .as_array()
        .and_then(|l| l.iter().find(|p| p[0] == name));
    found
        .map(|p| &p[1])
        .unwrap_or_else(|| panic!("{name} not in {list}"))
}

/// The messages of a decode that met no error, neither in the framing nor inside a message
/// (an attribute that did not decode, a short header, ...); panics showing what it met.
pub fn clean(d: Decoded) -> Vec<Value> {
    assert!(
        d.framing_error.is_none() && d.inner_errors.is_empty(),
        "framing error {:?}, errors inside {:?}, in {}",
        d.framing_error,
        d.inner_errors,
        Value::from(d.messages)
    );
    d.messages
}

/// What `ferroute decode` prints for the messages of `data` read as family `F`, one JSON
/// value a message; panics on an error (see [`clean`]).
pub fn describe_all<F: Family>(data: &[u8]) -> Vec<Value> {
    clean(decode::<F>(data))
}

/// What `ferroute decode` prints for message `msg` read as family `F`, as JSON; panics on
/// an error (see [`clean`]).
pub fn describe<F: Family>(msg: &NlMsg<'_>) -> Value {
    let mut v = describe_all::<F>(msg.bytes());
    assert_eq!(v.len(), 1, "one message, one description");
    v.remove(0)
}

/// Checks that `printed`, a place in what the decode tool printed for `d`, is the one error
/// `d` met (inside a message, framing clean), printed as the decode tool does: its text,
/// the `offset` of the header that was wrong and, for an attribute, its type `attr`.
pub fn assert_printed_error(d: &Decoded, printed: &Value, offset: u32, attr: Option<u16>) {
    assert!(d.framing_error.is_none(), "{:?}", d.framing_error);
    assert_eq!(
        d.inner_errors.len(),
        1,
        "{:?} for {printed}",
        d.inner_errors
    );
    assert_eq!(printed["error"], d.inner_errors[0].to_string());
    assert_eq!(
        (printed["offset"].as_u64(), printed["attr"].as_u64()),
        (Some(offset.into()), attr.map(u64::from)),
        "{printed}"
    );
}

/// True when the tests run under CI (`CI=true`): missing privileges then fail.
pub fn in_ci() -> bool {
    std::env::var("CI").map(|v| v == "true").unwrap_or(false)
}

fn unavailable(why: &str) {
    if in_ci() {
        panic!("CI=true and the test cannot run: {why}");
    }
    eprintln!("SKIP: {why}");
}

/// The effective uid is 0 (read from /proc/self/status).
pub fn is_root() -> bool {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("Uid:"))
                .and_then(|l| l.split_whitespace().nth(2).map(|u| u == "0"))
        })
        .unwrap_or(false)
}

/// Runs `f` on a dedicated thread inside a fresh network namespace (only `lo`, down).
/// Returns `None` (after printing SKIP) when namespaces are unavailable outside CI;
/// panics under CI. A panic in `f` fails the test. Child processes (`ip ...`) started
/// from `f` run in the same namespace; so do threads spawned from it.
pub fn in_netns<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> Option<T> {
    if !is_root() {
        unavailable("not root: cannot create a network namespace");
        return None;
    }
    let h = std::thread::spawn(move || ferroute::netns::unshare_thread().map(|()| f()));
    match h.join() {
        Ok(Ok(v)) => Some(v),
        Ok(Err(e)) => {
            unavailable(&format!("unshare(CLONE_NEWNET) failed: {e}"));
            None
        }
        Err(p) => std::panic::resume_unwind(p),
    }
}

/// Runs `program ARGS` (in the calling thread's namespace) and returns its stdout; panics
/// with its stderr when it fails.
pub fn run(program: &str, args: &[&str]) -> String {
    let out = Command::new(program)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("run {program}: {e}"));
    assert!(
        out.status.success(),
        "{program} {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

/// Runs `program ARGS` (see [`run`]) and reads its stdout as JSON.
pub fn run_json(program: &str, args: &[&str]) -> Value {
    let out = run(program, args);
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("{program} {args:?}: {e}: {out}"))
}

/// `ip -j ARGS` (in the calling thread's namespace), its output as JSON.
pub fn ip_json(args: &[&str]) -> Value {
    run_json("ip", &[&["-j"], args].concat())
}

/// The ifindex of link `name` in `links`, the output of `ip -j link show`.
pub fn ifindex_in(links: &Value, name: &str) -> i32 {
    let l = links
        .as_array()
        .and_then(|a| a.iter().find(|l| l["ifname"] == name));
    let i = l.and_then(|l| l["ifindex"].as_i64());
    i.unwrap_or_else(|| panic!("no link {name} in {links}")) as i32
}

/// The name of link `ifindex` in `links`, the output of `ip -j link show`.
pub fn ifname_in(links: &Value, ifindex: impl Into<i64>) -> String {
    let ifindex = ifindex.into();
    let l = links
        .as_array()
        .and_then(|a| a.iter().find(|l| l["ifindex"] == ifindex));
    let n = l.and_then(|l| l["ifname"].as_str());
    n.unwrap_or_else(|| panic!("no link {ifindex} in {links}"))
        .to_owned()
}

/// Runs `ip ARGS` and panics on failure.
pub fn ip(args: &[&str]) {
    run("ip", args);
}

/// Runs `ip -batch -` with `script` on stdin.
pub fn ip_batch(script: &str) {
    use std::io::Write;
    let mut child = Command::new("ip")
        .args(["-batch", "-"])
        .stdin(std::process::Stdio::piped())
        .spawn()
        .expect("run ip -batch");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(script.as_bytes())
        .expect("write batch");
    assert!(child.wait().expect("wait").success(), "ip -batch failed");
}

/// A named namespace `ferroute-t-<tag>-<pid>-<n>`, created with `ip netns add` and
/// deleted on drop. Enter it on a dedicated thread with [`NamedNetns::run`]; cross-check
/// with [`NamedNetns::ip_json`] (`ip -n NAME -j ...`).
#[derive(Debug)]
pub struct NamedNetns {
    /// The namespace name.
    pub name: String,
}

impl NamedNetns {
    /// Creates the namespace; `None` (SKIP) when impossible outside CI.
    pub fn new(tag: &str) -> Option<Self> {
        static N: AtomicU32 = AtomicU32::new(0);
        let name = format!(
            "ferroute-t-{tag}-{}-{}",
            std::process::id(),
            N.fetch_add(1, Ordering::Relaxed)
        );
        let ok = Command::new("ip")
            .args(["netns", "add", &name])
            .status()
            .map(|s| s.success())
            .unwrap_or(false);
        if !ok {
            unavailable(&format!("ip netns add {name} failed"));
            return None;
        }
        Some(NamedNetns { name })
    }
    /// Runs `f` on a thread that entered the namespace.
    pub fn run<T: Send + 'static>(&self, f: impl FnOnce() -> T + Send + 'static) -> T {
        let name = self.name.clone();
        let h = std::thread::spawn(move || {
            ferroute::netns::enter_named(&name).expect("setns");
            f()
        });
        h.join().unwrap_or_else(|p| std::panic::resume_unwind(p))
    }
    /// `ip -n NAME -j ARGS`, its output as JSON.
    pub fn ip_json(&self, args: &[&str]) -> Value {
        ip_json(&[&["-n", self.name.as_str()], args].concat())
    }
}

impl Drop for NamedNetns {
    fn drop(&mut self) {
        let _ = Command::new("ip")
            .args(["netns", "del", &self.name])
            .status();
    }
}

/// An RTM_GETLINK dump request (empty ifinfomsg).
pub fn getlink_dump() -> Vec<u8> {
    let mut b = MsgBuilder::new(Vec::new(), RTM_GETLINK, 0, 0, 0).expect("build");
    b.append_bytes(&[0u8; 16]).expect("build");
    b.finish().expect("build")
}

/// An RTM_GETADDR dump request for `family` (ifaddrmsg).
pub fn getaddr_dump(family: u8) -> Vec<u8> {
    let mut b = MsgBuilder::new(Vec::new(), RTM_GETADDR, 0, 0, 0).expect("build");
    b.append_bytes(&[family, 0, 0, 0, 0, 0, 0, 0])
        .expect("build");
    b.finish().expect("build")
}

/// An RTM_GETROUTE dump request for `family` (rtmsg).
pub fn getroute_dump(family: u8) -> Vec<u8> {
    let mut b = MsgBuilder::new(Vec::new(), RTM_GETROUTE, 0, 0, 0).expect("build");
    b.append_bytes(&[family, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])
        .expect("build");
    b.finish().expect("build")
}

/// RTM_NEWLINK creating a link of `kind` named `name` (CREATE|EXCL); for "veth",
/// `peer` names the peer.
pub fn newlink(name: &str, kind: &str, peer: Option<&str>) -> Vec<u8> {
    let mut b = MsgBuilder::new(Vec::new(), RTM_NEWLINK, CREATE_EXCL, 0, 0).expect("build");
    b.append_bytes(&[0u8; 16]).expect("build");
    b.put_str(IFLA_IFNAME, name).expect("build");
    let li = b.nest_start(IFLA_LINKINFO).expect("build");
    b.put_str(IFLA_INFO_KIND, kind).expect("build");
    if let Some(p) = peer {
        let data = b.nest_start(IFLA_INFO_DATA).expect("build");
        let pe = b.nest_start(VETH_INFO_PEER).expect("build");
        b.append_bytes(&[0u8; 16]).expect("build");
        b.put_str(IFLA_IFNAME, p).expect("build");
        b.nest_end(pe).expect("build");
        b.nest_end(data).expect("build");
    }
    b.nest_end(li).expect("build");
    b.finish().expect("build")
}

/// RTM_NEWADDR adding IPv4 `addr`/`prefix` on interface `index` (CREATE|EXCL).
pub fn newaddr_v4(index: u32, addr: [u8; 4], prefix: u8) -> Vec<u8> {
    let mut b = MsgBuilder::new(Vec::new(), RTM_NEWADDR, CREATE_EXCL, 0, 0).expect("build");
    let mut h = [0u8; 8];
    h[0] = 2;
    h[1] = prefix;
    h[4..8].copy_from_slice(&index.to_ne_bytes());
    b.append_bytes(&h).expect("build");
    b.put_bytes(IFA_LOCAL, &addr).expect("build");
    b.put_bytes(IFA_ADDRESS, &addr).expect("build");
    b.finish().expect("build")
}

/// RTM_NEWROUTE adding IPv4 `dst`/`prefix` via interface `oif` in the main table.
pub fn newroute_v4(dst: [u8; 4], prefix: u8, oif: u32) -> Vec<u8> {
    let mut b = MsgBuilder::new(Vec::new(), RTM_NEWROUTE, CREATE_EXCL, 0, 0).expect("build");
    // rtmsg: family, dst_len, src_len, tos, table(main 254), protocol(boot 3),
    // scope(link 253), type(unicast 1), flags u32.
    b.append_bytes(&[2, prefix, 0, 0, 254, 3, 253, 1, 0, 0, 0, 0])
        .expect("build");
    b.put_bytes(RTA_DST, &dst).expect("build");
    b.put_u32(RTA_OIF, oif).expect("build");
    b.finish().expect("build")
}

/// The IFLA_IFNAME of link message `m` (RTM_NEWLINK, ...), if it has a readable one.
pub fn link_name<'a>(m: &NlMsg<'a>) -> Option<&'a str> {
    m.attrs_after(16).find(IFLA_IFNAME)?.as_cstr().ok()
}

/// Names of the links of a link dump through `sock`.
pub fn link_names(sock: &mut ferroute::NetlinkSocket) -> Vec<String> {
    let mut names = Vec::new();
    sock.dump_each(&getlink_dump(), |m| {
        if let Some(n) = link_name(&m) {
            names.push(n.to_string());
        }
    })
    .expect("link dump");
    names
}

/// Counts the open file descriptors of this process.
pub fn open_fds() -> usize {
    std::fs::read_dir("/proc/self/fd")
        .map(|d| d.count())
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ferroute_codec::rtnl::Rtnl;
    use ferroute_codec::rtnl::link::IFLA_MTU;

    /// RTM_NEWLINK for `lo` whose IFLA_MTU (a u32) carries `mtu`.
    fn link_with_mtu(mtu: &[u8]) -> Vec<u8> {
        let mut b = MsgBuilder::new(Vec::new(), RTM_NEWLINK, 0, 0, 0).unwrap();
        b.append_bytes(&[0u8; 16]).unwrap();
        b.put_str(IFLA_IFNAME, "lo").unwrap();
        b.put_bytes(IFLA_MTU, mtu).unwrap();
        b.finish().unwrap()
    }

    #[test]
    fn describe_all_gives_what_the_decode_tool_prints() {
        let d = describe_all::<Rtnl>(&link_with_mtu(&1500u32.to_ne_bytes()));
        assert_eq!(d[0]["header"]["type"], "RTM_NEWLINK");
        assert_eq!(
            d[0]["attrs"],
            serde_json::json!([["IFLA_IFNAME", "lo"], ["IFLA_MTU", 1500]])
        );
    }

    #[test]
    #[should_panic(expected = "errors inside")]
    fn describe_all_fails_on_an_attribute_that_does_not_decode() {
        describe_all::<Rtnl>(&link_with_mtu(&[1, 2]));
    }
}
