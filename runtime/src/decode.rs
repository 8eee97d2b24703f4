//! The `ferroute decode` engine: reads netlink bytes (hex text or binary), describes each
//! message through a codec [`Family`], and renders the description as JSON lines (the
//! shape of pyroute2's message dump) or as readable text.

use std::fmt::Write as _;

use ferroute_codec::nl::{
    Error as CodecError, Family, Messages, Scalar, Visitor, describe_message,
};
use serde_json::{Map, Value};

/// A hex text that could not be read: what was wrong and at which character.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HexError {
    /// Character offset in the input text.
    pub offset: usize,
    /// What was wrong.
    pub what: &'static str,
}

impl std::fmt::Display for HexError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "bad hex input at character {}: {}",
            self.offset, self.what
        )
    }
}

impl std::error::Error for HexError {}

/// Reads hex text: pairs of hex digits, with whitespace, `:` and line breaks allowed
/// between bytes (an optional `0x` prefix on a run of digits is skipped).
pub fn parse_hex(text: &str) -> Result<Vec<u8>, HexError> {
    let mut out = Vec::with_capacity(text.len() / 2);
    let mut high: Option<(usize, u8)> = None;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        if c == b'0' && high.is_none() && matches!(bytes.get(i + 1), Some(b'x' | b'X')) {
            i += 2;
            continue;
        }
        match c {
            b' ' | b'\t' | b'\r' | b'\n' | b':' => {
                if let Some((at, _)) = high {
                    return Err(HexError {
                        offset: at,
                        what: "odd number of hex digits in a byte",
                    });
                }
            }
            _ => {
                let v = (c as char).to_digit(16).ok_or(HexError {
                    offset: i,
                    what: "not a hex digit, space or ':'",
                })? as u8;
                match high.take() {
                    Some((_, h)) => out.push(h << 4 | v),
                    None => high = Some((i, v)),
                }
            }
        }
        i += 1;
    }
    if let Some((at, _)) = high {
        return Err(HexError {
            offset: at,
            what: "odd number of hex digits at the end",
        });
    }
    Ok(out)
}

/// Builds a JSON value tree from the codec's description events.
#[derive(Debug, Default)]
pub struct TreeBuilder {
    stack: Vec<(Value, Option<String>)>,
    done: Vec<Value>,
    pending_key: Option<String>,
    /// Errors met inside the description (bad attributes and the like).
    pub errors: Vec<CodecError>,
}

impl TreeBuilder {
    /// An empty builder.
    pub fn new() -> Self {
        Self::default()
    }

    /// Takes the finished top-level values.
    pub fn take(&mut self) -> Vec<Value> {
        std::mem::take(&mut self.done)
    }

    fn push_value(&mut self, v: Value) {
        let key = self.pending_key.take();
        match self.stack.last_mut() {
            Some((Value::Array(a), _)) => a.push(v),
            Some((Value::Object(m), _)) => {
                m.insert(key.unwrap_or_default(), v);
            }
            _ => self.done.push(v),
        }
    }

    fn open(&mut self, v: Value) {
        let key = self.pending_key.take();
        self.stack.push((v, key));
    }

    fn close(&mut self) {
        if let Some((v, key)) = self.stack.pop() {
            self.pending_key = key;
            self.push_value(v);
        }
    }
}

/// The JSON form of a leaf value.
pub fn scalar_json(s: Scalar<'_>) -> Value {
    match s {
        Scalar::U64(v) => Value::from(v),
        Scalar::I64(v) => Value::from(v),
        Scalar::Bool(b) => Value::from(b),
        Scalar::Str(s) => Value::from(s),
        Scalar::Name(s) => Value::from(s),
        Scalar::Hex(b) => Value::from(hex(b)),
        Scalar::Ip(ip) => Value::from(ip.to_string()),
        Scalar::Mac(b) => Value::from(mac(b)),
        Scalar::Null => Value::Null,
        Scalar::Error(e) => {
            let mut m = Map::new();
            m.insert("error".into(), Value::from(e.to_string()));
            m.insert("offset".into(), Value::from(e.offset));
            if let Some(a) = e.attr {
                m.insert("attr".into(), Value::from(a));
            }
            Value::Object(m)
        }
    }
}

/// Lowercase hex without separators.
pub fn hex(b: &[u8]) -> String {
    let mut s = String::with_capacity(b.len() * 2);
    for x in b {
        let _ = write!(s, "{x:02x}");
    }
    s
}

/// `aa:bb:cc:...`.
pub fn mac(b: &[u8]) -> String {
    let mut s = String::with_capacity(b.len() * 3);
    for (i, x) in b.iter().enumerate() {
        if i > 0 {
            s.push(':');
        }
        let _ = write!(s, "{x:02x}");
    }
    s
}

impl Visitor for TreeBuilder {
    fn scalar(&mut self, v: Scalar<'_>) {
        if let Scalar::Error(e) = v {
            self.errors.push(e);
        }
        self.push_value(scalar_json(v));
    }
    fn begin_list(&mut self) {
        self.open(Value::Array(Vec::new()));
    }
    fn end_list(&mut self) {
        self.close();
    }
    fn begin_object(&mut self) {
        self.open(Value::Object(Map::new()));
    }
    fn key(&mut self, k: &str) {
        self.pending_key = Some(k.to_owned());
    }
    fn end_object(&mut self) {
        self.close();
    }
}

/// The result of decoding a buffer of messages.
#[derive(Debug)]
pub struct Decoded {
    /// One JSON object per message, in order.
    pub messages: Vec<Value>,
    /// Errors met inside messages (an attribute that did not decode, ...).
    pub inner_errors: Vec<CodecError>,
    /// The framing error that ended the walk, if any.
    pub framing_error: Option<CodecError>,
}

/// Describes every message in `data` with family `F`.
pub fn decode<F: Family>(data: &[u8]) -> Decoded {
    let mut tb = TreeBuilder::new();
    let mut framing_error = None;
    for m in Messages::new(data) {
        match m {
            Ok(m) => describe_message::<F>(&m, &mut tb),
            Err(e) => {
                framing_error = Some(e);
                break;
            }
        }
    }
    Decoded {
        messages: tb.take(),
        inner_errors: std::mem::take(&mut tb.errors),
        framing_error,
    }
}

/// Describes generic netlink messages, naming the dynamic family ids in `hints`
/// (`("TASKSTATS", 31)`, ...) and any learnt from CTRL_CMD_NEWFAMILY replies in `data`.
pub fn decode_genl(data: &[u8], hints: &[(&str, u16)]) -> Decoded {
    let mut tb = TreeBuilder::new();
    let hint = ferroute_codec::genl::GenlFamilyHint::new(hints);
    let framing_error = hint.describe_datagram(data, &mut tb).err();
    Decoded {
        messages: tb.take(),
        inner_errors: std::mem::take(&mut tb.errors),
        framing_error,
    }
}

/// Describes one Ethernet frame (Ethernet, IPv4, UDP, DHCP as far as they apply).
pub fn decode_frame(frame: &[u8]) -> Decoded {
    let mut tb = TreeBuilder::new();
    ferroute_codec::inet::describe_frame(frame, &mut tb);
    Decoded {
        messages: tb.take(),
        inner_errors: std::mem::take(&mut tb.errors),
        framing_error: None,
    }
}

/// Renders one described message as readable text, close to pyroute2's repr: the header
/// on one line, then each part, attributes one per line, nested ones indented.
pub fn render_text(msg: &Value) -> String {
    let mut s = String::new();
    let Some(obj) = msg.as_object() else {
        let _ = writeln!(s, "{msg}");
        return s;
    };
    for (k, v) in obj {
        if k == "header" {
            let h = v.as_object();
            let get = |n: &str| h.and_then(|h| h.get(n)).cloned().unwrap_or(Value::Null);
            let ty = match get("type") {
                Value::String(t) => t,
                other => format!("type {other}"),
            };
            let flags: Vec<String> = get("flags")
                .as_array()
                .map(|a| {
                    a.iter()
                        .map(|f| {
                            f.as_str()
                                .map(str::to_owned)
                                .unwrap_or_else(|| f.to_string())
                        })
                        .collect()
                })
                .unwrap_or_default();
            let _ = writeln!(
                s,
                "{ty} length {} flags [{}] seq {} pid {}",
                get("length"),
                flags.join(","),
                get("sequence_number"),
                get("pid")
            );
        } else {
            render_part(&mut s, k, v, 1);
        }
    }
    s
}

fn is_attr_list(v: &Value) -> bool {
    v.as_array()
        .is_some_and(|a| a.iter().all(|p| p.as_array().is_some_and(|p| p.len() == 2)))
}

fn inline(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Object(m) => m
            .iter()
            .map(|(k, v)| format!("{k}={}", inline(v)))
            .collect::<Vec<_>>()
            .join(" "),
        Value::Array(a) => format!("[{}]", a.iter().map(inline).collect::<Vec<_>>().join(", ")),
        other => other.to_string(),
    }
}

fn render_part(s: &mut String, key: &str, v: &Value, depth: usize) {
    let pad = "  ".repeat(depth);
    if is_attr_list(v) && !v.as_array().is_some_and(|a| a.is_empty()) {
        let _ = writeln!(s, "{pad}{key}:");
        for pair in v.as_array().into_iter().flatten() {
            let (Some(name), Some(val)) = (pair.get(0), pair.get(1)) else {
                continue;
            };
            let name = name
                .as_str()
                .map(str::to_owned)
                .unwrap_or_else(|| name.to_string());
            render_part(s, &name, val, depth + 1);
        }
    } else {
        let _ = writeln!(s, "{pad}{key}: {}", inline(v));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_accepts_spaces_colons_and_newlines() {
        assert_eq!(parse_hex("0a:0B 0c\n0d"), Ok(vec![10, 11, 12, 13]));
        assert_eq!(parse_hex("0x1234"), Ok(vec![0x12, 0x34]));
        assert_eq!(parse_hex("12 3").unwrap_err().offset, 3);
        assert_eq!(parse_hex("1 2").unwrap_err().offset, 0);
        assert_eq!(parse_hex("zz").unwrap_err().offset, 0);
    }

    #[test]
    fn tree_builder_keeps_key_order_and_nesting() {
        let mut t = TreeBuilder::new();
        t.begin_object();
        t.key("b");
        t.scalar(Scalar::U64(1));
        t.key("a");
        t.begin_list();
        t.scalar(Scalar::Mac(&[1, 2]));
        t.end_list();
        t.end_object();
        assert_eq!(
            serde_json::to_string(&t.take()[0]).unwrap(),
            r#"{"b":1,"a":["01:02"]}"#
        );
    }
}
