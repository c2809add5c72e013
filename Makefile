# backprop-lab: `make serve` builds and serves the pages; `make test` runs every test. Both install what is missing.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
export PATH := $(HOME)/.cargo/bin:$(CURDIR)/node_modules/.bin:$(PATH)

HOST ?= 127.0.0.1
PORT ?= 8000
PKG := www/pkg
PKG_ARTICLE := www/pkg-article

.PHONY: serve test setup setup-build build lint test-native test-browsers test-chrome test-firefox test-js test-pages bench bench-page profile ulp size audit fuzz clean

## serve: build the wasm package into www/pkg and serve www/ on http://$(HOST):$(PORT)/
serve: build
	node scripts/serve.mjs --root www --host $(HOST) --port $(PORT)

## test: format and lint checks, the native tests, the browser tests in Chrome and Firefox, the page tests
test: setup lint test-native test-browsers test-js test-pages test-package test-webkit
	@echo "make test: every layer passed"

setup:
	@bash scripts/setup.sh

setup-build:
	@bash scripts/setup.sh --build-only

## build: www/pkg/ with two modules behind one glue: backprop_lab_bg.wasm (simd128, f64x2) and
## backprop_lab_scalar_bg.wasm (for browsers without wasm SIMD; lib/core-network.js picks one with
## WebAssembly.validate); www/pkg-article/ (the article's exports only, scalar). Each build keeps its own target dir.
## scripts/limits.mjs then writes each build's limits() as limits.js, which the pages' tables import.
build: setup-build
	@# wasm-pack runs wasm-opt over every module in its out-dir: the scalar copy of the last build must not be there
	rm -f $(PKG)/backprop_lab_scalar_bg.wasm
	RUSTFLAGS="-C target-feature=+simd128" CARGO_TARGET_DIR=target/simd wasm-pack build --target web --release --out-dir $(PKG) --no-pack
	wasm-pack build --target web --release --out-dir target/pkg-scalar --no-pack
	@cmp -s $(PKG)/backprop_lab.js target/pkg-scalar/backprop_lab.js || { echo "build: the scalar and simd128 glue differ"; exit 1; }
	cp target/pkg-scalar/backprop_lab_bg.wasm $(PKG)/backprop_lab_scalar_bg.wasm
	wasm-pack build --target web --release --out-dir $(PKG_ARTICLE) --no-pack -- --no-default-features
	@rm -f $(PKG)/.gitignore $(PKG_ARTICLE)/.gitignore
	node scripts/limits.mjs

lint:
	cargo fmt --all -- --check
	cargo clippy --all-targets --quiet -- -D warnings
	cargo clippy --all-targets --quiet --target wasm32-unknown-unknown -- -D warnings
	cargo clippy --lib --quiet --target wasm32-unknown-unknown --no-default-features -- -D warnings
	RUSTDOCFLAGS='-D warnings' cargo doc --no-deps --quiet
	node scripts/unused-exports.mjs

test-native:
	cargo test --quiet

test-browsers: test-chrome test-firefox

test-chrome:
	@echo "== wasm-bindgen tests in headless Chrome =="
	wasm-pack test --headless --chrome

test-firefox:
	@echo "== wasm-bindgen tests in headless Firefox =="
	wasm-pack test --headless --firefox

test-js: build
	@echo "== the package in Node (with the 100,000-call boundary fuzzer per package) =="
	node --test tests/node/

## test-pages: two page-test files at a time. Three did no better in a fresh clone's make test (6 min 44 s; two took
## 5 min 54 s and 6 min 52 s in two such runs, 233 tests, 2026-12-07): the two cores are the limit.
test-pages: build
	@echo "== page tests in headless Chromium =="
	node --test --test-concurrency=2 tests/page/

## bench: one table of W1, W2, W3, W4 and the article's step natively, in Node and in headless Chromium, against this
## machine's scalar-f64 peak; then the download weights
bench: build
	node scripts/bench.mjs
	node scripts/size.mjs

## profile: where W1, W2 and the W3 grid spend their time in wasm, from V8's CPU profiler (names kept, kernels out of line)
profile: setup-build
	node scripts/profile.mjs

## ulp: the error sweep of src/math, 10^7 points per function against a double-double reference
ulp:
	cargo run --release --quiet --example ulp

## fuzz: 10⁶ hostile calls per package and the soak (10⁷ article steps, 10⁵ epochs, 10⁵ create/free cycles)
fuzz: build
	node scripts/fuzz.mjs

## audit: Lighthouse (12.2.3, mobile, simulated throttling) on every page: the four scores and the layout shift
audit: build
	node scripts/audit.mjs

## bench-page: the playground's frame time in headless Chromium (spiral, 6 hidden layers of 8, 10 s per speed)
bench-page: build
	node scripts/bench-page.mjs

## docs: docs/elements.md and package/custom-elements.json (the Custom Elements Manifest) from the figures' own tables;
## tests/node/docs.test.mjs fails when the committed ones disagree with the tables
.PHONY: docs
docs: build
	node scripts/docs.mjs

## size: the wasm modules and the pages, raw and gzipped
size: build
	node scripts/size.mjs

clean:
	cargo clean
	rm -rf $(PKG) $(PKG_ARTICLE) test-results

## ---- Distribution: the npm package, the deployable site, and the tests that load them as users do ----
.PHONY: package site test-package test-webkit test-webkit-wasm
BASE_URL ?=
SITE_DIR ?= target/site

## package: target/backprop-lab-<version>.tgz, packed from target/package/ (the files the entries reach)
package: build
	node scripts/package.mjs

## site: a deployable folder, BASE_URL=https://example.org/backprop-lab/ make site (absolute URLs, previews, oEmbed)
site: build
	@[ -n "$(BASE_URL)" ] || { echo "site: give the address it will be served from, e.g. make site BASE_URL=https://example.org/backprop-lab/"; exit 2; }
	node scripts/site.mjs --base-url "$(BASE_URL)" --out "$(SITE_DIR)"

## test-package: the tarball from a CDN-like second origin, in a Vite build, in Node; the site as an oEmbed consumer sees it
test-package: package
	@echo "== the package as users load it, and the site's oEmbed =="
	node --test --test-concurrency=1 tests/package/

## test-webkit: the page tests that matter most and the wasm-bindgen browser tests, in WebKit (WebKitWebDriver and
## its MiniBrowser under Xvfb)
test-webkit: test-webkit-wasm
	@echo "== page tests in WebKit =="
	node --test --test-concurrency=1 tests/webkit/

## wasm-bindgen's runner speaks WebDriver to "safaridriver"; pointed at WebKitWebDriver it runs the tests in MiniBrowser
test-webkit-wasm: build
	@echo "== wasm-bindgen tests in WebKit =="
	CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner SAFARIDRIVER="$$(command -v WebKitWebDriver)" \
	  xvfb-run -a cargo test --target wasm32-unknown-unknown --test 'web_*'
