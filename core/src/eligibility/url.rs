//! Answers in the URL: [`encode_query`] and the tolerant [`decode_answers`].

use super::*;

/// The answers as a URL query string (no leading `?`), e.g.
/// `kind=group&country=ES&pop=99999&lead=yes&members=yes&c=18m:yes,resources:notsure&topics=mobility,water&regions=asia`.
///
/// Every value is an id, a country code or a number, so nothing needs escaping; values that are
/// not well-formed (which [`decode_answers`] would drop) are left out. Unanswered questions are
/// left out; no answers give an empty string.
pub fn encode_answers(answers: &Answers) -> String {
    encode_query(answers, None)
}

/// [`encode_answers`] plus the page (`step=check`), for the address bar and Change links.
pub fn encode_query(answers: &Answers, step: Option<Step>) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some(k) = answers.kind {
        parts.push(format!("kind={}", k.id()));
    }
    if let Some(c) = answers.country.as_ref().filter(|c| c.is_valid()) {
        parts.push(format!("country={}", c.id()));
    }
    match answers.population {
        Some(PopulationAnswer::NotSure) => parts.push("pop=notsure".to_string()),
        Some(p @ PopulationAnswer::Count(n)) if p.is_valid() => parts.push(format!("pop={n}")),
        _ => {}
    }
    if let Some(t) = answers.lead {
        parts.push(format!("lead={}", t.id()));
    }
    if let Some(t) = answers.members {
        parts.push(format!("members={}", t.id()));
    }
    let c: Vec<String> =
        answers.commitments.iter().filter(|(id, _)| is_id(id)).map(|(id, t)| format!("{id}:{}", t.id())).collect();
    if !c.is_empty() {
        parts.push(format!("c={}", c.join(",")));
    }
    let topics: Vec<&str> = answers.topics.iter().map(String::as_str).filter(|t| is_id(t)).collect();
    if !topics.is_empty() {
        parts.push(format!("topics={}", topics.join(",")));
    }
    if !answers.regions.is_empty() {
        let r: Vec<&str> = answers.regions.iter().map(|r| r.id()).collect();
        parts.push(format!("regions={}", r.join(",")));
    }
    if let Some(s) = step {
        parts.push(format!("step={}", s.id()));
    }
    parts.join("&")
}

/// `%XX` escapes and `+` decoded; `None` for a broken escape or text that is not UTF-8.
pub(super) fn percent_decode(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'%' => {
                let hex = b.get(i + 1..i + 3)?;
                let digit = |c: u8| (c as char).to_digit(16);
                out.push((digit(hex[0])? * 16 + digit(hex[1])?) as u8);
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            c => {
                out.push(c);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

/// Most items a list parameter (`c`, `topics`, `regions`) keeps, so a hostile URL stays small.
pub(super) const MAX_LIST: usize = 64;

/// Read answers and the page from a URL query string (with or without the leading `?`).
///
/// Never fails: unknown parameters, malformed values and malformed list items are ignored, so a
/// damaged link still restores what it can. `%`-escapes are understood. A repeated single-value
/// parameter keeps its last good value; repeated list parameters add up (duplicates dropped).
pub fn decode_answers(query: &str) -> (Answers, Option<Step>) {
    let q = query.strip_prefix('?').unwrap_or(query);
    let mut a = Answers::default();
    let mut step = None;
    for pair in q.split('&') {
        let Some((key, raw)) = pair.split_once('=') else { continue };
        let Some(v) = percent_decode(raw) else { continue };
        let v = v.trim();
        match key {
            "kind" => a.kind = ApplicantKind::from_id(v).or(a.kind),
            "country" => a.country = CountryAnswer::parse(v).or(a.country.take()),
            "pop" => {
                let p = if v == "notsure" {
                    Some(PopulationAnswer::NotSure)
                } else if !v.is_empty() && v.len() <= 11 && v.bytes().all(|b| b.is_ascii_digit()) {
                    v.parse().ok().map(PopulationAnswer::Count).filter(|p| p.is_valid())
                } else {
                    None
                };
                a.population = p.or(a.population);
            }
            "lead" => a.lead = Tri::from_id(v).or(a.lead),
            "members" => a.members = Tri::from_id(v).or(a.members),
            "c" => {
                for item in v.split(',') {
                    if let Some((id, t)) = item.split_once(':') {
                        if let (true, Some(t)) = (is_id(id), Tri::from_id(t)) {
                            if a.commitments.len() < MAX_LIST || a.commitments.contains_key(id) {
                                a.commitments.insert(id.to_string(), t);
                            }
                        }
                    }
                }
            }
            "topics" => {
                for t in v.split(',') {
                    if is_id(t) && a.topics.len() < MAX_LIST && !a.topics.iter().any(|x| x == t) {
                        a.topics.push(t.to_string());
                    }
                }
            }
            "regions" => {
                for r in v.split(',').filter_map(Region::from_id) {
                    if !a.regions.contains(&r) {
                        a.regions.push(r);
                    }
                }
            }
            "step" => step = Step::from_id(v).or(step),
            _ => {}
        }
    }
    (a, step)
}
