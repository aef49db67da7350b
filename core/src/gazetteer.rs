//! The "Find your city" gazetteer: EU cities with their country and population (GeoNames, CC BY),
//! read from `data/gazetteer.json` and searched as the user types.
//!
//! The file is compact on purpose (one array per city, only the fields used):
//!
//! ```json
//! { "source": "…", "licence": "CC BY 4.0", "url": "https://www.geonames.org/",
//!   "fields": ["name", "country", "population"],
//!   "rows": [["A Coruña", "ES", 250438], …] }
//! ```
//!
//! Pure data and functions (no DOM), so the matching rules are testable on their own. The wizard's
//! "Find your city" (`src/wizard/finder.rs`) uses it; `src/data.rs` fetches the file.

use crate::text::fold;
use serde_json::Value;

/// Longest city name accepted from the file (longer rows are skipped).
const MAX_NAME: usize = 200;
/// Most rows read from the file (a runaway file cannot make every keystroke slow).
pub const MAX_ROWS: usize = 50_000;

/// One city of the gazetteer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct City {
    /// The name as GeoNames writes it ("Málaga").
    pub name: String,
    /// ISO 3166-1 alpha-2 code, upper case.
    pub country: String,
    /// Inhabitants according to GeoNames.
    pub population: u64,
}

/// The parsed gazetteer: cities plus the folded search key of each name.
#[derive(Clone, Debug, Default)]
pub struct Gazetteer {
    cities: Vec<City>,
    keys: Vec<String>,
    /// Where the data comes from (for the credit line).
    pub source: String,
    /// Its licence ("CC BY 4.0").
    pub licence: String,
}

impl Gazetteer {
    /// Read the gazetteer file. Malformed rows are skipped; only a file that is not the expected
    /// shape at all (no `rows`, or `fields` without `name`/`country`/`population`) is an error.
    pub fn parse(text: &str) -> Result<Gazetteer, String> {
        let root: Value = serde_json::from_str(text).map_err(|e| format!("not valid JSON: {e}"))?;
        let field = |name: &str| -> Result<usize, String> {
            root.get("fields")
                .and_then(Value::as_array)
                .and_then(|f| f.iter().position(|x| x.as_str() == Some(name)))
                .ok_or_else(|| format!("\"fields\" does not list \"{name}\""))
        };
        let (i_name, i_country, i_pop) = (field("name")?, field("country")?, field("population")?);
        let rows = root.get("rows").and_then(Value::as_array).ok_or("\"rows\" is missing or not an array")?;
        let text_of = |k: &str| root.get(k).and_then(Value::as_str).unwrap_or_default().to_string();
        let mut g = Gazetteer { source: text_of("source"), licence: text_of("licence"), ..Gazetteer::default() };
        for row in rows.iter().take(MAX_ROWS) {
            let Some(row) = row.as_array() else { continue };
            let name = row.get(i_name).and_then(Value::as_str).map(str::trim).unwrap_or_default();
            let country = row.get(i_country).and_then(Value::as_str).unwrap_or_default();
            let population = row.get(i_pop).and_then(Value::as_u64).unwrap_or(0);
            let ok_country = country.len() == 2 && country.bytes().all(|b| b.is_ascii_uppercase());
            if name.is_empty() || name.len() > MAX_NAME || name.chars().any(char::is_control) || !ok_country {
                continue;
            }
            if population == 0 || population > crate::eligibility::MAX_POPULATION {
                continue;
            }
            g.keys.push(fold(name));
            g.cities.push(City { name: name.to_string(), country: country.to_string(), population });
        }
        Ok(g)
    }

    /// How many cities were read.
    pub fn len(&self) -> usize {
        self.cities.len()
    }

    /// Whether no city was read.
    pub fn is_empty(&self) -> bool {
        self.cities.is_empty()
    }

    /// The cities whose name starts with `query`, or has a word that starts with it, ignoring
    /// case, accents and punctuation ("malaga" finds "Málaga", "main" finds "Frankfurt am Main").
    /// Whole-name matches come first, then the largest cities; at most `limit`. An empty query
    /// (nothing but spaces or punctuation) finds nothing.
    pub fn search(&self, query: &str, limit: usize) -> Vec<City> {
        let q = fold(query);
        if q.is_empty() || limit == 0 {
            return Vec::new();
        }
        let word = format!(" {q}");
        let mut hits: Vec<(u8, usize)> = self
            .keys
            .iter()
            .enumerate()
            .filter_map(|(i, k)| {
                if k.starts_with(&q) {
                    Some((0, i))
                } else if k.contains(&word) {
                    Some((1, i))
                } else {
                    None
                }
            })
            .collect();
        crate::order::sort_by(&mut hits, |a, b| {
            let (ca, cb) = (&self.cities[a.1], &self.cities[b.1]);
            a.0.cmp(&b.0).then(cb.population.cmp(&ca.population)).then_with(|| ca.name.cmp(&cb.name))
        });
        hits.into_iter().take(limit).map(|(_, i)| self.cities[i].clone()).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The file the app ships.
    const GAZETTEER: &str = include_str!("../../public/data/gazetteer.json");

    #[test]
    fn the_gazetteer_matches_prefixes_without_accents_largest_first() {
        let g = Gazetteer::parse(
            r#"{"fields":["name","country","population"],"rows":[
                ["Málaga","ES",568305],["Malaga Bay","xx",5],["Frankfurt am Main","DE",650000],
                ["Frankfurt (Oder)","DE",57107],["Mainz","DE",217118],["bad",3,"x"],["","DE",10],
                ["Tiny","DE",0],"not a row",["Ömer","DE",20000]]}"#,
        )
        .unwrap();
        // Malformed rows (unknown country format, no name, no population, not an array) are skipped.
        assert_eq!(g.len(), 5);
        let names = |q: &str, n: usize| g.search(q, n).into_iter().map(|c| c.name).collect::<Vec<_>>();
        assert_eq!(names("malaga", 8), ["Málaga"]);
        assert_eq!(names("MÁLAGA", 8), ["Málaga"]);
        assert_eq!(names("frankf", 8), ["Frankfurt am Main", "Frankfurt (Oder)"]);
        assert_eq!(names("frankf", 1), ["Frankfurt am Main"]);
        // Whole-name prefixes come before word prefixes.
        assert_eq!(names("main", 8), ["Mainz", "Frankfurt am Main"]);
        assert_eq!(names("omer", 8), ["Ömer"]);
        assert!(names("  ", 8).is_empty());
        assert!(names("zzz", 8).is_empty());
        assert!(Gazetteer::parse("{\"rows\": []}").is_err());
        assert!(Gazetteer::parse("[").is_err());
    }

    #[test]
    fn the_shipped_gazetteer_loads_and_finds_cities() {
        let g = Gazetteer::parse(GAZETTEER).unwrap();
        assert!(g.len() > 6000, "{}", g.len());
        let hits = g.search("sevil", 8);
        assert_eq!(hits.first().map(|c| (c.name.as_str(), c.country.as_str())), Some(("Sevilla", "ES")));
        assert_eq!(g.search("a", 8).len(), 8);
    }
}
