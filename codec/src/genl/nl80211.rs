//! nl80211, the wireless configuration family ("nl80211"): every NL80211_CMD_*, the
//! top-level NL80211_ATTR_* set and the nested sets for wiphys (bands, frequencies,
//! bitrates, interface types), stations (STA_INFO, rate info) and scan results (BSS with
//! information elements), plus the multicast group names.
//!
//! The tables are generated from the UAPI header (see [`tables`]); this file adds the
//! value types and accessors. The kernel writes nl80211 nests without NLA_F_NESTED, so the
//! tables use [`NestedNoFlag`](super::NestedNoFlag) to re-encode them byte for byte.

use crate::nl::attr::Kind;
use crate::nl::{Attr, AttrIter, AttrSet, Ctx, Error, NlaValue, NlaWriter, Scalar, Visitor};

use super::{GenlFamily, GenlMsg};

pub mod tables;
pub use tables::*;

/// The family name to resolve with CTRL_CMD_GETFAMILY.
pub const NL80211_GENL_NAME: &str = "nl80211";
/// Multicast group for configuration changes (NL80211_MULTICAST_GROUP_CONFIG).
pub const NL80211_MULTICAST_GROUP_CONFIG: &str = "config";
/// Multicast group for scan events (NL80211_MULTICAST_GROUP_SCAN).
pub const NL80211_MULTICAST_GROUP_SCAN: &str = "scan";
/// Multicast group for regulatory events (NL80211_MULTICAST_GROUP_REG).
pub const NL80211_MULTICAST_GROUP_REG: &str = "regulatory";
/// Multicast group for MLME events (NL80211_MULTICAST_GROUP_MLME).
pub const NL80211_MULTICAST_GROUP_MLME: &str = "mlme";
/// Multicast group for vendor events (NL80211_MULTICAST_GROUP_VENDOR).
pub const NL80211_MULTICAST_GROUP_VENDOR: &str = "vendor";
/// Multicast group for NAN events (NL80211_MULTICAST_GROUP_NAN).
pub const NL80211_MULTICAST_GROUP_NAN: &str = "nan";
/// Multicast group for testmode events (NL80211_MULTICAST_GROUP_TESTMODE).
pub const NL80211_MULTICAST_GROUP_TESTMODE: &str = "testmode";

/// The element id of the SSID information element.
pub const WLAN_EID_SSID: u8 = 0;

/// The name of interface type `t` (NL80211_IFTYPE_*).
pub fn iftype_name(t: u32) -> Option<&'static str> {
    u16::try_from(t).ok().and_then(Nl80211IftypeAttrs::name)
}

/// An interface type (the value of NL80211_ATTR_IFTYPE), described by name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Iftype(pub u32);

impl<'a> NlaValue<'a> for Iftype {
    fn decode(attr: &Attr<'a>) -> Result<Self, Error> {
        attr.as_u32().map(Iftype)
    }
    fn encode<W: NlaWriter + ?Sized>(&self, w: &mut W, ty: u16) -> Result<(), Error> {
        w.put_u32(ty, self.0)
    }
    fn describe(&self, _: &Ctx, out: &mut dyn Visitor) {
        match iftype_name(self.0) {
            Some(n) => out.scalar(Scalar::Name(n)),
            None => out.scalar(Scalar::U64(self.0.into())),
        }
    }
}

/// A packed array of native-endian u32 (NL80211_ATTR_CIPHER_SUITES, AKM_SUITES).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct U32Array<'a>(&'a [u8]);

impl<'a> U32Array<'a> {
    /// Wraps raw bytes (a trailing partial word is ignored).
    pub fn new(bytes: &'a [u8]) -> Self {
        U32Array(bytes)
    }
    /// The values.
    pub fn iter(&self) -> impl Iterator<Item = u32> + 'a {
        self.0
            .chunks_exact(4)
            .map(|c| u32::from_ne_bytes([c[0], c[1], c[2], c[3]]))
    }
    /// Number of values.
    pub fn len(&self) -> usize {
        self.0.len() / 4
    }
    /// No values.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The table kind of a [`U32Array`] attribute.
#[derive(Debug, Clone, Copy)]
pub struct U32ArrayKind;

impl<'a> Kind<'a> for U32ArrayKind {
    type T = U32Array<'a>;
    fn decode(attr: &Attr<'a>) -> Result<U32Array<'a>, Error> {
        if !attr.payload().len().is_multiple_of(4) {
            return Err(attr.error(crate::nl::ErrorKind::BadAttrLen {
                expected: (attr.payload().len() / 4 * 4) as u16,
                got: attr.payload().len() as u16,
            }));
        }
        Ok(U32Array(attr.payload()))
    }
    fn encode<W: NlaWriter + ?Sized>(w: &mut W, ty: u16, v: &U32Array<'a>) -> Result<(), Error> {
        w.put_bytes(ty, v.0)
    }
    fn describe(v: &U32Array<'a>, _: &Ctx, out: &mut dyn Visitor) {
        out.begin_list();
        for v in v.iter() {
            out.scalar(Scalar::U64(v.into()));
        }
        out.end_list();
    }
}

/// 802.11 information elements (`id`, `len`, data), as in NL80211_BSS_INFORMATION_ELEMENTS.
/// Kept as raw bytes; [`Ies::iter`] walks them and [`Ies::ssid`] finds the SSID.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ies<'a>(&'a [u8]);

impl<'a> Ies<'a> {
    /// Wraps raw element bytes.
    pub fn new(bytes: &'a [u8]) -> Self {
        Ies(bytes)
    }
    /// The raw bytes.
    pub fn bytes(&self) -> &'a [u8] {
        self.0
    }
    /// The elements as `(id, data)`; a truncated last element ends the walk.
    pub fn iter(&self) -> impl Iterator<Item = (u8, &'a [u8])> + 'a {
        let mut rest = self.0;
        core::iter::from_fn(move || {
            let (&id, r) = rest.split_first()?;
            let (&len, r) = r.split_first()?;
            let data = r.get(..len as usize)?;
            rest = r.get(len as usize..).unwrap_or(&[]);
            Some((id, data))
        })
    }
    /// The first element with id `id`.
    pub fn find(&self, id: u8) -> Option<&'a [u8]> {
        self.iter().find(|(i, _)| *i == id).map(|(_, d)| d)
    }
    /// The SSID element's bytes (may be empty for a hidden network).
    pub fn ssid(&self) -> Option<&'a [u8]> {
        self.find(WLAN_EID_SSID)
    }
}

/// The table kind of an [`Ies`] attribute.
#[derive(Debug, Clone, Copy)]
pub struct IesKind;

impl<'a> Kind<'a> for IesKind {
    type T = Ies<'a>;
    fn decode(attr: &Attr<'a>) -> Result<Ies<'a>, Error> {
        Ok(Ies(attr.payload()))
    }
    fn encode<W: NlaWriter + ?Sized>(w: &mut W, ty: u16, v: &Ies<'a>) -> Result<(), Error> {
        w.put_bytes(ty, v.0)
    }
    /// Raw bytes as hex (the elements are not named here).
    fn describe(v: &Ies<'a>, _: &Ctx, out: &mut dyn Visitor) {
        out.scalar(Scalar::Hex(v.0))
    }
}

/// The nl80211 family's declaration (every command carries [`Nl80211Attrs`]).
#[derive(Debug, Clone, Copy)]
pub struct Nl80211;

impl GenlFamily for Nl80211 {
    const NAME: &'static str = NL80211_GENL_NAME;
    const VERSION: u8 = 0;
    fn cmd_name(cmd: u8) -> Option<&'static str> {
        cmd_name(cmd)
    }
    fn describe_attrs(_: u8, iter: AttrIter<'_>, ctx: &Ctx, out: &mut dyn Visitor) {
        Nl80211Attrs::describe_list(iter, ctx, out)
    }
}

pub(super) fn fuzz_views(g: &GenlMsg<'_>) {
    let Ok(i) = Nl80211Index::new(g.attrs()) else {
        return;
    };
    let _ = (
        i.wiphy(),
        i.wiphy_name(),
        i.ifindex(),
        i.ifname(),
        i.iftype(),
    );
    let _ = (
        i.mac(),
        i.wdev(),
        i.ssid(),
        i.wiphy_freq(),
        i.wiphy_tx_power_level(),
    );
    if let Ok(Some(c)) = i.cipher_suites() {
        c.iter().for_each(drop);
    }
    if let Ok(Some(t)) = i.supported_iftypes() {
        t.iter().for_each(drop);
    }
    if let Ok(Some(bands)) = i.wiphy_bands() {
        for b in bands.iter().flatten() {
            let Ok(bi) = Nl80211BandIndex::new(b.raw()) else {
                continue;
            };
            let _ = (bi.ht_capa(), bi.vht_capa());
            if let Ok(Some(f)) = bi.freqs() {
                for e in f.iter().flatten() {
                    if let Ok(fi) = Nl80211FrequencyIndex::new(e.raw()) {
                        let _ = (fi.freq(), fi.disabled(), fi.max_tx_power());
                    }
                }
            }
            if let Ok(Some(r)) = bi.rates() {
                for e in r.iter().flatten() {
                    if let Ok(ri) = Nl80211BitrateIndex::new(e.raw()) {
                        let _ = (ri.rate(), ri.rate_2ghz_shortpreamble());
                    }
                }
            }
        }
    }
    if let Ok(Some(s)) = i.sta_info()
        && let Ok(si) = Nl80211StaInfoIndex::new(s.raw())
    {
        {
            let _ = (
                si.signal(),
                si.rx_bytes64(),
                si.tx_packets(),
                si.bss_param(),
            );
            for r in [si.tx_bitrate(), si.rx_bitrate()]
                .into_iter()
                .flatten()
                .flatten()
            {
                if let Ok(ri) = Nl80211RateInfoIndex::new(r.raw()) {
                    let _ = (
                        ri.bitrate(),
                        ri.bitrate32(),
                        ri.mcs(),
                        ri.rate_40_mhz_width(),
                    );
                }
            }
        }
    }
    if let Ok(Some(b)) = i.bss()
        && let Ok(bi) = Nl80211BssIndex::new(b.raw())
    {
        {
            let _ = (bi.bssid(), bi.frequency(), bi.tsf(), bi.signal_mbm());
            if let Ok(Some(ies)) = bi.information_elements() {
                let _ = ies.ssid();
                ies.iter().for_each(drop);
            }
        }
    }
}

pub(super) fn fuzz_attrs(data: &[u8]) {
    for a in AttrIter::new(data).flatten() {
        let _ = Nl80211Attr::decode(a);
        let _ = Nl80211Bss::decode(a);
        let _ = Nl80211StaInfo::decode(a);
        let _ = Nl80211BandAttr::decode(a);
    }
}
