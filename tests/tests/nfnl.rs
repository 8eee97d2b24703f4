//! nfnetlink/ipset: real kernel replies (list dump, protocol, header, type, acks, errors)
//! checked field by field against `ipset list -o xml` captured in the same run, requests
//! rebuilt byte for byte, the decode tool's output, and proptest round trips.

use std::collections::HashMap;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use ferroute_codec::nfnl::ipset::{self, *};
use ferroute_codec::nfnl::{self, NFNL_SUBSYS_IPSET, Nfnl, NfnlMsg, nfnl_msg_type};
use ferroute_codec::nl::{AckMsg, AttrBuilder, AttrIter, NfGenMsg, NlaWriter};
use ferroute_tests::{
    Fixtures, attr, attr_list, describe_all, each_alone, messages, prop_assert_reencodes_stably,
    reencoded, with_byte,
};
use proptest::prelude::*;
use serde_json::json;

const FIXTURES: Fixtures = Fixtures("nfnl");

// ---- `ipset list -o xml`, the independent side (flat enough for string slicing) ----

#[derive(Debug, Default)]
struct XmlSet {
    name: String,
    typ: String,
    revision: u8,
    header: HashMap<String, String>,
    members: Vec<HashMap<String, String>>,
}

/// The text of every `<tag>...</tag>` / `<tag/>` directly in `s`, in order.
fn xml_fields(s: &str) -> Vec<(String, String)> {
    let mut out = vec![];
    let mut rest = s;
    while let Some(i) = rest.find('<') {
        rest = &rest[i + 1..];
        let end = rest.find('>').unwrap();
        let tag = &rest[..end];
        if let Some(t) = tag.strip_suffix('/') {
            out.push((t.to_string(), String::new()));
            rest = &rest[end + 1..];
        } else if !tag.starts_with('/') {
            let close = format!("</{tag}>");
            let body_end = rest.find(&close).unwrap();
            out.push((tag.to_string(), rest[end + 1..body_end].trim().to_string()));
            rest = &rest[body_end + close.len()..];
        } else {
            rest = &rest[end + 1..];
        }
    }
    out
}

fn parse_xml(x: &str) -> Vec<XmlSet> {
    x.split("<ipset name=\"")
        .skip(1)
        .map(|chunk| {
            let name = chunk.split('"').next().unwrap().to_string();
            let body = &chunk[chunk.find('>').unwrap() + 1..chunk.find("</ipset>").unwrap()];
            let mut s = XmlSet {
                name,
                ..Default::default()
            };
            for (tag, val) in xml_fields(body) {
                match tag.as_str() {
                    "type" => s.typ = val,
                    "revision" => s.revision = val.parse().unwrap(),
                    "header" => s.header = xml_fields(&val).into_iter().collect(),
                    "members" => {
                        s.members = xml_fields(&val)
                            .into_iter()
                            .map(|(_, m)| xml_fields(&m).into_iter().collect())
                            .collect()
                    }
                    _ => {}
                }
            }
            s
        })
        .collect()
}

fn family_name(f: u8) -> &'static str {
    match f {
        2 => "inet",
        10 => "inet6",
        _ => "?",
    }
}

fn proto_name(p: u8) -> &'static str {
    match p {
        6 => "tcp",
        17 => "udp",
        _ => "?",
    }
}

/// The element as `ipset` prints it, from the ADT data.
fn element_text(typ: &str, a: &IpsetAdtIndex<'_>) -> String {
    let ip = a.ip().unwrap().map(|n| nested_addr(&n).unwrap().unwrap());
    match typ {
        "bitmap:port" => a.port().unwrap().unwrap().to_string(),
        "hash:ip" => ip.unwrap().to_string(),
        "hash:net,port" => format!(
            "{}/{},{}:{}",
            ip.unwrap(),
            a.cidr().unwrap().unwrap(),
            proto_name(a.proto().unwrap().unwrap()),
            a.port().unwrap().unwrap()
        ),
        t => panic!("type {t} not covered"),
    }
}

#[test]
fn list_dump_matches_ipset_list_xml() {
    let bytes = FIXTURES.bytes("ipset-list.bin");
    let xml = FIXTURES.text("ipset-list.xml");
    let want = parse_xml(&xml);
    assert_eq!(want.len(), 4);
    let msgs = messages(&bytes);
    assert_eq!(msgs.last().unwrap().nlmsg_type(), 3, "NLMSG_DONE");
    let sets: Vec<_> = msgs[..msgs.len() - 1]
        .iter()
        .map(|m| NfnlMsg::parse(*m).unwrap())
        .collect();
    assert_eq!(sets.len(), want.len());
    for (m, w) in sets.iter().zip(&want) {
        assert_eq!((m.subsys(), m.cmd()), (NFNL_SUBSYS_IPSET, IPSET_CMD_LIST));
        assert_eq!(m.msg().nlmsg_type(), 0x607);
        let i = IpsetIndex::new(m.attrs()).unwrap();
        assert_eq!(i.protocol().unwrap(), Some(IPSET_PROTOCOL));
        assert_eq!(i.setname().unwrap(), Some(w.name.as_str()));
        assert_eq!(i.typename().unwrap(), Some(w.typ.as_str()));
        assert_eq!(i.revision().unwrap(), Some(w.revision));
        let h = &w.header;
        let fam = i.family().unwrap().unwrap();
        if let Some(f) = h.get("family") {
            assert_eq!(family_name(fam), f);
        }
        // CADT data: picked by the command (LIST).
        let IpsetDataSet::Cadt(cadt) = i.data().unwrap().unwrap().for_cmd(m.cmd()) else {
            panic!("LIST data is CADT")
        };
        let c = IpsetCadtIndex::new(cadt.raw()).unwrap();
        let num = |k: &str| h.get(k).map(|v| v.parse::<u32>().unwrap());
        assert_eq!(c.hashsize().unwrap(), num("hashsize"), "{}", w.name);
        assert_eq!(c.maxelem().unwrap(), num("maxelem"));
        assert_eq!(c.timeout().unwrap(), num("timeout"));
        assert_eq!(c.memsize().unwrap(), num("memsize"));
        assert_eq!(c.references().unwrap(), num("references"));
        assert_eq!(c.elements().unwrap(), num("numentries"));
        assert_eq!(c.bucketsize().unwrap().map(u32::from), num("bucketsize"));
        if let Some(iv) = h.get("initval") {
            let iv = u32::from_str_radix(iv.trim_start_matches("0x"), 16).unwrap();
            assert_eq!(c.initval().unwrap(), Some(iv));
        }
        if let Some(r) = h.get("range") {
            let (a, b) = r.split_once('-').unwrap();
            assert_eq!(c.port().unwrap(), Some(a.parse().unwrap()));
            assert_eq!(c.port_to().unwrap(), Some(b.parse().unwrap()));
        }
        let flags = c.cadt_flags().unwrap().unwrap_or(0);
        assert_eq!(
            flags & IPSET_FLAG_WITH_COUNTERS != 0,
            h.contains_key("counters")
        );
        assert_eq!(
            flags & IPSET_FLAG_WITH_COMMENT != 0,
            h.contains_key("comment")
        );
        // Members: the ADT list, element by element in the kernel's order.
        let elems: Vec<_> = adt_elements(i.adt().unwrap().unwrap())
            .map(|e| IpsetAdtIndex::new(e.unwrap().raw()).unwrap())
            .collect();
        assert_eq!(elems.len(), w.members.len(), "{}", w.name);
        for (a, wm) in elems.iter().zip(&w.members) {
            assert_eq!(element_text(&w.typ, a), wm["elem"]);
            if let Some(t) = wm.get("timeout") {
                // `ipset list` ran just after the dump: a timeout may have ticked once.
                let t: u32 = t.parse().unwrap();
                let got = a.timeout().unwrap().unwrap();
                assert!(got == t || (t > 0 && got == t + 1), "timeout {got} vs {t}");
            }
            let n64 = |k: &str| wm.get(k).map(|v| v.parse::<u64>().unwrap());
            assert_eq!(a.packets().unwrap(), n64("packets"));
            assert_eq!(a.bytes().unwrap(), n64("bytes"));
            let comment = wm.get("comment").map(|c| c.trim_matches('"'));
            assert_eq!(a.comment().unwrap(), comment);
        }
    }
    // The captured facts themselves (so the loop above checked something).
    assert_eq!(want[0].members[1]["comment"], "\"hello\"");
    assert_eq!(want[0].header["hashsize"], "1024");
    assert_eq!(want[0].header["family"], "inet");
    assert!(want[0].header.contains_key("counters"));
    assert_eq!(want[2].header["range"], "1000-2000");
    assert_eq!(want[1].members[0]["elem"], "2001:db8::/64,tcp:80");
}

#[test]
fn protocol_header_and_type_replies() {
    let protocol = FIXTURES.bytes("ipset-protocol.bin");
    let m = NfnlMsg::parse(messages(&protocol)[0]).unwrap();
    assert_eq!(m.cmd(), IPSET_CMD_PROTOCOL);
    let i = IpsetIndex::new(m.attrs()).unwrap();
    assert_eq!(i.protocol().unwrap(), Some(IPSET_PROTOCOL));
    assert_eq!(i.protocol_min().unwrap(), Some(IPSET_PROTOCOL_MIN));

    let xml = parse_xml(&FIXTURES.text("ipset-list.xml"));
    let header = FIXTURES.bytes("ipset-header.bin");
    let m = NfnlMsg::parse(messages(&header)[0]).unwrap();
    assert_eq!(m.cmd(), IPSET_CMD_HEADER);
    let i = IpsetIndex::new(m.attrs()).unwrap();
    assert_eq!(i.setname().unwrap(), Some("ft4"));
    assert_eq!(i.typename().unwrap(), Some(xml[0].typ.as_str()));
    assert_eq!(i.revision().unwrap(), Some(xml[0].revision));
    assert_eq!(i.family().unwrap(), Some(2));

    let typ = FIXTURES.bytes("ipset-type.bin");
    let m = NfnlMsg::parse(messages(&typ)[0]).unwrap();
    assert_eq!(m.cmd(), IPSET_CMD_TYPE);
    let i = IpsetIndex::new(m.attrs()).unwrap();
    assert_eq!(i.typename().unwrap(), Some("hash:ip"));
    // The newest hash:ip revision is the one `ipset create` used for ft4.
    assert_eq!(i.revision().unwrap(), Some(xml[0].revision));
    assert_eq!(
        i.protocol_min().unwrap(),
        Some(0),
        "IPSET_ATTR_REVISION_MIN"
    );
}

#[test]
fn acks_and_ipset_errors() {
    for f in ["ipset-create.bin", "ipset-add.bin"] {
        let d = FIXTURES.bytes(f);
        let a = AckMsg::parse(messages(&d)[0]).unwrap();
        assert_eq!(a.error(), 0, "{f}");
    }
    let d = FIXTURES.bytes("ipset-add-exist.bin");
    let a = AckMsg::parse(messages(&d)[0]).unwrap();
    assert_eq!(a.error(), -4103);
    assert_eq!(errno_name(a.error(), None), Some("IPSET_ERR_EXIST"));
    assert_eq!(a.request_header().unwrap().nlmsg_type(), 0x609);
    let d = FIXTURES.bytes("ipset-add-noflag.bin");
    let a = AckMsg::parse(messages(&d)[0]).unwrap();
    assert_eq!(errno_name(a.error(), None), Some("IPSET_ERR_PROTOCOL"));
    assert_eq!(
        errno_name(-4352, Some("hash:ip")),
        Some("IPSET_ERR_HASH_FULL")
    );
    assert_eq!(
        errno_name(-4352, Some("bitmap:port")),
        Some("IPSET_ERR_BITMAP_RANGE")
    );
    assert_eq!(errno_name(-4352, Some("list:set")), Some("IPSET_ERR_NAME"));
    assert_eq!(errno_name(-4352, None), None);
    assert_eq!(errno_name(i32::MIN, None), None);
}

#[test]
fn requests_rebuilt_byte_for_byte() {
    // CREATE made hash:ip rev 0 inet, DATA { TIMEOUT 100, MAXELEM 1000 }
    let req = FIXTURES.bytes("ipset-create.bin.req");
    let mut b = nfnl::build(
        Vec::new(),
        NFNL_SUBSYS_IPSET,
        IPSET_CMD_CREATE,
        0x605,
        1,
        0,
        2,
        0,
    )
    .unwrap();
    IpsetAttr::Protocol(IPSET_PROTOCOL).emit(&mut b).unwrap();
    IpsetAttr::Setname("made").emit(&mut b).unwrap();
    IpsetAttr::Typename("hash:ip").emit(&mut b).unwrap();
    IpsetAttr::Revision(0).emit(&mut b).unwrap();
    IpsetAttr::Family(2).emit(&mut b).unwrap();
    let d = b.nest_start(IPSET_ATTR_DATA).unwrap();
    IpsetCadtAttr::Timeout(100).emit(&mut b).unwrap();
    IpsetCadtAttr::Maxelem(1000).emit(&mut b).unwrap();
    b.nest_end(d).unwrap();
    assert_eq!(b.finish().unwrap().as_slice(), &req[..]);

    // ADD made 198.51.100.7 timeout 50
    let req = FIXTURES.bytes("ipset-add.bin.req");
    let mut b = nfnl::build(
        Vec::new(),
        NFNL_SUBSYS_IPSET,
        IPSET_CMD_ADD,
        0x205,
        1,
        0,
        2,
        0,
    )
    .unwrap();
    IpsetAttr::Protocol(IPSET_PROTOCOL).emit(&mut b).unwrap();
    IpsetAttr::Setname("made").emit(&mut b).unwrap();
    let d = b.nest_start(IPSET_ATTR_DATA).unwrap();
    let ip = b.nest_start(IPSET_ATTR_IP).unwrap();
    IpsetIpAddrAttr::Ipv4(Ipv4Addr::new(198, 51, 100, 7))
        .emit(&mut b)
        .unwrap();
    b.nest_end(ip).unwrap();
    IpsetAdtAttr::Timeout(50).emit(&mut b).unwrap();
    b.nest_end(d).unwrap();
    assert_eq!(b.finish().unwrap().as_slice(), &req[..]);
    // ... and read back with the ADT set, chosen by the command.
    let m = NfnlMsg::parse(messages(&req)[0]).unwrap();
    assert_eq!(m.msg().nlmsg_type(), nfnl_msg_type(6, 9));
    let i = IpsetIndex::new(m.attrs()).unwrap();
    let IpsetDataSet::Adt(adt) = i.data().unwrap().unwrap().for_cmd(m.cmd()) else {
        panic!("ADD data is ADT")
    };
    let a = IpsetAdtIndex::new(adt.raw()).unwrap();
    assert_eq!(
        nested_addr(&a.ip().unwrap().unwrap()).unwrap(),
        Some(IpAddr::V4(Ipv4Addr::new(198, 51, 100, 7)))
    );
    assert_eq!(a.timeout().unwrap(), Some(50));
}

#[test]
fn kernel_replies_reencode_byte_for_byte() {
    for f in [
        "ipset-list.bin",
        "ipset-protocol.bin",
        "ipset-header.bin",
        "ipset-type.bin",
        "ipset-create.bin.req",
        "ipset-add.bin.req",
    ] {
        let bytes = FIXTURES.bytes(f);
        for m in messages(&bytes) {
            let Ok(n) = NfnlMsg::parse(m) else { continue };
            if n.subsys() != NFNL_SUBSYS_IPSET {
                continue;
            }
            let a = n.attrs().bytes();
            assert_eq!(reencoded(a, IpsetAttr::decode, IpsetAttr::emit), a, "{f}");
        }
    }
    // Inside the CADT data and the ADT elements too (no addresses there in ft4's header).
    let bytes = FIXTURES.bytes("ipset-list.bin");
    let m = NfnlMsg::parse(messages(&bytes)[0]).unwrap();
    let i = IpsetIndex::new(m.attrs()).unwrap();
    let cadt = i.data().unwrap().unwrap().cadt();
    let mut w = AttrBuilder::new(Vec::new());
    for a in cadt.iter() {
        a.unwrap().emit(&mut w).unwrap();
    }
    assert_eq!(w.into_inner().as_slice(), cadt.raw().bytes());
}

#[test]
fn decode_tool_names_commands_and_picks_data_sets() {
    let bytes = FIXTURES.bytes("ipset-list.bin");
    let j = describe_all::<Nfnl>(&bytes);
    let m = &j[0];
    assert_eq!(m["header"]["type"], "IPSET_CMD_LIST");
    assert_eq!(
        m["nfgenmsg"],
        json!({"nfgen_family": 2, "version": 0, "res_id": 0})
    );
    let attrs = &m["attrs"];
    assert_eq!(attr(attrs, "IPSET_ATTR_SETNAME"), "ft4");
    let data = attr(attrs, "IPSET_ATTR_DATA");
    assert_eq!(attr(data, "IPSET_ATTR_HASHSIZE"), 1024);
    assert_eq!(attr(data, "IPSET_ATTR_TIMEOUT"), 600);
    assert_eq!(
        attr(data, "IPSET_ATTR_CADT_FLAGS"),
        &json!(["IPSET_FLAG_WITH_COUNTERS", "IPSET_FLAG_WITH_COMMENT"])
    );
    let adt = attr(attrs, "IPSET_ATTR_ADT");
    let e1 = &adt[1][1];
    assert_eq!(
        attr(e1, "IPSET_ATTR_IP"),
        &json!([["IPSET_ATTR_IPADDR_IPV4", "192.0.2.1"]])
    );
    assert_eq!(attr(e1, "IPSET_ATTR_COMMENT"), "hello");
    assert_eq!(attr(e1, "IPSET_ATTR_PACKETS"), 5);
    assert_eq!(j.last().unwrap()["header"]["type"], "NLMSG_DONE");

    // ADD request: DATA described with the ADT set (id 6 is a timeout in both; id 1 an IP).
    let m = &describe_all::<Nfnl>(&FIXTURES.bytes("ipset-add.bin.req"))[0];
    assert_eq!(m["header"]["type"], "IPSET_CMD_ADD");
    let data = attr(&m["attrs"], "IPSET_ATTR_DATA");
    assert_eq!(
        attr(data, "IPSET_ATTR_IP"),
        &json!([["IPSET_ATTR_IPADDR_IPV4", "198.51.100.7"]])
    );
    // A CADT-only id in an ADD names the ADT meaning: 26 is IPSET_ATTR_COMMENT there,
    // IPSET_ATTR_MEMSIZE in LIST data.
    assert_eq!(IpsetAdtAttrs::name_of(26), Some("IPSET_ATTR_COMMENT"));
    assert_eq!(IpsetCadtAttrs::name_of(26), Some("IPSET_ATTR_MEMSIZE"));
}

trait NameOf {
    fn name_of(ty: u16) -> Option<&'static str>;
}
impl<T: ferroute_codec::nl::AttrSet> NameOf for T {
    fn name_of(ty: u16) -> Option<&'static str> {
        T::name(ty)
    }
}

#[test]
fn other_subsystems_are_raw_and_short_headers_are_errors() {
    // NFNL_SUBSYS_CTNETLINK (1) message 0 with one attribute: named nothing, printed raw.
    let msg = [
        24u8, 0, 0, 0, 0x00, 0x01, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, // nlmsghdr
        2, 0, 0, 5, // nfgenmsg: AF_INET, v0, res_id 5 (big endian)
        4, 0, 9, 0, // attr 9, empty
    ];
    let m = NfnlMsg::parse(messages(&msg)[0]).unwrap();
    assert_eq!((m.subsys(), m.cmd(), m.res_id()), (1, 0, 5));
    assert_eq!(
        m.header(),
        &NfGenMsg {
            nfgen_family: 2,
            res_id: 5.into(),
            ..Default::default()
        }
    );
    let m = &describe_all::<Nfnl>(&msg)[0];
    assert_eq!(m["header"]["type"], 256);
    assert_eq!(m["attrs"], json!([[9, ""]]));
    let short = [18u8, 0, 0, 0, 7, 6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0];
    assert!(NfnlMsg::parse(messages(&short)[0]).is_err());
    nfnl::fuzz_one(&short);
}

proptest! {
    #[test]
    fn nfgenmsg_roundtrip(sub in 0u8..13, cmd: u8, fam: u8, res: u16, seq: u32) {
        let b = nfnl::build(Vec::new(), sub, cmd, 1, seq, 0, fam, res).unwrap().finish().unwrap();
        let m = NfnlMsg::parse(messages(b.as_slice())[0]).unwrap();
        prop_assert_eq!((m.subsys(), m.cmd(), m.family(), m.res_id(), m.version()), (sub, cmd, fam, res, 0));
        prop_assert_eq!(&b.as_slice()[18..20], &res.to_be_bytes()[..]);
    }

    #[test]
    fn top_level_roundtrip(name in "[a-z0-9]{1,31}", typ in "(hash|bitmap|list):[a-z,]{1,10}",
                           rev: u8, fam: u8, flags: u32, lineno: u32, index: u16) {
        let mut w = AttrBuilder::new(Vec::new());
        for a in [IpsetAttr::Protocol(7), IpsetAttr::Setname(&name), IpsetAttr::Typename(&typ),
                  IpsetAttr::Revision(rev), IpsetAttr::Family(fam), IpsetAttr::Flags(flags),
                  IpsetAttr::Lineno(lineno), IpsetAttr::ProtocolMin(6), IpsetAttr::Index(index)] {
            a.emit(&mut w).unwrap();
        }
        let b = w.into_inner();
        let i = IpsetIndex::new(AttrIter::new(&b)).unwrap();
        prop_assert_eq!((i.setname().unwrap(), i.typename().unwrap()), (Some(name.as_str()), Some(typ.as_str())));
        prop_assert_eq!((i.revision().unwrap(), i.family().unwrap(), i.flags().unwrap()), (Some(rev), Some(fam), Some(flags)));
        prop_assert_eq!((i.lineno().unwrap(), i.index().unwrap(), i.protocol_min().unwrap()), (Some(lineno), Some(index), Some(6)));
        // Net-order integers carry NLA_F_NET_BYTEORDER and big-endian bytes.
        let f = AttrIter::new(&b).find(IPSET_ATTR_FLAGS).unwrap();
        prop_assert!(f.is_net_byteorder());
        prop_assert_eq!(f.payload(), &flags.to_be_bytes()[..]);
    }

    #[test]
    fn cadt_roundtrip(hs: u32, me: u32, nm in 0u8..129, to: u32, cf: u32, p1: u16, p2: u16, sz: u32,
                      refs: u32, mem: u32, el: u32, iv: u32, bs: u8, v6: [u8; 16]) {
        let mut w = AttrBuilder::new(Vec::new());
        for a in [IpsetCadtAttr::Hashsize(hs), IpsetCadtAttr::Maxelem(me), IpsetCadtAttr::Netmask(nm),
                  IpsetCadtAttr::Timeout(to), IpsetCadtAttr::CadtFlags(cf), IpsetCadtAttr::Port(p1),
                  IpsetCadtAttr::PortTo(p2), IpsetCadtAttr::Size(sz), IpsetCadtAttr::References(refs),
                  IpsetCadtAttr::Memsize(mem), IpsetCadtAttr::Elements(el), IpsetCadtAttr::Initval(iv),
                  IpsetCadtAttr::Bucketsize(bs)] {
            a.emit(&mut w).unwrap();
        }
        let n = w.nest_start(IPSET_ATTR_IP).unwrap();
        IpsetIpAddrAttr::Ipv6(Ipv6Addr::from(v6)).emit(&mut w).unwrap();
        w.nest_end(n).unwrap();
        let b = w.into_inner();
        let c = IpsetCadtIndex::new(AttrIter::new(&b)).unwrap();
        prop_assert_eq!((c.hashsize().unwrap(), c.maxelem().unwrap(), c.netmask().unwrap()), (Some(hs), Some(me), Some(nm)));
        prop_assert_eq!((c.timeout().unwrap(), c.cadt_flags().unwrap(), c.port().unwrap(), c.port_to().unwrap()),
                        (Some(to), Some(cf), Some(p1), Some(p2)));
        prop_assert_eq!((c.size().unwrap(), c.references().unwrap(), c.memsize().unwrap(), c.elements().unwrap()),
                        (Some(sz), Some(refs), Some(mem), Some(el)));
        prop_assert_eq!((c.initval().unwrap(), c.bucketsize().unwrap()), (Some(iv), Some(bs)));
        prop_assert_eq!(nested_addr(&c.ip().unwrap().unwrap()).unwrap(), Some(IpAddr::V6(Ipv6Addr::from(v6))));
    }

    #[test]
    fn adt_roundtrip(v4: [u8; 4], cidr: u8, port: u16, proto: u8, to: u32, name in "[a-z]{1,31}",
                     iface in "[a-z0-9]{1,15}", mac: [u8; 6], mark: u32, pk: u64, by: u64,
                     comment in "[ -~]{0,60}", skbmark: u64, prio: u32, queue: u16) {
        let mut w = AttrBuilder::new(Vec::new());
        let l = w.nest_start(IPSET_ATTR_ADT).unwrap();
        let d = w.nest_start(IPSET_ATTR_DATA).unwrap();
        let n = w.nest_start(IPSET_ATTR_IP).unwrap();
        IpsetIpAddrAttr::Ipv4(Ipv4Addr::from(v4)).emit(&mut w).unwrap();
        w.nest_end(n).unwrap();
        for a in [IpsetAdtAttr::Cidr(cidr), IpsetAdtAttr::Port(port), IpsetAdtAttr::Proto(proto),
                  IpsetAdtAttr::Timeout(to), IpsetAdtAttr::Name(&name), IpsetAdtAttr::Iface(&iface),
                  IpsetAdtAttr::Ether(mac), IpsetAdtAttr::Mark(mark), IpsetAdtAttr::Packets(pk),
                  IpsetAdtAttr::Bytes(by), IpsetAdtAttr::Comment(&comment), IpsetAdtAttr::Skbmark(skbmark),
                  IpsetAdtAttr::Skbprio(prio), IpsetAdtAttr::Skbqueue(queue)] {
            a.emit(&mut w).unwrap();
        }
        w.nest_end(d).unwrap();
        w.nest_end(l).unwrap();
        let b = w.into_inner();
        let top = IpsetIndex::new(AttrIter::new(&b)).unwrap();
        let e: Vec<_> = adt_elements(top.adt().unwrap().unwrap()).map(|e| e.unwrap()).collect();
        prop_assert_eq!(e.len(), 1);
        let a = IpsetAdtIndex::new(e[0].raw()).unwrap();
        prop_assert_eq!(nested_addr(&a.ip().unwrap().unwrap()).unwrap(), Some(IpAddr::V4(Ipv4Addr::from(v4))));
        prop_assert_eq!((a.cidr().unwrap(), a.port().unwrap(), a.proto().unwrap(), a.timeout().unwrap()),
                        (Some(cidr), Some(port), Some(proto), Some(to)));
        prop_assert_eq!((a.name().unwrap(), a.iface().unwrap(), a.ether().unwrap(), a.mark().unwrap()),
                        (Some(name.as_str()), Some(iface.as_str()), Some(mac), Some(mark)));
        prop_assert_eq!((a.packets().unwrap(), a.bytes().unwrap(), a.comment().unwrap()),
                        (Some(pk), Some(by), Some(comment.as_str())));
        prop_assert_eq!((a.skbmark().unwrap(), a.skbprio().unwrap(), a.skbqueue().unwrap()),
                        (Some(skbmark), Some(prio), Some(queue)));
    }

    #[test]
    fn fuzz_one_never_panics(data in proptest::collection::vec(any::<u8>(), 0..512)) {
        nfnl::fuzz_one(&data);
    }

    #[test]
    fn mutated_fixtures_never_panic(i: usize, b: u8) {
        nfnl::fuzz_one(&with_byte(FIXTURES.bytes("ipset-list.bin"), i, b));
    }
}

#[test]
fn cadt_flag_names_follow_the_header() {
    let n: Vec<_> =
        ipset::cadt_flag_names(IPSET_FLAG_WITH_COUNTERS | IPSET_FLAG_WITH_COMMENT).collect();
    assert_eq!(n, ["IPSET_FLAG_WITH_COUNTERS", "IPSET_FLAG_WITH_COMMENT"]);
    // ft4 was created with "counters comment": the dump's CADT flags are exactly those.
    let bytes = FIXTURES.bytes("ipset-list.bin");
    let m = NfnlMsg::parse(messages(&bytes)[0]).unwrap();
    let c = IpsetCadtIndex::new(
        IpsetIndex::new(m.attrs())
            .unwrap()
            .data()
            .unwrap()
            .unwrap()
            .cadt()
            .raw(),
    )
    .unwrap();
    assert_eq!(
        c.cadt_flags().unwrap(),
        Some(IPSET_FLAG_WITH_COUNTERS | IPSET_FLAG_WITH_COMMENT)
    );
    assert_eq!(cmd_name(7), Some("IPSET_CMD_LIST"));
}

proptest! {
    /// For every ipset table: decode -> emit -> decode gives the same value.
    #[test]
    fn every_ipset_table_reencodes_stably(bytes in attr_list(32, 20)) {
        for solo in each_alone(&bytes) {
            let a = AttrIter::new(&solo).next().unwrap().unwrap();
            prop_assert_reencodes_stably!(a; IpsetAttr, IpsetCadtAttr, IpsetAdtAttr, IpsetIpAddrAttr,
                IpsetAdtListAttr);
        }
    }
}
