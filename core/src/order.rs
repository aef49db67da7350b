//! One sort for the whole app, to keep the WASM small.
//!
//! Every `slice::sort_by` call with its own comparator is its own copy of the standard library's
//! sort (driftsort: about 5 KB of WASM each); the app had ten of them, about 60 KB. Here the
//! comparison is a `&dyn Fn` over positions, so the sort algorithm exists once, and each caller
//! adds only a small closure and [`permute`]. Ties keep their original order (stable), as
//! `sort_by` does.

use std::cmp::Ordering;
use std::collections::BTreeSet;

/// The positions `0..len` in the order `cmp` gives them; equal positions keep their order.
/// The one instance of the standard sort that this module exists for.
pub fn order_of(len: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_unstable_by(|&a, &b| cmp(a, b).then(a.cmp(&b)));
    order
}

/// Reorder `v` so that `v[i]` becomes the element that was at `order[i]`. `order` must be a
/// permutation of `0..v.len()` (as [`order_of`] gives); an index out of range or repeated loses
/// that element rather than panicking.
pub fn permute<T>(v: &mut Vec<T>, order: &[usize]) {
    let mut slots: Vec<Option<T>> = v.drain(..).map(Some).collect();
    v.extend(order.iter().filter_map(|&i| slots.get_mut(i).and_then(Option::take)));
}

/// `v.sort_by(cmp)`, stable, through the one shared sort.
pub fn sort_by<T>(v: &mut Vec<T>, cmp: impl Fn(&T, &T) -> Ordering) {
    let order = order_of(v.len(), &|a, b| cmp(&v[a], &v[b]));
    permute(v, &order);
}

/// `v.sort_by_key(key)`, stable, through the one shared sort.
pub fn sort_by_key<T, K: Ord>(v: &mut Vec<T>, key: impl Fn(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// `items.collect::<BTreeSet<_>>()` without its sort: collecting into a B-tree sorts the items
/// first (the standard stable sort again, a copy per item type); inserting them one by one does
/// not.
pub fn set_of<T: Ord>(items: impl IntoIterator<Item = T>) -> BTreeSet<T> {
    let mut set = BTreeSet::new();
    set.extend(items);
    set
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_the_standard_stable_sort() {
        // Pairs compared by their first field only: the second shows that ties keep their order.
        let mut rng = 0x2545_f491_4f6c_dd1du64;
        for len in [0usize, 1, 2, 3, 7, 20, 33, 100, 1000] {
            let v: Vec<(u8, usize)> = (0..len)
                .map(|i| {
                    rng ^= rng << 13;
                    rng ^= rng >> 7;
                    rng ^= rng << 17;
                    ((rng % 5) as u8, i)
                })
                .collect();
            let mut ours = v.clone();
            sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
            let mut std = v.clone();
            std.sort_by_key(|a| a.0);
            assert_eq!(ours, std, "len {len}");
            let mut desc = v.clone();
            sort_by_key(&mut desc, |x| std::cmp::Reverse(x.0));
            let mut std_desc = v;
            std_desc.sort_by_key(|x| std::cmp::Reverse(x.0));
            assert_eq!(desc, std_desc, "len {len}, descending");
        }
    }

    #[test]
    fn a_set_of_is_the_collected_set() {
        let items = [5, 1, 4, 1, 5, 9, 2, 6];
        assert_eq!(set_of(items), items.into_iter().collect::<BTreeSet<_>>());
        assert!(set_of(Vec::<u8>::new()).is_empty());
    }

    #[test]
    fn permute_applies_an_order_and_never_panics() {
        let mut v = vec!["a", "b", "c"];
        permute(&mut v, &[2, 0, 1]);
        assert_eq!(v, ["c", "a", "b"]);
        let mut v = vec!["a", "b", "c"];
        permute(&mut v, &[1, 1, 9]);
        assert_eq!(v, ["b"]);
    }

    #[test]
    fn owned_values_are_moved_not_cloned() {
        let mut v: Vec<String> = ["pear", "apple", "fig"].iter().map(|s| s.to_string()).collect();
        sort_by(&mut v, |a, b| a.len().cmp(&b.len()).then_with(|| a.cmp(b)));
        assert_eq!(v, ["fig", "pear", "apple"]);
    }
}
