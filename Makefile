# backprop-lab: `make serve` builds and serves the pages; `make test` runs every test. Both install what is missing.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
export PATH := $(HOME)/.cargo/bin:$(CURDIR)/node_modules/.bin:$(PATH)

HOST ?= 127.0.0.1
PORT ?= 8000
PKG := www/pkg
PKG_ARTICLE := www/pkg-article

.PHONY: serve test setup setup-build build lint test-native test-browsers test-chrome test-firefox test-js test-pages bench size fuzz clean

## serve: build the wasm package into www/pkg and serve www/ on http://$(HOST):$(PORT)/
serve: build
	node scripts/serve.mjs --root www --host $(HOST) --port $(PORT)

## test: format and lint checks, the native tests, the browser tests in Chrome and Firefox, the page tests
test: setup lint test-native test-browsers test-js test-pages
	@echo "make test: every layer passed"

setup:
	@bash scripts/setup.sh

setup-build:
	@bash scripts/setup.sh --build-only

build: setup-build
	wasm-pack build --target web --release --out-dir $(PKG) --no-pack
	wasm-pack build --target web --release --out-dir $(PKG_ARTICLE) --no-pack -- --no-default-features
	@rm -f $(PKG)/.gitignore $(PKG_ARTICLE)/.gitignore

lint:
	cargo fmt --all -- --check
	cargo clippy --all-targets --quiet -- -D warnings
	cargo clippy --all-targets --quiet --target wasm32-unknown-unknown -- -D warnings
	cargo clippy --lib --quiet --target wasm32-unknown-unknown --no-default-features -- -D warnings
	RUSTDOCFLAGS='-D warnings' cargo doc --no-deps --quiet

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

test-pages: build
	@echo "== page tests in headless Chromium =="
	node --test --test-concurrency=1 tests/page/

## bench: the benchmarks that print the numbers in the README
bench: build
	cargo run --release --quiet --example bench_network
	node scripts/bench-wasm.mjs
	node scripts/size.mjs

## fuzz: 10⁶ hostile calls per package and the soak (10⁷ article steps, 10⁵ epochs, 10⁵ create/free cycles)
fuzz: build
	node scripts/fuzz.mjs

## size: the wasm module and the pages, raw and gzipped
size: build
	node scripts/size.mjs

clean:
	cargo clean
	rm -rf $(PKG) $(PKG_ARTICLE) test-results
