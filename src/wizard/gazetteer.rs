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
//! Pure data and functions (no DOM), so the matching rules are testable on their own.

use iuc_core::text::fold;
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
            if population == 0 || population > iuc_core::eligibility::MAX_POPULATION {
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
        iuc_core::order::sort_by(&mut hits, |a, b| {
            let (ca, cb) = (&self.cities[a.1], &self.cities[b.1]);
            a.0.cmp(&b.0).then(cb.population.cmp(&ca.population)).then_with(|| ca.name.cmp(&cb.name))
        });
        hits.into_iter().take(limit).map(|(_, i)| self.cities[i].clone()).collect()
    }
}
