//! Errors shared by every part of the core: a refused input names its field and the accepted range; a run that
//! leaves the finite numbers says at which step; a call that asks for more work than one call may do says how to
//! split it. Nothing in the core panics on input from a caller; it returns one of these. The one documented panic
//! is the tape's, for a [`crate::tape::Var`] past the tape's end (a `Var` of another tape): a mistake of Rust code,
//! unreachable from JavaScript, as no `Var` crosses the boundary.

use std::fmt;

/// Why an input was refused or a run stopped.
#[derive(Debug, Clone, PartialEq)]
pub enum LabError {
    /// A value is missing, not a finite number, or outside its accepted range.
    Invalid {
        /// The input's name as a caller writes it, e.g. `config.lr` or `weights[3]`.
        field: String,
        /// What would have been accepted, e.g. `a finite number in (0, 100]`.
        expected: String,
        /// What was given, formatted for a person.
        got: String,
    },
    /// Training diverged: a number left the finite ones (it overflowed or became NaN), or a network's loss grew
    /// past its bound (see [`crate::network::DIVERGENCE_FACTOR`]).
    Diverged {
        /// The 1-based step (update) that diverged.
        step: u64,
        /// The 1-based epoch that step belongs to, for training that counts epochs.
        epoch: Option<u64>,
        /// The mean loss on the batch ahead that the step led to, when the loss is what diverged (it may be
        /// infinite or NaN).
        loss: Option<f64>,
        /// The bound the loss must stay below, for a network (`None` for the article's descent).
        bound: Option<f64>,
        /// What went wrong there, in the numbers of the current problem.
        detail: String,
    },
    /// A call would do more work than one call may (so that no call freezes a page); nothing was done.
    TooMuchWork {
        /// The input that sets the amount of work, e.g. `steps`.
        field: String,
        /// How much work it would be, against the limit, and how to split it.
        detail: String,
    },
    /// Memory is full: what a call needed could not be allocated (see [`crate::memory`]); nothing was done.
    OutOfMemory {
        /// The input that sets the size, e.g. `nx·ny` or `steps` (none for a call's small allocations).
        field: Option<&'static str>,
        /// What could not be allocated, e.g. "the grid".
        what: &'static str,
        /// How many bytes it needed.
        bytes: u64,
    },
}

impl LabError {
    /// An invalid-input error for `field`.
    pub fn invalid(
        field: impl Into<String>,
        expected: impl Into<String>,
        got: impl Into<String>,
    ) -> Self {
        LabError::Invalid {
            field: field.into(),
            expected: expected.into(),
            got: got.into(),
        }
    }

    /// True when the error reports divergence rather than bad input.
    pub fn is_divergence(&self) -> bool {
        matches!(self, LabError::Diverged { .. })
    }

    /// The error's kind as JavaScript reads it: `"invalid"`, `"diverged"`, `"tooMuchWork"` or `"outOfMemory"`.
    pub fn kind(&self) -> &'static str {
        match self {
            LabError::Invalid { .. } => "invalid",
            LabError::Diverged { .. } => "diverged",
            LabError::TooMuchWork { .. } => "tooMuchWork",
            LabError::OutOfMemory { .. } => "outOfMemory",
        }
    }

    /// The input the error is about, when there is one.
    pub fn field(&self) -> Option<&str> {
        match self {
            LabError::Invalid { field, .. } | LabError::TooMuchWork { field, .. } => Some(field),
            LabError::OutOfMemory { field, .. } => *field,
            LabError::Diverged { .. } => None,
        }
    }

    /// The same refusal of an invalid input, saying `got` was given (for a value described without reading it
    /// whole, such as a string too long to copy); any other error unchanged.
    pub fn given(self, got: String) -> Self {
        match self {
            LabError::Invalid {
                field, expected, ..
            } => LabError::Invalid {
                field,
                expected,
                got,
            },
            other => other,
        }
    }
}

impl fmt::Display for LabError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LabError::Invalid {
                field,
                expected,
                got,
            } => write!(f, "{field} must be {expected} (got {got})"),
            LabError::Diverged { step, detail, .. } => {
                write!(f, "diverged at step {step}: {detail}")
            }
            LabError::TooMuchWork { field, detail } => {
                write!(f, "{field} asks for too much work for one call: {detail}")
            }
            LabError::OutOfMemory { what, bytes, .. } => write!(
                f,
                "not enough memory for {what} ({bytes} bytes): the module's memory is full; free() the networks \
                 and descents no longer needed (or reset() a long descent)"
            ),
        }
    }
}

impl std::error::Error for LabError {}

/// Shorthand for results of the core.
pub type Result<T> = std::result::Result<T, LabError>;

/// A number in a message of the wasm build: its bits as a decimal integer between two of these marks (U+0001).
/// The wasm build carries none of Rust's float formatting (Grisu and Dragon4 with their tables, kilobytes of a
/// module downloaded with every page): the boundary, which turns a message into the text a person reads, writes
/// each such number as JavaScript's `String(v)` does, which is what [`show`] writes natively. (Quoted strings
/// are marked the same way: [`quote_mark`].)
pub const NUMBER_MARK: char = '\u{1}';

/// Formats a number as JavaScript's `String(v)` does: `NaN`, `Infinity`, `-Infinity`, shortest round-trip digits,
/// and exponent notation (`1.5e+300`, `2e-7`) below 1e-6 and from 1e21 in size; −0 as `-0`. The wasm build writes
/// [`number_mark`] instead, for the boundary to write out.
#[cfg(not(target_arch = "wasm32"))]
pub fn show(v: f64) -> String {
    if v.is_nan() {
        "NaN".to_string()
    } else if v.is_infinite() {
        if v > 0.0 { "Infinity" } else { "-Infinity" }.to_string()
    } else if v != 0.0 && !(1e-6..1e21).contains(&v.abs()) {
        let s = format!("{v:e}");
        if s.contains("e-") {
            s
        } else {
            s.replace('e', "e+")
        }
    } else {
        format!("{v}")
    }
}

/// A number in a message of the wasm build: [`number_mark`].
#[cfg(target_arch = "wasm32")]
pub fn show(v: f64) -> String {
    number_mark(v)
}

/// A number as [`NUMBER_MARK`], its bits as a decimal integer, and the mark again.
pub fn number_mark(v: f64) -> String {
    format!("\u{1}{}\u{1}", v.to_bits())
}

/// Items of a message's list joined by ", " (one small loop, where `join` would bring a copy per item type).
pub fn list<'a>(items: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for (k, item) in items.into_iter().enumerate() {
        if k > 0 {
            out.push_str(", ");
        }
        out.push_str(item);
    }
    out
}

/// Longest excerpt of a caller's string quoted back in an error message.
pub const QUOTE_LIMIT: usize = 40;

/// A caller's string quoted for an error message: in double quotes, at most [`QUOTE_LIMIT`] characters (then the
/// full length), quotes and backslashes escaped and control characters shown as `\u{..}`. The wasm build writes
/// [`quote_mark`] instead, for the boundary to write out.
#[cfg(not(target_arch = "wasm32"))]
pub fn quote(s: &str) -> String {
    let mut out = String::from("\"");
    let mut count = 0;
    for c in s.chars() {
        count += 1;
        if count > QUOTE_LIMIT {
            continue;
        }
        if c == '"' || c == '\\' {
            out.push('\\');
            out.push(c);
        } else if c.is_control() {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    out.push('"');
    if count > QUOTE_LIMIT {
        out.push_str(&format!("… ({count} characters)"));
    }
    out
}

/// A caller's string in a message of the wasm build: [`quote_mark`].
#[cfg(target_arch = "wasm32")]
pub fn quote(s: &str) -> String {
    quote_mark(s)
}

/// A string to be quoted, in a message of the wasm build: U+0002, its length in UTF-8 bytes, U+0002, then the
/// string itself. The boundary writes it as [`quote`] does natively (in JavaScript, with no Unicode or hex
/// formatting in the module).
pub fn quote_mark(s: &str) -> String {
    format!("\u{2}{}\u{2}{s}", s.len())
}

/// Accepts `v` when it is finite and within `[min, max]`.
pub fn check_range(field: &str, v: f64, min: f64, max: f64) -> Result<f64> {
    if v.is_finite() && v >= min && v <= max {
        Ok(v)
    } else {
        Err(LabError::invalid(
            field,
            format!("a finite number in [{}, {}]", show(min), show(max)),
            show(v),
        ))
    }
}

/// Accepts `v` when it is finite, greater than 0 and at most `max`.
pub fn check_positive(field: &str, v: f64, max: f64) -> Result<f64> {
    if v.is_finite() && v > 0.0 && v <= max {
        Ok(v)
    } else {
        Err(LabError::invalid(
            field,
            format!("a finite number in (0, {}]", show(max)),
            show(v),
        ))
    }
}

/// Accepts `v` when it is a whole number in `[min, max]` and returns it as a count.
pub fn check_count(field: &str, v: f64, min: usize, max: usize) -> Result<usize> {
    if v.is_finite() && v.fract() == 0.0 && v >= min as f64 && v <= max as f64 {
        Ok(v as usize)
    } else {
        Err(LabError::invalid(
            field,
            format!("a whole number from {min} to {max}"),
            show(v),
        ))
    }
}

/// Accepts a count already in `usize` when it is in `[min, max]`.
pub fn check_usize(field: &str, n: usize, min: usize, max: usize) -> Result<usize> {
    if (min..=max).contains(&n) {
        Ok(n)
    } else {
        Err(LabError::invalid(
            field,
            format!("a whole number from {min} to {max}"),
            n.to_string(),
        ))
    }
}

/// The most work (parameters × points visited, the cost of one forward and backward pass of one point through
/// one parameter) a single call may do: about a tenth of a second of training on this machine, so that no call
/// freezes a page. A call that would do more is refused before it starts, saying how to split it.
pub const MAX_WORK_PER_CALL: u64 = 100_000_000;

/// Refuses `units × per_unit` work above [`MAX_WORK_PER_CALL`]: `what` names one unit (e.g. "steps"), `each`
/// describes the cost of one (e.g. "10 points × 37 parameters"; only called to refuse, so that an accepted call
/// allocates nothing).
pub fn check_work(
    field: &str,
    units: usize,
    per_unit: u64,
    what: &str,
    each: impl FnOnce() -> String,
) -> Result<()> {
    let work = (units as u64).saturating_mul(per_unit.max(1));
    if work <= MAX_WORK_PER_CALL {
        return Ok(());
    }
    Err(too_much_work(field, units, per_unit, what, &each(), work))
}

/// The refusal of [`check_work`], one copy for every caller's closure.
fn too_much_work(
    field: &str,
    units: usize,
    per_unit: u64,
    what: &str,
    each: &str,
    work: u64,
) -> LabError {
    let most = MAX_WORK_PER_CALL / per_unit.max(1);
    LabError::TooMuchWork {
        field: field.to_string(),
        detail: format!(
            "{units} {what} of {each} is {} parameter-point passes, more than the {} one call may do; \
             make calls of at most {most} {what} (for example one per animation frame)",
            show(work as f64),
            show(MAX_WORK_PER_CALL as f64)
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_the_field_the_range_and_the_value() {
        let e = check_positive("config.lr", -0.5, 100.0).unwrap_err();
        assert_eq!(
            e.to_string(),
            "config.lr must be a finite number in (0, 100] (got -0.5)"
        );
        let e = check_range("config.x", f64::NAN, -1000.0, 1000.0).unwrap_err();
        assert_eq!(
            e.to_string(),
            "config.x must be a finite number in [-1000, 1000] (got NaN)"
        );
        let e = check_count("steps", 2.5, 0, 10).unwrap_err();
        assert_eq!(
            e.to_string(),
            "steps must be a whole number from 0 to 10 (got 2.5)"
        );
        assert_eq!(check_count("steps", 10.0, 0, 10), Ok(10));
        assert_eq!(show(f64::NEG_INFINITY), "-Infinity");
        // As JavaScript's String() prints them.
        assert_eq!(show(-1.4175582052407377e158), "-1.4175582052407377e+158");
        assert_eq!(show(2e-7), "2e-7");
        assert_eq!(show(0.000001), "0.000001");
        assert_eq!(show(123456789012345680000.0), "123456789012345680000");
        assert_eq!(show(0.59), "0.59");
        assert_eq!(show(-0.0), "-0");
        assert_eq!(quote("tanh"), "\"tanh\"");
        assert_eq!(quote("a\"b\\c\n"), "\"a\\\"b\\\\c\\u{a}\"");
        assert_eq!(
            number_mark(1.5),
            format!("\u{1}{}\u{1}", 0x3ff8_0000_0000_0000u64)
        );
        assert_eq!(number_mark(-0.0), "\u{1}9223372036854775808\u{1}");
        assert_eq!(quote_mark("é\""), "\u{2}3\u{2}é\"");
        let long = "x".repeat(10_000);
        assert_eq!(
            quote(&long),
            format!("\"{}\"… (10000 characters)", "x".repeat(40))
        );
    }
}
