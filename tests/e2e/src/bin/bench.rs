//! Browser timings for `cargo xtask bench` (being extended feature by feature).
fn main() {
    println!("browser timings: not measured yet");
}
