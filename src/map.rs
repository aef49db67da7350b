//! The offline pairings map (being written).
use leptos::prelude::*;

#[component]
pub fn PairingsMap() -> impl IntoView {
    view! { <div class="map-pane"></div> }
}
