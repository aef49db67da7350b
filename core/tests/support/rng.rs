//! The seeded generator the URL fuzzers share (core/tests/url_fuzz.rs and the browser fuzz in
//! tests/e2e/tests/hostile.rs): fastrand with the few draws they need.

pub struct Rng(fastrand::Rng);

#[allow(dead_code)] // each fuzzer uses its own subset
impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(fastrand::Rng::with_seed(seed))
    }
    /// Uniform in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        self.0.usize(..n)
    }
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
    /// True `percent` times in a hundred.
    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}
