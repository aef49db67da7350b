//! Entry point of the WASM binary built by trunk.
fn main() {
    iuc_explorer::start();
}
