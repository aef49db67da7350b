//! The shipped rules file (`public/data/eligibility.json`) loads clean, says what the programme
//! page says, and quotes it word for word.

use iuc_core::dataset::Region;
use iuc_core::eligibility::*;
use std::collections::BTreeMap;

const SHIPPED: &str = include_str!("../../public/data/eligibility.json");

/// The paragraphs of the programme page (the seed text) that the rules quote, copied verbatim.
const SEED_EXCERPT: &str = r#"Cities in the Member States of the European Union who wish to exchange with a city facing similar challenges in another global region can benefit from the International Urban Cooperation (IUC) city-to-city cooperation programme on sustainable urban development. The programme aims to foster links between EU cities and those in Asia, Latin America and the Caribbean, and North America. Through the programme, local leaders will be able to connect and gain new perspectives on pressing sustainable development issues.
Interested cities are encouraged to refer to our FAQ (Frequently Asked Questions), as well as scrolling down below to see current pairings from the 2017 calls and the conditions regarding applicant cities’ commitment and eligibility. For further information, you may also contact coordination-unit@iuc-europe.eu.
The 2018 call for EU cities to apply has already closed (on March 19th). If you wish to receive regular updates on IUC and its global activities, please join the IUC mailing list by writing to support@iuc-europe.eu.
Chosen cities must commit to cooperating intensively with their partner city for at least 18 months, and to share on their progress. Cities also agree to develop a sustainable urban development Local Action Plan on the identified knowledge sharing priority. After this period, cities commit to reporting on their progress and on concrete actions to be carried out in the future. Each city will sign a Partnership Agreement to this effect.
The Local Action Plans will follow a common methodology, in line with the EU-funded URBACT programme experience and should be developed through an inclusive multi-stakeholder process. Each city will develop its own Local Action Plan. The Local Action Plans must include activities and economically viable pilot projects that are capable of being realised in the short term, thereby opening up market opportunities and encouraging the involvement of EU research, businesses, other levels of government and the local community.
In order to ensure a successful exchange and roll-out of measures and actions, cities need to commit an adequate amount of time and resources to implement the work. These resources should be sufficient to the ambition of the actions planned. 
Mobilizing a critical mass of stakeholders and key partners is a crucial component for the successful development of a Local Action Plan. These actors should be included in a multi-level and multi-stakeholder (e.g. academia, business, etc.) partnership, through the planning, roll-out and implementation of the Local Action Plan. Cities with more than 100,000 inhabitants are encouraged to apply.
Groups of municipalities will also be eligible to apply, but only if their total population still exceeds 100,000 inhabitants and a clear administrative contact of the lead urban authority has been identified and provided, as well as the commitment of the others concerned.
Sub-national governments, such as regions and provinces, are invited to support cities applying, but they will not be considered eligible applicants themselves. Regions wishing to engage in sustainable development are invited to apply for the inter-regional cooperation on innovation for local and regional development programme."#;

/// The seed itself, beside the repository (`../shared`), where the workspace and CI have it.
const SEED_PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/seeds/000_7cf7ce661e22f976.txt");

fn shipped() -> Rules {
    match load_rules(SHIPPED) {
        Ok(r) => r,
        Err(problems) => {
            let list: Vec<String> = problems.iter().map(|p| format!("  {p}")).collect();
            panic!("public/data/eligibility.json has {} problem(s):\n{}", problems.len(), list.join("\n"))
        }
    }
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn shipped_rules_load_clean() {
    let r = shipped();
    assert_eq!(r.current().id, "eu-cities-2018");
    assert!(!r.source().is_empty());
}

#[test]
fn the_2018_call_says_what_the_programme_page_says() {
    let r = shipped();
    let c = r.current();
    assert_eq!(c.status, CallStatus::Closed);
    assert_eq!(c.closes.as_deref(), Some("2018-03-19"));
    // The 28 member states of 2018, the United Kingdom included.
    let mut codes = c.member_states.codes.clone();
    codes.sort();
    assert_eq!(
        codes,
        [
            "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GB", "GR", "HR", "HU", "IE", "IT", "LT",
            "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK"
        ]
    );
    // "more than 100,000" and "exceeds 100,000": strictly greater.
    assert_eq!(c.threshold, Threshold { value: 100_000, comparison: Comparison::MoreThan });
    assert_eq!(c.city.population, Requirement::Encouraged);
    assert_eq!(c.group.population, Requirement::Required);
    assert!(c.group.lead_authority && c.group.members_commitment);
    let excluded = c.excluded.as_ref().expect("regions and provinces are excluded");
    assert_eq!(excluded.kinds, [ApplicantKind::Region, ApplicantKind::Province]);
    assert_eq!(
        excluded.redirect.as_ref().map(|r| r.name.as_str()),
        Some("the inter-regional cooperation on innovation for local and regional development programme")
    );
    let ids: Vec<&str> = c.commitments.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["18m", "resources", "action-plan", "partnership-agreement", "reporting"]);
    assert_eq!(c.contacts.coordination.email, "coordination-unit@iuc-europe.eu");
    assert_eq!(c.contacts.mailing_list.email, "support@iuc-europe.eu");
}

#[test]
fn every_quote_is_a_verbatim_sentence_of_the_programme_page() {
    let r = shipped();
    let excerpt = squash(SEED_EXCERPT);
    for call in r.calls() {
        for (field, quote) in call.quotes() {
            assert!(excerpt.contains(&squash(quote)), "{} · {field} is not verbatim from the seed: {quote:?}", call.id);
            assert!(quote.ends_with('.'), "{} · {field} is not a whole sentence: {quote:?}", call.id);
        }
    }
}

#[test]
fn the_excerpt_is_copied_verbatim_from_the_seed() {
    // Where the seed is beside the repository (this workspace, CI), check the copy against it.
    let Ok(seed) = std::fs::read_to_string(SEED_PATH) else {
        eprintln!("note: {SEED_PATH} not found; the excerpt was not compared with the seed");
        return;
    };
    let seed = squash(&seed);
    for paragraph in SEED_EXCERPT.lines() {
        assert!(seed.contains(&squash(paragraph)), "not in the seed: {paragraph:?}");
    }
}

fn all_yes(r: &Rules) -> BTreeMap<String, Tri> {
    r.current().commitments.iter().map(|c| (c.id.clone(), Tri::Yes)).collect()
}

fn city(r: &Rules, country: &str, population: u64) -> Answers {
    Answers {
        kind: Some(ApplicantKind::City),
        country: Some(CountryAnswer::Code(country.to_string())),
        population: Some(PopulationAnswer::Count(population)),
        commitments: all_yes(r),
        ..Answers::default()
    }
}

#[test]
fn shipped_rules_give_the_expected_verdicts() {
    let r = shipped();
    let c = r.current();
    let o = evaluate(&r, &city(&r, "GB", 250_000));
    assert_eq!(o.verdict, Verdict::Eligible);
    assert_eq!(o.reasons[0].quote, c.member_states.quote);
    assert!(o.next_steps.contains(&NextStep::JoinMailingList { email: "support@iuc-europe.eu".into() }));

    let o = evaluate(&r, &city(&r, "SI", 100_000));
    assert_eq!(o.verdict, Verdict::EligibleBelowEncouraged);
    assert!(o.reasons.iter().any(|x| x.quote == "Cities with more than 100,000 inhabitants are encouraged to apply."));

    let group = Answers {
        kind: Some(ApplicantKind::Group),
        lead: Some(Tri::Yes),
        members: Some(Tri::Yes),
        ..city(&r, "HR", 99_999)
    };
    let o = evaluate(&r, &group);
    assert_eq!(o.verdict, Verdict::NotEligible);
    assert_eq!(o.reasons.last().map(|x| x.quote.as_str()), Some(c.group.quote.as_str()));

    let o = evaluate(&r, &Answers { kind: Some(ApplicantKind::Province), ..Answers::default() });
    assert_eq!(o.verdict, Verdict::NotEligible);
    assert_eq!(
        o.next_steps[0],
        NextStep::OtherProgramme {
            name: "the inter-regional cooperation on innovation for local and regional development programme".into()
        }
    );

    // The documented URL round-trips against the shipped commitment ids.
    let (a, step) =
        decode_answers("kind=group&country=ES&pop=99999&lead=yes&members=yes&c=18m:yes,resources:notsure&topics=mobility,water&regions=asia&step=check");
    assert_eq!(step, Some(Step::Check));
    assert_eq!(a.regions, [Region::Asia]);
    assert!(a.commitments.keys().all(|id| c.commitment(id).is_some()));
    assert_eq!(evaluate(&r, &a).verdict, Verdict::NotEligible);
}
