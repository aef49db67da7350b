//! File sizes of a build: raw, gzip (level 9) and brotli (quality 11), as a static host would
//! serve them pre-compressed.

use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Clone, Debug, PartialEq)]
pub struct FileSize {
    /// Path relative to the measured folder, with `/` separators.
    pub path: String,
    pub raw: usize,
    pub gzip: usize,
    pub brotli: usize,
}

/// Measure every file below `dir`, sorted by path.
pub fn measure(dir: &Path) -> Result<Vec<FileSize>, String> {
    let mut files = Vec::new();
    walk(dir, &mut files).map_err(|e| format!("{}: {e}", dir.display()))?;
    files.sort();
    let mut rows = Vec::new();
    for f in files {
        let bytes = std::fs::read(&f).map_err(|e| format!("{}: {e}", f.display()))?;
        let path = f.strip_prefix(dir).unwrap_or(&f).to_string_lossy().replace('\\', "/");
        rows.push(FileSize { path, raw: bytes.len(), gzip: gzip_len(&bytes), brotli: brotli_len(&bytes) });
    }
    Ok(rows)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for e in std::fs::read_dir(dir)? {
        let p = e?.path();
        if p.is_dir() {
            walk(&p, out)?;
        } else {
            out.push(p);
        }
    }
    Ok(())
}

pub fn gzip_len(bytes: &[u8]) -> usize {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    let _ = enc.write_all(bytes);
    enc.finish().map(|v| v.len()).unwrap_or(0)
}

pub fn brotli_len(bytes: &[u8]) -> usize {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams { quality: 11, lgwin: 22, ..Default::default() };
    match brotli::BrotliCompress(&mut &bytes[..], &mut out, &params) {
        Ok(_) => out.len(),
        Err(_) => 0,
    }
}

/// Files a first visit to Explore downloads itself (not lazily loaded data, nor the service
/// worker and its precache, registered once the page is idle): the shell, JS, WASM, CSS and the
/// pairings. Of the pre-rendered pages, Explore's (`index.html`) is the one it loads, and it
/// hands the basemap it has drawn to the app (`src/takeover.rs`), so `data/world.json` is not
/// fetched (e2e `prerender::a_pre_rendered_map_hands_its_basemap_to_the_app_instead_of_a_second_download`).
/// The other languages' strings (`i18n/`) are not counted: a visit in one of them adds that one
/// file (≈ 8 KB). Nor are the WASM chunks of the routes loaded when first used (`split_*.wasm`,
/// and `chunk_*.wasm` for code they share; see `crate::split`): only the main module
/// (`*_bg.wasm`) and the chunks' loader.
pub fn is_first_load(path: &str) -> bool {
    !((path.ends_with(".html") && path != "index.html")
        || (path.ends_with(".wasm") && !path.ends_with("_bg.wasm"))
        || path.ends_with("gazetteer.json")
        || path == "data/world.json"
        || path == "sw.js"
        || path.starts_with("i18n/")
        || path.ends_with("eligibility.json")
        || path.ends_with(".schema.json")
        || path.ends_with(".png")
        || path.ends_with(".md")
        || path.starts_with("embed"))
}

/// A printable table with totals.
pub fn table(rows: &[FileSize]) -> String {
    let mut s = format!("{:<48} {:>10} {:>10} {:>10}\n", "file", "raw", "gzip", "brotli");
    let (mut r, mut g, mut b) = (0, 0, 0);
    let (mut fr, mut fg, mut fb) = (0, 0, 0);
    for f in rows {
        s += &format!("{:<48} {:>10} {:>10} {:>10}\n", f.path, f.raw, f.gzip, f.brotli);
        r += f.raw;
        g += f.gzip;
        b += f.brotli;
        if is_first_load(&f.path) {
            fr += f.raw;
            fg += f.gzip;
            fb += f.brotli;
        }
    }
    s += &format!("{:<48} {:>10} {:>10} {:>10}\n", "TOTAL", r, g, b);
    s += &format!("{:<48} {:>10} {:>10} {:>10}\n", "first load of Explore", fr, fg, fb);
    s
}

pub fn to_json(rows: &[FileSize]) -> serde_json::Value {
    let first: usize = rows.iter().filter(|f| is_first_load(&f.path)).map(|f| f.brotli).sum();
    serde_json::json!({
        "files": rows.iter().map(|f| serde_json::json!({"path": f.path, "raw": f.raw, "gzip": f.gzip, "brotli": f.brotli})).collect::<Vec<_>>(),
        "total_brotli": rows.iter().map(|f| f.brotli).sum::<usize>(),
        "first_load_brotli": first,
        "wasm_brotli": rows.iter().filter(|f| f.path.ends_with(".wasm")).map(|f| f.brotli).sum::<usize>(),
        // Explore's: the main module alone (the routes' chunks are loaded when first used).
        "first_load_wasm_brotli": rows.iter().filter(|f| f.path.ends_with("_bg.wasm")).map(|f| f.brotli).sum::<usize>(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compression_shrinks_repetitive_data_and_brotli_beats_gzip_on_text() {
        let text = "pairing ".repeat(1000);
        let (g, b) = (gzip_len(text.as_bytes()), brotli_len(text.as_bytes()));
        assert!(g > 0 && g < text.len() / 20, "gzip {g}");
        assert!(b > 0 && b <= g, "brotli {b} gzip {g}");
    }

    #[test]
    fn the_first_load_leaves_out_lazily_fetched_files() {
        for first in [
            "index.html",
            "iuc-explorer-0a1b_bg.wasm",
            "__wasm_split-0123456789abcdef.js",
            "main-1.css",
            "data/pairings.json",
        ] {
            assert!(is_first_load(first), "{first}");
        }
        for lazy in [
            "data/gazetteer.json",
            "data/world.json",
            "sw.js",
            "data/eligibility.json",
            "i18n/fr.json",
            "icons/icon-any-192.png",
            "embed.js",
            "about.html",
            "pairing/rome--yantai.html",
            "shell.html",
            "split_wizard_3338075407910154966-806aa8359dd96d52.wasm",
            "chunk_3-35a7dd9da500eae4.wasm",
        ] {
            assert!(!is_first_load(lazy), "{lazy}");
        }
    }

    #[test]
    fn the_table_totals_its_rows() {
        let rows = vec![
            FileSize { path: "a_bg.wasm".into(), raw: 10, gzip: 5, brotli: 4 },
            FileSize { path: "data/gazetteer.json".into(), raw: 7, gzip: 3, brotli: 2 },
        ];
        let t = table(&rows);
        assert!(t.contains("TOTAL") && t.lines().any(|l| l.starts_with("TOTAL") && l.ends_with(" 6")), "{t}");
        assert!(t.lines().any(|l| l.starts_with("first load") && l.ends_with(" 4")), "{t}");
    }
}
