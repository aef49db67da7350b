//! Shared tooling: the static preview server (used by `cargo xtask preview`, the e2e tests and
//! the benchmark), size measurement, and the basemap generator.
pub mod basemap;
pub mod sizes;
pub mod split;
pub mod static_server;

/// Run a command, inheriting stdio; error if it fails.
pub fn run(cmd: &mut std::process::Command) -> Result<(), String> {
    let shown = format!("{cmd:?}");
    let status = cmd.status().map_err(|e| format!("could not start {shown}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{shown} failed ({status})"))
    }
}
