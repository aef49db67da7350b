//! The other languages' string tables travel as JSON (`public/i18n/<code>.json`), fetched when a
//! language is first used, so the first load carries English only however many languages there
//! are. The Rust tables in `src/lang/<code>.rs` stay the source (a missing string is still a
//! compile error, in the native build); a native test writes and checks the JSON files from them
//! (`./x i18n` rewrites them after a translation changes).
//!
//! The tables hold `&'static str`: a bundle's strings are leaked once when it is installed (at
//! most one bundle per language, for the page's lifetime), so every view keeps using plain
//! `&'static str` whichever language is shown.

use crate::about_text::AboutStrings;
use crate::i18n::{Lang, Strings};
use crate::stats_text::StatsStrings;
use crate::wizard_text::WizardStrings;
use serde::{Deserialize, Serialize};
use std::cell::RefCell;

/// One language's four string tables.
#[derive(Serialize, Deserialize)]
// The tables hold `&'static str`, so only a `'static` deserializer (`leak::Leak`) can make one.
#[serde(bound(deserialize = "'de: 'static"))]
pub struct Bundle {
    pub strings: Strings,
    pub wizard: WizardStrings,
    pub about: AboutStrings,
    pub stats: StatsStrings,
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

/// Parse and install `lang`'s bundle from its JSON. A bundle that lacks a string, or is not a
/// bundle, is refused as a whole (the language is not offered half-translated).
pub fn install(lang: Lang, json: &str) -> Result<(), String> {
    if is_ready(lang) {
        return Ok(());
    }
    let value: serde_json::Value = serde_json::from_str(json).map_err(|e| format!("i18n/{}.json: {e}", lang.code()))?;
    let bundle = Bundle::deserialize(leak::Leak(value)).map_err(|e| format!("i18n/{}.json: {e}", lang.code()))?;
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

/// For `#[serde(deserialize_with)]`: a list as a leaked `&'static` slice.
pub fn leak_slice<'de, D, T>(d: D) -> Result<&'static [T], D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de> + 'static,
{
    Vec::<T>::deserialize(d).map(|v| &*Box::leak(v.into_boxed_slice()))
}

/// A JSON value whose strings deserialize as `&'static str` (leaked).
mod leak {
    use serde::de::value::{MapDeserializer, SeqDeserializer};
    use serde::de::{Deserializer, IntoDeserializer, Visitor};
    use serde_json::{Error, Value};

    pub struct Leak(pub Value);

    impl<'de> IntoDeserializer<'de, Error> for Leak {
        type Deserializer = Leak;
        fn into_deserializer(self) -> Leak {
            self
        }
    }

    impl<'de> Deserializer<'de> for Leak {
        type Error = Error;

        fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
            match self.0 {
                Value::String(s) => visitor.visit_borrowed_str(Box::leak(s.into_boxed_str())),
                Value::Array(a) => {
                    let mut seq = SeqDeserializer::new(a.into_iter().map(Leak));
                    let v = visitor.visit_seq(&mut seq)?;
                    seq.end()?;
                    Ok(v)
                }
                Value::Object(m) => {
                    let mut map = MapDeserializer::new(m.into_iter().map(|(k, v)| (k, Leak(v))));
                    let v = visitor.visit_map(&mut map)?;
                    map.end()?;
                    Ok(v)
                }
                other => other.deserialize_any(visitor),
            }
        }

        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf option
            unit unit_struct newtype_struct seq tuple tuple_struct map struct enum identifier ignored_any
        }
    }
}

/// The JSON files are generated from the Rust tables and must match them.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod files {
    use super::*;

    #[derive(Serialize)]
    struct BundleRef<'a> {
        strings: &'a Strings,
        wizard: &'a WizardStrings,
        about: &'a AboutStrings,
        stats: &'a StatsStrings,
    }

    fn compiled(lang: Lang) -> BundleRef<'static> {
        use crate::lang::{de, es, fr, it, pt};
        match lang {
            Lang::Fr => BundleRef { strings: &fr::STRINGS, wizard: &fr::WIZARD, about: &fr::ABOUT, stats: &fr::STATS },
            Lang::Es => BundleRef { strings: &es::STRINGS, wizard: &es::WIZARD, about: &es::ABOUT, stats: &es::STATS },
            Lang::De => BundleRef { strings: &de::STRINGS, wizard: &de::WIZARD, about: &de::ABOUT, stats: &de::STATS },
            Lang::It => BundleRef { strings: &it::STRINGS, wizard: &it::WIZARD, about: &it::ABOUT, stats: &it::STATS },
            Lang::Pt => BundleRef { strings: &pt::STRINGS, wizard: &pt::WIZARD, about: &pt::ABOUT, stats: &pt::STATS },
            Lang::En => BundleRef {
                strings: &crate::i18n::EN,
                wizard: &crate::wizard_text::WIZARD_EN,
                about: &crate::about_text::ABOUT_EN,
                stats: &crate::stats_text::STATS_EN,
            },
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
            let json = serde_json::to_string(&compiled(lang)).expect("serialise") + "\n";
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
            let back = get(lang).expect("installed");
            let again = serde_json::to_string(&BundleRef {
                strings: &back.strings,
                wizard: &back.wizard,
                about: &back.about,
                stats: &back.stats,
            })
            .expect("serialise")
                + "\n";
            assert_eq!(again, json, "{} round trip", lang.code());
        }
    }

    #[test]
    fn a_broken_or_incomplete_bundle_is_refused_whole() {
        let full = serde_json::to_string(&compiled(Lang::Fr)).expect("serialise");
        let mut v: serde_json::Value = serde_json::from_str(&full).expect("json");
        v["strings"].as_object_mut().expect("object").remove("app_name");
        // Tested on German, French and Spanish so the other test's installs don't interfere.
        assert!(install(Lang::De, &v.to_string()).unwrap_err().contains("app_name"));
        assert!(install(Lang::Es, "{").is_err());
        assert!(install(Lang::It, "[1, 2]").is_err());
        assert!(!is_ready(Lang::De) && !is_ready(Lang::Es) && !is_ready(Lang::It));
    }
}
