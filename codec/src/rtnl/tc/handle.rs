//! tc handles and class ids (`TC_H_*`): a 16-bit major and 16-bit minor, written
//! `"1:10"` by tc, with the special values root, ingress/clsact and none.

/// TC_H_MAJ_MASK: the major half.
pub const TC_H_MAJ_MASK: u32 = 0xFFFF_0000;
/// TC_H_MIN_MASK: the minor half.
pub const TC_H_MIN_MASK: u32 = 0x0000_FFFF;
/// TC_H_UNSPEC: no handle.
pub const TC_H_UNSPEC: u32 = 0;
/// TC_H_ROOT: the root of the egress tree.
pub const TC_H_ROOT: u32 = 0xFFFF_FFFF;
/// TC_H_INGRESS: the parent of the ingress qdisc.
pub const TC_H_INGRESS: u32 = 0xFFFF_FFF1;
/// TC_H_CLSACT: the parent of the clsact qdisc (same as ingress).
pub const TC_H_CLSACT: u32 = TC_H_INGRESS;
/// TC_H_MIN_PRIORITY: first minor of the priority range.
pub const TC_H_MIN_PRIORITY: u32 = 0xFFE0;
/// TC_H_MIN_INGRESS: clsact's ingress hook (`ffff:fff2`).
pub const TC_H_MIN_INGRESS: u32 = 0xFFF2;
/// TC_H_MIN_EGRESS: clsact's egress hook (`ffff:fff3`).
pub const TC_H_MIN_EGRESS: u32 = 0xFFF3;

/// TC_H_MAJ: the major half of `h` (still shifted).
pub const fn tc_h_maj(h: u32) -> u32 {
    h & TC_H_MAJ_MASK
}
/// TC_H_MIN: the minor half of `h`.
pub const fn tc_h_min(h: u32) -> u32 {
    h & TC_H_MIN_MASK
}
/// TC_H_MAKE: a handle from a (shifted) major and a minor.
pub const fn tc_h_make(maj: u32, min: u32) -> u32 {
    (maj & TC_H_MAJ_MASK) | (min & TC_H_MIN_MASK)
}

/// A tc handle or class id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub struct TcHandle(pub u32);

impl TcHandle {
    /// TC_H_ROOT.
    pub const ROOT: TcHandle = TcHandle(TC_H_ROOT);
    /// TC_H_INGRESS (also TC_H_CLSACT).
    pub const INGRESS: TcHandle = TcHandle(TC_H_INGRESS);
    /// TC_H_CLSACT.
    pub const CLSACT: TcHandle = TcHandle(TC_H_CLSACT);
    /// TC_H_UNSPEC.
    pub const UNSPEC: TcHandle = TcHandle(TC_H_UNSPEC);

    /// `major:minor` (both 16-bit, major unshifted: `new(1, 0x10)` is `1:10`).
    pub const fn new(major: u16, minor: u16) -> Self {
        TcHandle(((major as u32) << 16) | minor as u32)
    }
    /// The major number (unshifted).
    pub const fn major(self) -> u16 {
        (self.0 >> 16) as u16
    }
    /// The minor number.
    pub const fn minor(self) -> u16 {
        self.0 as u16
    }

    /// Parses tc's notation: `root`, `none`, `ingress`, `clsact`, `MAJ:`, `MAJ:MIN`,
    /// `:MIN` (hex, as tc's `get_tc_classid`), or a bare hex number (the whole 32 bits).
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "root" => return Some(Self::ROOT),
            "none" => return Some(Self::UNSPEC),
            "ingress" => return Some(Self::INGRESS),
            "clsact" => return Some(Self::CLSACT),
            _ => {}
        }
        let hex = |t: &str, max: u64| -> Option<u32> {
            if t.is_empty() || t.len() > 8 {
                return None;
            }
            let v = u64::from_str_radix(t, 16).ok()?;
            (v <= max).then_some(v as u32)
        };
        match s.split_once(':') {
            None => hex(s, u32::MAX as u64).map(TcHandle),
            Some((maj, min)) => {
                let maj = if maj.is_empty() { 0 } else { hex(maj, 0xFFFF)? };
                let min = if min.is_empty() { 0 } else { hex(min, 0xFFFF)? };
                Some(TcHandle((maj << 16) | min))
            }
        }
    }

    /// The text form in a small fixed buffer (at most `ffff:ffff`).
    pub fn to_str_buf(self) -> heapless::String<16> {
        let mut s = heapless::String::new();
        let _ = core::fmt::write(&mut s, format_args!("{self}"));
        s
    }
}

/// Prints as tc does (`print_tc_classid`): `root`, `none`, `:MIN`, `MAJ:` or `MAJ:MIN`
/// in hex.
impl core::fmt::Display for TcHandle {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self.0 {
            TC_H_ROOT => f.write_str("root"),
            TC_H_UNSPEC => f.write_str("none"),
            h if tc_h_maj(h) == 0 => write!(f, ":{:x}", tc_h_min(h)),
            h if tc_h_min(h) == 0 => write!(f, "{:x}:", h >> 16),
            h => write!(f, "{:x}:{:x}", h >> 16, tc_h_min(h)),
        }
    }
}

impl From<u32> for TcHandle {
    fn from(v: u32) -> Self {
        TcHandle(v)
    }
}

impl From<TcHandle> for u32 {
    fn from(h: TcHandle) -> u32 {
        h.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_like_tc() {
        assert_eq!(TcHandle::parse("1:10"), Some(TcHandle(0x0001_0010)));
        assert_eq!(TcHandle::parse("ffff:"), Some(TcHandle(0xffff_0000)));
        assert_eq!(TcHandle::parse(":fff2"), Some(TcHandle(0x0000_fff2)));
        assert_eq!(TcHandle::parse("root"), Some(TcHandle::ROOT));
        assert_eq!(TcHandle::parse("ingress"), Some(TcHandle(0xFFFF_FFF1)));
        assert_eq!(TcHandle::parse("10000:1"), None);
        assert_eq!(TcHandle::parse("1:x"), None);
        assert_eq!(TcHandle::parse("800"), Some(TcHandle(0x800)));
        assert_eq!(TcHandle::new(1, 0x10).to_str_buf(), "1:10");
        assert_eq!(TcHandle(0xffff_0000).to_str_buf(), "ffff:");
        assert_eq!(TcHandle::INGRESS.to_str_buf(), "ffff:fff1");
        assert_eq!(TcHandle::ROOT.to_str_buf(), "root");
        assert_eq!(TcHandle(0).to_str_buf(), "none");
        assert_eq!(TcHandle(0x10).to_str_buf(), ":10");
        assert_eq!(
            (TcHandle(0x0005_0003).major(), TcHandle(0x0005_0003).minor()),
            (5, 3)
        );
        assert_eq!(tc_h_make(0x0001_0000, 0x10), 0x0001_0010);
    }
}
