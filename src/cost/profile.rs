//! The hourly traffic profile of a week: 168 values whose mean is 1 and whose
//! peak is the peak-to-average ratio. It drives fleet sizes, cold starts and
//! the traffic chart.

use crate::workload::Shape;

/// Hours in the profile: one week, Monday 00:00 first.
pub const HOURS_PER_WEEK: usize = 168;

/// The highest peak-to-average an hourly week can show: all traffic in one hour
/// would be 168; a whisker below keeps the shape's other hours non-zero.
pub const MAX_REPRESENTABLE_PEAK: f64 = 160.0;

/// The peak-to-average ratio a shape has when the workload does not say
/// (see [`Shape::default_peak_to_average`]).
#[must_use]
pub fn default_peak_to_average(shape: Shape) -> f64 {
    shape.default_peak_to_average()
}

/// One week of hourly traffic, as multiples of the mean hourly rate.
#[derive(Debug, Clone, PartialEq)]
pub struct Profile {
    /// Rate in each hour of the week divided by the mean rate; the mean is 1.
    pub hourly: [f64; HOURS_PER_WEEK],
    /// The peak the profile reaches (the asked ratio, capped at [`MAX_REPRESENTABLE_PEAK`]).
    pub peak: f64,
    /// Whether the asked ratio had to be capped.
    pub capped: bool,
    /// The hourly values sorted from busiest to quietest (for fast fleet sizing).
    pub sorted: [f64; HOURS_PER_WEEK],
    /// The distinct values of `sorted` with how many hours have each, busiest
    /// first; the first `level_count` entries are used. The days of most
    /// shapes repeat, so this is about 24 entries, not 168.
    levels: [(f64, u16); HOURS_PER_WEEK],
    level_count: usize,
    /// How many hours have any traffic at all.
    pub busy_hours: usize,
    /// The sum of every rise from one hour to the next (around the week), in
    /// multiples of the mean: how much concurrency has to be started each week.
    pub rise: f64,
}

impl Profile {
    /// Builds the profile of a shape with the given peak-to-average ratio (at least 1).
    #[must_use]
    pub fn new(shape: Shape, peak_to_average: f64) -> Self {
        let asked = if peak_to_average.is_finite() {
            peak_to_average.max(1.0)
        } else {
            1.0
        };
        let peak = asked.min(MAX_REPRESENTABLE_PEAK);
        let data = shape_data(shape);
        let mut hourly = [0.0; HOURS_PER_WEEK];
        if peak <= 1.0 / data.mean {
            // Lift a scaled copy of the shape onto a floor: a + c*b, mean 1, max `peak`.
            let c = (peak - 1.0) / (1.0 - data.mean);
            let a = peak - c;
            for (out, b) in hourly.iter_mut().zip(&data.base) {
                *out = a + c * b;
            }
        } else {
            // Peakier than the shape itself: blend it with all of the week's traffic
            // in its busiest hour, t of the way, so the peak lands exactly on `peak`.
            let shape_peak = 1.0 / data.mean;
            let t = (peak - shape_peak) / (HOURS_PER_WEEK as f64 - shape_peak);
            for (out, b) in hourly.iter_mut().zip(&data.base) {
                *out = (1.0 - t) * b * shape_peak;
            }
            hourly[data.busiest] += t * HOURS_PER_WEEK as f64;
        }
        // Remove rounding drift so the mean is 1 to the last bit that matters.
        let drift = mean(&hourly);
        for v in &mut hourly {
            *v /= drift;
        }
        let peak = hourly.iter().copied().fold(0.0, f64::max);
        let mut sorted = [0.0; HOURS_PER_WEEK];
        for (out, &h) in sorted.iter_mut().zip(&data.order) {
            *out = hourly[h];
        }
        let mut levels = [(0.0, 0u16); HOURS_PER_WEEK];
        let mut level_count = 0;
        for &v in &sorted {
            if level_count > 0 && levels[level_count - 1].0 == v {
                levels[level_count - 1].1 += 1;
            } else {
                levels[level_count] = (v, 1);
                level_count += 1;
            }
        }
        Self {
            hourly,
            peak,
            capped: asked > MAX_REPRESENTABLE_PEAK,
            sorted,
            levels,
            level_count,
            busy_hours: hourly.iter().filter(|m| **m > 0.0).count(),
            rise: (0..HOURS_PER_WEEK)
                .map(|h| (hourly[h] - hourly[(h + HOURS_PER_WEEK - 1) % HOURS_PER_WEEK]).max(0.0))
                .sum(),
        }
    }

    /// The distinct hourly values, busiest first, each with its number of hours.
    #[must_use]
    pub fn levels(&self) -> &[(f64, u16)] {
        &self.levels[..self.level_count]
    }

    /// Hours (of 168) with less than 1% of the mean rate: the idle hours.
    #[must_use]
    pub fn idle_hours(&self) -> usize {
        self.hourly.iter().filter(|&&v| v < 0.01).count()
    }
}

/// A base shape, computed once per run: its values, mean and busiest hour.
struct ShapeData {
    base: [f64; HOURS_PER_WEEK],
    mean: f64,
    busiest: usize,
    /// Hours from busiest to quietest. Every profile of the shape keeps this
    /// order (a lift or a blend never reorders hours), so it is sorted once.
    order: [usize; HOURS_PER_WEEK],
}

fn shape_data(shape: Shape) -> &'static ShapeData {
    static DATA: std::sync::OnceLock<Vec<ShapeData>> = std::sync::OnceLock::new();
    let all = DATA.get_or_init(|| {
        Shape::ALL
            .iter()
            .map(|s| {
                let base = base_shape(*s);
                let mut order = [0usize; HOURS_PER_WEEK];
                for (i, o) in order.iter_mut().enumerate() {
                    *o = i;
                }
                order.sort_by(|a, b| base[*b].total_cmp(&base[*a]).then(a.cmp(b)));
                // The first of the busiest hours takes a blend's extra traffic.
                let busiest = order[0];
                ShapeData {
                    mean: mean(&base),
                    base,
                    busiest,
                    order,
                }
            })
            .collect()
    });
    let index = Shape::ALL.iter().position(|s| *s == shape).unwrap_or(0);
    &all[index]
}

fn mean(values: &[f64]) -> f64 {
    values.iter().sum::<f64>() / values.len() as f64
}

/// The raw shape, values in [0, 1] with its busiest hours at 1. Days of the
/// same kind repeat exactly, which keeps the profile's distinct levels few.
fn base_shape(shape: Shape) -> [f64; HOURS_PER_WEEK] {
    use std::f64::consts::PI;
    let mut base = [0.0; HOURS_PER_WEEK];
    for (h, out) in base.iter_mut().enumerate() {
        let day = h / 24;
        let hour = (h % 24) as f64 + 0.5;
        let daily_wave = 0.5 + 0.5 * (2.0 * PI * (hour - 14.5) / 24.0).cos();
        *out = match shape {
            Shape::Steady => daily_wave,
            Shape::Diurnal => daily_wave * daily_wave,
            Shape::BusinessHours => {
                if day < 5 && (8.0..18.0).contains(&hour) {
                    (PI * (hour - 8.0) / 10.0).sin()
                } else {
                    0.0
                }
            }
            Shape::Spiky => {
                // A quiet daily wave with bursts at fixed, irregular hours.
                let burst = spike(h);
                (0.08 * daily_wave).max(burst)
            }
            Shape::Scheduled => {
                if h % 24 == 2 {
                    1.0
                } else {
                    0.0
                }
            }
        };
    }
    let top = base.iter().copied().fold(0.0, f64::max);
    if top > 0.0 {
        for v in &mut base {
            *v /= top;
        }
    }
    base
}

/// Deterministic bursts: about one hour in twenty, of varying height.
fn spike(h: usize) -> f64 {
    // A small integer hash (splitmix-style) so the pattern is fixed and irregular.
    let mut x = (h as u64).wrapping_add(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^= x >> 31;
    if x.is_multiple_of(20) {
        0.4 + 0.6 * ((x >> 8) % 1000) as f64 / 999.0
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shape_has_mean_one_and_the_asked_peak() {
        for shape in Shape::ALL {
            for peak in [1.0, 1.2, 2.0, 3.0, 5.0, 10.0, 24.0, 50.0, 150.0] {
                let p = Profile::new(*shape, peak);
                let mean = p.hourly.iter().sum::<f64>() / 168.0;
                assert!((mean - 1.0).abs() < 1e-9, "{shape:?} {peak}: mean {mean}");
                assert!(
                    (p.peak - peak).abs() / peak < 1e-6,
                    "{shape:?} {peak}: peak {}",
                    p.peak
                );
                assert!(p.hourly.iter().all(|v| v.is_finite() && *v >= 0.0));
                assert!(
                    p.sorted.windows(2).all(|w| w[0] >= w[1]),
                    "{shape:?} {peak}: sorted busiest first"
                );
                let mut check = p.hourly;
                check.sort_by(|a, b| b.total_cmp(a));
                assert_eq!(check, p.sorted, "{shape:?} {peak}: the same values");
                let levels = p.levels();
                assert!(
                    levels.windows(2).all(|w| w[0].0 > w[1].0),
                    "{shape:?} {peak}: distinct levels"
                );
                let expanded: Vec<f64> = levels
                    .iter()
                    .flat_map(|&(v, n)| std::iter::repeat_n(v, usize::from(n)))
                    .collect();
                assert_eq!(
                    expanded,
                    p.sorted.to_vec(),
                    "{shape:?} {peak}: levels expand to the hours"
                );
            }
        }
    }

    #[test]
    fn peaks_beyond_a_week_are_capped() {
        let p = Profile::new(Shape::Spiky, 1000.0);
        assert!(p.capped);
        assert!((p.peak - MAX_REPRESENTABLE_PEAK).abs() < 1e-6);
    }

    #[test]
    fn scheduled_default_is_one_busy_hour_a_day() {
        let p = Profile::new(Shape::Scheduled, default_peak_to_average(Shape::Scheduled));
        let busy = p.hourly.iter().filter(|v| **v > 1.0).count();
        assert_eq!(busy, 7);
        assert!(p.idle_hours() >= 150);
    }
}
