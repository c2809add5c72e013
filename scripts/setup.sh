#!/usr/bin/env bash
# Installs what building and testing backprop-lab need, and only what is missing: on a ready machine it installs
# nothing and takes about a second. Run by `make serve` and `make test`; safe to run any number of times.
#
#   Rust:   the wasm32-unknown-unknown target, rustfmt, clippy (rustup)
#   cargo:  wasm-pack, wasm-bindgen-cli at exactly Cargo.lock's wasm-bindgen version, geckodriver
#   Debian: chromium, chromium-driver, firefox-esr, webkit2gtk-driver, xvfb (and Node.js with npm if the machine has none)
#   npm:    binaryen (wasm-opt, which wasm-pack runs), playwright-core (drives Chromium in the page tests), vite and
#           typescript (the package tests build a Vite site and type-check the declarations)
#
# Pass `--build-only` to skip the browsers and their drivers (enough for `make serve`).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

WASM_PACK_VERSION=0.15.1
GECKODRIVER_VERSION=0.37.1
BUILD_ONLY=${1:-}

say() { echo "setup: $*"; }
have() { command -v "$1" >/dev/null 2>&1; }
# The second word of `TOOL --version` ("wasm-pack 0.15.1", "wasm-bindgen 0.2.130", "geckodriver 0.37.1 (…)").
version_of() { "$1" --version 2>/dev/null | head -n 1 | awk '{print $2}'; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif have sudo; then sudo "$@"; else
    say "need root to run: $*"; return 1
  fi
}

apt_install() {
  say "installing Debian packages: $*"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

cargo_install() { # name version [binary]
  local name=$1 version=$2 binary=${3:-$1}
  if [ "$(version_of "$binary")" != "$version" ]; then
    say "installing $name $version with cargo (a few minutes on two cores)"
    cargo install --quiet "$name" --version "$version" --force
  fi
}

# Rust toolchain parts.
rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
for component in rustfmt clippy; do
  rustup component list --installed | grep -q "^$component" || rustup component add "$component"
done

# System packages, all in one apt call.
packages=()
have node || packages+=(nodejs)
have npm || packages+=(npm)
if [ "$BUILD_ONLY" != "--build-only" ]; then
  have chromium || packages+=(chromium)
  have chromedriver || packages+=(chromium-driver)
  have firefox-esr || have firefox || packages+=(firefox-esr)
  # WebKit, Safari's engine: WebKitWebDriver with its MiniBrowser, in a virtual X display.
  have WebKitWebDriver || packages+=(webkit2gtk-driver)
  have Xvfb || packages+=(xvfb)
  have xauth || packages+=(xauth)
fi
[ ${#packages[@]} -eq 0 ] || apt_install "${packages[@]}"

# npm packages, pinned by package-lock.json.
# Ready when every devDependency of package.json is installed at exactly its pinned version (a lock file newer
# than node_modules, or a dependency added by a merge, means npm ci again).
npm_ready() {
  [ -x node_modules/.bin/wasm-opt ] && [ node_modules/.package-lock.json -nt package-lock.json ] &&
    node -e '
      const { readFileSync } = require("node:fs");
      const wanted = JSON.parse(readFileSync("package.json", "utf8")).devDependencies ?? {};
      for (const [name, version] of Object.entries(wanted)) {
        let got = null;
        try { got = JSON.parse(readFileSync(`node_modules/${name}/package.json`, "utf8")).version; } catch {}
        if (got !== version) process.exit(1);
      }' 2>/dev/null
}
npm_ready || { say "installing npm packages (binaryen, playwright-core, vite, typescript)"; npm ci --no-audit --no-fund --loglevel=error; }

# Cargo-installed tools. wasm-bindgen-cli must match the library exactly, so its version comes from Cargo.lock.
[ -f Cargo.lock ] || cargo generate-lockfile --quiet
WASM_BINDGEN_VERSION=$(grep -A1 '^name = "wasm-bindgen"$' Cargo.lock | sed -n 's/^version = "\(.*\)"$/\1/p')
cargo_install wasm-pack "$WASM_PACK_VERSION"
cargo_install wasm-bindgen-cli "$WASM_BINDGEN_VERSION" wasm-bindgen
[ "$BUILD_ONLY" = "--build-only" ] || cargo_install geckodriver "$GECKODRIVER_VERSION"
say "ready (wasm-pack $(version_of wasm-pack), wasm-bindgen $(version_of wasm-bindgen), wasm-opt $(wasm-opt --version | awk '{print $3}'))"
