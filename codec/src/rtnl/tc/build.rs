//! Helpers for writing tc requests: the message start, TCA_KIND, the options and action
//! nests, and iproute2's rate arithmetic (transmit times in scheduler ticks, rate tables).

use super::structs::{TcMsg, TcRatespec};
use super::{TCA_ACT_KIND, TCA_ACT_OPTIONS, TCA_KIND, TCA_OPTIONS};
use crate::nl::{Buffer, Error, MsgBuilder, NLA_F_NESTED, Nest, NlaWriter};

/// Starts a tc message (RTM_NEWQDISC, RTM_NEWTFILTER, ...): the netlink header and `hdr`.
pub fn tc_message<B: Buffer>(
    buf: B,
    nlmsg_type: u16,
    flags: u16,
    seq: u32,
    hdr: &TcMsg,
) -> Result<MsgBuilder<B>, Error> {
    MsgBuilder::with_header(buf, nlmsg_type, flags, seq, hdr)
}

/// A `tcmsg` for interface `ifindex` with `handle`, `parent` and `info` (for filters, see
/// [`filter_info`](super::filter_info)).
pub fn tcmsg(ifindex: i32, handle: u32, parent: u32, info: u32) -> TcMsg {
    TcMsg {
        tcm_ifindex: ifindex.into(),
        tcm_handle: handle.into(),
        tcm_parent: parent.into(),
        tcm_info: info.into(),
        ..Default::default()
    }
}

/// Writes TCA_KIND.
pub fn put_kind<W: NlaWriter + ?Sized>(w: &mut W, kind: &str) -> Result<(), Error> {
    w.put_str(TCA_KIND, kind)
}

/// Opens TCA_OPTIONS; `flagged` sets NLA_F_NESTED (the kernel accepts both; iproute2
/// leaves it off for most kinds and sets it for flower). Close it with `nest_end`.
pub fn options_start<W: NlaWriter + ?Sized>(w: &mut W, flagged: bool) -> Result<Nest, Error> {
    w.nest_start_raw(TCA_OPTIONS | if flagged { NLA_F_NESTED } else { 0 })
}

/// Opens action number `order` (1, 2, ...) of an action list and writes its TCA_ACT_KIND;
/// follow with [`act_options_start`] and close both with `nest_end`.
pub fn action_start<W: NlaWriter + ?Sized>(
    w: &mut W,
    order: u16,
    kind: &str,
) -> Result<Nest, Error> {
    let n = w.nest_start_raw(order)?;
    if let Err(e) = w.put_str(TCA_ACT_KIND, kind) {
        w.nest_cancel(n);
        return Err(e);
    }
    Ok(n)
}

/// Opens TCA_ACT_OPTIONS of an action, with NLA_F_NESTED (as iproute2 writes it).
pub fn act_options_start<W: NlaWriter + ?Sized>(w: &mut W) -> Result<Nest, Error> {
    w.nest_start(TCA_ACT_OPTIONS)
}

/// Scheduler ticks per microsecond: a psched tick is 64 ns (`PSCHED_TICKS2NS(1)`;
/// `/proc/net/psched` reads `000003e8 00000040 000f4240 ...`, tc's `tick_in_usec`).
pub const PSCHED_TICKS_PER_USEC: f64 = 1000.0 / 64.0;

/// iproute2's `tc_calc_xmittime`: the ticks `size` bytes take at `rate` bytes/s (what
/// tbf's `buffer` and htb's `buffer`/`cbuffer` hold). As in iproute2 the time is cut to
/// whole microseconds before it becomes ticks (`tc_core_time2tick` takes an unsigned
/// int), which is why rate tables hold 248984 where 249000 is exact. A zero rate gives 0.
pub fn tc_calc_xmittime(rate: u64, size: u32) -> u32 {
    if rate == 0 {
        return 0;
    }
    let us = (1_000_000.0 * (f64::from(size) / rate as f64)) as u32;
    (f64::from(us) * PSCHED_TICKS_PER_USEC) as u32
}

/// iproute2's `tc_calc_xmitsize`: the bytes sent at `rate` bytes/s in `ticks` (ticks
/// cut to whole microseconds first, as `tc_core_tick2time` does).
pub fn tc_calc_xmitsize(rate: u64, ticks: u32) -> u32 {
    let us = (f64::from(ticks) / PSCHED_TICKS_PER_USEC) as u32;
    (rate as f64 * f64::from(us) / 1_000_000.0) as u32
}

/// ATM cell payload and size (for TC_LINKLAYER_ATM).
const ATM_CELL_PAYLOAD: u32 = 48;
const ATM_CELL_SIZE: u32 = 53;

fn adjust_size(sz: u32, mpu: u32, linklayer: u8) -> u32 {
    let sz = sz.max(mpu);
    if linklayer == super::TC_LINKLAYER_ATM {
        sz.div_ceil(ATM_CELL_PAYLOAD).saturating_mul(ATM_CELL_SIZE)
    } else {
        sz
    }
}

/// iproute2's `tc_calc_rtable`: fills the 256-slot rate table (TCA_*_RTAB, 1024 bytes on
/// the wire) for `r` and sets its `cell_log` (computed from `mtu`, 2047 when 0, unless
/// given), `cell_align` (-1) and `linklayer`.
pub fn tc_calc_rtable(
    r: &mut TcRatespec,
    cell_log: Option<u8>,
    mtu: u32,
    linklayer: u8,
) -> [u32; 256] {
    let mtu = if mtu == 0 { 2047 } else { mtu };
    let cell_log = cell_log.unwrap_or_else(|| {
        let mut c = 0u8;
        while c < 31 && (mtu >> c) > 255 {
            c += 1;
        }
        c
    });
    let mut tab = [0u32; 256];
    for (i, slot) in tab.iter_mut().enumerate() {
        let sz = ((i as u32) + 1)
            .checked_shl(u32::from(cell_log))
            .unwrap_or(u32::MAX);
        *slot = tc_calc_xmittime(
            u64::from(r.rate()),
            adjust_size(sz, u32::from(r.mpu()), linklayer),
        );
    }
    r.cell_align = (-1i16).into();
    r.cell_log = cell_log;
    r.linklayer = linklayer & 0x0f;
    tab
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xmittime_matches_what_tc_wrote_to_this_kernel() {
        // tbf rate 1mbit burst 32kbit (4096 bytes): buffer 512000 in the fixture
        assert_eq!(tc_calc_xmittime(125_000, 4096), 512_000);
        // htb class 1:10 rate 1mbit, default burst 1600 bytes: buffer 200000
        assert_eq!(tc_calc_xmittime(125_000, 1600), 200_000);
        assert_eq!(tc_calc_xmitsize(125_000, 512_000), 4096);
        let mut r = TcRatespec {
            rate: 125_000.into(),
            ..Default::default()
        };
        let t = tc_calc_rtable(&mut r, None, 0, 1);
        assert_eq!((r.cell_log(), r.cell_align(), r.linklayer()), (3, -1, 1));
        assert_eq!((t[0], t[255]), (1000, 256_000));
        // 1992 bytes at 125000 B/s is 15935.99.. us, cut to 15935 before the ticks
        assert_eq!(t[248], 248_984);
    }
}
