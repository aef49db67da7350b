//! Splitting the WASM by route: a trunk `post_build` hook (`cargo xtask split`, see Trunk.toml).
//!
//! Trunk 0.21 cannot split WASM (trunk-rs/trunk#1022), so it builds, binds and optimises one
//! module as usual, and this step then remakes its output from the same cargo build:
//!
//! 1. cargo linked the module with `--emit-relocs` (`.cargo/config.toml`), so
//!    `wasm_split_cli_support` can cut it at the split points that the app's `wasm_split`
//!    functions mark, beside the features they load (the app's `split` feature, which trunk's
//!    `rel="rust"` link turns on; see `src/lazy.rs`):
//!    a main module, one chunk per lazy function, chunks of code several of them share, and a
//!    JavaScript loader that fetches and instantiates a chunk when its function is first called;
//! 2. `wasm-bindgen --keep-lld-exports` binds the main module under trunk's own (hashed) name,
//!    so the page, `boot.js` and the service worker's hand-over find it where they expect;
//! 3. in a release build, `wasm-opt -Oz` optimises every part;
//! 4. the chunks and the loader are named by their content (`name-<16 hex>`, so hosts may cache
//!    them forever, like trunk's files) and written next to trunk's output.
//!
//! A module without split points (built without the `split` feature) is left as trunk made it.
//! When trunk splits by itself, drop this hook, the `split` feature's link flag and the
//! `--emit-relocs` flag (ARCHITECTURE.md, "Splitting the WASM").

use std::path::{Path, PathBuf};
use std::process::Command;

/// The crate's binary, as cargo names its WASM.
const BIN: &str = "iuc-explorer";
/// The loader's name as the splitter writes it (and the main module's import of it).
const LOADER: &str = "__wasm_split.js";
/// WASM features rustc's wasm32 target uses, for wasm-opt: the chunks carry no feature section
/// to detect them from (and `cargo xtask profile` keeps names, which loses it too).
pub const WASM_FEATURES: [&str; 6] = [
    "--enable-bulk-memory",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-mutable-globals",
    "--enable-reference-types",
    "--enable-multivalue",
];

/// What the split produced, for the build's log.
#[derive(Debug, Default)]
pub struct Report {
    /// (file name, bytes) of the main module and of each chunk, as written.
    pub files: Vec<(String, usize)>,
}

/// Split trunk's build in `staging` (its `TRUNK_STAGING_DIR`) for `profile` ("release" or
/// "debug"), reading cargo's module from `target_dir`.
pub fn run(staging: &Path, target_dir: &Path, profile: &str) -> Result<Report, String> {
    let input_path = target_dir.join("wasm32-unknown-unknown").join(profile).join(format!("{BIN}.wasm"));
    let input = std::fs::read(&input_path).map_err(|e| format!("{}: {e}", input_path.display()))?;
    let stem = trunk_stem(staging)?;
    let work = target_dir.join("wasm-split").join(profile);
    let _ = std::fs::remove_dir_all(&work);
    std::fs::create_dir_all(&work).map_err(|e| format!("{}: {e}", work.display()))?;

    let main_wasm = work.join("main.wasm");
    let main_module = format!("./{stem}.js");
    let mut opts = wasm_split_cli_support::Options::new(&input);
    opts.output_dir = &work;
    opts.main_out_path = &main_wasm;
    opts.main_module = &main_module;
    let link_name = format!("./{LOADER}");
    opts.link_name = &link_name;
    opts.target.web();
    let split = wasm_split_cli_support::transform(opts).map_err(|e| format!("wasm-split: {e:#}"))?;
    let optimise = profile == "release";
    if split.split_modules.is_empty() {
        // Nothing to split: optimise trunk's own output (index.html asks trunk not to).
        let out = staging.join(format!("{stem}_bg.wasm"));
        if optimise {
            let tmp = work.join("whole.wasm");
            finish_wasm(&out, &tmp, true)?;
            std::fs::copy(&tmp, &out).map_err(|e| e.to_string())?;
        }
        return Ok(Report { files: vec![(file_name(&out), size(&out))] });
    }

    // The main module, bound under trunk's name.
    let bound = work.join("bound");
    crate::run(
        Command::new("wasm-bindgen")
            .args(["--target", "web", "--no-typescript", "--keep-lld-exports", "--out-name", &stem, "--out-dir"])
            .arg(&bound)
            .arg(&main_wasm),
    )?;
    let mut report = Report::default();
    let main_out = staging.join(format!("{stem}_bg.wasm"));
    finish_wasm(&bound.join(format!("{stem}_bg.wasm")), &main_out, optimise)?;
    report.files.push((file_name(&main_out), size(&main_out)));

    // The chunks, named by their content; the loader refers to them by those names.
    let mut loader = read(&work.join(LOADER))?;
    for chunk in &split.split_modules {
        let name = file_name(chunk);
        let tmp = work.join(format!("opt-{name}"));
        finish_wasm(chunk, &tmp, optimise)?;
        let bytes = std::fs::read(&tmp).map_err(|e| e.to_string())?;
        let hashed = hashed_name(&name, &bytes);
        std::fs::write(staging.join(&hashed), &bytes).map_err(|e| e.to_string())?;
        loader = loader.replace(&format!("\"./{name}\""), &format!("\"./{hashed}\""));
        report.files.push((hashed, bytes.len()));
    }
    let loader_name = hashed_name(LOADER, loader.as_bytes());
    std::fs::write(staging.join(&loader_name), &loader).map_err(|e| e.to_string())?;
    // Only the glue's `import … from` names the file; its imports object keeps the module name
    // the WASM imports from.
    let js = read(&bound.join(format!("{stem}.js")))?
        .replace(&format!("from \"./{LOADER}\""), &format!("from \"./{loader_name}\""));
    if !js.contains(&loader_name) {
        return Err(format!("split: the glue {stem}.js does not import {LOADER} as expected"));
    }
    std::fs::write(staging.join(format!("{stem}.js")), js).map_err(|e| e.to_string())?;
    Ok(report)
}

/// The stem trunk gave the app's files (`iuc-explorer-<hash>`), from its `_bg.wasm`.
fn trunk_stem(staging: &Path) -> Result<String, String> {
    let entries = std::fs::read_dir(staging).map_err(|e| format!("{}: {e}", staging.display()))?;
    entries
        .filter_map(|e| e.ok())
        .filter_map(|e| e.file_name().into_string().ok())
        .find_map(|n| {
            n.strip_prefix(BIN).filter(|r| r.starts_with('-')).and(n.strip_suffix("_bg.wasm").map(String::from))
        })
        .ok_or_else(|| format!("no {BIN}-<hash>_bg.wasm in {}", staging.display()))
}

/// `name.ext` → `name-<16 hex of bytes>.ext`.
pub fn hashed_name(name: &str, bytes: &[u8]) -> String {
    let hash = iuc_core::dataset::fingerprint_bytes(bytes);
    match name.rsplit_once('.') {
        Some((stem, ext)) => format!("{stem}-{hash}.{ext}"),
        None => format!("{name}-{hash}"),
    }
}

/// Copy `from` to `to`, through `wasm-opt -Oz` (trunk's wasm-opt, with its cache) when asked.
fn finish_wasm(from: &Path, to: &Path, optimise: bool) -> Result<(), String> {
    if optimise {
        let mut c = Command::new("wasm-opt");
        c.arg(format!("--output={}", to.display())).arg("-Oz").arg(from).args(WASM_FEATURES);
        crate::run(&mut c)
    } else {
        std::fs::copy(from, to).map(|_| ()).map_err(|e| format!("{} → {}: {e}", from.display(), to.display()))
    }
}

fn read(p: &Path) -> Result<String, String> {
    std::fs::read_to_string(p).map_err(|e| format!("{}: {e}", p.display()))
}

fn file_name(p: &Path) -> String {
    p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}

fn size(p: &Path) -> usize {
    std::fs::metadata(p).map(|m| m.len() as usize).unwrap_or(0)
}

/// Where cargo builds: `CARGO_TARGET_DIR`, else `<root>/target`.
pub fn target_dir(root: &Path) -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR").map(PathBuf::from).unwrap_or_else(|| root.join("target"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunk_names_carry_their_content_hash_as_trunk_names_do() {
        let a = hashed_name("split_wizard_view_12.wasm", b"one");
        assert!(a.starts_with("split_wizard_view_12-") && a.ends_with(".wasm"), "{a}");
        assert_ne!(a, hashed_name("split_wizard_view_12.wasm", b"two"));
        assert_eq!(a, hashed_name("split_wizard_view_12.wasm", b"one"));
        // The static server and hosts treat it as immutable, as trunk's own files.
        assert_eq!(crate::static_server::cache_control(&format!("/{a}")), "public, max-age=31536000, immutable");
        assert_eq!(
            crate::static_server::cache_control(&format!("/{}", hashed_name(LOADER, b"x"))),
            "public, max-age=31536000, immutable"
        );
    }
}
