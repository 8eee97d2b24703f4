//! Helpers shared by the rtnl fixture tests: fixture loading, interface names from
//! `ip -j link`, a JSON visitor for the decode interface, and a typed re-encoder.
#![allow(dead_code)]

use ferroute_codec::nl::{MsgBuilder, NLMSG_DONE, NlMsg, Scalar, Visitor};
use ferroute_tests::Fixtures;
use serde_json::Value;

/// The captures of the rtnl tests (tests/fixtures/route).
pub const FIXTURES: Fixtures = Fixtures("route");

/// The data messages of a dump (NLMSG_DONE dropped; framing must be clean).
pub fn messages(bytes: &[u8]) -> Vec<NlMsg<'_>> {
    let v = ferroute_tests::messages(bytes);
    assert_eq!(
        v.last().unwrap().nlmsg_type(),
        NLMSG_DONE,
        "dump ends with DONE"
    );
    v.into_iter()
        .filter(|m| m.nlmsg_type() != NLMSG_DONE)
        .collect()
}

/// Interface name of `ifindex` in the capture namespace (from `ip -j -d link show`).
pub fn ifname(ifindex: u32) -> String {
    let links = FIXTURES.json("links.ip.json");
    links
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["ifindex"].as_u64() == Some(ifindex.into()))
        .map(|l| l["ifname"].as_str().unwrap().to_string())
        .unwrap_or_else(|| panic!("no link {ifindex}"))
}

/// Rebuilds a message from its header `hdr_len` bytes and its attributes decoded and
/// re-emitted through `emit` (the typed enum of the family), and checks the bytes equal.
pub fn reencode(
    msg: &NlMsg<'_>,
    hdr_len: usize,
    emit: impl Fn(ferroute_codec::nl::Attr<'_>, &mut MsgBuilder<Vec<u8>>),
    attrs: ferroute_codec::nl::AttrIter<'_>,
) {
    let mut b = MsgBuilder::new(
        Vec::new(),
        msg.nlmsg_type(),
        msg.nlmsg_flags(),
        msg.nlmsg_seq(),
        msg.nlmsg_pid(),
    )
    .unwrap();
    use ferroute_codec::nl::NlaWriter;
    b.append_bytes(&msg.payload()[..hdr_len]).unwrap();
    for a in attrs {
        emit(a.unwrap(), &mut b);
    }
    let out = b.finish().unwrap();
    assert_eq!(out.as_slice(), msg.bytes(), "typed re-encode differs");
}

/// Builds a serde_json value from the decode interface's events.
#[derive(Default)]
pub struct JsonVisitor {
    stack: Vec<(Value, Option<String>)>,
    pub root: Option<Value>,
}

impl JsonVisitor {
    fn push_value(&mut self, v: Value) {
        match self.stack.last_mut() {
            None => self.root = Some(v),
            Some((Value::Array(a), _)) => a.push(v),
            Some((Value::Object(o), key)) => {
                let k = key.take().expect("object value without key");
                o.insert(k, v);
            }
            Some(_) => unreachable!(),
        }
    }
}

impl Visitor for JsonVisitor {
    fn scalar(&mut self, v: Scalar<'_>) {
        let j = match v {
            Scalar::U64(n) => Value::from(n),
            Scalar::I64(n) => Value::from(n),
            Scalar::Bool(b) => Value::from(b),
            Scalar::Str(s) => Value::from(s),
            Scalar::Name(s) => Value::from(s),
            Scalar::Hex(h) => Value::from(h.iter().map(|b| format!("{b:02x}")).collect::<String>()),
            Scalar::Ip(ip) => Value::from(ip.to_string()),
            Scalar::Mac(m) => Value::from(
                m.iter()
                    .map(|b| format!("{b:02x}"))
                    .collect::<Vec<_>>()
                    .join(":"),
            ),
            Scalar::Null => Value::Null,
            Scalar::Error(e) => serde_json::json!({ "error": format!("{e:?}") }),
        };
        self.push_value(j);
    }
    fn begin_list(&mut self) {
        self.stack.push((Value::Array(vec![]), None));
    }
    fn end_list(&mut self) {
        let (v, _) = self.stack.pop().unwrap();
        self.push_value(v);
    }
    fn begin_object(&mut self) {
        self.stack.push((Value::Object(Default::default()), None));
    }
    fn key(&mut self, k: &str) {
        self.stack.last_mut().unwrap().1 = Some(k.to_string());
    }
    fn end_object(&mut self) {
        let (v, _) = self.stack.pop().unwrap();
        self.push_value(v);
    }
}

/// The decode tool's description of one rtnetlink message, as JSON.
pub fn describe(msg: &NlMsg<'_>) -> Value {
    let mut v = JsonVisitor::default();
    ferroute_codec::nl::describe_message::<ferroute_codec::rtnl::Rtnl>(msg, &mut v);
    v.root.unwrap()
}

/// The value of attribute `name` in a description's `"attrs"` list.
pub fn attr<'v>(desc: &'v Value, name: &str) -> Option<&'v Value> {
    desc["attrs"]
        .as_array()?
        .iter()
        .find(|p| p[0] == name)
        .map(|p| &p[1])
}
