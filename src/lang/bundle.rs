//! The other languages' string tables travel as JSON (`public/i18n/<code>.json`), fetched when a
//! language is first used, so the first load carries English only however many languages there
//! are. The Rust tables in `src/lang/<code>.rs` stay the source (a missing string is still a
//! compile error, in the native build); a native test writes and checks the JSON files from them
//! (`./x i18n` rewrites them after a translation changes).
//!
//! A bundle is a JSON array of strings: a header naming the format and a fingerprint of the
//! tables' field names, then every field of the four tables in declaration order
//! ([`string_table!`](crate::string_table) generates the order and the reading code, far smaller
//! in WASM than serde's derived deserializers). A bundle from another version of the tables is
//! refused whole (the language is never shown half-translated or with strings in the wrong
//! places). The tables hold `&'static str`: a bundle's strings are leaked once when it is
//! installed (at most one bundle per language, for the page's lifetime).

use crate::about::text::AboutStrings;
use crate::explore::stats::text::StatsStrings;
use crate::i18n::{Lang, Strings};
use crate::wizard::text::WizardStrings;
use std::cell::RefCell;

/// Defines a string table: the struct, its field names in order, and its flat form (see the
/// module docs). Fields are `&'static str`, arrays of them, or lists of pairs ([`Flat`]).
#[macro_export]
#[doc(hidden)]
macro_rules! string_table {
    ($(#[$sm:meta])* pub struct $name:ident { $( $(#[$fm:meta])* pub $field:ident : $ty:ty, )* }) => {
        $(#[$sm])*
        pub struct $name { $( $(#[$fm])* pub $field: $ty, )* }
        impl $name {
            /// The field names, in declaration order.
            pub const FIELDS: &'static [&'static str] = &[$(stringify!($field)),*];
            /// Append every field's strings, in order.
            pub fn to_flat(&self, out: &mut Vec<String>) {
                $( $crate::lang::bundle::Flat::put(&self.$field, out); )*
            }
            /// Read the table back from [`Self::to_flat`]'s strings (`None` if they run out).
            /// Each field is filled in place by one call, not built by inlined code: a few bytes of
            /// WASM a field, where there are some 400 of them.
            pub fn from_flat(it: &mut dyn Iterator<Item = &'static str>) -> Option<Self> {
                let mut table = Self { $( $field: <$ty as $crate::lang::bundle::Flat>::EMPTY, )* };
                $( if !$crate::lang::bundle::Flat::fill(&mut table.$field, it) { return None; } )*
                Some(table)
            }
        }
    };
}

/// A string-table field as a run of strings.
pub trait Flat: Sized {
    /// A value to fill in (see [`Flat::fill`]).
    const EMPTY: Self;
    fn put(&self, out: &mut Vec<String>);
    /// Replace the value with the next strings; `false` if they run out or do not fit.
    fn fill(&mut self, it: &mut dyn Iterator<Item = &'static str>) -> bool;
}

impl Flat for &'static str {
    const EMPTY: Self = "";
    fn put(&self, out: &mut Vec<String>) {
        out.push(self.to_string());
    }
    #[inline(never)]
    fn fill(&mut self, it: &mut dyn Iterator<Item = &'static str>) -> bool {
        it.next().map(|s| *self = s).is_some()
    }
}

impl<const N: usize> Flat for [&'static str; N] {
    const EMPTY: Self = [""; N];
    fn put(&self, out: &mut Vec<String>) {
        out.extend(self.iter().map(|s| s.to_string()));
    }
    fn fill(&mut self, it: &mut dyn Iterator<Item = &'static str>) -> bool {
        self.iter_mut().all(|s| s.fill(it))
    }
}

/// A list of pairs: its length, then the pairs.
impl Flat for &'static [(&'static str, &'static str)] {
    const EMPTY: Self = &[];
    fn put(&self, out: &mut Vec<String>) {
        out.push(self.len().to_string());
        for (a, b) in self.iter() {
            out.push(a.to_string());
            out.push(b.to_string());
        }
    }
    fn fill(&mut self, it: &mut dyn Iterator<Item = &'static str>) -> bool {
        let Some(n) = it.next().and_then(|n| n.parse::<usize>().ok()).filter(|n| *n <= 1_000) else { return false };
        let pairs: Option<Vec<(&'static str, &'static str)>> = (0..n).map(|_| Some((it.next()?, it.next()?))).collect();
        pairs.map(|v| *self = Box::leak(v.into_boxed_slice())).is_some()
    }
}

/// One language's four string tables.
pub struct Bundle {
    pub strings: Strings,
    pub wizard: WizardStrings,
    pub about: AboutStrings,
    pub stats: StatsStrings,
}

/// The first string of a bundle: the format and a fingerprint (FNV-1a) of every field name.
pub fn header() -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for f in [Strings::FIELDS, WizardStrings::FIELDS, AboutStrings::FIELDS, StatsStrings::FIELDS].concat() {
        for b in f.bytes().chain([b',']) {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("iuc-i18n 1 {h:016x}")
}

thread_local! {
    static INSTALLED: RefCell<Vec<(Lang, &'static Bundle)>> = const { RefCell::new(Vec::new()) };
}

/// The installed bundle of `lang` (never English, whose tables are compiled in).
pub fn get(lang: Lang) -> Option<&'static Bundle> {
    INSTALLED.with_borrow(|v| v.iter().find(|(l, _)| *l == lang).map(|(_, b)| *b))
}

/// Whether `lang` can be shown now (English always can).
pub fn is_ready(lang: Lang) -> bool {
    lang == Lang::En || get(lang).is_some()
}

/// Parse and install `lang`'s bundle from its JSON; refused whole unless it is exactly a bundle
/// of this version's tables.
pub fn install(lang: Lang, json: &str) -> Result<(), String> {
    if is_ready(lang) {
        return Ok(());
    }
    let file = format!("i18n/{}.json", lang.code());
    let list: Vec<String> = serde_json::from_str(json).map_err(|e| format!("{file}: {e}"))?;
    if list.first().map(String::as_str) != Some(header().as_str()) {
        return Err(format!("{file} is not a string bundle of this version of the app"));
    }
    let n = list.len();
    let mut it = list.into_iter().skip(1).map(|s| &*Box::leak(s.into_boxed_str()));
    let bundle = (|| {
        let b = Bundle {
            strings: Strings::from_flat(&mut it)?,
            wizard: WizardStrings::from_flat(&mut it)?,
            about: AboutStrings::from_flat(&mut it)?,
            stats: StatsStrings::from_flat(&mut it)?,
        };
        it.next().is_none().then_some(b)
    })()
    .ok_or_else(|| format!("{file}: {n} strings do not fill this version's tables"))?;
    let bundle: &'static Bundle = Box::leak(Box::new(bundle));
    INSTALLED.with_borrow_mut(|v| v.push((lang, bundle)));
    Ok(())
}

/// Make `lang` ready to show: fetch and install its bundle unless it is already there.
pub async fn load(lang: Lang) -> Result<(), String> {
    if is_ready(lang) {
        return Ok(());
    }
    let json = crate::data::fetch_text(&format!("i18n/{}.json", lang.code())).await.map_err(|e| e.to_string())?;
    install(lang, &json)
}

/// The JSON text of a bundle (one string per line, so a changed translation is a one-line diff).
pub fn to_json(strings: &Strings, wizard: &WizardStrings, about: &AboutStrings, stats: &StatsStrings) -> String {
    let mut out = vec![header()];
    strings.to_flat(&mut out);
    wizard.to_flat(&mut out);
    about.to_flat(&mut out);
    stats.to_flat(&mut out);
    serde_json::to_string_pretty(&out).unwrap_or_default() + "\n"
}

/// The JSON files are generated from the Rust tables and must match them.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod files {
    use super::*;

    fn compiled(lang: Lang) -> String {
        use crate::lang::{de, es, fr, it, pt};
        match lang {
            Lang::Fr => to_json(&fr::STRINGS, &fr::WIZARD, &fr::ABOUT, &fr::STATS),
            Lang::Es => to_json(&es::STRINGS, &es::WIZARD, &es::ABOUT, &es::STATS),
            Lang::De => to_json(&de::STRINGS, &de::WIZARD, &de::ABOUT, &de::STATS),
            Lang::It => to_json(&it::STRINGS, &it::WIZARD, &it::ABOUT, &it::STATS),
            Lang::Pt => to_json(&pt::STRINGS, &pt::WIZARD, &pt::ABOUT, &pt::STATS),
            Lang::En => to_json(
                &crate::i18n::EN,
                &crate::wizard::text::WIZARD_EN,
                &crate::about::text::ABOUT_EN,
                &crate::explore::stats::text::STATS_EN,
            ),
        }
    }

    fn path(lang: Lang) -> std::path::PathBuf {
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("public/i18n/{}.json", lang.code()))
    }

    /// `UPDATE_I18N=1` (what `./x i18n` sets) rewrites the files instead of checking them.
    #[test]
    fn the_bundles_in_public_i18n_are_the_translations() {
        let update = std::env::var("UPDATE_I18N").is_ok_and(|v| v == "1");
        for lang in Lang::ALL.into_iter().filter(|l| *l != Lang::En) {
            let json = compiled(lang);
            if update {
                std::fs::create_dir_all(path(lang).parent().expect("dir")).expect("mkdir");
                std::fs::write(path(lang), &json).expect("write");
            }
            let on_disk = std::fs::read_to_string(path(lang)).unwrap_or_default();
            assert!(
                on_disk == json,
                "{} is not what src/lang/{}.rs says: run `./x i18n` and commit the file",
                path(lang).display(),
                lang.code()
            );
            // And it reads back as the same tables.
            install(lang, &on_disk).expect("the bundle installs");
            let b = get(lang).expect("installed");
            assert_eq!(to_json(&b.strings, &b.wizard, &b.about, &b.stats), json, "{} round trip", lang.code());
        }
    }

    #[test]
    fn a_broken_short_long_or_foreign_bundle_is_refused_whole() {
        let good: Vec<String> = serde_json::from_str(&compiled(Lang::Fr)).expect("json");
        let short = serde_json::to_string(&good[..good.len() - 1]).expect("json");
        let mut long = good.clone();
        long.push("extra".into());
        let mut foreign = good.clone();
        foreign[0] = "iuc-i18n 1 0000000000000000".into();
        // Each language's install is tried once (a refused one stays not ready).
        assert!(install(Lang::De, &short).unwrap_err().contains("do not fill"));
        assert!(install(Lang::Es, &serde_json::to_string(&long).expect("json")).is_err());
        assert!(install(Lang::It, &serde_json::to_string(&foreign).expect("json")).unwrap_err().contains("version"));
        assert!(install(Lang::Pt, "{").is_err());
        assert!(install(Lang::Fr, "[1, 2]").is_err());
        assert!(Lang::ALL.into_iter().filter(|l| *l != Lang::En).all(|l| !is_ready(l)));
        // English needs no bundle.
        assert!(is_ready(Lang::En));
    }
}
