#!/usr/bin/env python3
"""Correctly rounded reference values for src/math, from mpmath at 200 bits.

    python3 -m pip install mpmath          (any recent version; 1.3 and 1.4 give the same file)
    python3 scripts/math-reference.py      writes tests/data/math-reference.txt
    python3 scripts/math-reference.py --table    prints the 2^(j/32) table and reduction constants of src/math/exp.rs

Each line of the file is `function x hi lo` with three f64 as 16 hex digits (their IEEE bits): hi is f(x) rounded to
nearest, lo the double nearest to f(x) - hi, so a test can measure an error in ulps to about 2^-50 ulp. The points:
the edge cases (0, -0, the smallest subnormal, the largest double, thresholds of overflow and underflow and of rounding
to ±1, ±inf, NaN) and 800 seeded random points per function, spread uniformly over the range that matters and
log-uniformly over magnitudes.
"""
import random
import struct
import sys

import mpmath
from mpmath import mp, mpf

mp.prec = 200


def bits(x):
    return struct.unpack('<Q', struct.pack('<d', x))[0]


def from_bits(b):
    return struct.unpack('<d', struct.pack('<Q', b))[0]


def to_double(v):
    """Round an mpf to the nearest double (ties to even), subnormals and overflow included."""
    if mpmath.isnan(v):
        return float('nan')
    if mpmath.isinf(v):
        return float('inf') if v > 0 else float('-inf')
    return float(mpmath.mpf(v))  # mpmath rounds to nearest when converting to a Python float


def split(v):
    hi = to_double(v)
    if hi != hi or hi in (float('inf'), float('-inf')):
        return hi, 0.0
    return hi, to_double(v - mpf(hi))


def sigmoid(x):
    return 1 / (1 + mpmath.exp(-x))


def softplus(x):
    return mpmath.log1p(mpmath.exp(x)) if x < 0 else x + mpmath.log1p(mpmath.exp(-x))


FUNCTIONS = {
    'exp': (mpmath.exp, (-746.0, 710.0)),
    'tanh': (mpmath.tanh, (-20.0, 20.0)),
    'sigmoid': (sigmoid, (-750.0, 40.0)),
    'ln': (mpmath.log, (0.0, 10.0)),
    'log1p': (mpmath.log1p, (-1.0, 10.0)),
    'softplus': (softplus, (-40.0, 40.0)),
    'sin': (mpmath.sin, (-20.0, 20.0)),
    'cos': (mpmath.cos, (-20.0, 20.0)),
}

TINY, MAX = 5e-324, 1.7976931348623157e308
EDGES = [0.0, -0.0, TINY, -TINY, 2.2250738585072014e-308, -2.2250738585072014e-308, 1e-300, -1e-300, 1e-20,
         -1e-20, 2.0 ** -28, -(2.0 ** -28), 1e-8, -1e-8, 0.5, -0.5, 1.0, -1.0, 2.0, -2.0, 19.0, 19.1, -19.1, 20.0,
         22.0, -22.0, 36.0, -36.0, 37.0, -37.0, 40.0, -40.0, 100.0, -100.0, 700.0, -700.0, 708.0, -708.0,
         709.782712893384, 709.7827128933841, 710.0, -709.0, -744.0, -745.1332191019411, -745.1332191019412,
         -745.2, -746.0, 1e5, -1e5, 1e300, -1e300, MAX, -MAX, float('inf'), float('-inf'), float('nan'),
         3.141592653589793, -3.141592653589793, 1.5707963267948966, 0.7853981633974483, 6.283185307179586,
         1e-5, 0.999999, -0.999999, 1e6, 12345.678]


def domain(name, x):
    if name == 'ln':
        return x >= 0 or x != x
    if name == 'log1p':
        return x >= -1 or x != x
    if name in ('sin', 'cos'):
        return abs(x) <= 2.0 ** 20 or x != x
    return True


def exact(f, x):
    if x != x:
        return float('nan'), 0.0
    if x in (float('inf'), float('-inf')):
        return None
    v = f(mpf(x))
    return split(v)


def reference_lines():
    rng = random.Random(20261128)
    lines = []
    for name, (f, (lo, hi)) in FUNCTIONS.items():
        points = [x for x in EDGES if domain(name, x)]
        for _ in range(400):
            points.append(rng.uniform(lo, hi))
        for _ in range(400):
            sign = 1.0 if name in ('ln',) or rng.random() < 0.5 else -1.0
            x = sign * 2.0 ** rng.uniform(-60, 10)
            if domain(name, x):
                points.append(x)
        for x in points:
            if name == 'log1p' and x == -1.0:
                continue
            if name == 'ln' and x == 0.0:
                continue
            r = exact(f, x)
            if r is None:
                continue
            hi_v, lo_v = r
            lines.append(f'{name} {bits(x):016x} {bits(hi_v):016x} {bits(lo_v):016x}')
    return lines


def table():
    ln2 = mpmath.log(2)
    inv = to_double(32 / ln2)
    # ln2/32 in two parts; the first has 32 significant bits so k·L2H is exact for |k| < 2^21.
    l2h = float(mpmath.floor(ln2 / 32 * 2 ** 37) / 2 ** 37)
    l2l = to_double(ln2 / 32 - mpf(l2h))
    print(f'const INV_LN2_32: f64 = {inv!r};')
    print(f'const LN2_32_HI: f64 = {l2h!r};')
    print(f'const LN2_32_LO: f64 = {l2l!r};')
    print('const TABLE: [[f64; 2]; 32] = [')
    for j in range(32):
        v = mpf(2) ** (mpf(j) / 32)
        # 2^(j/32) to 27 significant bits, so that it times a 26-bit number is exact; then the remainder.
        th = float(mpmath.nint(v * 2 ** 26) / 2 ** 26)
        tl = to_double(v - mpf(th))
        print(f'    [{th!r}, {tl!r}],')
    print('];')


if __name__ == '__main__':
    if '--table' in sys.argv:
        table()
    else:
        out = 'tests/data/math-reference.txt'
        lines = reference_lines()
        with open(out, 'w') as fh:
            fh.write('# function x f(x)-rounded f(x)-remainder (IEEE bits, hex); by scripts/math-reference.py\n')
            fh.write('\n'.join(lines) + '\n')
        print(f'{out}: {len(lines)} values')
