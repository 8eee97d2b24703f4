//! The attribute visitors of links, addresses, neighbours and rules (`LinkVisitor`, ...):
//! on every message of the captured dumps, a visitor sees the same typed values, unknown
//! attributes and errors, in the same order, as the typed walk (`iter`). Routes have their
//! full-set check in rtnl_route.rs.

use ferroute_codec::nl::{Attr, Error};
use ferroute_codec::rtnl::{addr, link, neigh, rule};
use ferroute_tests::{Fixtures, messages};

/// Defines a recorder for one family: the two typed methods given, `unknown` and
/// `invalid`, pushed as the family's enum; and a test comparing it with the typed walk
/// (`$walk`, kept to the same variants) over the fixture files given.
macro_rules! visit_matches_walk {
    ($test:ident, $m:ident, $msg:ident, $vt:ident, $enm:ident, $walk:ident, [$($getter:ident => $var:ident: $t:ty),*], [$(($dir:literal, $file:literal)),*]) => {
        #[test]
        fn $test() {
            #[derive(Default)]
            struct Rec<'a>(Vec<Result<$m::$enm<'a>, Error>>);
            impl<'a> $m::$vt<'a> for Rec<'a> {
                $(
                    fn $getter(&mut self, v: $t) {
                        self.0.push(Ok($m::$enm::$var(v)));
                    }
                )*
                fn unknown(&mut self, a: Attr<'a>) {
                    self.0.push(Ok($m::$enm::Other(a)));
                }
                fn invalid(&mut self, e: Error) {
                    self.0.push(Err(e));
                }
            }
            let mut seen = 0;
            for (dir, file) in [$(($dir, $file)),*] {
                let bytes = Fixtures(dir).bytes(file);
                for msg in messages(&bytes) {
                    let Ok(x) = $m::$msg::parse(msg) else { continue };
                    let mut rec = Rec::default();
                    x.visit(&mut rec);
                    let walk: Vec<_> = x
                        .$walk()
                        .filter(|a| matches!(a, Err(_) | Ok($m::$enm::Other(_)) $(| Ok($m::$enm::$var(_)))*))
                        .collect();
                    assert_eq!(rec.0, walk, "{file}");
                    seen += rec.0.iter().filter(|a| !matches!(a, Ok($m::$enm::Other(_)))).count();
                }
            }
            assert!(seen > 0, "no attribute of the methods given was visited");
        }
    };
}

visit_matches_walk!(link_visitor, link, LinkMsg, LinkVisitor, LinkAttr, attrs,
    [ifname => IfName: &'a str, mtu => Mtu: u32],
    [("link", "dump.bin"), ("link", "bridge-dump.bin")]);
visit_matches_walk!(addr_visitor, addr, AddrMsg, AddrVisitor, AddrAttr, iter,
    [address => Address: std::net::IpAddr, label => Label: &'a str],
    [("route", "addr-dump.bin")]);
visit_matches_walk!(neigh_visitor, neigh, NeighMsg, NeighVisitor, NeighAttr, iter,
    [dst => Dst: std::net::IpAddr, lladdr => Lladdr: &'a [u8]],
    [("route", "neigh4-dump.bin"), ("route", "neigh6-dump.bin"), ("route", "fdb-dump.bin")]);
visit_matches_walk!(rule_visitor, rule, RuleMsg, RuleVisitor, RuleAttr, iter,
    [priority => Priority: u32, table => Table: u32],
    [("route", "rule4-dump.bin"), ("route", "rule6-dump.bin")]);
