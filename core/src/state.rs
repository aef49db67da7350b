//! The Explore view's shareable state, as a URL query string.
//!
//! | key | value | example |
//! | --- | --- | --- |
//! | `q` | the search text | `q=sao+leo` |
//! | `region` | region ids, comma-separated and/or repeated | `region=asia,north-america` |
//! | `pcountry` | partner-country ISO codes | `pcountry=BR,CN` |
//! | `eucountry` | EU-country ISO codes | `eucountry=ES` |
//! | `tag` | tag ids | `tag=smart-cities,water` |
//! | `sort` | a [`SortKey`] id, `-` in front for descending | `sort=-partner-country` |
//! | `view` | `map`, `table` or `both` (the default) | `view=map` |
//! | `map` | a map view moved by hand: centre x, y (map units) and zoom ([`MapView`]) | `map=512.5,160.8,4` |
//!
//! [`decode`] is tolerant: it never fails or panics, ignores unknown keys (so flags such as
//! `embed=1` can be added later) and drops malformed values (unknown region ids, country codes
//! that are not two ASCII letters, tag ids that are not slugs, unknown sort keys or views). Set
//! values are the **union** of every occurrence of their key; for `q`, `sort`, `view` and `map`
//! the **first** occurrence (for `sort`, `view` and `map`: the first *valid* one) wins. Lower-case country
//! codes are upper-cased and tag ids lower-cased. `q` is kept verbatim, except that it is cut to
//! [`MAX_QUERY_CHARS`] characters.
//!
//! [`encode`] is canonical: keys in the order of the table above, set values sorted, defaults
//! (empty text, empty sets, no sort, `view=both`) omitted, so the state of a bare page is `""`,
//! and `encode(&decode(&encode(s))) == encode(s)` for every state `s`.

use crate::dataset::{Dataset, Region};
pub use crate::geo::MapView;
use crate::search::{Filters, SortDir, SortKey, MAX_QUERY_CHARS};
use std::collections::BTreeSet;

/// Which panes the Explore page shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum View {
    Map,
    Table,
    /// Map and table together (the default).
    #[default]
    Both,
}

impl View {
    /// Every view.
    pub const ALL: [View; 3] = [View::Map, View::Table, View::Both];

    /// The id used in URLs.
    pub fn id(self) -> &'static str {
        match self {
            View::Map => "map",
            View::Table => "table",
            View::Both => "both",
        }
    }

    /// The view with this URL id.
    pub fn from_id(s: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.id() == s)
    }
}

/// Everything about the Explore view that a shared link reproduces.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ExploreState {
    pub filters: Filters,
    /// `None`: dataset order.
    pub sort: Option<(SortKey, SortDir)>,
    pub view: View,
    /// The map's view when the user moved it by hand; `None`: the map fits the shown pairings.
    pub map: Option<MapView>,
}

impl ExploreState {
    /// Drop the country codes and tag ids that `ds` does not know (they would match nothing).
    /// Regions, text, sort and view are left alone.
    pub fn retain_known(&mut self, ds: &Dataset) {
        let f = &mut self.filters;
        f.partner_countries.retain(|c| ds.country(c).is_some());
        f.eu_countries.retain(|c| ds.country(c).is_some());
        f.tags.retain(|t| ds.tag(t).is_some());
    }

    /// Set the search text as [`decode`] would read it from a URL (cut to [`MAX_QUERY_CHARS`]),
    /// so text typed ahead of the URL gives the same state as the URL written from it.
    pub fn set_query(&mut self, q: &str) {
        self.filters.q = cut_query(q).to_string();
    }
}

/// A well-formed country code: two upper-case ASCII letters.
fn valid_country(s: &str) -> bool {
    s.len() == 2 && s.bytes().all(|b| b.is_ascii_uppercase())
}

/// A well-formed tag id: lower-case ASCII letters, digits and inner hyphens, at most 120 bytes.
fn valid_tag(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 120
        && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !s.starts_with('-')
        && !s.ends_with('-')
}

/// `q` cut to [`MAX_QUERY_CHARS`] characters.
fn cut_query(q: &str) -> &str {
    q.char_indices().nth(MAX_QUERY_CHARS).map_or(q, |(i, _)| &q[..i])
}

/// The URL form of a sort: `eu-city` or `-eu-city`.
pub fn sort_to_param(key: SortKey, dir: SortDir) -> String {
    match dir {
        SortDir::Asc => key.id().to_string(),
        SortDir::Desc => format!("-{}", key.id()),
    }
}

/// Parse `eu-city` / `-eu-city`.
pub fn sort_from_param(s: &str) -> Option<(SortKey, SortDir)> {
    match s.strip_prefix('-') {
        Some(rest) => SortKey::from_id(rest).map(|k| (k, SortDir::Desc)),
        None => SortKey::from_id(s).map(|k| (k, SortDir::Asc)),
    }
}

/// Read a state from a query string (without or with a leading `?`). See the module docs.
pub fn decode(query: &str) -> ExploreState {
    let query = query.strip_prefix('?').unwrap_or(query);
    let mut st = ExploreState::default();
    let (mut seen_q, mut seen_sort, mut seen_view) = (false, false, false);
    for (key, value) in form_urlencoded::parse(query.as_bytes()) {
        let items = || value.split(',').map(str::trim).filter(|s| !s.is_empty());
        match key.as_ref() {
            "q" if !seen_q => {
                seen_q = true;
                st.filters.q = cut_query(&value).to_string();
            }
            "region" => st.filters.regions.extend(items().filter_map(Region::from_id)),
            "pcountry" => st.filters.partner_countries.extend(countries(items())),
            "eucountry" => st.filters.eu_countries.extend(countries(items())),
            "tag" => st.filters.tags.extend(items().map(str::to_ascii_lowercase).filter(|t| valid_tag(t))),
            "sort" if !seen_sort => {
                if let Some(s) = sort_from_param(value.trim()) {
                    st.sort = Some(s);
                    seen_sort = true;
                }
            }
            "view" if !seen_view => {
                if let Some(v) = View::from_id(value.trim()) {
                    st.view = v;
                    seen_view = true;
                }
            }
            "map" if st.map.is_none() => st.map = MapView::from_param(&value),
            _ => {}
        }
    }
    st
}

/// The well-formed codes of `set`.
fn codes(set: &BTreeSet<String>) -> Vec<&str> {
    set.iter().map(String::as_str).filter(|c| valid_country(c)).collect()
}

fn countries<'a>(items: impl Iterator<Item = &'a str>) -> impl Iterator<Item = String> {
    items.map(str::to_ascii_uppercase).filter(|c| valid_country(c))
}

/// Write a state as a canonical query string (without `?`). See the module docs.
///
/// Values that [`decode`] would drop (malformed codes or ids) are left out, so the result
/// always decodes to the state it describes.
pub fn encode(st: &ExploreState) -> String {
    let mut parts: Vec<String> = Vec::new();
    let q = cut_query(&st.filters.q);
    if !q.is_empty() {
        parts.push(format!("q={}", form_urlencoded::byte_serialize(q.as_bytes()).collect::<String>()));
    }
    let join = |key: &str, values: Vec<&str>, parts: &mut Vec<String>| {
        if !values.is_empty() {
            // Every value is ASCII letters, digits and hyphens: nothing to escape, and the comma
            // separating them is allowed in a query string as is.
            parts.push(format!("{key}={}", values.join(",")));
        }
    };
    join("region", st.filters.regions.iter().map(|r| r.id()).collect(), &mut parts);
    join("pcountry", codes(&st.filters.partner_countries), &mut parts);
    join("eucountry", codes(&st.filters.eu_countries), &mut parts);
    join("tag", st.filters.tags.iter().map(String::as_str).filter(|t| valid_tag(t)).collect(), &mut parts);
    if let Some((key, dir)) = st.sort {
        parts.push(format!("sort={}", sort_to_param(key, dir)));
    }
    if st.view != View::Both {
        parts.push(format!("view={}", st.view.id()));
    }
    if let Some(m) = st.map {
        parts.push(format!("map={}", m.param()));
    }
    parts.join("&")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::{filter, Index};
    use proptest::prelude::*;

    #[test]
    fn a_map_view_moved_by_hand_round_trips_and_a_malformed_one_is_dropped() {
        let st = decode("q=water&map=512.5,160.8,4&map=1,1,1");
        assert_eq!(st.map.map(MapView::param).as_deref(), Some("512.5,160.8,4"));
        assert_eq!(encode(&st), "q=water&map=512.5,160.8,4");
        assert_eq!(decode(&encode(&st)), st);
        // Malformed or out of range: ignored, the next valid one is taken.
        assert_eq!(decode("map=9999,1,2&map=500,200,2").map.map(MapView::param).as_deref(), Some("500,200,2"));
        assert_eq!(decode("map=abc").map, None);
        assert_eq!(encode(&decode("map=1,2")), "");
    }

    fn set(items: &[&str]) -> BTreeSet<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn the_bare_page_is_the_empty_string() {
        assert_eq!(encode(&ExploreState::default()), "");
        assert_eq!(decode(""), ExploreState::default());
        assert_eq!(decode("?"), ExploreState::default());
    }

    #[test]
    fn set_query_matches_what_the_url_would_give() {
        let long = "é".repeat(MAX_QUERY_CHARS + 10);
        for q in ["", "são leo", "  padded  ", "a&b=c", long.as_str()] {
            let mut typed = ExploreState::default();
            typed.set_query(q);
            assert_eq!(decode(&encode(&typed)), typed, "{q:?}");
            assert!(typed.filters.q.chars().count() <= MAX_QUERY_CHARS);
        }
    }

    #[test]
    fn decodes_every_key() {
        let st = decode("?q=s%C3%A3o+leo&region=asia,north-america&region=asia&pcountry=BR&pcountry=cn&eucountry=ES,PT&tag=water,Smart-Cities&sort=-partner-country&view=map&embed=1");
        assert_eq!(st.filters.q, "são leo");
        assert_eq!(st.filters.regions, [Region::Asia, Region::NorthAmerica].into());
        assert_eq!(st.filters.partner_countries, set(&["BR", "CN"]));
        assert_eq!(st.filters.eu_countries, set(&["ES", "PT"]));
        assert_eq!(st.filters.tags, set(&["smart-cities", "water"]));
        assert_eq!(st.sort, Some((SortKey::PartnerCountry, SortDir::Desc)));
        assert_eq!(st.view, View::Map);
        assert_eq!(
            encode(&st),
            "q=s%C3%A3o+leo&region=asia,north-america&pcountry=BR,CN&eucountry=ES,PT&tag=smart-cities,water&sort=-partner-country&view=map"
        );
    }

    #[test]
    fn malformed_values_are_dropped_and_first_scalar_wins() {
        let st = decode("region=mars,asia&pcountry=BRA,B1,%C3%9CX,,de&tag=-x,a_b,ok&sort=bogus&sort=eu-city&sort=-region&view=globe&view=table&view=map&q=first&q=second");
        assert_eq!(st.filters.regions, [Region::Asia].into());
        assert_eq!(st.filters.partner_countries, set(&["DE"]));
        assert_eq!(st.filters.tags, set(&["ok"]));
        assert_eq!(st.sort, Some((SortKey::EuCity, SortDir::Asc)));
        assert_eq!(st.view, View::Table);
        assert_eq!(st.filters.q, "first");
        // Broken percent-escapes and stray separators do not hurt.
        let st = decode("q=%E2%82&&=&%zz=1&view");
        assert_eq!(st.filters.q, "\u{FFFD}");
        assert_eq!(st.view, View::Both);
    }

    #[test]
    fn encode_leaves_out_what_decode_would_drop() {
        let mut st = ExploreState::default();
        st.filters.partner_countries = set(&["BR", "brazil", "Ü1"]);
        st.filters.tags = set(&["a,b", "water"]);
        assert_eq!(encode(&st), "pcountry=BR&tag=water");
    }

    #[test]
    fn long_queries_are_cut() {
        let long = "é".repeat(MAX_QUERY_CHARS + 10);
        let st = decode(&format!("q={long}"));
        assert_eq!(st.filters.q.chars().count(), MAX_QUERY_CHARS);
    }

    #[test]
    fn retain_known_drops_unknown_codes_and_tags() {
        let ds = crate::search::testdata::sample();
        let mut st = decode("pcountry=BR,ZZ&eucountry=XX,SE&tag=water,nope&region=asia");
        st.retain_known(&ds);
        assert_eq!(st.filters.partner_countries, set(&["BR"]));
        assert_eq!(st.filters.eu_countries, set(&["SE"]));
        assert_eq!(st.filters.tags, set(&["water"]));
        assert_eq!(st.filters.regions, [Region::Asia].into());
    }

    fn arb_state() -> impl Strategy<Value = ExploreState> {
        let code = "[A-Z]{2}";
        let tag = "[a-z0-9]{1,6}(-[a-z0-9]{1,6}){0,2}";
        let sort = prop::option::of((prop::sample::select(SortKey::ALL.to_vec()), prop::bool::ANY));
        (
            "\\PC{0,40}|.{0,20}",
            prop::sample::subsequence(Region::ALL.to_vec(), 0..=3),
            prop::collection::btree_set(code, 0..4),
            prop::collection::btree_set(code, 0..4),
            prop::collection::btree_set(tag, 0..4),
            sort,
            prop::sample::select(View::ALL.to_vec()),
        )
            .prop_map(|(q, regions, pc, ec, tags, sort, view)| {
                let q_len = q.chars().count() % 30;
                ExploreState {
                    filters: Filters {
                        q,
                        regions: regions.into_iter().collect(),
                        partner_countries: pc,
                        eu_countries: ec,
                        tags,
                    },
                    sort: sort.map(|(k, desc)| (k, if desc { SortDir::Desc } else { SortDir::Asc })),
                    view,
                    map: (q_len % 3 == 0).then(|| MapView::new(500.0, 200.0, 1.0 + q_len as f64).unwrap()),
                }
            })
    }

    proptest! {
        #[test]
        fn decode_inverts_encode(st in arb_state()) {
            let s = encode(&st);
            prop_assert_eq!(decode(&s), st.clone());
            prop_assert_eq!(encode(&decode(&s)), s);
        }

        #[test]
        fn decode_never_panics_and_reencodes_canonically(s in "\\PC{0,80}|[a-z=&,%+0-9A-F-]{0,60}") {
            let st = decode(&s);
            let e = encode(&st);
            prop_assert_eq!(encode(&decode(&e)), e);
        }

        #[test]
        fn filtering_a_decoded_state_never_panics(s in ".{0,80}") {
            let ds = crate::search::testdata::sample();
            let ix = Index::new(&ds);
            let st = decode(&format!("q={s}&{s}"));
            let rows = filter(&ix, &ds, &st.filters);
            prop_assert!(rows.iter().all(|&r| r < ds.pairings.len()));
        }
    }
}
