//! The two declaration macros of the codec: `wire_struct!` for fixed kernel structs and
//! `nla_set!` for attribute tables (the analogue of pyroute2's `nla_map`).
//!
//! Both are used inside this crate only; family modules declare their headers and
//! attribute sets with them so that every set is written down exactly once.

/// Declares a fixed-layout kernel struct as an unaligned zerocopy type.
///
/// Field kinds: `u8 i8 u16 i16 u32 i32 u64 i64` (native endian), `be16 be32 be64`
/// (network order) and `[u8; N]`. Each field gets a getter of the same name returning
/// the plain value, and the struct gets a [`Describe`](crate::nl::Describe) impl that
/// prints it as an object with the kernel's field names.
macro_rules! wire_struct {
    (
        $(#[$meta:meta])*
        $vis:vis struct $name:ident {
            $( $(#[$fmeta:meta])* $field:ident : $fty:tt ),* $(,)?
        }
    ) => {
        $(#[$meta])*
        #[repr(C)]
        #[derive(Clone, Copy, Default, PartialEq, Eq, Hash, Debug,
                 zerocopy::FromBytes, zerocopy::IntoBytes, zerocopy::KnownLayout,
                 zerocopy::Immutable, zerocopy::Unaligned)]
        $vis struct $name {
            $( $(#[$fmeta])* pub $field: wire_ty!($fty), )*
        }

        impl $name {
            /// Size of the struct on the wire, in bytes.
            pub const SIZE: usize = core::mem::size_of::<Self>();
            $(
                #[doc = concat!("`", stringify!($field), "` as a plain value.")]
                #[inline]
                pub fn $field(&self) -> wire_val!($fty) {
                    wire_get!($fty, self.$field)
                }
            )*
        }

        impl $crate::nl::Describe for $name {
            fn describe(&self, out: &mut dyn $crate::nl::Visitor) {
                out.begin_object();
                $(
                    out.key(stringify!($field));
                    out.scalar(wire_scalar!($fty, self.$field));
                )*
                out.end_object();
            }
        }

        #[cfg(feature = "defmt")]
        impl defmt::Format for $name {
            fn format(&self, f: defmt::Formatter<'_>) {
                defmt::write!(f, "{=str} {{", stringify!($name));
                $( defmt::write!(f, " {=str}: {}", stringify!($field), self.$field()); )*
                defmt::write!(f, " }}");
            }
        }
    };
}

macro_rules! wire_ty {
    (u8) => { u8 };
    (i8) => { i8 };
    (u16) => { zerocopy::byteorder::U16<zerocopy::byteorder::NativeEndian> };
    (i16) => { zerocopy::byteorder::I16<zerocopy::byteorder::NativeEndian> };
    (u32) => { zerocopy::byteorder::U32<zerocopy::byteorder::NativeEndian> };
    (i32) => { zerocopy::byteorder::I32<zerocopy::byteorder::NativeEndian> };
    (u64) => { zerocopy::byteorder::U64<zerocopy::byteorder::NativeEndian> };
    (i64) => { zerocopy::byteorder::I64<zerocopy::byteorder::NativeEndian> };
    (be16) => { zerocopy::byteorder::U16<zerocopy::byteorder::BigEndian> };
    (be32) => { zerocopy::byteorder::U32<zerocopy::byteorder::BigEndian> };
    (be64) => { zerocopy::byteorder::U64<zerocopy::byteorder::BigEndian> };
    ([u8; $n:expr]) => { [u8; $n] };
}

macro_rules! wire_val {
    (u8) => {
        u8
    };
    (i8) => {
        i8
    };
    (u16) => {
        u16
    };
    (i16) => {
        i16
    };
    (u32) => {
        u32
    };
    (i32) => {
        i32
    };
    (u64) => {
        u64
    };
    (i64) => {
        i64
    };
    (be16) => {
        u16
    };
    (be32) => {
        u32
    };
    (be64) => {
        u64
    };
    ([u8; $n:expr]) => {
        [u8; $n]
    };
}

macro_rules! wire_get {
    (u8, $e:expr) => {
        $e
    };
    (i8, $e:expr) => {
        $e
    };
    ([u8; $n:expr], $e:expr) => {
        $e
    };
    ($t:tt, $e:expr) => {
        $e.get()
    };
}

macro_rules! wire_scalar {
    (u8, $e:expr) => {
        $crate::nl::Scalar::U64($e as u64)
    };
    (i8, $e:expr) => {
        $crate::nl::Scalar::I64($e as i64)
    };
    (i16, $e:expr) => {
        $crate::nl::Scalar::I64($e.get() as i64)
    };
    (i32, $e:expr) => {
        $crate::nl::Scalar::I64($e.get() as i64)
    };
    (i64, $e:expr) => {
        $crate::nl::Scalar::I64($e.get())
    };
    ([u8; $n:expr], $e:expr) => {
        $crate::nl::Scalar::Hex(&$e[..])
    };
    ($t:tt, $e:expr) => {
        $crate::nl::Scalar::U64($e.get() as u64)
    };
}

/// Declares an attribute set once: constants, the typed enum, the one-pass index with
/// typed getters, names for decoding, and encoding through the enum.
///
/// ```ignore
/// nla_set! {
///     /// Top-level link attributes (IFLA_*).
///     pub struct LinkAttrs, enum LinkAttr, index LinkIndex;
///     /// Hardware address.
///     IFLA_ADDRESS = 1 => Address(address): LlAddr,
///     IFLA_MTU = 4 => Mtu(mtu): U32,
///     IFLA_LINKINFO = 18 => LinkInfo(linkinfo): Nested<LinkInfoAttrs>,
/// }
/// ```
///
/// Every kind is a type implementing [`Kind`](crate::nl::attr::Kind) (see
/// [`kind`](crate::nl::attr::kind)). An id missing from the table decodes as `Other(Attr)`
/// and re-encodes byte for byte. An optional `, describe_list = path` at the end of the
/// header line (`pub struct S, enum E, index I, describe_list = path;`) replaces the generic
/// list describer (for sets whose members depend on each other, such as IFLA_INFO_DATA
/// chosen by IFLA_INFO_KIND). An optional `, visitor V` after the index name adds the
/// trait `V` (a method per attribute, named like its getter) and `S::visit`, which hands
/// each attribute to its method with a single dispatch on the id.
macro_rules! nla_set {
    // no `visitor` named: nothing to add
    (@visitor [] $($rest:tt)*) => {};
    // the visitor trait and the set's `visit`: one dispatch on the id, straight to the
    // method for it (no enum built and matched again)
    (@visitor [$vis:vis $vt:ident] $set:ident; $( $cname:ident $id:literal $getter:ident $kind:ty; )*) => {
        #[doc = concat!("Receives the attributes of a [`", stringify!($set), "`] list one typed value at a time (see [`", stringify!($set), "::visit`]): one dispatch on the id, straight to the method for it. Every method does nothing unless implemented; with the implementation inlined, attributes nobody reads cost a jump.")]
        $vis trait $vt<'a> {
            $(
                #[doc = concat!("`", stringify!($cname), "`, decoded.")]
                #[inline]
                fn $getter(&mut self, v: <$kind as $crate::nl::attr::Kind<'a>>::T) {
                    let _ = v;
                }
            )*
            /// An attribute the set does not know, as it came.
            #[inline]
            fn unknown(&mut self, attr: $crate::nl::Attr<'a>) {
                let _ = attr;
            }
            /// An attribute whose payload does not decode (skipped; the walk goes on), or
            /// the framing error that ends the walk.
            #[inline]
            fn invalid(&mut self, err: $crate::nl::Error) {
                let _ = err;
            }
        }

        impl $set {
            #[doc = concat!("Walks `iter` and hands every attribute to the [`", stringify!($vt), "`] method for its id, decoded: the typed read of the enum walk with the single dispatch of the raw getters.")]
            #[inline]
            pub fn visit<'a, V: $vt<'a> + ?Sized>(iter: $crate::nl::AttrIter<'a>, v: &mut V) {
                for a in iter {
                    match a {
                        Ok(a) => match a.kind() {
                            $( $id => match <$kind as $crate::nl::attr::Kind<'a>>::decode(&a) {
                                Ok(x) => v.$getter(x),
                                Err(e) => v.invalid(e),
                            }, )*
                            _ => v.unknown(a),
                        },
                        Err(e) => v.invalid(e),
                    }
                }
            }
        }
    };
    (
        $(#[$meta:meta])*
        $vis:vis struct $set:ident, enum $enm:ident, index $idx:ident $(, visitor $vt:ident)? $(, describe_list = $dl:path)?;
        $(
            $(#[$ameta:meta])*
            $cname:ident = $id:literal => $var:ident ( $getter:ident ) : $kind:ty
        ),* $(,)?
    ) => {
        nla_set!(@visitor [$($vis $vt)?] $set; $( $cname $id $getter $kind; )*);

        $(
            $(#[$ameta])*
            #[doc = concat!("\n\n(`", stringify!($cname), "`, see [`", stringify!($enm), "::", stringify!($var), "`])")]
            pub const $cname: u16 = $id;
        )*

        $(#[$meta])*
        ///
        /// A marker type: the set's [`AttrSet`](crate::nl::AttrSet) impl names, decodes and
        /// describes its attributes.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
        $vis struct $set;

        impl $set {
            /// One more than the largest attribute id of the table (size of its index).
            pub const TB_LEN: usize = {
                let mut m = 1usize;
                $( if $id as usize + 1 > m { m = $id as usize + 1; } )*
                m
            };
        }

        #[doc = concat!("One decoded attribute of [`", stringify!($set), "`].")]
        #[derive(Debug, Clone, Copy, PartialEq)]
        #[non_exhaustive]
        $vis enum $enm<'a> {
            $(
                $(#[$ameta])*
                #[doc = concat!("\n\n`", stringify!($cname), "` (", stringify!($id), ")")]
                $var(<$kind as $crate::nl::attr::Kind<'a>>::T),
            )*
            /// An attribute the table does not know, kept as it came.
            Other($crate::nl::Attr<'a>),
        }

        impl<'a> $enm<'a> {
            /// Decodes one attribute; an unknown id gives `Other`.
            #[inline]
            pub fn decode(attr: $crate::nl::Attr<'a>) -> Result<Self, $crate::nl::Error> {
                match attr.kind() {
                    $( $id => <$kind as $crate::nl::attr::Kind<'a>>::decode(&attr).map($enm::$var), )*
                    _ => Ok($enm::Other(attr)),
                }
            }

            /// The attribute type (id) of this value.
            pub fn attr_type(&self) -> u16 {
                match self {
                    $( $enm::$var(_) => $id, )*
                    $enm::Other(a) => a.kind(),
                }
            }

            /// Appends this attribute to a message or nest under construction.
            pub fn emit<W: $crate::nl::NlaWriter + ?Sized>(&self, w: &mut W) -> Result<(), $crate::nl::Error> {
                match self {
                    $( $enm::$var(v) => <$kind as $crate::nl::attr::Kind<'a>>::encode(w, $id, v), )*
                    $enm::Other(a) => w.put_raw(a),
                }
            }
        }

        impl $crate::nl::AttrSet for $set {
            type Item<'a> = $enm<'a>;
            const SET_NAME: &'static str = stringify!($set);

            fn name(ty: u16) -> Option<&'static str> {
                match ty {
                    $( $id => Some(stringify!($cname)), )*
                    _ => None,
                }
            }

            fn decode<'a>(attr: $crate::nl::Attr<'a>) -> Result<$enm<'a>, $crate::nl::Error> {
                $enm::decode(attr)
            }

            fn describe_value(attr: &$crate::nl::Attr<'_>, ctx: &$crate::nl::Ctx, out: &mut dyn $crate::nl::Visitor) {
                match attr.kind() {
                    $( $id => match <$kind as $crate::nl::attr::Kind<'_>>::decode(attr) {
                        Ok(v) => <$kind as $crate::nl::attr::Kind<'_>>::describe(&v, ctx, out),
                        Err(e) => out.scalar($crate::nl::Scalar::Error(e)),
                    }, )*
                    _ => out.scalar($crate::nl::Scalar::Hex(attr.payload())),
                }
            }

            $(
                fn describe_list(iter: $crate::nl::AttrIter<'_>, ctx: &$crate::nl::Ctx, out: &mut dyn $crate::nl::Visitor) {
                    $dl(iter, ctx, out)
                }
            )?
        }

        #[doc = concat!("An index over a list of [`", stringify!($set), "`] attributes: O(1) typed lookups after one walk (libmnl's `tb[]`).")]
        ///
        /// `T` is where lookups go: an [`AttrIndex`](crate::nl::AttrIndex) built by a walk
        /// (the default, from `new`), or a [`LayoutIndex`](crate::nl::LayoutIndex) from a
        /// [`LayoutCache`](crate::nl::LayoutCache) (`index_cached` on the message view).
        #[derive(Debug, Clone)]
        $vis struct $idx<'a, T = $crate::nl::AttrIndex<'a, { $set::TB_LEN }>> {
            tb: T,
            _list: core::marker::PhantomData<&'a [u8]>,
        }

        impl<'a> $idx<'a> {
            /// Walks `iter` once and indexes every attribute by type (the last duplicate wins).
            /// A framing error (a bad `nla_len`) is returned; ids past the table are ignored.
            #[inline(always)]
            pub fn new(iter: $crate::nl::AttrIter<'a>) -> Result<Self, $crate::nl::Error> {
                Ok(Self::with_lookup($crate::nl::AttrIndex::new(iter)?))
            }
        }

        impl<'a, 'c> $idx<'a, $crate::nl::LayoutIndex<'a, 'c, { $set::TB_LEN }>> {
            /// Indexes `iter` through `cache`: without a walk when the list is laid out like
            /// the last one the cache saw (see [`LayoutCache`](crate::nl::LayoutCache)).
            #[inline(always)]
            pub fn cached(
                iter: $crate::nl::AttrIter<'a>,
                cache: &'c mut $crate::nl::LayoutCache<{ $set::TB_LEN }>,
            ) -> Result<Self, $crate::nl::Error> {
                Ok(Self::with_lookup(cache.index(iter)?))
            }
        }

        impl<'a, T: $crate::nl::AttrLookup<'a>> $idx<'a, T> {
            /// Typed lookups over an existing index.
            #[inline(always)]
            pub fn with_lookup(tb: T) -> Self {
                $idx { tb, _list: core::marker::PhantomData }
            }

            /// The raw attribute of type `ty`, if present.
            #[inline]
            pub fn get(&self, ty: u16) -> Option<$crate::nl::Attr<'a>> {
                self.tb.get(ty)
            }

            $(
                #[doc = concat!("`", stringify!($cname), "`, decoded; `Ok(None)` when absent.")]
                #[inline]
                pub fn $getter(&self) -> Result<Option<<$kind as $crate::nl::attr::Kind<'a>>::T>, $crate::nl::Error> {
                    match self.tb.get($id) {
                        Some(a) => <$kind as $crate::nl::attr::Kind<'a>>::decode(&a).map(Some),
                        None => Ok(None),
                    }
                }
            )*
        }
    };
}

/// Declares the typed view of one message kind: the struct over an [`NlMsg`] and its
/// fixed header, with `parse` (checks the type range and the header's size), `msg`,
/// `header`, `attrs`, `iter` (typed attributes), `index` (the one-pass index) and, given
/// `visitor: Set => Trait`, `visit` (see `nla_set!`'s visitor). Family modules add their
/// own accessors in a second `impl` block.
///
/// [`NlMsg`]: crate::nl::NlMsg
macro_rules! msg_view {
    (
        $(#[$meta:meta])*
        $vis:vis struct $name:ident {
            header: $hdr:ty,
            attr: $enm:ident,
            index: $iset:ident => $idx:ident,
            $(visitor: $vset:ident => $vt:ident,)?
            types: $lo:ident ..= $hi:ident $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy)]
        $vis struct $name<'a> {
            msg: $crate::nl::NlMsg<'a>,
            hdr: &'a $hdr,
        }

        impl<'a> $name<'a> {
            #[doc = concat!("Checks the type (", stringify!($lo), "..=", stringify!($hi), ") and that the header is whole.")]
            #[inline]
            pub fn parse(msg: $crate::nl::NlMsg<'a>) -> Result<Self, $crate::nl::Error> {
                if !($lo..=$hi).contains(&msg.nlmsg_type()) {
                    return Err($crate::nl::Error::new($crate::nl::ErrorKind::WrongType, msg.offset())
                        .with_msg_type(msg.nlmsg_type()));
                }
                Ok($name { msg, hdr: msg.fixed()? })
            }
            /// The netlink message.
            #[inline]
            pub fn msg(&self) -> $crate::nl::NlMsg<'a> {
                self.msg
            }
            #[doc = concat!("The fixed header (`", stringify!($hdr), "`), in place.")]
            #[inline]
            pub fn header(&self) -> &'a $hdr {
                self.hdr
            }
            /// The attribute walk.
            #[inline]
            pub fn attrs(&self) -> $crate::nl::AttrIter<'a> {
                self.msg.attrs::<$hdr>()
            }
            /// Typed attributes, one `Result` each (a bad one does not stop the others).
            #[inline]
            pub fn iter(&self) -> impl Iterator<Item = Result<$enm<'a>, $crate::nl::Error>> + use<'a> {
                self.attrs().map(|a| a.and_then($enm::decode))
            }
            /// A one-pass index for typed lookups.
            #[inline]
            pub fn index(&self) -> Result<$idx<'a>, $crate::nl::Error> {
                $idx::new(self.attrs())
            }
            /// The index through a [`LayoutCache`](crate::nl::LayoutCache): no walk when the
            /// attributes are laid out like the last message's the cache saw (as in a dump).
            #[inline(always)]
            pub fn index_cached<'c>(
                &self,
                cache: &'c mut $crate::nl::LayoutCache<{ $iset::TB_LEN }>,
            ) -> Result<$idx<'a, $crate::nl::LayoutIndex<'a, 'c, { $iset::TB_LEN }>>, $crate::nl::Error> {
                $idx::cached(self.attrs(), cache)
            }
            $(
                #[doc = concat!("Hands every attribute to the [`", stringify!($vt), "`] method for its id, decoded (see [`", stringify!($vset), "::visit`]).")]
                #[inline]
                pub fn visit<V: $vt<'a> + ?Sized>(&self, v: &mut V) {
                    $vset::visit(self.attrs(), v)
                }
            )?
        }
    };
}

#[cfg(test)]
mod tests {
    use crate::nl::attr::kind::*;
    use crate::nl::{AttrBuilder, AttrIter, AttrSet, Buffer, Ctx, NlaWriter, SliceBuf};

    wire_struct! {
        /// A test struct.
        pub struct Pair {
            a: u32,
            b: be16,
            c: [u8; 2],
        }
    }

    nla_set! {
        /// A test set.
        pub struct TestAttrs, enum TestAttr, index TestIndex, visitor TestVisitor;
        /// A number.
        T_NUM = 1 => Num(num): U32,
        T_NAME = 2 => Name(name): CStr,
        T_INNER = 3 => Inner(inner): NestedSet<TestAttrs>,
        T_PAIR = 5 => Pair(pair): Wire<Pair>,
    }

    #[allow(dead_code)]
    fn _unused() {}

    pub(super) fn describe_reversed(iter: AttrIter<'_>, _: &Ctx, out: &mut dyn crate::nl::Visitor) {
        out.scalar(crate::nl::Scalar::U64(iter.count() as u64));
    }

    #[allow(dead_code)]
    mod counted {
        use super::*;
        nla_set! {
            /// A set with its own list describer.
            pub struct CountedAttrs, enum CountedAttr, index CountedIndex, describe_list = describe_reversed;
            /// A number.
            C_NUM = 1 => Num(num): U32,
        }
    }
    use counted::*;

    #[test]
    fn describe_list_replaces_the_generic_describer() {
        struct Last(Option<u64>);
        impl crate::nl::Visitor for Last {
            fn scalar(&mut self, v: crate::nl::Scalar<'_>) {
                if let crate::nl::Scalar::U64(n) = v {
                    self.0 = Some(n)
                }
            }
            fn begin_list(&mut self) {}
            fn end_list(&mut self) {}
            fn begin_object(&mut self) {}
            fn key(&mut self, _: &str) {}
            fn end_object(&mut self) {}
        }
        let bytes = [8u8, 0, 1, 0, 5, 0, 0, 0, 8, 0, 1, 0, 6, 0, 0, 0];
        let mut v = Last(None);
        CountedAttrs::describe_list(AttrIter::new(&bytes), &Ctx::default(), &mut v);
        assert_eq!(v.0, Some(2));
        assert_eq!(
            CountedIndex::new(AttrIter::new(&bytes)).unwrap().num(),
            Ok(Some(6))
        );
        let _ = CountedAttr::Num(1).attr_type();
    }

    #[test]
    fn visitor_gets_each_attribute_typed_and_the_errors() {
        // what a visitor saw, in order
        #[derive(Default)]
        struct Seen {
            nums: [u32; 4],
            n: usize,
            name: Option<&'static str>,
            unknown: Option<u16>,
            invalid: [Option<(crate::nl::ErrorKind, u32)>; 2],
            e: usize,
        }
        impl TestVisitor<'static> for Seen {
            fn num(&mut self, v: u32) {
                if let Some(slot) = self.nums.get_mut(self.n) {
                    *slot = v;
                }
                self.n += 1;
            }
            fn name(&mut self, v: &'static str) {
                self.name = Some(v);
            }
            fn unknown(&mut self, a: crate::nl::Attr<'static>) {
                self.unknown = Some(a.kind());
            }
            fn invalid(&mut self, err: crate::nl::Error) {
                if let Some(slot) = self.invalid.get_mut(self.e) {
                    *slot = Some((err.kind, err.offset));
                }
                self.e += 1;
            }
        }
        // T_NUM 7, T_NAME "lo", unknown 9, T_NUM with a 2-byte payload (bad length),
        // T_NUM 8, then a header claiming more bytes than there are
        static BYTES: [u8; 48] = [
            8, 0, 1, 0, 7, 0, 0, 0, //
            7, 0, 2, 0, b'l', b'o', 0, 0, //
            6, 0, 9, 0, 1, 2, 0, 0, //
            6, 0, 1, 0, 3, 0, 0, 0, //
            8, 0, 1, 0, 8, 0, 0, 0, //
            12, 0, 1, 0, 0, 0, 0, 0,
        ];
        let mut seen = Seen::default();
        TestAttrs::visit(AttrIter::new(&BYTES), &mut seen);
        assert_eq!((seen.n, seen.nums), (2, [7, 8, 0, 0]));
        assert_eq!(seen.name, Some("lo"));
        assert_eq!(seen.unknown, Some(9));
        assert_eq!(seen.e, 2);
        assert_eq!(
            seen.invalid,
            [
                Some((
                    crate::nl::ErrorKind::BadAttrLen {
                        expected: 4,
                        got: 2
                    },
                    24
                )),
                Some((
                    crate::nl::ErrorKind::AttrLenOverrun { len: 12, left: 8 },
                    40
                )),
            ]
        );
        // a visitor that implements nothing sees nothing and fails nothing
        struct Nothing;
        impl TestVisitor<'_> for Nothing {}
        TestAttrs::visit(AttrIter::new(&BYTES), &mut Nothing);
    }

    #[test]
    fn table_decodes_indexes_and_reencodes() {
        let mut store = [0u8; 128];
        let mut w = AttrBuilder::new(SliceBuf::new(&mut store));
        TestAttr::Num(7).emit(&mut w).unwrap();
        TestAttr::Name("lo").emit(&mut w).unwrap();
        let n = w.nest_start(T_INNER).unwrap();
        w.put_u32(T_NUM, 8).unwrap();
        w.nest_end(n).unwrap();
        w.put_u16(9, 0xbeef).unwrap();
        w.put_bytes(T_PAIR, &[1, 0, 0, 0, 0, 2]).unwrap(); // older, shorter struct
        let buf = w.into_inner();
        let bytes = buf.as_slice();

        assert_eq!(TestAttrs::TB_LEN, 6);
        assert_eq!(TestAttrs::name(2), Some("T_NAME"));
        let idx = TestIndex::new(AttrIter::new(bytes)).unwrap();
        assert_eq!(idx.num(), Ok(Some(7)));
        assert_eq!(idx.name(), Ok(Some("lo")));
        let p = idx.pair().unwrap().unwrap();
        assert_eq!((p.a(), p.b(), p.c()), (1, 2, [0, 0]));
        let inner = idx.inner().unwrap().unwrap();
        assert_eq!(inner.iter().next().unwrap(), Ok(TestAttr::Num(8)));

        // the same typed getters through a layout cache, first by a walk, then by a match
        let mut cache = crate::nl::LayoutCache::new();
        for round in 0..2 {
            let c = TestIndex::cached(AttrIter::new(bytes), &mut cache).unwrap();
            assert_eq!(c.num(), Ok(Some(7)));
            assert_eq!(c.name(), Ok(Some("lo")));
            assert_eq!(c.pair(), idx.pair());
            assert_eq!(c.inner(), idx.inner());
            assert_eq!(c.get(9), idx.get(9), "an id past the table is not indexed");
            assert_eq!(cache.hits(), round);
        }

        // decode -> emit gives the same bytes, unknown attribute included
        let mut out = [0u8; 128];
        let mut w2 = AttrBuilder::new(SliceBuf::new(&mut out));
        for a in AttrIter::new(bytes) {
            TestAttr::decode(a.unwrap()).unwrap().emit(&mut w2).unwrap();
        }
        // Everything comes back byte for byte except the short struct, which a typed
        // re-encode writes at our full size (its missing tail zero-filled).
        let out = w2.into_inner();
        assert_eq!(out.as_slice()[..36], bytes[..36]);
        assert_eq!(out.as_slice()[36..], [12, 0, 5, 0, 1, 0, 0, 0, 0, 2, 0, 0]);
        assert_eq!(TestAttr::Name("x").attr_type(), T_NAME);
        assert!(idx.get(9).is_none());
        let raw = AttrIter::new(bytes).find(9).unwrap();
        assert_eq!(TestAttr::decode(raw), Ok(TestAttr::Other(raw)));
        assert_eq!(Pair::SIZE, 8);
        let _ = Ctx::default();
    }
}
