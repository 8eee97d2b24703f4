//! Output buffers for builders: a cursor over `&mut [u8]`, `heapless::Vec`, and (with
//! `alloc`) `Vec<u8>`. Running out of room is an error, never a panic.

use super::error::Error;

/// A growable byte buffer that builders append to.
///
/// `extend_zeroed` is all-or-nothing: on error the buffer is unchanged.
pub trait Buffer {
    /// The bytes written so far.
    fn as_slice(&self) -> &[u8];
    /// The bytes written so far, mutable (for patching lengths).
    fn as_mut_slice(&mut self) -> &mut [u8];
    /// Appends `n` zero bytes, or fails leaving the buffer as it was.
    fn extend_zeroed(&mut self, n: usize) -> Result<(), Error>;
    /// Shrinks to `len` bytes (no effect if already shorter).
    fn truncate(&mut self, len: usize);
    /// Bytes written so far.
    fn len(&self) -> usize {
        self.as_slice().len()
    }
    /// Nothing written yet.
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// Appends `data`, or fails leaving the buffer as it was.
    fn extend_from_slice(&mut self, data: &[u8]) -> Result<(), Error> {
        let start = self.len();
        self.extend_zeroed(data.len())?;
        if let Some(dst) = self.as_mut_slice().get_mut(start..start + data.len()) {
            dst.copy_from_slice(data);
        }
        Ok(())
    }
}

/// A cursor over a caller-provided slice: the no-heap buffer.
#[derive(Debug)]
pub struct SliceBuf<'a> {
    buf: &'a mut [u8],
    len: usize,
}

impl<'a> SliceBuf<'a> {
    /// An empty buffer writing into `buf`.
    pub fn new(buf: &'a mut [u8]) -> Self {
        SliceBuf { buf, len: 0 }
    }
    /// Total room.
    pub fn capacity(&self) -> usize {
        self.buf.len()
    }
    /// Clears the buffer for reuse.
    pub fn clear(&mut self) {
        self.len = 0;
    }
}

impl Buffer for SliceBuf<'_> {
    fn as_slice(&self) -> &[u8] {
        self.buf.get(..self.len).unwrap_or(&[])
    }
    fn as_mut_slice(&mut self) -> &mut [u8] {
        self.buf.get_mut(..self.len).unwrap_or(&mut [])
    }
    fn extend_zeroed(&mut self, n: usize) -> Result<(), Error> {
        let end = self.len.checked_add(n).ok_or_else(Error::full)?;
        let dst = self.buf.get_mut(self.len..end).ok_or_else(Error::full)?;
        dst.fill(0);
        self.len = end;
        Ok(())
    }
    fn truncate(&mut self, len: usize) {
        self.len = self.len.min(len);
    }
}

impl<const N: usize> Buffer for heapless::Vec<u8, N> {
    fn as_slice(&self) -> &[u8] {
        self
    }
    fn as_mut_slice(&mut self) -> &mut [u8] {
        self
    }
    fn extend_zeroed(&mut self, n: usize) -> Result<(), Error> {
        let end = self.len().checked_add(n).ok_or_else(Error::full)?;
        self.resize(end, 0).map_err(|_| Error::full())
    }
    fn truncate(&mut self, len: usize) {
        heapless::Vec::truncate(self, len)
    }
}

#[cfg(feature = "alloc")]
impl Buffer for alloc::vec::Vec<u8> {
    fn as_slice(&self) -> &[u8] {
        self
    }
    fn as_mut_slice(&mut self) -> &mut [u8] {
        self
    }
    fn extend_zeroed(&mut self, n: usize) -> Result<(), Error> {
        let end = self.len().checked_add(n).ok_or_else(Error::full)?;
        self.try_reserve(n).map_err(|_| Error::full())?;
        self.resize(end, 0);
        Ok(())
    }
    fn truncate(&mut self, len: usize) {
        alloc::vec::Vec::truncate(self, len)
    }
}

impl<B: Buffer + ?Sized> Buffer for &mut B {
    fn as_slice(&self) -> &[u8] {
        (**self).as_slice()
    }
    fn as_mut_slice(&mut self) -> &mut [u8] {
        (**self).as_mut_slice()
    }
    fn extend_zeroed(&mut self, n: usize) -> Result<(), Error> {
        (**self).extend_zeroed(n)
    }
    fn truncate(&mut self, len: usize) {
        (**self).truncate(len)
    }
}
