//! The Internet checksum (RFC 1071): the one's complement of the one's complement sum of
//! 16-bit big-endian words, an odd last byte padded with zero.

/// Adds `data` as big-endian 16-bit words to `acc` (an unfolded running sum). Sums of
/// several parts (a pseudo-header and a payload) are made by chaining calls, as long as
/// every part but the last has an even length.
#[inline]
pub fn sum(mut acc: u64, data: &[u8]) -> u64 {
    let mut chunks = data.chunks_exact(8);
    for c in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        let v = u64::from_be_bytes(w);
        // Four 16-bit words at once: add the two 32-bit halves, carries stay in the u64.
        acc += (v >> 32) + (v & 0xffff_ffff);
    }
    let mut words = chunks.remainder().chunks_exact(2);
    for w in &mut words {
        if let [a, b] = *w {
            acc += u64::from(u16::from_be_bytes([a, b]));
        }
    }
    if let [last] = *words.remainder() {
        acc += u64::from(last) << 8;
    }
    acc
}

/// Folds a running sum to 16 bits (end-around carry).
#[inline]
pub fn fold(mut acc: u64) -> u16 {
    while acc > 0xffff {
        acc = (acc & 0xffff) + (acc >> 16);
    }
    acc as u16
}

/// The checksum of `data`: `!fold(sum(0, data))`. Over bytes that include a correct
/// checksum field the result is 0.
#[inline]
pub fn checksum(data: &[u8]) -> u16 {
    !fold(sum(0, data))
}

/// The checksum of several parts in order (each but the last of even length).
pub fn checksum_parts(parts: &[&[u8]]) -> u16 {
    !fold(parts.iter().fold(0, |acc, p| sum(acc, p)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc1071_example() {
        // RFC 1071 section 3: 00 01 f2 03 f4 f5 f6 f7 sums to ddf2 (checksum 220d).
        let d = [0x00, 0x01, 0xf2, 0x03, 0xf4, 0xf5, 0xf6, 0xf7];
        assert_eq!(fold(sum(0, &d)), 0xddf2);
        assert_eq!(checksum(&d), 0x220d);
        // Byte-order independence (section 2.B): the swapped words sum to the swapped sum.
        let s = [0x01, 0x00, 0x03, 0xf2, 0xf5, 0xf4, 0xf7, 0xf6];
        assert_eq!(fold(sum(0, &s)), 0xf2dd);
        // Odd length: the last byte is the high half of a word.
        assert_eq!(fold(sum(0, &[0x12, 0x34, 0x56])), 0x1234 + 0x5600);
        assert_eq!(checksum_parts(&[&d[..4], &d[4..]]), 0x220d);
    }
}
