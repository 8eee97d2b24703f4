//! The message iterator over one received datagram, and the generic message view.

use zerocopy::{FromBytes, Immutable, IntoBytes, KnownLayout};

use super::attr::AttrIter;
use super::error::{Error, ErrorKind};
use super::header::{NlMsgHdr, NlmF};

/// NLMSG_ALIGNTO: messages are padded to 4 bytes.
pub const NLMSG_ALIGNTO: usize = 4;
/// NLMSG_HDRLEN: the aligned size of `nlmsghdr`.
pub const NLMSG_HDRLEN: usize = 16;

/// NLMSG_ALIGN: rounds `len` up to a multiple of 4 (saturating, never overflows).
#[inline]
pub const fn nlmsg_align(len: usize) -> usize {
    match len.checked_add(NLMSG_ALIGNTO - 1) {
        Some(l) => l & !(NLMSG_ALIGNTO - 1),
        None => usize::MAX & !(NLMSG_ALIGNTO - 1),
    }
}

/// Iterates over the messages of one datagram (or any concatenation of messages).
///
/// Yields `Err` once and then stops when a header is short, `nlmsg_len` is below 16, or
/// `nlmsg_len` runs past the end; it never loops and never panics. Trailing padding of
/// the last message may be absent.
#[derive(Debug, Clone)]
pub struct Messages<'a> {
    buf: &'a [u8],
    pos: usize,
    done: bool,
}

impl<'a> Messages<'a> {
    /// Iterates over the messages in `buf`.
    pub fn new(buf: &'a [u8]) -> Self {
        Messages {
            buf,
            pos: 0,
            done: false,
        }
    }

    /// Byte offset of the next message.
    pub fn position(&self) -> usize {
        self.pos
    }
}

impl<'a> Iterator for Messages<'a> {
    type Item = Result<NlMsg<'a>, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let rest = self.buf.get(self.pos..).unwrap_or(&[]);
        if rest.is_empty() {
            self.done = true;
            return None;
        }
        match NlMsg::parse_at(rest, self.pos) {
            Ok(msg) => {
                let step = nlmsg_align(msg.bytes.len()).min(rest.len());
                self.pos += step;
                Some(Ok(msg))
            }
            Err(e) => {
                self.done = true;
                Some(Err(e))
            }
        }
    }
}

impl core::iter::FusedIterator for Messages<'_> {}

/// A view of one netlink message: its header and the bytes up to `nlmsg_len`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NlMsg<'a> {
    /// The message up to `nlmsg_len`: at least the 16-byte header.
    bytes: &'a [u8],
    /// Where the message starts in the buffer it was parsed from (for error offsets).
    offset: usize,
}

// Only the bytes and the offset, both full words, on purpose. With a header reference
// as well, `Option<Result<NlMsg, Error>>` (what `Messages` yields) took a tag word, and
// a dump read through `Messages` cost about 5 ns a message more than the same messages
// handed over one by one (16-18 against 11-12 ns in the whole-dump rows of `cargo bench
// -p ferroute-benches --bench rtnl_route`): the compiler moved the message through
// memory in pieces it could not forward. A 24-byte form with a u32 offset and the type
// and flags cached fits the same 32 bytes but was as slow. The test
// `messages_item_has_no_tag_word` keeps the size.

/// What [`NlMsg::header`] would return for bytes too short for a header, which an
/// `NlMsg` never holds: it keeps the accessor free of a panic path.
static NO_HDR: NlMsgHdr = NlMsgHdr {
    nlmsg_len: zerocopy::byteorder::U32::ZERO,
    nlmsg_type: zerocopy::byteorder::U16::ZERO,
    nlmsg_flags: zerocopy::byteorder::U16::ZERO,
    nlmsg_seq: zerocopy::byteorder::U32::ZERO,
    nlmsg_pid: zerocopy::byteorder::U32::ZERO,
};

impl<'a> NlMsg<'a> {
    /// Parses the message at the start of `buf` (which may hold more after it).
    pub fn parse(buf: &'a [u8]) -> Result<Self, Error> {
        Self::parse_at(buf, 0)
    }

    /// Like [`parse`](Self::parse), with `offset` recorded as the message's position in
    /// a larger buffer (used in errors).
    pub fn parse_at(buf: &'a [u8], offset: usize) -> Result<Self, Error> {
        let (hdr, _) = NlMsgHdr::ref_from_prefix(buf).map_err(|_| {
            Error::new(
                ErrorKind::Truncated {
                    need: NLMSG_HDRLEN as u32,
                    have: buf.len() as u32,
                },
                offset,
            )
        })?;
        let len = hdr.nlmsg_len.get();
        let ty = hdr.nlmsg_type.get();
        if (len as usize) < NLMSG_HDRLEN {
            return Err(Error::new(ErrorKind::MsgLenTooShort(len), offset).with_msg_type(ty));
        }
        let bytes = buf.get(..len as usize).ok_or_else(|| {
            Error::new(
                ErrorKind::MsgLenOverrun {
                    len,
                    left: buf.len() as u32,
                },
                offset,
            )
            .with_msg_type(ty)
        })?;
        Ok(NlMsg { bytes, offset })
    }

    /// The header.
    #[inline]
    pub fn header(&self) -> &'a NlMsgHdr {
        match NlMsgHdr::ref_from_prefix(self.bytes) {
            Ok((hdr, _)) => hdr,
            Err(_) => &NO_HDR,
        }
    }
    /// `nlmsg_type`.
    #[inline]
    pub fn nlmsg_type(&self) -> u16 {
        self.header().nlmsg_type.get()
    }
    /// `nlmsg_flags`, raw (name them with [`flag_names`](super::header::flag_names)).
    #[inline]
    pub fn nlmsg_flags(&self) -> u16 {
        self.header().nlmsg_flags.get()
    }
    /// The common flag bits.
    #[inline]
    pub fn flags(&self) -> NlmF {
        self.header().flags()
    }
    /// `nlmsg_seq`.
    #[inline]
    pub fn nlmsg_seq(&self) -> u32 {
        self.header().nlmsg_seq.get()
    }
    /// `nlmsg_pid`.
    #[inline]
    pub fn nlmsg_pid(&self) -> u32 {
        self.header().nlmsg_pid.get()
    }
    /// The whole message, header included, up to `nlmsg_len`.
    #[inline]
    pub fn bytes(&self) -> &'a [u8] {
        self.bytes
    }
    /// The bytes after the 16-byte header.
    #[inline]
    pub fn payload(&self) -> &'a [u8] {
        self.bytes.get(NLMSG_HDRLEN..).unwrap_or(&[])
    }
    /// Byte offset of this message in the buffer it was parsed from.
    #[inline]
    pub fn offset(&self) -> usize {
        self.offset
    }

    /// Reads the family header `T` at the start of the payload, in place. The payload
    /// must hold all of `T`.
    pub fn fixed<T: FromBytes + KnownLayout + Immutable + zerocopy::Unaligned>(
        &self,
    ) -> Result<&'a T, Error> {
        T::ref_from_prefix(self.payload())
            .map(|(t, _)| t)
            .map_err(|_| {
                Error::new(
                    ErrorKind::Truncated {
                        need: core::mem::size_of::<T>() as u32,
                        have: self.payload().len() as u32,
                    },
                    self.offset + NLMSG_HDRLEN,
                )
                .with_msg_type(self.nlmsg_type())
            })
    }

    /// Reads the family header `T` by common prefix: a shorter payload is zero-filled,
    /// a longer one is cut. Never fails.
    pub fn fixed_prefix<T: FromBytes + IntoBytes + Immutable>(&self) -> T {
        super::attr::read_prefix(self.payload())
    }

    /// The attributes after a family header of `hdrlen` bytes (aligned to 4). Offsets in
    /// errors count from the start of the buffer this message was parsed from.
    #[inline]
    pub fn attrs_after(&self, hdrlen: usize) -> AttrIter<'a> {
        let start = NLMSG_HDRLEN.saturating_add(nlmsg_align(hdrlen));
        let buf = self.bytes.get(start..).unwrap_or(&[]);
        AttrIter::with_base(buf, self.offset + start.min(self.bytes.len()))
            .with_msg_type(self.nlmsg_type())
    }

    /// The attributes after the family header `T`.
    #[inline]
    pub fn attrs<T>(&self) -> AttrIter<'a> {
        self.attrs_after(core::mem::size_of::<T>())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    extern crate std;
    use std::vec::Vec;

    fn msg(len: u32, ty: u16, extra: usize) -> Vec<u8> {
        let mut v = Vec::new();
        v.extend_from_slice(&len.to_ne_bytes());
        v.extend_from_slice(&ty.to_ne_bytes());
        v.extend_from_slice(&0u16.to_ne_bytes());
        v.extend_from_slice(&7u32.to_ne_bytes());
        v.extend_from_slice(&0u32.to_ne_bytes());
        v.resize(v.len() + extra, 0xaa);
        v
    }

    #[test]
    #[cfg(target_pointer_width = "64")] // the sizes below are those of a 64-bit target
    fn messages_item_has_no_tag_word() {
        // see the comment above `NO_HDR`: a tag word here cost dump readers 5 ns a message
        assert_eq!(core::mem::size_of::<NlMsg<'_>>(), 24);
        assert_eq!(core::mem::size_of::<Option<Result<NlMsg<'_>, Error>>>(), 32);
    }

    #[test]
    fn header_accessors_read_the_bytes() {
        let mut b = msg(20, 0x1234, 4);
        b[6..8].copy_from_slice(&0x0302u16.to_ne_bytes());
        b[12..16].copy_from_slice(&99u32.to_ne_bytes());
        let m = NlMsg::parse_at(&b, 40).unwrap();
        assert_eq!(m.header().nlmsg_len.get(), 20);
        assert_eq!(
            (
                m.nlmsg_type(),
                m.nlmsg_flags(),
                m.nlmsg_seq(),
                m.nlmsg_pid()
            ),
            (0x1234, 0x0302, 7, 99)
        );
        assert_eq!(m.flags().bits(), 0x0302);
        assert_eq!(
            (m.offset(), m.bytes().len(), m.payload().len()),
            (40, 20, 4)
        );
    }

    #[test]
    fn walks_aligned_messages_and_tolerates_missing_final_padding() {
        let mut d = msg(17, 20, 4); // 17 bytes + 3 padding
        d.extend(msg(18, 21, 2)); // the last one without its 2 padding bytes
        let v: Vec<_> = Messages::new(&d).collect();
        assert_eq!(v.len(), 2);
        let a = v[0].unwrap();
        let b = v[1].unwrap();
        assert_eq!((a.nlmsg_type(), a.payload().len(), a.offset()), (20, 1, 0));
        assert_eq!((b.nlmsg_type(), b.payload().len(), b.offset()), (21, 2, 20));
    }

    #[test]
    fn zero_length_ends_with_an_error_at_its_offset() {
        let mut d = msg(16, 20, 0);
        d.extend(msg(0, 22, 8));
        let mut it = Messages::new(&d);
        assert!(it.next().unwrap().is_ok());
        let e = it.next().unwrap().unwrap_err();
        assert_eq!(e.kind, ErrorKind::MsgLenTooShort(0));
        assert_eq!(e.offset, 16);
        assert_eq!(e.msg_type, Some(22));
        assert!(it.next().is_none());
    }

    #[test]
    fn overlong_and_short_headers_are_errors() {
        let d = msg(100, 20, 4);
        let e = Messages::new(&d).next().unwrap().unwrap_err();
        assert_eq!(e.kind, ErrorKind::MsgLenOverrun { len: 100, left: 20 });
        let e = Messages::new(&d[..10]).next().unwrap().unwrap_err();
        assert_eq!(e.kind, ErrorKind::Truncated { need: 16, have: 10 });
    }

    #[test]
    fn fixed_header_must_fit() {
        let d = msg(18, 20, 2);
        let m = NlMsg::parse(&d).unwrap();
        let e = m.fixed::<crate::nl::NfGenMsg>().unwrap_err();
        assert_eq!(e.offset, 16);
        let p: crate::nl::NfGenMsg = m.fixed_prefix();
        assert_eq!((p.nfgen_family, p.version, p.res_id()), (0xaa, 0xaa, 0));
    }
}
