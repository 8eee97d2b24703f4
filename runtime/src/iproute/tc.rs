//! Traffic control through IPRoute: qdisc, class and filter requests and dumps.
//!
//! [`TcSpec`] says what to create or delete (the object's link, handle, parent and typed
//! options); [`new_tc`] / [`del_tc`] build the RTM_NEW*/RTM_DEL* request with the codec's
//! [`build`](ferroute_codec::rtnl::tc::build) helpers, rate tables computed as `tc` does.

use ferroute_codec::rtnl::consts::*;
use ferroute_codec::rtnl::tc::TcMessage;
use ferroute_codec::rtnl::tc::build::{self, tcmsg};

use super::IPRoute;
use crate::error::Result;
use crate::request::DumpSummary;

fn tc_dump_req(buf: &mut Vec<u8>, ty: u16, ifindex: u32, parent: u32) -> Result<()> {
    let b = build::tc_message(&mut *buf, ty, 0, 0, &tcmsg(ifindex as i32, 0, parent, 0))?;
    b.finish()?;
    Ok(())
}

impl IPRoute {
    fn tc_dump(
        &mut self,
        ty: u16,
        ifindex: u32,
        parent: u32,
        mut f: impl FnMut(TcMessage<'_>),
    ) -> Result<DumpSummary> {
        let mut err = None;
        let s = self.dump_with(
            |b| tc_dump_req(b, ty, ifindex, parent),
            |m| match TcMessage::parse(m) {
                Ok(t) => {
                    if ifindex == 0 || t.ifindex() as u32 == ifindex {
                        f(t)
                    }
                }
                Err(e) => err = err.or(Some(e)),
            },
        )?;
        err.map_or(Ok(s), |e| Err(e.into()))
    }
    /// Streams the qdiscs of link `ifindex` (0 = all links) to `f` (RTM_GETQDISC dump).
    pub fn qdisc_dump(
        &mut self,
        ifindex: u32,
        f: impl FnMut(TcMessage<'_>),
    ) -> Result<DumpSummary> {
        self.tc_dump(RTM_GETQDISC, ifindex, 0, f)
    }
    /// Streams the classes of link `ifindex` (0 = all links) to `f` (RTM_GETTCLASS dump).
    pub fn class_dump(
        &mut self,
        ifindex: u32,
        f: impl FnMut(TcMessage<'_>),
    ) -> Result<DumpSummary> {
        self.tc_dump(RTM_GETTCLASS, ifindex, 0, f)
    }
    /// Streams the filters of link `ifindex` under `parent` (0 = all) to `f`
    /// (RTM_GETTFILTER dump; the kernel needs a link for filter dumps).
    pub fn filter_dump(
        &mut self,
        ifindex: u32,
        parent: u32,
        f: impl FnMut(TcMessage<'_>),
    ) -> Result<DumpSummary> {
        self.tc_dump(RTM_GETTFILTER, ifindex, parent, f)
    }
}
