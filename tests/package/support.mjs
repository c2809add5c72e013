// What the package tests share: the tarball `make package` built (never the source tree), installed with npm into a
// fresh folder outside the repository, or unpacked as a CDN serves it; servers on their own origins.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crateVersion } from '../../scripts/package.mjs';
import { ROOT } from '../page/helpers.mjs';

export const VERSION = crateVersion();
export const TARBALL = join(ROOT, 'target', `backprop-lab-${VERSION}.tgz`);

/** The article's first five updates, as the figures and the API print them. */
export const ARTICLE = ['0.8', '0.59', '0.4745', '0.410975', '0.37603625', '0.3568199375'];

function tarball() {
  if (!existsSync(TARBALL)) throw new Error(`${TARBALL} is missing: run make package first`);
  return TARBALL;
}

const scratches = [];
process.on('exit', () => {
  for (const dir of scratches) rmSync(dir, { recursive: true, force: true });
});

/** A new folder outside the repository, removed when the test file's process ends. */
export function scratch(name) {
  const dir = mkdtempSync(join(tmpdir(), `backprop-lab-${name}-`));
  scratches.push(dir);
  return dir;
}

/**
 * A fresh app folder with the tarball installed by npm as `backprop-lab`, and `files` (path → text) written into it.
 * Returns the folder.
 */
export function installApp(name, files = {}) {
  const dir = scratch(name);
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: `${name}-app`, private: true, type: 'module' }, null, 2));
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', tarball()], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** The tarball unpacked under `dir/prefix` (as a CDN lays out /npm/backprop-lab@x.y.z/); returns that folder. */
export function unpackInto(dir, prefix) {
  const target = join(dir, prefix);
  mkdirSync(target, { recursive: true });
  execFileSync('tar', ['-xzf', tarball(), '-C', target, '--strip-components=1']);
  return target;
}

/** Every file under `dir`, with its raw and gzipped (-9) size. */
export function sizes(dir) {
  const out = [];
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else {
        const bytes = readFileSync(path);
        out.push({ path: path.slice(dir.length + 1), raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length });
      }
    }
  };
  walk(dir);
  return out;
}

/** The origin of a server URL, as a CSP source: http://127.0.0.1:port */
export const origin = (url) => new URL(url).origin;

/** A strict policy that allows exactly the page's own origin and `other`: scripts, wasm, styles and fetches. */
export function strictPolicy(other) {
  return `default-src 'self' ${other}; script-src 'self' ${other} 'wasm-unsafe-eval'; style-src 'self' ${other}`;
}

/** Steps the figure `selector` n times with its own Step button; returns the w column of its table `table`. */
export async function stepAndRead(page, { figure, table, n }) {
  for (let i = 0; i < n; i++) await page.locator(`${figure} button[data-action="step"]`).click();
  return page.locator(`${table} td.w`).allTextContents();
}

/** Stops a server at once, closing the connections a browser keeps alive. */
export async function stopServer(server) {
  if (!server) return;
  server.closeAllConnections();
  await new Promise((done) => server.close(done));
}
