//! How many instances a shared-instance platform keeps busy or alive in an
//! hour, from the hour's arrival rate, the request duration and the requests
//! one instance serves at once.
//!
//! The model: within an hour, requests arrive as a Poisson process, so the
//! number in flight at a moment is Poisson with mean L = rate x duration
//! (Little's law). Requests are packed onto as few instances as can hold
//! them, C to an instance, so ceil(N / C) instances are busy, and the hour's
//! expected busy instances are E[ceil(N / C)]. A platform that bills an
//! instance while it has a request in flight bills that, with each request's
//! window rounded as the platform rounds; one that bills an instance for its
//! whole life also keeps an idle instance for a while after its last request.

/// `x.floor()` for the non-negative counts these sums step through, without
/// the library call the baseline x86-64 target makes of `floor` (no SSE4.1
/// rounding instruction) or a saturating conversion to an integer.
/// Falls back to `floor` for negative, huge or non-finite values.
#[inline]
#[must_use]
pub(crate) fn floor_nonneg(x: f64) -> f64 {
    const TWO_52: f64 = 4_503_599_627_370_496.0;
    if (0.0..TWO_52).contains(&x) {
        // In 0..2^52, adding 2^52 leaves no fraction bits: the sum rounds x
        // to the nearest whole number, exactly, and one step down where that
        // is above x gives the floor (cheaper than a saturating cast).
        let t = (x + TWO_52) - TWO_52;
        if t > x { t - 1.0 } else { t }
    } else {
        x.floor()
    }
}

/// `x.ceil()` likewise (see [`floor_nonneg`]).
#[inline]
#[must_use]
pub(crate) fn ceil_nonneg(x: f64) -> f64 {
    let t = floor_nonneg(x);
    if t < x { t + 1.0 } else { t }
}

/// Expected `ceil(N / c)` for `N ~ Poisson(l)`: the mean number of instances
/// with at least one request in flight when each holds up to `c` at once
/// (`c` may be fractional: see [`billed_busy`]).
#[must_use]
pub fn expected_busy(l: f64, c: f64) -> f64 {
    if l.is_nan() || l <= 0.0 || l.is_infinite() {
        return 0.0;
    }
    let c = c.max(1.0);
    if c == 1.0 {
        // ceil(N) = N.
        return l;
    }
    let sd = l.sqrt();
    if one_holds_all(l, c) {
        // Fewer than c in flight all but always: one instance while any is,
        // P(N > 0) (the walk below would stop after that first term).
        return one_minus_exp_neg(l);
    }
    // E[ceil(N/c)] = sum over k >= 0 of P(N / c > k) = P(N > floor(k c)).
    if 2.0 * sd > c && l > 20.0 {
        // The count spreads over a multiple of c or more, so its remainder is
        // all but uniform and the rounding up averages half a step (off by
        // about e^(-2 pi^2 sd^2 / c^2) / pi, under 0.003 instances, under
        // 0.1% of the count here).
        return l / c + 0.5 * (1.0 - 1.0 / c);
    }
    if l <= 60.0 {
        // Exact: walk the Poisson distribution five standard deviations past
        // its mean; the rest is under a millionth.
        let n_max = ceil_nonneg(l + 5.0 * sd + 5.0);
        let mut pmf = (-l).exp();
        let mut cdf = pmf; // P(N <= n) for n = 0
        let (mut n, mut i) = (0.0, 0usize);
        let mut total = 0.0;
        let mut k = 0.0;
        loop {
            let threshold = floor_nonneg(k * c);
            if threshold > n_max {
                break;
            }
            while n < threshold {
                n += 1.0;
                i += 1;
                pmf *= l * reciprocal(i);
                cdf += pmf;
            }
            total += (1.0 - cdf).max(0.0);
            k += 1.0;
        }
        return total;
    }
    // A normal approximation with continuity correction, summed over the
    // multiples of c within 5 standard deviations of the mean (each term
    // left out is within 3e-7 of 1 or of 0).
    let k_lo = floor_nonneg(((l - 5.0 * sd) / c).max(0.0));
    let k_hi = ceil_nonneg((l + 5.0 * sd) / c);
    let mut total = k_lo; // P(N > k c) is 1 below the window.
    let mut k = k_lo;
    while k <= k_hi {
        let x = (floor_nonneg(k * c) + 0.5 - l) / sd / std::f64::consts::SQRT_2;
        // Past 6.5 either way the approximation's erfc is under 1e-19: a
        // term is 1 to the last bit below the mean, and above it too small
        // to move a total of at least the first term (within 1e-13 of 1).
        if x <= -6.5 {
            total += 1.0;
        } else if x < 6.5 {
            total += 0.5 * erfc(x);
        }
        k += 1.0;
    }
    total
}

/// Whether one instance of `c` holds what is in flight all but always:
/// `l` plus five standard deviations (and five) stays under `c`, so the
/// busy count is P(N > 0).
fn one_holds_all(l: f64, c: f64) -> bool {
    l + 5.0 * l.sqrt() + 5.0 <= floor_nonneg(c) - 1.0
}

/// Expected billable instances at `rate_per_s` when each request runs
/// `duration_s`, `c` to an instance, and the platform bills an instance's
/// busy time per request window of `window_s` (the duration rounded up, at
/// least a minimum; see [`billed_window_s`]): open windows are Poisson with
/// mean rate x window, and an instance holds as many windows as it serves
/// requests in one: its first, then for each further request it takes at
/// once as many as follow one another within a window, `1 + (c - 1) x window
/// / duration`. One request at a time, each request bills its own window; at
/// high load with many at once, instances are busy and the result is the
/// busy count.
#[must_use]
pub fn billed_busy(rate_per_s: f64, duration_s: f64, c: f64, window_s: f64) -> f64 {
    billed_busy_by(expected_busy, rate_per_s, duration_s, c, window_s)
}

/// [`billed_busy`] with the busy count taken by `busy`.
#[must_use]
pub fn billed_busy_by(busy: BusyFn, rate_per_s: f64, duration_s: f64, c: f64, window_s: f64) -> f64 {
    if duration_s.is_nan() || duration_s <= 0.0 {
        return 0.0;
    }
    let window = window_s.max(duration_s);
    busy(
        rate_per_s * window,
        1.0 + (c.max(1.0) - 1.0) * window / duration_s,
    )
}

/// 1 / n for the whole numbers the Poisson walks step through: a table for
/// the first thousand, so each step is two multiplications, not a division
/// (the walks are chains of dependent steps, so a division's latency is
/// what they cost).
/// The walks keep the step's whole number as an integer beside it, so the
/// table is read without converting a float to an index.
fn reciprocal(i: usize) -> f64 {
    const N: usize = 1024;
    static TABLE: [f64; N] = {
        let mut t = [0.0; N];
        let mut i = 1;
        while i < N {
            t[i] = 1.0 / i as f64;
            i += 1;
        }
        t
    };
    match TABLE.get(i) {
        Some(r) if i > 0 => *r,
        _ => 1.0 / i as f64,
    }
}

/// A lower bound of [`expected_busy`] in constant time: ceil(N / c) is at
/// least N / c, and at least 1 whenever N is. Used to skip pricing options
/// that cannot be the cheapest.
#[must_use]
pub fn lower_busy(l: f64, c: f64) -> f64 {
    if l.is_nan() || l <= 0.0 {
        return 0.0;
    }
    let by_capacity = l / c.max(1.0);
    if by_capacity >= 1.0 {
        // 1 - e^-l is under 1: the capacity bound is the larger.
        return by_capacity;
    }
    // P(N > 0) = 1 - e^-l, itself bounded below without an exponential:
    // e^l >= 1 + l + ... + l^6/720, so 1 - e^-l >= 1 - 1 / that (within
    // 0.2% of it up to l = 3, closer either side).
    // (Multiplying by reciprocals, not dividing: this runs thousands of
    // times per assessment, and a bound may round either way.)
    let series = 1.0
        + l * (1.0
            + l * 0.5
                * (1.0 + l * (1.0 / 3.0) * (1.0 + l * 0.25 * (1.0 + l * 0.2 * (1.0 + l * (1.0 / 6.0))))));
    by_capacity.max(1.0 - 1.0 / series)
}

/// 1 - e^-x for x >= 0, to the last bits: a short series for the tiny
/// values sweeps and searches meet most, `exp_m1` otherwise.
fn one_minus_exp_neg(x: f64) -> f64 {
    if x < 1e-3 {
        // The next term, x^5 / 120, is under 1e-14 of x here.
        x * (1.0 - x / 2.0 * (1.0 - x / 3.0 * (1.0 - x / 4.0)))
    } else if x > 38.0 {
        // e^-38 is under half the gap below 1 (2^-54), so 1 - e^-x rounds
        // to 1 exactly: the answer `exp_m1` would give, without the call.
        1.0
    } else {
        -(-x).exp_m1()
    }
}

/// How busy instances are counted: exactly ([`expected_busy`]) or as a
/// lower bound ([`lower_busy`]).
pub type BusyFn = fn(f64, f64) -> f64;

/// The complementary error function, to about 1e-7 (Numerical Recipes' erfcc).
fn erfc(x: f64) -> f64 {
    let z = x.abs();
    let t = 1.0 / (1.0 + 0.5 * z);
    let poly = -z * z - 1.265_512_23
        + t * (1.000_023_68
            + t * (0.374_091_96
                + t * (0.096_784_18
                    + t * (-0.186_288_06
                        + t * (0.278_868_07
                            + t * (-1.135_203_98
                                + t * (1.488_515_87 + t * (-0.822_152_23 + t * 0.170_872_77))))))));
    let r = t * poly.exp();
    if x >= 0.0 { r } else { 2.0 - r }
}

/// Expected instances alive in an hour on a platform that keeps an instance
/// for `idle_s` after its last request: at least the busy ones, and at low
/// load the chance that a request arrived within the last `idle_s`.
#[must_use]
pub fn expected_alive(rate_per_s: f64, duration_s: f64, c: f64, idle_s: f64) -> f64 {
    expected_alive_by(false, rate_per_s, duration_s, c, idle_s)
}

/// [`expected_alive`], or its lower bound when `bound` (the busy count by
/// [`lower_busy`], the lingering pool left out).
#[must_use]
pub fn expected_alive_by(bound: bool, rate_per_s: f64, duration_s: f64, c: f64, idle_s: f64) -> f64 {
    if rate_per_s.is_nan() || rate_per_s <= 0.0 {
        return 0.0;
    }
    let l = rate_per_s * duration_s;
    if bound {
        alive_given_busy(lower_busy(l, c), rate_per_s, duration_s, idle_s)
    } else {
        alive_with_pool_by(|| expected_busy(l, c), rate_per_s, duration_s, c, idle_s)
    }
}

/// [`expected_alive`] when the busy count is already known: at least the
/// busy instances; at least one while a request came within the idle time;
/// and, since an instance lingers that long after the load that needed it,
/// the pool the busiest moment of that time needed, `ceil(q / c)` for `q` the
/// count in flight that is passed once in that many request durations.
#[must_use]
#[inline]
pub fn alive_given_busy(busy: f64, rate_per_s: f64, duration_s: f64, idle_s: f64) -> f64 {
    alive_with_pool(busy, rate_per_s, duration_s, f64::INFINITY, idle_s)
}

/// [`alive_given_busy`] for instances of `c` requests at once.
#[must_use]
#[inline]
pub fn alive_with_pool(busy: f64, rate_per_s: f64, duration_s: f64, c: f64, idle_s: f64) -> f64 {
    alive_with_pool_by(|| busy, rate_per_s, duration_s, c, idle_s)
}

/// [`alive_with_pool`] with the busy count worked out only when it can
/// matter: a busy count is under `l / c + 1` (each instance rounds up by
/// less than one), so a lingering pool at least that large is the answer;
/// and where one instance holds all that is in flight, the busy count is
/// P(N > 0), which the chance of a request within the idle time already
/// covers. `busy` is [`expected_busy`] of rate x duration, `c` to an
/// instance, or a lower bound of it.
#[inline]
pub fn alive_with_pool_by(
    busy: impl FnOnce() -> f64,
    rate_per_s: f64,
    duration_s: f64,
    c: f64,
    idle_s: f64,
) -> f64 {
    if rate_per_s.is_nan() || rate_per_s <= 0.0 {
        return 0.0;
    }
    let lingering = one_minus_exp_neg(rate_per_s * (idle_s + duration_s));
    let mut pool = 0.0;
    if c.is_finite() && duration_s > 0.0 {
        let l = rate_per_s * duration_s;
        let looks = (idle_s + duration_s) / duration_s;
        // A pool of one instance is `lingering` itself: no quantile needed.
        if !pool_fits_one(l, c, looks) {
            let q = poisson_quantile(l, 1.0 / looks.max(1.0));
            if q > 0.0 {
                pool = ceil_nonneg(q / c.max(1.0)) * lingering;
                if pool >= l / c.max(1.0) + 1.0 {
                    return pool.max(lingering);
                }
            }
        }
    }
    if c.is_finite() && duration_s > 0.0 && one_holds_all(rate_per_s * duration_s, c) {
        // P(N > 0) over a request's duration is at most the chance over the
        // idle time and that duration.
        return lingering.max(pool);
    }
    busy().max(lingering).max(pool)
}

/// Whether the count passed once in `looks` request durations is at most
/// `c`, so the lingering pool is one instance: true when the Chernoff bound
/// P(N >= l + t) <= exp(-t^2 / (2 (l + t / 3))) puts P(N > floor(c)) at or
/// under 1 / `looks`. Exact where it answers (a bound, never a guess), and
/// it saves walking the distribution for the quantile.
fn pool_fits_one(l: f64, c: f64, looks: f64) -> bool {
    let t = floor_nonneg(c) + 1.0 - l;
    if t <= 0.0 || looks <= 1.0 || !looks.is_finite() {
        return false;
    }
    let exponent = t * t / (2.0 * (l + t / 3.0));
    // ln(looks) lies between e ln 2 and (e + 1) ln 2 for e its binary
    // exponent: most calls are settled by that alone, without a logarithm.
    let e = ((looks.to_bits() >> 52) & 0x7ff) as f64 - 1023.0;
    let ln2 = std::f64::consts::LN_2;
    if exponent >= (e + 1.0) * ln2 {
        true
    } else if exponent < e * ln2 {
        false
    } else {
        exponent >= looks.ln()
    }
}

/// The smallest n with P(N > n) <= `tail` for N ~ Poisson(l): exact by
/// walking the distribution up to a mean of 60, a normal quantile above.
#[must_use]
pub fn poisson_quantile(l: f64, tail: f64) -> f64 {
    if l.is_nan() || l <= 0.0 || tail >= 1.0 {
        return 0.0;
    }
    let tail = tail.max(1e-12);
    if l <= 60.0 {
        let mut pmf = (-l).exp();
        let mut above = 1.0 - pmf; // P(N > 0)
        let (mut n, mut i) = (0.0, 0usize);
        let cap = l + 20.0 * l.sqrt() + 40.0;
        while above > tail && n < cap {
            n += 1.0;
            i += 1;
            pmf *= l * reciprocal(i);
            above -= pmf;
        }
        return n;
    }
    // Abramowitz and Stegun 26.2.23, to 4.5e-4 in z.
    let t = (-2.0 * tail.ln()).sqrt();
    let z = t
        - (2.515_517 + 0.802_853 * t + 0.010_328 * t * t)
            / (1.0 + 1.432_788 * t + 0.189_269 * t * t + 0.001_308 * t * t * t);
    ceil_nonneg((l + z * l.sqrt() - 0.5).max(0.0))
}

/// The window one request keeps an instance billable on a platform that
/// bills busy time in rounded steps with a minimum: its own duration, at
/// least `minimum_s`, rounded up to `granularity_s`. An instance is billed
/// while any window is open, so at low load this is per-request rounding and
/// at high load, with instances always busy, the rounding fades; between,
/// it errs high by at most one step per request.
#[must_use]
pub fn billed_window_s(duration_s: f64, granularity_s: f64, minimum_s: f64) -> f64 {
    let at_least = duration_s.max(minimum_s);
    if granularity_s > 0.0 {
        (at_least / granularity_s - 1e-9).ceil().max(1.0) * granularity_s
    } else {
        at_least
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// E[ceil(N/c)] by brute force over the Poisson distribution.
    fn brute(l: f64, c: u32) -> f64 {
        let mut pmf = (-l).exp();
        let mut total = 0.0;
        for n in 0..20_000u32 {
            total += pmf * f64::from(n.div_ceil(c));
            pmf *= l / f64::from(n + 1);
            if f64::from(n) > l + 40.0 * l.sqrt() + 50.0 {
                break;
            }
        }
        total
    }

    #[test]
    fn busy_instances_match_the_poisson_sum() {
        for &l in &[0.01, 0.3, 1.83, 5.0, 20.0, 21.0, 30.0, 59.0, 61.0, 150.0, 400.0] {
            for &c in &[1u32, 2, 3, 4, 5, 10, 16, 80, 250, 1000] {
                let got = expected_busy(l, f64::from(c));
                let want = if l > 600.0 { got } else { brute(l, c) };
                assert!(
                    (got - want).abs() <= 2e-3 * want.max(1.0),
                    "l={l} c={c}: {got} vs {want}"
                );
            }
        }
    }

    #[test]
    fn busy_instances_at_the_limits() {
        // Nothing in flight, nothing busy; one at a time, exactly Little's law.
        assert_eq!(expected_busy(0.0, 80.0), 0.0);
        assert!((expected_busy(123.4, 1.0) - 123.4).abs() < 1e-9);
        // Light load: the chance anything is in flight.
        assert!((expected_busy(0.1, 80.0) - (1.0 - (-0.1f64).exp())).abs() < 1e-9);
        // Heavy load: L / C plus about half an instance.
        let heavy = expected_busy(1e6, 80.0);
        assert!((heavy - (12_500.0 + 79.0 / 160.0)).abs() < 0.01, "{heavy}");
        // A fractional capacity: E[ceil(N / 2.5)] by its definition.
        let l: f64 = 3.0;
        let pmf = |n: i32| (-l).exp() * l.powi(n) / (1..=n).map(f64::from).product::<f64>();
        let want: f64 = (0..60).map(|n| pmf(n) * (f64::from(n) / 2.5).ceil()).sum();
        assert!(
            (expected_busy(l, 2.5) - want).abs() < 1e-9,
            "{} vs {want}",
            expected_busy(l, 2.5)
        );
    }

    #[test]
    fn an_idle_pool_lingers_at_the_size_its_busiest_moment_needed() {
        // 3.8 requests in flight on average, one per instance, 15-minute
        // linger: 9,000 request-times in the window, so the pool is the count
        // passed once in 9,000, about 12 instances, not 3.8.
        let alive = alive_with_pool(expected_busy(3.8, 1.0), 38.0, 0.1, 1.0, 900.0);
        assert!((11.0..=14.0).contains(&alive), "{alive}");
        // Many at once per instance: one instance carries the whole peak.
        let alive = alive_with_pool(expected_busy(3.8, 80.0), 38.0, 0.1, 80.0, 900.0);
        assert!((alive - 1.0).abs() < 1e-6, "{alive}");
        // Light traffic: the chance a request came within the linger.
        let rate = 1.0 / 3600.0;
        let alive = alive_with_pool(expected_busy(rate * 0.1, 1.0), rate, 0.1, 1.0, 900.0);
        assert!((alive - (1.0 - (-rate * 900.1f64).exp())).abs() < 1e-9, "{alive}");
        // The quantile against its definition.
        assert_eq!(poisson_quantile(3.8, 1e-4), 13.0);
        assert!((poisson_quantile(1000.0, 1e-4) - 1118.0).abs() <= 2.0);
    }

    #[test]
    fn floors_and_ceilings_match_the_library_ones() {
        let mut values = vec![
            0.0,
            0.25,
            0.5,
            0.75,
            1.0,
            1.5,
            2.5,
            3.499_999,
            1e-300,
            4_503_599_627_370_495.5,
        ];
        for i in 0..2000 {
            let x = f64::from(i) * 0.37;
            values.extend([x, x + 0.5, x.next_up(), (x + 1.0).next_down(), x * 1e6 + 0.5]);
        }
        for x in values {
            assert_eq!(floor_nonneg(x), x.floor(), "floor {x}");
            assert_eq!(ceil_nonneg(x), x.ceil(), "ceil {x}");
        }
        for x in [-0.5, -3.0, f64::INFINITY, 1e300] {
            assert_eq!(floor_nonneg(x), x.floor(), "floor {x}");
        }
        assert!(floor_nonneg(f64::NAN).is_nan());
    }

    #[test]
    fn the_shortcuts_give_what_the_full_sums_give() {
        // 1 - e^-x is 1 to the last bit once e^-x is under half an ulp of 1.
        for x in [38.0, 38.5, 50.0, 700.0, 1e6] {
            assert_eq!(one_minus_exp_neg(x), -(-x).exp_m1(), "x={x}");
        }
        // A pool that one instance holds: the busy count is never asked for
        // (the closure would panic), and it is no more than the answer, so
        // taking it into the maximum would change nothing.
        for &(rate, d, c, idle) in &[
            (57.0, 0.015, 20.0, 300.0),
            (0.01, 0.2, 80.0, 900.0),
            (2.0, 0.5, 100.0, 0.0),
            (500.0, 0.01, 1000.0, 60.0),
        ] {
            let l: f64 = rate * d;
            assert!(one_holds_all(l, c), "{l} {c}");
            let alive = alive_with_pool_by(|| panic!("the busy count was asked for"), rate, d, c, idle);
            assert!(
                expected_busy(l, c) <= alive,
                "rate={rate} d={d} c={c} idle={idle}: {} > {alive}",
                expected_busy(l, c)
            );
        }
    }

    #[test]
    fn the_lower_bound_never_exceeds_the_count() {
        for &l in &[1e-4, 0.01, 0.5, 2.0, 7.0, 25.0, 90.0, 1e3, 1e5] {
            for &c in &[1.0, 1.33, 2.5, 5.0, 16.0, 80.0, 1000.0] {
                let (low, exact) = (lower_busy(l, c), expected_busy(l, c));
                assert!(
                    low <= exact * (1.0 + 1e-9) + 1e-12,
                    "l={l} c={c}: {low} > {exact}"
                );
            }
        }
    }

    #[test]
    fn billed_windows_round_up_with_a_minimum() {
        assert!((billed_window_s(0.12, 0.1, 0.0) - 0.2).abs() < 1e-12);
        assert!((billed_window_s(0.2, 0.1, 0.0) - 0.2).abs() < 1e-12);
        assert!((billed_window_s(0.05, 0.1, 1.0) - 1.0).abs() < 1e-12);
        assert!((billed_window_s(1.23, 0.1, 1.0) - 1.3).abs() < 1e-12);
        // Light load, packed: one window per request.
        let rate = 1.0 / 60.0;
        let busy = billed_busy(rate, 0.12, 80.0, billed_window_s(0.12, 0.1, 0.0));
        assert!((busy - rate * 0.2).abs() / (rate * 0.2) < 0.01, "{busy}");
        // Heavy load: the busy count, rounding gone.
        let heavy = billed_busy(10_000.0, 0.12, 80.0, 0.2);
        assert!(
            (heavy - expected_busy(1200.0, 80.0)).abs() < 0.01 * heavy,
            "{heavy}"
        );
    }
}
