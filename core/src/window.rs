//! Which rows of a long list to render: the ones in and near the viewport.
//!
//! The table of pairings renders every row up to [`RENDER_ALL_UP_TO`] (so find-in-page and a
//! screen reader's browse mode reach them all); above that, only a window of rows around what
//! the viewport shows, with the rest stood in for by spacers of the same height. The window moves
//! in steps of [`STEP`] rows, so scrolling a little renders nothing new, and reaches [`MARGIN`]
//! rows beyond each edge of the viewport, so moving focus down with Tab always finds the next
//! row rendered (the browser scrolls it into view, and the window follows).

use std::ops::Range;

/// Up to this many rows, every row is rendered.
pub const RENDER_ALL_UP_TO: usize = 100;
/// Rows rendered beyond each edge of the viewport.
pub const MARGIN: usize = 8;
/// The window's ends move in multiples of this many rows.
pub const STEP: usize = 8;
/// Row height assumed before one has been measured, in CSS pixels.
pub const DEFAULT_ROW_PX: f64 = 40.0;

/// Where the list is on screen: how far its top is above the viewport's top (negative when the
/// list starts below it) and the viewport's height, in CSS pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scroll {
    pub above: f64,
    pub viewport: f64,
}

impl Default for Scroll {
    /// A list at the top of an 800-pixel viewport (before anything was measured, and natively).
    fn default() -> Scroll {
        Scroll { above: 0.0, viewport: 800.0 }
    }
}

/// The rows to render of a list of `total` rows of about `row_px` pixels each.
///
/// Every row when `total` ≤ [`RENDER_ALL_UP_TO`] or when `all` (printing); otherwise the rows
/// the viewport shows, [`MARGIN`] more on each side, with both ends rounded outwards to a
/// multiple of [`STEP`]. Never empty while `total` > 0: a list scrolled past (or not yet
/// reached) keeps the rows nearest to the viewport.
pub fn rows_to_render(total: usize, scroll: Scroll, row_px: f64, all: bool) -> Range<usize> {
    if all || total <= RENDER_ALL_UP_TO {
        return 0..total;
    }
    let row = row_height(row_px);
    let above = if scroll.above.is_finite() { scroll.above } else { 0.0 };
    let viewport = if scroll.viewport.is_finite() { scroll.viewport.max(0.0) } else { 0.0 };
    // Rows overlapping [above, above + viewport), clamped to the list.
    let first = ((above / row).floor().max(0.0) as usize).min(total - 1);
    let last = (((above + viewport) / row).ceil().max(0.0) as usize).clamp(first + 1, total);
    let start = first.saturating_sub(MARGIN) / STEP * STEP;
    let end = (last + MARGIN).div_ceil(STEP) * STEP;
    start..end.min(total)
}

/// The heights of the spacers that stand in for the rows before and after `window`.
pub fn spacers(total: usize, window: &Range<usize>, row_px: f64) -> (f64, f64) {
    let row = row_height(row_px);
    (window.start as f64 * row, total.saturating_sub(window.end) as f64 * row)
}

/// A measured row height, or [`DEFAULT_ROW_PX`] when the measurement is unusable.
fn row_height(row_px: f64) -> f64 {
    if row_px.is_finite() && row_px >= 1.0 {
        row_px
    } else {
        DEFAULT_ROW_PX
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TOP: Scroll = Scroll { above: 0.0, viewport: 800.0 };

    #[test]
    fn short_lists_render_every_row() {
        assert_eq!(rows_to_render(0, TOP, 40.0, false), 0..0);
        assert_eq!(rows_to_render(55, Scroll { above: 5_000.0, viewport: 800.0 }, 40.0, false), 0..55);
        assert_eq!(rows_to_render(RENDER_ALL_UP_TO, TOP, 40.0, false), 0..RENDER_ALL_UP_TO);
    }

    #[test]
    fn a_long_list_at_the_top_renders_the_viewport_and_a_margin() {
        // 800 px of 40 px rows: 20 rows on screen, 8 more below, rounded up to a multiple of 8.
        assert_eq!(rows_to_render(10_000, TOP, 40.0, false), 0..32);
        // The list starting 300 px down the viewport: 500 px of it on screen.
        assert_eq!(rows_to_render(10_000, Scroll { above: -300.0, viewport: 800.0 }, 40.0, false), 0..24);
    }

    #[test]
    fn the_window_follows_the_scroll_in_steps() {
        let at = |above: f64| rows_to_render(10_000, Scroll { above, viewport: 800.0 }, 40.0, false);
        // Row 100 at the viewport's top: rows 100..120 on screen.
        let w = at(4_000.0);
        assert!(w.start <= 100 - MARGIN && w.end >= 120 + MARGIN, "{w:?}");
        assert_eq!(w.start % STEP, 0);
        assert_eq!(w.end % STEP, 0);
        assert_eq!(w, 88..128);
        // A few pixels less changes nothing.
        assert_eq!(at(3_990.0), w);
        // Far down: the last rows, and never past the end.
        assert_eq!(at(399_500.0), 9_976..10_000);
        assert_eq!(at(1e9), 9_984..10_000);
    }

    #[test]
    fn the_window_is_never_empty_and_printing_renders_everything() {
        // A list far below the viewport: its first rows; far above: its last.
        assert_eq!(rows_to_render(10_000, Scroll { above: -5_000.0, viewport: 800.0 }, 40.0, false), 0..16);
        assert!(!rows_to_render(500, Scroll { above: 1e7, viewport: 0.0 }, 40.0, false).is_empty());
        assert_eq!(rows_to_render(10_000, TOP, 40.0, true), 0..10_000);
    }

    #[test]
    fn odd_measurements_fall_back_to_the_default_row() {
        let w = rows_to_render(10_000, Scroll { above: f64::NAN, viewport: f64::INFINITY }, 0.0, false);
        assert_eq!(w, 0..16);
        assert_eq!(rows_to_render(10_000, TOP, f64::NAN, false), rows_to_render(10_000, TOP, DEFAULT_ROW_PX, false));
    }

    #[test]
    fn spacers_stand_in_for_the_rows_not_rendered() {
        assert_eq!(spacers(10_000, &(88..128), 40.0), (3_520.0, 394_880.0));
        assert_eq!(spacers(55, &(0..55), 40.0), (0.0, 0.0));
    }
}
