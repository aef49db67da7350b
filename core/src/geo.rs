//! Geography: great-circle distance, the map projection, arcs, zoom/pan, clustering and hit-testing.
//!
//! Two coordinate spaces are used throughout:
//! - **geographic**: `(lon, lat)` in degrees (WGS84), **longitude first** as in GeoJSON;
//! - **map**: `(x, y)` in the app's SVG user space, `(0, 0)` at the top-left corner, x to the right,
//!   y down, `0 ≤ x ≤` [`MAP_WIDTH`], `0 ≤ y ≤` [`MAP_HEIGHT`].
//!
//! The projection is Equal Earth (Šavrič, Patterson & Jenny 2018): equal-area, so the relative
//! size of Europe, Asia and the Americas is honest, and the poles are lines rather than points.
//!
//! Arcs between paired cities are sampled **great circles** (the one documented choice: no
//! cosmetic Bézier curves). They are split wherever they cross the antimeridian so no line ever
//! streaks across the whole map. Nothing here panics or returns NaN for finite input.
//!
//! Cost, measured natively (`ten_thousand_pairings_geometry` below, release build, on the shared
//! 2-core development machine under load): for 10,000 pairings, projecting the 20,000 cities takes
//! 0.5 ms, sampling the 10,000 arcs with [`arc_steps`] (≈ 227,000 points) 7 ms, clustering the
//! cities 2 ms — about 10 ms warm, 15 ms on a cold first run — and writing their path data with
//! [`path_d`] another 9 ms. Arc sampling dominates; [`arc_steps`] is the knob. The real dataset
//! (55 pairings) takes well under 0.1 ms.

use std::collections::HashMap;
use std::f64::consts::{FRAC_PI_2, FRAC_PI_3, PI};
use std::fmt::Write;
use std::hash::{BuildHasherDefault, Hasher};

/// Mean Earth radius in km (IUGG).
pub const EARTH_RADIUS_KM: f64 = 6371.0088;

/// Great-circle distance in km between two WGS84 points (haversine).
pub fn distance_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_KM * a.sqrt().min(1.0).asin()
}

/// Distance in km from a point to a [min_lon, min_lat, max_lon, max_lat] box; 0 inside it.
pub fn distance_to_bbox_km(lat: f64, lon: f64, b: [f64; 4]) -> f64 {
    let clat = lat.clamp(b[1], b[3]);
    let clon = lon.clamp(b[0], b[2]);
    if clat == lat && clon == lon {
        0.0
    } else {
        distance_km(lat, lon, clat, clon)
    }
}

// ---------------------------------------------------------------------------------------------
// Equal Earth projection
// ---------------------------------------------------------------------------------------------

/// Width of the map in SVG user units.
pub const MAP_WIDTH: f64 = 1000.0;

// Equal Earth polynomial coefficients (Šavrič, Patterson & Jenny 2018, eq. 2).
const A1: f64 = 1.340264;
const A2: f64 = -0.081106;
const A3: f64 = 0.000893;
const A4: f64 = 0.003796;
/// √3 / 2.
const M: f64 = 0.866_025_403_784_438_6;

/// y of the unit-sphere projection as a function of the parametric latitude θ.
const fn ee_y(t: f64) -> f64 {
    let t2 = t * t;
    let t6 = t2 * t2 * t2;
    t * (A1 + A2 * t2 + t6 * (A3 + A4 * t2))
}

/// dy/dθ: always ≥ 1.07 on [−π/3, π/3], so dividing by it is safe.
const fn ee_dy(t: f64) -> f64 {
    let t2 = t * t;
    let t6 = t2 * t2 * t2;
    A1 + 3.0 * A2 * t2 + t6 * (7.0 * A3 + 9.0 * A4 * t2)
}

/// Largest |x| of the unit-sphere projection (λ = ±π on the equator): π / (M·A1).
const RAW_X_MAX: f64 = PI / (M * A1);
/// Largest |y| of the unit-sphere projection (the poles, θ = π/3).
const RAW_Y_MAX: f64 = ee_y(FRAC_PI_3);
/// Map units per unit-sphere unit.
const SCALE: f64 = MAP_WIDTH / 2.0 / RAW_X_MAX;

/// Height of the map in SVG user units: `MAP_WIDTH` × the Equal Earth aspect ratio (≈ 486.7).
pub const MAP_HEIGHT: f64 = 2.0 * RAW_Y_MAX * SCALE;

/// Height of the map in SVG user units (same as [`MAP_HEIGHT`]).
pub fn map_height() -> f64 {
    MAP_HEIGHT
}

/// Equal Earth on the unit sphere from λ (radians) and sin φ; returns (x, y) with y up.
fn ee_raw(lambda: f64, sin_phi: f64) -> (f64, f64) {
    let s = (M * sin_phi).clamp(-M, M);
    let t = s.asin();
    let c = (1.0 - s * s).sqrt();
    (lambda * c / (M * ee_dy(t)), ee_y(t))
}

/// Unit-sphere (x, y up) to map space, clamped to the map rectangle against rounding.
fn to_map(x: f64, y: f64) -> (f64, f64) {
    ((MAP_WIDTH / 2.0 + x * SCALE).clamp(0.0, MAP_WIDTH), (MAP_HEIGHT / 2.0 - y * SCALE).clamp(0.0, MAP_HEIGHT))
}

/// Brings a longitude into [-180, 180]: values within 1e-9° outside are clamped (so a ring cut at
/// +180 stays on the east edge), anything further is wrapped around.
fn norm_lon(lon: f64) -> f64 {
    if lon.abs() <= 180.0 {
        lon
    } else if lon.abs() <= 180.0 + 1e-9 {
        180.0f64.copysign(lon)
    } else {
        (lon + 180.0).rem_euclid(360.0) - 180.0
    }
}

/// Projects a geographic point (degrees) to map space with Equal Earth.
///
/// `(0, 0)` goes to the centre of the map, lon = ±180 to the left/right edges, the poles to the
/// top/bottom edges (lines in Equal Earth). Latitudes are clamped to [-90, 90], longitudes outside
/// [-180, 180] wrapped. Finite input always gives a point inside the map; NaN input gives NaN.
pub fn project(lon: f64, lat: f64) -> (f64, f64) {
    let lon = norm_lon(lon);
    let lat = lat.clamp(-90.0, 90.0);
    let (x, y) = ee_raw(lon.to_radians(), lat.to_radians().sin());
    to_map(x, y)
}

/// Inverse of [`project`]: the geographic point `(lon, lat)` shown at map point `(x, y)`, or `None`
/// outside the projected globe (or for non-finite input). Solved by Newton iteration on the
/// parametric latitude; round trips agree with [`project`] to better than 1e-9°.
pub fn unproject(x: f64, y: f64) -> Option<(f64, f64)> {
    const EPS: f64 = 1e-9;
    if !x.is_finite() || !y.is_finite() || !(-EPS..=MAP_HEIGHT + EPS).contains(&y) {
        return None;
    }
    let px = (x - MAP_WIDTH / 2.0) / SCALE;
    let py = ((MAP_HEIGHT / 2.0 - y) / SCALE).clamp(-RAW_Y_MAX, RAW_Y_MAX);
    let mut t = py;
    for _ in 0..30 {
        let delta = (ee_y(t) - py) / ee_dy(t);
        t = (t - delta).clamp(-FRAC_PI_3, FRAC_PI_3);
        if delta.abs() < 1e-14 {
            break;
        }
    }
    // cos t ≥ 0.5 on [−π/3, π/3].
    let lambda = M * px * ee_dy(t) / t.cos();
    if lambda.abs() > PI * (1.0 + EPS) {
        return None;
    }
    let lat = (t.sin() / M).clamp(-1.0, 1.0).asin().to_degrees();
    Some((lambda.to_degrees().clamp(-180.0, 180.0), lat))
}

// ---------------------------------------------------------------------------------------------
// Lines and great-circle arcs
// ---------------------------------------------------------------------------------------------

/// Projects `(lon in degrees, z = sin lat)`, the form the line builder works in (saves a sin and
/// an asin per arc point compared with going through `lat`).
fn project_lz(lon: f64, z: f64) -> (f64, f64) {
    let (x, y) = ee_raw(lon.to_radians(), z);
    to_map(x, y)
}

/// `(lon, z)` back to `(lon, lat)` degrees: [`LineBuilder`]'s output for geographic lines.
fn lon_lat_of(lon: f64, z: f64) -> (f64, f64) {
    (lon, z.clamp(-1.0, 1.0).asin().to_degrees())
}

/// Builds polylines from a stream of geographic points, starting a new segment where the line
/// crosses the antimeridian (and routing along the pole line where it crosses a pole).
/// Points are `(lon, z)`: normalised longitude in degrees and the sine of the latitude; each is
/// written out through `out` (projected to map space, or back to `(lon, lat)`).
struct LineBuilder {
    segments: Vec<Vec<(f64, f64)>>,
    current: Vec<(f64, f64)>,
    /// Zero-length segments, returned only if nothing else is produced.
    degenerate: Vec<Vec<(f64, f64)>>,
    prev: Option<(f64, f64)>,
    out: fn(f64, f64) -> (f64, f64),
}

impl LineBuilder {
    fn new(capacity: usize) -> Self {
        Self::with_output(capacity, project_lz)
    }

    fn with_output(capacity: usize, out: fn(f64, f64) -> (f64, f64)) -> Self {
        LineBuilder {
            segments: Vec::new(),
            current: Vec::with_capacity(capacity),
            degenerate: Vec::new(),
            prev: None,
            out,
        }
    }

    /// Adds a point: lon in [-180, 180], z in [-1, 1].
    fn push(&mut self, lon: f64, z: f64) {
        if let Some((plon, pz)) = self.prev {
            let d = lon - plon;
            if (d.abs() - 180.0).abs() < 1e-6 && (pz + z).abs() > 1e-9 {
                // Opposite meridians: the great circle passes over the pole in between.
                let pole = 1.0f64.copysign(pz + z);
                self.current.push((self.out)(plon, pole));
                self.current.push((self.out)(lon, pole));
            } else if d.abs() > 180.0 {
                // Crossing the antimeridian: cut where the line meets ±180 (interpolating linearly
                // in longitude and z, which for arc steps of a few degrees is exact to the eye).
                let edge = if d < 0.0 { 180.0 } else { -180.0 };
                let unwrapped = if d < 0.0 { lon + 360.0 } else { lon - 360.0 };
                let span = unwrapped - plon;
                let t = if span.abs() < 1e-12 { 0.0 } else { ((edge - plon) / span).clamp(0.0, 1.0) };
                let cz = pz + t * (z - pz);
                self.current.push((self.out)(edge, cz));
                self.end_segment();
                self.current.push((self.out)(-edge, cz));
            }
        }
        self.current.push((self.out)(lon, z));
        self.prev = Some((lon, z));
    }

    fn end_segment(&mut self) {
        let seg = std::mem::take(&mut self.current);
        match seg.first() {
            None => {}
            Some(first) if seg.iter().all(|p| p == first) => self.degenerate.push(seg),
            Some(_) => self.segments.push(seg),
        }
    }

    fn finish(mut self) -> Vec<Vec<(f64, f64)>> {
        self.end_segment();
        if self.segments.is_empty() {
            self.degenerate
        } else {
            self.segments
        }
    }
}

/// Projects a geographic polyline (`(lon, lat)` degrees) to map space, split into several
/// segments where it crosses the antimeridian. Consecutive points are joined the short way round
/// (a longitude jump of more than 180° is a crossing). Non-finite points are skipped.
pub fn project_line(points: &[(f64, f64)]) -> Vec<Vec<(f64, f64)>> {
    let mut b = LineBuilder::new(points.len());
    for &(lon, lat) in points {
        if lon.is_finite() && lat.is_finite() {
            b.push(norm_lon(lon), lat.clamp(-90.0, 90.0).to_radians().sin());
        }
    }
    b.finish()
}

fn unit_vector(lon: f64, lat: f64) -> [f64; 3] {
    let (sl, cl) = lon.to_radians().sin_cos();
    let (sp, cp) = lat.to_radians().sin_cos();
    [cp * cl, cp * sl, sp]
}

fn dot(a: [f64; 3], b: [f64; 3]) -> f64 {
    a[0] * b[0] + a[1] * b[1] + a[2] * b[2]
}

fn norm(a: [f64; 3]) -> f64 {
    dot(a, a).sqrt()
}

/// Upper bound on the `steps` argument of [`arc`], to keep allocations bounded.
pub const MAX_ARC_STEPS: usize = 4096;

/// The great-circle arc from `a` to `b` (`(lon, lat)` degrees), sampled in `steps` equal angular
/// steps (at least one per 90°, at most [`MAX_ARC_STEPS`]) and projected: one or more polylines
/// (each of at least two points) in map space, split where the arc crosses the antimeridian, so
/// no segment streaks across the map.
///
/// The first point is exactly `project(a)` and the last exactly `project(b)`, except that an
/// endpoint given on the antimeridian (lon ±180) may start or end the line on the opposite edge
/// (the same place on Earth) when the arc leaves it that way. Special cases, all deterministic and
/// NaN-free: identical points give zero-length segments; antipodal points (any great circle would
/// do) take the meridian through `a` northwards over the pole (from a pole, the prime meridian);
/// an arc through a pole runs along Equal Earth's pole line. Non-finite input gives no segments.
pub fn arc(a: (f64, f64), b: (f64, f64), steps: usize) -> Vec<Vec<(f64, f64)>> {
    arc_to(a, b, steps, project_lz)
}

/// The same great-circle arc as [`arc`], unprojected: polylines of `(lon, lat)` degrees, cut
/// where the arc crosses the antimeridian (both sides end exactly on ±180), as RFC 7946 (GeoJSON)
/// asks of lines that cross it.
pub fn arc_lon_lat(a: (f64, f64), b: (f64, f64), steps: usize) -> Vec<Vec<(f64, f64)>> {
    arc_to(a, b, steps, lon_lat_of)
}

fn arc_to(a: (f64, f64), b: (f64, f64), steps: usize, out: fn(f64, f64) -> (f64, f64)) -> Vec<Vec<(f64, f64)>> {
    if !(a.0.is_finite() && a.1.is_finite() && b.0.is_finite() && b.1.is_finite()) {
        return Vec::new();
    }
    let (alon, alat) = (norm_lon(a.0), a.1.clamp(-90.0, 90.0));
    let (blon, blat) = (norm_lon(b.0), b.1.clamp(-90.0, 90.0));
    let va = unit_vector(alon, alat);
    let vb = unit_vector(blon, blat);
    let cos_w = dot(va, vb).clamp(-1.0, 1.0);
    // Component of b perpendicular to a; its length is sin ω.
    let perp = [vb[0] - cos_w * va[0], vb[1] - cos_w * va[1], vb[2] - cos_w * va[2]];
    let sin_w = norm(perp);
    let omega = sin_w.atan2(cos_w);

    if omega < 1e-12 {
        let mut lb = LineBuilder::with_output(2, out);
        lb.push(alon, va[2]);
        lb.push(blon, vb[2]);
        return lb.finish();
    }
    let u = if sin_w > 1e-9 {
        [perp[0] / sin_w, perp[1] / sin_w, perp[2] / sin_w]
    } else {
        // (Nearly) antipodal: go north along a's meridian; from a pole, along the prime meridian.
        let (sl, cl) = alon.to_radians().sin_cos();
        let (sp, cp) = alat.to_radians().sin_cos();
        if cp > 1e-9 {
            [-sp * cl, -sp * sl, cp]
        } else {
            [1.0, 0.0, 0.0]
        }
    };

    // At least one step per 90° so that no single step spans a pole or half the map.
    let steps = steps.clamp((omega / FRAC_PI_2).ceil() as usize, MAX_ARC_STEPS);
    let (s, c) = (omega / steps as f64).sin_cos();
    let mut lb = LineBuilder::with_output(steps + 3, out);
    lb.push(alon, va[2]);
    // Rotate p towards b by ω/steps each step: p' = c·p + s·t, t' = c·t − s·p.
    let (mut p, mut t) = (va, u);
    let mut prev_lon = alon;
    for _ in 1..steps {
        let np = [c * p[0] + s * t[0], c * p[1] + s * t[1], c * p[2] + s * t[2]];
        let nt = [c * t[0] - s * p[0], c * t[1] - s * p[1], c * t[2] - s * p[2]];
        p = np;
        t = nt;
        let lon = if p[0] * p[0] + p[1] * p[1] < 1e-24 {
            prev_lon // at a pole the longitude is arbitrary: keep the line's
        } else {
            let l = p[1].atan2(p[0]).to_degrees();
            if l.abs() > 180.0 - 1e-9 {
                180.0f64.copysign(prev_lon) // on the antimeridian: stay on the current side
            } else {
                l
            }
        };
        lb.push(lon, p[2].clamp(-1.0, 1.0));
        prev_lon = lon;
    }
    lb.push(blon, vb[2]);
    lb.finish()
}

/// A sensible number of steps for [`arc`] between two `(lon, lat)` points: one per 4° of
/// great-circle angle, at least 2 and at most 48. A 4° chord strays at most ~0.1 map units from
/// the true curve: invisible at world zoom, a few pixels at [`MAX_ZOOM`].
pub fn arc_steps(a: (f64, f64), b: (f64, f64)) -> usize {
    let km = distance_km(a.1, a.0, b.1, b.0);
    if !km.is_finite() {
        return 2;
    }
    let deg = (km / EARTH_RADIUS_KM).to_degrees();
    ((deg / 4.0).ceil() as usize).clamp(2, 48)
}

// ---------------------------------------------------------------------------------------------
// SVG path data
// ---------------------------------------------------------------------------------------------

/// Largest number of decimals [`path_d`] writes.
const MAX_DECIMALS: usize = 6;

const POW10: [u64; MAX_DECIMALS + 1] = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000];

/// `v` in units of 10^-decimals, rounded half away from zero; `None` if not finite or too large
/// to be exact.
fn quantise(v: f64, decimals: usize) -> Option<i64> {
    let scaled = (v * POW10[decimals.min(MAX_DECIMALS)] as f64).round();
    (scaled.abs() < 9.0e15).then_some(scaled as i64)
}

/// Appends `v` rounded (half away from zero) to `decimals` places (at most [`MAX_DECIMALS`]),
/// without trailing zeros; "-0" becomes "0". Integer arithmetic, no float formatting, for speed.
fn push_num(out: &mut String, v: f64, decimals: usize) {
    match quantise(v, decimals) {
        Some(n) => push_fixed(out, n, decimals, false),
        // NaN, infinite or beyond exact integers: let the formatter deal with it.
        None => {
            let _ = write!(out, "{v}");
        }
    }
}

/// A plain decimal, `[-]digits[.digits]`, as [`push_fixed`] writes it; `None` for anything else
/// (exponents, `inf`, `NaN`, empty parts). Digits past the 15th significant one are ignored, which
/// is far below the 0.01 a map view keeps.
///
/// Not `str::parse::<f64>`: its exact algorithm brings a 10 KB table of powers of five and its
/// code into the WASM, for a URL value that never needs it.
fn parse_plain_decimal(s: &str) -> Option<f64> {
    let (negative, digits) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s),
    };
    let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
    if int.is_empty() || !int.bytes().chain(frac.bytes()).all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (mut mantissa, mut scale, mut significant) = (0u64, 0i32, 0u32);
    for (i, b) in int.bytes().chain(frac.bytes()).enumerate() {
        let in_frac = i >= int.len();
        if significant < 15 {
            mantissa = mantissa * 10 + u64::from(b - b'0');
            significant += u32::from(mantissa != 0);
            scale -= i32::from(in_frac);
        } else {
            scale += i32::from(!in_frac);
        }
    }
    let v = mantissa as f64 * 10f64.powi(scale);
    Some(if negative { -v } else { v })
}

/// Appends `n` × 10^-decimals without trailing zeros (and, if `short`, without the leading zero
/// of a fraction: ".5", "-.5", as SVG allows).
fn push_fixed(out: &mut String, n: i64, decimals: usize, short: bool) {
    let decimals = decimals.min(MAX_DECIMALS);
    let p = POW10[decimals];
    if n < 0 {
        out.push('-');
    }
    let n = n.unsigned_abs();
    let (int, mut frac) = (n / p, n % p);
    let mut buf = [b'0'; 20];
    if !(short && int == 0 && frac != 0) {
        let mut i = buf.len();
        let mut k = int;
        loop {
            i -= 1;
            buf[i] = b'0' + (k % 10) as u8;
            k /= 10;
            if k == 0 {
                break;
            }
        }
        // Only ASCII digits were written, so these conversions always succeed.
        if let Ok(digits) = std::str::from_utf8(&buf[i..]) {
            out.push_str(digits);
        }
    }
    if frac != 0 {
        out.push('.');
        let mut width = decimals;
        while frac % 10 == 0 {
            frac /= 10;
            width -= 1;
        }
        for j in (0..width).rev() {
            buf[j] = b'0' + (frac % 10) as u8;
            frac /= 10;
        }
        if let Ok(digits) = std::str::from_utf8(&buf[..width]) {
            out.push_str(digits);
        }
    }
}

/// Appends a separator and a number; a minus sign serves as the separator on its own.
fn push_sep_num(out: &mut String, v: f64, decimals: usize) {
    out.push(' ');
    let start = out.len();
    push_num(out, v, decimals);
    if out[start..].starts_with('-') {
        out.remove(start - 1);
    }
}

fn write_path(out: &mut String, segments: &[Vec<(f64, f64)>], decimals: usize, close: bool) {
    for seg in segments {
        let mut pts = seg.iter().filter(|(x, y)| x.is_finite() && y.is_finite());
        let Some(&(x, y)) = pts.next() else { continue };
        out.push('M');
        push_num(out, x, decimals);
        push_sep_num(out, y, decimals);
        for (i, &(x, y)) in pts.enumerate() {
            if i == 0 {
                out.push('L');
                push_num(out, x, decimals);
            } else {
                push_sep_num(out, x, decimals);
            }
            push_sep_num(out, y, decimals);
        }
        if close {
            out.push('Z');
        }
    }
}

/// SVG path data for polylines: `M x y L x y x y …` per segment, numbers rounded to `decimals`
/// places (at most 6) with no trailing zeros, a minus sign doubling as separator. Non-finite
/// points and empty segments are skipped; a one-point segment is a bare `M x y`.
pub fn path_d(segments: &[Vec<(f64, f64)>], decimals: usize) -> String {
    let mut out = String::with_capacity(segments.iter().map(|s| s.len() * 12).sum());
    write_path(&mut out, segments, decimals, false);
    out
}

/// Like [`path_d`] but closes every ring with `Z` (for polygons: countries, the globe outline).
pub fn path_d_closed(rings: &[Vec<(f64, f64)>], decimals: usize) -> String {
    let mut out = String::with_capacity(rings.iter().map(|s| s.len() * 12).sum());
    write_path(&mut out, rings, decimals, true);
    out
}

/// Compact SVG path data for closed rings with relative coordinates: `M x y l dx dy dx dy … Z`
/// per ring, for static outlines such as the basemap (about 40 % smaller than [`path_d_closed`]
/// before compression, 45 % after).
///
/// Points are first rounded to `decimals` places (at most 6) and the steps taken between rounded
/// points, so nothing drifts: every vertex lands exactly where [`path_d_closed`] puts it.
/// Repeated points are dropped, fractions lose their leading zero (".5"), a minus sign doubles as
/// separator. Non-finite points are skipped; rings left with no point are skipped.
pub fn path_d_relative(rings: &[Vec<(f64, f64)>], decimals: usize) -> String {
    let decimals = decimals.min(MAX_DECIMALS);
    let mut out = String::with_capacity(rings.iter().map(|s| s.len() * 8).sum());
    let sep = |out: &mut String, n: i64| {
        if n >= 0 {
            out.push(' ');
        }
    };
    for ring in rings {
        let mut pts = ring.iter().filter_map(|&(x, y)| Some((quantise(x, decimals)?, quantise(y, decimals)?)));
        let Some((mut px, mut py)) = pts.next() else { continue };
        out.push('M');
        push_fixed(&mut out, px, decimals, true);
        sep(&mut out, py);
        push_fixed(&mut out, py, decimals, true);
        let mut first = true;
        for (x, y) in pts {
            let (dx, dy) = (x - px, y - py);
            if dx == 0 && dy == 0 {
                continue;
            }
            if first {
                out.push('l');
                first = false;
            } else {
                sep(&mut out, dx);
            }
            push_fixed(&mut out, dx, decimals, true);
            sep(&mut out, dy);
            push_fixed(&mut out, dy, decimals, true);
            (px, py) = (x, y);
        }
        out.push('Z');
    }
    out
}

/// The outline of the projected globe as one closed ring in map space (the meridians ±180
/// sampled every `step_deg` degrees of latitude, joined by the pole lines).
pub fn sphere_outline(step_deg: f64) -> Vec<(f64, f64)> {
    let n = if step_deg.is_finite() && step_deg > 0.0 { (180.0 / step_deg).ceil().clamp(2.0, 1800.0) } else { 90.0 };
    let n = n as usize;
    let mut ring = Vec::with_capacity(2 * n + 2);
    for i in 0..=n {
        ring.push(project(180.0, 90.0 - 180.0 * i as f64 / n as f64));
    }
    for i in 0..=n {
        ring.push(project(-180.0, -90.0 + 180.0 * i as f64 / n as f64));
    }
    ring
}

/// Graticule lines in map space: meridians and parallels every `every_deg` degrees (the ±180
/// meridians and the poles are left to [`sphere_outline`]). Meridians are sampled every
/// `step_deg` of latitude; parallels, straight lines in Equal Earth, are just their two ends.
pub fn graticule(every_deg: f64, step_deg: f64) -> Vec<Vec<(f64, f64)>> {
    let mut lines = Vec::new();
    if !(every_deg.is_finite() && every_deg >= 1.0 && step_deg.is_finite() && step_deg > 0.0) {
        return lines;
    }
    let samples = |span: f64| (span / step_deg).ceil().clamp(2.0, 3600.0) as usize;
    let k = (180.0 / every_deg).ceil() as i64;
    for i in -k..=k {
        let lon = i as f64 * every_deg;
        if lon.abs() >= 180.0 {
            continue;
        }
        let n = samples(180.0);
        lines.push((0..=n).map(|j| project(lon, -90.0 + 180.0 * j as f64 / n as f64)).collect());
    }
    let k = (90.0 / every_deg).ceil() as i64;
    for i in -k..=k {
        let lat = i as f64 * every_deg;
        if lat.abs() >= 90.0 {
            continue;
        }
        // Parallels are straight in Equal Earth: the two ends suffice.
        lines.push(vec![project(-180.0, lat), project(180.0, lat)]);
    }
    lines
}

// ---------------------------------------------------------------------------------------------
// Zoom and pan
// ---------------------------------------------------------------------------------------------

/// Largest zoom factor relative to the whole world.
pub const MAX_ZOOM: f64 = 40.0;

/// Margin [`View::fit_points`] leaves around the points, as a fraction of their extent per side.
pub const FIT_MARGIN: f64 = 0.08;
/// Narrowest view [`View::fit_points`] gives, in map units: a sixth of the world's width.
pub const FIT_MIN_WIDTH: f64 = MAP_WIDTH / 6.0;

/// The visible part of the map: an SVG `viewBox` in map units.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct View {
    /// Left edge, map units.
    pub x: f64,
    /// Top edge, map units.
    pub y: f64,
    /// Width, map units (> 0).
    pub w: f64,
    /// Height, map units (> 0).
    pub h: f64,
}

/// The names accepted by [`preset`], in the order a UI would list them.
pub const PRESETS: [&str; 4] = ["world", "europe", "asia", "americas"];

/// A named view: "world", "europe", "asia" or "americas" (case-insensitive), with the map's own
/// aspect ratio. `None` for any other name.
pub fn preset(name: &str) -> Option<View> {
    preset_with_aspect(name, MAP_WIDTH / MAP_HEIGHT)
}

/// Like [`preset`], fitted to a viewport of the given aspect ratio (width / height), e.g. that of
/// the SVG element, so tall regions like the Americas fill a tall element.
pub fn preset_with_aspect(name: &str, aspect: f64) -> Option<View> {
    let bbox = match name.trim().to_ascii_lowercase().as_str() {
        "world" => return Some(View::fit([-180.0, -90.0, 180.0, 90.0], aspect)),
        "europe" => [-25.0, 34.0, 45.0, 71.5],
        "asia" => [60.0, -11.0, 150.0, 56.0],
        "americas" => [-128.0, -56.0, -34.0, 62.0],
        _ => return None,
    };
    Some(View::fit(bbox, aspect))
}

/// A map view as a shared link keeps it (`map=` in Explore's URL, see `crate::state`): its centre
/// in tenths of a map unit and its zoom in hundredths, so that equal links are equal values and
/// the URL stays short. Every value is in range (see [`MapView::new`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct MapView {
    cx: u32,
    cy: u32,
    zoom: u32,
}

impl MapView {
    /// A view centred on `(cx, cy)` (map units, on the map) at `zoom` (1..=[`MAX_ZOOM`]), rounded;
    /// `None` for anything out of range or not finite.
    pub fn new(cx: f64, cy: f64, zoom: f64) -> Option<MapView> {
        let ok = cx.is_finite()
            && cy.is_finite()
            && zoom.is_finite()
            && (0.0..=MAP_WIDTH).contains(&cx)
            && (0.0..=MAP_HEIGHT).contains(&cy)
            && (1.0..=MAX_ZOOM).contains(&zoom);
        ok.then(|| MapView {
            cx: (cx * 10.0).round() as u32,
            cy: (cy * 10.0).round() as u32,
            zoom: (zoom * 100.0).round() as u32,
        })
    }

    /// Read `"cx,cy,zoom"` (as [`MapView::param`] writes it); `None` if malformed or out of range.
    pub fn from_param(s: &str) -> Option<MapView> {
        let mut it = s.split(',').map(|v| parse_plain_decimal(v.trim()));
        let (cx, cy, zoom) = (it.next()??, it.next()??, it.next()??);
        if it.next().is_some() {
            return None;
        }
        MapView::new(cx, cy, zoom)
    }

    /// `"cx,cy,zoom"`: centre to 0.1 map unit, zoom to 0.01, without trailing zeros.
    pub fn param(self) -> String {
        let mut out = String::with_capacity(20);
        push_fixed(&mut out, i64::from(self.cx), 1, false);
        out.push(',');
        push_fixed(&mut out, i64::from(self.cy), 1, false);
        out.push(',');
        push_fixed(&mut out, i64::from(self.zoom), 2, false);
        out
    }

    /// The view it describes, for a map of aspect ratio `aspect` (width / height).
    pub fn view(self, aspect: f64) -> View {
        let aspect = if aspect.is_finite() && aspect > 0.0 { aspect } else { MAP_WIDTH / MAP_HEIGHT };
        let zoom = f64::from(self.zoom) / 100.0;
        // The whole map at zoom 1, whichever side is tighter (as `View::scale` counts it).
        let (w0, h0) = if MAP_WIDTH / MAP_HEIGHT > aspect {
            (MAP_WIDTH, MAP_WIDTH / aspect)
        } else {
            (MAP_HEIGHT * aspect, MAP_HEIGHT)
        };
        let (w, h) = (w0 / zoom, h0 / zoom);
        let (cx, cy) = (f64::from(self.cx) / 10.0, f64::from(self.cy) / 10.0);
        View { x: cx - w / 2.0, y: cy - h / 2.0, w, h }.clamp()
    }
}

impl View {
    /// The view as a link keeps it ([`MapView`]); `None` for an invalid view.
    pub fn map_view(self) -> Option<MapView> {
        let v = self.clamp();
        let (cx, cy) = v.centre();
        MapView::new(cx.clamp(0.0, MAP_WIDTH), cy.clamp(0.0, MAP_HEIGHT), v.scale().clamp(1.0, MAX_ZOOM))
    }

    /// The view a fraction `t` (0..=1) of the way from `a` to `b`: the centre moves in a
    /// straight line, the size changes geometrically (so a zoom looks steady), then clamped.
    pub fn between(a: View, b: View, t: f64) -> View {
        if !(a.is_valid() && b.is_valid() && t.is_finite()) {
            return b;
        }
        let t = t.clamp(0.0, 1.0);
        let ((ax, ay), (bx, by)) = (a.centre(), b.centre());
        let (cx, cy) = (ax + (bx - ax) * t, ay + (by - ay) * t);
        let (w, h) = (a.w * (b.w / a.w).powf(t), a.h * (b.h / a.h).powf(t));
        View { x: cx - w / 2.0, y: cy - h / 2.0, w, h }
    }

    /// The whole map.
    pub fn world() -> View {
        View { x: 0.0, y: 0.0, w: MAP_WIDTH, h: MAP_HEIGHT }
    }

    fn is_valid(self) -> bool {
        self.x.is_finite()
            && self.y.is_finite()
            && self.w.is_finite()
            && self.h.is_finite()
            && self.w > 0.0
            && self.h > 0.0
    }

    /// Zoom factor relative to the whole world: 1 when the map just fits, 2 when half of it does.
    /// A view with another aspect ratio counts by its tighter side.
    pub fn scale(self) -> f64 {
        (MAP_WIDTH / self.w).max(MAP_HEIGHT / self.h)
    }

    /// The centre of the view in map units.
    pub fn centre(self) -> (f64, f64) {
        (self.x + self.w / 2.0, self.y + self.h / 2.0)
    }

    /// Zooms by `factor` (> 1 zooms in) about the map point `(px, py)`, which stays where it is on
    /// screen. The factor is limited so the zoom stays within 1..=[`MAX_ZOOM`] (a view already
    /// outside is never pushed further out). Invalid arguments return the view unchanged.
    pub fn zoom_at(self, factor: f64, (px, py): (f64, f64)) -> View {
        if !(self.is_valid() && factor.is_finite() && factor > 0.0 && px.is_finite() && py.is_finite()) {
            return self;
        }
        let cur = self.scale();
        if !cur.is_finite() {
            return self.clamp();
        }
        let target = (cur * factor).clamp(cur.min(1.0), cur.max(MAX_ZOOM));
        let f = target / cur;
        View { x: px - (px - self.x) / f, y: py - (py - self.y) / f, w: self.w / f, h: self.h / f }
    }

    /// Moves the view by `(dx, dy)` map units (positive dx shows what is further right).
    pub fn pan(self, dx: f64, dy: f64) -> View {
        if !(dx.is_finite() && dy.is_finite()) {
            return self;
        }
        View { x: self.x + dx, y: self.y + dy, ..self }
    }

    /// The smallest view of the given aspect ratio (width / height) that shows the geographic box
    /// `[min_lon, min_lat, max_lon, max_lat]` with a 4 % margin, then [`clamp`](View::clamp)ed. A box
    /// with `min_lon > max_lon` (crossing the antimeridian) is taken across all longitudes.
    pub fn fit(bbox_lonlat: [f64; 4], aspect: f64) -> View {
        if !bbox_lonlat.iter().all(|v| v.is_finite()) {
            return View::world();
        }
        let aspect = if aspect.is_finite() && aspect > 0.0 { aspect } else { MAP_WIDTH / MAP_HEIGHT };
        let [mut lon0, lat0, mut lon1, lat1] = bbox_lonlat;
        if lon0 > lon1 {
            (lon0, lon1) = (-180.0, 180.0);
        }
        let (lat0, lat1) = (lat0.min(lat1), lat0.max(lat1));
        let (mut x0, mut y0, mut x1, mut y1) = (f64::INFINITY, f64::INFINITY, f64::NEG_INFINITY, f64::NEG_INFINITY);
        const N: usize = 16;
        for i in 0..=N {
            let f = i as f64 / N as f64;
            let lon = lon0 + (lon1 - lon0) * f;
            let lat = lat0 + (lat1 - lat0) * f;
            for (x, y) in [project(lon, lat0), project(lon, lat1), project(lon0, lat), project(lon1, lat)] {
                x0 = x0.min(x);
                x1 = x1.max(x);
                y0 = y0.min(y);
                y1 = y1.max(y);
            }
        }
        let bw = (x1 - x0).max(1e-9) * 1.08;
        let bh = (y1 - y0).max(1e-9) * 1.08;
        let (w, h) = if bw / bh > aspect { (bw, bw / aspect) } else { (bh * aspect, bh) };
        let (cx, cy) = ((x0 + x1) / 2.0, (y0 + y1) / 2.0);
        View { x: cx - w / 2.0, y: cy - h / 2.0, w, h }.clamp()
    }

    /// The view of aspect ratio `aspect` (width / height) around `points` (map units): their
    /// bounding box with a margin of [`FIT_MARGIN`] of its size on every side, at least
    /// [`FIT_MIN_WIDTH`] wide (one city, or two close ones, do not fill the map), then
    /// [`clamp`](View::clamp)ed. Non-finite points are ignored; with none left, the whole world.
    pub fn fit_points(points: impl IntoIterator<Item = (f64, f64)>, aspect: f64) -> View {
        let aspect = if aspect.is_finite() && aspect > 0.0 { aspect } else { MAP_WIDTH / MAP_HEIGHT };
        let (mut x0, mut y0, mut x1, mut y1) = (f64::INFINITY, f64::INFINITY, f64::NEG_INFINITY, f64::NEG_INFINITY);
        for (x, y) in points.into_iter().filter(|(x, y)| x.is_finite() && y.is_finite()) {
            (x0, y0, x1, y1) = (x0.min(x), y0.min(y), x1.max(x), y1.max(y));
        }
        if x0 > x1 {
            return View::world();
        }
        let w = ((x1 - x0) * (1.0 + 2.0 * FIT_MARGIN)).max(FIT_MIN_WIDTH);
        let h = ((y1 - y0) * (1.0 + 2.0 * FIT_MARGIN)).max(FIT_MIN_WIDTH / aspect);
        let (w, h) = if w / h > aspect { (w, w / aspect) } else { (h * aspect, h) };
        let (cx, cy) = ((x0 + x1) / 2.0, (y0 + y1) / 2.0);
        View { x: cx - w / 2.0, y: cy - h / 2.0, w, h }.clamp()
    }

    /// Keeps the view sensible: zoom within 1..=[`MAX_ZOOM`] (resized about its centre, aspect
    /// kept), centred on the map along any axis where it is at least as large as the map, and
    /// otherwise with its centre on the map, so at least half of the view shows map. An invalid
    /// view (non-finite, empty, or too small to measure) becomes [`View::world`].
    pub fn clamp(self) -> View {
        let s = self.scale();
        if !self.is_valid() || !s.is_finite() {
            return View::world();
        }
        let k = if s < 1.0 {
            s
        } else if s > MAX_ZOOM {
            s / MAX_ZOOM
        } else {
            1.0
        };
        let (cx, cy) = self.centre();
        let (w, h) = (self.w * k, self.h * k);
        let cx = if w >= MAP_WIDTH { MAP_WIDTH / 2.0 } else { cx.clamp(0.0, MAP_WIDTH) };
        let cy = if h >= MAP_HEIGHT { MAP_HEIGHT / 2.0 } else { cy.clamp(0.0, MAP_HEIGHT) };
        View { x: cx - w / 2.0, y: cy - h / 2.0, w, h }
    }

    /// Map units per CSS pixel for an SVG element of `el_w` × `el_h` pixels showing this view with
    /// the default `preserveAspectRatio="xMidYMid meet"`. Use it to turn a drag into [`pan`](View::pan).
    pub fn units_per_pixel(self, el_w: f64, el_h: f64) -> Option<f64> {
        let s = (el_w / self.w).min(el_h / self.h);
        (self.is_valid() && s.is_finite() && s > 0.0).then(|| 1.0 / s)
    }

    /// The map point under the pixel `(px, py)` of such an element (pixels from its top-left).
    pub fn screen_to_map(self, px: f64, py: f64, el_w: f64, el_h: f64) -> Option<(f64, f64)> {
        let upp = self.units_per_pixel(el_w, el_h)?;
        let (ox, oy) = ((el_w - self.w / upp) / 2.0, (el_h - self.h / upp) / 2.0);
        let p = (self.x + (px - ox) * upp, self.y + (py - oy) * upp);
        (p.0.is_finite() && p.1.is_finite()).then_some(p)
    }

    /// The `viewBox` attribute value, numbers rounded to 3 decimals.
    pub fn viewbox(self) -> String {
        let mut out = String::with_capacity(32);
        push_num(&mut out, self.x, 3);
        for v in [self.y, self.w, self.h] {
            out.push(' ');
            push_num(&mut out, v, 3);
        }
        out
    }
}

// ---------------------------------------------------------------------------------------------
// Clustering and hit-testing
// ---------------------------------------------------------------------------------------------

/// A group of nearby map points drawn as one marker.
#[derive(Clone, Debug, PartialEq)]
pub struct Cluster {
    /// Centre in map units: the position of the cluster's first member (its leader).
    pub x: f64,
    /// See `x`.
    pub y: f64,
    /// Indices into the input, ascending; the first is the leader.
    pub members: Vec<usize>,
}

/// A tiny deterministic multiplicative hasher (FxHash's mixing step) for the grid's integer cell
/// keys: no random seed, so nothing depends on it, and several times faster than SipHash here.
#[derive(Default)]
struct CellHasher(u64);

impl Hasher for CellHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(b as u64);
        }
    }
    fn write_u64(&mut self, v: u64) {
        self.0 = (self.0.rotate_left(5) ^ v).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn write_i64(&mut self, v: i64) {
        self.write_u64(v as u64);
    }
}

type Grid = HashMap<(i64, i64), Vec<usize>, BuildHasherDefault<CellHasher>>;

/// Groups map points so markers closer than `radius` merge (leader clustering on a grid).
///
/// Points are taken in input order; each joins the nearest existing cluster whose centre is within
/// `radius` (ties: the earlier cluster), else starts a new cluster centred on itself. Hence:
/// every index is in exactly one cluster; every member is within `radius` of its centre; centres
/// are more than `radius` apart (markers of that diameter do not overlap); clusters are ordered by
/// their leader's index; the result depends only on the input. A non-positive or NaN radius (and
/// any non-finite point) gives singletons. Expected cost O(n) with a uniform grid of cell `radius`.
pub fn cluster(points: &[(f64, f64)], radius: f64) -> Vec<Cluster> {
    if radius.is_nan() || radius <= 0.0 {
        return points.iter().enumerate().map(|(i, &(x, y))| Cluster { x, y, members: vec![i] }).collect();
    }
    let r2 = radius * radius;
    let cell = |v: f64| (v / radius).floor() as i64; // saturating; NaN → 0
    let mut grid = Grid::default();
    let mut out: Vec<Cluster> = Vec::new();
    for (i, &(x, y)) in points.iter().enumerate() {
        let (cx, cy) = (cell(x), cell(y));
        let mut best: Option<(f64, usize)> = None;
        for gx in [cx.saturating_sub(1), cx, cx.saturating_add(1)] {
            for gy in [cy.saturating_sub(1), cy, cy.saturating_add(1)] {
                let Some(ids) = grid.get(&(gx, gy)) else { continue };
                for &c in ids {
                    let (dx, dy) = (out[c].x - x, out[c].y - y);
                    let d2 = dx * dx + dy * dy;
                    if d2 <= r2 && best.is_none_or(|(bd, bc)| d2 < bd || (d2 == bd && c < bc)) {
                        best = Some((d2, c));
                    }
                }
            }
        }
        match best {
            Some((_, c)) => out[c].members.push(i),
            None => {
                grid.entry((cx, cy)).or_default().push(out.len());
                out.push(Cluster { x, y, members: vec![i] });
            }
        }
    }
    out
}

/// The index of the point nearest to `(x, y)` within `max_dist` (inclusive), ties to the lower
/// index; `None` if there is none. Non-finite points never match.
pub fn nearest(points: &[(f64, f64)], x: f64, y: f64, max_dist: f64) -> Option<usize> {
    let max2 = max_dist * max_dist;
    let mut best: Option<(f64, usize)> = None;
    for (i, &(px, py)) in points.iter().enumerate() {
        let d2 = (px - x) * (px - x) + (py - y) * (py - y);
        if max_dist >= 0.0 && d2 <= max2 && best.is_none_or(|(bd, _)| d2 < bd) {
            best = Some((d2, i));
        }
    }
    best.map(|(_, i)| i)
}

#[cfg(test)]
mod tests {

    #[test]
    fn between_goes_from_one_view_to_the_other() {
        let (a, b) = (View::world(), View { x: 100.0, y: 50.0, w: 100.0, h: 48.7 });
        assert_eq!(View::between(a, b, 0.0), a);
        let end = View::between(a, b, 1.0);
        assert!((end.x - b.x).abs() < 1e-9 && (end.w - b.w).abs() < 1e-9, "{end:?}");
        let mid = View::between(a, b, 0.5);
        assert!((mid.w - (a.w * b.w).sqrt()).abs() < 1e-6, "geometric: {mid:?}");
        assert_eq!(View::between(a, b, f64::NAN), b);
    }

    #[test]
    fn a_map_view_survives_its_url_form_and_refuses_what_is_out_of_range() {
        let aspect = MAP_WIDTH / map_height();
        let v = View { x: 300.0, y: 100.0, w: 250.0, h: 250.0 / aspect };
        let mv = v.map_view().unwrap();
        assert_eq!(mv.param(), "425,160.8,4");
        assert_eq!(MapView::from_param(&mv.param()), Some(mv));
        let back = mv.view(aspect);
        assert!((back.x - v.x).abs() < 0.1 && (back.y - v.y).abs() < 0.1 && (back.w - v.w).abs() < 0.1, "{back:?}");
        assert_eq!(View::world().map_view().map(MapView::param).as_deref(), Some("500,243.4,1"));
        for bad in
            ["", "1,2", "1,2,3,4", "x,2,3", "500,200,0.5", "500,200,41", "-1,200,2", "500,9000,2", "NaN,1,2", "inf,1,2"]
        {
            assert_eq!(MapView::from_param(bad), None, "{bad}");
        }
        for bad in ["1e2,2,3", ".5,2,3", "+1,2,3", "1..2,2,3", " ,2,3", "١,2,3"] {
            assert_eq!(MapView::from_param(bad), None, "{bad}");
        }
        // More decimals than the view keeps are rounded, as before.
        assert_eq!(MapView::from_param("425.04,160.76,3.999").map(MapView::param).as_deref(), Some("425,160.8,4"));
        assert_eq!(MapView::from_param(" 500 , 243.4 , 1 ").map(MapView::param).as_deref(), Some("500,243.4,1"));
    }

    use super::*;
    use proptest::prelude::*;

    fn close(a: (f64, f64), b: (f64, f64), tol: f64) -> bool {
        (a.0 - b.0).abs() <= tol && (a.1 - b.1).abs() <= tol
    }

    fn in_map((x, y): (f64, f64)) -> bool {
        (0.0..=MAP_WIDTH).contains(&x) && (0.0..=MAP_HEIGHT).contains(&y)
    }

    #[test]
    fn distance_paris_berlin_is_about_878_km() {
        let d = distance_km(48.8566, 2.3522, 52.52, 13.405);
        assert!((d - 878.0).abs() < 5.0, "{d}");
    }

    #[test]
    fn bbox_distance_is_zero_inside_and_positive_outside() {
        let de = [5.87, 47.27, 15.04, 55.06];
        assert_eq!(distance_to_bbox_km(52.52, 13.405, de), 0.0);
        assert!(distance_to_bbox_km(40.4, -3.7, de) > 900.0);
    }

    // ---- projection ----

    #[test]
    fn map_height_is_the_equal_earth_aspect_ratio() {
        // Published Equal Earth extent: x ±2.7066299836960748, y ±1.3173627591574133 (d3-geo).
        assert!((map_height() - MAP_WIDTH * 1.3173627591574133 / 2.7066299836960748).abs() < 1e-9);
        assert!((MAP_HEIGHT / MAP_WIDTH - 0.4867).abs() < 1e-4, "{MAP_HEIGHT}");
    }

    #[test]
    fn raw_projection_matches_published_values() {
        // Reference: d3-geo 3 `geoEqualEarthRaw(λ, φ)` (radians in, unit-sphere x/y out).
        let cases = [
            ((180.0, 0.0), (2.7066299836960748, 0.0)),
            ((0.0, 90.0), (0.0, 1.3173627591574133)),
            ((180.0, 90.0), (1.6035886482840516, 1.3173627591574133)),
            ((13.405, 52.52), (0.1627971848754474, 0.9806699640026585)),
            ((-74.0, 40.7), (-0.9818620901576245, 0.7868414441972994)),
            ((151.2, -33.87), (2.0869650776546234, -0.6647057660224264)),
            ((-43.2, -22.9), (-0.6249922498914213, -0.4573818957931104)),
            ((139.7, 35.7), (1.9094661078039663, 0.6980347558719651)),
        ];
        for ((lon, lat), want) in cases {
            let got = ee_raw(f64::to_radians(lon), f64::to_radians(lat).sin());
            assert!(close(got, want, 1e-12), "({lon}, {lat}): {got:?} vs {want:?}");
            // And the same point in map space.
            let (x, y) = project(lon, lat);
            let want_map = (MAP_WIDTH / 2.0 + want.0 * SCALE, MAP_HEIGHT / 2.0 - want.1 * SCALE);
            assert!(close((x, y), want_map, 1e-9), "{:?} vs {want_map:?}", (x, y));
        }
    }

    #[test]
    fn landmarks_project_to_the_right_places() {
        assert!(close(project(0.0, 0.0), (MAP_WIDTH / 2.0, MAP_HEIGHT / 2.0), 1e-9));
        assert!(close(project(-180.0, 0.0), (0.0, MAP_HEIGHT / 2.0), 1e-9));
        assert!(close(project(180.0, 0.0), (MAP_WIDTH, MAP_HEIGHT / 2.0), 1e-9));
        assert!(close(project(0.0, 90.0), (MAP_WIDTH / 2.0, 0.0), 1e-9));
        assert!(close(project(0.0, -90.0), (MAP_WIDTH / 2.0, MAP_HEIGHT), 1e-9));
        // The pole is a line: 180° east at the pole is right of centre, but inside the edge.
        let (px, py) = project(180.0, 90.0);
        assert!(py.abs() < 1e-9 && px > 700.0 && px < 900.0, "{px}");
        // Berlin is north-east of Madrid; Tokyo is right of Delhi; Buenos Aires is south of Bogotá.
        let (berlin, madrid) = (project(13.4, 52.5), project(-3.7, 40.4));
        assert!(berlin.0 > madrid.0 && berlin.1 < madrid.1);
        assert!(project(139.7, 35.7).0 > project(77.2, 28.6).0);
        assert!(project(-58.4, -34.6).1 > project(-74.1, 4.7).1);
    }

    #[test]
    fn longitudes_are_wrapped_and_latitudes_clamped() {
        assert!(close(project(190.0, 10.0), project(-170.0, 10.0), 1e-9));
        assert!(
            close(project(-540.0, 10.0), project(180.0, 10.0), 1e-9)
                || close(project(-540.0, 10.0), project(-180.0, 10.0), 1e-9)
        );
        assert!(close(project(180.0 + 1e-12, 10.0), project(180.0, 10.0), 1e-9), "tiny overshoot stays east");
        assert!(close(project(10.0, 95.0), project(10.0, 90.0), 1e-9));
        let (x, y) = project(f64::NAN, 0.0);
        assert!(x.is_nan() || y.is_nan());
    }

    #[test]
    fn unproject_inverts_project_including_poles_and_edges() {
        for &(lon, lat) in &[
            (0.0, 0.0),
            (13.405, 52.52),
            (-179.9, -12.0),
            (180.0, 45.0),
            (-180.0, -45.0),
            (33.3, 90.0),
            (-120.0, -90.0),
        ] {
            let (x, y) = project(lon, lat);
            let (l2, p2) = unproject(x, y).expect("inside the map");
            assert!((l2 - lon).abs() < 1e-6 && (p2 - lat).abs() < 1e-6, "({lon},{lat}) -> ({l2},{p2})");
        }
    }

    #[test]
    fn unproject_is_none_outside_the_globe() {
        assert_eq!(unproject(1.0, 1.0), None, "top-left corner is outside Equal Earth's rounded edge");
        assert_eq!(unproject(MAP_WIDTH / 2.0, -5.0), None);
        assert_eq!(unproject(MAP_WIDTH / 2.0, MAP_HEIGHT + 5.0), None);
        assert_eq!(unproject(MAP_WIDTH + 1.0, MAP_HEIGHT / 2.0), None);
        assert_eq!(unproject(f64::NAN, 10.0), None);
        assert!(unproject(MAP_WIDTH / 2.0, MAP_HEIGHT / 2.0).is_some());
    }

    proptest! {
        #[test]
        fn project_round_trips(lon in -180.0f64..=180.0, lat in -90.0f64..=90.0) {
            let (x, y) = project(lon, lat);
            prop_assert!(in_map((x, y)));
            let (l2, p2) = unproject(x, y).unwrap();
            prop_assert!((l2 - lon).abs() < 1e-6 && (p2 - lat).abs() < 1e-6, "({lon},{lat}) -> ({l2},{p2})");
        }

        #[test]
        fn a_plain_decimal_reads_as_the_standard_parser_reads_it(s in "-?[0-9]{1,12}(\\.[0-9]{0,12})?") {
            let ours = parse_plain_decimal(&s).unwrap();
            let std = s.parse::<f64>().unwrap();
            prop_assert!((ours - std).abs() <= std.abs() * 1e-12, "{s}: {ours} vs {std}");
        }
    }

    // ---- arcs ----

    fn no_streaks(segs: &[Vec<(f64, f64)>]) -> bool {
        segs.iter().all(|s| s.windows(2).all(|w| (w[1].0 - w[0].0).abs() < MAP_WIDTH / 2.0))
    }

    #[test]
    fn arc_starts_and_ends_at_the_projected_endpoints() {
        let (a, b) = ((13.405, 52.52), (116.4, 39.9)); // Berlin – Beijing
        let segs = arc(a, b, 32);
        assert_eq!(segs.len(), 1);
        assert_eq!(segs[0].len(), 33);
        assert_eq!(segs[0][0], project(a.0, a.1));
        assert_eq!(*segs[0].last().unwrap(), project(b.0, b.1));
        // The great circle bows north of both endpoints (smaller y).
        let top = segs[0].iter().map(|p| p.1).fold(f64::INFINITY, f64::min);
        assert!(top < project(a.0, a.1).1 - 10.0, "{top}");
    }

    #[test]
    fn arc_points_lie_on_the_great_circle() {
        let (a, b) = ((-3.7, 40.4), (-58.4, -34.6)); // Madrid – Buenos Aires
        let (va, vb) = (unit_vector(a.0, a.1), unit_vector(b.0, b.1));
        let n = [va[1] * vb[2] - va[2] * vb[1], va[2] * vb[0] - va[0] * vb[2], va[0] * vb[1] - va[1] * vb[0]];
        let nn = norm(n);
        for p in &arc(a, b, 20)[0] {
            let (lon, lat) = unproject(p.0, p.1).unwrap();
            let off = dot(unit_vector(lon, lat), n) / nn;
            assert!(off.abs() < 1e-9, "{off}");
        }
    }

    #[test]
    fn arc_across_the_pacific_is_split_at_the_antimeridian() {
        let (tokyo, la) = ((139.7, 35.7), (-118.2, 34.1));
        let segs = arc(tokyo, la, 40);
        assert_eq!(segs.len(), 2, "{segs:?}");
        assert!(no_streaks(&segs));
        let (end, start) = (*segs[0].last().unwrap(), segs[1][0]);
        let (elon, elat) = unproject(end.0, end.1).unwrap();
        let (slon, slat) = unproject(start.0, start.1).unwrap();
        assert!((elon - 180.0).abs() < 1e-9, "first part ends on the east edge: {elon}");
        assert!((slon + 180.0).abs() < 1e-9, "second part starts on the west edge: {slon}");
        assert!((elat - slat).abs() < 1e-9 && elat > 40.0, "at the same latitude, north of both: {elat}");
        // Reverse direction: the same cut, the other way round.
        let back = arc(la, tokyo, 40);
        assert_eq!(back.len(), 2);
        assert!(close(*back[0].last().unwrap(), start, 1e-9) && close(back[1][0], end, 1e-9));
    }

    #[test]
    fn arc_degenerate_cases_are_finite_and_deterministic() {
        let cases = [
            ((10.0, 20.0), (10.0, 20.0)),    // identical
            ((180.0, 10.0), (-180.0, 10.0)), // the same point on both edges
            ((0.0, 0.0), (180.0, 0.0)),      // antipodal
            ((30.0, 40.0), (-150.0, -40.0)), // antipodal
            ((0.0, 90.0), (0.0, -90.0)),     // pole to pole
            ((45.0, 90.0), (-100.0, 90.0)),  // the same pole, different longitudes
            ((180.0, 10.0), (180.0, 60.0)),  // along the antimeridian
            ((-180.0, -50.0), (170.0, 0.0)), // from the west edge going west
            ((12.0, 89.999999), (-168.0, 89.999999)),
        ];
        for (a, b) in cases {
            let segs = arc(a, b, 16);
            assert!(!segs.is_empty(), "{a:?}-{b:?}");
            assert!(segs.iter().flatten().all(|&p| in_map(p)), "{a:?}-{b:?}: {segs:?}");
            assert!(segs.iter().all(|s| s.len() >= 2));
            assert!(no_streaks(&segs), "{a:?}-{b:?}: {segs:?}");
            assert_eq!(segs, arc(a, b, 16));
            if a.0.abs() < 180.0 {
                assert_eq!(segs[0][0], project(a.0, a.1), "{a:?}-{b:?}");
            }
            if b.0.abs() < 180.0 {
                assert_eq!(*segs.last().unwrap().last().unwrap(), project(b.0, b.1), "{a:?}-{b:?}");
            }
        }
        // Identical points on both edges: a zero-length segment on each.
        assert_eq!(
            arc((180.0, 10.0), (-180.0, 10.0), 8),
            vec![vec![project(180.0, 10.0); 2], vec![project(-180.0, 10.0); 2]]
        );
        // Antipodal from the equator goes north over the pole.
        let segs = arc((0.0, 0.0), (180.0, 0.0), 16);
        let top = segs.iter().flatten().map(|p| p.1).fold(f64::INFINITY, f64::min);
        assert!(top < 1e-6, "{top}");
        // Along the antimeridian: one segment hugging the east edge.
        let segs = arc((180.0, 10.0), (180.0, 60.0), 16);
        assert_eq!(segs.len(), 1);
        assert!(segs[0].iter().all(|p| p.0 > MAP_WIDTH * 0.7));
    }

    #[test]
    fn arc_rejects_non_finite_input() {
        assert!(arc((f64::NAN, 0.0), (1.0, 1.0), 8).is_empty());
        assert!(arc((0.0, 0.0), (1.0, f64::INFINITY), 8).is_empty());
    }

    #[test]
    fn arc_steps_grow_with_distance() {
        assert_eq!(arc_steps((2.35, 48.86), (2.36, 48.87)), 2);
        let eu_cn = arc_steps((13.4, 52.5), (116.4, 39.9));
        assert!((15..=25).contains(&eu_cn), "{eu_cn}");
        assert_eq!(arc_steps((0.0, 0.0), (180.0, 0.0)), 45);
    }

    fn lonlat() -> impl Strategy<Value = (f64, f64)> {
        prop_oneof![
            4 => (-180.0f64..=180.0, -90.0f64..=90.0),
            1 => (prop::sample::select(vec![-180.0, 0.0, 180.0]), -90.0f64..=90.0),
            1 => (-180.0f64..=180.0, prop::sample::select(vec![-90.0, 0.0, 90.0])),
        ]
    }

    proptest! {
        #[test]
        fn arcs_are_finite_inside_the_map_and_never_streak(a in lonlat(), b in lonlat(), steps in 1usize..80) {
            let segs = arc(a, b, steps);
            prop_assert!(!segs.is_empty());
            for s in &segs {
                prop_assert!(s.len() >= 2);
                for &p in s {
                    prop_assert!(p.0.is_finite() && p.1.is_finite() && in_map(p), "{a:?} {b:?}: {p:?}");
                }
            }
            prop_assert!(no_streaks(&segs), "{a:?} {b:?}: {segs:?}");
            prop_assert!(!path_d(&segs, 2).contains("NaN"));
        }
    }

    #[test]
    fn project_line_splits_at_the_antimeridian() {
        let segs = project_line(&[(170.0, 0.0), (-170.0, 10.0), (-160.0, 10.0)]);
        assert_eq!(segs.len(), 2);
        // Cut halfway in longitude, so halfway in sin(latitude), on both edges.
        let lat = (f64::to_radians(10.0).sin() / 2.0).asin().to_degrees();
        assert!(close(segs[0][1], project(180.0, lat), 1e-9) && close(segs[1][0], project(-180.0, lat), 1e-9));
        assert_eq!(segs[0][0], project(170.0, 0.0));
        assert_eq!(segs[1][1..], [project(-170.0, 10.0), project(-160.0, 10.0)]);
        assert!(project_line(&[]).is_empty());
    }

    // ---- path data ----

    #[test]
    fn path_d_is_compact() {
        let segs = vec![vec![(1.0, 2.5), (3.25, -4.0), (10.0, 0.04)], vec![(7.0, 8.0)], vec![]];
        assert_eq!(path_d(&segs, 1), "M1 2.5L3.3-4 10 0M7 8");
        assert_eq!(path_d(&segs, 0), "M1 3L3-4 10 0M7 8");
        assert_eq!(path_d_closed(&segs[..1], 2), "M1 2.5L3.25-4 10 0.04Z");
        assert_eq!(path_d(&[vec![(-1234.56789, 0.000_000_4)]], 9), "M-1234.56789 0", "at most 6 decimals");
        assert_eq!(path_d(&[vec![(-0.5, 0.05)]], 1), "M-0.5 0.1");
        assert_eq!(path_d(&[vec![(-0.01, f64::NAN), (-0.01, 5.0)]], 1), "M0 5");
        assert_eq!(path_d(&[], 1), "");
    }

    #[test]
    fn relative_path_data_is_short_and_lands_on_the_rounded_points() {
        let ring = vec![(10.04, 20.0), (10.54, 19.5), (10.54, 19.5), (12.0, 19.46), (9.95, 20.0)];
        assert_eq!(path_d_relative(std::slice::from_ref(&ring), 1), "M10 20l.5-.5 1.5 0-2 .5Z");
        assert_eq!(path_d_relative(&[vec![(0.3, -0.2)], vec![], vec![(f64::NAN, 1.0)]], 1), "M.3-.2Z");
        // Summing the steps gives back exactly the rounded absolute points.
        let pts: Vec<(f64, f64)> = (0..50).map(|i| (i as f64 * 7.37 % 13.0, (i * i) as f64 * 0.913 % 17.0)).collect();
        let d = path_d_relative(std::slice::from_ref(&pts), 1);
        let nums: Vec<f64> = d
            .trim_start_matches('M')
            .trim_end_matches('Z')
            .replace('l', " ")
            .replace('-', " -")
            .split_whitespace()
            .map(|t| t.parse().unwrap())
            .collect();
        let (mut x, mut y) = (nums[0], nums[1]);
        let mut got = vec![(x, y)];
        for c in nums[2..].chunks(2) {
            (x, y) = (x + c[0], y + c[1]);
            got.push(((x * 10.0).round() / 10.0, (y * 10.0).round() / 10.0));
        }
        let mut want: Vec<(f64, f64)> =
            pts.iter().map(|p| ((p.0 * 10.0).round() / 10.0, (p.1 * 10.0).round() / 10.0)).collect();
        want.dedup();
        assert_eq!(got, want);
    }

    #[test]
    fn sphere_outline_and_graticule_stay_on_the_map() {
        let ring = sphere_outline(2.0);
        assert!(ring.iter().all(|&p| in_map(p)));
        let xs: Vec<f64> = ring.iter().map(|p| p.0).collect();
        assert!(xs.iter().any(|&x| x.abs() < 1e-9) && xs.iter().any(|&x| (x - MAP_WIDTH).abs() < 1e-9));
        let g = graticule(30.0, 5.0);
        assert_eq!(g.len(), 11 + 5, "11 meridians from -150 to 150, 5 parallels from -60 to 60");
        assert!(g[..11].iter().all(|m| m.len() == 37));
        assert!(g[11..].iter().all(|p| p.len() == 2 && p[0].1 == p[1].1 && (p[0].0 + p[1].0 - MAP_WIDTH).abs() < 1e-9));
        assert!(g.iter().flatten().all(|&p| in_map(p)));
        assert!(graticule(f64::NAN, 5.0).is_empty());
    }

    // ---- view ----

    #[test]
    fn zoom_keeps_the_point_under_the_cursor() {
        let v = View::world();
        let p = (300.0, 150.0);
        let z = v.zoom_at(4.0, p);
        assert!((z.scale() - 4.0).abs() < 1e-12);
        // The point's relative position in the view is unchanged.
        assert!(((p.0 - z.x) / z.w - (p.0 - v.x) / v.w).abs() < 1e-12);
        assert!(((p.1 - z.y) / z.h - (p.1 - v.y) / v.h).abs() < 1e-12);
        // And zooming back out returns the same view.
        let back = z.zoom_at(0.25, p);
        assert!((back.x - v.x).abs() < 1e-9 && (back.w - v.w).abs() < 1e-9);
    }

    #[test]
    fn zoom_is_limited_to_the_allowed_range() {
        let v = View::world().zoom_at(1000.0, (500.0, 200.0));
        assert!((v.scale() - MAX_ZOOM).abs() < 1e-9, "{}", v.scale());
        let v = View::world().zoom_at(0.1, (500.0, 200.0));
        assert_eq!(v, View::world());
        assert_eq!(View::world().zoom_at(f64::NAN, (0.0, 0.0)), View::world());
        assert_eq!(View::world().zoom_at(-2.0, (0.0, 0.0)), View::world());
    }

    #[test]
    fn pan_moves_and_clamp_keeps_the_map_in_view() {
        let v = View::world().zoom_at(4.0, (500.0, 243.0)).pan(100.0, -20.0);
        assert!((v.x - (500.0 - 125.0 + 100.0)).abs() < 1e-9);
        let far = v.pan(10_000.0, 10_000.0).clamp();
        let (cx, cy) = far.centre();
        assert!((cx - MAP_WIDTH).abs() < 1e-9 && (cy - MAP_HEIGHT).abs() < 1e-9, "{far:?}");
        assert!((far.scale() - 4.0).abs() < 1e-9);
        // Zoomed out too far: back to the world, centred.
        let out = View { x: -5000.0, y: 0.0, w: 4000.0, h: 4000.0 * MAP_HEIGHT / MAP_WIDTH }.clamp();
        assert!((out.scale() - 1.0).abs() < 1e-12);
        assert!(close(out.centre(), (MAP_WIDTH / 2.0, MAP_HEIGHT / 2.0), 1e-9));
        // Zoomed in too far: back to MAX_ZOOM about the same centre.
        let tiny = View { x: 100.0, y: 100.0, w: 1.0, h: 1.0 }.clamp();
        assert!((tiny.scale() - MAX_ZOOM).abs() < 1e-9);
        assert!(close(tiny.centre(), (100.5, 100.5), 1e-9));
        assert_eq!(View { x: f64::NAN, y: 0.0, w: 1.0, h: 1.0 }.clamp(), View::world());
        assert_eq!(View { x: 0.0, y: 0.0, w: 0.0, h: 1.0 }.clamp(), View::world());
    }

    proptest! {
        #[test]
        fn views_stay_finite_and_clamped(
            x in -1e6f64..1e6, y in -1e6f64..1e6, w in 1e-9f64..1e6, h in 1e-9f64..1e6,
            factor in 1e-3f64..1e3, px in -2e3f64..2e3, py in -2e3f64..2e3, dx in -1e4f64..1e4,
        ) {
            let v = View { x, y, w, h }.zoom_at(factor, (px, py)).pan(dx, -dx).clamp();
            prop_assert!(v.is_valid(), "{:?}", v);
            prop_assert!(v.scale() >= 1.0 - 1e-9 && v.scale() <= MAX_ZOOM * (1.0 + 1e-9), "{:?} {}", v, v.scale());
            let (cx, cy) = v.centre();
            prop_assert!((-1e-6..=MAP_WIDTH + 1e-6).contains(&cx) && (-1e-6..=MAP_HEIGHT + 1e-6).contains(&cy));
            prop_assert!((v.w / v.h - w / h).abs() <= 1e-6 * (w / h), "aspect kept");
            prop_assert_eq!(v.clamp(), v.clamp().clamp());
        }
    }

    #[test]
    fn fit_contains_the_box_with_the_requested_aspect() {
        let bbox = [-10.0, 35.0, 30.0, 60.0];
        let v = View::fit(bbox, 16.0 / 9.0);
        assert!((v.w / v.h - 16.0 / 9.0).abs() < 1e-9);
        for (lon, lat) in [(-10.0, 35.0), (30.0, 35.0), (-10.0, 60.0), (30.0, 60.0), (10.0, 47.0)] {
            let (x, y) = project(lon, lat);
            assert!(x > v.x && x < v.x + v.w && y > v.y && y < v.y + v.h, "({lon},{lat}) not in {v:?}");
        }
        assert!(v.scale() > 3.0, "{}", v.scale());
        assert_eq!(View::fit([f64::NAN, 0.0, 1.0, 1.0], 1.0), View::world());
        // A single point: as close as allowed.
        assert!((View::fit([10.0, 10.0, 10.0, 10.0], 2.0).scale() - MAX_ZOOM).abs() < 1e-9);
    }

    #[test]
    fn presets_show_their_regions() {
        assert_eq!(preset("world"), Some(View::world()));
        assert_eq!(preset("Nowhere"), None);
        let inside = |v: View, (lon, lat): (f64, f64)| {
            let (x, y) = project(lon, lat);
            x > v.x && x < v.x + v.w && y > v.y && y < v.y + v.h
        };
        let eu = preset("europe").unwrap();
        assert_eq!(preset(" Europe "), Some(eu));
        assert!(inside(eu, (-9.1, 38.7)) && inside(eu, (24.1, 56.9)) && !inside(eu, (116.4, 39.9)));
        let asia = preset("asia").unwrap();
        assert!(inside(asia, (139.7, 35.7)) && inside(asia, (72.9, 19.1)) && !inside(asia, (-3.7, 40.4)));
        let am = preset("americas").unwrap();
        assert!(inside(am, (-75.7, 45.4)) && inside(am, (-58.4, -34.6)) && !inside(am, (116.4, 39.9)));
        for name in PRESETS {
            let v = preset(name).unwrap();
            assert_eq!(v, v.clamp(), "{name} is already clamped");
        }
    }

    #[test]
    fn screen_mapping_round_trips_with_letterboxing() {
        let v = View::world();
        // A square element: the map is letterboxed vertically.
        let upp = v.units_per_pixel(500.0, 500.0).unwrap();
        assert!((upp - 2.0).abs() < 1e-12);
        let (x, y) = v.screen_to_map(250.0, 250.0, 500.0, 500.0).unwrap();
        assert!(close((x, y), (MAP_WIDTH / 2.0, MAP_HEIGHT / 2.0), 1e-9));
        let (x0, _) = v.screen_to_map(0.0, 250.0, 500.0, 500.0).unwrap();
        assert!(x0.abs() < 1e-9);
        assert_eq!(v.screen_to_map(1.0, 1.0, 0.0, 500.0), None);
        assert_eq!(View { x: 1.5, y: -0.25, w: 100.0, h: 48.6667 }.viewbox(), "1.5 -0.25 100 48.667");
    }

    // ---- clustering and hit-testing ----

    #[test]
    fn cluster_merges_close_points_only() {
        let pts = [(0.0, 0.0), (3.0, 0.0), (100.0, 100.0), (0.0, 4.0), (103.0, 100.0), (50.0, 50.0)];
        let c = cluster(&pts, 5.0);
        let members: Vec<Vec<usize>> = c.iter().map(|c| c.members.clone()).collect();
        assert_eq!(members, vec![vec![0, 1, 3], vec![2, 4], vec![5]]);
        assert_eq!((c[1].x, c[1].y), (100.0, 100.0));
        assert_eq!(cluster(&pts, 0.0).len(), pts.len());
        assert_eq!(cluster(&pts, f64::NAN).len(), pts.len());
        assert_eq!(cluster(&pts, f64::INFINITY).len(), 1);
        assert!(cluster(&[], 5.0).is_empty());
    }

    #[test]
    fn cluster_joins_the_nearest_centre() {
        // Point 2 is within reach of both leaders but nearer to leader 1.
        let pts = [(0.0, 0.0), (8.0, 0.0), (5.0, 0.0)];
        let c = cluster(&pts, 6.0);
        assert_eq!(c.len(), 2);
        assert_eq!(c[1].members, vec![1, 2]);
    }

    fn check_cluster_invariants(pts: &[(f64, f64)], r: f64) -> Result<(), TestCaseError> {
        let cs = cluster(pts, r);
        let mut seen = vec![0u32; pts.len()];
        for c in &cs {
            prop_assert!(!c.members.is_empty());
            prop_assert!(c.members.windows(2).all(|w| w[0] < w[1]));
            prop_assert_eq!((c.x, c.y), pts[c.members[0]]);
            for &m in &c.members {
                seen[m] += 1;
                let d = (pts[m].0 - c.x).hypot(pts[m].1 - c.y);
                prop_assert!(d <= r * (1.0 + 1e-12), "member {} is {} from its centre (r = {})", m, d, r);
            }
        }
        prop_assert!(seen.iter().all(|&n| n == 1), "{:?}", seen);
        for (i, a) in cs.iter().enumerate() {
            for b in &cs[i + 1..] {
                prop_assert!((a.x - b.x).hypot(a.y - b.y) > r * (1.0 - 1e-12));
            }
        }
        prop_assert!(cs.windows(2).all(|w| w[0].members[0] < w[1].members[0]));
        prop_assert_eq!(cs, cluster(pts, r));
        Ok(())
    }

    proptest! {
        #[test]
        fn cluster_invariants_hold(
            pts in prop::collection::vec((0.0f64..1000.0, 0.0f64..487.0), 0..200),
            r in 0.5f64..80.0,
        ) {
            check_cluster_invariants(&pts, r)?;
        }

        #[test]
        fn cluster_invariants_hold_with_duplicates(
            pts in prop::collection::vec((0u8..20, 0u8..20), 0..100),
            r in 0.5f64..4.0,
        ) {
            let pts: Vec<(f64, f64)> = pts.into_iter().map(|(x, y)| (x as f64, y as f64)).collect();
            check_cluster_invariants(&pts, r)?;
        }
    }

    #[test]
    fn nearest_finds_the_closest_within_reach() {
        let pts = [(0.0, 0.0), (10.0, 0.0), (10.0, 0.0), (f64::NAN, 1.0)];
        assert_eq!(nearest(&pts, 9.0, 0.0, 2.0), Some(1), "ties go to the lower index");
        assert_eq!(nearest(&pts, 1.0, 0.0, 2.0), Some(0));
        assert_eq!(nearest(&pts, 5.0, 0.0, 2.0), None);
        assert_eq!(nearest(&pts, 5.0, 0.0, 5.0), Some(0));
        assert_eq!(nearest(&pts, 5.0, 0.0, f64::NAN), None);
        assert_eq!(nearest(&[], 5.0, 0.0, 5.0), None);
    }

    /// The map geometry for 10,000 pairings: 20,000 projected points, 10,000 arcs, clustering,
    /// hit-testing and path data. Prints the time taken (not asserted; see the module docs for the
    /// measured figure). Deterministic pseudo-random cities from a fixed LCG.
    #[test]
    fn ten_thousand_pairings_geometry() {
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = move || {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (seed >> 11) as f64 / (1u64 << 53) as f64
        };
        let pairs: Vec<((f64, f64), (f64, f64))> = (0..10_000)
            .map(|_| {
                let eu = (-10.0 + 40.0 * next(), 36.0 + 30.0 * next());
                let other = (-180.0 + 360.0 * next(), -55.0 + 125.0 * next());
                (eu, other)
            })
            .collect();
        let start = std::time::Instant::now();
        let points: Vec<(f64, f64)> = pairs.iter().flat_map(|&(a, b)| [project(a.0, a.1), project(b.0, b.1)]).collect();
        let arcs: Vec<Vec<Vec<(f64, f64)>>> = pairs.iter().map(|&(a, b)| arc(a, b, arc_steps(a, b))).collect();
        let clusters = cluster(&points, 8.0);
        let hit = nearest(&points, 500.0, 200.0, 50.0);
        let geometry = start.elapsed();
        let start = std::time::Instant::now();
        let d_len: usize = arcs.iter().map(|a| path_d(a, 1).len()).sum();
        let path_data = start.elapsed();
        let n_points: usize = arcs.iter().flatten().map(Vec::len).sum();
        eprintln!(
            "10,000 pairings: project+arcs+cluster+nearest {geometry:?} ({n_points} arc points); \
             path data {path_data:?} ({d_len} bytes)"
        );
        assert_eq!(points.len(), 20_000);
        assert!(points.iter().all(|&p| in_map(p)));
        assert!(arcs.iter().flatten().flatten().all(|&p| in_map(p)));
        assert_eq!(clusters.iter().map(|c| c.members.len()).sum::<usize>(), 20_000);
        assert!(clusters.len() < 20_000, "the dense European half must cluster");
        assert!(hit.is_some());
    }

    #[test]
    fn fit_points_shows_every_point_with_a_margin_and_never_a_single_city_alone() {
        let aspect = MAP_WIDTH / MAP_HEIGHT;
        let inside = |v: View, (x, y): (f64, f64)| x > v.x && x < v.x + v.w && y > v.y && y < v.y + v.h;
        // Malmö, Ottawa and Windsor: the view holds them all, with room to spare, at the aspect asked.
        let pts = [project(13.0, 55.6), project(-75.7, 45.4), project(-83.0, 42.3)];
        let v = View::fit_points(pts, aspect);
        assert!(pts.iter().all(|&p| inside(v, p)), "{v:?}");
        assert!((v.w / v.h - aspect).abs() < 1e-9);
        assert!(v.w * v.h < MAP_WIDTH * MAP_HEIGHT / 4.0, "well inside the world: {v:?}");
        let (x0, x1) =
            (pts.iter().map(|p| p.0).fold(f64::MAX, f64::min), pts.iter().map(|p| p.0).fold(f64::MIN, f64::max));
        assert!(v.x < x0 - 0.05 * (x1 - x0) && v.x + v.w > x1 + 0.05 * (x1 - x0), "a margin on both sides");
        // One city: the minimum extent, centred on it.
        let rome = project(12.5, 41.9);
        let one = View::fit_points([rome], aspect);
        assert!((one.w - FIT_MIN_WIDTH).abs() < 1e-6 && inside(one, rome));
        assert!((one.centre().0 - rome.0).abs() < 1e-6 && (one.centre().1 - rome.1).abs() < 1e-6);
        // Nothing (or nothing finite) to show: the world.
        assert_eq!(View::fit_points([], aspect), View::world());
        assert_eq!(View::fit_points([(f64::NAN, 1.0)], aspect), View::world());
        // A tall box gets its width from the aspect ratio.
        let tall = View::fit_points([project(0.0, -50.0), project(1.0, 50.0)], aspect);
        assert!((tall.w / tall.h - aspect).abs() < 1e-9 && tall.h >= project(0.0, -50.0).1 - project(0.0, 50.0).1);
    }
}
