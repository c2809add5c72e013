// Shared set-up for the page tests: the static server (always with the strict CSP), a headless Chromium with a
// fresh profile, and a page that records console errors, CSP violations and requests leaving the origin.
import { mkdtemp, rm, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SCREENSHOTS = join(ROOT, 'test-results', 'screenshots');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

/** A headless Chromium with a fresh profile: { context, close }. */
export async function launchBrowser() {
  const profile = await mkdtemp(join(tmpdir(), 'backprop-lab-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
  });
  const close = async () => {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  };
  return { context, close };
}

/** Starts the server for www/ with the strict CSP header and a browser; call close() when done. */
export async function setup() {
  const { server, url, requests } = await startServer({ root: join(ROOT, 'www'), port: 0, csp: true });
  const browser = await launchBrowser();
  const close = async () => {
    await browser.close();
    await new Promise((done) => server.close(done));
  };
  return { url, requests, context: browser.context, close };
}

/**
 * Opens `path` in a new page that records problems: console errors, page errors, CSP violations (reported by the
 * page itself through a securitypolicyviolation listener installed before any script runs), dialogs (a sign of
 * injected script), and requests outside the server's origin.
 */
export async function openPage(env, path, { width = 1280, height = 900, colorScheme = 'light', reducedMotion = 'reduce' } = {}) {
  const page = await env.context.newPage();
  await page.setViewportSize({ width, height });
  await page.emulateMedia({ colorScheme, reducedMotion });
  const problems = { console: [], errors: [], violations: [], dialogs: [], foreign: [] };
  const origin = new URL(env.url).origin;
  page.on('console', (m) => {
    if (m.type() === 'error') problems.console.push(m.text());
  });
  page.on('pageerror', (e) => problems.errors.push(String(e)));
  page.on('dialog', async (d) => {
    problems.dialogs.push(d.message());
    await d.dismiss();
  });
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(origin) && !u.startsWith('blob:') && !u.startsWith('data:')) problems.foreign.push(u);
  });
  await page.exposeBinding('__reportViolation', (_source, v) => problems.violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__reportViolation(`${e.violatedDirective} blocked ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
  await page.goto(new URL(path, env.url).href);
  return { page, problems };
}

/** Waits until the figure `selector` has rendered with the wasm core loaded. */
export async function waitForFigure(page, selector = 'backprop-descent') {
  await page.waitForFunction((s) => {
    const el = document.querySelector(s);
    if (!(el && el.model && el.model.ready && el.shadowRoot && el.shadowRoot.querySelector('.frame'))) return false;
    // Figures linked to it with `for` that load eagerly have drawn too (they draw one frame after another).
    return !el.id || [...document.querySelectorAll(`[for="${el.id}"][loading="eager"]`)].every((f) => f.ready);
  }, selector);
}

/** Text of the first element matching `inner` inside the shadow root of `host`. */
export function shadowText(page, host, inner) {
  return page.evaluate(([h, i]) => {
    const el = document.querySelector(h)?.shadowRoot?.querySelector(i);
    return el ? el.textContent : null;
  }, [host, inner]);
}

/** Saves a screenshot under test-results/screenshots/. */
export async function screenshot(page, name, options = {}) {
  await mkdir(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, name);
  await page.screenshot({ path, ...options });
  return path;
}

/** Fails with every recorded problem listed. */
export function assertNoProblems(assert, problems) {
  assert.deepEqual(problems.violations, [], 'CSP violations');
  assert.deepEqual(problems.errors, [], 'page errors');
  assert.deepEqual(problems.console, [], 'console errors');
  assert.deepEqual(problems.foreign, [], 'requests outside the origin');
  assert.deepEqual(problems.dialogs, [], 'dialogs');
}

/** All text of the page, including every open shadow root (what a reader could see or hear). */
export function deepText(page) {
  return page.evaluate(() => {
    const parts = [];
    const walk = (root) => {
      for (const node of root.querySelectorAll('*')) {
        if (node.shadowRoot) walk(node.shadowRoot);
      }
      parts.push(root === document ? document.body.innerText : root.textContent);
    };
    walk(document);
    return parts.join('\n');
  });
}

/** Brings each figure matching `selector` into view in turn (they draw once near the viewport) and waits for it. */
export async function drawEach(page, selector) {
  const figures = page.locator(selector);
  for (let i = 0; i < (await figures.count()); i++) {
    await figures.nth(i).scrollIntoViewIfNeeded();
    await figures.nth(i).evaluate((el) => new Promise((done) => { const check = () => (el.ready ? done() : requestAnimationFrame(check)); check(); }));
  }
}
