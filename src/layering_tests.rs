//! The crate's layers, checked on its source (ARCHITECTURE.md, "Layers"): a feature imports no
//! other feature and not the shell; a shared module imports no feature and not the shell. So a
//! feature can become a chunk, move or go without pulling the rest of the app along.

use std::collections::BTreeSet;
use std::path::Path;

/// The features: each its own folder. (Explore's statistics and its "Embed this view" dialog
/// are parts of Explore, in its folder.)
const FEATURES: [&str; 3] = ["explore", "wizard", "about"];
/// The shell: the router and start-up (`lib.rs`, `main.rs`, `bin/`), which put the features
/// together, and the pre-renderer.
const SHELL: [&str; 5] = ["app", "lib", "main", "bin", "prerender"];
/// Below the features, shared by them and the shell.
const SHARED: [&str; 9] = ["paths", "loaded", "data", "dom", "i18n", "embed", "lazy", "takeover", "lang"];

/// The crate modules a source file refers to (`crate::x…`), outside comments, with the path
/// that follows each.
fn references(text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for line in text.lines().map(str::trim_start).filter(|l| !l.starts_with("//")) {
        for (k, _) in line.match_indices("crate::") {
            // Not `iuc_crate::`-like identifiers ending in "crate".
            if line[..k].ends_with(|c: char| c.is_alphanumeric() || c == '_') {
                continue;
            }
            let path: String =
                line[k + 7..].chars().take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':').collect();
            let module = match path.split("::").next().unwrap_or("") {
                // `#[macro_export]` puts `lang::bundle`'s and `lazy`'s macros at the crate's root.
                "string_table" => "lang",
                "lazy_route" => "lazy",
                m => m,
            }
            .to_string();
            out.push((module, path));
        }
    }
    out
}

/// Every `.rs` file under `dir`, with its text.
fn sources(dir: &Path, out: &mut Vec<(String, String)>) {
    for entry in std::fs::read_dir(dir).expect("src/").flatten() {
        let p = entry.path();
        if p.is_dir() {
            sources(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push((p.display().to_string(), std::fs::read_to_string(&p).expect("read")));
        }
    }
}

/// The layer a file is in: the first folder or file name under `src/`.
fn module_of(root: &Path, file: &str) -> String {
    let rel = Path::new(file).strip_prefix(root).expect("under src/");
    let first = rel.components().next().expect("a name").as_os_str().to_string_lossy();
    first.trim_end_matches(".rs").to_string()
}

#[test]
fn features_import_no_other_feature_and_shared_modules_import_no_feature() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&root, &mut files);
    let mut broken = BTreeSet::new();
    let mut seen = BTreeSet::new();
    for (file, text) in &files {
        let own = module_of(&root, file);
        seen.insert(own.clone());
        for (module, path) in references(text) {
            let ok = if FEATURES.contains(&own.as_str()) {
                module == own || SHARED.contains(&module.as_str())
            } else if SHARED.contains(&own.as_str()) {
                SHARED.contains(&module.as_str())
                    // The string tables of every language hold each feature's strings: `lang`
                    // reads the features' `text` modules (types and English tables only).
                    || (own == "lang" && FEATURES.contains(&module.as_str()) && path.split("::").any(|s| s == "text"))
            } else {
                true // the shell, the crate root, the tests
            };
            if !ok {
                broken.insert(format!("{file}: crate::{path}"));
            }
        }
    }
    assert!(broken.is_empty(), "imports across the layers:\n{}", broken.into_iter().collect::<Vec<_>>().join("\n"));
    // Every module of the crate is in a layer (a new one is placed on purpose).
    for m in seen {
        let placed = FEATURES.contains(&m.as_str())
            || SHARED.contains(&m.as_str())
            || SHELL.contains(&m.as_str())
            || m == "layering_tests";
        assert!(placed, "src/{m}: not in a layer; add it to FEATURES, SHARED or SHELL here");
    }
}

#[test]
fn the_check_sees_imports_and_ignores_comments() {
    let text =
        "use crate::explore::stats::text::X;\n    // crate::app in a comment\n let a = crate::paths::href(\"/\");";
    let refs = references(text);
    assert_eq!(
        refs,
        vec![
            ("explore".to_string(), "explore::stats::text::X".to_string()),
            ("paths".to_string(), "paths::href".to_string())
        ]
    );
}
