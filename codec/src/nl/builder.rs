//! Builders that write messages and attributes in place, in one pass: nests patch their
//! length on close, `finish` patches `nlmsg_len`. Every call is all-or-nothing.

use core::net::IpAddr;

use zerocopy::{Immutable, IntoBytes};

use super::attr::{Attr, NLA_F_NESTED, NLA_HDRLEN, nla_align};
use super::buffer::Buffer;
use super::error::{Error, ErrorKind};
use super::header::NlMsgHdr;
use super::msg::NLMSG_HDRLEN;

/// An open nested attribute; close it with [`NlaWriter::nest_end`] or drop its content
/// with [`NlaWriter::nest_cancel`].
#[derive(Debug, PartialEq, Eq)]
#[must_use = "a nest must be closed with nest_end (or cancelled)"]
pub struct Nest {
    offset: usize,
}

impl Nest {
    /// Offset of the nest's header in the buffer (the nest is empty while the buffer's
    /// length is this plus NLA_HDRLEN).
    pub fn offset(&self) -> usize {
        self.offset
    }
}

/// Attribute writing, shared by [`MsgBuilder`] and [`AttrBuilder`].
///
/// Every method either writes the whole attribute (header, payload, padding) or returns
/// `Err` and leaves the buffer as it was.
pub trait NlaWriter {
    /// The underlying buffer.
    type Buf: Buffer;
    /// Access to the underlying buffer.
    fn buffer(&mut self) -> &mut Self::Buf;

    /// Appends raw bytes (a fixed header, say) padded to 4.
    fn append_bytes(&mut self, data: &[u8]) -> Result<(), Error> {
        let buf = self.buffer();
        let start = buf.len();
        buf.extend_zeroed(nla_align(data.len()))?;
        if let Some(d) = buf.as_mut_slice().get_mut(start..start + data.len()) {
            d.copy_from_slice(data);
        }
        Ok(())
    }
    /// Appends a fixed struct (a family header) padded to 4.
    fn append_struct<T: IntoBytes + Immutable>(&mut self, v: &T) -> Result<(), Error> {
        self.append_bytes(v.as_bytes())
    }

    /// Writes attribute `ty` (flags included as given) whose payload is the
    /// concatenation of `parts`.
    fn put_parts(&mut self, ty: u16, parts: &[&[u8]]) -> Result<(), Error> {
        let plen: usize = parts.iter().map(|p| p.len()).sum();
        let len = NLA_HDRLEN + plen;
        let nla_len =
            u16::try_from(len).map_err(|_| Error::new(ErrorKind::TooLong, 0).with_attr(ty))?;
        let buf = self.buffer();
        let start = buf.len();
        buf.extend_zeroed(nla_align(len))?;
        let out = buf.as_mut_slice();
        let mut pos = start;
        for chunk in [&nla_len.to_ne_bytes()[..], &ty.to_ne_bytes()[..]]
            .into_iter()
            .chain(parts.iter().copied())
        {
            if let Some(d) = out.get_mut(pos..pos + chunk.len()) {
                d.copy_from_slice(chunk);
            }
            pos += chunk.len();
        }
        Ok(())
    }
    /// Writes attribute `ty` with payload `data`.
    fn put_bytes(&mut self, ty: u16, data: &[u8]) -> Result<(), Error> {
        self.put_parts(ty, &[data])
    }
    /// Copies an attribute exactly as it was received (type flags included).
    fn put_raw(&mut self, a: &Attr<'_>) -> Result<(), Error> {
        self.put_bytes(a.raw_type(), a.payload())
    }
    /// A u8 attribute.
    fn put_u8(&mut self, ty: u16, v: u8) -> Result<(), Error> {
        self.put_bytes(ty, &[v])
    }
    /// A native-endian u16 attribute.
    fn put_u16(&mut self, ty: u16, v: u16) -> Result<(), Error> {
        self.put_bytes(ty, &v.to_ne_bytes())
    }
    /// A native-endian u32 attribute.
    fn put_u32(&mut self, ty: u16, v: u32) -> Result<(), Error> {
        self.put_bytes(ty, &v.to_ne_bytes())
    }
    /// A native-endian u64 attribute.
    fn put_u64(&mut self, ty: u16, v: u64) -> Result<(), Error> {
        self.put_bytes(ty, &v.to_ne_bytes())
    }
    /// An i8 attribute.
    fn put_i8(&mut self, ty: u16, v: i8) -> Result<(), Error> {
        self.put_bytes(ty, &v.to_ne_bytes())
    }
    /// A native-endian i16 attribute.
    fn put_i16(&mut self, ty: u16, v: i16) -> Result<(), Error> {
        self.put_bytes(ty, &v.to_ne_bytes())
    }
    /// A native-endian i32 attribute.
    fn put_i32(&mut self, ty: u16, v: i32) -> Result<(), Error> {
        self.put_bytes(ty, &v.to_ne_bytes())
    }
    /// A native-endian i64 attribute.
    fn put_i64(&mut self, ty: u16, v: i64) -> Result<(), Error> {
        self.put_bytes(ty, &v.to_ne_bytes())
    }
    /// A big-endian u16 attribute.
    fn put_be16(&mut self, ty: u16, v: u16) -> Result<(), Error> {
        self.put_bytes(ty, &v.to_be_bytes())
    }
    /// A big-endian u32 attribute.
    fn put_be32(&mut self, ty: u16, v: u32) -> Result<(), Error> {
        self.put_bytes(ty, &v.to_be_bytes())
    }
    /// A big-endian u64 attribute.
    fn put_be64(&mut self, ty: u16, v: u64) -> Result<(), Error> {
        self.put_bytes(ty, &v.to_be_bytes())
    }
    /// A NUL-terminated string attribute.
    fn put_str(&mut self, ty: u16, s: &str) -> Result<(), Error> {
        self.put_parts(ty, &[s.as_bytes(), &[0]])
    }
    /// A flag attribute (empty payload).
    fn put_flag(&mut self, ty: u16) -> Result<(), Error> {
        self.put_bytes(ty, &[])
    }
    /// An IPv4 or IPv6 address attribute (4 or 16 bytes).
    fn put_ip(&mut self, ty: u16, ip: IpAddr) -> Result<(), Error> {
        match ip {
            IpAddr::V4(a) => self.put_bytes(ty, &a.octets()),
            IpAddr::V6(a) => self.put_bytes(ty, &a.octets()),
        }
    }
    /// A 6-byte MAC address attribute.
    fn put_mac(&mut self, ty: u16, mac: [u8; 6]) -> Result<(), Error> {
        self.put_bytes(ty, &mac)
    }
    /// A fixed struct as the attribute payload.
    fn put_struct<T: IntoBytes + Immutable>(&mut self, ty: u16, v: &T) -> Result<(), Error> {
        self.put_bytes(ty, v.as_bytes())
    }

    /// Opens a nested attribute with NLA_F_NESTED set.
    fn nest_start(&mut self, ty: u16) -> Result<Nest, Error> {
        self.nest_start_raw(ty | NLA_F_NESTED)
    }
    /// Opens a nested attribute with `ty` exactly as given (for the few places where the
    /// kernel expects no NLA_F_NESTED, or a list that is not attributes).
    fn nest_start_raw(&mut self, ty: u16) -> Result<Nest, Error> {
        let buf = self.buffer();
        let offset = buf.len();
        buf.extend_zeroed(NLA_HDRLEN)?;
        if let Some(d) = buf.as_mut_slice().get_mut(offset + 2..offset + 4) {
            d.copy_from_slice(&ty.to_ne_bytes());
        }
        Ok(Nest { offset })
    }
    /// Closes a nest, patching its `nla_len`. Fails (leaving the nest open) if the
    /// content outgrew the 16-bit length.
    fn nest_end(&mut self, nest: Nest) -> Result<(), Error> {
        let buf = self.buffer();
        let len = buf.len().saturating_sub(nest.offset);
        let nla_len =
            u16::try_from(len).map_err(|_| Error::new(ErrorKind::TooLong, nest.offset))?;
        if let Some(d) = buf.as_mut_slice().get_mut(nest.offset..nest.offset + 2) {
            d.copy_from_slice(&nla_len.to_ne_bytes());
        }
        Ok(())
    }
    /// Drops a nest and everything written into it.
    fn nest_cancel(&mut self, nest: Nest) {
        self.buffer().truncate(nest.offset)
    }
}

/// Writes bare attribute lists (no message header), e.g. for tests or payloads.
#[derive(Debug)]
pub struct AttrBuilder<B: Buffer> {
    buf: B,
}

impl<B: Buffer> AttrBuilder<B> {
    /// Appends to `buf`.
    pub fn new(buf: B) -> Self {
        AttrBuilder { buf }
    }
    /// The buffer.
    pub fn into_inner(self) -> B {
        self.buf
    }
}

impl<B: Buffer> NlaWriter for AttrBuilder<B> {
    type Buf = B;
    fn buffer(&mut self) -> &mut B {
        &mut self.buf
    }
}

/// Builds one netlink message at the end of a buffer. Several builders used in turn on
/// the same buffer (`&mut buf`) make a batch.
#[derive(Debug)]
pub struct MsgBuilder<B: Buffer> {
    buf: B,
    start: usize,
}

impl<B: Buffer> MsgBuilder<B> {
    /// Starts a message: writes the header with `nlmsg_len` to be patched by `finish`.
    pub fn new(mut buf: B, nlmsg_type: u16, flags: u16, seq: u32, pid: u32) -> Result<Self, Error> {
        let start = buf.len();
        // A previous message may have left the buffer unaligned (it cannot, with our
        // builders, but a caller's bytes might): align first.
        let pad = nla_align(start) - start;
        buf.extend_zeroed(pad + NLMSG_HDRLEN)?;
        let start = start + pad;
        let hdr = NlMsgHdr::new(nlmsg_type, flags, seq, pid);
        if let Some(d) = buf.as_mut_slice().get_mut(start..start + NLMSG_HDRLEN) {
            d.copy_from_slice(hdr.as_bytes());
        }
        Ok(MsgBuilder { buf, start })
    }

    /// Starts a message and appends its fixed family header `hdr` (padded to 4); on
    /// failure the buffer is as it was.
    pub fn with_header<H: IntoBytes + Immutable>(
        buf: B,
        nlmsg_type: u16,
        flags: u16,
        seq: u32,
        hdr: &H,
    ) -> Result<Self, Error> {
        let mut m = MsgBuilder::new(buf, nlmsg_type, flags, seq, 0)?;
        if let Err(e) = m.append_struct(hdr) {
            m.cancel();
            return Err(e);
        }
        Ok(m)
    }

    /// Offset of this message's header in the buffer.
    pub fn start(&self) -> usize {
        self.start
    }

    /// The message so far (header with a provisional length).
    pub fn bytes(&self) -> &[u8] {
        self.buf.as_slice().get(self.start..).unwrap_or(&[])
    }

    /// Changes the flags of the header.
    pub fn set_flags(&mut self, flags: u16) {
        let s = self.start;
        if let Some(d) = self.buf.as_mut_slice().get_mut(s + 6..s + 8) {
            d.copy_from_slice(&flags.to_ne_bytes());
        }
    }

    /// Changes the sequence number of the header.
    pub fn set_seq(&mut self, seq: u32) {
        let s = self.start;
        if let Some(d) = self.buf.as_mut_slice().get_mut(s + 8..s + 12) {
            d.copy_from_slice(&seq.to_ne_bytes());
        }
    }

    /// Patches `nlmsg_len` and returns the buffer.
    pub fn finish(mut self) -> Result<B, Error> {
        let len = self.buf.len() - self.start;
        let l = u32::try_from(len).map_err(|_| Error::new(ErrorKind::TooLong, self.start))?;
        let s = self.start;
        if let Some(d) = self.buf.as_mut_slice().get_mut(s..s + 4) {
            d.copy_from_slice(&l.to_ne_bytes());
        }
        Ok(self.buf)
    }

    /// Drops the message: the buffer is as it was before `new`, less alignment padding.
    pub fn cancel(mut self) -> B {
        self.buf.truncate(self.start);
        self.buf
    }
}

impl<B: Buffer> NlaWriter for MsgBuilder<B> {
    type Buf = B;
    fn buffer(&mut self) -> &mut B {
        &mut self.buf
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nl::{AttrIter, Messages, NlMsgErr, SliceBuf};

    #[test]
    fn nests_patch_lengths_and_finish_patches_nlmsg_len() {
        let mut store = [0u8; 128];
        let mut b = MsgBuilder::new(SliceBuf::new(&mut store), 16, 5, 42, 0).unwrap();
        b.append_struct(&NlMsgErr::default()).unwrap();
        let n = b.nest_start(18).unwrap();
        b.put_str(1, "veth").unwrap();
        b.nest_end(n).unwrap();
        let buf = b.finish().unwrap();
        let bytes = buf.as_slice();
        // header, nlmsgerr-sized family header, nest header, "veth\0" padded to 12
        assert_eq!(bytes.len(), 16 + 20 + 4 + 12);
        let m = Messages::new(bytes).next().unwrap().unwrap();
        assert_eq!((m.header().nlmsg_len(), m.nlmsg_seq()), (52, 42));
        let a = m.attrs_after(20).next().unwrap().unwrap();
        assert!(a.is_nested());
        assert_eq!((a.kind(), a.nla_len()), (18, 4 + 12));
        assert_eq!(a.nested().next().unwrap().unwrap().as_cstr(), Ok("veth"));
    }

    #[test]
    fn full_buffer_is_an_error_and_leaves_bytes_unchanged() {
        let mut store = [0u8; 26];
        let mut b = MsgBuilder::new(SliceBuf::new(&mut store), 16, 0, 1, 0).unwrap();
        b.put_u32(1, 5).unwrap();
        let before = b.bytes().len();
        assert_eq!(b.put_u32(2, 6).unwrap_err().kind, ErrorKind::BufferFull);
        assert_eq!(
            b.put_str(2, "abcdef").unwrap_err().kind,
            ErrorKind::BufferFull
        );
        assert_eq!(b.bytes().len(), before);
        assert!(b.nest_start(3).is_err());
        assert_eq!(b.bytes().len(), before);
    }

    #[test]
    fn cancelled_nest_leaves_nothing_and_batch_holds_two_messages() {
        let mut v: heapless::Vec<u8, 256> = heapless::Vec::new();
        let mut b = MsgBuilder::new(&mut v, 16, 0, 1, 0).unwrap();
        let n = b.nest_start(1).unwrap();
        b.put_u8(2, 1).unwrap();
        b.nest_cancel(n);
        b.finish().unwrap();
        let mut b = MsgBuilder::new(&mut v, 17, 0, 2, 0).unwrap();
        b.put_u16(3, 9).unwrap();
        b.finish().unwrap();
        let msgs: heapless::Vec<_, 4> = Messages::new(&v).map(|m| m.unwrap()).collect();
        assert_eq!(msgs.len(), 2);
        assert_eq!(msgs[0].bytes().len(), 16);
        assert_eq!(
            AttrIter::new(msgs[1].payload())
                .next()
                .unwrap()
                .unwrap()
                .as_u16(),
            Ok(9)
        );
    }
}
