//! iproute2 command syntax -> typed [`Command`]s: `ip`/`tc` words (from argv or one
//! `-batch` line) parsed with iproute2's prefix matching, values typed, errors named.

use super::names;
use std::fmt;
use std::net::IpAddr;

/// Address family selected with `-4` / `-6` / `-0` or implied by an address.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Family {
    /// Not chosen (`AF_UNSPEC`).
    #[default]
    Any,
    /// IPv4 (`-4`).
    Inet,
    /// IPv6 (`-6`).
    Inet6,
    /// Link layer (`-0`).
    Link,
}

impl Family {
    /// The `AF_*` number.
    pub fn af(self) -> u8 {
        match self {
            Family::Any => 0,
            Family::Inet => names::AF_INET,
            Family::Inet6 => names::AF_INET6,
            Family::Link => 17,
        }
    }
    fn of(addr: &IpAddr) -> Family {
        if addr.is_ipv4() {
            Family::Inet
        } else {
            Family::Inet6
        }
    }
}

/// A parse error, worded like iproute2's (`Display`) and naming the offending word.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ParseError {
    /// A keyword came last without its value (`Command line is not complete`).
    Incomplete {
        /// The keyword that wanted a value.
        after: String,
    },
    /// A required argument is absent (`Error: argument "KEY" is required`).
    Missing {
        /// What was required.
        key: &'static str,
    },
    /// `Not enough information: "dev" argument is required.`
    NotEnoughInfo {
        /// The missing argument.
        key: &'static str,
    },
    /// A value did not parse (`Error: argument "WORD" is wrong: WHAT`).
    Invalid {
        /// The offending word.
        word: String,
        /// What was expected.
        what: String,
    },
    /// A keyword given twice (`Error: duplicate "KEY": "WORD" is the second value.`).
    Duplicate {
        /// The keyword.
        key: &'static str,
        /// The second value.
        word: String,
    },
    /// `Error: either "KEY" is duplicate, or "WORD" is a garbage.`
    Garbage {
        /// The keyword a bare word would fill.
        key: &'static str,
        /// The offending word.
        word: String,
    },
    /// `Command "WORD" is unknown, try "ip OBJECT help".`
    UnknownCommand {
        /// The offending word.
        word: String,
        /// The object (link, addr, ...).
        object: &'static str,
    },
    /// `Object "WORD" is unknown, try "ip help".`
    UnknownObject {
        /// The offending word.
        word: String,
    },
    /// `Argument "WORD" is unknown, try "ip OBJECT help".`
    UnknownArgument {
        /// The offending word.
        word: String,
        /// The object (monitor, ...).
        object: &'static str,
    },
    /// An iproute2 object or kind that ferroute does not implement.
    Unsupported {
        /// What is not supported.
        what: String,
    },
    /// A batch line with an unterminated quote.
    Unterminated,
    /// Two arguments that cannot go together.
    Conflict {
        /// Explanation.
        what: String,
    },
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ParseError::Incomplete { after } => write!(
                f,
                "Command line is not complete after \"{after}\". Try option \"help\""
            ),
            ParseError::Missing { key } => write!(f, "Error: argument \"{key}\" is required"),
            ParseError::NotEnoughInfo { key } => {
                write!(f, "Not enough information: \"{key}\" argument is required.")
            }
            ParseError::Invalid { word, what } => {
                write!(f, "Error: argument \"{word}\" is wrong: {what}")
            }
            ParseError::Duplicate { key, word } => {
                write!(
                    f,
                    "Error: duplicate \"{key}\": \"{word}\" is the second value."
                )
            }
            ParseError::Garbage { key, word } => {
                write!(
                    f,
                    "Error: either \"{key}\" is duplicate, or \"{word}\" is a garbage."
                )
            }
            ParseError::UnknownCommand { word, object } => {
                write!(
                    f,
                    "Command \"{word}\" is unknown, try \"ip {object} help\"."
                )
            }
            ParseError::UnknownObject { word } => {
                write!(f, "Object \"{word}\" is unknown, try \"ip help\".")
            }
            ParseError::UnknownArgument { word, object } => {
                write!(
                    f,
                    "Argument \"{word}\" is unknown, try \"ip {object} help\"."
                )
            }
            ParseError::Unsupported { what } => write!(f, "Error: {what} is not supported"),
            ParseError::Unterminated => write!(f, "Unterminated quoted string"),
            ParseError::Conflict { what } => write!(f, "Error: {what}"),
        }
    }
}

impl std::error::Error for ParseError {}

/// Result of parsing.
pub type Result<T> = std::result::Result<T, ParseError>;

fn invalid(word: &str, what: impl Into<String>) -> ParseError {
    ParseError::Invalid {
        word: word.to_string(),
        what: what.into(),
    }
}

/// iproute2's `matches(word, pattern)`: `word` is a prefix of `pattern`.
pub fn matches(word: &str, pattern: &str) -> bool {
    pattern.starts_with(word)
}

// ---------------------------------------------------------------------------------------
// Batch lines
// ---------------------------------------------------------------------------------------

/// Splits one `-batch` line into words like iproute2 (`getcmdline` + `makeargs`): a `#`
/// starts a comment (anywhere), words are separated by blanks, a word starting with `'` or
/// `"` runs to the matching quote (quotes removed).
pub fn split_line(line: &str) -> Result<Vec<String>> {
    let line = line.split('#').next().unwrap_or("");
    let mut out = Vec::new();
    let mut rest = line;
    let ws = |c: char| matches!(c, ' ' | '\t' | '\r' | '\n');
    loop {
        rest = rest.trim_start_matches(ws);
        let Some(first) = rest.chars().next() else {
            break;
        };
        if first == '\'' || first == '"' {
            let body = &rest[1..];
            let end = body.find(first).ok_or(ParseError::Unterminated)?;
            out.push(body[..end].to_string());
            rest = &body[end + 1..];
        } else {
            let end = rest.find(ws).unwrap_or(rest.len());
            out.push(rest[..end].to_string());
            rest = &rest[end..];
        }
    }
    Ok(out)
}

/// Splits a whole batch file into commands: (1-based first line number, words) for every
/// non-empty line, joining lines that end with a backslash like iproute2.
pub fn split_batch(text: &str) -> Vec<(usize, Result<Vec<String>>)> {
    let mut out = Vec::new();
    let mut acc = String::new();
    let mut start = 0;
    for (i, line) in text.lines().enumerate() {
        if acc.is_empty() {
            start = i + 1;
        }
        if let Some(head) = line.strip_suffix('\\') {
            acc.push_str(head);
            acc.push(' ');
            continue;
        }
        acc.push_str(line);
        let words = split_line(&acc);
        acc.clear();
        if words.as_ref().is_ok_and(|w| w.is_empty()) {
            continue;
        }
        out.push((start, words));
    }
    if !acc.is_empty() {
        let words = split_line(&acc);
        if !words.as_ref().is_ok_and(|w| w.is_empty()) {
            out.push((start, words));
        }
    }
    out
}

// ---------------------------------------------------------------------------------------
// Value types and their parsers
// ---------------------------------------------------------------------------------------

/// An address with a prefix length (`10.0.0.0/24`, `2001:db8::1`, ...).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Prefix {
    /// The address.
    pub addr: IpAddr,
    /// The prefix length (32/128 when not written).
    pub len: u8,
    /// Whether the length was written (`/N`).
    pub explicit_len: bool,
}

/// A destination/source selector: a prefix, or `default`/`any`/`all` (length 0).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// `default`, `any` or `all`: every address (of the command's family).
    Default,
    /// A prefix.
    Prefix(Prefix),
}

impl Target {
    /// The family of the prefix, `Any` for default.
    pub fn family(&self) -> Family {
        match self {
            Target::Default => Family::Any,
            Target::Prefix(p) => Family::of(&p.addr),
        }
    }
}

fn check_family(word: &str, fam: Family, addr: &IpAddr) -> Result<()> {
    let got = Family::of(addr);
    if fam != Family::Any && fam != Family::Link && fam != got {
        return Err(invalid(
            word,
            format!(
                "address family mismatch (expected {})",
                if fam == Family::Inet { "inet" } else { "inet6" }
            ),
        ));
    }
    Ok(())
}

/// Parses an address (v4 or v6), checking it against `fam` when one is chosen.
pub fn parse_addr(word: &str, fam: Family) -> Result<IpAddr> {
    let addr: IpAddr = word.parse().map_err(|_| invalid(word, "invalid address"))?;
    check_family(word, fam, &addr)?;
    Ok(addr)
}

/// Parses `ADDR[/LEN]`, validating the length against the family.
pub fn parse_prefix(word: &str, fam: Family) -> Result<Prefix> {
    let (a, l) = match word.split_once('/') {
        Some((a, l)) => (a, Some(l)),
        None => (word, None),
    };
    let addr = parse_addr(a, fam).map_err(|e| match e {
        ParseError::Invalid { what, .. } => invalid(word, what),
        e => e,
    })?;
    let max = if addr.is_ipv4() { 32 } else { 128 };
    let len = match l {
        Some(l) => {
            let n: u8 = l
                .parse()
                .map_err(|_| invalid(word, "invalid prefix length"))?;
            if n > max {
                return Err(invalid(
                    word,
                    format!("prefix length {n} is longer than {max}"),
                ));
            }
            n
        }
        None => max,
    };
    Ok(Prefix {
        addr,
        len,
        explicit_len: l.is_some(),
    })
}

/// Parses a prefix or `default`/`any`/`all`.
pub fn parse_target(word: &str, fam: Family) -> Result<Target> {
    if matches!(word, "default" | "any" | "all") {
        return Ok(Target::Default);
    }
    parse_prefix(word, fam).map(Target::Prefix)
}

/// Parses a link-layer address `aa:bb:cc:...` (1 to 32 hex octets, like `ll_addr_a2n`).
pub fn parse_lladdr(word: &str) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    for part in word.split(':') {
        if part.is_empty() || part.len() > 2 {
            return Err(invalid(word, "invalid link-layer address"));
        }
        out.push(
            u8::from_str_radix(part, 16)
                .map_err(|_| invalid(word, "invalid link-layer address"))?,
        );
    }
    if out.len() > 32 {
        return Err(invalid(word, "link-layer address too long"));
    }
    Ok(out)
}

/// Parses an unsigned integer (decimal, `0x` hex, or `0` octal like strtoul base 0).
pub fn parse_num(word: &str, what: &str) -> Result<u64> {
    let r = if let Some(h) = word.strip_prefix("0x").or_else(|| word.strip_prefix("0X")) {
        u64::from_str_radix(h, 16)
    } else if word.len() > 1 && word.starts_with('0') {
        u64::from_str_radix(&word[1..], 8)
    } else {
        word.parse()
    };
    r.map_err(|_| invalid(word, format!("invalid \"{what}\" value")))
}

fn num32(word: &str, what: &str) -> Result<u32> {
    let v = parse_num(word, what)?;
    u32::try_from(v).map_err(|_| invalid(word, format!("\"{what}\" value is out of range")))
}

fn num16(word: &str, what: &str) -> Result<u16> {
    let v = parse_num(word, what)?;
    u16::try_from(v).map_err(|_| invalid(word, format!("\"{what}\" value is out of range")))
}

fn num8(word: &str, what: &str) -> Result<u8> {
    let v = parse_num(word, what)?;
    u8::try_from(v).map_err(|_| invalid(word, format!("\"{what}\" value is out of range")))
}

fn split_number(word: &str) -> Option<(f64, &str)> {
    // The longest leading part that parses as a float, like strtod (digits, one dot, an
    // optional exponent).
    let b = word.as_bytes();
    let mut end = 0;
    while b.get(end).is_some_and(u8::is_ascii_digit) {
        end += 1;
    }
    if b.get(end) == Some(&b'.') {
        end += 1;
        while b.get(end).is_some_and(u8::is_ascii_digit) {
            end += 1;
        }
    }
    if end == 0 || (end == 1 && b.first() == Some(&b'.')) {
        return None;
    }
    if matches!(b.get(end), Some(b'e' | b'E')) {
        let mut e = end + 1;
        if matches!(b.get(e), Some(b'+' | b'-')) {
            e += 1;
        }
        if b.get(e).is_some_and(u8::is_ascii_digit) {
            while b.get(e).is_some_and(u8::is_ascii_digit) {
                e += 1;
            }
            end = e;
        }
    }
    let v: f64 = word.get(..end)?.parse().ok()?;
    Some((v, word.get(end..)?))
}

/// Parses a tc rate (`get_rate64`): a number with an optional unit (bit, kbit, Kibit, mbit,
/// ... tbit, Bps, KBps, KiBps, ... TBps; case-insensitive; bare number = bit/s) into bytes/s.
pub fn parse_rate(word: &str) -> Result<u64> {
    const UNITS: &[(&str, f64)] = &[
        ("bit", 1.),
        ("kibit", 1024.),
        ("kbit", 1000.),
        ("mibit", 1024. * 1024.),
        ("mbit", 1_000_000.),
        ("gibit", 1024. * 1024. * 1024.),
        ("gbit", 1_000_000_000.),
        ("tibit", 1024. * 1024. * 1024. * 1024.),
        ("tbit", 1_000_000_000_000.),
        ("bps", 8.),
        ("kibps", 8. * 1024.),
        ("kbps", 8000.),
        ("mibps", 8. * 1024. * 1024.),
        ("mbps", 8_000_000.),
        ("gibps", 8. * 1024. * 1024. * 1024.),
        ("gbps", 8_000_000_000.),
        ("tibps", 8. * 1024. * 1024. * 1024. * 1024.),
        ("tbps", 8_000_000_000_000.),
    ];
    let (v, unit) = split_number(word).ok_or_else(|| invalid(word, "invalid rate"))?;
    let scale = if unit.is_empty() {
        1.
    } else {
        let u = unit.to_ascii_lowercase();
        UNITS
            .iter()
            .find(|(n, _)| *n == u)
            .map(|(_, s)| *s)
            .ok_or_else(|| invalid(word, "invalid rate unit"))?
    };
    let bytes = v * scale / 8.;
    if !bytes.is_finite() || bytes >= u64::MAX as f64 {
        return Err(invalid(word, "rate out of range"));
    }
    Ok(bytes as u64)
}

/// Parses a tc size (`get_size`): number with optional unit b, k/kb (KiB), kbit, m/mb,
/// mbit, g/gb, gbit (case-insensitive), in bytes.
pub fn parse_size(word: &str) -> Result<u32> {
    const UNITS: &[(&str, f64)] = &[
        ("b", 1.),
        ("kbit", 1024. / 8.),
        ("k", 1024.),
        ("kb", 1024.),
        ("mbit", 1024. * 1024. / 8.),
        ("m", 1024. * 1024.),
        ("mb", 1024. * 1024.),
        ("gbit", 1024. * 1024. * 1024. / 8.),
        ("g", 1024. * 1024. * 1024.),
        ("gb", 1024. * 1024. * 1024.),
    ];
    let (v, unit) = split_number(word).ok_or_else(|| invalid(word, "invalid size"))?;
    let scale = if unit.is_empty() {
        1.
    } else {
        let u = unit.to_ascii_lowercase();
        UNITS
            .iter()
            .find(|(n, _)| *n == u)
            .map(|(_, s)| *s)
            .ok_or_else(|| invalid(word, "invalid size unit"))?
    };
    let b = v * scale;
    if b > f64::from(u32::MAX) {
        return Err(invalid(word, "size out of range"));
    }
    Ok(b as u32)
}

/// Parses a tc time (`get_time`): number with optional unit s/sec/secs, ms/msec/msecs,
/// us/usec/usecs (bare number = microseconds), in microseconds.
pub fn parse_time(word: &str) -> Result<u32> {
    let (v, unit) = split_number(word).ok_or_else(|| invalid(word, "invalid time"))?;
    let scale = match unit.to_ascii_lowercase().as_str() {
        "" | "us" | "usec" | "usecs" => 1.,
        "ms" | "msec" | "msecs" => 1000.,
        "s" | "sec" | "secs" => 1_000_000.,
        _ => return Err(invalid(word, "invalid time unit")),
    };
    let t = v * scale;
    if t > f64::from(u32::MAX) {
        return Err(invalid(word, "time out of range"));
    }
    Ok(t as u32)
}

/// Parses a qdisc handle `X:` (hex major; `none` = 0) into `X << 16` (`get_qdisc_handle`).
pub fn parse_qdisc_handle(word: &str) -> Result<u32> {
    if word == "none" {
        return Ok(0);
    }
    // Like tc's get_qdisc_handle, anything after the colon is ignored ("1:2" is 1:).
    let (maj, _) = word.split_once(':').unwrap_or((word, ""));
    let maj = u32::from_str_radix(maj, 16).map_err(|_| invalid(word, "invalid qdisc handle"))?;
    if maj >= 1 << 16 {
        return Err(invalid(word, "qdisc handle out of range"));
    }
    Ok(maj << 16)
}

/// Parses a class id / parent `X:Y`, `X:`, `:Y`, `root` or `none` (`get_tc_classid`).
pub fn parse_classid(word: &str) -> Result<u32> {
    match word {
        "root" => return Ok(names::TC_H_ROOT),
        "none" => return Ok(0),
        _ => {}
    }
    let bad = || invalid(word, "invalid class id (expected \"X:Y\")");
    let (maj, min) = match word.split_once(':') {
        Some((a, b)) => (a, Some(b)),
        None => (word, None),
    };
    let maj = if maj.is_empty() {
        0
    } else {
        u32::from_str_radix(maj, 16).map_err(|_| bad())?
    };
    let Some(min) = min else {
        // A bare number is the whole 32-bit id.
        return Ok(maj);
    };
    if maj >= 1 << 16 {
        return Err(bad());
    }
    let min = if min.is_empty() {
        0
    } else {
        u32::from_str_radix(min, 16).map_err(|_| bad())?
    };
    if min >= 1 << 16 {
        return Err(bad());
    }
    Ok(maj << 16 | min)
}

/// Parses a routing table name or number (`all` = 0 = every table).
pub fn parse_table(word: &str) -> Result<u32> {
    if word == "all" {
        return Ok(0);
    }
    names::table_id(word).ok_or_else(|| invalid(word, "invalid table ID"))
}

/// Parses a route protocol (`kernel`, `boot`, `static`, ... or a number) into RTPROT_*.
pub fn parse_protocol(word: &str) -> Result<u8> {
    names::protocol_id(word).ok_or_else(|| invalid(word, "invalid \"protocol\" value"))
}

/// Parses a scope (`global`, `site`, `link`, `host`, `nowhere`, or a number) into RT_SCOPE_*.
pub fn parse_scope(word: &str) -> Result<u8> {
    let w = if word == "universe" { "global" } else { word };
    names::value_of(names::RT_SCOPE, w)
        .and_then(|v| u8::try_from(v).ok())
        .ok_or_else(|| invalid(word, "invalid \"scope\" value"))
}

/// Parses a route type name (`unicast`, `local`, `blackhole`, ...) into RTN_*.
pub fn parse_route_type(word: &str) -> Option<u8> {
    names::lookup_value(names::RTN, word).and_then(|v| u8::try_from(v).ok())
}

/// Parses a neighbour state (`permanent`, `noarp`, `stale`, `reachable`, ..., `none`) into NUD_*.
pub fn parse_nud(word: &str) -> Result<u16> {
    if word == "none" {
        return Ok(0);
    }
    let up = word.to_ascii_uppercase();
    names::NUD
        .iter()
        .find(|(_, n)| *n == up)
        .map(|(v, _)| *v as u16)
        .or_else(|| {
            parse_num(word, "nud")
                .ok()
                .and_then(|v| u16::try_from(v).ok())
        })
        .ok_or_else(|| invalid(word, "nud state is bad"))
}

/// Parses an address lifetime: seconds or `forever` (= 0xffffffff).
pub fn parse_lifetime(word: &str) -> Result<u32> {
    if word == "forever" {
        return Ok(u32::MAX);
    }
    num32(word, "lifetime")
}

// ---------------------------------------------------------------------------------------
// Word cursor
// ---------------------------------------------------------------------------------------

struct Args<'a> {
    w: &'a [&'a str],
    i: usize,
}

impl<'a> Args<'a> {
    fn new(w: &'a [&'a str]) -> Self {
        Args { w, i: 0 }
    }
    fn next(&mut self) -> Option<&'a str> {
        let v = self.w.get(self.i).copied();
        if v.is_some() {
            self.i += 1;
        }
        v
    }
    fn peek(&self) -> Option<&'a str> {
        self.w.get(self.i).copied()
    }
    fn back(&mut self) {
        self.i = self.i.saturating_sub(1);
    }
    /// The value after keyword `key` (NEXT_ARG).
    fn value(&mut self, key: &str) -> Result<&'a str> {
        self.next().ok_or_else(|| ParseError::Incomplete {
            after: key.to_string(),
        })
    }
}

fn set_once<T>(slot: &mut Option<T>, key: &'static str, word: &str, v: T) -> Result<()> {
    if slot.is_some() {
        return Err(ParseError::Duplicate {
            key,
            word: word.to_string(),
        });
    }
    *slot = Some(v);
    Ok(())
}

/// A device name check (`IFNAMSIZ`, no `/`, blanks or `:`... like iproute2's `check_ifname`).
pub fn parse_ifname(word: &str) -> Result<String> {
    if word.is_empty() || word.len() >= 16 || word == "." || word == ".." {
        return Err(invalid(word, "\"name\" not a valid ifname"));
    }
    if word
        .chars()
        .any(|c| c == '/' || c == ':' || c.is_whitespace())
    {
        return Err(invalid(word, "\"name\" not a valid ifname"));
    }
    Ok(word.to_string())
}

// ---------------------------------------------------------------------------------------
// Commands
// ---------------------------------------------------------------------------------------

/// Options given before the object (`ip -6 -j -d -n NS route show`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GlobalOpts {
    /// `-4`, `-6`, `-0` or `-f FAMILY`.
    pub family: Family,
    /// `-j` / `-json`.
    pub json: bool,
    /// `-p` / `-pretty`.
    pub pretty: bool,
    /// `-d` / `-details`.
    pub details: bool,
    /// Number of `-s` / `-stats`.
    pub stats: u8,
    /// `-n NS` / `-netns NS`.
    pub netns: Option<String>,
    /// `-b FILE` / `-batch FILE`.
    pub batch: Option<String>,
    /// `-force` (keep going after a failing batch line).
    pub force: bool,
    /// `-br` / `-brief`.
    pub brief: bool,
    /// `-o` / `-oneline`.
    pub oneline: bool,
}

/// What a command does to its object.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// show / list / lst.
    Show,
    /// add (NLM_F_CREATE | NLM_F_EXCL).
    Add,
    /// delete.
    Del,
    /// replace (NLM_F_CREATE | NLM_F_REPLACE).
    Replace,
    /// change / chg / set (NLM_F_REPLACE).
    Change,
    /// append (NLM_F_CREATE | NLM_F_APPEND).
    Append,
    /// prepend (NLM_F_CREATE).
    Prepend,
    /// flush (dump then delete each).
    Flush,
    /// get (one object).
    Get,
}

/// A parsed command.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// `ip link ...` (and `ip tuntap ...`).
    Link(LinkCmd),
    /// `ip address ...`.
    Addr(AddrCmd),
    /// `ip route ...`.
    Route(RouteCmd),
    /// `ip neigh ...`.
    Neigh(NeighCmd),
    /// `ip rule ...`.
    Rule(RuleCmd),
    /// `bridge fdb ...` (as `fdb ...`).
    Fdb(FdbCmd),
    /// `tc qdisc|class|filter ...`.
    Tc(TcCmd),
    /// `ip monitor [OBJECT...]`.
    Monitor(Vec<MonitorObject>),
}

/// Top-level objects in iproute2's `ip` table order (prefixes resolve to the first match),
/// then `tc`'s and `bridge`'s objects.
const OBJECTS: &[&str] = &[
    "address",
    "addrlabel",
    "maddress",
    "route",
    "rule",
    "neighbor",
    "neighbour",
    "ntable",
    "ntbl",
    "link",
    "l2tp",
    "fou",
    "ila",
    "macsec",
    "tunnel",
    "tunl",
    "tuntap",
    "tap",
    "token",
    "tcpmetrics",
    "tcp_metrics",
    "monitor",
    "xfrm",
    "mroute",
    "mrule",
    "netns",
    "netconf",
    "vrf",
    "sr",
    "nexthop",
    "mptcp",
    "ioam",
    "stats",
    "help",
    "qdisc",
    "class",
    "filter",
    "fdb",
];

/// Parses leading options (`-4 -6 -0 -f F -j -p -d -s -n NS -b F -force -br -o`), returning
/// them and the index of the first non-option word.
pub fn parse_global(words: &[&str]) -> Result<(GlobalOpts, usize)> {
    let mut o = GlobalOpts::default();
    let mut a = Args::new(words);
    while let Some(w) = a.peek() {
        let Some(opt) = w.strip_prefix('-') else {
            break;
        };
        a.next();
        let opt = opt.strip_prefix('-').unwrap_or(opt);
        match opt {
            "4" => o.family = Family::Inet,
            "6" => o.family = Family::Inet6,
            "0" => o.family = Family::Link,
            "force" => o.force = true,
            "br" | "brief" => o.brief = true,
            _ if !opt.is_empty() && matches(opt, "json") => o.json = true,
            _ if !opt.is_empty() && matches(opt, "pretty") => o.pretty = true,
            _ if !opt.is_empty() && matches(opt, "details") => o.details = true,
            _ if !opt.is_empty() && matches(opt, "stats") => o.stats = o.stats.saturating_add(1),
            _ if !opt.is_empty() && matches(opt, "oneline") => o.oneline = true,
            _ if !opt.is_empty() && matches(opt, "netns") => {
                o.netns = Some(a.value(w)?.to_string())
            }
            _ if !opt.is_empty() && matches(opt, "batch") => {
                o.batch = Some(a.value(w)?.to_string())
            }
            _ if !opt.is_empty() && matches(opt, "family") => {
                let f = a.value(w)?;
                o.family = match f {
                    "inet" | "ipv4" => Family::Inet,
                    "inet6" | "ipv6" => Family::Inet6,
                    "link" => Family::Link,
                    _ => return Err(invalid(f, "invalid protocol family")),
                };
            }
            _ => {
                return Err(ParseError::Invalid {
                    word: w.to_string(),
                    what: "unknown option".into(),
                });
            }
        }
    }
    Ok((o, a.i))
}

/// Parses a whole `ip`-style command line (options, object, command, arguments).
pub fn parse_line(words: &[&str]) -> Result<(GlobalOpts, Command)> {
    let (opts, i) = parse_global(words)?;
    let cmd = parse_command(words.get(i..).unwrap_or(&[]), opts.family)?;
    Ok((opts, cmd))
}

/// Parses `OBJECT [COMMAND [ARGS...]]` with the family chosen by `-4`/`-6`.
///
/// The per-object parsers are `#[inline(never)]` so that parsing one command does not
/// touch pages of the other objects' parsers (see runtime/build.rs).
pub fn parse_command(words: &[&str], family: Family) -> Result<Command> {
    let Some((&obj, rest)) = words.split_first() else {
        return Err(ParseError::Missing { key: "OBJECT" });
    };
    let full =
        OBJECTS
            .iter()
            .find(|o| matches(obj, o))
            .ok_or_else(|| ParseError::UnknownObject {
                word: obj.to_string(),
            })?;
    match *full {
        "address" => parse_addr_cmd(rest, family).map(Command::Addr),
        "route" => parse_route_cmd(rest, family).map(Command::Route),
        "rule" => parse_rule_cmd(rest, family).map(Command::Rule),
        "neighbor" | "neighbour" => parse_neigh_cmd(rest, family).map(Command::Neigh),
        "link" => parse_link_cmd(rest).map(Command::Link),
        "tuntap" | "tap" => parse_tuntap_cmd(rest).map(Command::Link),
        "monitor" => parse_monitor(rest).map(Command::Monitor),
        "qdisc" => parse_tc(TcObject::Qdisc, rest).map(Command::Tc),
        "class" => parse_tc(TcObject::Class, rest).map(Command::Tc),
        "filter" => parse_tc(TcObject::Filter, rest).map(Command::Tc),
        "fdb" => parse_fdb_cmd(rest).map(Command::Fdb),
        other => Err(ParseError::Unsupported {
            what: format!("object \"{other}\""),
        }),
    }
}

/// Resolves a command word against a (word, action) list in order with prefix matching;
/// entries starting with `=` must match exactly (iproute2's `strcmp` cases such as `chg`).
fn action_of(word: &str, table: &[(&str, Action)], object: &'static str) -> Result<Action> {
    for (pat, act) in table {
        let hit = match pat.strip_prefix('=') {
            Some(exact) => word == exact,
            None => matches(word, pat),
        };
        if hit {
            return Ok(*act);
        }
    }
    Err(ParseError::UnknownCommand {
        word: word.to_string(),
        object,
    })
}

// --- link ------------------------------------------------------------------------------

/// `ip link ...`.
#[derive(Clone, Debug, PartialEq)]
pub enum LinkCmd {
    /// `link show [[dev] NAME] [up] [master DEV] [type KIND]`.
    Show(LinkShow),
    /// `link add ...` / `tuntap add ...`.
    Add(LinkAdd),
    /// `link set {dev NAME | NAME} ...` (also `change`).
    Set(LinkSet),
    /// `link del {dev NAME | NAME} [type KIND]`.
    Del {
        /// Device.
        dev: String,
    },
}

/// Filters of `link show`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LinkShow {
    /// One device.
    pub dev: Option<String>,
    /// Only devices that are up.
    pub up: bool,
    /// Only slaves of this master.
    pub master: Option<String>,
    /// Only links of this kind.
    pub kind: Option<String>,
}

/// Where to move a link (`netns`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NetnsRef {
    /// A process id (IFLA_NET_NS_PID).
    Pid(u32),
    /// A named namespace (/run/netns/NAME, IFLA_NET_NS_FD).
    Name(String),
}

/// The master of a link.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Master {
    /// `master DEV`.
    Dev(String),
    /// `nomaster` (IFLA_MASTER = 0).
    None,
}

/// Attributes common to `link add` / `link set` / veth peers.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LinkSettings {
    /// `up` (true) / `down` (false).
    pub up: Option<bool>,
    /// `name NEW` (rename / name of a new link).
    pub name: Option<String>,
    /// `mtu N`.
    pub mtu: Option<u32>,
    /// `address LLADDR`.
    pub address: Option<Vec<u8>>,
    /// `broadcast LLADDR`.
    pub broadcast: Option<Vec<u8>>,
    /// `master DEV` / `nomaster`.
    pub master: Option<Master>,
    /// `alias TEXT`.
    pub alias: Option<String>,
    /// `txqueuelen N` / `qlen N` / `txqlen N`.
    pub txqlen: Option<u32>,
    /// `netns {PID | NAME}`.
    pub netns: Option<NetnsRef>,
    /// `arp on|off` (off = IFF_NOARP).
    pub arp: Option<bool>,
    /// `multicast on|off`.
    pub multicast: Option<bool>,
    /// `promisc on|off`.
    pub promisc: Option<bool>,
    /// `allmulticast on|off`.
    pub allmulticast: Option<bool>,
    /// `group N`.
    pub group: Option<u32>,
    /// `index N`.
    pub index: Option<u32>,
    /// `numtxqueues N`.
    pub numtxqueues: Option<u32>,
    /// `numrxqueues N`.
    pub numrxqueues: Option<u32>,
}

/// `link add`.
#[derive(Clone, Debug, PartialEq)]
pub struct LinkAdd {
    /// The new device's name.
    pub name: String,
    /// `link DEV`: the lower device (IFLA_LINK).
    pub link: Option<String>,
    /// The other settings given.
    pub settings: LinkSettings,
    /// `type KIND [ARGS]`.
    pub kind: LinkKind,
}

/// `link set`.
#[derive(Clone, Debug, PartialEq)]
pub struct LinkSet {
    /// The device to change.
    pub dev: String,
    /// The changes.
    pub settings: LinkSettings,
    /// `type KIND [ARGS]` given to change kind data.
    pub kind: Option<LinkKind>,
}

/// A link kind and its `IFLA_INFO_DATA` arguments.
#[derive(Clone, Debug, PartialEq)]
pub enum LinkKind {
    /// `veth [peer [name] NAME PEER-ARGS]`.
    Veth {
        /// The peer's name and settings.
        peer: Option<Box<VethPeer>>,
    },
    /// `bridge [ARGS]`.
    Bridge(BridgeOpts),
    /// `vxlan id VNI [ARGS]`.
    Vxlan(VxlanOpts),
    /// `macvlan` / `macvtap` `[mode MODE]`.
    Macvlan {
        /// `macvtap` rather than `macvlan`.
        tap: bool,
        /// MACVLAN_MODE_* (`private`=1, `vepa`=2, `bridge`=4, `passthru`=8, `source`=16).
        mode: Option<u32>,
    },
    /// `ipvlan` / `ipvtap` `[mode l2|l3|l3s]`.
    Ipvlan {
        /// `ipvtap` rather than `ipvlan`.
        tap: bool,
        /// IPVLAN_MODE_* (`l2`=0, `l3`=1, `l3s`=2).
        mode: Option<u16>,
    },
    /// `vlan id N [protocol 802.1Q|802.1ad]`.
    Vlan {
        /// VLAN id.
        id: u16,
        /// ETH_P_8021Q (0x8100) or ETH_P_8021AD (0x88a8).
        protocol: Option<u16>,
    },
    /// `ifb`.
    Ifb,
    /// `dummy`.
    Dummy,
    /// `tun` / `tap` (created with the /dev/net/tun ioctl, not netlink).
    Tun(TunOpts),
    /// Any other kind: its name and the remaining words.
    Other {
        /// IFLA_INFO_KIND.
        kind: String,
        /// Unparsed kind arguments.
        args: Vec<String>,
    },
}

impl LinkKind {
    /// The IFLA_INFO_KIND string.
    pub fn kind_name(&self) -> &str {
        match self {
            LinkKind::Veth { .. } => "veth",
            LinkKind::Bridge(_) => "bridge",
            LinkKind::Vxlan(_) => "vxlan",
            LinkKind::Macvlan { tap: false, .. } => "macvlan",
            LinkKind::Macvlan { tap: true, .. } => "macvtap",
            LinkKind::Ipvlan { tap: false, .. } => "ipvlan",
            LinkKind::Ipvlan { tap: true, .. } => "ipvtap",
            LinkKind::Vlan { .. } => "vlan",
            LinkKind::Ifb => "ifb",
            LinkKind::Dummy => "dummy",
            LinkKind::Tun(_) => "tun",
            LinkKind::Other { kind, .. } => kind,
        }
    }
}

/// A veth peer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VethPeer {
    /// The peer's name.
    pub name: String,
    /// Its settings (address, mtu, netns ...).
    pub settings: LinkSettings,
}

/// Bridge arguments (IFLA_BR_*), all optional.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BridgeOpts {
    /// `stp_state N`.
    pub stp_state: Option<u32>,
    /// `forward_delay N` (centiseconds).
    pub forward_delay: Option<u32>,
    /// `hello_time N`.
    pub hello_time: Option<u32>,
    /// `max_age N`.
    pub max_age: Option<u32>,
    /// `ageing_time N`.
    pub ageing_time: Option<u32>,
    /// `priority N`.
    pub priority: Option<u16>,
    /// `vlan_filtering 0|1`.
    pub vlan_filtering: Option<u8>,
    /// `vlan_default_pvid N`.
    pub vlan_default_pvid: Option<u16>,
    /// `mcast_snooping 0|1`.
    pub mcast_snooping: Option<u8>,
}

/// VXLAN arguments (IFLA_VXLAN_*).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct VxlanOpts {
    /// `id VNI` (required).
    pub id: u32,
    /// `dstport N`.
    pub dstport: Option<u16>,
    /// `local ADDR`.
    pub local: Option<IpAddr>,
    /// `remote ADDR`.
    pub remote: Option<IpAddr>,
    /// `group ADDR` (multicast).
    pub group: Option<IpAddr>,
    /// `dev NAME`.
    pub dev: Option<String>,
    /// `ttl N`.
    pub ttl: Option<u8>,
    /// `tos N`.
    pub tos: Option<u8>,
    /// `learning` / `nolearning`.
    pub learning: Option<bool>,
    /// `ageing N`.
    pub ageing: Option<u32>,
    /// `srcport MIN MAX`.
    pub srcport: Option<(u16, u16)>,
    /// `udpcsum` / `noudpcsum`.
    pub udpcsum: Option<bool>,
}

/// tun/tap arguments (`ip tuntap add ...`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TunOpts {
    /// `mode tap` (else tun).
    pub tap: bool,
    /// `user U` (name or uid, unresolved).
    pub user: Option<String>,
    /// `group G`.
    pub group: Option<String>,
    /// `multi_queue`.
    pub multi_queue: bool,
    /// `one_queue`.
    pub one_queue: bool,
    /// `pi`.
    pub pi: bool,
    /// `vnet_hdr`.
    pub vnet_hdr: bool,
}

fn on_off(a: &mut Args<'_>, key: &str) -> Result<bool> {
    let v = a.value(key)?;
    match v {
        "on" => Ok(true),
        "off" => Ok(false),
        _ => Err(invalid(v, format!("\"{key}\" must be \"on\" or \"off\""))),
    }
}

/// Parses one common link argument at the cursor (the word `w` already taken); returns
/// false when `w` is not one.
fn link_setting(w: &str, a: &mut Args<'_>, s: &mut LinkSettings) -> Result<bool> {
    match w {
        "up" => s.up = Some(true),
        "down" => s.up = Some(false),
        "name" => {
            let v = a.value(w)?;
            set_once(&mut s.name, "name", v, parse_ifname(v)?)?;
        }
        "mtu" => {
            let v = a.value(w)?;
            set_once(&mut s.mtu, "mtu", v, num32(v, "mtu")?)?;
        }
        "address" => {
            let v = a.value(w)?;
            set_once(&mut s.address, "address", v, parse_lladdr(v)?)?;
        }
        "broadcast" | "brd" => {
            let v = a.value(w)?;
            set_once(&mut s.broadcast, "broadcast", v, parse_lladdr(v)?)?;
        }
        "master" => {
            let v = a.value(w)?;
            set_once(&mut s.master, "master", v, Master::Dev(v.to_string()))?;
        }
        "nomaster" => set_once(&mut s.master, "master", w, Master::None)?,
        "alias" => {
            let v = a.value(w)?;
            set_once(&mut s.alias, "alias", v, v.to_string())?;
        }
        "txqueuelen" | "qlen" | "txqlen" => {
            let v = a.value(w)?;
            set_once(&mut s.txqlen, "txqueuelen", v, num32(v, "txqueuelen")?)?;
        }
        "netns" => {
            let v = a.value(w)?;
            let ns = match v.parse::<u32>() {
                Ok(pid) => NetnsRef::Pid(pid),
                Err(_) => NetnsRef::Name(v.to_string()),
            };
            set_once(&mut s.netns, "netns", v, ns)?;
        }
        "arp" => s.arp = Some(on_off(a, w)?),
        "multicast" => s.multicast = Some(on_off(a, w)?),
        "promisc" => s.promisc = Some(on_off(a, w)?),
        "allmulticast" => s.allmulticast = Some(on_off(a, w)?),
        "group" => {
            let v = a.value(w)?;
            let g = if v == "default" {
                0
            } else {
                num32(v, "group")?
            };
            set_once(&mut s.group, "group", v, g)?;
        }
        "index" => {
            let v = a.value(w)?;
            set_once(&mut s.index, "index", v, num32(v, "index")?)?;
        }
        "numtxqueues" => {
            let v = a.value(w)?;
            set_once(
                &mut s.numtxqueues,
                "numtxqueues",
                v,
                num32(v, "numtxqueues")?,
            )?;
        }
        "numrxqueues" => {
            let v = a.value(w)?;
            set_once(
                &mut s.numrxqueues,
                "numrxqueues",
                v,
                num32(v, "numrxqueues")?,
            )?;
        }
        _ => return Ok(false),
    }
    Ok(true)
}

#[inline(never)]
fn parse_link_cmd(w: &[&str]) -> Result<LinkCmd> {
    let Some((&cmd, rest)) = w.split_first() else {
        return Ok(LinkCmd::Show(LinkShow::default()));
    };
    let act = action_of(
        cmd,
        &[
            ("add", Action::Add),
            ("set", Action::Change),
            ("change", Action::Change),
            ("replace", Action::Replace),
            ("delete", Action::Del),
            ("show", Action::Show),
            ("lst", Action::Show),
            ("list", Action::Show),
        ],
        "link",
    )?;
    let mut a = Args::new(rest);
    match act {
        Action::Show => {
            let mut s = LinkShow::default();
            while let Some(x) = a.next() {
                match x {
                    "up" => s.up = true,
                    "master" => s.master = Some(a.value(x)?.to_string()),
                    "type" => s.kind = Some(a.value(x)?.to_string()),
                    "dev" => {
                        let v = a.value(x)?;
                        set_once(&mut s.dev, "dev", v, v.to_string())?;
                    }
                    _ => set_once(&mut s.dev, "dev", x, x.to_string()).map_err(|_| {
                        ParseError::Garbage {
                            key: "dev",
                            word: x.to_string(),
                        }
                    })?,
                }
            }
            Ok(LinkCmd::Show(s))
        }
        Action::Del => {
            let mut dev = None;
            while let Some(x) = a.next() {
                match x {
                    "dev" => {
                        let v = a.value(x)?;
                        set_once(&mut dev, "dev", v, v.to_string())?;
                    }
                    "type" => {
                        a.value(x)?;
                    }
                    "group" => {
                        return Err(ParseError::Unsupported {
                            what: "link del group".into(),
                        });
                    }
                    _ => set_once(&mut dev, "dev", x, x.to_string()).map_err(|_| {
                        ParseError::Garbage {
                            key: "dev",
                            word: x.to_string(),
                        }
                    })?,
                }
            }
            let dev = dev.ok_or(ParseError::NotEnoughInfo { key: "dev" })?;
            Ok(LinkCmd::Del { dev })
        }
        Action::Add | Action::Replace | Action::Change => {
            let mut s = LinkSettings::default();
            let mut dev: Option<String> = None;
            let mut link = None;
            let mut kind = None;
            while let Some(x) = a.next() {
                if link_setting(x, &mut a, &mut s)? {
                    continue;
                }
                match x {
                    "link" if act != Action::Change => {
                        let v = a.value(x)?;
                        set_once(&mut link, "link", v, v.to_string())?;
                    }
                    "type" => {
                        let v = a.value(x)?;
                        kind = Some(parse_link_kind(v, &mut a)?);
                    }
                    "dev" => {
                        let v = a.value(x)?;
                        set_once(&mut dev, "dev", v, v.to_string())?;
                    }
                    _ => {
                        if dev.is_some() {
                            return Err(ParseError::Garbage {
                                key: "dev",
                                word: x.to_string(),
                            });
                        }
                        dev = Some(x.to_string());
                    }
                }
            }
            if act == Action::Change {
                let dev = dev.ok_or(ParseError::NotEnoughInfo { key: "dev" })?;
                return Ok(LinkCmd::Set(LinkSet {
                    dev,
                    settings: s,
                    kind,
                }));
            }
            // add: `name NAME` or a bare/dev NAME.
            let name = match (s.name.take(), dev) {
                (Some(n), None) => n,
                (None, Some(d)) => parse_ifname(&d)?,
                (Some(n), Some(d)) => {
                    if n != d {
                        return Err(ParseError::Duplicate {
                            key: "name",
                            word: d,
                        });
                    }
                    n
                }
                (None, None) => return Err(ParseError::NotEnoughInfo { key: "name" }),
            };
            let kind = kind.ok_or(ParseError::NotEnoughInfo { key: "type" })?;
            Ok(LinkCmd::Add(LinkAdd {
                name,
                link,
                settings: s,
                kind,
            }))
        }
        _ => Err(ParseError::UnknownCommand {
            word: cmd.to_string(),
            object: "link",
        }),
    }
}

fn parse_link_kind(kind: &str, a: &mut Args<'_>) -> Result<LinkKind> {
    match kind {
        "veth" | "vxcan" if kind == "veth" => {
            let mut peer = None;
            while let Some(x) = a.next() {
                if x != "peer" {
                    return Err(invalid(x, "unknown veth argument (expected \"peer\")"));
                }
                let mut s = LinkSettings::default();
                let mut name = None;
                while let Some(y) = a.next() {
                    if link_setting(y, a, &mut s)? {
                        continue;
                    }
                    if y == "dev" {
                        let v = a.value(y)?;
                        set_once(&mut name, "name", v, parse_ifname(v)?)?;
                    } else if name.is_none() && s.name.is_none() {
                        name = Some(parse_ifname(y)?);
                    } else {
                        return Err(ParseError::Garbage {
                            key: "name",
                            word: y.to_string(),
                        });
                    }
                }
                let name = s
                    .name
                    .take()
                    .or(name)
                    .ok_or(ParseError::NotEnoughInfo { key: "peer name" })?;
                peer = Some(Box::new(VethPeer { name, settings: s }));
            }
            Ok(LinkKind::Veth { peer })
        }
        "bridge" => {
            let mut o = BridgeOpts::default();
            while let Some(x) = a.next() {
                let v = a.value(x)?;
                match x {
                    "stp_state" => o.stp_state = Some(num32(v, x)?),
                    "forward_delay" => o.forward_delay = Some(num32(v, x)?),
                    "hello_time" => o.hello_time = Some(num32(v, x)?),
                    "max_age" => o.max_age = Some(num32(v, x)?),
                    "ageing_time" => o.ageing_time = Some(num32(v, x)?),
                    "priority" => o.priority = Some(num16(v, x)?),
                    "vlan_filtering" => o.vlan_filtering = Some(num8(v, x)?),
                    "vlan_default_pvid" => o.vlan_default_pvid = Some(num16(v, x)?),
                    "mcast_snooping" => o.mcast_snooping = Some(num8(v, x)?),
                    _ => return Err(invalid(x, "unknown bridge argument")),
                }
            }
            Ok(LinkKind::Bridge(o))
        }
        "vxlan" => {
            let mut o = VxlanOpts::default();
            let mut id = None;
            while let Some(x) = a.next() {
                match x {
                    "learning" => o.learning = Some(true),
                    "nolearning" => o.learning = Some(false),
                    "udpcsum" => o.udpcsum = Some(true),
                    "noudpcsum" => o.udpcsum = Some(false),
                    "srcport" => {
                        let lo = a.value(x)?;
                        let hi = a.value(x)?;
                        o.srcport = Some((num16(lo, x)?, num16(hi, x)?));
                    }
                    _ => {
                        let v = a.value(x)?;
                        match x {
                            "id" | "vni" => {
                                let n = num32(v, "id")?;
                                if n >= 1 << 24 {
                                    return Err(invalid(v, "invalid id (VNI is 24 bits)"));
                                }
                                set_once(&mut id, "id", v, n)?;
                            }
                            "dstport" | "port" => o.dstport = Some(num16(v, x)?),
                            "local" => o.local = Some(parse_addr(v, Family::Any)?),
                            "remote" => o.remote = Some(parse_addr(v, Family::Any)?),
                            "group" => {
                                let g = parse_addr(v, Family::Any)?;
                                if !g.is_multicast() {
                                    return Err(invalid(
                                        v,
                                        "invalid group address (not multicast)",
                                    ));
                                }
                                o.group = Some(g);
                            }
                            "dev" => o.dev = Some(v.to_string()),
                            "ttl" | "hoplimit" => {
                                o.ttl = Some(if v == "inherit" { 0 } else { num8(v, "ttl")? })
                            }
                            "tos" | "dsfield" => {
                                o.tos = Some(if v == "inherit" { 1 } else { num8(v, "tos")? })
                            }
                            "ageing" => o.ageing = Some(num32(v, x)?),
                            _ => return Err(invalid(x, "unknown vxlan argument")),
                        }
                    }
                }
            }
            o.id = id.ok_or(ParseError::Missing { key: "id" })?;
            if o.group.is_some() && o.remote.is_some() {
                return Err(ParseError::Conflict {
                    what: "vxlan \"group\" and \"remote\" are mutually exclusive".into(),
                });
            }
            Ok(LinkKind::Vxlan(o))
        }
        "macvlan" | "macvtap" => {
            let mut mode = None;
            while let Some(x) = a.next() {
                if x != "mode" {
                    return Err(invalid(x, "unknown macvlan argument (expected \"mode\")"));
                }
                let v = a.value(x)?;
                mode = Some(match v {
                    "private" => 1,
                    "vepa" => 2,
                    "bridge" => 4,
                    "passthru" => 8,
                    "source" => 16,
                    _ => {
                        return Err(invalid(
                            v,
                            "mode must be private, vepa, bridge, passthru or source",
                        ));
                    }
                });
            }
            Ok(LinkKind::Macvlan {
                tap: kind == "macvtap",
                mode,
            })
        }
        "ipvlan" | "ipvtap" => {
            let mut mode = None;
            while let Some(x) = a.next() {
                match x {
                    "mode" => {
                        let v = a.value(x)?;
                        mode = Some(match v {
                            "l2" => 0,
                            "l3" => 1,
                            "l3s" => 2,
                            _ => return Err(invalid(v, "mode must be l2, l3 or l3s")),
                        });
                    }
                    "bridge" | "private" | "vepa" => {}
                    _ => return Err(invalid(x, "unknown ipvlan argument")),
                }
            }
            Ok(LinkKind::Ipvlan {
                tap: kind == "ipvtap",
                mode,
            })
        }
        "vlan" => {
            let mut id = None;
            let mut protocol = None;
            while let Some(x) = a.next() {
                let v = a.value(x)?;
                match x {
                    "id" => {
                        let n = num16(v, "id")?;
                        if n >= 4096 {
                            return Err(invalid(v, "invalid VLAN id (0-4095)"));
                        }
                        id = Some(n);
                    }
                    "protocol" => {
                        protocol = Some(match v.to_ascii_lowercase().as_str() {
                            "802.1q" => 0x8100,
                            "802.1ad" => 0x88a8,
                            _ => return Err(invalid(v, "protocol must be 802.1Q or 802.1ad")),
                        })
                    }
                    _ => return Err(invalid(x, "unknown vlan argument")),
                }
            }
            let id = id.ok_or(ParseError::Missing { key: "id" })?;
            Ok(LinkKind::Vlan { id, protocol })
        }
        "ifb" => Ok(LinkKind::Ifb),
        "dummy" => Ok(LinkKind::Dummy),
        "tun" | "tap" => {
            let mut o = parse_tun_opts(a)?;
            if kind == "tap" {
                o.tap = true;
            }
            Ok(LinkKind::Tun(o))
        }
        _ => {
            let mut args = Vec::new();
            while let Some(x) = a.next() {
                args.push(x.to_string());
            }
            Ok(LinkKind::Other {
                kind: kind.to_string(),
                args,
            })
        }
    }
}

fn parse_tun_opts(a: &mut Args<'_>) -> Result<TunOpts> {
    let mut o = TunOpts::default();
    while let Some(x) = a.next() {
        match x {
            "mode" => {
                let v = a.value(x)?;
                o.tap = match v {
                    "tun" => false,
                    "tap" => true,
                    _ => return Err(invalid(v, "mode must be tun or tap")),
                };
            }
            "user" => o.user = Some(a.value(x)?.to_string()),
            "group" => o.group = Some(a.value(x)?.to_string()),
            "multi_queue" => o.multi_queue = true,
            "one_queue" => o.one_queue = true,
            "pi" => o.pi = true,
            "vnet_hdr" => o.vnet_hdr = true,
            _ => {
                a.back();
                break;
            }
        }
    }
    Ok(o)
}

#[inline(never)]
fn parse_tuntap_cmd(w: &[&str]) -> Result<LinkCmd> {
    let Some((&cmd, rest)) = w.split_first() else {
        return Ok(LinkCmd::Show(LinkShow {
            kind: Some("tun".into()),
            ..Default::default()
        }));
    };
    let act = action_of(
        cmd,
        &[
            ("add", Action::Add),
            ("delete", Action::Del),
            ("show", Action::Show),
            ("list", Action::Show),
            ("lst", Action::Show),
        ],
        "tuntap",
    )?;
    let mut a = Args::new(rest);
    let mut name: Option<String> = None;
    let mut mode = false;
    let mut o = TunOpts::default();
    while let Some(x) = a.next() {
        match x {
            "mode" => {
                let v = a.value(x)?;
                o.tap = match v {
                    "tun" => false,
                    "tap" => true,
                    _ => return Err(invalid(v, "mode must be tun or tap")),
                };
                mode = true;
            }
            "user" => o.user = Some(a.value(x)?.to_string()),
            "group" => o.group = Some(a.value(x)?.to_string()),
            "multi_queue" => o.multi_queue = true,
            "one_queue" => o.one_queue = true,
            "pi" => o.pi = true,
            "vnet_hdr" => o.vnet_hdr = true,
            "dev" | "name" => {
                let v = a.value(x)?;
                set_once(&mut name, "dev", v, parse_ifname(v)?)?;
            }
            _ => {
                if name.is_some() {
                    return Err(ParseError::Garbage {
                        key: "dev",
                        word: x.to_string(),
                    });
                }
                name = Some(parse_ifname(x)?);
            }
        }
    }
    match act {
        Action::Show => Ok(LinkCmd::Show(LinkShow {
            dev: name,
            kind: Some("tun".into()),
            ..Default::default()
        })),
        Action::Del => Ok(LinkCmd::Del {
            dev: name.ok_or(ParseError::NotEnoughInfo { key: "dev" })?,
        }),
        _ => {
            let name = name.ok_or(ParseError::NotEnoughInfo { key: "dev" })?;
            if !mode {
                return Err(ParseError::Missing { key: "mode" });
            }
            Ok(LinkCmd::Add(LinkAdd {
                name,
                link: None,
                settings: LinkSettings::default(),
                kind: LinkKind::Tun(o),
            }))
        }
    }
}

// --- address ---------------------------------------------------------------------------

/// `ip address ...`.
#[derive(Clone, Debug, PartialEq)]
pub enum AddrCmd {
    /// `addr show [[dev] NAME] [up] [scope S] [label L] [to PREFIX]` (also `flush` filters).
    Show(AddrShow),
    /// `addr flush ...` with the same filters (at least one required).
    Flush(AddrShow),
    /// `addr add|del|replace|change PREFIX ... dev NAME`.
    Modify {
        /// Add, Del, Replace or Change.
        action: Action,
        /// The address.
        spec: AddrSpec,
    },
}

/// Filters of `addr show` / `addr flush`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AddrShow {
    /// The family chosen by `-4`/`-6`.
    pub family: Family,
    /// `dev NAME`.
    pub dev: Option<String>,
    /// `up`.
    pub up: bool,
    /// `scope S`.
    pub scope: Option<u8>,
    /// `label PATTERN`.
    pub label: Option<String>,
    /// `to PREFIX`.
    pub to: Option<Prefix>,
    /// `master DEV`.
    pub master: Option<String>,
    /// `type KIND`.
    pub kind: Option<String>,
    /// `permanent` / `dynamic` (IFA_F_PERMANENT set / clear).
    pub permanent: Option<bool>,
}

/// `broadcast` argument of an address.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Brd {
    /// An explicit address.
    Addr(IpAddr),
    /// `+`: host part all ones.
    Plus,
    /// `-`: host part all zeros.
    Minus,
}

/// An address to add/delete.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AddrSpec {
    /// `local`/bare PREFIX (IFA_LOCAL, prefix length in ifa_prefixlen).
    pub local: Prefix,
    /// `peer PREFIX` (IFA_ADDRESS; its length wins when given).
    pub peer: Option<Prefix>,
    /// `broadcast {ADDR|+|-}`.
    pub broadcast: Option<Brd>,
    /// `anycast ADDR`.
    pub anycast: Option<IpAddr>,
    /// `label NAME`.
    pub label: Option<String>,
    /// `scope S`.
    pub scope: Option<u8>,
    /// `dev NAME` (required).
    pub dev: String,
    /// `valid_lft N|forever`.
    pub valid_lft: Option<u32>,
    /// `preferred_lft N|forever`.
    pub preferred_lft: Option<u32>,
    /// IFA_F_* flags from `home`, `nodad`, `mngtmpaddr`, `noprefixroute`, `autojoin`, `optimistic`.
    pub flags: u32,
    /// `metric N` (IFA_RT_PRIORITY).
    pub metric: Option<u32>,
}

#[inline(never)]
fn parse_addr_cmd(w: &[&str], family: Family) -> Result<AddrCmd> {
    let Some((&cmd, rest)) = w.split_first() else {
        return Ok(AddrCmd::Show(AddrShow {
            family,
            ..Default::default()
        }));
    };
    let act = action_of(
        cmd,
        &[
            ("add", Action::Add),
            ("change", Action::Change),
            ("=chg", Action::Change),
            ("replace", Action::Replace),
            ("delete", Action::Del),
            ("list", Action::Show),
            ("show", Action::Show),
            ("lst", Action::Show),
            ("flush", Action::Flush),
        ],
        "address",
    )?;
    let mut a = Args::new(rest);
    if matches!(act, Action::Show | Action::Flush) {
        let mut s = AddrShow {
            family,
            ..Default::default()
        };
        while let Some(x) = a.next() {
            match x {
                "up" => s.up = true,
                "permanent" => s.permanent = Some(true),
                "dynamic" => s.permanent = Some(false),
                "scope" => s.scope = Some(parse_scope(a.value(x)?)?),
                "label" => s.label = Some(a.value(x)?.to_string()),
                "to" => {
                    let p = parse_prefix(a.value(x)?, family)?;
                    // iproute2: `to` also chooses the family when -4/-6 did not.
                    if s.family == Family::Any {
                        s.family = Family::of(&p.addr);
                    }
                    s.to = Some(p);
                }
                "master" => s.master = Some(a.value(x)?.to_string()),
                "type" => s.kind = Some(a.value(x)?.to_string()),
                "dev" => {
                    let v = a.value(x)?;
                    set_once(&mut s.dev, "dev", v, v.to_string())?;
                }
                _ => set_once(&mut s.dev, "dev", x, x.to_string()).map_err(|_| {
                    ParseError::Garbage {
                        key: "dev",
                        word: x.to_string(),
                    }
                })?,
            }
        }
        if act == Action::Flush
            && s == (AddrShow {
                family,
                ..Default::default()
            })
        {
            return Err(ParseError::Missing { key: "dev" });
        }
        return Ok(if act == Action::Flush {
            AddrCmd::Flush(s)
        } else {
            AddrCmd::Show(s)
        });
    }
    let mut local = None;
    let mut peer = None;
    let mut broadcast = None;
    let mut anycast = None;
    let mut label = None;
    let mut scope = None;
    let mut dev = None;
    let mut valid = None;
    let mut preferred = None;
    let mut flags = 0;
    let mut metric = None;
    while let Some(x) = a.next() {
        match x {
            "peer" | "remote" => {
                let v = a.value(x)?;
                set_once(&mut peer, "peer", v, parse_prefix(v, family)?)?;
            }
            "broadcast" | "brd" => {
                let v = a.value(x)?;
                let b = match v {
                    "+" => Brd::Plus,
                    "-" => Brd::Minus,
                    _ => Brd::Addr(parse_addr(v, family)?),
                };
                set_once(&mut broadcast, "broadcast", v, b)?;
            }
            "anycast" => {
                let v = a.value(x)?;
                set_once(&mut anycast, "anycast", v, parse_addr(v, family)?)?;
            }
            "scope" => {
                let v = a.value(x)?;
                set_once(&mut scope, "scope", v, parse_scope(v)?)?;
            }
            "dev" => {
                let v = a.value(x)?;
                set_once(&mut dev, "dev", v, v.to_string())?;
            }
            "label" => {
                let v = a.value(x)?;
                set_once(&mut label, "label", v, v.to_string())?;
            }
            "valid_lft" => {
                let v = a.value(x)?;
                set_once(&mut valid, "valid_lft", v, parse_lifetime(v)?)?;
            }
            "preferred_lft" => {
                let v = a.value(x)?;
                set_once(&mut preferred, "preferred_lft", v, parse_lifetime(v)?)?;
            }
            "metric" | "priority" | "preference" => {
                let v = a.value(x)?;
                set_once(&mut metric, "metric", v, num32(v, "metric")?)?;
            }
            "home" => flags |= 0x10,
            "nodad" => flags |= 0x02,
            "optimistic" => flags |= 0x04,
            "mngtmpaddr" => flags |= 0x100,
            "noprefixroute" => flags |= 0x200,
            "autojoin" => flags |= 0x400,
            _ => {
                let v = if x == "local" { a.value(x)? } else { x };
                if local.is_some() {
                    return Err(ParseError::Garbage {
                        key: "local",
                        word: v.to_string(),
                    });
                }
                local = Some(parse_prefix(v, family)?);
            }
        }
    }
    let local = local.ok_or(ParseError::Missing { key: "local" })?;
    let dev: String = dev.ok_or(ParseError::NotEnoughInfo { key: "dev" })?;
    if let Some(p) = &peer
        && p.addr.is_ipv4() != local.addr.is_ipv4()
    {
        return Err(invalid(
            &p.addr.to_string(),
            "peer address family differs from local",
        ));
    }
    if let (Some(v), Some(p)) = (valid, preferred)
        && p > v
    {
        return Err(ParseError::Conflict {
            what: "preferred_lft is greater than valid_lft".into(),
        });
    }
    Ok(AddrCmd::Modify {
        action: act,
        spec: AddrSpec {
            local,
            peer,
            broadcast,
            anycast,
            label,
            scope,
            dev,
            valid_lft: valid,
            preferred_lft: preferred,
            flags,
            metric,
        },
    })
}

// --- route -----------------------------------------------------------------------------

/// `ip route ...`.
#[derive(Clone, Debug, PartialEq)]
pub struct RouteCmd {
    /// show/get/add/del/replace/change/append/prepend/flush.
    pub action: Action,
    /// The route (or the filter, for show/flush; the key for get).
    pub spec: RouteSpec,
}

/// The prefix selector of `ip route show|flush` (man ip-route, "to SELECTOR").
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Select {
    /// `exact PREFIX` or just PREFIX: routes with exactly this prefix.
    #[default]
    Exact,
    /// `root PREFIX`: routes with prefixes not shorter than PREFIX, inside it.
    Root,
    /// `match PREFIX`: routes with prefixes not longer than PREFIX that contain it.
    Match,
}

/// A gateway: `via [inet|inet6] ADDR`.
pub type Via = IpAddr;

/// One RTAX_* metric (`mtu lock 1400` = rtax 2, value 1400, lock).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RouteMetric {
    /// RTAX_* number.
    pub rtax: u16,
    /// The value (RTAX_CC_ALGO is in `congctl` instead).
    pub value: u32,
    /// `lock` given (bit in RTAX_LOCK).
    pub lock: bool,
}

/// A `nexthop` of a multipath route.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NextHop {
    /// `via ADDR`.
    pub via: Option<Via>,
    /// `dev NAME`.
    pub dev: Option<String>,
    /// `weight N` (1..256; rtnh_hops = weight - 1).
    pub weight: Option<u16>,
    /// `onlink` (RTNH_F_ONLINK).
    pub onlink: bool,
}

/// Route arguments (also the filter of show/flush and the key of get).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RouteSpec {
    /// `-4`/`-6` or the family of the addresses given.
    pub family: Family,
    /// `table T` (0 = `all`).
    pub table: Option<u32>,
    /// Destination (`to` keyword optional).
    pub dst: Option<Target>,
    /// How show/flush compare `dst` (`exact` PREFIX by default, `root`, `match`).
    pub dst_select: Select,
    /// `type T` or a leading type word (RTN_*).
    pub kind: Option<u8>,
    /// `via [inet|inet6] ADDR`.
    pub via: Option<Via>,
    /// `dev NAME` / `oif NAME`.
    pub dev: Option<String>,
    /// `src ADDR` (RTA_PREFSRC).
    pub src: Option<IpAddr>,
    /// `from PREFIX` (RTA_SRC; get/show).
    pub from: Option<Target>,
    /// How show/flush compare `from`.
    pub from_select: Select,
    /// `iif NAME` (get).
    pub iif: Option<String>,
    /// `metric|priority|preference N`.
    pub metric: Option<u32>,
    /// `proto P`.
    pub protocol: Option<u8>,
    /// `scope S`.
    pub scope: Option<u8>,
    /// `tos N`.
    pub tos: Option<u8>,
    /// `onlink`.
    pub onlink: bool,
    /// `pref low|medium|high` (IPv6 router preference: 3, 0, 1).
    pub pref: Option<u8>,
    /// `realm(s)`.
    pub realms: Option<u32>,
    /// `expires N` (seconds).
    pub expires: Option<u32>,
    /// `nhid N`.
    pub nhid: Option<u32>,
    /// RTAX metrics in the order given.
    pub metrics: Vec<RouteMetric>,
    /// `congctl [lock] NAME`.
    pub congctl: Option<String>,
    /// Multipath `nexthop ...` groups.
    pub nexthops: Vec<NextHop>,
    /// `mark N` (get).
    pub mark: Option<u32>,
    /// `uid N` (get).
    pub uid: Option<u32>,
    /// `fibmatch` (get).
    pub fibmatch: bool,
}

/// RTAX_* metric keywords (linux/rtnetlink.h) that take a plain number.
pub const RTAX_NAMES: &[(u16, &str)] = &[
    (2, "mtu"),
    (3, "window"),
    (4, "rtt"),
    (5, "rttvar"),
    (6, "ssthresh"),
    (7, "cwnd"),
    (8, "advmss"),
    (9, "reordering"),
    (10, "hoplimit"),
    (11, "initcwnd"),
    (12, "features"),
    (13, "rto_min"),
    (14, "initrwnd"),
    (15, "quickack"),
    (17, "fastopen_no_cookie"),
];

/// `via [inet|inet6] ADDR`: the address and whether its family was written (then it may
/// differ from the route's: RTA_VIA, e.g. an IPv4 route via an IPv6 next hop).
fn parse_via_fam(a: &mut Args<'_>, family: Family) -> Result<(Via, bool)> {
    let mut v = a.value("via")?;
    let mut fam = family;
    let explicit = v == "inet" || v == "inet6";
    if explicit {
        fam = if v == "inet" {
            Family::Inet
        } else {
            Family::Inet6
        };
        v = a.value("via")?;
    }
    Ok((parse_addr(v, fam)?, explicit))
}

fn parse_via(a: &mut Args<'_>, family: Family) -> Result<Via> {
    parse_via_fam(a, family).map(|(v, _)| v)
}

fn parse_nexthop(a: &mut Args<'_>, family: Family) -> Result<NextHop> {
    let mut nh = NextHop::default();
    while let Some(x) = a.next() {
        match x {
            "via" => {
                let v = parse_via(a, family)?;
                set_once(&mut nh.via, "via", &v.to_string(), v)?;
            }
            "dev" => {
                let v = a.value(x)?;
                set_once(&mut nh.dev, "dev", v, v.to_string())?;
            }
            "weight" => {
                let v = a.value(x)?;
                let n = num16(v, "weight")?;
                if !(1..=256).contains(&n) {
                    return Err(invalid(v, "\"weight\" is invalid (1-256)"));
                }
                nh.weight = Some(n);
            }
            "onlink" => nh.onlink = true,
            _ => {
                a.back();
                break;
            }
        }
    }
    Ok(nh)
}

fn select_word(w: &str) -> Option<Select> {
    match w {
        "root" => Some(Select::Root),
        "match" => Some(Select::Match),
        "exact" => Some(Select::Exact),
        _ => None,
    }
}

#[inline(never)]
fn parse_route_cmd(w: &[&str], family: Family) -> Result<RouteCmd> {
    let Some((&cmd, rest)) = w.split_first() else {
        return Ok(RouteCmd {
            action: Action::Show,
            spec: RouteSpec {
                family,
                ..Default::default()
            },
        });
    };
    let action = action_of(
        cmd,
        &[
            ("add", Action::Add),
            ("change", Action::Change),
            ("=chg", Action::Change),
            ("replace", Action::Replace),
            ("prepend", Action::Prepend),
            ("append", Action::Append),
            ("delete", Action::Del),
            ("list", Action::Show),
            ("show", Action::Show),
            ("lst", Action::Show),
            ("get", Action::Get),
            ("flush", Action::Flush),
        ],
        "route",
    )?;
    let mut s = RouteSpec {
        family,
        ..Default::default()
    };
    let mut via_explicit = false;
    let mut a = Args::new(rest);
    while let Some(x) = a.next() {
        match x {
            "table" => {
                let v = a.value(x)?;
                set_once(&mut s.table, "table", v, parse_table(v)?)?;
            }
            "via" => {
                if s.via.is_some() {
                    return Err(ParseError::Duplicate {
                        key: "via",
                        word: a.peek().unwrap_or("").to_string(),
                    });
                }
                let (v, explicit) = parse_via_fam(&mut a, family)?;
                via_explicit = explicit;
                s.via = Some(v);
            }
            "dev" | "oif" => {
                let v = a.value(x)?;
                set_once(&mut s.dev, "dev", v, v.to_string())?;
            }
            "iif" => {
                let v = a.value(x)?;
                set_once(&mut s.iif, "iif", v, v.to_string())?;
            }
            "src" => {
                let v = a.value(x)?;
                set_once(&mut s.src, "src", v, parse_addr(v, family)?)?;
            }
            "from" => {
                let mut v = a.value(x)?;
                if matches!(action, Action::Show | Action::Flush)
                    && let Some(sel) = select_word(v)
                {
                    s.from_select = sel;
                    v = a.value(v)?;
                }
                set_once(&mut s.from, "from", v, parse_target(v, family)?)?;
            }
            "root" | "match" | "exact" if matches!(action, Action::Show | Action::Flush) => {
                let v = a.value(x)?;
                s.dst_select = select_word(x).unwrap_or_default();
                set_once(&mut s.dst, "to", v, parse_target(v, family)?)?;
            }
            "proto" | "protocol" => {
                let v = a.value(x)?;
                set_once(&mut s.protocol, "protocol", v, parse_protocol(v)?)?;
            }
            "scope" => {
                let v = a.value(x)?;
                set_once(&mut s.scope, "scope", v, parse_scope(v)?)?;
            }
            "tos" | "dsfield" => {
                let v = a.value(x)?;
                set_once(&mut s.tos, "tos", v, num8(v, "tos")?)?;
            }
            "type" => {
                let v = a.value(x)?;
                let t =
                    parse_route_type(v).ok_or_else(|| invalid(v, "\"type\" value is invalid"))?;
                set_once(&mut s.kind, "type", v, t)?;
            }
            "onlink" => s.onlink = true,
            "fibmatch" => s.fibmatch = true,
            "pref" => {
                let v = a.value(x)?;
                let p = match v {
                    "low" => 3,
                    "medium" => 0,
                    "high" => 1,
                    _ => num8(v, "pref")?,
                };
                set_once(&mut s.pref, "pref", v, p)?;
            }
            "realm" | "realms" => {
                let v = a.value(x)?;
                set_once(&mut s.realms, "realms", v, num32(v, "realms")?)?;
            }
            "expires" => {
                let v = a.value(x)?;
                set_once(&mut s.expires, "expires", v, num32(v, "expires")?)?;
            }
            "nhid" => {
                let v = a.value(x)?;
                set_once(&mut s.nhid, "nhid", v, num32(v, "nhid")?)?;
            }
            "mark" => {
                let v = a.value(x)?;
                set_once(&mut s.mark, "mark", v, num32(v, "mark")?)?;
            }
            "uid" => {
                let v = a.value(x)?;
                set_once(&mut s.uid, "uid", v, num32(v, "uid")?)?;
            }
            "nexthop" => {
                let nh = parse_nexthop(&mut a, family)?;
                if nh == NextHop::default() {
                    return Err(ParseError::Incomplete {
                        after: "nexthop".into(),
                    });
                }
                s.nexthops.push(nh);
            }
            "congctl" => {
                let mut v = a.value(x)?;
                if v == "lock" {
                    s.metrics.push(RouteMetric {
                        rtax: 16,
                        value: 0,
                        lock: true,
                    });
                    v = a.value(x)?;
                }
                set_once(&mut s.congctl, "congctl", v, v.to_string())?;
            }
            _ if matches(x, "metric") || matches(x, "priority") || x == "preference" => {
                let v = a.value(x)?;
                set_once(&mut s.metric, "metric", v, num32(v, "metric")?)?;
            }
            _ if RTAX_NAMES.iter().any(|(_, n)| *n == x) => {
                let rtax = RTAX_NAMES
                    .iter()
                    .find(|(_, n)| *n == x)
                    .map_or(0, |(r, _)| *r);
                let mut v = a.value(x)?;
                let mut lock = false;
                if v == "lock" {
                    lock = true;
                    v = a.value(x)?;
                }
                if s.metrics.iter().any(|m| m.rtax == rtax) {
                    return Err(ParseError::Duplicate {
                        key: RTAX_NAMES
                            .iter()
                            .find(|(r, _)| *r == rtax)
                            .map_or("metric", |(_, n)| n),
                        word: v.to_string(),
                    });
                }
                let value = match rtax {
                    // iproute2: rtt in units of 1/8 ms, rttvar in 1/4 ms, rto_min in ms.
                    4 | 5 | 13 => {
                        let us = if v.chars().all(|c| c.is_ascii_digit()) {
                            u64::from(num32(v, x)?) * 1000
                        } else {
                            u64::from(parse_time(v)?)
                        };
                        let ms = us / 1000;
                        let scaled = match rtax {
                            4 => ms * 8,
                            5 => ms * 4,
                            _ => ms,
                        };
                        u32::try_from(scaled).map_err(|_| invalid(v, "value out of range"))?
                    }
                    12 => {
                        if v == "ecn" {
                            1
                        } else {
                            num32(v, x)?
                        }
                    }
                    _ => num32(v, x)?,
                };
                s.metrics.push(RouteMetric { rtax, value, lock });
            }
            _ => {
                let mut v = x;
                if v == "to" {
                    v = a.value(x)?;
                    if matches!(action, Action::Show | Action::Flush)
                        && let Some(sel) = select_word(v)
                    {
                        s.dst_select = sel;
                        v = a.value(v)?;
                    }
                } else if !v.starts_with(|c: char| c.is_ascii_digit())
                    && let Some(t) = parse_route_type(v)
                {
                    {
                        set_once(&mut s.kind, "type", v, t)?;
                        v = a.value(v)?;
                    }
                }
                if s.dst.is_some() {
                    return Err(ParseError::Garbage {
                        key: "to",
                        word: v.to_string(),
                    });
                }
                let t = parse_target(v, family).map_err(|e| match e {
                    ParseError::Invalid { word, what }
                        if !v.contains(['.', ':']) && v != "default" =>
                    {
                        ParseError::Invalid {
                            word,
                            what: format!("{what} (not a keyword of \"ip route\" either)"),
                        }
                    }
                    e => e,
                })?;
                s.dst = Some(t);
            }
        }
    }
    // The family follows the addresses when -4/-6 was not given.
    if s.family == Family::Any {
        // A `via` whose family was written may differ (RTA_VIA); it and the next hops
        // only decide when nothing else does.
        let fams = [
            s.dst.map(|d| d.family()),
            s.via.filter(|_| !via_explicit).map(|v| Family::of(&v)),
            s.src.map(|v| Family::of(&v)),
            s.from.map(|d| d.family()),
        ];
        let mut found = Family::Any;
        for f in fams.into_iter().flatten() {
            if f == Family::Any {
                continue;
            }
            if found != Family::Any && found != f {
                return Err(ParseError::Conflict {
                    what: "address families of the route do not agree".into(),
                });
            }
            found = f;
        }
        if found == Family::Any {
            found = s
                .via
                .iter()
                .chain(s.nexthops.iter().filter_map(|n| n.via.as_ref()))
                .map(Family::of)
                .next()
                .unwrap_or(Family::Any);
        }
        s.family = found;
    }
    match action {
        Action::Add
        | Action::Replace
        | Action::Change
        | Action::Append
        | Action::Prepend
        | Action::Del => {
            if s.dst.is_none() && action != Action::Del {
                return Err(ParseError::Missing { key: "to" });
            }
            if action != Action::Del
                && s.dev.is_none()
                && s.via.is_none()
                && s.nexthops.is_empty()
                && s.nhid.is_none()
                && matches!(s.kind, None | Some(1))
            {
                return Err(ParseError::NotEnoughInfo { key: "dev" });
            }
        }
        Action::Get => {
            if s.dst.is_none() {
                return Err(ParseError::Missing { key: "to" });
            }
        }
        Action::Flush => {
            if s == (RouteSpec {
                family: s.family,
                ..Default::default()
            }) {
                return Err(ParseError::Missing { key: "selector" });
            }
        }
        Action::Show => {}
    }
    Ok(RouteCmd { action, spec: s })
}

// --- neighbour -------------------------------------------------------------------------

/// `ip neigh ...`.
#[derive(Clone, Debug, PartialEq)]
pub struct NeighCmd {
    /// show/add/del/replace/change/flush/get.
    pub action: Action,
    /// The entry (or the filter).
    pub spec: NeighSpec,
}

/// Neighbour arguments.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NeighSpec {
    /// `-4`/`-6` or the family of `dst`.
    pub family: Family,
    /// The address (`to`/`proxy` keyword optional); a prefix for show/flush.
    pub dst: Option<Prefix>,
    /// `lladdr MAC` (`null` = empty).
    pub lladdr: Option<Vec<u8>>,
    /// `dev NAME`.
    pub dev: Option<String>,
    /// `nud STATE` (NUD_*; `all` for show = 0xff).
    pub nud: Option<u16>,
    /// `router` (NTF_ROUTER).
    pub router: bool,
    /// `proxy` (NTF_PROXY).
    pub proxy: bool,
    /// `extern_learn` (NTF_EXT_LEARNED).
    pub extern_learn: bool,
    /// `use` (NTF_USE).
    pub use_: bool,
}

#[inline(never)]
fn parse_neigh_cmd(w: &[&str], family: Family) -> Result<NeighCmd> {
    let Some((&cmd, rest)) = w.split_first() else {
        return Ok(NeighCmd {
            action: Action::Show,
            spec: NeighSpec {
                family,
                ..Default::default()
            },
        });
    };
    let action = action_of(
        cmd,
        &[
            ("add", Action::Add),
            ("change", Action::Change),
            ("=chg", Action::Change),
            ("replace", Action::Replace),
            ("delete", Action::Del),
            ("get", Action::Get),
            ("show", Action::Show),
            ("lst", Action::Show),
            ("list", Action::Show),
            ("flush", Action::Flush),
        ],
        "neigh",
    )?;
    let mut s = NeighSpec {
        family,
        ..Default::default()
    };
    let mut a = Args::new(rest);
    let filter = matches!(action, Action::Show | Action::Flush);
    while let Some(x) = a.next() {
        match x {
            "lladdr" => {
                let v = a.value(x)?;
                let ll = if v == "null" {
                    Vec::new()
                } else {
                    parse_lladdr(v)?
                };
                set_once(&mut s.lladdr, "lladdr", v, ll)?;
            }
            "nud" => {
                let v = a.value(x)?;
                let n = if filter && v == "all" {
                    0xff
                } else {
                    parse_nud(v)?
                };
                set_once(&mut s.nud, "nud", v, n)?;
            }
            "dev" => {
                let v = a.value(x)?;
                set_once(&mut s.dev, "dev", v, v.to_string())?;
            }
            "router" => s.router = true,
            "extern_learn" => s.extern_learn = true,
            "use" => s.use_ = true,
            "proxy" if filter => s.proxy = true,
            _ => {
                let mut v = x;
                if x == "to" || x == "proxy" {
                    s.proxy |= x == "proxy";
                    v = a.value(x)?;
                }
                if s.dst.is_some() {
                    return Err(ParseError::Duplicate {
                        key: "address",
                        word: v.to_string(),
                    });
                }
                let p = parse_prefix(v, family)?;
                if !filter && p.explicit_len && p.len != if p.addr.is_ipv4() { 32 } else { 128 } {
                    return Err(invalid(v, "a neighbour address is a host address"));
                }
                s.dst = Some(p);
            }
        }
    }
    if s.family == Family::Any
        && let Some(d) = &s.dst
    {
        {
            s.family = Family::of(&d.addr);
        }
    }
    if !filter {
        if s.dst.is_none() {
            return Err(ParseError::NotEnoughInfo { key: "to" });
        }
        if s.dev.is_none() {
            return Err(ParseError::NotEnoughInfo { key: "dev" });
        }
    } else if action == Action::Flush && s.dev.is_none() && s.dst.is_none() && s.nud.is_none() {
        return Err(ParseError::Missing { key: "dev" });
    }
    Ok(NeighCmd { action, spec: s })
}

// --- fdb -------------------------------------------------------------------------------

/// `fdb ...` (bridge forwarding database, `bridge fdb` syntax).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FdbCmd {
    /// show/add/del/replace/append.
    pub action: Action,
    /// `LLADDR` (absent for show).
    pub lladdr: Option<Vec<u8>>,
    /// `dev NAME` (or `br NAME` for show).
    pub dev: Option<String>,
    /// `br NAME` (show filter).
    pub br: Option<String>,
    /// `dst ADDR` (vxlan remote).
    pub dst: Option<IpAddr>,
    /// `vlan N`.
    pub vlan: Option<u16>,
    /// `vni N`.
    pub vni: Option<u32>,
    /// `port N`.
    pub port: Option<u16>,
    /// `self` / `master` / `router` / `use` / `extern_learn` / `sticky` as NTF_* flags.
    pub flags: u8,
    /// `permanent` (NUD_PERMANENT, `local` too), `static` (NUD_NOARP) or `dynamic` (NUD_REACHABLE).
    pub state: Option<u16>,
}

#[inline(never)]
fn parse_fdb_cmd(w: &[&str]) -> Result<FdbCmd> {
    let (act, rest) = match w.split_first() {
        None => (Action::Show, &[][..]),
        Some((&cmd, rest)) => (
            action_of(
                cmd,
                &[
                    ("add", Action::Add),
                    ("append", Action::Append),
                    ("replace", Action::Replace),
                    ("delete", Action::Del),
                    ("show", Action::Show),
                    ("list", Action::Show),
                    ("lst", Action::Show),
                ],
                "fdb",
            )?,
            rest,
        ),
    };
    let mut c = FdbCmd {
        action: act,
        lladdr: None,
        dev: None,
        br: None,
        dst: None,
        vlan: None,
        vni: None,
        port: None,
        flags: 0,
        state: None,
    };
    let mut a = Args::new(rest);
    while let Some(x) = a.next() {
        match x {
            "dev" => c.dev = Some(a.value(x)?.to_string()),
            "br" => c.br = Some(a.value(x)?.to_string()),
            "dst" => c.dst = Some(parse_addr(a.value(x)?, Family::Any)?),
            "vlan" => {
                let v = a.value(x)?;
                let n = num16(v, "vlan")?;
                if n >= 4096 {
                    return Err(invalid(v, "invalid VLAN id (0-4095)"));
                }
                c.vlan = Some(n);
            }
            "vni" => c.vni = Some(num32(a.value(x)?, "vni")?),
            "port" | "dst_port" => c.port = Some(num16(a.value(x)?, "port")?),
            "self" => c.flags |= 0x02,
            "master" => c.flags |= 0x04,
            "router" => c.flags |= 0x80,
            "use" => c.flags |= 0x01,
            "extern_learn" => c.flags |= 0x10,
            "sticky" => c.flags |= 0x40,
            "permanent" | "local" => c.state = Some(0x80),
            "static" => c.state = Some(0x40),
            "dynamic" => c.state = Some(0x02),
            _ => {
                if c.lladdr.is_some() {
                    return Err(ParseError::Garbage {
                        key: "lladdr",
                        word: x.to_string(),
                    });
                }
                c.lladdr = Some(parse_lladdr(x)?);
            }
        }
    }
    if act != Action::Show {
        if c.lladdr.is_none() {
            return Err(ParseError::Missing { key: "lladdr" });
        }
        if c.dev.is_none() {
            return Err(ParseError::NotEnoughInfo { key: "dev" });
        }
    }
    Ok(c)
}

// --- rule ------------------------------------------------------------------------------

/// `ip rule ...`.
#[derive(Clone, Debug, PartialEq)]
pub struct RuleCmd {
    /// show/add/del/flush.
    pub action: Action,
    /// The rule (or the filter).
    pub spec: RuleSpec,
}

/// What a rule does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RuleAction {
    /// `lookup|table T` (FR_ACT_TO_TBL).
    Lookup(u32),
    /// `goto N` (FR_ACT_GOTO).
    Goto(u32),
    /// `nop` (FR_ACT_NOP).
    Nop,
    /// `blackhole` (FR_ACT_BLACKHOLE).
    Blackhole,
    /// `unreachable` (FR_ACT_UNREACHABLE).
    Unreachable,
    /// `prohibit` (FR_ACT_PROHIBIT).
    Prohibit,
}

/// Rule arguments.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RuleSpec {
    /// `-4`/`-6` or the family of the prefixes.
    pub family: Family,
    /// `not` (FIB_RULE_INVERT).
    pub not: bool,
    /// `from PREFIX`.
    pub from: Option<Target>,
    /// `to PREFIX`.
    pub to: Option<Target>,
    /// `iif NAME` / `dev NAME`.
    pub iif: Option<String>,
    /// `oif NAME`.
    pub oif: Option<String>,
    /// `fwmark M[/MASK]`.
    pub fwmark: Option<(u32, Option<u32>)>,
    /// `priority|pref|order N`.
    pub priority: Option<u32>,
    /// `tos N`.
    pub tos: Option<u8>,
    /// The action (lookup T, goto N, blackhole ...).
    pub action: Option<RuleAction>,
    /// `suppress_prefixlength N`.
    pub suppress_prefixlength: Option<u32>,
    /// `suppress_ifgroup N`.
    pub suppress_ifgroup: Option<u32>,
    /// `uidrange A-B`.
    pub uidrange: Option<(u32, u32)>,
    /// `l3mdev`.
    pub l3mdev: bool,
    /// `protocol P`.
    pub protocol: Option<u8>,
    /// `ipproto N`.
    pub ipproto: Option<u8>,
    /// `sport A[-B]`.
    pub sport: Option<(u16, u16)>,
    /// `dport A[-B]`.
    pub dport: Option<(u16, u16)>,
}

fn parse_port_range(v: &str) -> Result<(u16, u16)> {
    match v.split_once('-') {
        Some((a, b)) => Ok((num16(a, "port")?, num16(b, "port")?)),
        None => {
            let p = num16(v, "port")?;
            Ok((p, p))
        }
    }
}

#[inline(never)]
fn parse_rule_cmd(w: &[&str], family: Family) -> Result<RuleCmd> {
    let Some((&cmd, rest)) = w.split_first() else {
        return Ok(RuleCmd {
            action: Action::Show,
            spec: RuleSpec {
                family,
                ..Default::default()
            },
        });
    };
    let action = action_of(
        cmd,
        &[
            ("list", Action::Show),
            ("lst", Action::Show),
            ("show", Action::Show),
            ("add", Action::Add),
            ("delete", Action::Del),
            ("flush", Action::Flush),
        ],
        "rule",
    )?;
    let mut s = RuleSpec {
        family,
        ..Default::default()
    };
    let mut a = Args::new(rest);
    let set_action = |s: &mut RuleSpec, w: &str, act: RuleAction| -> Result<()> {
        set_once(&mut s.action, "action", w, act)
    };
    while let Some(x) = a.next() {
        match x {
            "not" => s.not = true,
            "from" => {
                let v = a.value(x)?;
                set_once(&mut s.from, "from", v, parse_target(v, family)?)?;
            }
            "to" => {
                let v = a.value(x)?;
                set_once(&mut s.to, "to", v, parse_target(v, family)?)?;
            }
            "iif" | "dev" => {
                let v = a.value(x)?;
                set_once(&mut s.iif, "iif", v, v.to_string())?;
            }
            "oif" => {
                let v = a.value(x)?;
                set_once(&mut s.oif, "oif", v, v.to_string())?;
            }
            "fwmark" => {
                let v = a.value(x)?;
                let (m, mask) = match v.split_once('/') {
                    Some((m, k)) => (num32(m, "fwmark")?, Some(num32(k, "fwmask")?)),
                    None => (num32(v, "fwmark")?, None),
                };
                set_once(&mut s.fwmark, "fwmark", v, (m, mask))?;
            }
            "tos" | "dsfield" => {
                let v = a.value(x)?;
                set_once(&mut s.tos, "tos", v, num8(v, "tos")?)?;
            }
            "l3mdev" => s.l3mdev = true,
            "uidrange" => {
                let v = a.value(x)?;
                let (lo, hi) = v
                    .split_once('-')
                    .ok_or_else(|| invalid(v, "invalid UID range (expected A-B)"))?;
                let r = (num32(lo, "uidrange")?, num32(hi, "uidrange")?);
                if r.0 > r.1 {
                    return Err(invalid(v, "invalid UID range (start > end)"));
                }
                set_once(&mut s.uidrange, "uidrange", v, r)?;
            }
            "suppress_ifgroup" | "sup_group" => {
                let v = a.value(x)?;
                set_once(&mut s.suppress_ifgroup, "suppress_ifgroup", v, num32(v, x)?)?;
            }
            "ipproto" => {
                let v = a.value(x)?;
                let p = match v {
                    "tcp" => 6,
                    "udp" => 17,
                    "icmp" => 1,
                    "ipv6-icmp" | "icmpv6" => 58,
                    "sctp" => 132,
                    _ => num8(v, "ipproto")?,
                };
                set_once(&mut s.ipproto, "ipproto", v, p)?;
            }
            "sport" => {
                let v = a.value(x)?;
                set_once(&mut s.sport, "sport", v, parse_port_range(v)?)?;
            }
            "dport" => {
                let v = a.value(x)?;
                set_once(&mut s.dport, "dport", v, parse_port_range(v)?)?;
            }
            "nop" => set_action(&mut s, x, RuleAction::Nop)?,
            _ if matches(x, "preference") || matches(x, "order") || matches(x, "priority") => {
                let v = a.value(x)?;
                set_once(&mut s.priority, "priority", v, num32(v, "preference")?)?;
            }
            _ if matches(x, "table") || matches(x, "lookup") => {
                let v = a.value(x)?;
                set_action(&mut s, v, RuleAction::Lookup(parse_table(v)?))?;
            }
            _ if matches(x, "suppress_prefixlength") || x == "sup_pl" => {
                let v = a.value(x)?;
                set_once(
                    &mut s.suppress_prefixlength,
                    "suppress_prefixlength",
                    v,
                    num32(v, x)?,
                )?;
            }
            _ if matches(x, "protocol") => {
                let v = a.value(x)?;
                set_once(&mut s.protocol, "protocol", v, parse_protocol(v)?)?;
            }
            _ if matches(x, "goto") => {
                let v = a.value(x)?;
                set_action(&mut s, v, RuleAction::Goto(num32(v, "goto")?))?;
            }
            _ => {
                let v = if x == "type" { a.value(x)? } else { x };
                let act = match v {
                    "blackhole" => RuleAction::Blackhole,
                    "unreachable" => RuleAction::Unreachable,
                    "prohibit" => RuleAction::Prohibit,
                    _ => return Err(invalid(v, "Failed to parse rule type")),
                };
                set_action(&mut s, v, act)?;
            }
        }
    }
    if s.family == Family::Any {
        let f = [s.from.map(|t| t.family()), s.to.map(|t| t.family())];
        for fam in f.into_iter().flatten() {
            if fam != Family::Any {
                if s.family != Family::Any && s.family != fam {
                    return Err(ParseError::Conflict {
                        what: "\"from\" and \"to\" families differ".into(),
                    });
                }
                s.family = fam;
            }
        }
    }
    Ok(RuleCmd { action, spec: s })
}

// --- monitor ---------------------------------------------------------------------------

/// What `ip monitor` listens to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MonitorObject {
    /// Everything (`all`, or no object).
    All,
    /// RTNLGRP_LINK.
    Link,
    /// RTNLGRP_IPV4_IFADDR / IPV6_IFADDR.
    Address,
    /// RTNLGRP_IPV4_ROUTE / IPV6_ROUTE.
    Route,
    /// RTNLGRP_NEIGH.
    Neigh,
    /// RTNLGRP_IPV4_RULE / IPV6_RULE.
    Rule,
    /// RTNLGRP_NSID.
    Nsid,
    /// RTNLGRP_NEXTHOP.
    Nexthop,
    /// RTNLGRP_IPV4/6_NETCONF.
    Netconf,
    /// RTNLGRP_IPV6_PREFIX.
    Prefix,
}

#[inline(never)]
fn parse_monitor(w: &[&str]) -> Result<Vec<MonitorObject>> {
    let table: &[(&str, MonitorObject)] = &[
        ("link", MonitorObject::Link),
        ("address", MonitorObject::Address),
        ("route", MonitorObject::Route),
        ("mroute", MonitorObject::Route),
        ("prefix", MonitorObject::Prefix),
        ("neigh", MonitorObject::Neigh),
        ("netconf", MonitorObject::Netconf),
        ("rule", MonitorObject::Rule),
        ("nsid", MonitorObject::Nsid),
        ("nexthop", MonitorObject::Nexthop),
        ("all", MonitorObject::All),
    ];
    let mut out = Vec::new();
    for x in w {
        let o = table
            .iter()
            .find(|(n, _)| matches(x, n))
            .map(|(_, o)| *o)
            .ok_or_else(|| ParseError::UnknownArgument {
                word: x.to_string(),
                object: "monitor",
            })?;
        if !out.contains(&o) {
            out.push(o);
        }
    }
    if out.is_empty() {
        out.push(MonitorObject::All);
    }
    Ok(out)
}

// --- tc --------------------------------------------------------------------------------

/// Which tc object.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TcObject {
    /// `qdisc`.
    Qdisc,
    /// `class`.
    Class,
    /// `filter`.
    Filter,
}

/// `tc qdisc|class|filter ...`.
#[derive(Clone, Debug, PartialEq)]
pub struct TcCmd {
    /// qdisc, class or filter.
    pub object: TcObject,
    /// show/add/del/change/replace.
    pub action: Action,
    /// `dev NAME` (required except for show).
    pub dev: Option<String>,
    /// `root` (TC_H_ROOT), `ingress`/`clsact` (TC_H_INGRESS), `parent X:Y`; for filters
    /// `ingress`/`egress` on clsact are `ffff:fff2` / `ffff:fff3`.
    pub parent: Option<u32>,
    /// `handle X:` (qdisc) or the filter handle (raw u32 as tc parses it).
    pub handle: Option<u32>,
    /// `classid X:Y` (class).
    pub classid: Option<u32>,
    /// `protocol P` (filter; ETH_P_* in host order).
    pub protocol: Option<u16>,
    /// `prio|pref N` (filter).
    pub prio: Option<u16>,
    /// `chain N` (filter).
    pub chain: Option<u32>,
    /// The kind and its options.
    pub kind: Option<TcKind>,
}

/// A qdisc/class/filter kind with its options.
#[derive(Clone, Debug, PartialEq)]
pub enum TcKind {
    /// `tbf rate R burst B {limit L | latency T} [peakrate R mtu M]`.
    Tbf(TbfOpts),
    /// `htb [default N] [r2q N]` (qdisc).
    Htb {
        /// `default CLASS-MINOR` (hex).
        default: Option<u32>,
        /// `r2q N`.
        r2q: Option<u32>,
    },
    /// `htb rate R [ceil R] [burst B] [cburst B] [prio N] [quantum N]` (class).
    HtbClass(HtbClassOpts),
    /// `pfifo [limit PACKETS]`.
    Pfifo {
        /// Limit in packets.
        limit: Option<u32>,
    },
    /// `bfifo [limit BYTES]`.
    Bfifo {
        /// Limit in bytes.
        limit: Option<u32>,
    },
    /// `prio [bands N] [priomap P1 .. P16]`.
    Prio {
        /// Bands.
        bands: Option<u32>,
        /// The 16 priority map entries.
        priomap: Option<Vec<u8>>,
    },
    /// `netem ...`.
    Netem(NetemOpts),
    /// `fq_codel [limit N] [flows N] [target T] [interval T] [quantum N] [ecn|noecn]`.
    FqCodel {
        /// Limit in packets.
        limit: Option<u32>,
        /// Flows.
        flows: Option<u32>,
        /// Target (us).
        target: Option<u32>,
        /// Interval (us).
        interval: Option<u32>,
        /// Quantum (bytes).
        quantum: Option<u32>,
        /// ECN.
        ecn: Option<bool>,
    },
    /// `sfq [perturb SECS] [quantum BYTES] [limit N]`.
    Sfq {
        /// Perturb period (s).
        perturb: Option<u32>,
        /// Quantum (bytes).
        quantum: Option<u32>,
        /// Limit (packets).
        limit: Option<u32>,
    },
    /// `ingress`.
    Ingress,
    /// `clsact`.
    Clsact,
    /// `u32 match ... [flowid X:Y] [action ...]` (filter).
    U32(U32Opts),
    /// `bpf {obj FILE [section S] | fd N} [da] [classid X:Y] [action ...]` (filter).
    Bpf(BpfOpts),
    /// `matchall [classid X:Y] [skip_sw|skip_hw] [action ...]` (filter).
    Matchall {
        /// `classid|flowid X:Y`.
        classid: Option<u32>,
        /// Actions.
        actions: Vec<TcAction>,
    },
    /// Any other kind, with its words.
    Other {
        /// TCA_KIND.
        kind: String,
        /// Unparsed arguments.
        args: Vec<String>,
    },
}

/// tbf options (rate/peakrate in bytes/s, sizes in bytes, times in us).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TbfOpts {
    /// `rate R`.
    pub rate: u64,
    /// `burst|buffer|maxburst B`.
    pub burst: u32,
    /// `limit BYTES`.
    pub limit: Option<u32>,
    /// `latency T`.
    pub latency: Option<u32>,
    /// `peakrate R`.
    pub peakrate: Option<u64>,
    /// `mtu|minburst B`.
    pub mtu: Option<u32>,
}

/// htb class options.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HtbClassOpts {
    /// `rate R` (bytes/s).
    pub rate: u64,
    /// `ceil R` (bytes/s).
    pub ceil: Option<u64>,
    /// `burst B` (bytes).
    pub burst: Option<u32>,
    /// `cburst B` (bytes).
    pub cburst: Option<u32>,
    /// `prio N`.
    pub prio: Option<u32>,
    /// `quantum N`.
    pub quantum: Option<u32>,
}

/// netem options (times in us, percentages as given).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct NetemOpts {
    /// `limit N` packets.
    pub limit: Option<u32>,
    /// `delay T [JITTER [CORRELATION%]]`.
    pub delay: Option<(u32, Option<u32>, Option<f64>)>,
    /// `loss [random] P% [CORRELATION%]`.
    pub loss: Option<(f64, Option<f64>)>,
    /// `duplicate P%`.
    pub duplicate: Option<f64>,
    /// `corrupt P%`.
    pub corrupt: Option<f64>,
    /// `reorder P% [CORRELATION%]`.
    pub reorder: Option<(f64, Option<f64>)>,
    /// `rate R`.
    pub rate: Option<u64>,
}

/// A u32 selector key: `(value & mask)` compared at `off` (bytes from the network
/// header), values as tc prints them (network-order words read as numbers).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct U32Key {
    /// Value (already masked).
    pub val: u32,
    /// Mask.
    pub mask: u32,
    /// Offset (multiple of 4).
    pub off: i32,
}

/// u32 filter options.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct U32Opts {
    /// The `match` keys.
    pub keys: Vec<U32Key>,
    /// `flowid|classid X:Y`.
    pub classid: Option<u32>,
    /// Actions.
    pub actions: Vec<TcAction>,
}

/// bpf filter options.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct BpfOpts {
    /// `obj FILE`.
    pub obj: Option<String>,
    /// `section NAME`.
    pub section: Option<String>,
    /// `fd N`.
    pub fd: Option<i32>,
    /// `da` (direct action).
    pub direct_action: bool,
    /// `classid|flowid X:Y`.
    pub classid: Option<u32>,
    /// Actions.
    pub actions: Vec<TcAction>,
}

/// A tc action.
#[derive(Clone, Debug, PartialEq)]
pub enum TcAction {
    /// `mirred {egress|ingress} {redirect|mirror} dev NAME`.
    Mirred {
        /// Egress (else ingress).
        egress: bool,
        /// Redirect (else mirror).
        redirect: bool,
        /// Target device.
        dev: String,
    },
    /// `gact` verdicts: `drop`/`shot`, `pass`/`ok`, `reclassify`, `continue`, `pipe`.
    Gact(GactVerdict),
    /// `police rate R burst B [mtu M] [conform-exceed A[/B]]`.
    Police {
        /// Rate (bytes/s).
        rate: u64,
        /// Burst (bytes).
        burst: u32,
        /// `mtu`.
        mtu: Option<u32>,
        /// Exceed verdict.
        exceed: Option<GactVerdict>,
    },
    /// Another action kind with its words.
    Other {
        /// Action kind.
        kind: String,
        /// Arguments.
        args: Vec<String>,
    },
}

/// TC_ACT_* verdicts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GactVerdict {
    /// TC_ACT_OK (0).
    Pass,
    /// TC_ACT_RECLASSIFY (1).
    Reclassify,
    /// TC_ACT_SHOT (2).
    Drop,
    /// TC_ACT_PIPE (3).
    Pipe,
    /// TC_ACT_UNSPEC (-1) / continue.
    Continue,
}

impl GactVerdict {
    /// The TC_ACT_* number.
    pub fn value(self) -> i32 {
        match self {
            GactVerdict::Pass => 0,
            GactVerdict::Reclassify => 1,
            GactVerdict::Drop => 2,
            GactVerdict::Pipe => 3,
            GactVerdict::Continue => -1,
        }
    }
    fn parse(w: &str) -> Option<Self> {
        Some(match w {
            "drop" | "shot" => GactVerdict::Drop,
            "pass" | "ok" => GactVerdict::Pass,
            "reclassify" => GactVerdict::Reclassify,
            "pipe" => GactVerdict::Pipe,
            "continue" => GactVerdict::Continue,
            _ => return None,
        })
    }
}

fn parse_actions(a: &mut Args<'_>) -> Result<Vec<TcAction>> {
    let mut out = Vec::new();
    while let Some(x) = a.next() {
        if x != "action" && x != "actions" {
            a.back();
            break;
        }
        let k = a.value(x)?;
        if let Some(v) = GactVerdict::parse(k) {
            out.push(TcAction::Gact(v));
            continue;
        }
        match k {
            "gact" => {
                let v = a.value(k)?;
                out.push(TcAction::Gact(
                    GactVerdict::parse(v).ok_or_else(|| invalid(v, "bad gact verdict"))?,
                ));
            }
            "mirred" => {
                let mut egress = None;
                let mut redirect = None;
                let mut dev = None;
                while let Some(y) = a.next() {
                    match y {
                        "egress" => egress = Some(true),
                        "ingress" => egress = Some(false),
                        "redirect" => redirect = Some(true),
                        "mirror" => redirect = Some(false),
                        "dev" => dev = Some(a.value(y)?.to_string()),
                        _ => {
                            a.back();
                            break;
                        }
                    }
                }
                let egress = egress.ok_or(ParseError::Missing {
                    key: "egress|ingress",
                })?;
                let redirect = redirect.ok_or(ParseError::Missing {
                    key: "redirect|mirror",
                })?;
                let dev = dev.ok_or(ParseError::Missing { key: "dev" })?;
                out.push(TcAction::Mirred {
                    egress,
                    redirect,
                    dev,
                });
            }
            "police" => {
                let mut rate = None;
                let mut burst = None;
                let mut mtu = None;
                let mut exceed = None;
                while let Some(y) = a.next() {
                    match y {
                        "rate" => rate = Some(parse_rate(a.value(y)?)?),
                        "burst" | "buffer" | "maxburst" => burst = Some(parse_size(a.value(y)?)?),
                        "mtu" | "minburst" => mtu = Some(parse_size(a.value(y)?)?),
                        "conform-exceed" => {
                            let v = a.value(y)?;
                            let e = v.split('/').next().unwrap_or(v);
                            exceed = Some(
                                GactVerdict::parse(e)
                                    .ok_or_else(|| invalid(v, "bad police verdict"))?,
                            );
                        }
                        _ => {
                            if let Some(v) = GactVerdict::parse(y) {
                                exceed = Some(v);
                            } else {
                                a.back();
                                break;
                            }
                        }
                    }
                }
                out.push(TcAction::Police {
                    rate: rate.ok_or(ParseError::Missing { key: "rate" })?,
                    burst: burst.ok_or(ParseError::Missing { key: "burst" })?,
                    mtu,
                    exceed,
                });
            }
            _ => {
                let mut args = Vec::new();
                while let Some(y) = a.next() {
                    if y == "action" {
                        a.back();
                        break;
                    }
                    args.push(y.to_string());
                }
                out.push(TcAction::Other {
                    kind: k.to_string(),
                    args,
                });
            }
        }
    }
    Ok(out)
}

fn parse_percent(v: &str) -> Result<f64> {
    let n = v.strip_suffix('%').unwrap_or(v);
    let p: f64 = n.parse().map_err(|_| invalid(v, "invalid percentage"))?;
    if !(0.0..=100.0).contains(&p) {
        return Err(invalid(v, "percentage out of range"));
    }
    Ok(p)
}

fn parse_u32_match(a: &mut Args<'_>, keys: &mut Vec<U32Key>) -> Result<()> {
    let layer = a.value("match")?;
    let mut push = |val: u32, mask: u32, off: i32| {
        keys.push(U32Key {
            val: val & mask,
            mask,
            off,
        })
    };
    match layer {
        "ip" => {
            let field = a.value(layer)?;
            match field {
                "src" | "dst" => {
                    let v = a.value(field)?;
                    let p = parse_prefix(v, Family::Inet)?;
                    let IpAddr::V4(ip) = p.addr else {
                        return Err(invalid(v, "expected an IPv4 prefix"));
                    };
                    let mask = if p.len == 0 {
                        0
                    } else {
                        u32::MAX << (32 - u32::from(p.len))
                    };
                    push(u32::from(ip), mask, if field == "src" { 12 } else { 16 });
                }
                "sport" | "dport" => {
                    let v = a.value(field)?;
                    let m = a.value(field)?;
                    let val = num16(v, field)?;
                    let mask = num16(m, "mask")?;
                    // tc's pack_key16 at offset 20/22: the port is the low or high half.
                    if field == "sport" {
                        push(u32::from(val) << 16, u32::from(mask) << 16, 20);
                    } else {
                        push(u32::from(val), u32::from(mask), 20);
                    }
                }
                "protocol" | "tos" | "dsfield" | "ihl" => {
                    let v = a.value(field)?;
                    let m = a.value(field)?;
                    let val = u32::from(num8(v, field)?);
                    let mask = u32::from(num8(m, "mask")?);
                    // pack_key8: byte k of the word at off & ~3 is shifted by 8*(3-k).
                    let (off, k) = match field {
                        "protocol" => (8, 1),
                        "ihl" => (0, 0),
                        _ => (0, 1),
                    };
                    push(val << (8 * (3 - k)), mask << (8 * (3 - k)), off);
                }
                _ => return Err(invalid(field, "unknown \"match ip\" field")),
            }
        }
        "u32" | "u16" | "u8" => {
            let v = a.value(layer)?;
            let m = a.value(layer)?;
            let at = a.value(layer)?;
            if at != "at" {
                return Err(invalid(at, "expected \"at\""));
            }
            let o = a.value("at")?;
            let off: i32 = o.parse().map_err(|_| invalid(o, "invalid offset"))?;
            let val = num32(v, layer)?;
            let mask = num32(m, "mask")?;
            let (val, mask) = match layer {
                "u32" => (val, mask),
                "u16" => {
                    if val > 0xffff || mask > 0xffff {
                        return Err(invalid(v, "value out of range for u16"));
                    }
                    if off & 3 == 0 {
                        (val << 16, mask << 16)
                    } else {
                        (val, mask)
                    }
                }
                _ => {
                    if val > 0xff || mask > 0xff {
                        return Err(invalid(v, "value out of range for u8"));
                    }
                    let sh = 8 * (3 - (off & 3) as u32);
                    (val << sh, mask << sh)
                }
            };
            push(val, mask, off & !3);
        }
        _ => {
            return Err(invalid(
                layer,
                "unknown u32 match (expected ip, u32, u16 or u8)",
            ));
        }
    }
    Ok(())
}

fn parse_tc_kind(obj: TcObject, kind: &str, a: &mut Args<'_>) -> Result<TcKind> {
    let rest = |a: &mut Args<'_>| {
        let mut v = Vec::new();
        while let Some(x) = a.next() {
            v.push(x.to_string());
        }
        v
    };
    Ok(match (obj, kind) {
        (TcObject::Filter, "u32") => {
            let mut o = U32Opts::default();
            while let Some(x) = a.next() {
                match x {
                    "match" => parse_u32_match(a, &mut o.keys)?,
                    "flowid" | "classid" => o.classid = Some(parse_classid(a.value(x)?)?),
                    "action" | "actions" => {
                        a.back();
                        o.actions = parse_actions(a)?;
                    }
                    _ => return Err(invalid(x, "unknown u32 argument")),
                }
            }
            TcKind::U32(o)
        }
        (TcObject::Filter, "bpf") => {
            let mut o = BpfOpts::default();
            while let Some(x) = a.next() {
                match x {
                    "obj" | "object-file" => o.obj = Some(a.value(x)?.to_string()),
                    "section" | "sec" => o.section = Some(a.value(x)?.to_string()),
                    "fd" => {
                        let v = a.value(x)?;
                        o.fd = Some(v.parse().map_err(|_| invalid(v, "invalid fd"))?);
                    }
                    "da" | "direct-action" => o.direct_action = true,
                    "flowid" | "classid" => o.classid = Some(parse_classid(a.value(x)?)?),
                    "action" | "actions" => {
                        a.back();
                        o.actions = parse_actions(a)?;
                    }
                    _ => return Err(invalid(x, "unknown bpf argument")),
                }
            }
            if o.obj.is_none() && o.fd.is_none() {
                return Err(ParseError::Missing { key: "obj|fd" });
            }
            TcKind::Bpf(o)
        }
        (TcObject::Filter, "matchall") => {
            let mut classid = None;
            let mut actions = Vec::new();
            while let Some(x) = a.next() {
                match x {
                    "flowid" | "classid" => classid = Some(parse_classid(a.value(x)?)?),
                    "skip_sw" | "skip_hw" => {}
                    "action" | "actions" => {
                        a.back();
                        actions = parse_actions(a)?;
                    }
                    _ => return Err(invalid(x, "unknown matchall argument")),
                }
            }
            TcKind::Matchall { classid, actions }
        }
        (TcObject::Filter, _) => TcKind::Other {
            kind: kind.to_string(),
            args: rest(a),
        },
        (TcObject::Class, "htb") => {
            let mut o = HtbClassOpts::default();
            let mut rate = None;
            while let Some(x) = a.next() {
                let v = a.value(x)?;
                match x {
                    "rate" => rate = Some(parse_rate(v)?),
                    "ceil" => o.ceil = Some(parse_rate(v)?),
                    "burst" | "buffer" | "maxburst" => o.burst = Some(parse_size(v)?),
                    "cburst" | "cbuffer" | "cmaxburst" => o.cburst = Some(parse_size(v)?),
                    "prio" => o.prio = Some(num32(v, x)?),
                    "quantum" => o.quantum = Some(num32(v, x)?),
                    _ => return Err(invalid(x, "unknown htb class argument")),
                }
            }
            o.rate = rate.ok_or(ParseError::Missing { key: "rate" })?;
            TcKind::HtbClass(o)
        }
        (_, "tbf") => {
            let mut o = TbfOpts::default();
            let (mut rate, mut burst) = (None, None);
            while let Some(x) = a.next() {
                let v = a.value(x)?;
                match x {
                    "rate" => rate = Some(parse_rate(v)?),
                    "burst" | "buffer" | "maxburst" => burst = Some(parse_size(v)?),
                    "limit" => o.limit = Some(parse_size(v)?),
                    "latency" => o.latency = Some(parse_time(v)?),
                    "peakrate" => o.peakrate = Some(parse_rate(v)?),
                    "mtu" | "minburst" => o.mtu = Some(parse_size(v)?),
                    _ => return Err(invalid(x, "unknown tbf argument")),
                }
            }
            o.rate = rate.ok_or(ParseError::Missing { key: "rate" })?;
            o.burst = burst.ok_or(ParseError::Missing { key: "burst" })?;
            if o.limit.is_none() && o.latency.is_none() {
                return Err(ParseError::Missing {
                    key: "limit|latency",
                });
            }
            if o.limit.is_some() && o.latency.is_some() {
                return Err(ParseError::Conflict {
                    what: "tbf: \"limit\" and \"latency\" are mutually exclusive".into(),
                });
            }
            TcKind::Tbf(o)
        }
        (_, "htb") => {
            let (mut default, mut r2q) = (None, None);
            while let Some(x) = a.next() {
                let v = a.value(x)?;
                match x {
                    "default" => {
                        default = Some(
                            u32::from_str_radix(v, 16)
                                .map_err(|_| invalid(v, "invalid default class"))?,
                        )
                    }
                    "r2q" => r2q = Some(num32(v, x)?),
                    _ => return Err(invalid(x, "unknown htb argument")),
                }
            }
            TcKind::Htb { default, r2q }
        }
        (_, "pfifo" | "bfifo") => {
            let mut limit = None;
            while let Some(x) = a.next() {
                let v = a.value(x)?;
                if x != "limit" {
                    return Err(invalid(x, "unknown fifo argument (expected \"limit\")"));
                }
                limit = Some(if kind == "bfifo" {
                    parse_size(v)?
                } else {
                    num32(v, "limit")?
                });
            }
            if kind == "pfifo" {
                TcKind::Pfifo { limit }
            } else {
                TcKind::Bfifo { limit }
            }
        }
        (_, "prio") => {
            let (mut bands, mut priomap) = (None, None);
            while let Some(x) = a.next() {
                match x {
                    "bands" => bands = Some(num32(a.value(x)?, x)?),
                    "priomap" => {
                        let mut m = Vec::new();
                        while let Some(v) = a.peek() {
                            let Ok(n) = v.parse::<u8>() else { break };
                            a.next();
                            m.push(n);
                        }
                        if m.len() > 16 || m.is_empty() {
                            return Err(invalid(x, "priomap takes 1 to 16 band numbers"));
                        }
                        priomap = Some(m);
                    }
                    _ => return Err(invalid(x, "unknown prio argument")),
                }
            }
            TcKind::Prio { bands, priomap }
        }
        (_, "netem") => {
            let mut o = NetemOpts::default();
            while let Some(x) = a.next() {
                match x {
                    "limit" => o.limit = Some(num32(a.value(x)?, x)?),
                    "delay" | "latency" => {
                        let d = parse_time(a.value(x)?)?;
                        let mut jitter = None;
                        let mut corr = None;
                        if let Some(j) = a.peek().and_then(|w| parse_time(w).ok()) {
                            a.next();
                            jitter = Some(j);
                            if let Some(c) = a.peek().filter(|w| w.ends_with('%')) {
                                a.next();
                                corr = Some(parse_percent(c)?);
                            }
                        }
                        o.delay = Some((d, jitter, corr));
                    }
                    "loss" | "drop" => {
                        let mut v = a.value(x)?;
                        if v == "random" {
                            v = a.value(x)?;
                        }
                        let p = parse_percent(v)?;
                        let c = match a.peek().filter(|w| w.ends_with('%')) {
                            Some(c) => {
                                a.next();
                                Some(parse_percent(c)?)
                            }
                            None => None,
                        };
                        o.loss = Some((p, c));
                    }
                    "duplicate" => o.duplicate = Some(parse_percent(a.value(x)?)?),
                    "corrupt" => o.corrupt = Some(parse_percent(a.value(x)?)?),
                    "reorder" => {
                        let p = parse_percent(a.value(x)?)?;
                        let c = match a.peek().filter(|w| w.ends_with('%')) {
                            Some(c) => {
                                a.next();
                                Some(parse_percent(c)?)
                            }
                            None => None,
                        };
                        o.reorder = Some((p, c));
                    }
                    "rate" => o.rate = Some(parse_rate(a.value(x)?)?),
                    _ => return Err(invalid(x, "unknown netem argument")),
                }
            }
            TcKind::Netem(o)
        }
        (_, "fq_codel") => {
            let (mut limit, mut flows, mut target, mut interval, mut quantum, mut ecn) =
                (None, None, None, None, None, None);
            while let Some(x) = a.next() {
                match x {
                    "ecn" => ecn = Some(true),
                    "noecn" => ecn = Some(false),
                    _ => {
                        let v = a.value(x)?;
                        match x {
                            "limit" => limit = Some(num32(v, x)?),
                            "flows" => flows = Some(num32(v, x)?),
                            "target" => target = Some(parse_time(v)?),
                            "interval" => interval = Some(parse_time(v)?),
                            "quantum" => quantum = Some(num32(v, x)?),
                            _ => return Err(invalid(x, "unknown fq_codel argument")),
                        }
                    }
                }
            }
            TcKind::FqCodel {
                limit,
                flows,
                target,
                interval,
                quantum,
                ecn,
            }
        }
        (_, "sfq") => {
            let (mut perturb, mut quantum, mut limit) = (None, None, None);
            while let Some(x) = a.next() {
                let v = a.value(x)?;
                match x {
                    "perturb" => perturb = Some(num32(v, x)?),
                    "quantum" => quantum = Some(parse_size(v)?),
                    "limit" => limit = Some(num32(v, x)?),
                    _ => return Err(invalid(x, "unknown sfq argument")),
                }
            }
            TcKind::Sfq {
                perturb,
                quantum,
                limit,
            }
        }
        (TcObject::Qdisc, "ingress") => TcKind::Ingress,
        (TcObject::Qdisc, "clsact") => TcKind::Clsact,
        _ => TcKind::Other {
            kind: kind.to_string(),
            args: rest(a),
        },
    })
}

#[inline(never)]
fn parse_tc(object: TcObject, w: &[&str]) -> Result<TcCmd> {
    let objname = match object {
        TcObject::Qdisc => "qdisc",
        TcObject::Class => "class",
        TcObject::Filter => "filter",
    };
    let (action, rest) = match w.split_first() {
        None => (Action::Show, &[][..]),
        Some((&cmd, rest)) => (
            action_of(
                cmd,
                &[
                    ("add", Action::Add),
                    ("change", Action::Change),
                    ("replace", Action::Replace),
                    ("delete", Action::Del),
                    ("show", Action::Show),
                    ("list", Action::Show),
                    ("lst", Action::Show),
                ],
                objname,
            )?,
            rest,
        ),
    };
    let mut c = TcCmd {
        object,
        action,
        dev: None,
        parent: None,
        handle: None,
        classid: None,
        protocol: None,
        prio: None,
        chain: None,
        kind: None,
    };
    let mut a = Args::new(rest);
    while let Some(x) = a.next() {
        match x {
            "dev" => {
                let v = a.value(x)?;
                set_once(&mut c.dev, "dev", v, v.to_string())?;
            }
            "root" => set_once(&mut c.parent, "parent", x, names::TC_H_ROOT)?,
            "ingress" | "clsact" if object == TcObject::Qdisc => {
                set_once(&mut c.parent, "parent", x, names::TC_H_INGRESS)?;
                if action != Action::Show {
                    c.kind = Some(if x == "ingress" {
                        TcKind::Ingress
                    } else {
                        TcKind::Clsact
                    });
                    if c.handle.is_none() {
                        c.handle = Some(0xffff_0000);
                    }
                }
            }
            "ingress" | "egress" if object == TcObject::Filter => {
                let min = if x == "ingress" {
                    names::TC_H_MIN_INGRESS
                } else {
                    names::TC_H_MIN_EGRESS
                };
                set_once(&mut c.parent, "parent", x, 0xffff_0000 | min)?;
            }
            "parent" => {
                let v = a.value(x)?;
                set_once(&mut c.parent, "parent", v, parse_classid(v)?)?;
            }
            "handle" => {
                let v = a.value(x)?;
                let h = match object {
                    TcObject::Qdisc => parse_qdisc_handle(v)?,
                    TcObject::Class => parse_classid(v)?,
                    TcObject::Filter => num32(v, "handle").or_else(|_| parse_classid(v))?,
                };
                set_once(&mut c.handle, "handle", v, h)?;
            }
            "classid" if object == TcObject::Class => {
                let v = a.value(x)?;
                set_once(&mut c.classid, "classid", v, parse_classid(v)?)?;
            }
            "protocol" if object == TcObject::Filter => {
                let v = a.value(x)?;
                let p = names::value_of(names::ETH_P, v)
                    .and_then(|p| u16::try_from(p).ok())
                    .ok_or_else(|| invalid(v, "invalid protocol"))?;
                set_once(&mut c.protocol, "protocol", v, p)?;
            }
            "prio" | "pref" | "priority" if object == TcObject::Filter => {
                let v = a.value(x)?;
                set_once(&mut c.prio, "prio", v, num16(v, "prio")?)?;
            }
            "chain" if object == TcObject::Filter => {
                let v = a.value(x)?;
                set_once(&mut c.chain, "chain", v, num32(v, "chain")?)?;
            }
            "estimator" | "stab" => {
                return Err(ParseError::Unsupported {
                    what: format!("tc \"{x}\""),
                });
            }
            _ => {
                if c.kind.is_some() {
                    return Err(ParseError::Garbage {
                        key: "kind",
                        word: x.to_string(),
                    });
                }
                c.kind = Some(parse_tc_kind(object, x, &mut a)?);
            }
        }
    }
    if action != Action::Show && c.dev.is_none() {
        return Err(ParseError::NotEnoughInfo { key: "dev" });
    }
    if matches!(action, Action::Add | Action::Replace) {
        if c.kind.is_none() {
            return Err(ParseError::Missing { key: "kind" });
        }
        if object != TcObject::Qdisc && c.parent.is_none() {
            return Err(ParseError::Missing { key: "parent" });
        }
        if object == TcObject::Class && c.classid.is_none() {
            return Err(ParseError::Missing { key: "classid" });
        }
    }
    if matches!(action, Action::Add | Action::Replace)
        && object == TcObject::Qdisc
        && c.parent.is_none()
    {
        return Err(ParseError::Missing { key: "root|parent" });
    }
    Ok(c)
}

// ---------------------------------------------------------------------------------------
// What iproute2 sends: flags and header defaults for the request builders
// ---------------------------------------------------------------------------------------

/// `NLM_F_REPLACE`.
pub const NLM_F_REPLACE: u16 = 0x100;
/// `NLM_F_EXCL`.
pub const NLM_F_EXCL: u16 = 0x200;
/// `NLM_F_CREATE`.
pub const NLM_F_CREATE: u16 = 0x400;
/// `NLM_F_APPEND`.
pub const NLM_F_APPEND: u16 = 0x800;

impl Action {
    /// The NLM_F_* creation flags iproute2 adds to a modifying request (besides
    /// NLM_F_REQUEST | NLM_F_ACK): add = CREATE|EXCL, replace = CREATE|REPLACE,
    /// change = REPLACE, append = CREATE|APPEND, prepend = CREATE, others 0.
    pub fn nlm_flags(self) -> u16 {
        match self {
            Action::Add => NLM_F_CREATE | NLM_F_EXCL,
            Action::Replace => NLM_F_CREATE | NLM_F_REPLACE,
            Action::Change => NLM_F_REPLACE,
            Action::Append => NLM_F_CREATE | NLM_F_APPEND,
            Action::Prepend => NLM_F_CREATE,
            _ => 0,
        }
    }
}

/// The rtmsg fields iproute2 sends for a route request (`iproute_modify`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RouteHeader {
    /// rtm_family (AF_INET when nothing says otherwise).
    pub family: u8,
    /// rtm_dst_len.
    pub dst_len: u8,
    /// rtm_src_len.
    pub src_len: u8,
    /// The table: rtm_table when < 256 (else RT_TABLE_UNSPEC there and the id in RTA_TABLE).
    pub table: u32,
    /// rtm_protocol (RTPROT_BOOT for new routes, 0 for deletes unless given).
    pub protocol: u8,
    /// rtm_scope.
    pub scope: u8,
    /// rtm_type (RTN_UNICAST for new routes, 0 for deletes unless given).
    pub kind: u8,
    /// rtm_flags (RTNH_F_ONLINK when `onlink`).
    pub flags: u32,
}

impl RouteSpec {
    /// The header iproute2 would send for `action`, with its defaults: table main,
    /// protocol boot, type unicast, scope host for local/nat, link for
    /// broadcast/multicast/anycast and for unicast IPv4 routes without a gateway,
    /// nowhere for deletes, universe otherwise.
    pub fn header(&self, action: Action) -> RouteHeader {
        let family = match self.family {
            Family::Inet6 => names::AF_INET6,
            _ => names::AF_INET,
        };
        let d = crate::iproute::req::route_defaults(
            family,
            if action == Action::Del {
                ferroute_codec::rtnl::consts::RTM_DELROUTE
            } else {
                ferroute_codec::rtnl::consts::RTM_NEWROUTE
            },
            self.kind,
            self.scope,
            self.protocol,
            self.via.is_some() || !self.nexthops.is_empty() || self.nhid.is_some(),
        );
        let len = |t: &Option<Target>| match t {
            Some(Target::Prefix(p)) => p.len,
            _ => 0,
        };
        RouteHeader {
            family,
            dst_len: len(&self.dst),
            src_len: len(&self.from),
            table: self.table.unwrap_or(names::RT_TABLE_MAIN),
            protocol: d.rtm_protocol,
            scope: d.rtm_scope,
            kind: d.rtm_type,
            flags: if self.onlink { 0x04 } else { 0 },
        }
    }
}

/// The ifaddrmsg fields and addresses iproute2 sends for an address request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AddrHeader {
    /// ifa_family.
    pub family: u8,
    /// ifa_prefixlen (the peer's length when it was written, else the local one).
    pub prefixlen: u8,
    /// ifa_scope (host for 127.0.0.0/8 when not given, else as given or global).
    pub scope: u8,
    /// IFA_LOCAL.
    pub local: IpAddr,
    /// IFA_ADDRESS (the peer, or the local address).
    pub address: IpAddr,
    /// IFA_BROADCAST (`+`/`-` computed from the prefix, IPv4 only).
    pub broadcast: Option<IpAddr>,
}

impl AddrSpec {
    /// The header and addresses iproute2 would send (`ipaddr_modify`).
    pub fn header(&self, action: Action) -> AddrHeader {
        let family = if self.local.addr.is_ipv4() {
            names::AF_INET
        } else {
            names::AF_INET6
        };
        let prefixlen = match self.peer {
            Some(p) if p.explicit_len => p.len,
            _ => self.local.len,
        };
        let scope = self.scope.unwrap_or(match self.local.addr {
            IpAddr::V4(a) if action != Action::Del && a.octets()[0] == 127 => 254,
            _ => 0,
        });
        let broadcast = match (self.broadcast, self.local.addr) {
            (Some(Brd::Addr(a)), _) => Some(a),
            (Some(b), IpAddr::V4(a)) if prefixlen <= 30 => {
                let mask = if prefixlen == 0 {
                    0
                } else {
                    u32::MAX << (32 - u32::from(prefixlen))
                };
                let v = u32::from(a);
                let v = if b == Brd::Plus { v | !mask } else { v & mask };
                Some(IpAddr::V4(v.into()))
            }
            _ => None,
        };
        AddrHeader {
            family,
            prefixlen,
            scope,
            local: self.local.addr,
            address: self.peer.map_or(self.local.addr, |p| p.addr),
            broadcast,
        }
    }
}

/// The fib_rule_hdr fields iproute2 sends for a rule request (`iprule_modify`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RuleHeader {
    /// family (AF_INET unless -6 or an IPv6 prefix).
    pub family: u8,
    /// dst_len.
    pub dst_len: u8,
    /// src_len.
    pub src_len: u8,
    /// tos.
    pub tos: u8,
    /// The table: header table when < 256 (else 0 there and FRA_TABLE).
    pub table: u32,
    /// action (FR_ACT_*).
    pub action: u8,
    /// flags (FIB_RULE_INVERT for `not`).
    pub flags: u32,
}

impl RuleSpec {
    /// The header iproute2 would send: lookup in main when adding a rule with no action.
    pub fn header(&self, action: Action) -> RuleHeader {
        let len = |t: &Option<Target>| match t {
            Some(Target::Prefix(p)) => p.len,
            _ => 0,
        };
        let (act, table) = match self.action {
            Some(RuleAction::Lookup(t)) => (names::FR_ACT_TO_TBL, t),
            Some(RuleAction::Goto(_)) => (names::FR_ACT_GOTO, 0),
            Some(RuleAction::Nop) => (names::FR_ACT_NOP, 0),
            Some(RuleAction::Blackhole) => (6, 0),
            Some(RuleAction::Unreachable) => (7, 0),
            Some(RuleAction::Prohibit) => (8, 0),
            None if action == Action::Add && !self.l3mdev => {
                (names::FR_ACT_TO_TBL, names::RT_TABLE_MAIN)
            }
            None => (
                if action == Action::Add {
                    names::FR_ACT_TO_TBL
                } else {
                    0
                },
                0,
            ),
        };
        RuleHeader {
            family: if self.family == Family::Inet6 {
                names::AF_INET6
            } else {
                names::AF_INET
            },
            dst_len: len(&self.to),
            src_len: len(&self.from),
            tos: self.tos.unwrap_or(0),
            table,
            action: act,
            flags: if self.not { 2 } else { 0 },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(line: &str) -> Result<Command> {
        let words = split_line(line)?;
        let w: Vec<&str> = words.iter().map(String::as_str).collect();
        parse_line(&w).map(|(_, c)| c)
    }
    fn ok(line: &str) -> Command {
        p(line).unwrap_or_else(|e| panic!("{line}: {e}"))
    }
    fn err(line: &str) -> ParseError {
        match p(line) {
            Ok(c) => panic!("{line}: parsed as {c:?}"),
            Err(e) => e,
        }
    }
    fn pfx(s: &str) -> Prefix {
        parse_prefix(s, Family::Any).unwrap()
    }

    #[test]
    fn splitter_like_makeargs() {
        assert_eq!(
            split_line("link set dev x alias \"a b\" # up").unwrap(),
            ["link", "set", "dev", "x", "alias", "a b"]
        );
        assert_eq!(split_line("  'x y'z  w\t").unwrap(), ["x y", "z", "w"]);
        assert_eq!(
            split_line("alias \"a # b\"").unwrap_err(),
            ParseError::Unterminated
        );
        assert!(split_line("# only").unwrap().is_empty());
        let b = split_batch("link add a type veth \\\n peer name b\n\n# c\naddr show\n");
        assert_eq!(b.len(), 2);
        assert_eq!(b[0].0, 1);
        assert_eq!(
            b[0].1.as_ref().unwrap(),
            &["link", "add", "a", "type", "veth", "peer", "name", "b"]
        );
        assert_eq!(b[1].0, 5);
    }

    #[test]
    fn abbreviations_follow_ip_tables() {
        // `ip l s dev x up` = `ip link set dev x up`.
        let Command::Link(LinkCmd::Set(s)) = ok("l s dev x up") else {
            panic!()
        };
        assert_eq!((s.dev.as_str(), s.settings.up), ("x", Some(true)));
        assert!(matches!(ok("a"), Command::Addr(AddrCmd::Show(_))));
        assert!(
            matches!(ok("a s dev lo"), Command::Addr(AddrCmd::Show(s)) if s.dev.as_deref() == Some("lo"))
        );
        assert!(matches!(
            ok("a a 10.0.0.1/24 dev x"),
            Command::Addr(AddrCmd::Modify {
                action: Action::Add,
                ..
            })
        ));
        assert!(matches!(
            ok("a d 10.0.0.1/24 dev x"),
            Command::Addr(AddrCmd::Modify {
                action: Action::Del,
                ..
            })
        ));
        assert!(matches!(
            ok("r"),
            Command::Route(RouteCmd {
                action: Action::Show,
                ..
            })
        ));
        assert!(matches!(
            ok("r a 10.0.0.0/8 dev x"),
            Command::Route(RouteCmd {
                action: Action::Add,
                ..
            })
        ));
        assert!(matches!(
            ok("ro ap 10.0.0.0/8 dev x"),
            Command::Route(RouteCmd {
                action: Action::Append,
                ..
            })
        ));
        assert!(matches!(
            ok("r chg 10.0.0.0/8 dev x"),
            Command::Route(RouteCmd {
                action: Action::Change,
                ..
            })
        ));
        assert!(matches!(
            ok("ru"),
            Command::Rule(RuleCmd {
                action: Action::Show,
                ..
            })
        ));
        assert!(matches!(
            ok("ru s"),
            Command::Rule(RuleCmd {
                action: Action::Show,
                ..
            })
        ));
        assert!(matches!(
            ok("n"),
            Command::Neigh(NeighCmd {
                action: Action::Show,
                ..
            })
        ));
        assert!(matches!(
            ok("neighbour sh"),
            Command::Neigh(NeighCmd {
                action: Action::Show,
                ..
            })
        ));
        assert!(matches!(ok("l"), Command::Link(LinkCmd::Show(_))));
        assert!(
            matches!(ok("li sh lo"), Command::Link(LinkCmd::Show(s)) if s.dev.as_deref() == Some("lo"))
        );
        assert!(matches!(ok("mo"), Command::Monitor(m) if m == [MonitorObject::All]));
        assert!(matches!(
            ok("tunt add t0 mode tun"),
            Command::Link(LinkCmd::Add(_))
        ));
        // "t" is "tunnel" in ip's table (first match), which ferroute does not implement.
        assert!(matches!(err("t add x"), ParseError::Unsupported { .. }));
        // "m" is maddress, "f" is fou: faithful, unsupported.
        assert!(matches!(err("m"), ParseError::Unsupported { .. }));
        assert_eq!(
            err("bogus"),
            ParseError::UnknownObject {
                word: "bogus".into()
            }
        );
        assert_eq!(
            err("link frob"),
            ParseError::UnknownCommand {
                word: "frob".into(),
                object: "link"
            }
        );
        assert_eq!(
            err("link frob").to_string(),
            "Command \"frob\" is unknown, try \"ip link help\"."
        );
    }

    #[test]
    fn global_options() {
        let w = ["-6", "-j", "-d", "-n", "ns1", "-s", "-s", "route", "show"];
        let (o, c) = parse_line(&w).unwrap();
        assert_eq!(o.family, Family::Inet6);
        assert!(o.json && o.details);
        assert_eq!(o.stats, 2);
        assert_eq!(o.netns.as_deref(), Some("ns1"));
        assert!(matches!(c, Command::Route(r) if r.spec.family == Family::Inet6));
        let (o, _) = parse_line(&["-json", "-pretty", "-batch", "f", "-force", "link"]).unwrap();
        assert!(o.json && o.pretty && o.force);
        assert_eq!(o.batch.as_deref(), Some("f"));
        assert_eq!(
            parse_line(&["-n"]).unwrap_err(),
            ParseError::Incomplete { after: "-n".into() }
        );
        assert!(matches!(
            parse_line(&["-zz", "link"]),
            Err(ParseError::Invalid { .. })
        ));
    }

    #[test]
    fn link_commands() {
        let Command::Link(LinkCmd::Set(s)) = ok(
            "link set veth0 down name v0 mtu 1400 address 02:00:00:00:00:01 master br0 alias 'my link' txqueuelen 500 netns 1234",
        ) else {
            panic!()
        };
        assert_eq!(s.dev, "veth0");
        let st = s.settings;
        assert_eq!(st.up, Some(false));
        assert_eq!(st.name.as_deref(), Some("v0"));
        assert_eq!(st.mtu, Some(1400));
        assert_eq!(st.address, Some(vec![2, 0, 0, 0, 0, 1]));
        assert_eq!(st.master, Some(Master::Dev("br0".into())));
        assert_eq!(st.alias.as_deref(), Some("my link"));
        assert_eq!(st.txqlen, Some(500));
        assert_eq!(st.netns, Some(NetnsRef::Pid(1234)));
        let Command::Link(LinkCmd::Set(s)) = ok("link set dev x nomaster netns blue") else {
            panic!()
        };
        assert_eq!(s.settings.master, Some(Master::None));
        assert_eq!(s.settings.netns, Some(NetnsRef::Name("blue".into())));
        assert_eq!(
            ok("link del dev x"),
            Command::Link(LinkCmd::Del { dev: "x".into() })
        );
        assert_eq!(
            ok("link delete x"),
            Command::Link(LinkCmd::Del { dev: "x".into() })
        );
        assert_eq!(err("link del"), ParseError::NotEnoughInfo { key: "dev" });
        assert_eq!(err("link set up"), ParseError::NotEnoughInfo { key: "dev" });
        assert_eq!(
            err("link set x mtu"),
            ParseError::Incomplete {
                after: "mtu".into()
            }
        );
        assert_eq!(
            err("link set x mtu 10 mtu 20"),
            ParseError::Duplicate {
                key: "mtu",
                word: "20".into()
            }
        );
        assert!(
            matches!(err("link set x mtu big"), ParseError::Invalid { word, .. } if word == "big")
        );
        assert!(matches!(
            err("link set x address 02:00:zz"),
            ParseError::Invalid { .. }
        ));
        let Command::Link(LinkCmd::Show(s)) = ok("link show up type bridge master br0") else {
            panic!()
        };
        assert!(s.up && s.kind.as_deref() == Some("bridge") && s.master.as_deref() == Some("br0"));
    }

    #[test]
    fn link_add_kinds() {
        let Command::Link(LinkCmd::Add(a)) =
            ok("link add veth0 type veth peer name veth1 address 02:00:00:00:00:02 mtu 1400")
        else {
            panic!()
        };
        assert_eq!(a.name, "veth0");
        let LinkKind::Veth { peer: Some(peer) } = a.kind else {
            panic!()
        };
        assert_eq!(peer.name, "veth1");
        assert_eq!(peer.settings.mtu, Some(1400));
        let Command::Link(LinkCmd::Add(a)) =
            ok("link add name br0 type bridge stp_state 1 forward_delay 400 vlan_filtering 1")
        else {
            panic!()
        };
        assert_eq!(a.name, "br0");
        assert_eq!(
            a.kind,
            LinkKind::Bridge(BridgeOpts {
                stp_state: Some(1),
                forward_delay: Some(400),
                vlan_filtering: Some(1),
                ..Default::default()
            })
        );
        let Command::Link(LinkCmd::Add(a)) = ok(
            "link add vx0 type vxlan id 42 dstport 4789 local 10.0.0.1 dev veth0 ttl 10 nolearning",
        ) else {
            panic!()
        };
        let LinkKind::Vxlan(v) = a.kind else { panic!() };
        assert_eq!(
            (v.id, v.dstport, v.ttl, v.learning),
            (42, Some(4789), Some(10), Some(false))
        );
        assert_eq!(v.local, Some("10.0.0.1".parse().unwrap()));
        assert_eq!(v.dev.as_deref(), Some("veth0"));
        assert_eq!(
            err("link add vx0 type vxlan dstport 4789"),
            ParseError::Missing { key: "id" }
        );
        assert!(matches!(
            err("link add vx0 type vxlan id 16777216"),
            ParseError::Invalid { .. }
        ));
        assert!(matches!(
            err("link add vx0 type vxlan id 1 group 10.0.0.1"),
            ParseError::Invalid { .. }
        ));
        let Command::Link(LinkCmd::Add(a)) =
            ok("link add link veth0 name mv0 type macvlan mode bridge")
        else {
            panic!()
        };
        assert_eq!(a.link.as_deref(), Some("veth0"));
        assert_eq!(
            a.kind,
            LinkKind::Macvlan {
                tap: false,
                mode: Some(4)
            }
        );
        assert!(matches!(
            ok("link add link x mvt type macvtap mode passthru"),
            Command::Link(LinkCmd::Add(LinkAdd {
                kind: LinkKind::Macvlan {
                    tap: true,
                    mode: Some(8)
                },
                ..
            }))
        ));
        assert!(matches!(
            ok("link add link x iv type ipvlan mode l3s"),
            Command::Link(LinkCmd::Add(LinkAdd {
                kind: LinkKind::Ipvlan {
                    tap: false,
                    mode: Some(2)
                },
                ..
            }))
        ));
        assert!(matches!(
            ok("link add ifb0 type ifb"),
            Command::Link(LinkCmd::Add(LinkAdd {
                kind: LinkKind::Ifb,
                ..
            }))
        ));
        assert!(matches!(
            ok("link add link eth0 name eth0.10 type vlan id 10 protocol 802.1ad"),
            Command::Link(LinkCmd::Add(LinkAdd {
                kind: LinkKind::Vlan {
                    id: 10,
                    protocol: Some(0x88a8)
                },
                ..
            }))
        ));
        assert!(matches!(
            err("link add link eth0 name v type vlan id 4096"),
            ParseError::Invalid { .. }
        ));
        let Command::Link(LinkCmd::Add(a)) = ok("link add t0 type tap multi_queue") else {
            panic!()
        };
        assert_eq!(
            a.kind,
            LinkKind::Tun(TunOpts {
                tap: true,
                multi_queue: true,
                ..Default::default()
            })
        );
        let Command::Link(LinkCmd::Add(a)) =
            ok("tuntap add tap0 mode tap user 1000 group net pi vnet_hdr one_queue")
        else {
            panic!()
        };
        assert_eq!(a.name, "tap0");
        assert_eq!(
            a.kind,
            LinkKind::Tun(TunOpts {
                tap: true,
                user: Some("1000".into()),
                group: Some("net".into()),
                multi_queue: false,
                one_queue: true,
                pi: true,
                vnet_hdr: true
            })
        );
        assert_eq!(err("tuntap add tap0"), ParseError::Missing { key: "mode" });
        assert_eq!(
            ok("tuntap del dev tap0 mode tap"),
            Command::Link(LinkCmd::Del { dev: "tap0".into() })
        );
        let Command::Link(LinkCmd::Add(a)) = ok("link add g0 type geneve id 5 remote 1.2.3.4")
        else {
            panic!()
        };
        assert_eq!(
            a.kind,
            LinkKind::Other {
                kind: "geneve".into(),
                args: vec!["id".into(), "5".into(), "remote".into(), "1.2.3.4".into()]
            }
        );
        assert_eq!(
            err("link add type veth"),
            ParseError::NotEnoughInfo { key: "name" }
        );
        assert_eq!(err("link add x"), ParseError::NotEnoughInfo { key: "type" });
        assert!(matches!(
            err("link add averyveryverylongname type dummy"),
            ParseError::Invalid { .. }
        ));
    }

    #[test]
    fn addr_commands() {
        let Command::Addr(AddrCmd::Modify { action, spec }) = ok(
            "addr add 10.0.0.2/24 brd + label veth0:1 scope link dev veth0 valid_lft forever preferred_lft 100 nodad noprefixroute",
        ) else {
            panic!()
        };
        assert_eq!(action, Action::Add);
        assert_eq!(spec.local, pfx("10.0.0.2/24"));
        assert_eq!(spec.broadcast, Some(Brd::Plus));
        assert_eq!(spec.label.as_deref(), Some("veth0:1"));
        assert_eq!(spec.scope, Some(253));
        assert_eq!(
            (spec.valid_lft, spec.preferred_lft),
            (Some(u32::MAX), Some(100))
        );
        assert!(matches!(
            err("addr add 10.0.0.1/8 dev x valid_lft 10 preferred_lft 20"),
            ParseError::Conflict { .. }
        ));
        assert_eq!(spec.flags, 0x202);
        let Command::Addr(AddrCmd::Modify { spec, .. }) =
            ok("address replace 10.1.0.1 peer 10.1.0.2/32 dev veth0 broadcast 10.1.0.255")
        else {
            panic!()
        };
        assert_eq!(spec.peer, Some(pfx("10.1.0.2/32")));
        assert_eq!(
            spec.broadcast,
            Some(Brd::Addr("10.1.0.255".parse().unwrap()))
        );
        assert_eq!(
            err("addr add 10.0.0.1/24"),
            ParseError::NotEnoughInfo { key: "dev" }
        );
        assert_eq!(
            err("addr add 10.0.0.1/33 dev x"),
            ParseError::Invalid {
                word: "10.0.0.1/33".into(),
                what: "prefix length 33 is longer than 32".into()
            }
        );
        assert!(matches!(
            err("addr add 2001:db8::1/129 dev x"),
            ParseError::Invalid { .. }
        ));
        assert!(matches!(
            err("-4 addr add 2001:db8::1/64 dev x"),
            ParseError::Invalid { .. }
        ));
        // iproute2 6.1 and the kernel accept a label that does not start with the device.
        assert!(matches!(
            ok("addr add 10.0.0.1/24 dev x label y:1"),
            Command::Addr(AddrCmd::Modify { .. })
        ));
        assert!(
            matches!(ok("addr flush dev veth0"), Command::Addr(AddrCmd::Flush(s)) if s.dev.as_deref() == Some("veth0"))
        );
        assert_eq!(err("addr flush"), ParseError::Missing { key: "dev" });
        assert_eq!(
            err("addr add 10.0.0.1 10.0.0.2 dev x"),
            ParseError::Garbage {
                key: "local",
                word: "10.0.0.2".into()
            }
        );
        let Command::Addr(AddrCmd::Show(s)) = ok("-6 addr show dev lo scope host up") else {
            panic!()
        };
        assert_eq!((s.family, s.scope, s.up), (Family::Inet6, Some(254), true));
    }

    #[test]
    fn route_commands() {
        let Command::Route(r) = ok(
            "route add 192.168.1.0/24 via 10.0.0.254 dev veth0 metric 100 proto static table 100 src 10.0.0.1 scope link onlink mtu lock 1300 advmss 1260 hoplimit 64",
        ) else {
            panic!()
        };
        assert_eq!(r.action, Action::Add);
        let s = r.spec;
        assert_eq!(s.family, Family::Inet);
        assert_eq!(s.dst, Some(Target::Prefix(pfx("192.168.1.0/24"))));
        assert_eq!(s.via, Some("10.0.0.254".parse().unwrap()));
        assert_eq!(
            (s.metric, s.protocol, s.table, s.scope),
            (Some(100), Some(4), Some(100), Some(253))
        );
        assert!(s.onlink);
        assert_eq!(
            s.metrics,
            [
                RouteMetric {
                    rtax: 2,
                    value: 1300,
                    lock: true
                },
                RouteMetric {
                    rtax: 8,
                    value: 1260,
                    lock: false
                },
                RouteMetric {
                    rtax: 10,
                    value: 64,
                    lock: false
                }
            ]
        );
        let Command::Route(r) = ok("route add blackhole 10.0.0.0/8") else {
            panic!()
        };
        assert_eq!(r.spec.kind, Some(6));
        let Command::Route(r) = ok("route add unreachable default table main") else {
            panic!()
        };
        assert_eq!(
            (r.spec.kind, r.spec.dst, r.spec.table),
            (Some(7), Some(Target::Default), Some(254))
        );
        let Command::Route(r) = ok("route add type prohibit to 10.1.0.0/16") else {
            panic!()
        };
        assert_eq!(r.spec.kind, Some(8));
        let Command::Route(r) = ok("route add default via inet6 fe80::1 dev eth0") else {
            panic!()
        };
        assert_eq!(r.spec.family, Family::Inet6);
        let Command::Route(r) = ok(
            "route replace 192.168.4.0/24 nexthop via 10.0.0.253 dev veth0 weight 1 nexthop via 10.0.0.254 dev veth0 weight 2 onlink",
        ) else {
            panic!()
        };
        assert_eq!(r.action, Action::Replace);
        assert_eq!(r.spec.nexthops.len(), 2);
        assert_eq!(
            r.spec.nexthops[1],
            NextHop {
                via: Some("10.0.0.254".parse().unwrap()),
                dev: Some("veth0".into()),
                weight: Some(2),
                onlink: true
            }
        );
        let Command::Route(r) = ok("-6 route show table all") else {
            panic!()
        };
        assert_eq!((r.spec.family, r.spec.table), (Family::Inet6, Some(0)));
        let Command::Route(r) = ok("route get 8.8.8.8 from 10.0.0.1 iif veth0 mark 0x10") else {
            panic!()
        };
        assert_eq!(
            (r.action, r.spec.mark, r.spec.iif.as_deref()),
            (Action::Get, Some(16), Some("veth0"))
        );
        let Command::Route(r) = ok("route del default") else {
            panic!()
        };
        assert_eq!(r.spec.dst, Some(Target::Default));
        let Command::Route(r) = ok("route flush table 100 proto static") else {
            panic!()
        };
        assert_eq!(r.action, Action::Flush);
        assert_eq!(err("route flush"), ParseError::Missing { key: "selector" });
        let Command::Route(r) = ok("route change 10.0.0.0/8 dev x rtt 10ms preference 5") else {
            panic!()
        };
        assert_eq!(
            r.spec.metrics,
            [RouteMetric {
                rtax: 4,
                value: 80,
                lock: false
            }]
        );
        assert_eq!(r.spec.metric, Some(5));
        assert_eq!(
            err("route add 10.0.0.0/8 xyz"),
            ParseError::Garbage {
                key: "to",
                word: "xyz".into()
            }
        );
        assert_eq!(
            err("route add 10.0.0.0/8 10.1.0.0/16").to_string(),
            "Error: either \"to\" is duplicate, or \"10.1.0.0/16\" is a garbage."
        );
        assert_eq!(
            err("route add 10.0.0.0/8"),
            ParseError::NotEnoughInfo { key: "dev" }
        );
        assert!(matches!(
            err("route add 10.0.0.0/40 dev x"),
            ParseError::Invalid { .. }
        ));
        assert!(matches!(
            err("route add 10.0.0.0/8 via 2001:db8::1"),
            ParseError::Conflict { .. }
        ));
        assert!(matches!(
            err("-6 route add 10.0.0.0/8 dev x"),
            ParseError::Invalid { .. }
        ));
        assert!(matches!(
            err("route add 10.0.0.0/8 dev x table nosuch"),
            ParseError::Invalid { .. }
        ));
        assert!(matches!(
            err("route add 10.0.0.0/8 dev x proto nosuch"),
            ParseError::Invalid { .. }
        ));
        assert!(matches!(
            err("route add 10.0.0.0/8 dev x scope nosuch"),
            ParseError::Invalid { .. }
        ));
        assert!(matches!(
            err("route add 10.0.0.0/8 nexthop via 10.0.0.1 weight 0"),
            ParseError::Invalid { .. }
        ));
        assert_eq!(
            err("route add 10.0.0.0/8 dev x dev y"),
            ParseError::Duplicate {
                key: "dev",
                word: "y".into()
            }
        );
        assert_eq!(err("route get"), ParseError::Missing { key: "to" });
    }

    #[test]
    fn ipv4_route_via_ipv6_next_hop() {
        // RTA_VIA: the family written after `via` may differ from the route's.
        let Command::Route(r) = ok("route add 192.168.7.0/24 via inet6 fe80::1 dev veth0") else {
            panic!()
        };
        assert_eq!(r.spec.family, Family::Inet);
        assert_eq!(r.spec.via, Some("fe80::1".parse().unwrap()));
        assert_eq!(r.spec.header(r.action).family, 2);
    }

    #[test]
    fn neigh_commands() {
        let Command::Neigh(n) =
            ok("neigh add 10.0.0.9 lladdr 02:00:00:00:00:99 dev veth0 nud permanent router")
        else {
            panic!()
        };
        assert_eq!(n.action, Action::Add);
        assert_eq!(n.spec.dst, Some(pfx("10.0.0.9")));
        assert_eq!(n.spec.lladdr, Some(vec![2, 0, 0, 0, 0, 0x99]));
        assert_eq!(
            (n.spec.nud, n.spec.router, n.spec.family),
            (Some(0x80), true, Family::Inet)
        );
        let Command::Neigh(n) = ok("neigh replace proxy 2001:db8::9 dev veth0") else {
            panic!()
        };
        assert!(n.spec.proxy);
        assert_eq!(n.spec.family, Family::Inet6);
        for (w, v) in [
            ("noarp", 0x40),
            ("stale", 0x04),
            ("reachable", 0x02),
            ("none", 0),
        ] {
            let Command::Neigh(n) = ok(&format!("neigh change 10.0.0.1 dev x nud {w}")) else {
                panic!()
            };
            assert_eq!(n.spec.nud, Some(v));
        }
        assert!(matches!(
            err("neigh add 10.0.0.1 dev x nud bogus"),
            ParseError::Invalid { .. }
        ));
        assert_eq!(
            err("neigh add 10.0.0.1 lladdr 02:00:00:00:00:01"),
            ParseError::NotEnoughInfo { key: "dev" }
        );
        assert_eq!(
            err("neigh del dev x"),
            ParseError::NotEnoughInfo { key: "to" }
        );
        assert!(matches!(
            ok("neigh flush dev veth0"),
            Command::Neigh(NeighCmd {
                action: Action::Flush,
                ..
            })
        ));
        assert!(
            matches!(ok("neigh show nud all proxy"), Command::Neigh(n) if n.spec.nud == Some(0xff) && n.spec.proxy)
        );
        let Command::Fdb(f) =
            ok("fdb add 02:00:00:00:00:01 dev vx0 dst 10.0.0.2 self permanent vlan 10")
        else {
            panic!()
        };
        assert_eq!((f.flags, f.state, f.vlan), (0x02, Some(0x80), Some(10)));
        assert_eq!(
            err("fdb add dev vx0"),
            ParseError::Missing { key: "lladdr" }
        );
    }

    #[test]
    fn rule_commands() {
        let Command::Rule(r) =
            ok("rule add from 10.0.0.0/24 to 192.168.0.0/16 table 100 priority 1000")
        else {
            panic!()
        };
        let s = r.spec;
        assert_eq!(s.from, Some(Target::Prefix(pfx("10.0.0.0/24"))));
        assert_eq!(s.to, Some(Target::Prefix(pfx("192.168.0.0/16"))));
        assert_eq!(
            (s.action, s.priority, s.family),
            (Some(RuleAction::Lookup(100)), Some(1000), Family::Inet)
        );
        let Command::Rule(r) = ok("rule add not fwmark 0x10/0xff lookup main pref 1001") else {
            panic!()
        };
        assert!(r.spec.not);
        assert_eq!(
            (r.spec.fwmark, r.spec.action),
            (Some((0x10, Some(0xff))), Some(RuleAction::Lookup(254)))
        );
        let Command::Rule(r) = ok("rule add iif veth0 oif br0 goto 1003 order 1002") else {
            panic!()
        };
        assert_eq!(
            (r.spec.action, r.spec.priority),
            (Some(RuleAction::Goto(1003)), Some(1002))
        );
        let Command::Rule(r) = ok(
            "rule add priority 1003 uidrange 1000-2000 suppress_prefixlength 0 table main l3mdev",
        ) else {
            panic!()
        };
        assert_eq!(
            (r.spec.uidrange, r.spec.suppress_prefixlength, r.spec.l3mdev),
            (Some((1000, 2000)), Some(0), true)
        );
        let Command::Rule(r) = ok("rule del priority 1004 blackhole") else {
            panic!()
        };
        assert_eq!(
            (r.action, r.spec.action),
            (Action::Del, Some(RuleAction::Blackhole))
        );
        let Command::Rule(r) = ok("rule add from all type prohibit") else {
            panic!()
        };
        assert_eq!(
            (r.spec.from, r.spec.action),
            (Some(Target::Default), Some(RuleAction::Prohibit))
        );
        assert!(matches!(
            err("rule add uidrange 5-1"),
            ParseError::Invalid { .. }
        ));
        assert!(matches!(err("rule add frob"), ParseError::Invalid { word, .. } if word == "frob"));
        assert!(matches!(
            err("rule add table 1 goto 2"),
            ParseError::Duplicate { .. }
        ));
    }

    #[test]
    fn tc_commands() {
        let Command::Tc(t) = ok("qdisc add dev veth0 root handle 1: htb default 10 r2q 10") else {
            panic!()
        };
        assert_eq!(
            (t.object, t.parent, t.handle),
            (TcObject::Qdisc, Some(names::TC_H_ROOT), Some(0x10000))
        );
        assert_eq!(
            t.kind,
            Some(TcKind::Htb {
                default: Some(0x10),
                r2q: Some(10)
            })
        );
        let Command::Tc(t) = ok(
            "class add dev veth0 parent 1: classid 1:10 htb rate 10mbit ceil 20mbit burst 15k prio 1",
        ) else {
            panic!()
        };
        assert_eq!((t.parent, t.classid), (Some(0x10000), Some(0x10010)));
        assert_eq!(
            t.kind,
            Some(TcKind::HtbClass(HtbClassOpts {
                rate: 1_250_000,
                ceil: Some(2_500_000),
                burst: Some(15360),
                cburst: None,
                prio: Some(1),
                quantum: None
            }))
        );
        let Command::Tc(t) =
            ok("qdisc add dev veth1 root tbf rate 1mbit burst 32kbit latency 400ms")
        else {
            panic!()
        };
        assert_eq!(
            t.kind,
            Some(TcKind::Tbf(TbfOpts {
                rate: 125_000,
                burst: 4096,
                limit: None,
                latency: Some(400_000),
                peakrate: None,
                mtu: None
            }))
        );
        assert_eq!(
            err("qdisc add dev x root tbf rate 1mbit burst 10k"),
            ParseError::Missing {
                key: "limit|latency"
            }
        );
        let Command::Tc(t) = ok("qdisc add dev veth0 ingress") else {
            panic!()
        };
        assert_eq!(
            (t.parent, t.handle, t.kind),
            (
                Some(names::TC_H_INGRESS),
                Some(0xffff_0000),
                Some(TcKind::Ingress)
            )
        );
        let Command::Tc(t) = ok("qdisc add dev br0 root pfifo limit 100") else {
            panic!()
        };
        assert_eq!(t.kind, Some(TcKind::Pfifo { limit: Some(100) }));
        let Command::Tc(t) = ok(
            "qdisc replace dev x parent 1:10 handle 20: netem delay 100ms 10ms 25% loss 0.3% 25% duplicate 1%",
        ) else {
            panic!()
        };
        let Some(TcKind::Netem(n)) = t.kind else {
            panic!()
        };
        assert_eq!(n.delay, Some((100_000, Some(10_000), Some(25.0))));
        assert_eq!(n.loss, Some((0.3, Some(25.0))));
        let Command::Tc(t) = ok(
            "filter add dev veth0 parent 1: protocol ip prio 1 u32 match ip dst 192.168.1.0/24 match ip dport 80 0xffff flowid 1:10 action mirred egress redirect dev ifb0",
        ) else {
            panic!()
        };
        assert_eq!((t.protocol, t.prio), (Some(0x0800), Some(1)));
        let Some(TcKind::U32(u)) = t.kind else {
            panic!()
        };
        // Captured: "match c0a80100/ffffff00 at 16".
        assert_eq!(
            u.keys[0],
            U32Key {
                val: 0xc0a8_0100,
                mask: 0xffff_ff00,
                off: 16
            }
        );
        assert_eq!(
            u.keys[1],
            U32Key {
                val: 80,
                mask: 0xffff,
                off: 20
            }
        );
        assert_eq!(u.classid, Some(0x10010));
        assert_eq!(
            u.actions,
            [TcAction::Mirred {
                egress: true,
                redirect: true,
                dev: "ifb0".into()
            }]
        );
        let Command::Tc(t) =
            ok("filter add dev x ingress matchall action police rate 1mbit burst 10k drop")
        else {
            panic!()
        };
        assert_eq!(t.parent, Some(0xffff_fff2));
        assert_eq!(
            t.kind,
            Some(TcKind::Matchall {
                classid: None,
                actions: vec![TcAction::Police {
                    rate: 125_000,
                    burst: 10240,
                    mtu: None,
                    exceed: Some(GactVerdict::Drop)
                }]
            })
        );
        let Command::Tc(t) = ok("filter add dev x egress bpf obj prog.o section tc da") else {
            panic!()
        };
        assert!(matches!(
            t.kind,
            Some(TcKind::Bpf(BpfOpts {
                direct_action: true,
                ..
            }))
        ));
        assert_eq!(
            err("qdisc add root pfifo"),
            ParseError::NotEnoughInfo { key: "dev" }
        );
        assert_eq!(
            err("class add dev x parent 1: htb rate 1mbit"),
            ParseError::Missing { key: "classid" }
        );
        assert!(matches!(
            ok("qdisc add dev x root handle 1:2 pfifo"),
            Command::Tc(TcCmd {
                handle: Some(0x10000),
                ..
            })
        ));
        assert!(matches!(
            err("qdisc add dev x root handle 10000: pfifo"),
            ParseError::Invalid { .. }
        ));
        assert!(matches!(
            ok("qdisc"),
            Command::Tc(TcCmd {
                action: Action::Show,
                ..
            })
        ));
        assert!(matches!(
            ok("qdisc add dev x root fq_codel limit 100 target 5ms ecn"),
            Command::Tc(TcCmd {
                kind: Some(TcKind::FqCodel {
                    target: Some(5000),
                    ecn: Some(true),
                    ..
                }),
                ..
            })
        ));
        assert!(matches!(
            ok("qdisc add dev x root sfq perturb 10"),
            Command::Tc(TcCmd {
                kind: Some(TcKind::Sfq {
                    perturb: Some(10),
                    ..
                }),
                ..
            })
        ));
        assert!(matches!(
            ok("qdisc add dev x root prio bands 3 priomap 1 2 2 2 1 2 0 0 1 1 1 1 1 1 1 1"),
            Command::Tc(TcCmd {
                kind: Some(TcKind::Prio { bands: Some(3), .. }),
                ..
            })
        ));
    }

    #[test]
    fn units() {
        assert_eq!(parse_rate("10mbit").unwrap(), 1_250_000);
        assert_eq!(parse_rate("1Kibit").unwrap(), 128);
        assert_eq!(parse_rate("8000").unwrap(), 1000);
        assert_eq!(parse_rate("1mbps").unwrap(), 1_000_000);
        assert_eq!(parse_rate("1MiBps").unwrap(), 1_048_576);
        assert_eq!(parse_rate("1gbit").unwrap(), 125_000_000);
        assert!(parse_rate("fast").is_err());
        assert!(parse_rate("1furlong").is_err());
        assert_eq!(parse_size("15k").unwrap(), 15360);
        assert_eq!(parse_size("1mb").unwrap(), 1_048_576);
        assert_eq!(parse_size("32kbit").unwrap(), 4096);
        assert_eq!(parse_size("1600b").unwrap(), 1600);
        assert!(parse_size("10x").is_err());
        assert_eq!(parse_time("400ms").unwrap(), 400_000);
        assert_eq!(parse_time("1s").unwrap(), 1_000_000);
        assert_eq!(parse_time("50us").unwrap(), 50);
        assert_eq!(parse_time("7").unwrap(), 7);
        assert!(parse_time("1h").is_err());
        assert_eq!(parse_time("1.5e+03s").unwrap(), 1_500_000_000);
        assert_eq!(parse_rate("1e3kbit").unwrap(), 125_000);
        assert!(parse_rate(".").is_err());
        assert!(parse_rate("e5").is_err());
        assert_eq!(parse_qdisc_handle("ffff:").unwrap(), 0xffff_0000);
        assert_eq!(parse_classid("1:10").unwrap(), 0x10010);
        assert_eq!(parse_classid(":10").unwrap(), 0x10);
        assert_eq!(parse_classid("root").unwrap(), 0xffff_ffff);
        assert!(parse_classid("10000:1").is_err());
        assert_eq!(parse_table("default").unwrap(), 253);
        assert_eq!(parse_protocol("kernel").unwrap(), 2);
        assert_eq!(parse_protocol("42").unwrap(), 42);
        assert_eq!(parse_scope("nowhere").unwrap(), 255);
        assert_eq!(parse_scope("site").unwrap(), 200);
        assert_eq!(parse_route_type("throw"), Some(9));
        assert_eq!(
            parse_lladdr("aa:bb:cc:dd:ee:ff").unwrap(),
            [0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff]
        );
        assert_eq!(parse_target("all", Family::Any).unwrap(), Target::Default);
        assert_eq!(
            parse_prefix("2001:db8::/32", Family::Inet6).unwrap().len,
            32
        );
    }

    #[test]
    fn monitor_objects() {
        assert_eq!(
            ok("monitor link addr route neigh rule"),
            Command::Monitor(vec![
                MonitorObject::Link,
                MonitorObject::Address,
                MonitorObject::Route,
                MonitorObject::Neigh,
                MonitorObject::Rule
            ])
        );
        assert_eq!(
            ok("monitor all"),
            Command::Monitor(vec![MonitorObject::All])
        );
        assert_eq!(
            err("monitor frob").to_string(),
            "Argument \"frob\" is unknown, try \"ip monitor help\"."
        );
    }

    #[test]
    fn garbage_never_panics() {
        let words = [
            "link",
            "add",
            "set",
            "dev",
            "x",
            "type",
            "veth",
            "peer",
            "name",
            "route",
            "via",
            "10.0.0.1",
            "nexthop",
            "qdisc",
            "filter",
            "u32",
            "match",
            "ip",
            "src",
            "/",
            "::",
            "tbf",
            "rate",
            "action",
            "mirred",
            "-6",
            "rule",
            "from",
            "all",
            "addr",
            "1:",
            "ffff",
            "htb",
            "class",
            "neigh",
            "lladdr",
            "",
            "\u{e9}",
            "999999999999",
        ];
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for _ in 0..20_000 {
            let mut line = Vec::new();
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let n = (seed % 9) as usize;
            for k in 0..n {
                line.push(words[((seed >> (k * 5 + 3)) as usize) % words.len()]);
            }
            let _ = parse_line(&line);
        }
    }

    #[test]
    fn request_headers_like_iproute2() {
        assert_eq!(Action::Add.nlm_flags(), 0x600);
        assert_eq!(Action::Replace.nlm_flags(), 0x500);
        assert_eq!(Action::Change.nlm_flags(), 0x100);
        assert_eq!(Action::Append.nlm_flags(), 0xc00);
        assert_eq!(Action::Del.nlm_flags(), 0);
        let Command::Route(r) = ok("route add 192.168.2.7 dev veth0") else {
            panic!()
        };
        let h = r.spec.header(r.action);
        assert_eq!(
            (h.family, h.dst_len, h.table, h.protocol, h.scope, h.kind),
            (2, 32, 254, 3, 253, 1)
        );
        let Command::Route(r) = ok("route add default via 10.0.0.1 table 1000 onlink") else {
            panic!()
        };
        let h = r.spec.header(r.action);
        assert_eq!((h.dst_len, h.table, h.scope, h.flags), (0, 1000, 0, 4));
        let Command::Route(r) = ok("route add local 10.0.0.1 dev lo") else {
            panic!()
        };
        assert_eq!(r.spec.header(r.action).scope, 254);
        let Command::Route(r) = ok("route add broadcast 10.0.0.255 dev lo") else {
            panic!()
        };
        assert_eq!(r.spec.header(r.action).scope, 253);
        let Command::Route(r) = ok("-6 route add 2001:db8::/64 dev lo") else {
            panic!()
        };
        assert_eq!(
            (
                r.spec.header(r.action).family,
                r.spec.header(r.action).scope
            ),
            (10, 0)
        );
        let Command::Route(r) = ok("route del 10.0.0.0/8") else {
            panic!()
        };
        let h = r.spec.header(r.action);
        assert_eq!((h.protocol, h.scope, h.kind), (0, 255, 0));
        let Command::Addr(AddrCmd::Modify { action, spec }) =
            ok("addr add 10.0.0.2/24 brd + dev x")
        else {
            panic!()
        };
        let h = spec.header(action);
        assert_eq!(
            (h.prefixlen, h.scope, h.broadcast),
            (24, 0, Some(ip4("10.0.0.255")))
        );
        let Command::Addr(AddrCmd::Modify { action, spec }) =
            ok("addr add 10.0.0.2/24 brd - dev x")
        else {
            panic!()
        };
        assert_eq!(spec.header(action).broadcast, Some(ip4("10.0.0.0")));
        let Command::Addr(AddrCmd::Modify { action, spec }) =
            ok("addr add 10.1.0.1 peer 10.1.0.2/32 dev x")
        else {
            panic!()
        };
        let h = spec.header(action);
        assert_eq!(
            (h.prefixlen, h.local, h.address),
            (32, ip4("10.1.0.1"), ip4("10.1.0.2"))
        );
        let Command::Addr(AddrCmd::Modify { action, spec }) = ok("addr add 127.0.0.2/8 dev lo")
        else {
            panic!()
        };
        assert_eq!(spec.header(action).scope, 254);
        let Command::Rule(r) = ok("rule add from 10.0.0.0/8 priority 5") else {
            panic!()
        };
        let h = r.spec.header(r.action);
        assert_eq!((h.src_len, h.table, h.action), (8, 254, 1));
        let Command::Rule(r) = ok("rule add not to 10.0.0.0/8 prohibit") else {
            panic!()
        };
        let h = r.spec.header(r.action);
        assert_eq!((h.dst_len, h.table, h.action, h.flags), (8, 0, 8, 2));
    }

    fn ip4(s: &str) -> IpAddr {
        s.parse().unwrap()
    }
}
