//! Number formatting shared by the reports, the CLI and the window, so every
//! screen and file shows the same figure the same way.

/// `{value:.decimals$}` as the standard library writes it (the exact binary
/// value rounded to `decimals` places, ties to even, a minus sign on any
/// negative value, -0 included), for the cost tables and reasons that write
/// hundreds: the value is scaled and rounded as a float and printed as whole
/// numbers, which is exact unless the scaled value is within a thousandth of
/// a half (its rounding error is under 2e-4 below 1e12); those, and anything
/// larger or with more places, go to the standard formatter.
#[derive(Debug, Clone, Copy)]
pub struct Fixed(pub f64, pub usize);

impl std::fmt::Display for Fixed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        const SCALE: [f64; 7] = [1.0, 10.0, 100.0, 1e3, 1e4, 1e5, 1e6];
        const WHOLE: [u64; 7] = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000];
        let Fixed(value, places) = *self;
        if value.is_finite() && places < SCALE.len() {
            let scaled = value.abs() * SCALE[places];
            let below = scaled.floor();
            if scaled < 1e12 && (scaled - below - 0.5).abs() > 1e-3 {
                let rounded = if scaled - below > 0.5 { below + 1.0 } else { below };
                // Whole and under 1e12, so the conversion is exact.
                let n = rounded as u64;
                let sign = if value.is_sign_negative() { "-" } else { "" };
                let unit = WHOLE[places];
                return if places == 0 {
                    write!(f, "{sign}{n}")
                } else {
                    write!(f, "{sign}{}.{:0places$}", n / unit, n % unit)
                };
            }
        }
        write!(f, "{value:.places$}")
    }
}

/// Dollars with thousands separators: `$1,234.56`; under a cent, `$0.0042`;
/// under a hundredth of a cent, "under $0.0001".
#[must_use]
pub fn usd(value: f64) -> String {
    if !value.is_finite() {
        return "n/a".into();
    }
    let sign = if value < 0.0 { "-" } else { "" };
    let v = value.abs();
    if v > 0.0 && v < 0.000_05 {
        // "$0.0000" would read as nothing at all.
        return if value < 0.0 {
            "-(under $0.0001)".to_owned()
        } else {
            "under $0.0001".to_owned()
        };
    }
    if v > 0.0 && v < 0.01 {
        return format!("{sign}${}", Fixed(v, 4));
    }
    let cents = (v * 100.0).round();
    let whole = (cents / 100.0).trunc();
    let frac = cents - whole * 100.0;
    format!("{sign}${}.{:02}", group(whole), frac as u64)
}

/// Whole dollars with separators, for axis labels: `$1,235`.
#[must_use]
pub fn usd_whole(value: f64) -> String {
    if !value.is_finite() {
        return "n/a".into();
    }
    let sign = if value < 0.0 { "-" } else { "" };
    format!("{sign}${}", group(value.abs().round()))
}

/// A count with thousands separators: `10,000,000`; huge values in short form.
#[must_use]
pub fn count(value: f64) -> String {
    if !value.is_finite() {
        return "n/a".into();
    }
    if value.abs() >= 1e15 {
        return format!("{value:.3e}");
    }
    let sign = if value < 0.0 { "-" } else { "" };
    let v = value.abs();
    if v < 10.0 && v.fract() != 0.0 {
        return format!("{sign}{}", Fixed(v, 2));
    }
    format!("{sign}{}", group(v.round()))
}

/// A volume in words: `10M`, `2.5B`, `750k`.
#[must_use]
pub fn short_count(value: f64) -> String {
    if !value.is_finite() {
        return "n/a".into();
    }
    let v = value.abs();
    let (scaled, suffix) = if v >= 1e12 {
        (value / 1e12, "T")
    } else if v >= 1e9 {
        (value / 1e9, "B")
    } else if v >= 1e6 {
        (value / 1e6, "M")
    } else if v >= 1e3 {
        (value / 1e3, "k")
    } else {
        (value, "")
    };
    let text = if scaled.abs() >= 100.0 || (scaled.fract()).abs() < 0.05 {
        format!("{}", Fixed(scaled, 0))
    } else if scaled.abs() >= 10.0 {
        format!("{}", Fixed(scaled, 1))
    } else {
        format!("{}", Fixed(scaled, 2))
    };
    let text = if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        text
    };
    format!("{text}{suffix}")
}

/// Milliseconds in the most readable unit: `850 ms`, `2.5 s`, `15 min`.
#[must_use]
pub fn duration_ms(ms: f64) -> String {
    if !ms.is_finite() {
        return "n/a".into();
    }
    if ms < 1.0 {
        format!("{} ms", Fixed(ms, 2))
    } else if ms < 1000.0 {
        format!("{} ms", Fixed(ms, 0))
    } else if ms < 60_000.0 {
        format!("{} s", Fixed(ms / 1000.0, 1))
    } else if ms < 3_600_000.0 {
        format!("{} min", Fixed(ms / 60_000.0, 1))
    } else {
        format!("{} h", Fixed(ms / 3_600_000.0, 1))
    }
}

/// A confidence as a whole percentage: `89%` (its decimals would claim a
/// precision the scoring does not have).
#[must_use]
pub fn confidence(fraction: f64) -> String {
    if fraction.is_finite() {
        format!("{}%", Fixed(fraction * 100.0, 0))
    } else {
        "n/a".into()
    }
}

/// A fraction as a percentage: `12.5%`, `0.03%`.
#[must_use]
pub fn percent(fraction: f64) -> String {
    if !fraction.is_finite() {
        return "n/a".into();
    }
    let p = fraction * 100.0;
    if p > 0.0 && p < 0.01 {
        return "under 0.01%".into();
    }
    if p != 0.0 && p.abs() < 0.1 {
        format!("{}%", Fixed(p, 2))
    } else {
        format!("{}%", Fixed(p, 1))
    }
}

fn group(whole: f64) -> String {
    // Whole numbers below 2^53 print exactly as integers, which is far
    // cheaper than float formatting (the cost tables write hundreds).
    let digits = if (0.0..9.0e15).contains(&whole) && whole.fract() == 0.0 {
        // In range and whole, so the cast is exact.
        (whole as u64).to_string()
    } else {
        format!("{}", Fixed(whole, 0))
    };
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A score or a margin in points, to one decimal: `15.2`, so two scores that
/// decide differently never print the same.
#[must_use]
pub fn points(value: f64) -> String {
    if value.is_finite() {
        format!("{}", Fixed(value, 1))
    } else {
        "n/a".into()
    }
}

/// A criterion's weight, to one decimal with no trailing `.0`: `3`, `4.5`.
#[must_use]
pub fn weight(value: f64) -> String {
    if !value.is_finite() {
        return "n/a".into();
    }
    let rounded = (value * 10.0).round() / 10.0;
    if rounded.fract() == 0.0 {
        format!("{}", Fixed(rounded, 0))
    } else {
        format!("{}", Fixed(rounded, 1))
    }
}

/// A multiple, to two significant figures at most: `1.3x`, `12x`, `124x`.
#[must_use]
pub fn times(ratio: f64) -> String {
    if !ratio.is_finite() {
        return "n/a".into();
    }
    if ratio < 10.0 {
        format!("{}x", Fixed(ratio, 1))
    } else {
        format!("{}x", group(ratio.round()))
    }
}

/// An answer's value as the flip points show it, by its field path:
/// `12.5M a month`, `120 ms`, `2.0x`, `512 MB`.
#[must_use]
pub fn answer(path: &str, value: f64) -> String {
    match path {
        "traffic.monthly_requests" => format!("{} a month", short_count(value)),
        "execution.avg_duration_ms" | "latency.p99_target_ms" => duration_ms(value),
        "traffic.peak_to_average" => format!("{}x", Fixed(value, 1)),
        "execution.memory_mb" => format!("{} MB", Fixed(value, 0)),
        "migration.effort_days" => format!("{} engineer-days", trim_number(value)),
        "migration.engineer_day_usd" => format!("{} a day", usd_whole(value)),
        "pricing.commitment" => match value.round() as i64 {
            0 => "on demand".to_owned(),
            1 => "a 1-year commitment".to_owned(),
            _ => "a 3-year commitment".to_owned(),
        },
        _ => format!("{value}"),
    }
}

/// An answer's value to the precision that tells two close values apart:
/// `24.02x`, `512.5 ms`, `30,012,345 a month` (for a flip finer than the
/// answer's own precision, where [`answer`] would print both the same).
#[must_use]
pub fn answer_fine(path: &str, value: f64) -> String {
    match path {
        "traffic.monthly_requests" => format!("{} a month", count(value.round())),
        "execution.avg_duration_ms" | "latency.p99_target_ms" => format!("{} ms", Fixed(value, 1)),
        "traffic.peak_to_average" => format!("{}x", Fixed(value, 3)),
        _ => answer(path, value),
    }
}

/// What a duration field accepts, for messages.
pub const DURATION_UNITS: &str =
    "a number with a unit: ms, s, min or h (\"120 ms\", \"1.5 s\", \"25 min\", \"2 h\")";

/// Parses a duration as people type it, into milliseconds: `120 ms`, `1.5 s`,
/// `25 min`, `2 h`, `1,500 ms`; a bare number is in `bare_unit_ms`
/// milliseconds (1 for a field shown in ms, 1000 for one shown in seconds).
///
/// # Errors
/// A message with a hint: `25m` is refused ("minutes: write 25 min"), and k, M
/// and B, which are for counts.
pub fn parse_duration(text: &str, bare_unit_ms: f64) -> Result<f64, String> {
    let cleaned: String = text.trim().chars().filter(|c| !matches!(c, ',' | '_')).collect();
    let split = cleaned
        .find(|c: char| !(c.is_ascii_digit() || matches!(c, '.' | '-' | '+' | 'e' | 'E')) || c == ' ')
        .unwrap_or(cleaned.len());
    // An exponent's `e` belongs to the number only when digits follow it.
    let (number, unit) = cleaned.split_at(split);
    let (number, unit) = match number.rfind(['e', 'E']) {
        Some(i) if !number[i + 1..].chars().any(|c| c.is_ascii_digit()) => (&number[..i], &cleaned[i..]),
        _ => (number, unit),
    };
    let unit = unit.trim();
    let Ok(value) = number.parse::<f64>() else {
        return Err(if cleaned.is_empty() {
            format!("is empty: write {DURATION_UNITS}")
        } else {
            format!("\"{}\" is not a duration: write {DURATION_UNITS}", text.trim())
        });
    };
    let scale = match unit.to_lowercase().as_str() {
        "" => bare_unit_ms,
        "ms" | "msec" | "millisecond" | "milliseconds" => 1.0,
        "s" | "sec" | "secs" | "second" | "seconds" => 1000.0,
        "min" | "mins" | "minute" | "minutes" => 60_000.0,
        "h" | "hr" | "hrs" | "hour" | "hours" => 3_600_000.0,
        "m" if unit == "m" => {
            return Err(format!(
                "\"{}\" is ambiguous: minutes: write {} min (and milliseconds {} ms)",
                text.trim(),
                number,
                number
            ));
        }
        _ if matches!(unit, "k" | "K" | "M" | "B" | "G") => {
            return Err(format!(
                "\"{}\": k, M and B are for counts; a duration takes ms, s, min or h",
                text.trim()
            ));
        }
        _ => {
            return Err(format!(
                "\"{}\" has an unknown unit \"{unit}\": write {DURATION_UNITS}",
                text.trim()
            ));
        }
    };
    Ok(value * scale)
}

/// A duration for an edit field, exact enough to read back the same value:
/// `120 ms`, `1.5 s`, `25 min`, `2 h`.
#[must_use]
pub fn duration_edit(ms: f64) -> String {
    if !ms.is_finite() {
        return format!("{ms}");
    }
    let (value, unit) = if ms.abs() >= 3_600_000.0 && (ms / 3_600_000.0 * 1000.0).fract() == 0.0 {
        (ms / 3_600_000.0, "h")
    } else if ms.abs() >= 60_000.0 && (ms / 60_000.0 * 1000.0).fract() == 0.0 {
        (ms / 60_000.0, "min")
    } else if ms.abs() >= 1000.0 {
        (ms / 1000.0, "s")
    } else {
        (ms, "ms")
    };
    // Up to six significant digits, trailing zeros dropped.
    let digits = 6 - (value.abs().max(1.0).log10().floor() as i32 + 1);
    let text = format!("{value:.*}", digits.clamp(0, 6) as usize);
    let text = if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        text
    };
    format!("{text} {unit}")
}

/// A unit price in dollars to four significant digits, trailing zeros
/// dropped: `$0.01675` (of 0.016752855), `$0.0416`, `$1.006`, `$12.5`.
#[must_use]
pub fn unit_usd(value: f64) -> String {
    if !value.is_finite() {
        return "n/a".into();
    }
    if value == 0.0 {
        return "$0".into();
    }
    let v = value.abs();
    let decimals = (3 - v.log10().floor() as i32).clamp(0, 12) as usize;
    let text = Fixed(v, decimals).to_string();
    let text = if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        text
    };
    format!("{}${text}", if value < 0.0 { "-" } else { "" })
}

/// A number as people write it: whole numbers without decimals, others to one place.
fn trim_number(value: f64) -> String {
    if (value - value.round()).abs() < 0.05 {
        format!("{}", Fixed(value, 0))
    } else {
        format!("{}", Fixed(value, 1))
    }
}

/// A count with its noun: "1 pattern", "3 patterns".
#[must_use]
pub fn counted(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unit_prices_keep_four_significant_digits() {
        assert_eq!(unit_usd(0.016_752_855), "$0.01675");
        assert_eq!(unit_usd(0.0416), "$0.0416");
        assert_eq!(unit_usd(1.006), "$1.006");
        assert_eq!(unit_usd(0.526), "$0.526");
        assert_eq!(unit_usd(12.5), "$12.5");
        assert_eq!(unit_usd(0.000_016_67), "$0.00001667");
        assert_eq!(unit_usd(3.0), "$3");
    }

    #[test]
    fn formats() {
        assert_eq!(usd(1234.567), "$1,234.57");
        assert_eq!(usd(0.004_2), "$0.0042");
        assert_eq!(usd(0.000_01), "under $0.0001");
        assert_eq!(usd(-0.000_01), "-(under $0.0001)");
        assert_eq!(usd(0.0), "$0.00");
        assert_eq!(usd(0.0), "$0.00");
        assert_eq!(usd(30.368), "$30.37");
        assert_eq!(usd(f64::NAN), "n/a");
        assert_eq!(count(10_000_000.0), "10,000,000");
        assert_eq!(count(999.0), "999");
        assert_eq!(short_count(10_000_000.0), "10M");
        assert_eq!(short_count(2_500_000_000.0), "2.5B");
        assert_eq!(short_count(16_300_000.0), "16.3M");
        assert_eq!(duration_ms(200.0), "200 ms");
        assert_eq!(duration_ms(2_700_000.0), "45.0 min");
        assert_eq!(percent(0.125), "12.5%");
    }

    #[test]
    fn durations_parse_with_units() {
        assert_eq!(parse_duration("120 ms", 1.0), Ok(120.0));
        assert_eq!(parse_duration("1.5 s", 1.0), Ok(1500.0));
        assert_eq!(parse_duration("1.5s", 1.0), Ok(1500.0));
        assert_eq!(parse_duration("25 min", 1.0), Ok(1_500_000.0));
        assert_eq!(parse_duration("2 h", 1.0), Ok(7_200_000.0));
        assert_eq!(parse_duration("1,500", 1.0), Ok(1500.0));
        assert_eq!(parse_duration("90", 1000.0), Ok(90_000.0));
        assert_eq!(parse_duration("1e3 ms", 1.0), Ok(1000.0));
        let m = parse_duration("25m", 1.0).unwrap_err();
        assert!(m.contains("minutes: write 25 min"), "{m}");
        let k = parse_duration("2k", 1.0).unwrap_err();
        assert!(k.contains("k, M and B are for counts"), "{k}");
        assert!(
            parse_duration("25 fortnights", 1.0)
                .unwrap_err()
                .contains("unknown unit")
        );
        assert!(parse_duration("", 1.0).is_err());
        assert!(parse_duration("fast", 1.0).is_err());
    }

    #[test]
    fn duration_edit_text_reads_back_the_same_value() {
        assert_eq!(duration_edit(120.0), "120 ms");
        assert_eq!(duration_edit(1500.0), "1.5 s");
        assert_eq!(duration_edit(1_500_000.0), "25 min");
        assert_eq!(duration_edit(7_200_000.0), "2 h");
        assert_eq!(duration_edit(0.5), "0.5 ms");
        for ms in [
            0.25,
            1.0,
            99.5,
            120.0,
            999.0,
            1234.0,
            59_999.0,
            61_000.0,
            1_500_000.0,
            5_400_000.0,
            86_400_000.0,
        ] {
            let back = parse_duration(&duration_edit(ms), 1.0).unwrap();
            assert!(
                (back - ms).abs() <= ms * 1e-5,
                "{ms} -> {} -> {back}",
                duration_edit(ms)
            );
        }
    }
}

#[cfg(test)]
mod fixed_tests {
    use super::Fixed;

    /// The fast path writes what the standard formatter writes, ties and
    /// negative zero included.
    #[test]
    fn fixed_matches_the_standard_formatter() {
        let mut values = vec![
            0.0,
            -0.0,
            0.5,
            1.5,
            2.5,
            0.25,
            0.35,
            0.125,
            -0.04,
            -0.05,
            9.995,
            99.95,
            1e12,
            1e15,
            123_456.789,
            f64::NAN,
            f64::INFINITY,
            0.000_05,
            7.0 / 3.0,
            1e-320,
        ];
        // A deterministic spread of magnitudes and fractions.
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..20_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let mantissa = (x >> 11) as f64 / (1u64 << 53) as f64;
            let exponent = ((x % 29) as i32) - 12;
            let sign = if x & 1 == 0 { 1.0 } else { -1.0 };
            values.push(sign * mantissa * 10f64.powi(exponent));
            // Values on and near the halfway points the fast path must leave alone.
            values.push(((x % 100_000) as f64 + 0.5) / 100.0);
        }
        for v in values {
            for places in 0..8 {
                assert_eq!(
                    Fixed(v, places).to_string(),
                    format!("{v:.places$}"),
                    "{v:e} to {places} places"
                );
            }
        }
    }
}
