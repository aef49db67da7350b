//! The eligibility core's tests: rules loading, the flow, the verdict and the URL form.

use super::*;
use proptest::prelude::*;
use serde_json::json;

// ── fixtures ──

/// A small call shaped like the 2018 one, with short distinct quotes so tests can tell which
/// rule a reason cites.
fn fixture() -> Value {
    json!({
        "schema_version": 1,
        "source": "test source",
        "current_call": "test-call",
        "calls": [{
            "id": "test-call",
            "title": "Test call",
            "status": "closed",
            "opens": null,
            "closes": "2018-03-19",
            "status_quote": "Q-status",
            "member_states": { "as_of": "2018", "codes": ["AT", "DE", "ES", "FR", "GB", "GR", "IT"], "quote": "Q-members" },
            "population": { "threshold": 100000, "comparison": "more-than" },
            "city": { "population": "encouraged", "quote": "Q-city" },
            "group": { "population": "required", "lead_authority": true, "members_commitment": true, "quote": "Q-group" },
            "excluded": {
                "kinds": ["region", "province"],
                "quote": "Q-excluded",
                "redirect": { "name": "the inter-regional programme", "quote": "Q-redirect" }
            },
            "commitments": [
                { "id": "18m", "quote": "Q-18m" },
                { "id": "resources", "quote": "Q-resources" },
                { "id": "reporting", "quote": "Q-reporting" }
            ],
            "contacts": {
                "coordination": { "email": "coord@example.eu", "quote": "Q-coord" },
                "mailing_list": { "email": "list@example.eu", "quote": "Q-list" }
            }
        }]
    })
}

fn rules() -> Rules {
    load_rules(&fixture().to_string()).expect("the fixture loads")
}

/// The fixture with one edit to its (only) call.
fn rules_with(edit: impl FnOnce(&mut Value)) -> Rules {
    let mut v = fixture();
    edit(&mut v["calls"][0]);
    load_rules(&v.to_string()).expect("the edited fixture loads")
}

/// The problems of the fixture after one edit of the whole file.
fn problems_with(edit: impl FnOnce(&mut Value)) -> Vec<Problem> {
    let mut v = fixture();
    edit(&mut v);
    load_rules(&v.to_string()).expect_err("the edited fixture is rejected")
}

fn has_problem(ps: &[Problem], location: &str, field: &str, message_part: &str) -> bool {
    ps.iter().any(|p| p.location == location && p.field == field && p.message.contains(message_part))
}

const CALL_LOC: &str = "calls[0] (test-call)";

fn all(t: Tri) -> BTreeMap<String, Tri> {
    ["18m", "resources", "reporting"].iter().map(|id| (id.to_string(), t)).collect()
}

fn city(country: &str, population: u64) -> Answers {
    Answers {
        kind: Some(ApplicantKind::City),
        country: Some(CountryAnswer::Code(country.to_string())),
        population: Some(PopulationAnswer::Count(population)),
        commitments: all(Tri::Yes),
        ..Answers::default()
    }
}

fn group(population: u64, lead: Tri, members: Tri) -> Answers {
    Answers { kind: Some(ApplicantKind::Group), lead: Some(lead), members: Some(members), ..city("ES", population) }
}

fn kinds(o: &Outcome) -> Vec<&'static str> {
    o.reasons.iter().map(|r| r.kind.id()).collect()
}

fn reason<'a>(o: &'a Outcome, id: &str) -> &'a Reason {
    o.reasons.iter().find(|r| r.kind.id() == id).unwrap_or_else(|| panic!("no reason {id} in {o:#?}"))
}

use Step::*;

// ── loading ──

#[test]
fn fixture_loads_with_the_current_call() {
    let r = rules();
    assert_eq!(r.current().id, "test-call");
    assert_eq!(r.source(), "test source");
    assert_eq!(r.calls().len(), 1);
    assert_eq!(r.current().threshold, Threshold { value: 100_000, comparison: Comparison::MoreThan });
    assert_eq!(r.current().city.population, Requirement::Encouraged);
    assert_eq!(r.current().group.population, Requirement::Required);
    assert_eq!(r.current().status, CallStatus::Closed);
    assert_eq!(r.current().closes.as_deref(), Some("2018-03-19"));
    assert!(r.current().excludes(ApplicantKind::Province));
    assert!(!r.current().excludes(ApplicantKind::City));
    assert_eq!(r.current().quotes().len(), 11);
}

#[test]
fn current_call_picks_among_several_calls() {
    let mut v = fixture();
    let mut second = v["calls"][0].clone();
    second["id"] = json!("next-call");
    second["status"] = json!("open");
    second["population"]["threshold"] = json!(50000);
    v["calls"].as_array_mut().expect("array").push(second);
    v["current_call"] = json!("next-call");
    let r = load_rules(&v.to_string()).expect("two calls load");
    assert_eq!(r.current().id, "next-call");
    assert_eq!(r.current().threshold.value, 50_000);
    assert_eq!(r.call("test-call").map(|c| c.threshold.value), Some(100_000));
    // The wizard follows the current call: 60,000 meets the new threshold.
    assert_eq!(evaluate(&r, &city("DE", 60_000)).verdict, Verdict::Eligible);
}

#[test]
fn unknown_current_call_is_reported_with_the_known_ids() {
    let ps = problems_with(|v| v["current_call"] = json!("eu-cities-2019"));
    assert!(has_problem(&ps, "file", "current_call", "\"eu-cities-2019\" is not the id of any call"), "{ps:?}");
    assert!(ps[0].message.contains("test-call"));
}

#[test]
fn threshold_zero_is_reported() {
    let ps = problems_with(|v| v["calls"][0]["population"]["threshold"] = json!(0));
    assert_eq!(ps.len(), 1, "{ps:?}");
    assert!(has_problem(&ps, CALL_LOC, "population.threshold", "is 0"));
    for bad in [json!(-5), json!(1.5), json!("100000"), json!(20_000_000_000u64)] {
        let ps = problems_with(|v| v["calls"][0]["population"]["threshold"] = bad.clone());
        assert!(ps.iter().any(|p| p.field == "population.threshold"), "{bad}: {ps:?}");
    }
}

#[test]
fn empty_member_list_is_reported() {
    let ps = problems_with(|v| v["calls"][0]["member_states"]["codes"] = json!([]));
    assert!(has_problem(&ps, CALL_LOC, "member_states.codes", "is empty"), "{ps:?}");
}

#[test]
fn bad_member_codes_are_reported_one_by_one() {
    let ps = problems_with(|v| v["calls"][0]["member_states"]["codes"] = json!(["DE", "UK", "EL", "de", 7, "DE"]));
    assert!(has_problem(&ps, CALL_LOC, "member_states.codes[1]", "use GB"), "{ps:?}");
    assert!(has_problem(&ps, CALL_LOC, "member_states.codes[2]", "use GR"));
    assert!(has_problem(&ps, CALL_LOC, "member_states.codes[3]", "alpha-2"));
    assert!(has_problem(&ps, CALL_LOC, "member_states.codes[4]", "must be a string"));
    assert!(has_problem(&ps, CALL_LOC, "member_states.codes[5]", "listed twice"));
    assert_eq!(ps.len(), 5);
}

#[test]
fn commitment_without_quote_is_reported() {
    let ps = problems_with(|v| {
        v["calls"][0]["commitments"][1].as_object_mut().expect("object").remove("quote");
    });
    assert_eq!(ps.len(), 1, "{ps:?}");
    assert!(has_problem(&ps, CALL_LOC, "commitments[1].quote", "is missing"));
    let ps = problems_with(|v| v["calls"][0]["commitments"][2]["quote"] = json!("   "));
    assert!(has_problem(&ps, CALL_LOC, "commitments[2].quote", "is empty"), "{ps:?}");
}

#[test]
fn commitment_ids_must_be_url_safe_and_unique() {
    let ps = problems_with(|v| v["calls"][0]["commitments"][0]["id"] = json!("18 Months"));
    assert!(has_problem(&ps, CALL_LOC, "commitments[0].id", "lower-case"), "{ps:?}");
    let ps = problems_with(|v| v["calls"][0]["commitments"][2]["id"] = json!("18m"));
    assert!(has_problem(&ps, CALL_LOC, "commitments[2].id", "earlier commitment"), "{ps:?}");
}

#[test]
fn every_problem_is_listed_at_once() {
    let ps = problems_with(|v| {
        v["schema_version"] = json!(2);
        let c = &mut v["calls"][0];
        c["population"]["threshold"] = json!(0);
        c["population"]["comparison"] = json!("over");
        c["city"]["population"] = json!("maybe");
        c["closes"] = json!("2018-02-30");
        c["contacts"]["coordination"]["email"] = json!("not an address");
        c["group"]["lead_authority"] = json!("yes");
        c["stauts"] = json!("typo");
    });
    let fields: Vec<&str> = ps.iter().map(|p| p.field.as_str()).collect();
    for f in [
        "schema_version",
        "population.threshold",
        "population.comparison",
        "city.population",
        "closes",
        "contacts.coordination.email",
        "group.lead_authority",
        "stauts",
    ] {
        assert!(fields.contains(&f), "{f} missing from {ps:#?}");
    }
}

#[test]
fn each_required_field_removed_is_reported_by_name() {
    // Every leaf of the fixture's call except the optional ones.
    let optional = ["opens", "excluded", "excluded.redirect"];
    fn leaves(v: &Value, path: String, out: &mut Vec<String>) {
        if let Value::Object(m) = v {
            for (k, child) in m {
                let p = join(&path, k);
                out.push(p.clone());
                leaves(child, p, out);
            }
        }
    }
    let mut paths = Vec::new();
    leaves(&fixture()["calls"][0], String::new(), &mut paths);
    assert!(paths.len() > 25, "{paths:?}");
    for path in paths.iter().filter(|p| !optional.contains(&p.as_str())) {
        let ps = problems_with(|v| {
            let mut node = &mut v["calls"][0];
            let keys: Vec<&str> = path.split('.').collect();
            for k in &keys[..keys.len() - 1] {
                node = &mut node[*k];
            }
            node.as_object_mut().expect("object").remove(keys[keys.len() - 1]);
        });
        let named = ps.iter().any(|p| p.field == *path && p.message == "is missing")
            // Removing the closing date of a closed call is reported as such.
            || (path == "closes" && has_problem(&ps, CALL_LOC, "closes", "closing date"));
        assert!(named, "removing {path}: {ps:#?}");
    }
}

#[test]
fn optional_parts_may_be_left_out() {
    let r = rules_with(|c| {
        let o = c.as_object_mut().expect("object");
        o.remove("excluded");
        o.remove("opens");
    });
    assert!(r.current().excluded.is_none());
    // A region is then simply not a city or a group.
    let o = evaluate(&r, &Answers { kind: Some(ApplicantKind::Region), ..Answers::default() });
    assert_eq!(o.verdict, Verdict::NotEligible);
    assert_eq!(kinds(&o), ["not-a-city-or-group"]);
}

#[test]
fn dates_and_status_are_checked() {
    for bad in ["2018-3-19", "2018-13-01", "2019-02-29", "19-03-2018", "2018-03-1x", "２０１８-03-19"] {
        let ps = problems_with(|v| v["calls"][0]["closes"] = json!(bad));
        assert!(has_problem(&ps, CALL_LOC, "closes", "YYYY-MM-DD"), "{bad}: {ps:?}");
    }
    assert!(is_date("2020-02-29"));
    assert!(!is_date("1900-02-29"));
    assert!(is_date("2000-02-29"));
    let ps = problems_with(|v| v["calls"][0]["opens"] = json!("2018-04-01"));
    assert!(has_problem(&ps, CALL_LOC, "closes", "before the opening date"), "{ps:?}");
    let ps = problems_with(|v| v["calls"][0]["closes"] = Value::Null);
    assert!(has_problem(&ps, CALL_LOC, "closes", "a closed call needs its closing date"), "{ps:?}");
    let ps = problems_with(|v| v["calls"][0]["status"] = json!("finished"));
    assert!(has_problem(&ps, CALL_LOC, "status", "is not one of"), "{ps:?}");
}

#[test]
fn excluded_kinds_are_checked() {
    let ps = problems_with(|v| v["calls"][0]["excluded"]["kinds"] = json!(["city", "county", "region", "region"]));
    assert!(has_problem(&ps, CALL_LOC, "excluded.kinds[0]", "cannot be excluded"), "{ps:?}");
    assert!(has_problem(&ps, CALL_LOC, "excluded.kinds[1]", "is not one of"));
    assert!(has_problem(&ps, CALL_LOC, "excluded.kinds[3]", "listed twice"));
}

#[test]
fn file_level_problems() {
    let e = load_rules("{ not json").expect_err("bad JSON");
    assert_eq!(e.len(), 1);
    assert!(e[0].message.contains("not valid JSON") && e[0].message.contains("line 1"), "{e:?}");
    let e = load_rules("[1, 2]").expect_err("array");
    assert!(e[0].message.contains("must be a JSON object, found an array"));
    let e = load_rules("{}").expect_err("empty object");
    for f in ["schema_version", "current_call", "calls"] {
        assert!(has_problem(&e, "file", f, "is missing"), "{f}: {e:?}");
    }
    let ps = problems_with(|v| v["calls"] = json!([]));
    assert!(has_problem(&ps, "file", "calls", "is empty"), "{ps:?}");
    let ps = problems_with(|v| v["calls"] = json!([42]));
    assert!(has_problem(&ps, "calls[0]", "", "must be an object"), "{ps:?}");
    let ps = problems_with(|v| {
        let c = v["calls"][0].clone();
        v["calls"].as_array_mut().expect("array").push(c);
    });
    assert!(has_problem(&ps, "calls[1] (test-call)", "id", "earlier call"), "{ps:?}");
    let ps = problems_with(|v| v["calls"][0]["status_quote"] = json!("bell\u{7}"));
    assert!(has_problem(&ps, CALL_LOC, "status_quote", "control characters"), "{ps:?}");
}

proptest! {
    #[test]
    fn load_rules_never_panics(s in ".{0,200}") {
        let _ = load_rules(&s);
    }

    #[test]
    fn load_rules_never_panics_on_damaged_fixtures(cut in 0usize..2000, junk in "[\\[\\]{}\":,0-9a-z ]{0,8}") {
        let text = fixture().to_string();
        let cut = cut.min(text.len());
        let damaged = format!("{}{junk}{}", &text[..cut], &text[cut..]);
        let _ = load_rules(&damaged);
    }
}

// ── population text ──

#[test]
fn population_accepts_common_ways_of_writing_numbers() {
    for (text, n) in [
        ("120000", 120_000),
        ("  120000 ", 120_000),
        ("100 000", 100_000),
        ("100\u{a0}000", 100_000),
        ("100\u{202f}000", 100_000),
        ("100,000", 100_000),
        ("100.000", 100_000),
        ("100'000", 100_000),
        ("1,234,567", 1_234_567),
        ("1.234.567", 1_234_567),
        ("1 234 567", 1_234_567),
        ("1.500", 1_500),
        ("7", 7),
        ("0100000", 100_000),
        ("10000000000", MAX_POPULATION),
        ("10,000,000,000", MAX_POPULATION),
    ] {
        assert_eq!(parse_population(text), Ok(n), "{text:?}");
    }
}

#[test]
fn population_rejects_with_a_helpful_reason() {
    use PopulationError::*;
    for (text, e) in [
        ("", Empty),
        ("   ", Empty),
        ("-5", Negative),
        ("−100 000", Negative),
        ("-abc", NotANumber),
        ("1.5", NotWhole),
        ("100,5", NotWhole),
        ("99999.99", NotWhole),
        ("1,234.5", NotWhole),
        ("1,234.567", NotWhole),
        ("12345.678", NotWhole),
        ("12345,678", NotWhole),
        ("100.000,5", NotWhole),
        ("120k", Abbreviated),
        ("120 K", Abbreviated),
        ("1.2 million", Abbreviated),
        ("2 mio.", Abbreviated),
        ("about 100000", NotANumber),
        ("100000 inhabitants", NotANumber),
        ("1e5", NotANumber),
        ("+120000", NotANumber),
        ("1,00,000", NotANumber),
        ("12 34", NotANumber),
        ("100  000", NotANumber),
        ("100,000.000,000", NotANumber),
        ("١٢٣", NotANumber),
        ("0", Zero),
        ("000", Zero),
        ("10000000001", TooLarge),
        ("99999999999999999999999999", TooLarge),
        ("1111111111111111111111111111111111111111111", NotANumber),
    ] {
        assert_eq!(parse_population(text), Err(e), "{text:?}");
    }
}

proptest! {
    #[test]
    fn population_round_trips_every_accepted_number(n in 1u64..=MAX_POPULATION, sep in prop::sample::select(vec!["", " ", ",", ".", "'", "\u{a0}"])) {
        // Write n with `sep` between groups of three, as a person might.
        let digits = n.to_string();
        let mut text = String::new();
        for (i, ch) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                text.push_str(sep);
            }
            text.push(ch);
        }
        prop_assert_eq!(parse_population(&text), Ok(n));
    }

    #[test]
    fn population_parse_never_panics(s in "\\PC{0,50}") {
        if let Ok(n) = parse_population(&s) {
            prop_assert!((1..=MAX_POPULATION).contains(&n));
        }
    }
}

// ── flow and navigation ──

#[test]
fn flow_for_a_city_skips_the_group_page() {
    assert_eq!(
        flow(&rules(), &city("DE", 200_000)),
        [Start, Kind, Country, Population, Commitments, Interests, Check, Result]
    );
}

#[test]
fn flow_for_a_group_asks_the_group_page() {
    assert_eq!(
        flow(&rules(), &group(200_000, Tri::Yes, Tri::Yes)),
        [Start, Kind, Country, Population, Group, Commitments, Interests, Check, Result]
    );
}

#[test]
fn flow_stops_at_the_answer_that_rules_out() {
    let r = rules();
    for k in [ApplicantKind::Region, ApplicantKind::Province, ApplicantKind::Other] {
        // Stale answers to later questions do not bring them back.
        let a = Answers { kind: Some(k), ..group(500_000, Tri::Yes, Tri::Yes) };
        assert_eq!(flow(&r, &a), [Start, Kind, Result], "{k:?}");
    }
    assert_eq!(flow(&r, &city("US", 500_000)), [Start, Kind, Country, Result]);
    let a = Answers { country: Some(CountryAnswer::Other), ..city("DE", 1) };
    assert_eq!(flow(&r, &a), [Start, Kind, Country, Result]);
    assert_eq!(flow(&r, &group(99_999, Tri::Yes, Tri::Yes)), [Start, Kind, Country, Population, Result]);
    assert_eq!(flow(&r, &group(100_000, Tri::Yes, Tri::Yes)), [Start, Kind, Country, Population, Result]);
    // A city below the (encouraged) threshold goes on.
    assert_eq!(flow(&r, &city("DE", 99_999)).len(), 8);
    // Not sure is not a knock-out.
    let a = Answers { population: Some(PopulationAnswer::NotSure), ..group(1, Tri::Yes, Tri::Yes) };
    assert!(flow(&r, &a).contains(&Group));
}

#[test]
fn flow_with_nothing_answered_is_the_city_path() {
    assert_eq!(
        flow(&rules(), &Answers::default()),
        [Start, Kind, Country, Population, Commitments, Interests, Check, Result]
    );
}

#[test]
fn changing_kind_from_group_to_city_drops_the_group_question() {
    let r = rules();
    let mut a = group(150_000, Tri::No, Tri::NotSure);
    assert!(flow(&r, &a).contains(&Group));
    assert_eq!(next(&r, &a, Population), Group);
    a.kind = Some(ApplicantKind::City);
    assert!(!flow(&r, &a).contains(&Group));
    assert_eq!(next(&r, &a, Population), Commitments);
    assert_eq!(back(&r, &a, Commitments), Population);
    // The stale group answers no longer count.
    let o = evaluate(&r, &a);
    assert_eq!(o.verdict, Verdict::Eligible);
    assert!(o.reasons.iter().all(|x| x.kind.step() != Some(Group)), "{o:#?}");
    // …and come back with the group.
    a.kind = Some(ApplicantKind::Group);
    assert_eq!(evaluate(&r, &a).verdict, Verdict::NotYet);
}

#[test]
fn back_from_each_step_returns_to_the_previous_relevant_step() {
    let r = rules();
    let cases = [
        city("DE", 200_000),
        group(200_000, Tri::Yes, Tri::Yes),
        group(99_999, Tri::Yes, Tri::Yes),
        city("US", 200_000),
        Answers { kind: Some(ApplicantKind::Region), ..Answers::default() },
        Answers::default(),
    ];
    for a in &cases {
        let f = flow(&r, a);
        for w in f.windows(2) {
            assert_eq!(back(&r, a, w[1]), w[0], "back from {:?} for {a:?}", w[1]);
            assert_eq!(next(&r, a, w[0]), w[1], "next from {:?} for {a:?}", w[0]);
        }
        assert_eq!(back(&r, a, Start), Start);
        assert_eq!(next(&r, a, Result), Result);
    }
    // Explicitly, for a group: Commitments → Group → Population → Country → Kind → Start.
    let a = group(200_000, Tri::Yes, Tri::Yes);
    let mut s = Commitments;
    let mut seen = vec![s];
    while s != Start {
        s = back(&r, &a, s);
        seen.push(s);
    }
    assert_eq!(seen, [Commitments, Group, Population, Country, Kind, Start]);
    // Back from the result of a region returns to the question that decided it.
    let a = Answers { kind: Some(ApplicantKind::Province), ..Answers::default() };
    assert_eq!(back(&r, &a, Result), Kind);
    assert_eq!(back(&r, &group(5, Tri::Yes, Tri::Yes), Result), Population);
    assert_eq!(back(&r, &city("CH", 5), Result), Country);
}

#[test]
fn next_and_back_from_a_page_that_no_longer_matters() {
    let r = rules();
    let a = city("DE", 200_000);
    assert_eq!(next(&r, &a, Group), Commitments);
    assert_eq!(back(&r, &a, Group), Population);
    let region = Answers { kind: Some(ApplicantKind::Region), ..Answers::default() };
    assert_eq!(next(&r, &region, Kind), Result);
    assert_eq!(next(&r, &region, Commitments), Result);
    assert_eq!(back(&r, &region, Check), Kind);
}

#[test]
fn data_decides_which_pages_exist() {
    let r = rules_with(|c| c["commitments"] = json!([]));
    assert!(!flow(&r, &city("DE", 200_000)).contains(&Commitments));
    assert_eq!(evaluate(&r, &city("DE", 200_000)).verdict, Verdict::Eligible);
    let r = rules_with(|c| {
        c["group"]["lead_authority"] = json!(false);
        c["group"]["members_commitment"] = json!(false);
    });
    assert!(!flow(&r, &group(200_000, Tri::No, Tri::No)).contains(&Group));
    assert_eq!(evaluate(&r, &group(200_000, Tri::No, Tri::No)).verdict, Verdict::Eligible);
    let r = rules_with(|c| c["group"]["lead_authority"] = json!(false));
    let a = Answers { lead: None, ..group(200_000, Tri::Yes, Tri::No) };
    assert_eq!(validate_step(&r, &a, Group), []);
    assert_eq!(evaluate(&r, &a).next_steps[0], NextStep::SecureMembersCommitment);
}

#[test]
fn submit_validates_then_moves_on() {
    let r = rules();
    let a = Answers::default();
    assert_eq!(submit(&r, &a, Start), Ok(Kind));
    let e = submit(&r, &a, Kind).expect_err("kind unanswered");
    assert_eq!(e, [FieldError::new(Kind, "kind", ErrorCode::SelectKind)]);
    let a = Answers { kind: Some(ApplicantKind::Region), ..a };
    assert_eq!(submit(&r, &a, Kind), Ok(Result));
    let a = Answers { kind: Some(ApplicantKind::Group), ..a };
    assert_eq!(submit(&r, &a, Kind), Ok(Country));
}

#[test]
fn resolve_step_sends_deep_links_to_the_first_open_question() {
    let r = rules();
    assert_eq!(resolve_step(&r, &Answers::default(), None), Start);
    assert_eq!(resolve_step(&r, &Answers::default(), Some(Check)), Kind);
    let a = Answers { population: None, ..city("DE", 1) };
    assert_eq!(resolve_step(&r, &a, Some(Result)), Population);
    assert_eq!(resolve_step(&r, &a, Some(Country)), Country);
    let full = city("DE", 200_000);
    assert_eq!(resolve_step(&r, &full, Some(Result)), Result);
    // A page that no longer matters: the next one that does.
    assert_eq!(resolve_step(&r, &full, Some(Group)), Commitments);
    let region = Answers { kind: Some(ApplicantKind::Region), ..Answers::default() };
    assert_eq!(resolve_step(&r, &region, Some(Population)), Result);
    let half = Answers { commitments: BTreeMap::new(), ..full };
    assert_eq!(resolve_step(&r, &half, Some(Check)), Commitments);
}

// ── validation ──

#[test]
fn each_page_reports_its_own_missing_answers() {
    let r = rules();
    let none = Answers::default();
    assert_eq!(validate_step(&r, &none, Start), []);
    assert_eq!(validate_step(&r, &none, Interests), []);
    assert_eq!(validate_step(&r, &none, Kind)[0].code, ErrorCode::SelectKind);
    assert_eq!(validate_step(&r, &none, Country)[0].code, ErrorCode::SelectCountry);
    assert_eq!(validate_step(&r, &none, Population)[0].code, ErrorCode::EnterPopulation);
    let g = validate_step(&r, &none, Group);
    assert_eq!(g.iter().map(|e| e.field.as_str()).collect::<Vec<_>>(), ["lead", "members"]);
    let c = validate_step(&r, &none, Commitments);
    assert_eq!(
        c.iter().map(|e| e.field.as_str()).collect::<Vec<_>>(),
        ["commitment-18m", "commitment-resources", "commitment-reporting"]
    );
    assert_eq!(c[1].code, ErrorCode::SelectCommitment { id: "resources".into() });
    assert_eq!(c[1].code.id(), "select-commitment");
    // Answered pages are clean.
    let a = group(150_000, Tri::NotSure, Tri::No);
    for s in Step::ALL {
        assert_eq!(validate_step(&r, &a, s), [], "{s:?}");
    }
}

#[test]
fn check_lists_every_missing_answer_of_the_flow() {
    let r = rules();
    let a = Answers { kind: Some(ApplicantKind::Group), ..Answers::default() };
    let steps: Vec<Step> = validate_step(&r, &a, Check).iter().map(|e| e.step).collect();
    assert_eq!(steps, [Country, Population, Group, Group, Commitments, Commitments, Commitments]);
    // Only the pages of the flow: a region has nothing left to answer.
    let a = Answers { kind: Some(ApplicantKind::Region), ..Answers::default() };
    assert_eq!(validate_step(&r, &a, Check), []);
    assert_eq!(validate_step(&r, &a, Result), []);
}

#[test]
fn malformed_answers_made_in_code_are_errors_not_crashes() {
    let r = rules();
    let a = Answers { country: Some(CountryAnswer::Code("germany".into())), ..city("DE", 1) };
    assert_eq!(validate_step(&r, &a, Country)[0].code, ErrorCode::SelectCountry);
    assert_eq!(evaluate(&r, &a).verdict, Verdict::Incomplete);
    let a = Answers { population: Some(PopulationAnswer::Count(0)), ..city("DE", 1) };
    assert_eq!(validate_step(&r, &a, Population)[0].code, ErrorCode::Population(PopulationError::Zero));
    let a = Answers { population: Some(PopulationAnswer::Count(u64::MAX)), ..city("DE", 1) };
    assert_eq!(validate_step(&r, &a, Population)[0].code, ErrorCode::Population(PopulationError::TooLarge));
    assert_eq!(FieldError::population(PopulationError::NotWhole).field, "population");
}

// ── outcomes ──

#[test]
fn eligible_city_cites_the_rules_and_points_to_the_closed_call_contacts() {
    let o = evaluate(&rules(), &city("DE", 120_000));
    assert_eq!(o.verdict, Verdict::Eligible);
    assert_eq!(
        kinds(&o),
        [
            "eu-member-state",
            "above-threshold",
            "commitment-confirmed",
            "commitment-confirmed",
            "commitment-confirmed",
            "call-closed"
        ]
    );
    assert_eq!(reason(&o, "eu-member-state").quote, "Q-members");
    assert_eq!(reason(&o, "above-threshold").quote, "Q-city");
    assert_eq!(
        o.reasons[1].kind,
        ReasonKind::AboveThreshold {
            threshold: rules().current().threshold,
            population: 120_000,
            requirement: Requirement::Encouraged,
            group: false
        }
    );
    assert_eq!(o.reasons[2].quote, "Q-18m");
    assert_eq!(o.reasons[4].quote, "Q-reporting");
    assert_eq!(
        reason(&o, "call-closed").kind,
        ReasonKind::CallClosed { call: "test-call".into(), closed_on: Some("2018-03-19".into()) }
    );
    assert_eq!(reason(&o, "call-closed").quote, "Q-status");
    assert_eq!(reason(&o, "call-closed").effect(), Effect::Info);
    assert_eq!(
        o.next_steps,
        [
            NextStep::ExplorePairings { topics: vec![], regions: vec![] },
            NextStep::JoinMailingList { email: "list@example.eu".into() },
            NextStep::ContactCoordinationUnit { email: "coord@example.eu".into() },
        ]
    );
}

#[test]
fn uk_was_a_member_state_in_2018() {
    let o = evaluate(&rules(), &city("GB", 250_000));
    assert_eq!(o.verdict, Verdict::Eligible);
    assert_eq!(o.reasons[0].kind, ReasonKind::EuMemberState { country: "GB".into() });
}

#[test]
fn exactly_the_threshold_is_not_more_than_it() {
    let r = rules();
    let o = evaluate(&r, &city("IT", 100_000));
    assert_eq!(o.verdict, Verdict::EligibleBelowEncouraged);
    let th = r.current().threshold;
    assert_eq!(
        reason(&o, "below-encouraged-size").kind,
        ReasonKind::BelowEncouragedSize { threshold: th, population: 100_000 }
    );
    assert_eq!(reason(&o, "below-encouraged-size").quote, "Q-city");
    assert_eq!(o.next_steps[0], NextStep::FormGroup { threshold: th });
    assert_eq!(evaluate(&r, &city("IT", 100_001)).verdict, Verdict::Eligible);
    assert_eq!(evaluate(&r, &city("IT", 1)).verdict, Verdict::EligibleBelowEncouraged);
}

#[test]
fn at_least_comparison_counts_the_threshold_itself() {
    let r = rules_with(|c| c["population"]["comparison"] = json!("at-least"));
    assert_eq!(evaluate(&r, &city("IT", 100_000)).verdict, Verdict::Eligible);
    assert_eq!(evaluate(&r, &city("IT", 99_999)).verdict, Verdict::EligibleBelowEncouraged);
    assert_eq!(evaluate(&r, &group(100_000, Tri::Yes, Tri::Yes)).verdict, Verdict::Eligible);
    assert_eq!(r.current().threshold.shortfall(99_999), 1);
}

#[test]
fn group_of_three_totalling_99999_is_not_eligible() {
    let r = rules();
    // Three municipalities of 40,000 + 35,000 + 24,999.
    let o = evaluate(&r, &group(40_000 + 35_000 + 24_999, Tri::Yes, Tri::Yes));
    assert_eq!(o.verdict, Verdict::NotEligible);
    let th = r.current().threshold;
    assert_eq!(
        reason(&o, "below-required-size").kind,
        ReasonKind::BelowRequiredSize { threshold: th, population: 99_999, group: true }
    );
    assert_eq!(reason(&o, "below-required-size").quote, "Q-group");
    assert_eq!(o.next_steps, [NextStep::EnlargeGroup { threshold: th, shortfall: 2 }]);
    // Exactly 100,000 does not exceed it either.
    let o = evaluate(&r, &group(100_000, Tri::Yes, Tri::Yes));
    assert_eq!(o.verdict, Verdict::NotEligible);
    assert_eq!(o.next_steps, [NextStep::EnlargeGroup { threshold: th, shortfall: 1 }]);
}

#[test]
fn group_above_the_threshold_with_everything_in_place_is_eligible() {
    let o = evaluate(&rules(), &group(100_001, Tri::Yes, Tri::Yes));
    assert_eq!(o.verdict, Verdict::Eligible);
    assert_eq!(reason(&o, "lead-authority-identified").quote, "Q-group");
    assert_eq!(reason(&o, "members-committed").quote, "Q-group");
    assert!(matches!(
        reason(&o, "above-threshold").kind,
        ReasonKind::AboveThreshold { group: true, requirement: Requirement::Required, .. }
    ));
}

#[test]
fn group_without_lead_authority_is_not_yet() {
    let o = evaluate(&rules(), &group(100_001, Tri::No, Tri::Yes));
    assert_eq!(o.verdict, Verdict::NotYet);
    assert_eq!(reason(&o, "lead-authority-missing").effect(), Effect::ToFix);
    assert_eq!(reason(&o, "lead-authority-missing").quote, "Q-group");
    assert_eq!(o.next_steps[0], NextStep::NameLeadAuthority);
    assert!(o.next_steps.contains(&NextStep::JoinMailingList { email: "list@example.eu".into() }));
}

#[test]
fn group_members_not_committed_or_unknown_is_not_yet() {
    let r = rules();
    let o = evaluate(&r, &group(300_000, Tri::Yes, Tri::No));
    assert_eq!(o.verdict, Verdict::NotYet);
    assert_eq!(o.next_steps[0], NextStep::SecureMembersCommitment);
    let o = evaluate(&r, &group(300_000, Tri::NotSure, Tri::NotSure));
    assert_eq!(o.verdict, Verdict::NotYet);
    assert_eq!(o.next_steps[..2], [NextStep::FindOutLeadAuthority, NextStep::FindOutMembersCommitment]);
    assert_eq!(reason(&o, "members-commitment-unknown").effect(), Effect::FindOut);
}

#[test]
fn regions_and_provinces_are_sent_to_the_inter_regional_programme() {
    let r = rules();
    for k in [ApplicantKind::Region, ApplicantKind::Province] {
        let o = evaluate(&r, &Answers { kind: Some(k), ..Answers::default() });
        assert_eq!(o.verdict, Verdict::NotEligible, "{k:?}");
        assert_eq!(
            o.reasons,
            [Reason { kind: ReasonKind::SubNationalGovernment { kind: k }, quote: "Q-excluded".into() }]
        );
        assert_eq!(
            o.next_steps,
            [
                NextStep::OtherProgramme { name: "the inter-regional programme".into() },
                NextStep::SupportCityApplication
            ]
        );
        assert_eq!(o.reasons[0].kind.step(), Some(Kind));
    }
}

#[test]
fn other_organisations_are_asked_to_apply_as_their_city() {
    let o = evaluate(&rules(), &Answers { kind: Some(ApplicantKind::Other), ..city("DE", 500_000) });
    assert_eq!(o.verdict, Verdict::NotEligible);
    assert_eq!(kinds(&o), ["not-a-city-or-group"]);
    assert_eq!(
        o.next_steps,
        [NextStep::ApplyAsCityOrGroup, NextStep::ContactCoordinationUnit { email: "coord@example.eu".into() }]
    );
}

#[test]
fn non_eu_country_is_not_eligible() {
    let r = rules();
    let o = evaluate(&r, &city("NO", 700_000));
    assert_eq!(o.verdict, Verdict::NotEligible);
    assert_eq!(
        o.reasons,
        [Reason { kind: ReasonKind::NotEuMemberState { country: Some("NO".into()) }, quote: "Q-members".into() }]
    );
    assert_eq!(o.next_steps, [NextStep::ContactCoordinationUnit { email: "coord@example.eu".into() }]);
    let o = evaluate(&r, &Answers { country: Some(CountryAnswer::Other), ..group(1, Tri::No, Tri::No) });
    assert_eq!(o.verdict, Verdict::NotEligible);
    assert_eq!(o.reasons[0].kind, ReasonKind::NotEuMemberState { country: None });
    // Ruled out even while the kind is still unanswered.
    let o = evaluate(&r, &Answers { country: Some(CountryAnswer::Code("US".into())), ..Answers::default() });
    assert_eq!(o.verdict, Verdict::NotEligible);
}

#[test]
fn not_sure_answers_give_not_yet_with_find_out_steps() {
    let r = rules();
    let a = Answers { population: Some(PopulationAnswer::NotSure), ..city("FR", 1) };
    let o = evaluate(&r, &a);
    assert_eq!(o.verdict, Verdict::NotYet);
    assert_eq!(
        reason(&o, "population-unknown").kind,
        ReasonKind::PopulationUnknown {
            threshold: r.current().threshold,
            requirement: Requirement::Encouraged,
            group: false
        }
    );
    assert_eq!(o.next_steps[0], NextStep::FindOutPopulation { group: false });
    let a = Answers { population: Some(PopulationAnswer::NotSure), ..group(1, Tri::Yes, Tri::Yes) };
    let o = evaluate(&r, &a);
    assert_eq!(o.verdict, Verdict::NotYet);
    assert_eq!(reason(&o, "population-unknown").quote, "Q-group");
    assert_eq!(o.next_steps[0], NextStep::FindOutPopulation { group: true });
}

#[test]
fn commitments_answered_no_or_not_sure_are_to_confirm() {
    let r = rules();
    let mut a = city("ES", 300_000);
    a.commitments.insert("resources".into(), Tri::No);
    a.commitments.insert("reporting".into(), Tri::NotSure);
    let o = evaluate(&r, &a);
    assert_eq!(o.verdict, Verdict::NotYet);
    assert_eq!(reason(&o, "commitment-declined").quote, "Q-resources");
    assert_eq!(reason(&o, "commitment-unsure").quote, "Q-reporting");
    assert_eq!(
        o.next_steps[..2],
        [
            NextStep::ConfirmCommitment { id: "resources".into() },
            NextStep::FindOutCommitment { id: "reporting".into() }
        ]
    );
    // A commitment the call does not list is ignored.
    let mut a = city("ES", 300_000);
    a.commitments.insert("unknown".into(), Tri::No);
    assert_eq!(evaluate(&r, &a).verdict, Verdict::Eligible);
}

#[test]
fn several_things_to_fix_come_out_in_question_order() {
    let mut a = group(400_000, Tri::No, Tri::NotSure);
    a.commitments.insert("18m".into(), Tri::No);
    let o = evaluate(&rules(), &a);
    assert_eq!(o.verdict, Verdict::NotYet);
    assert_eq!(
        o.next_steps[..3],
        [
            NextStep::NameLeadAuthority,
            NextStep::FindOutMembersCommitment,
            NextStep::ConfirmCommitment { id: "18m".into() }
        ]
    );
}

#[test]
fn unanswered_questions_give_incomplete() {
    let r = rules();
    let o = evaluate(&r, &Answers::default());
    assert_eq!(o.verdict, Verdict::Incomplete);
    assert_eq!(o.next_steps, [Kind, Country, Population, Commitments].map(|step| NextStep::AnswerQuestion { step }));
    let a = Answers { lead: None, ..group(200_000, Tri::Yes, Tri::Yes) };
    let o = evaluate(&r, &a);
    assert_eq!(o.verdict, Verdict::Incomplete);
    assert_eq!(o.next_steps, [NextStep::AnswerQuestion { step: Group }]);
    // A single unanswered commitment is enough.
    let mut a = city("DE", 200_000);
    a.commitments.remove("18m");
    assert_eq!(evaluate(&r, &a).verdict, Verdict::Incomplete);
}

#[test]
fn interests_are_carried_to_the_explore_step() {
    let mut a = city("DE", 200_000);
    a.topics = vec!["mobility".into(), "water".into()];
    a.regions = vec![Region::Asia];
    let o = evaluate(&rules(), &a);
    assert!(o
        .next_steps
        .contains(&NextStep::ExplorePairings { topics: a.topics.clone(), regions: vec![Region::Asia] }));
}

#[test]
fn call_status_decides_the_closing_next_steps() {
    let r = rules_with(|c| c["status"] = json!("open"));
    let o = evaluate(&r, &city("DE", 200_000));
    assert_eq!(
        reason(&o, "call-open").kind,
        ReasonKind::CallOpen { call: "test-call".into(), closes: Some("2018-03-19".into()) }
    );
    assert!(o.next_steps.contains(&NextStep::Apply { closes: Some("2018-03-19".into()) }));
    assert!(!o.next_steps.iter().any(|n| n.id() == "join-mailing-list"));
    let r = rules_with(|c| {
        c["status"] = json!("upcoming");
        c["opens"] = json!("2019-01-15");
        c["closes"] = Value::Null;
    });
    let o = evaluate(&r, &city("DE", 200_000));
    assert_eq!(
        reason(&o, "call-upcoming").kind,
        ReasonKind::CallUpcoming { call: "test-call".into(), opens: Some("2019-01-15".into()) }
    );
    assert!(o.next_steps.iter().any(|n| n.id() == "join-mailing-list"));
}

#[test]
fn a_call_requiring_city_size_rules_small_cities_out() {
    let r = rules_with(|c| c["city"]["population"] = json!("required"));
    let o = evaluate(&r, &city("DE", 100_000));
    assert_eq!(o.verdict, Verdict::NotEligible);
    assert_eq!(flow(&r, &city("DE", 100_000)), [Start, Kind, Country, Population, Result]);
    assert_eq!(o.next_steps, [NextStep::FormGroup { threshold: r.current().threshold }]);
}

#[test]
fn ids_are_distinct_for_translation() {
    let ids: HashSet<&str> = Step::ALL.iter().map(|s| s.id()).collect();
    assert_eq!(ids.len(), Step::ALL.len());
    let ids: HashSet<&str> = ApplicantKind::ALL.iter().map(|s| s.id()).collect();
    assert_eq!(ids.len(), ApplicantKind::ALL.len());
    for s in Step::ALL {
        assert_eq!(Step::from_id(s.id()), Some(s));
    }
    for k in ApplicantKind::ALL {
        assert_eq!(ApplicantKind::from_id(k.id()), Some(k));
    }
}

// ── the URL ──

#[test]
fn encode_writes_the_documented_form() {
    let mut a = group(99_999, Tri::Yes, Tri::Yes);
    a.commitments = BTreeMap::from([("18m".into(), Tri::Yes), ("resources".into(), Tri::NotSure)]);
    a.topics = vec!["mobility".into(), "water".into()];
    a.regions = vec![Region::Asia];
    assert_eq!(
        encode_query(&a, Some(Check)),
        "kind=group&country=ES&pop=99999&lead=yes&members=yes&c=18m:yes,resources:notsure&topics=mobility,water&regions=asia&step=check"
    );
    assert_eq!(decode_answers(&encode_query(&a, Some(Check))), (a.clone(), Some(Check)));
    assert_eq!(encode_answers(&Answers::default()), "");
    let a = Answers { population: Some(PopulationAnswer::NotSure), ..Answers::default() };
    assert_eq!(encode_answers(&a), "pop=notsure");
}

#[test]
fn encode_leaves_out_what_decode_would_drop() {
    let a = Answers {
        country: Some(CountryAnswer::Code("D&E".into())),
        population: Some(PopulationAnswer::Count(0)),
        commitments: BTreeMap::from([("a b".into(), Tri::Yes)]),
        topics: vec!["x&step=result".into(), "ok".into()],
        ..Answers::default()
    };
    assert_eq!(encode_answers(&a), "topics=ok");
}

#[test]
fn decode_ignores_what_it_does_not_understand() {
    let (a, step) = decode_answers(
        "?kind=city&kind=martian&country=de&pop=12.5&pop=120000&lead=perhaps&utm_source=mail&c=18m:yes,bogus,:no,resources:maybe,X:yes&topics=Water,,mobility,mobility&regions=asia,mars,asia&step=nowhere&=&&novalue",
    );
    assert_eq!(a.kind, Some(ApplicantKind::City));
    assert_eq!(a.country, Some(CountryAnswer::Code("DE".into())));
    assert_eq!(a.population, Some(PopulationAnswer::Count(120_000)));
    assert_eq!(a.lead, None);
    assert_eq!(a.commitments, BTreeMap::from([("18m".into(), Tri::Yes)]));
    assert_eq!(a.topics, ["mobility"]);
    assert_eq!(a.regions, [Region::Asia]);
    assert_eq!(step, None);
    for q in ["pop=0", "pop=10000000001", "pop=-1", "pop=1e5", "pop=", "pop=%20"] {
        assert_eq!(decode_answers(q).0.population, None, "{q}");
    }
    assert_eq!(decode_answers("pop=10000000000").0.population, Some(PopulationAnswer::Count(MAX_POPULATION)));
}

#[test]
fn decode_understands_percent_escapes_and_eu_country_codes() {
    let (a, step) = decode_answers("c=18m%3Ayes%2Creporting%3Ano&regions=north-america%2Casia&step=res%75lt");
    assert_eq!(a.commitments, BTreeMap::from([("18m".into(), Tri::Yes), ("reporting".into(), Tri::No)]));
    assert_eq!(a.regions, [Region::NorthAmerica, Region::Asia]);
    assert_eq!(step, Some(Result));
    assert_eq!(decode_answers("country=UK").0.country, Some(CountryAnswer::Code("GB".into())));
    assert_eq!(decode_answers("country=el").0.country, Some(CountryAnswer::Code("GR".into())));
    assert_eq!(decode_answers("country=other").0.country, Some(CountryAnswer::Other));
    for q in ["country=%ZZ", "country=%4", "country=%+1", "country=%C3", "country=DEU", "country=%C3%A9s"] {
        assert_eq!(decode_answers(q).0.country, None, "{q}");
    }
}

#[test]
fn decode_bounds_lists() {
    let many: Vec<String> = (0..500).map(|i| format!("t{i}")).collect();
    let (a, _) = decode_answers(&format!("topics={}", many.join(",")));
    assert_eq!(a.topics.len(), MAX_LIST);
    let many: Vec<String> = (0..500).map(|i| format!("c{i}:yes")).collect();
    let (a, _) = decode_answers(&format!("c={}", many.join(",")));
    assert_eq!(a.commitments.len(), MAX_LIST);
}

fn id_strategy() -> impl Strategy<Value = String> {
    "[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,2}"
}

fn tri() -> impl Strategy<Value = Tri> {
    prop::sample::select(Tri::ALL.to_vec())
}

fn answers_strategy() -> impl Strategy<Value = Answers> {
    let country = prop_oneof![
        Just(CountryAnswer::Other),
        "[A-Z]{2}".prop_filter("EU aliases are normalised", |c| c != "UK" && c != "EL").prop_map(CountryAnswer::Code),
        prop::sample::select(vec!["DE", "ES", "GB", "US", "CH"]).prop_map(|c| CountryAnswer::Code(c.to_string())),
    ];
    let population = prop_oneof![
        Just(PopulationAnswer::NotSure),
        (1u64..=MAX_POPULATION).prop_map(PopulationAnswer::Count),
        (99_990u64..100_010).prop_map(PopulationAnswer::Count),
    ];
    let commitment_id =
        prop_oneof![prop::sample::select(vec!["18m", "resources", "reporting"]).prop_map(String::from), id_strategy()];
    (
        prop::option::of(prop::sample::select(ApplicantKind::ALL.to_vec())),
        prop::option::of(country),
        prop::option::of(population),
        prop::option::of(tri()),
        prop::option::of(tri()),
        prop::collection::btree_map(commitment_id, tri(), 0..6),
        prop::collection::vec(id_strategy(), 0..5),
        prop::sample::subsequence(Region::ALL.to_vec(), 0..=3).prop_shuffle(),
    )
        .prop_map(|(kind, country, population, lead, members, commitments, mut topics, regions)| {
            let mut seen = HashSet::new();
            topics.retain(|t| seen.insert(t.clone()));
            Answers { kind, country, population, lead, members, commitments, topics, regions }
        })
}

proptest! {
    #[test]
    fn encode_then_decode_is_identity(a in answers_strategy(), step in prop::option::of(prop::sample::select(Step::ALL.to_vec()))) {
        let q = encode_query(&a, step);
        prop_assert!(q.bytes().all(|b| b.is_ascii_alphanumeric() || b"=&,:-".contains(&b)), "{}", q);
        prop_assert_eq!(decode_answers(&q), (a.clone(), step));
        prop_assert_eq!(decode_answers(&format!("?{}", encode_answers(&a))), (a, None));
    }

    #[test]
    fn decode_never_panics_and_its_result_is_stable(q in "\\PC{0,300}") {
        let (a, step) = decode_answers(&q);
        prop_assert_eq!(decode_answers(&encode_query(&a, step)), (a, step));
    }

    #[test]
    fn decode_never_panics_on_near_miss_queries(q in "(&|=|,|:|%|%2|%3A|%2C|kind|pop|c|topics|regions|country|step|lead|yes|no|notsure|city|group|[0-9]{1,12}|[a-zA-Z-]{1,5}){0,30}") {
        let (a, step) = decode_answers(&q);
        prop_assert_eq!(decode_answers(&encode_query(&a, step)), (a, step));
    }

    #[test]
    fn every_answer_set_gets_a_consistent_outcome(a in answers_strategy()) {
        let r = rules();
        let f = flow(&r, &a);
        prop_assert_eq!(f.first(), Some(&Start));
        prop_assert_eq!(f.last(), Some(&Result));
        prop_assert!(f.windows(2).all(|w| w[0] < w[1]));
        for w in f.windows(2) {
            prop_assert_eq!(next(&r, &a, w[0]), w[1]);
            prop_assert_eq!(back(&r, &a, w[1]), w[0]);
        }
        let landing = resolve_step(&r, &a, Some(Result));
        prop_assert!(f.contains(&landing));
        let o = evaluate(&r, &a);
        let has = |e: Effect| o.reasons.iter().any(|x| x.effect() == e);
        match o.verdict {
            Verdict::Eligible => prop_assert!(!has(Effect::Excludes) && !has(Effect::ToFix) && !has(Effect::FindOut) && !has(Effect::Encouraged)),
            Verdict::EligibleBelowEncouraged => prop_assert!(has(Effect::Encouraged) && !has(Effect::ToFix) && !has(Effect::FindOut)),
            Verdict::NotYet => prop_assert!(has(Effect::ToFix) || has(Effect::FindOut)),
            Verdict::NotEligible => {
                prop_assert!(has(Effect::Excludes));
                prop_assert!(!f.contains(&Check));
            }
            Verdict::Incomplete => {
                let only_questions = o.next_steps.iter().all(|n| n.id() == "answer-question");
                prop_assert!(only_questions);
            }
        }
        // Complete answers land on the result; the result page has no errors exactly then.
        let complete = validate_step(&r, &a, Result).is_empty();
        prop_assert_eq!(complete, landing == Result);
        if complete {
            prop_assert_ne!(o.verdict, Verdict::Incomplete);
        } else if !has(Effect::Excludes) {
            prop_assert_eq!(o.verdict, Verdict::Incomplete);
        }
        // Every reason cites a sentence of the rules.
        let quotes: Vec<&str> = r.current().quotes().into_iter().map(|(_, q)| q).collect();
        for x in &o.reasons {
            prop_assert!(quotes.contains(&x.quote.as_str()), "{:?}", x);
        }
    }
}
