//! The offline pairings map: an SVG over the bundled Natural Earth basemap, one marker per
//! place, one arc per pairing, linked with the table through the shared URL state.
//!
//! Geometry (projection, arcs, clustering, zoom/pan maths) is in `iuc_core::geo`; this module
//! holds the view signals and turns pointer, wheel and keyboard input into view changes.

use crate::explore::ExploreCtx;
use crate::i18n::region_label;
use crate::i18n::{fill, use_i18n};
use iuc_core::geo::{self, View};
use iuc_core::order::set_of;
use leptos::prelude::*;
use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

/// Marker radius in screen pixels.
const MARKER_PX: f64 = 6.0;
/// How close (screen pixels) markers may be before they cluster.
const CLUSTER_PX: f64 = 14.0;
/// Which pairings are shown, by index: a constant-time `contains` for a place's pairings (the
/// tooltip, a marker's click). Only computed when one of them reads it: the markers themselves
/// come from `Geometry::places_of`.
#[derive(Clone, Debug, Default, PartialEq)]
struct Shown(Vec<bool>);

impl Shown {
    fn of(n: usize, rows: &[usize]) -> Shown {
        let mut v = vec![false; n];
        for &r in rows {
            if let Some(x) = v.get_mut(r) {
                *x = true;
            }
        }
        Shown(v)
    }

    fn contains(&self, i: &usize) -> bool {
        self.0.get(*i).copied().unwrap_or(false)
    }
}

/// Above this many shown pairings the arcs are not drawn (see `arcs` below): more make a
/// tangle that cannot be read, and cost more than a frame to draw.
pub const MAX_ARCS: usize = 500;
/// A cluster's accessible name lists this many of its cities (each name once), then "…".
const CLUSTER_NAMES: usize = 5;

/// One place on the map: a city, or a member of a multi-place entry.
#[derive(Clone, Debug)]
pub struct Place {
    pub name: String,
    pub country: String,
    pub x: f64,
    pub y: f64,
    pub eu: bool,
    /// Pairings (dataset indices) this place is part of.
    pub pairings: Vec<usize>,
}

/// Geometry derived once from the dataset.
pub struct Geometry {
    pub places: Vec<Place>,
    /// The places (indices into `places`) of each pairing, by dataset index.
    pub places_of: Vec<Vec<usize>>,
    /// SVG path data of each pairing's arc(s), by dataset index.
    pub arcs: Vec<String>,
    /// The numeric (world-atlas) ids of the countries taking part, each once.
    pub countries: Vec<String>,
    /// The EU-side and partner-side countries (indices into `countries`), by dataset index.
    pub country_ix: Vec<(Option<usize>, Option<usize>)>,
    /// The two opposite corners (map units) of the box around each pairing's drawn arcs, by
    /// dataset index: what "fit to shown" fits, without sampling the arcs again.
    pub extents: Vec<[(f64, f64); 2]>,
}

impl Geometry {
    pub fn new(ds: &iuc_core::dataset::Dataset) -> Geometry {
        let mut places: Vec<Place> = Vec::new();
        let mut at: HashMap<(String, String, i64, i64), usize> = HashMap::new();
        let mut arcs = Vec::with_capacity(ds.pairings.len());
        let mut extents = Vec::with_capacity(ds.pairings.len());
        let mut countries: Vec<String> = Vec::new();
        let mut country_ix = Vec::with_capacity(ds.pairings.len());
        for (i, p) in ds.pairings.iter().enumerate() {
            for (side, eu) in [(&p.eu, true), (&p.partner, false)] {
                for (name, lat, lon) in side.points() {
                    let key = (name.clone(), side.country.clone(), (lat * 1e4) as i64, (lon * 1e4) as i64);
                    let idx = *at.entry(key).or_insert_with(|| {
                        let (x, y) = geo::project(lon, lat);
                        places.push(Place { name, country: side.country.clone(), x, y, eu, pairings: Vec::new() });
                        places.len() - 1
                    });
                    if !places[idx].pairings.contains(&i) {
                        places[idx].pairings.push(i);
                    }
                }
            }
            let mut d = String::new();
            let mut ext = [(f64::INFINITY, f64::INFINITY), (f64::NEG_INFINITY, f64::NEG_INFINITY)];
            for (_, alat, alon) in p.eu.points() {
                for (_, blat, blon) in p.partner.points() {
                    let (a, b) = ((alon, alat), (blon, blat));
                    let segments = geo::arc(a, b, geo::arc_steps(a, b));
                    for &(x, y) in segments.iter().flatten() {
                        ext = [(ext[0].0.min(x), ext[0].1.min(y)), (ext[1].0.max(x), ext[1].1.max(y))];
                    }
                    d.push_str(&geo::path_d(&segments, 1));
                }
            }
            arcs.push(d);
            extents.push(ext);
            let mut ix = |c: &str| {
                let num = ds.country(c).and_then(|c| c.numeric.as_ref())?;
                Some(countries.iter().position(|n| n == num).unwrap_or_else(|| {
                    countries.push(num.clone());
                    countries.len() - 1
                }))
            };
            country_ix.push((ix(&p.eu.country), ix(&p.partner.country)));
        }
        // Focus order: west to east, then north to south.
        iuc_core::order::sort_by(&mut places, |a, b| a.x.total_cmp(&b.x).then(a.y.total_cmp(&b.y)));
        let mut places_of = vec![Vec::new(); ds.pairings.len()];
        for (k, p) in places.iter().enumerate() {
            for &i in &p.pairings {
                places_of[i].push(k);
            }
        }
        Geometry { places, places_of, arcs, countries, country_ix, extents }
    }
}

/// How long a fit's animation takes.
const FIT_ANIMATION_MS: f64 = 350.0;
/// Above this many shown pairings a fit jumps (every frame of an animation redraws them).
const ANIMATE_MAX_ROWS: usize = 2_000;
/// A view moved by hand reaches the URL this long after the last move.
const MAP_URL_DELAY_MS: u64 = 400;

/// What is on screen at the current zoom: single places and clusters of places.
#[derive(Clone, Debug, PartialEq)]
enum Mark {
    Place(usize),
    Cluster { x: f64, y: f64, members: Vec<usize> },
}

#[component]
pub fn PairingsMap() -> impl IntoView {
    let i = use_i18n();
    let ctx = expect_context::<ExploreCtx>();
    let geometry = StoredValue::new(Arc::new(ctx.data.with_value(|d| Geometry::new(&d.loaded.dataset))));
    let world = use_context::<crate::loaded::Basemap>().map(|b| b.0);
    let world = move || world.and_then(|w| w.get());

    let aspect = geo::MAP_WIDTH / geo::map_height();
    // The view around the shown pairings: the boxes around their drawn arcs (which end at every
    // member place's marker). `None` once the map is gone.
    let fit_of = move |rows: &[usize]| {
        geometry.try_with_value(|g| {
            View::fit_points(rows.iter().filter_map(|&r| g.extents.get(r)).flatten().copied(), aspect)
        })
    };
    // Fitted to the shown pairings from the first render, so that a pre-rendered map and the one
    // that takes it over show the same view (see `fit` below).
    let first_view = ctx.rows.with_untracked(|rows| fit_of(rows)).unwrap_or_else(View::world);
    // A view moved by hand comes back from the URL (`map=`); otherwise the fitted one.
    let from_url = ctx.state.with_untracked(|s| s.map);
    let view = RwSignal::new(from_url.map_or(first_view, |m| m.view(aspect)));
    // The SVG's size in CSS pixels (for pixel-based marker sizes and clustering).
    // (Taking over a pre-rendered page: its map's width, so the first render sizes the markers
    // for the screen and nothing is rebuilt a frame later.)
    let px_width = RwSignal::new(crate::takeover::map_width().unwrap_or(1000.0_f64));
    let svg_ref = NodeRef::<leptos::svg::Svg>::new();
    // Also runs a frame later, when a quick route change may already have removed the map: then
    // its signals are disposed and there is nothing to measure (the `try_` accessors say so).
    let measure = move || {
        if let Some(Some(svg)) = svg_ref.try_get_untracked() {
            let w = svg.get_bounding_client_rect().width();
            if w > 0.0 && px_width.try_get_untracked().is_some_and(|old| (w - old).abs() > 0.5) {
                px_width.try_set(w);
            }
        }
    };
    Effect::new(move |_| {
        svg_ref.track();
        request_animation_frame(measure);
    });
    crate::dom::on_window("resize", move |_| measure());

    // Map units per screen pixel at the current zoom.
    let upp = move || view.get().w / px_width.get().max(1.0);

    // Which places are visible (part of a shown pairing) and the marks at this zoom.
    // `try_with`: a pending update may recompute this after a route change removed Explore.
    let n_pairings = geometry.with_value(|g| g.country_ix.len());
    let shown: Memo<Shown> = Memo::new(move |_| ctx.rows.try_with(|r| Shown::of(n_pairings, r)).unwrap_or_default());
    // From the shown pairings to their places (in focus order): linear in the shown pairings
    // and the places, with no per-place search.
    let n_places = geometry.with_value(|g| g.places.len());
    let visible_places = Memo::new(move |_| {
        let mut on = vec![false; n_places];
        ctx.rows.try_with(|rows| {
            geometry.with_value(|g| {
                for &r in rows {
                    for &k in g.places_of.get(r).map(Vec::as_slice).unwrap_or(&[]) {
                        on[k] = true;
                    }
                }
            })
        });
        on.iter().enumerate().filter(|(_, &v)| v).map(|(k, _)| k).collect::<Vec<_>>()
    });
    let marks = Memo::new(move |_| {
        let vis = visible_places.get();
        let radius = CLUSTER_PX * upp();
        geometry.with_value(|g| {
            let pts: Vec<(f64, f64)> = vis.iter().map(|&k| (g.places[k].x, g.places[k].y)).collect();
            geo::cluster(&pts, radius)
                .into_iter()
                .map(|c| {
                    if c.members.len() == 1 {
                        Mark::Place(vis[c.members[0]])
                    } else {
                        Mark::Cluster { x: c.x, y: c.y, members: c.members.iter().map(|&m| vis[m]).collect() }
                    }
                })
                .collect::<Vec<_>>()
        })
    });

    // Highlight: the hovered/focused place's pairings, else the open detail's pairing.
    let hover_place = RwSignal::new(None::<usize>);
    let hover_arc = RwSignal::new(None::<usize>);
    let highlighted = Memo::new(move |_| -> Option<BTreeSet<usize>> {
        if let Some(k) = hover_place.get() {
            return Some(geometry.with_value(|g| set_of(g.places[k].pairings.iter().copied())));
        }
        if let Some(a) = hover_arc.get() {
            return Some(set_of([a]));
        }
        ctx.selected.get().map(|s| set_of([s]))
    });

    // Countries taking part (among the shown pairings): shaded by side. Flags by index into
    // `Geometry::countries`, so a keystroke at 10,000 pairings compares no strings.
    let n_countries = geometry.with_value(|g| g.countries.len());
    let shading = Memo::new(move |_| {
        let mut eu = vec![false; n_countries];
        let mut partner = vec![false; n_countries];
        ctx.rows.try_with(|rows| {
            geometry.with_value(|g| {
                for &i in rows {
                    if let Some(&(a, b)) = g.country_ix.get(i) {
                        for (c, side) in [(a, &mut eu), (b, &mut partner)] {
                            if let Some(flag) = c.and_then(|c| side.get_mut(c)) {
                                *flag = true;
                            }
                        }
                    }
                }
            })
        });
        (eu, partner)
    });

    let zoom_by = move |factor: f64| view.update(|v| *v = v.zoom_at(factor, v.centre()).clamp());
    let pan_by = move |fx: f64, fy: f64| view.update(|v| *v = v.pan(v.w * fx, v.h * fy).clamp());
    let go_preset = move |name: &str| {
        if let Some(v) = geo::preset_with_aspect(name, aspect) {
            view.set(v.clamp());
        }
    };
    let on_key = move |ev: web_sys::KeyboardEvent| {
        let handled = match ev.key().as_str() {
            "+" | "=" => {
                zoom_by(1.5);
                true
            }
            "-" | "_" => {
                zoom_by(1.0 / 1.5);
                true
            }
            "ArrowLeft" => {
                pan_by(-0.15, 0.0);
                true
            }
            "ArrowRight" => {
                pan_by(0.15, 0.0);
                true
            }
            "ArrowUp" => {
                pan_by(0.0, -0.15);
                true
            }
            "ArrowDown" => {
                pan_by(0.0, 0.15);
                true
            }
            "0" => {
                view.set(View::world());
                true
            }
            _ => false,
        };
        if handled {
            ev.prevent_default();
        }
    };

    // Mouse wheel zooms around the pointer.
    let on_wheel = move |ev: web_sys::WheelEvent| {
        let Some(svg) = svg_ref.get_untracked() else { return };
        let r = svg.get_bounding_client_rect();
        let v = view.get_untracked();
        if let Some(p) =
            v.screen_to_map(ev.client_x() as f64 - r.left(), ev.client_y() as f64 - r.top(), r.width(), r.height())
        {
            ev.prevent_default();
            let factor = if ev.delta_y() < 0.0 { 1.25 } else { 0.8 };
            view.set(v.zoom_at(factor, p).clamp());
        }
    };

    // Drag to pan; two pointers pinch to zoom.
    let pointers: StoredValue<HashMap<i32, (f64, f64)>> = StoredValue::new(HashMap::new());
    let dragged = StoredValue::new(false);
    let on_pointer_down = move |ev: web_sys::PointerEvent| {
        pointers.update_value(|p| {
            p.insert(ev.pointer_id(), (ev.client_x() as f64, ev.client_y() as f64));
        });
        dragged.set_value(false);
    };
    let on_pointer_move = move |ev: web_sys::PointerEvent| {
        let id = ev.pointer_id();
        let now = (ev.client_x() as f64, ev.client_y() as f64);
        let Some(prev) = pointers.with_value(|p| p.get(&id).copied()) else { return };
        let Some(svg) = svg_ref.get_untracked() else { return };
        let r = svg.get_bounding_client_rect();
        let count = pointers.with_value(|p| p.len());
        let v = view.get_untracked();
        let Some(u) = v.units_per_pixel(r.width(), r.height()) else { return };
        if count == 1 {
            let (dx, dy) = (now.0 - prev.0, now.1 - prev.1);
            if dx.abs() + dy.abs() > 2.0 || dragged.get_value() {
                if !dragged.get_value() {
                    // Capture only once it is really a drag, so clicks still reach markers.
                    if let Some(t) = ev.target() {
                        if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t) {
                            el.set_pointer_capture(id).ok();
                        }
                    }
                }
                dragged.set_value(true);
                view.set(v.pan(-dx * u, -dy * u).clamp());
                pointers.update_value(|p| {
                    p.insert(id, now);
                });
            }
        } else if count == 2 {
            let other = pointers.with_value(|p| p.iter().find(|(k, _)| **k != id).map(|(_, v)| *v));
            if let Some(o) = other {
                let d0 = ((prev.0 - o.0).powi(2) + (prev.1 - o.1).powi(2)).sqrt();
                let d1 = ((now.0 - o.0).powi(2) + (now.1 - o.1).powi(2)).sqrt();
                if d0 > 1.0 && d1 > 1.0 {
                    let mid = ((now.0 + o.0) / 2.0 - r.left(), (now.1 + o.1) / 2.0 - r.top());
                    if let Some(p) = v.screen_to_map(mid.0, mid.1, r.width(), r.height()) {
                        view.set(v.zoom_at(d1 / d0, p).clamp());
                    }
                }
                dragged.set_value(true);
                pointers.update_value(|p| {
                    p.insert(id, now);
                });
            }
        }
    };
    let on_pointer_up = move |ev: web_sys::PointerEvent| {
        pointers.update_value(|p| {
            p.remove(&ev.pointer_id());
        });
    };

    let select_place = move |k: usize| {
        let first = geometry.with_value(|g| {
            shown.with_untracked(|shown| g.places[k].pairings.iter().copied().find(|i| shown.contains(i)))
        });
        if let Some(p) = first {
            ctx.go_to(ctx.detail_url(p), false);
        }
    };
    let zoom_to_cluster = move |members: Vec<usize>| {
        let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
        geometry.with_value(|g| {
            for &k in &members {
                let p = &g.places[k];
                x0 = x0.min(p.x);
                y0 = y0.min(p.y);
                x1 = x1.max(p.x);
                y1 = y1.max(p.y);
            }
        });
        let (cx, cy) = ((x0 + x1) / 2.0, (y0 + y1) / 2.0);
        let w = ((x1 - x0) * 2.5).max((y1 - y0) * 2.5 * aspect).max(geo::MAP_WIDTH / geo::MAX_ZOOM);
        let h = w / aspect;
        view.set(View { x: cx - w / 2.0, y: cy - h / 2.0, w, h }.clamp());
    };

    // Tooltip (hover or keyboard focus).
    let tooltip = move || {
        let v = view.get();
        let lang = i.lang.get().code();
        let (x, y, title, body) = if let Some(k) = hover_place.get() {
            geometry.with_value(|g| {
                let p = &g.places[k];
                ctx.data.with_value(|d| {
                    let ds = &d.loaded.dataset;
                    let shown = shown.get();
                    let partners: Vec<String> = p
                        .pairings
                        .iter()
                        .filter(|i| shown.contains(i))
                        .map(|&i| {
                            let q = &ds.pairings[i];
                            let other = if p.eu { &q.partner } else { &q.eu };
                            format!("{} ({}): {}", other.name, ds.country_name_in(&other.country, lang), q.topics)
                        })
                        .collect();
                    (p.x, p.y, format!("{}, {}", p.name, ds.country_name_in(&p.country, lang)), partners)
                })
            })
        } else if let Some(a) = hover_arc.get() {
            ctx.data.with_value(|d| {
                let ds = &d.loaded.dataset;
                let q = &ds.pairings[a];
                let (x, y) = geo::project((q.eu.lon + q.partner.lon) / 2.0, (q.eu.lat + q.partner.lat) / 2.0);
                (x, y, format!("{} – {}", q.eu.name, q.partner.name), vec![q.topics.clone()])
            })
        } else {
            return None;
        };
        let left = ((x - v.x) / v.w * 100.0).clamp(0.0, 100.0);
        let top = ((y - v.y) / v.h * 100.0).clamp(0.0, 100.0);
        // Keep the box inside the frame: flip to the left/top on the far side.
        let tx = if left > 60.0 { "translate(-105%, " } else { "translate(8%, " };
        let ty = if top > 55.0 { "-105%)" } else { "8%)" };
        Some(view! {
            <div class="map-tooltip" role="tooltip" id="map-tooltip"
                style:left=format!("{left:.2}%") style:top=format!("{top:.2}%") style:transform=format!("{tx}{ty}")>
                <strong>{title}</strong>
                <ul class="plain">{body.into_iter().map(|b| view! { <li>{b}</li> }).collect_view()}</ul>
            </div>
        })
    };

    // Built once when the basemap arrives; a search only updates the class of the countries
    // whose shading changes (re-rendering ~180 paths with their outlines cost a frame).
    let countries = move || match world() {
        Some(Ok(w)) => w
            .countries
            .iter()
            .map(|c| {
                let ix = geometry.with_value(|g| g.countries.iter().position(|n| *n == c.id));
                let class = move || {
                    let on = |flags: &Vec<bool>| ix.is_some_and(|ix| flags.get(ix).copied().unwrap_or(false));
                    shading.with(|(eu, partner)| {
                        if on(eu) {
                            "map-country eu"
                        } else if on(partner) {
                            "map-country partner"
                        } else {
                            "map-country"
                        }
                    })
                };
                view! { <path class=class data-id=c.id.clone() d=c.d.clone()><title>{c.name.clone()}</title></path> }
            })
            .collect_view()
            .into_any(),
        _ => ().into_any(),
    };
    let sphere = move || match world() {
        Some(Ok(w)) => view! { <path class="map-sphere" d=w.sphere.clone() /> }.into_any(),
        _ => view! { <rect class="map-sphere" x="0" y="0" width=geo::MAP_WIDTH height=geo::map_height() /> }.into_any(),
    };
    let world_error = move || match world() {
        Some(Err(e)) => Some(
            view! { <p class="notice warning">{move || i.t().map_basemap_failed}" "<code>{e.to_string()}</code></p> },
        ),
        _ => None,
    };

    // Arcs: keyed, so a keystroke only adds and removes the arcs that change; the highlight is a
    // reactive class. Above MAX_ARCS shown pairings the arcs are left out (a tangle that cannot
    // be read, and too many nodes to keep a keystroke within a frame): markers and clusters stay,
    // and a note says how to bring the arcs back.
    let arc_rows = Memo::new(move |_| {
        ctx.rows.try_with(|r| if r.len() > MAX_ARCS { Vec::new() } else { r.clone() }).unwrap_or_default()
    });
    // A `Show` condition (a memo): `try_with` as for `shown`.
    let too_many_arcs = move || ctx.rows.try_with(|r| r.len() > MAX_ARCS).unwrap_or(false);
    let arcs = move || {
        view! {
            <For each=move || arc_rows.get() key=|r| *r let:r>
                {
                    let d = geometry.with_value(|g| g.arcs[r].clone());
                    let class = move || match highlighted.with(|h| h.as_ref().map(|h| h.contains(&r))) {
                        Some(true) => "map-arc hl",
                        Some(false) => "map-arc faded",
                        None => "map-arc",
                    };
                    view! {
                        <g class="arc" data-id=r>
                            <path class=class d=d.clone() />
                            <path
                                class="map-arc-hit"
                                d=d
                                on:mouseenter=move |_| hover_arc.set(Some(r))
                                on:mouseleave=move |_| hover_arc.set(None)
                                on:click=move |_| ctx.go_to(ctx.detail_url(r), false)
                            />
                        </g>
                    }
                }
            </For>
        }
    };

    // Markers: keyed by place (a cluster by its first member and size); sizes follow the zoom.
    let marker_r = Memo::new(move |_| MARKER_PX * upp());
    // A cluster is keyed by its first place (which is also where it is drawn): while typing
    // changes which places it holds, its count and name change in place.
    // (In the order of their first places, which `geo::cluster` creates them in.)
    let cluster_members = Memo::new(move |_| {
        marks.with(|ms| {
            ms.iter()
                .filter_map(|m| match m {
                    Mark::Cluster { members, .. } => Some((members[0], Arc::new(members.clone()))),
                    Mark::Place(_) => None,
                })
                .collect::<Vec<(usize, Arc<Vec<usize>>)>>()
        })
    });
    let markers = move || {
        view! {
            <For each=move || marks.get() key=|m| match m {
                Mark::Place(k) => (*k, false),
                Mark::Cluster { members, .. } => (members[0], true),
            } let:m>
                {match m {
                    Mark::Place(k) => view! { <PlaceMarker k geometry hover_place highlighted marker_r on_select=Callback::new(select_place) /> }.into_any(),
                    Mark::Cluster { x, y, members } => {
                        let first = members[0];
                        let members = Memo::new(move |_| {
                            cluster_members
                                .try_with(|c| c.binary_search_by_key(&first, |m| m.0).ok().map(|k| c[k].1.clone()))
                                .flatten()
                                .unwrap_or_default()
                        });
                        let n = Memo::new(move |_| members.with(|m| m.len()));
                        // The first few names (a cluster of thousands would make a name no one
                        // can listen to, and cost a frame to build).
                        let names = Memo::new(move |_| {
                            members.with(|m| {
                                geometry.with_value(|g| {
                                    // Each name once (places of one city can sit side by side).
                                    let mut names: Vec<&str> = Vec::new();
                                    let mut more = false;
                                    for &k in m.iter() {
                                        let name = g.places[k].name.as_str();
                                        if names.contains(&name) {
                                            continue;
                                        }
                                        if names.len() == CLUSTER_NAMES {
                                            more = true;
                                            break;
                                        }
                                        names.push(name);
                                    }
                                    if more {
                                        names.push("…");
                                    }
                                    names.join(", ")
                                })
                            })
                        });
                        let label = move || {
                            names.with(|names| fill(i.t().map_cluster, &[("n", &n.get().to_string()), ("places", names)]))
                        };
                        let rr = move || marker_r.get() * 1.6;
                        let zoom = move || zoom_to_cluster(members.get_untracked().to_vec());
                        view! {
                            <g
                                class="map-marker cluster"
                                data-count=move || n.get()
                                tabindex="0"
                                role="button"
                                aria-label=label
                                on:click=move |_| zoom()
                                on:keydown=move |ev: web_sys::KeyboardEvent| {
                                    if ev.key() == "Enter" || ev.key() == " " {
                                        ev.prevent_default();
                                        zoom();
                                    }
                                }
                            >
                                <circle cx=x cy=y r=rr />
                                <text x=x y=y font-size=move || rr() * 1.1>{move || n.get()}</text>
                            </g>
                        }
                        .into_any()
                    }
                }}
            </For>
        }
    };

    // The map follows the filters: when the URL's search changes (typing paused, a facet ticked)
    // it zooms to the shown pairings' markers and arcs, unless the user has moved it by hand
    // since it last did. "Fit to shown" fits again and follows again. It fits on load too (an
    // embed of one country's pairings opens on them).
    // (`try_` throughout: after a quick route change a pending run may find the map gone.)
    let fitted = StoredValue::new(from_url.is_none().then_some(first_view));
    // A fit animates (unless reduced motion is asked for, or many pairings are shown: each frame
    // redraws them); `anim` numbers the animations, so a newer one or a move by hand ends an older.
    let anim = StoredValue::new(0_u32);
    // The view the running animation set last (`None`: none running): a view the map shows
    // because of an animation is not one moved by hand.
    let anim_last = StoredValue::new(None::<View>);
    let animate_to = move |to: View| {
        let from = view.get_untracked();
        let many = ctx.rows.try_with_untracked(Vec::len).unwrap_or(0) > ANIMATE_MAX_ROWS;
        if from == to || many || crate::dom::prefers_reduced_motion() {
            anim.update_value(|n| *n += 1);
            anim_last.set_value(None);
            view.try_set(to);
            return;
        }
        let id = anim.try_update_value(|n| {
            *n += 1;
            *n
        });
        let Some(start) = crate::dom::now() else {
            view.try_set(to);
            return;
        };
        #[allow(clippy::too_many_arguments)]
        fn frame(
            view: RwSignal<View>,
            anim: StoredValue<u32>,
            anim_last: StoredValue<Option<View>>,
            id: Option<u32>,
            start: f64,
            from: View,
            to: View,
            last: View,
        ) {
            request_animation_frame(move || {
                // Ended by a newer animation (which owns `anim_last`), a move by hand, or the
                // map's removal.
                if anim.try_get_value() != id {
                    return;
                }
                if view.try_get_untracked() != Some(last) {
                    anim_last.try_set_value(None);
                    return;
                }
                let t = ((crate::dom::now().unwrap_or(start) - start) / FIT_ANIMATION_MS).clamp(0.0, 1.0);
                let next = if t >= 1.0 { to } else { geo::View::between(from, to, 1.0 - (1.0 - t).powi(3)) };
                anim_last.try_set_value((t < 1.0).then_some(next));
                view.try_set(next);
                if t < 1.0 {
                    frame(view, anim, anim_last, id, start, from, to, next);
                }
            });
        }
        anim_last.set_value(Some(from));
        frame(view, anim, anim_last, id, start, from, to, from);
    };
    let fit = move || {
        let Some(v) = ctx.rows.try_with_untracked(|rows| fit_of(rows)).flatten() else { return };
        fitted.try_set_value(Some(v));
        // (Unchanged on load: the first render is already fitted; setting it would redraw.)
        if view.try_get_untracked() != Some(v) {
            animate_to(v);
        }
    };

    // A view moved by hand goes into the URL (`map=`, replacing the history entry, once the
    // moving has paused); a fitted one takes it out. Frames of a fit's animation are neither.
    let url_map = Memo::new(move |_| ctx.state.try_with(|s| s.map).flatten());
    let write_timer = StoredValue::new(None::<leptos::leptos_dom::helpers::TimeoutHandle>);
    Effect::new(move |_| {
        let Some(v) = view.try_get() else { return };
        let fitted_now = fitted.try_get_value().flatten();
        let by_hand = fitted_now != Some(v);
        // (A frame of a fit's animation is not a view by hand: it changes nothing here.)
        if by_hand && anim_last.try_get_value().flatten() == Some(v) {
            return;
        }
        let want = if by_hand { v.map_view() } else { None };
        crate::dom::cancel_timeout(write_timer);
        if want == url_map.get_untracked() {
            return;
        }
        let handle = set_timeout_with_handle(
            move || {
                if url_map.try_get_untracked() != Some(want) {
                    ctx.update(true, |s| s.map = want);
                }
            },
            std::time::Duration::from_millis(MAP_URL_DELAY_MS),
        )
        .ok();
        write_timer.try_set_value(handle);
    });
    on_cleanup(move || crate::dom::cancel_timeout(write_timer));
    // The URL's view changed by itself (Back, Forward, a link): the map follows.
    Effect::new(move |prev: Option<Option<geo::MapView>>| {
        let now = url_map.get();
        if prev.is_some() && prev != Some(now) {
            match now {
                Some(m) if view.try_get_untracked().and_then(View::map_view) != Some(m) => {
                    fitted.try_set_value(None);
                    view.try_set(m.view(aspect));
                }
                None if fitted.try_get_value().flatten() != view.try_get_untracked() => fit(),
                _ => {}
            }
        }
        now
    });
    Effect::new(move |_| {
        ctx.search.track();
        // A frame later: the markers of the new search are in place before the zoom changes
        // their size (changing both at once could run a removed marker's update).
        request_animation_frame(move || {
            // Fitted, or on the way there: follow the filters.
            let current = view.try_get_untracked();
            if current.is_some()
                && (fitted.try_get_value().flatten() == current || anim_last.try_get_value().flatten() == current)
            {
                fit();
            }
        });
    });

    let preset_button = move |name: &'static str, label: fn(&crate::i18n::Strings) -> &'static str| {
        view! { <button type="button" on:click=move |_| go_preset(name)>{move || label(i.t())}</button> }
    };

    view! {
        <section class="map-pane" aria-labelledby="map-title">
            <h2 id="map-title" class="visually-hidden">{move || i.t().map_title}</h2>
            // The map comes first (on a phone it is then within the first screen); its controls,
            // legend and help follow. A keyboard user can skip its markers to the controls.
            <a class="skip-map" href="#map-presets" on:click=move |ev: web_sys::MouseEvent| {
                // As the page's skip link: the router would make this fragment a navigation.
                ev.prevent_default();
                crate::dom::focus_selector("#map-presets button");
            }>{move || i.t().map_skip}</a>
            {world_error}
            <Show when=too_many_arcs>
                <p class="notice">{move || fill(i.t().map_arcs_hidden, &[("max", &MAX_ARCS.to_string())])}</p>
            </Show>
            <div class="map-frame" on:keydown=on_key>
                <svg
                    node_ref=svg_ref
                    viewBox=move || view.get().viewbox()
                    preserveAspectRatio="xMidYMid meet"
                    role="group"
                    aria-labelledby="map-title"
                    aria-describedby="map-help"
                    on:wheel=on_wheel
                    on:pointerdown=on_pointer_down
                    on:pointermove=on_pointer_move
                    on:pointerup=on_pointer_up
                    on:pointercancel=on_pointer_up
                >
                    <g aria-hidden="true">{sphere}{countries}</g>
                    <g class="arcs" aria-hidden="true">{arcs}</g>
                    <g class="markers">{markers}</g>
                </svg>
                <div class="map-controls" role="group" aria-label=move || i.t().map_zoom_label>
                    <button type="button" on:click=move |_| zoom_by(1.5) aria-label=move || i.t().map_zoom_in>"+"</button>
                    <button type="button" on:click=move |_| zoom_by(1.0 / 1.5) aria-label=move || i.t().map_zoom_out>"−"</button>
                    <button type="button" on:click=move |_| view.set(View::world()) aria-label=move || i.t().map_reset>"⟲"</button>
                </div>
                {tooltip}
            </div>
            <div class="map-presets" id="map-presets" role="group" aria-label=move || i.t().map_zoom_to>
                {preset_button("world", |t| t.map_world)}
                {preset_button("europe", |t| t.map_europe)}
                {preset_button("asia", |t| t.map_asia)}
                {preset_button("americas", |t| t.map_americas)}
                <button type="button" class="map-fit" on:click=move |_| fit()>{move || i.t().map_fit}</button>
            </div>
            <ul class="map-legend" aria-label=move || i.t().map_legend>
                <li><span class="swatch eu" aria-hidden="true"></span>{move || i.t().legend_eu}</li>
                <li><span class="swatch partner" aria-hidden="true"></span>{move || i.t().legend_partner}</li>
                <li><span class="swatch arc" aria-hidden="true"></span>{move || i.t().legend_arc}</li>
                <li><span class="swatch cluster" aria-hidden="true"></span>{move || i.t().legend_cluster}</li>
            </ul>
            <p class="map-help" id="map-help">{move || i.t().map_help}</p>
            <p class="map-help">{move || i.t().map_text_alternative}</p>
            {move || ctx.selected.get().map(|s| ctx.data.with_value(|d| {
                let p = &d.loaded.dataset.pairings[s];
                let txt = fill(i.t().map_selected, &[("eu", &p.eu.name), ("partner", &p.partner.name), ("region", region_label(&i, p.region))]);
                view! { <p class="visually-hidden" aria-live="polite">{txt}</p> }
            }))}
        </section>
    }
}

/// One place's marker: a circle for the EU side, a square for the partner side (shape, not only
/// colour, tells them apart), focusable, with an accessible name listing its partners.
#[component]
fn PlaceMarker(
    k: usize,
    geometry: StoredValue<Arc<Geometry>>,
    hover_place: RwSignal<Option<usize>>,
    highlighted: Memo<Option<BTreeSet<usize>>>,
    marker_r: Memo<f64>,
    on_select: Callback<usize>,
) -> impl IntoView {
    let i = use_i18n();
    let ctx = expect_context::<ExploreCtx>();
    let (x, y, eu, name, label, pairings) = geometry.with_value(|g| {
        let p = &g.places[k];
        ctx.data.with_value(|d| {
            let ds = &d.loaded.dataset;
            let partners = p
                .pairings
                .iter()
                .map(|&j| {
                    let q = &ds.pairings[j];
                    if p.eu {
                        q.partner.name.clone()
                    } else {
                        q.eu.name.clone()
                    }
                })
                .collect::<Vec<_>>()
                .join(", ");
            let name = p.name.clone();
            let names: std::collections::BTreeMap<&'static str, String> = crate::i18n::Lang::ALL
                .into_iter()
                .map(|l| (l.code(), ds.country_name_in(&p.country, l.code()).to_string()))
                .collect();
            let eu_side = p.eu;
            // The accessible name follows the interface language.
            let label = move || {
                let t = i.t();
                fill(
                    if eu_side { t.map_marker_eu } else { t.map_marker_partner },
                    &[
                        ("city", &name),
                        ("country", names.get(i.lang.get().code()).map_or("", String::as_str)),
                        ("partners", &partners),
                    ],
                )
            };
            (p.x, p.y, p.eu, p.name.clone(), label, p.pairings.clone())
        })
    });
    let class = move || {
        let lit = highlighted.with(|h| h.as_ref().map(|h| pairings.iter().any(|j| h.contains(j))));
        match (eu, lit) {
            (true, Some(true)) => "map-marker eu hl",
            (true, Some(false)) => "map-marker eu faded",
            (true, None) => "map-marker eu",
            (false, Some(true)) => "map-marker partner hl",
            (false, Some(false)) => "map-marker partner faded",
            (false, None) => "map-marker partner",
        }
    };
    let shape = if eu {
        view! { <circle cx=x cy=y r=move || marker_r.get() /> }.into_any()
    } else {
        let s = move || marker_r.get() * 1.7;
        view! { <rect x=move || x - s() / 2.0 y=move || y - s() / 2.0 width=s height=s /> }.into_any()
    };
    view! {
        <g
            class=class
            tabindex="0"
            role="button"
            aria-label=label
            data-place=name
            on:mouseenter=move |_| hover_place.set(Some(k))
            on:mouseleave=move |_| hover_place.set(None)
            on:focus=move |_| hover_place.set(Some(k))
            on:blur=move |_| hover_place.set(None)
            on:click=move |_| on_select.run(k)
            on:keydown=move |ev: web_sys::KeyboardEvent| {
                if ev.key() == "Enter" || ev.key() == " " {
                    ev.prevent_default();
                    on_select.run(k);
                }
            }
        >
            {shape}
        </g>
    }
}
