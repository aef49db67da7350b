//! The eligibility wizard: "Can my city join?".

use crate::i18n::use_i18n;
use leptos::prelude::*;

#[component]
pub fn WizardPage() -> impl IntoView {
    let i = use_i18n();
    view! {
        <section class="page wizard">
            <h1>{move || i.t().nav_eligibility}</h1>
        </section>
    }
}
