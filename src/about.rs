//! About the programme, built from the programme page.

use crate::i18n::use_i18n;
use leptos::prelude::*;

#[component]
pub fn AboutPage() -> impl IntoView {
    let i = use_i18n();
    view! {
        <section class="page about">
            <h1>{move || i.t().nav_about}</h1>
        </section>
    }
}
