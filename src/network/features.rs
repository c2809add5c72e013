//! Input features: what the first layer sees of a raw point (x₁, x₂), as TensorFlow Playground's first column
//! offers them. The core computes them from the raw point, so the data, the grids and a user's points stay raw
//! (x₁, x₂, label) whatever features the network uses.

use crate::error::{quote, LabError, Result};

/// One input feature of a raw 2-D point (x₁, x₂).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Feature {
    /// x₁.
    X1,
    /// x₂.
    X2,
    /// x₁².
    X1Squared,
    /// x₂².
    X2Squared,
    /// x₁·x₂.
    X1TimesX2,
    /// sin(x₁).
    SinX1,
    /// sin(x₂).
    SinX2,
}

/// The sine every feature uses: the core's own (IEEE +, −, ×, ÷ only, within 1 ulp), so features give the same
/// bits natively and in every browser.
#[inline]
fn sine(v: f64) -> f64 {
    crate::math::sin(v)
}

impl Feature {
    /// Every feature, in Playground's order (the order a feature list must keep).
    pub const ALL: [Feature; 7] = [
        Feature::X1,
        Feature::X2,
        Feature::X1Squared,
        Feature::X2Squared,
        Feature::X1TimesX2,
        Feature::SinX1,
        Feature::SinX2,
    ];

    /// The name used at the JavaScript boundary: `x1`, `x2`, `x1^2`, `x2^2`, `x1*x2`, `sin(x1)`, `sin(x2)`.
    pub fn name(self) -> &'static str {
        match self {
            Feature::X1 => "x1",
            Feature::X2 => "x2",
            Feature::X1Squared => "x1^2",
            Feature::X2Squared => "x2^2",
            Feature::X1TimesX2 => "x1*x2",
            Feature::SinX1 => "sin(x1)",
            Feature::SinX2 => "sin(x2)",
        }
    }

    /// The feature called `name`, or an error naming `field` and listing the names.
    pub fn from_name(field: &str, name: &str) -> Result<Self> {
        Feature::ALL
            .into_iter()
            .find(|f| f.name() == name)
            .ok_or_else(|| LabError::invalid(field, format!("one of {}", names()), quote(name)))
    }

    /// The feature's value at the raw point (x₁, x₂).
    #[inline]
    pub fn value(self, x1: f64, x2: f64) -> f64 {
        match self {
            Feature::X1 => x1,
            Feature::X2 => x2,
            Feature::X1Squared => x1 * x1, // x₁²
            Feature::X2Squared => x2 * x2, // x₂²
            Feature::X1TimesX2 => x1 * x2, // x₁·x₂
            Feature::SinX1 => sine(x1),
            Feature::SinX2 => sine(x2),
        }
    }
}

/// Every feature name, quoted, in order: for messages.
pub fn names() -> String {
    let quoted: Vec<String> = Feature::ALL.iter().map(|f| quote(f.name())).collect();
    crate::error::list(quoted.iter().map(String::as_str))
}

/// A non-empty list of distinct features in Playground's order: the network's inputs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Features {
    list: Vec<Feature>,
}

impl Features {
    /// The default, the raw point itself: x₁, x₂.
    pub fn raw() -> Self {
        Features {
            list: vec![Feature::X1, Feature::X2],
        }
    }

    /// Checks `list` (as `field`): not empty, each feature once, in the order of [`Feature::ALL`].
    pub fn new(field: &str, list: Vec<Feature>) -> Result<Self> {
        if list.is_empty() {
            return Err(LabError::invalid(
                field,
                format!("a non-empty list of features from {}", names()),
                "an empty list",
            ));
        }
        let rank = |f: &Feature| Feature::ALL.iter().position(|g| g == f).unwrap_or(0);
        for (k, pair) in list.windows(2).enumerate() {
            if rank(&pair[1]) <= rank(&pair[0]) {
                return Err(LabError::invalid(
                    format!("{field}[{}]", k + 1),
                    format!(
                        "a feature after {} in the order {} (each at most once)",
                        quote(pair[0].name()),
                        names()
                    ),
                    quote(pair[1].name()),
                ));
            }
        }
        Ok(Features { list })
    }

    /// The features, in order.
    pub fn list(&self) -> &[Feature] {
        &self.list
    }

    /// How many features (the network's input count).
    pub fn len(&self) -> usize {
        self.list.len()
    }

    /// Never true: a feature list has at least one feature.
    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// True when the features are exactly the raw point (x₁, x₂), so nothing needs computing.
    pub fn is_raw(&self) -> bool {
        self.list == [Feature::X1, Feature::X2]
    }

    /// Writes every feature of the raw point (x₁, x₂) into `out` (one number per feature).
    #[inline]
    pub fn compute(&self, x1: f64, x2: f64, out: &mut [f64]) {
        for (o, f) in out.iter_mut().zip(&self.list) {
            *o = f.value(x1, x2);
        }
    }

    /// Rows of raw points (x₁, x₂, then `targets` numbers) as rows of features then the same targets.
    pub fn expand(&self, rows: &[f64], targets: usize) -> Vec<f64> {
        let stride = 2 + targets;
        let n = self.len();
        let mut out = Vec::with_capacity(rows.len() / stride * (n + targets));
        let mut buffer = vec![0.0; n];
        for row in rows.chunks_exact(stride) {
            self.compute(row[0], row[1], &mut buffer);
            out.extend_from_slice(&buffer);
            out.extend_from_slice(&row[2..]);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn features_are_computed_from_the_raw_point() {
        let all = Features::new("f", Feature::ALL.to_vec()).unwrap();
        let mut out = [0.0; 7];
        all.compute(0.5, -2.0, &mut out);
        assert_eq!(
            out,
            [
                0.5,
                -2.0,
                0.25,
                4.0,
                -1.0,
                0.479425538604203,
                -0.9092974268256817
            ]
        );
    }

    #[test]
    fn lists_must_be_non_empty_ordered_and_without_repeats() {
        assert!(Features::new("f", vec![]).is_err());
        let e = Features::new("config.features", vec![Feature::X2, Feature::X1]).unwrap_err();
        assert!(
            e.to_string()
                .starts_with("config.features[1] must be a feature after \"x2\""),
            "{e}"
        );
        assert!(Features::new("f", vec![Feature::X1, Feature::X1]).is_err());
        assert!(Features::new("f", vec![Feature::X1TimesX2]).is_ok());
        for f in Feature::ALL {
            assert_eq!(Feature::from_name("f", f.name()), Ok(f));
        }
        assert!(Feature::from_name("f", "x3").is_err());
    }

    #[test]
    fn rows_expand_to_features_then_targets() {
        let f = Features::new("f", vec![Feature::X1TimesX2]).unwrap();
        assert_eq!(
            f.expand(&[2.0, 3.0, 1.0, -1.0, 4.0, -1.0], 1),
            [6.0, 1.0, -4.0, -1.0]
        );
    }
}
