// Numbers as a reader expects them: the article's digits, never float noise, never "NaN" or "Infinity".
//
// The core's f64 results printed with String() already give the article's digits (0.59, 0.4745, …); rounding to
// ten significant digits first hides the noise of other values (0.5900000000000001 → 0.59) without changing those.

/** Significant digits shown by default: enough for every row of the article (0.3568199375 has ten). */
const DIGITS = 10;

const SUPERSCRIPT = { '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹', '-': '⁻' };

/** The largest finite f64, named for explanations. */
export const LARGEST_FINITE = '1.8 × 10³⁰⁸';

/**
 * Splits a finite number for display: { sign, mantissa, exponent } where exponent is null for plain decimals.
 * Plain decimals for 1e-6 ≤ |v| < 1e15 (and 0); otherwise a mantissa of up to 4 significant digits and a power of ten.
 */
export function numberParts(v, digits = DIGITS) {
  if (typeof v !== 'number' || !Number.isFinite(v)) return null;
  const sign = v < 0 ? '−' : '';
  const a = Math.abs(v);
  if (a === 0) return { sign: '', mantissa: '0', exponent: null };
  if (a >= 1e-6 && a < 1e15) return { sign, mantissa: String(Number(a.toPrecision(digits))), exponent: null };
  const [m, e] = a.toExponential(3).split('e');
  return { sign, mantissa: String(Number(m)), exponent: Number(e) };
}

/** A number as text: "0.59", "−1.25", "1.2 × 10³⁰⁸"; a non-finite value as "beyond the largest number". */
export function formatNumber(v, digits = DIGITS) {
  const parts = numberParts(v, digits);
  if (!parts) return 'beyond the largest number';
  const { sign, mantissa, exponent } = parts;
  if (exponent === null) return sign + mantissa;
  const power = `10${String(exponent).replace(/[-0-9]/g, (c) => SUPERSCRIPT[c])}`;
  return mantissa === '1' ? `${sign}${power}` : `${sign}${mantissa} × ${power}`;
}

/** A number rounded to `decimals` places, as the article prints its last row (0.333333). */
export function formatFixed(v, decimals) {
  if (!Number.isFinite(v)) return formatNumber(v);
  const text = v.toFixed(decimals);
  return text.startsWith('-') ? `−${text.slice(1)}` : text;
}

/**
 * A count with thousands separators, for prose ("3,185 steps"): en-US's grouping, written without Intl, whose
 * first use costs a page tens of milliseconds of loading its locale data.
 */
export function formatCount(n) {
  if (!Number.isFinite(n)) return String(n);
  const r = Math.round(n);
  return Math.abs(r) < 1e21 ? String(r).replace(/\B(?=(\d{3})+$)/g, ',') : r.toLocaleString('en-US');
}
