//! "Find your city": an accessible combobox (WAI-ARIA 1.2 combobox pattern with a listbox popup)
//! over the gazetteer. It only fills in other fields; the wizard works without it, so nothing is
//! shown when the gazetteer is not (yet) loaded.

use super::Wiz;
use crate::i18n::fill;
use iuc_core::gazetteer::City;
use leptos::prelude::*;

/// How many suggestions the list shows.
pub const MAX_SUGGESTIONS: usize = 8;
const INPUT_ID: &str = "city-finder";
const LIST_ID: &str = "city-finder-list";

fn option_id(n: usize) -> String {
    format!("{LIST_ID}-{n}")
}

/// The combobox. `on_pick` fills in the other fields and says whether it filled the population.
#[component]
pub fn Finder(w: Wiz, group: bool, on_pick: Callback<City, bool>) -> impl IntoView {
    move || match w.gazetteer.get() {
        Some(Ok(_)) => Some(view! { <FinderBox w=w group=group on_pick=on_pick /> }),
        _ => None,
    }
}

#[component]
fn FinderBox(w: Wiz, group: bool, on_pick: Callback<City, bool>) -> impl IntoView {
    let t = w.t_untracked();
    let lang = w.lang.get_untracked();
    let query = RwSignal::new(String::new());
    let open = RwSignal::new(false);
    let active: RwSignal<Option<usize>> = RwSignal::new(None);
    let status = RwSignal::new(String::new());
    let results = Memo::new(move |_| {
        let q = query.get();
        match w.gazetteer.get() {
            Some(Ok(g)) => g.search(&q, MAX_SUGGESTIONS),
            _ => Vec::new(),
        }
    });
    let announce_count = move || {
        let n = results.with(Vec::len);
        status.set(match n {
            0 if query.with(|q| q.trim().is_empty()) => String::new(),
            0 => t.finder_no_results.to_string(),
            1 => t.finder_one_result.to_string(),
            n => fill(t.finder_results, &[("n", &n.to_string())]),
        });
    };
    let label = move |c: &City| format!("{}, {}", c.name, w.country_name(&c.country));
    let pick = move |n: usize| {
        let Some(c) = results.with_untracked(|r| r.get(n).cloned()) else { return };
        let text = label(&c);
        query.set(text.clone());
        open.set(false);
        active.set(None);
        let country = w.country_name(&c.country);
        let pop = super::fmt_u64(lang, c.population);
        let filled_population = on_pick.run(c.clone());
        let template = if filled_population { t.finder_selected_both } else { t.finder_selected_country };
        status.set(fill(template, &[("city", &c.name), ("country", &country), ("population", &pop)]));
    };
    let on_keydown = move |ev: web_sys::KeyboardEvent| {
        let n = results.with_untracked(Vec::len);
        match ev.key().as_str() {
            "ArrowDown" if n > 0 => {
                ev.prevent_default();
                open.set(true);
                active.update(|a| *a = Some(a.map_or(0, |i| (i + 1) % n)));
            }
            "ArrowUp" if n > 0 => {
                ev.prevent_default();
                open.set(true);
                active.update(|a| *a = Some(a.map_or(n - 1, |i| (i + n - 1) % n)));
            }
            "Enter" if open.get_untracked() => {
                // Choosing, not submitting the form.
                ev.prevent_default();
                match active.get_untracked() {
                    Some(i) => pick(i),
                    None => open.set(false),
                }
            }
            "Escape" => {
                if open.get_untracked() {
                    ev.prevent_default();
                    open.set(false);
                    active.set(None);
                } else if !query.with_untracked(String::is_empty) {
                    ev.prevent_default();
                    query.set(String::new());
                    status.set(String::new());
                }
            }
            _ => {}
        }
    };
    let options = move || {
        results
            .get()
            .iter()
            .enumerate()
            .map(|(n, c)| {
                let selected = move || active.get() == Some(n);
                let meta = format!(
                    "{} · {}",
                    w.country_name(&c.country),
                    fill(t.finder_option_population, &[("population", &super::fmt_u64(lang, c.population))])
                );
                view! {
                    <li
                        role="option"
                        id=option_id(n)
                        class=move || if selected() { "autocomplete__option autocomplete__option--active" } else { "autocomplete__option" }
                        aria-selected=move || selected().to_string()
                        on:mousedown=move |ev: web_sys::MouseEvent| ev.prevent_default()
                        on:click=move |_| pick(n)
                    >
                        <span class="autocomplete__name">{c.name.clone()}</span>
                        " "
                        <span class="autocomplete__meta">{meta}</span>
                    </li>
                }
            })
            .collect_view()
    };
    let expanded = move || open.get() && results.with(|r| !r.is_empty());
    view! {
        <div class="form-group finder">
            <label class="label label--s" for=INPUT_ID>{t.finder_label}</label>
            <div class="hint" id="city-finder-hint">{if group { t.finder_hint_group } else { t.finder_hint_city }}</div>
            <div class="autocomplete">
                <input
                    class="input autocomplete__input"
                    id=INPUT_ID
                    type="text"
                    role="combobox"
                    autocomplete="off"
                    spellcheck="false"
                    aria-autocomplete="list"
                    aria-controls=LIST_ID
                    aria-describedby="city-finder-hint"
                    aria-expanded=move || expanded().to_string()
                    aria-activedescendant=move || if expanded() { active.get().map(option_id) } else { None }
                    prop:value=move || query.get()
                    on:input:target=move |ev| {
                        query.set(ev.target().value());
                        active.set(None);
                        open.set(true);
                        announce_count();
                    }
                    on:keydown=on_keydown
                    on:blur=move |_| {
                        open.set(false);
                        active.set(None);
                    }
                />
                <ul class="autocomplete__list" id=LIST_ID role="listbox" aria-label=t.finder_list_label hidden=move || !expanded()>
                    {options}
                </ul>
            </div>
            <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">{move || status.get()}</div>
            <p class="small">{t.finder_credit}</p>
        </div>
    }
}
