//! Partner colours: an embed's `accent=<hex>` is used only if it keeps the page readable.
//!
//! The accent is the colour of the site header, pressed and primary buttons, badges, the
//! selected row's mark and some headings. So it must meet WCAG 2.1 AA as text against the
//! page's light backgrounds (white and the panel grey), and then carries white text at the same
//! ratio: 4.5:1, the ratio for normal text, which also
//! covers the 3:1 asked of controls and borders. A partner colour applies to the light scheme;
//! the dark scheme keeps the explorer's own light-on-dark accent, since almost no single colour
//! reaches 4.5:1 against both white and near-black.

/// The light scheme's backgrounds the accent is used on (`--bg`, `--panel` in style/main.css).
pub const LIGHT_BACKGROUNDS: [(&str, [u8; 3]); 2] =
    [("white", [0xff, 0xff, 0xff]), ("the panel grey", [0xf3, 0xf5, 0xf8])];
/// The text colour on the accent (`--accent-fg`): an accent dark enough for text on white is
/// also dark enough to carry white text.
pub const WHITE: [u8; 3] = [0xff, 0xff, 0xff];
/// WCAG 2.1 AA for normal text.
pub const AA_TEXT: f64 = 4.5;

/// `#rgb`, `#rrggbb`, with or without the `#`, any case.
pub fn parse_hex(s: &str) -> Option<[u8; 3]> {
    let h = s.trim().strip_prefix('#').unwrap_or(s.trim());
    if !h.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let digit = |i: usize| u8::from_str_radix(&h[i..i + 1], 16).ok();
    match h.len() {
        3 => Some([digit(0)? * 17, digit(1)? * 17, digit(2)? * 17]),
        6 => Some([
            u8::from_str_radix(&h[0..2], 16).ok()?,
            u8::from_str_radix(&h[2..4], 16).ok()?,
            u8::from_str_radix(&h[4..6], 16).ok()?,
        ]),
        _ => None,
    }
}

/// `#rrggbb`, lower case.
pub fn to_hex([r, g, b]: [u8; 3]) -> String {
    format!("#{r:02x}{g:02x}{b:02x}")
}

/// WCAG 2.1 relative luminance.
pub fn relative_luminance(rgb: [u8; 3]) -> f64 {
    let lin = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * lin(rgb[0]) + 0.7152 * lin(rgb[1]) + 0.0722 * lin(rgb[2])
}

/// WCAG 2.1 contrast ratio, from 1 to 21.
pub fn contrast(a: [u8; 3], b: [u8; 3]) -> f64 {
    let (la, lb) = (relative_luminance(a), relative_luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// A partner accent that passed: the colour and the text colour it carries, as `#rrggbb`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Accent {
    pub accent: String,
    pub fg: String,
}

/// Why an `accent=` value is refused. `Display` gives the English reason for the console (it is
/// for the partner's developer, like the URL parameter itself); the embed dialog words it in the
/// reader's language from the fields.
#[derive(Clone, Debug, PartialEq)]
pub enum Refusal {
    /// Not a hex colour (the value as given).
    NotAColour(String),
    /// Too faint against one of [`LIGHT_BACKGROUNDS`] (named there): its contrast `ratio`.
    TooFaint { hex: String, against: &'static str, ratio: f64 },
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Refusal::NotAColour(v) => {
                write!(f, "accent={v:?} is not a colour: give one as hex, such as accent=5b2a86 or accent=%23036")
            }
            Refusal::TooFaint { hex, against, ratio } => write!(
                f,
                "accent {hex} is not used: its contrast with {against} is {ratio:.2}:1, below the 4.5:1 WCAG AA asks \
                 for text (choose a darker colour)"
            ),
        }
    }
}

/// Check an `accent=` value: the colour to use, or why it is refused.
pub fn check_accent(value: &str) -> Result<Accent, Refusal> {
    let Some(rgb) = parse_hex(value) else {
        return Err(Refusal::NotAColour(value.to_string()));
    };
    let hex = to_hex(rgb);
    for (against, bg) in LIGHT_BACKGROUNDS {
        let ratio = contrast(rgb, bg);
        if ratio < AA_TEXT {
            return Err(Refusal::TooFaint { hex, against, ratio });
        }
    }
    // At 4.5:1 or more against white, white text on it reaches the same ratio.
    Ok(Accent { accent: hex, fg: to_hex(WHITE) })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contrast_matches_wcag_reference_values() {
        assert!((contrast(WHITE, [0, 0, 0]) - 21.0).abs() < 1e-9);
        assert!((contrast([0x77; 3], WHITE) - 4.48).abs() < 0.01);
        assert!((contrast([0x76; 3], WHITE) - 4.54).abs() < 0.01);
        assert_eq!(contrast([0x12, 0x34, 0x56], [0x12, 0x34, 0x56]), 1.0);
        // The explorer's own accent passes its own check.
        assert!(contrast([0x00, 0x33, 0x99], WHITE) > 10.0);
    }

    #[test]
    fn hex_forms_parse_and_garbage_does_not() {
        assert_eq!(parse_hex("#5B2A86"), Some([0x5b, 0x2a, 0x86]));
        assert_eq!(parse_hex("5b2a86"), Some([0x5b, 0x2a, 0x86]));
        assert_eq!(parse_hex("#036"), Some([0x00, 0x33, 0x66]));
        for bad in ["", "#", "12345", "#1234567", "red", "#ggg", "１２３", "#12 456"] {
            assert_eq!(parse_hex(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn a_readable_accent_is_kept_and_carries_white_text() {
        assert_eq!(check_accent("5b2a86"), Ok(Accent { accent: "#5b2a86".into(), fg: "#ffffff".into() }));
        assert_eq!(check_accent("#003399").map(|a| a.fg), Ok("#ffffff".into()));
        // Just dark enough on white and on the panel grey.
        assert!(check_accent("#6a6a6a").is_ok());
    }

    #[test]
    fn a_low_contrast_accent_is_refused_with_the_reason() {
        let e = check_accent("ffcc00").unwrap_err();
        assert!(
            matches!(&e, Refusal::TooFaint { hex, against: "white", ratio } if hex == "#ffcc00" && (ratio - 1.51).abs() < 0.01),
            "{e:?}"
        );
        let e = e.to_string();
        assert!(e.contains("#ffcc00") && e.contains("white") && e.contains("1.51:1") && e.contains("4.5:1"), "{e}");
        // Passes on white (4.54:1) but not on the panel grey.
        let e = check_accent("#767676").unwrap_err().to_string();
        assert!(e.contains("panel grey"), "{e}");
        let e = check_accent("javascript:alert(1)").unwrap_err();
        assert_eq!(e, Refusal::NotAColour("javascript:alert(1)".into()));
        assert!(e.to_string().contains("not a colour"), "{e}");
    }
}
