//! Send/recv proxies: verdicts reach the caller exactly as kernel replies, and the
//! tuntap proxy creates real tun/tap devices (cross-checked with `ip -j -d link`).

use ferroute::codec::nl::{MsgBuilder, NlMsg, NlaWriter};
use ferroute::proxy::{IFTUN_IFR, IFTUN_IFR_MULTI_QUEUE, IFTUN_MODE, IFTUN_UID, synth_error};
use ferroute::{RecvVerdict, RtnlSocket, SendVerdict};
use ferroute_tests::*;

const EPERM: i32 = 1;
const EACCES: i32 = 13;
const EBUSY: i32 = 16;
const EINVAL: i32 = 22;

#[test]
fn return_and_error_verdicts_are_delivered_as_replies() {
    in_netns(|| {
        let mut s = RtnlSocket::raw().unwrap();
        // Return: answer a made-up request type with a made-up message, then an ACK.
        s.set_send_proxy(0x7f0, |m| {
            let mut b = MsgBuilder::new(Vec::new(), 0x7f1, 0, 999, 999).unwrap();
            b.put_u32(1, m.nlmsg_seq()).unwrap();
            SendVerdict::Return(b.finish().unwrap())
        });
        let req = MsgBuilder::new(Vec::new(), 0x7f0, 0, 0, 0)
            .unwrap()
            .finish()
            .unwrap();
        let mut replies = Vec::new();
        s.request_with(&req, |m| {
            let echoed = m.attrs_after(0).find(1).unwrap().as_u32().unwrap();
            replies.push((m.nlmsg_type(), m.nlmsg_seq(), m.nlmsg_pid(), echoed));
        })
        .unwrap();
        assert_eq!(replies.len(), 1);
        let (ty, seq, pid, echoed) = replies[0];
        assert_eq!(ty, 0x7f1);
        assert_eq!(seq, echoed, "reply carries the request's seq");
        assert_eq!(pid, s.port());

        // Error: the kernel is not touched and the caller gets a kernel-like error.
        s.set_send_proxy(RTM_NEWLINK, |_| SendVerdict::Error(EPERM));
        let e = s.request(&newlink("px0", "veth", Some("px1"))).unwrap_err();
        let k = e.kernel().unwrap();
        assert_eq!(k.errno, EPERM);
        assert_eq!(k.request_type, Some(RTM_NEWLINK));
        assert_eq!(link_names(&mut s), ["lo"]);

        // The raw replies look like the kernel's: seq, NLMSG_ERROR, original echoed.
        let mut req = newlink("px0", "veth", Some("px1"));
        req[8..12].copy_from_slice(&4242u32.to_ne_bytes());
        let m = NlMsg::parse(&req).unwrap();
        let err = synth_error(&m, EPERM, 77);
        let a = ferroute::codec::nl::AckMsg::parse(NlMsg::parse(&err).unwrap()).unwrap();
        assert_eq!(a.errno(), Some(EPERM));
        assert_eq!(a.msg().nlmsg_seq(), 4242);
        assert_eq!(a.request_payload(), &req[16..]);

        // Rewrite: the request the kernel sees is another one.
        s.set_send_proxy(RTM_NEWLINK, |_| {
            SendVerdict::Rewrite(newlink("rw0", "veth", Some("rw1")))
        });
        s.request(&newlink("px0", "veth", Some("px1"))).unwrap();
        let mut names = link_names(&mut s);
        names.sort();
        assert_eq!(names, ["lo", "rw0", "rw1"]);
        assert!(s.remove_send_proxy(RTM_NEWLINK));

        // Recv proxy: an Error verdict replaces a dump message by an NLMSG_ERROR.
        s.set_recv_proxy(RTM_NEWLINK, |m| {
            let name = link_name(m).unwrap();
            if name == "rw1" {
                RecvVerdict::Error(EACCES)
            } else {
                RecvVerdict::Forward
            }
        });
        let e = s.dump_each(&getlink_dump(), |_| {}).unwrap_err();
        assert_eq!(e.errno(), Some(EACCES));
        assert!(s.remove_recv_proxy(RTM_NEWLINK));
        assert_eq!(link_names(&mut s).len(), 3);
    });
}

fn tuntap(name: &str, mode: &str, ifr: Option<&[u8]>, uid: Option<u32>) -> Vec<u8> {
    let mut b = MsgBuilder::new(Vec::new(), RTM_NEWLINK, CREATE_EXCL, 0, 0).unwrap();
    b.append_bytes(&[0u8; 16]).unwrap();
    b.put_str(IFLA_IFNAME, name).unwrap();
    let li = b.nest_start(IFLA_LINKINFO).unwrap();
    b.put_str(IFLA_INFO_KIND, "tuntap").unwrap();
    let data = b.nest_start(IFLA_INFO_DATA).unwrap();
    b.put_str(IFTUN_MODE, mode).unwrap();
    if let Some(u) = uid {
        b.put_u32(IFTUN_UID, u).unwrap();
    }
    if let Some(f) = ifr {
        b.put_bytes(IFTUN_IFR, f).unwrap();
    }
    b.nest_end(data).unwrap();
    b.nest_end(li).unwrap();
    b.finish().unwrap()
}

#[test]
fn tuntap_proxy_creates_real_devices() {
    in_netns(|| {
        let mut s = RtnlSocket::new().unwrap();
        // pyroute2's wire form: IFTUN_IFR is 7 u8 flags (no_pi, one_queue, vnet_hdr,
        // tun_excl, multi_queue, persist, nofilter).
        s.request(&tuntap(
            "ftap0",
            "tap",
            Some(&[1, 0, 1, 0, 0, 1, 0]),
            Some(1234),
        ))
        .unwrap();
        // The nested form: IFTUN_IFR_MULTI_QUEUE as a flag attribute.
        let mut nested = Vec::new();
        {
            let mut ab = ferroute::codec::nl::AttrBuilder::new(&mut nested);
            ab.put_flag(IFTUN_IFR_MULTI_QUEUE).unwrap();
        }
        let req = {
            let mut b = MsgBuilder::new(Vec::new(), RTM_NEWLINK, CREATE_EXCL, 0, 0).unwrap();
            b.append_bytes(&[0u8; 16]).unwrap();
            b.put_str(IFLA_IFNAME, "ftun0").unwrap();
            let li = b.nest_start(IFLA_LINKINFO).unwrap();
            b.put_str(IFLA_INFO_KIND, "tuntap").unwrap();
            let data = b.nest_start(IFLA_INFO_DATA).unwrap();
            b.put_str(IFTUN_MODE, "tun").unwrap();
            b.put_bytes(IFTUN_IFR | 0x8000, &nested).unwrap();
            b.nest_end(data).unwrap();
            b.nest_end(li).unwrap();
            b.finish().unwrap()
        };
        s.request(&req).unwrap();

        let tap = &ip_json(&["-d", "link", "show", "ftap0"])[0];
        eprintln!("{tap}");
        assert_eq!(tap["linkinfo"]["info_kind"], "tun");
        let d = &tap["linkinfo"]["info_data"];
        assert_eq!(d["type"], "tap");
        assert_eq!(d["pi"], false);
        assert_eq!(d["vnet_hdr"], true);
        assert_eq!(d["multi_queue"], false);
        assert_eq!(d["persist"], true);
        assert_eq!(d["user"], 1234);
        let tun = &ip_json(&["-d", "link", "show", "ftun0"])[0];
        let d = &tun["linkinfo"]["info_data"];
        assert_eq!(d["type"], "tun");
        assert_eq!(d["pi"], true);
        assert_eq!(d["multi_queue"], true);

        // Our own dump sees them.
        let mut names = link_names(&mut s);
        names.sort();
        assert_eq!(names, ["ftap0", "ftun0", "lo"]);

        // Failures come back as errno: TUN_EXCL on an existing device, a bad mode.
        s.set_ebusy_retries(1);
        let e = s
            .request(&tuntap("ftap0", "tap", Some(&[0, 0, 0, 1, 0, 0, 0]), None))
            .unwrap_err();
        assert_eq!(e.errno(), Some(EBUSY), "{e}");
        let e = s.request(&tuntap("fbad0", "tux", None, None)).unwrap_err();
        assert_eq!(e.errno(), Some(EINVAL));
        // Without the proxy the kernel does not know the kind.
        let mut raw = RtnlSocket::raw().unwrap();
        let e = raw
            .request(&tuntap("fraw0", "tap", None, None))
            .unwrap_err();
        assert_eq!(
            e.kernel().unwrap().msg.as_deref(),
            Some("Unknown device type")
        );
    });
}
