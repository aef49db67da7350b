//! Exports of the selected pairings: CSV for spreadsheets, JSON in the dataset's own schema.

use crate::dataset::{Dataset, Pairing};
use crate::search::distance_km;

/// The CSV header row.
pub const CSV_COLUMNS: [&str; 13] = [
    "id",
    "EU city",
    "EU country",
    "partner city",
    "partner country",
    "region",
    "topics",
    "tags",
    "EU lat",
    "EU lon",
    "partner lat",
    "partner lon",
    "distance km",
];

/// The pairings at `rows` (indices into `ds.pairings`; out-of-range ones are skipped) as CSV.
///
/// * UTF-8 with a byte-order mark, so spreadsheet apps detect the encoding ("Malmö" stays
///   "Malmö" in Excel).
/// * RFC 4180: CRLF line ends; a field containing a comma, a quote, CR or LF is quoted, with its
///   quotes doubled.
/// * Safe against formula injection (OWASP "CSV Injection"): a text cell that starts with `=`,
///   `+`, `-`, `@`, a tab or CR gets a leading `'`, so no spreadsheet evaluates it. Number cells
///   are written by this function (coordinates, distance) and left as numbers.
/// * Countries and the region are written as English names, tags as labels joined by "; ", the
///   distance in whole kilometres.
pub fn to_csv(ds: &Dataset, rows: &[usize]) -> String {
    let mut out = String::from("\u{feff}");
    write_row(&mut out, CSV_COLUMNS.iter().map(|c| text_cell(c)));
    for p in rows.iter().filter_map(|&r| ds.pairings.get(r)) {
        let tags = p.tags.iter().map(|t| ds.tag_label(t)).collect::<Vec<_>>().join("; ");
        let cells = [
            text_cell(&p.id),
            text_cell(&p.eu.name),
            text_cell(ds.country_name(&p.eu.country)),
            text_cell(&p.partner.name),
            text_cell(ds.country_name(&p.partner.country)),
            text_cell(p.region.label()),
            text_cell(&p.topics),
            text_cell(&tags),
            number_cell(p.eu.lat),
            number_cell(p.eu.lon),
            number_cell(p.partner.lat),
            number_cell(p.partner.lon),
            distance_cell(p),
        ];
        write_row(&mut out, cells.into_iter());
    }
    out
}

fn write_row(out: &mut String, cells: impl Iterator<Item = String>) {
    for (i, c) in cells.enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&c);
    }
    out.push_str("\r\n");
}

/// A text cell: guarded against formula injection, then quoted if needed.
fn text_cell(s: &str) -> String {
    let guarded = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{s}") } else { s.to_string() };
    quote(&guarded)
}

/// RFC 4180 quoting.
fn quote(s: &str) -> String {
    if s.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// A coordinate, at full precision; empty when not finite.
fn number_cell(x: f64) -> String {
    if x.is_finite() {
        x.to_string()
    } else {
        String::new()
    }
}

fn distance_cell(p: &Pairing) -> String {
    let d = distance_km(p);
    if d.is_finite() {
        format!("{:.0}", d.round())
    } else {
        String::new()
    }
}

/// The pairings at `rows` (out-of-range indices skipped) as a pretty-printed JSON array of
/// pairing objects, in the same schema as the dataset file's `pairings`.
pub fn to_json(ds: &Dataset, rows: &[usize]) -> String {
    let selected: Vec<&Pairing> = rows.iter().filter_map(|&r| ds.pairings.get(r)).collect();
    // Serializing plain data with string keys cannot fail; fall back to an empty array anyway.
    serde_json::to_string_pretty(&selected).unwrap_or_else(|_| "[]".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::Region;
    use crate::search::testdata::{pairing, sample, side};

    /// A minimal RFC 4180 reader, to check what a spreadsheet would see.
    fn parse_csv(s: &str) -> Vec<Vec<String>> {
        let mut rows = vec![];
        let mut row = vec![];
        let mut cell = String::new();
        let mut chars = s.chars().peekable();
        let mut quoted = false;
        while let Some(c) = chars.next() {
            match (quoted, c) {
                (true, '"') if chars.peek() == Some(&'"') => {
                    chars.next();
                    cell.push('"');
                }
                (true, '"') => quoted = false,
                (true, c) => cell.push(c),
                (false, '"') if cell.is_empty() => quoted = true,
                (false, ',') => row.push(std::mem::take(&mut cell)),
                (false, '\r') if chars.peek() == Some(&'\n') => {
                    chars.next();
                    row.push(std::mem::take(&mut cell));
                    rows.push(std::mem::take(&mut row));
                }
                (false, c) => cell.push(c),
            }
        }
        assert!(cell.is_empty() && row.is_empty(), "the file ends with CRLF");
        rows
    }

    #[test]
    fn csv_has_bom_header_and_one_row_per_pairing() {
        let ds = sample();
        let csv = to_csv(&ds, &[0, 2, 99]);
        assert!(csv.starts_with('\u{feff}'));
        let rows = parse_csv(&csv['\u{feff}'.len_utf8()..]);
        assert_eq!(rows.len(), 3, "header + 2 (index 99 skipped)");
        assert_eq!(rows[0], CSV_COLUMNS);
        assert!(rows.iter().all(|r| r.len() == CSV_COLUMNS.len()));
        let malmo = &rows[1];
        assert_eq!(&malmo[1..6], ["Malmö", "Sweden", "Ottawa", "Canada", "North America"]);
        assert_eq!(malmo[7], "Smart cities");
        assert_eq!(malmo[8].parse::<f64>().ok(), Some(ds.pairings[0].eu.lat));
        assert_eq!(malmo[12], format!("{:.0}", distance_km(&ds.pairings[0])));
        assert_eq!(rows[2][7], "Economic growth; Climate");
        // A negative coordinate is a number, not a guarded text cell.
        assert_eq!(malmo[11], "-75.7");
    }

    #[test]
    fn csv_quotes_fields_with_commas_quotes_and_newlines() {
        let mut ds = sample();
        ds.pairings[0].topics = "water, \"waste\"\nand more".into();
        let csv = to_csv(&ds, &[0, 8]);
        assert!(csv.contains(",\"water, \"\"waste\"\"\nand more\","), "{csv}");
        assert!(csv.contains(",\"Austin, Texas\","));
        let rows = parse_csv(&csv['\u{feff}'.len_utf8()..]);
        assert_eq!(rows[1][6], "water, \"waste\"\nand more");
        assert_eq!(rows[2][3], "Austin, Texas");
    }

    #[test]
    fn csv_guards_against_formula_injection() {
        let mut ds = sample();
        let evil = ["=HYPERLINK(\"http://x\")", "+1", "-2+3", "@SUM(A1)", "\tx", "\rx"];
        ds.pairings = evil
            .iter()
            .map(|e| {
                pairing(
                    side(e, "SE", 55.6, 13.0),
                    side("Ottawa", "CA", 45.4, -75.7),
                    Region::NorthAmerica,
                    e,
                    &["water"],
                )
            })
            .collect();
        let csv = to_csv(&ds, &[0, 1, 2, 3, 4, 5]);
        let rows = parse_csv(&csv['\u{feff}'.len_utf8()..]);
        for (row, e) in rows[1..].iter().zip(evil) {
            assert_eq!(row[1], format!("'{e}"));
            assert_eq!(row[6], format!("'{e}"));
        }
        // Harmless text is left alone.
        assert_eq!(rows[1][3], "Ottawa");
    }

    #[test]
    fn json_round_trips_through_serde() {
        let ds = sample();
        let json = to_json(&ds, &[3, 0, 42]);
        assert!(json.contains("\n  {"), "pretty-printed");
        let back: Vec<Pairing> = serde_json::from_str(&json).expect("valid JSON");
        assert_eq!(back, vec![ds.pairings[3].clone(), ds.pairings[0].clone()]);
        assert_eq!(to_json(&ds, &[]), "[]");
    }
}
