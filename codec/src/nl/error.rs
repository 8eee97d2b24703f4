//! The codec's one error type: small, `Copy`, and it says what was wrong and where.

use core::fmt;

/// What went wrong. Open for additions (`#[non_exhaustive]`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// Fewer bytes than a header or fixed struct needs (`need` bytes, `have` present).
    Truncated {
        /// Bytes needed.
        need: u32,
        /// Bytes present.
        have: u32,
    },
    /// `nlmsg_len` smaller than the 16-byte header (0 included).
    MsgLenTooShort(u32),
    /// `nlmsg_len` larger than the bytes left in the datagram.
    MsgLenOverrun {
        /// The declared length.
        len: u32,
        /// Bytes left from the message's start.
        left: u32,
    },
    /// `nla_len` smaller than the 4-byte attribute header.
    AttrLenTooShort(u16),
    /// `nla_len` larger than the bytes left in the enclosing list.
    AttrLenOverrun {
        /// The declared length.
        len: u16,
        /// Bytes left from the attribute's start.
        left: u32,
    },
    /// A known attribute whose payload has the wrong size for its kind.
    BadAttrLen {
        /// The size the kind expects (the minimum, for variable kinds).
        expected: u16,
        /// The size found.
        got: u16,
    },
    /// A string attribute that is not valid UTF-8.
    InvalidUtf8,
    /// A value outside the range its field allows (e.g. an unknown enum tag).
    InvalidValue,
    /// Nesting deeper than the walker's limit.
    TooDeep,
    /// The output buffer has no room for what was asked.
    BufferFull,
    /// An attribute or message grew past what its length field can hold.
    TooLong,
    /// The message is not of the type the view expects.
    WrongType,
}

/// An error with its place: byte offset (from the start of the bytes the walk began on),
/// attribute type and message type when known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Error {
    /// What was wrong.
    pub kind: ErrorKind,
    /// Byte offset of the header (message or attribute) that was wrong.
    pub offset: u32,
    /// Attribute type (flags masked off), if the error concerns an attribute.
    pub attr: Option<u16>,
    /// Message type, if known.
    pub msg_type: Option<u16>,
}

impl Error {
    /// A new error of `kind` at `offset`, with no attribute or message type yet.
    pub const fn new(kind: ErrorKind, offset: usize) -> Self {
        Error {
            kind,
            offset: offset as u32,
            attr: None,
            msg_type: None,
        }
    }
    /// The same error with the attribute type set.
    pub const fn with_attr(mut self, attr: u16) -> Self {
        self.attr = Some(attr);
        self
    }
    /// The same error with the message type set (kept if already set).
    pub const fn with_msg_type(mut self, ty: u16) -> Self {
        if self.msg_type.is_none() {
            self.msg_type = Some(ty);
        }
        self
    }
    /// The "no room in the output buffer" error.
    pub const fn full() -> Self {
        Error::new(ErrorKind::BufferFull, 0)
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            ErrorKind::Truncated { need, have } => {
                write!(f, "truncated: need {need} bytes, have {have}")
            }
            ErrorKind::MsgLenTooShort(l) => {
                write!(f, "nlmsg_len {l} is shorter than the 16-byte header")
            }
            ErrorKind::MsgLenOverrun { len, left } => {
                write!(f, "nlmsg_len {len} runs past the end ({left} bytes left)")
            }
            ErrorKind::AttrLenTooShort(l) => {
                write!(f, "nla_len {l} is shorter than the 4-byte header")
            }
            ErrorKind::AttrLenOverrun { len, left } => {
                write!(f, "nla_len {len} runs past the end ({left} bytes left)")
            }
            ErrorKind::BadAttrLen { expected, got } => {
                write!(f, "attribute payload is {got} bytes, expected {expected}")
            }
            ErrorKind::InvalidUtf8 => f.write_str("string is not valid UTF-8"),
            ErrorKind::InvalidValue => f.write_str("value out of range"),
            ErrorKind::TooDeep => f.write_str("attributes nested too deeply"),
            ErrorKind::BufferFull => f.write_str("output buffer full"),
            ErrorKind::TooLong => f.write_str("length does not fit its length field"),
            ErrorKind::WrongType => f.write_str("message is not of the expected type"),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at offset {}", self.kind, self.offset)?;
        if let Some(a) = self.attr {
            write!(f, " (attribute type {a})")?;
        }
        if let Some(t) = self.msg_type {
            write!(f, " (message type {t})")?;
        }
        Ok(())
    }
}

impl core::error::Error for Error {}

#[cfg(feature = "defmt")]
impl defmt::Format for ErrorKind {
    fn format(&self, f: defmt::Formatter<'_>) {
        match *self {
            ErrorKind::Truncated { need, have } => {
                defmt::write!(f, "Truncated(need {}, have {})", need, have)
            }
            ErrorKind::MsgLenTooShort(l) => defmt::write!(f, "MsgLenTooShort({})", l),
            ErrorKind::MsgLenOverrun { len, left } => {
                defmt::write!(f, "MsgLenOverrun({}, left {})", len, left)
            }
            ErrorKind::AttrLenTooShort(l) => defmt::write!(f, "AttrLenTooShort({})", l),
            ErrorKind::AttrLenOverrun { len, left } => {
                defmt::write!(f, "AttrLenOverrun({}, left {})", len, left)
            }
            ErrorKind::BadAttrLen { expected, got } => {
                defmt::write!(f, "BadAttrLen(expected {}, got {})", expected, got)
            }
            ErrorKind::InvalidUtf8 => defmt::write!(f, "InvalidUtf8"),
            ErrorKind::InvalidValue => defmt::write!(f, "InvalidValue"),
            ErrorKind::TooDeep => defmt::write!(f, "TooDeep"),
            ErrorKind::BufferFull => defmt::write!(f, "BufferFull"),
            ErrorKind::TooLong => defmt::write!(f, "TooLong"),
            ErrorKind::WrongType => defmt::write!(f, "WrongType"),
        }
    }
}

#[cfg(feature = "defmt")]
impl defmt::Format for Error {
    fn format(&self, f: defmt::Formatter<'_>) {
        defmt::write!(
            f,
            "{} at offset {} attr {} type {}",
            self.kind,
            self.offset,
            self.attr,
            self.msg_type
        )
    }
}
