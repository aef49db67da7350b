//! The pre-renderer: `prerender <dist> [--base /iuc/] [--public-url https://example.org/iuc/]`
//! writes every route's page into a trunk release build (see `iuc_explorer::prerender`).
//! `cargo xtask build` runs it; run it again after editing `dist/data/pairings.json` in place.

use iuc_explorer::prerender::{self, Inputs, Site};
use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    match run() {
        Ok(n) => {
            eprintln!("prerender: wrote {n} pages");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("prerender: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<usize, String> {
    let mut args = std::env::args().skip(1);
    let mut dist = None;
    let mut site = Site { base: "/".into(), public_url: None };
    while let Some(a) = args.next() {
        match a.as_str() {
            "--base" => site.base = args.next().ok_or("--base needs a path")?,
            "--public-url" => site.public_url = Some(args.next().ok_or("--public-url needs a URL")?),
            _ if dist.is_none() => dist = Some(PathBuf::from(a)),
            _ => return Err(format!("unexpected argument {a:?}")),
        }
    }
    let dist = dist.ok_or("usage: prerender <dist> [--base /iuc/] [--public-url https://example.org/iuc/]")?;
    let read =
        |rel: &str| std::fs::read_to_string(dist.join(rel)).map_err(|e| format!("{}: {e}", dist.join(rel).display()));
    // The shell trunk wrote; kept as `shell.html`, so that a second run starts from it again.
    let shell = dist.join("shell.html");
    if !shell.exists() {
        std::fs::copy(dist.join("index.html"), &shell).map_err(|e| format!("{}: {e}", shell.display()))?;
    }
    let template = read("shell.html")?;
    let inputs = Inputs {
        pairings_json: read("data/pairings.json")?,
        world_json: read("data/world.json")?,
        rules_json: read("data/eligibility.json")?,
    };
    if site.public_url.is_none() {
        eprintln!(
            "prerender: no --public-url (IUC_PUBLIC_URL): the pages get no canonical link, og:url or og:image, \
             which must be absolute addresses"
        );
    }
    let fingerprint = iuc_core::dataset::fingerprint(&inputs.pairings_json);
    let pages = prerender::pages(&inputs, &site)?;
    for page in &pages {
        let html = prerender::fill_template(&template, page, &site, &fingerprint)?;
        let path = dist.join(&page.file);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        std::fs::write(&path, html).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(pages.len())
}
