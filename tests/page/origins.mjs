// Pages of another origin for the page tests: a folder of files written by the test, served on a port of its own
// (port 0) with the CSP the test gives, as a reader's blog would be, and closed with everything else.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../scripts/serve.mjs';

const FAVICON = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>';

/** A policy that allows this origin and `others` (scripts, wasm, styles, frames, fetches), plus `extra` script sources. */
export function policyWith(others, extra = '') {
  const sources = others.map((u) => new URL(u).origin).join(' ');
  return `default-src 'self' ${sources}; script-src 'self' ${sources} 'wasm-unsafe-eval'${extra ? ` ${extra}` : ''}; style-src 'self' ${sources}`;
}

/** Serves `files` (name → text) on a new origin with `csp`; `headers` on every file. Returns { url, requests, close }. */
export async function otherOrigin(files, { csp = false, headers = {} } = {}) {
  const root = mkdtempSync(join(tmpdir(), 'backprop-lab-origin-'));
  for (const [name, text] of Object.entries({ 'favicon.svg': FAVICON, ...files })) writeFileSync(join(root, name), text);
  const { server, url, requests } = await startServer({ root, csp, headers });
  const close = async () => {
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
    rmSync(root, { recursive: true, force: true });
  };
  return { url, requests, close };
}

/** A page that serves `root` as a CDN does (Access-Control-Allow-Origin: *), to load modules from another origin. */
export async function cdnOrigin(root) {
  const { server, url, requests } = await startServer({ root, headers: { 'Access-Control-Allow-Origin': '*' } });
  const close = async () => {
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
  };
  return { url, requests, close };
}

/** A blog post's page around `body` (markup), with `head` (more tags) before it. */
export const post = (body, head = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A post</title><link rel="icon" href="favicon.svg">${head}</head><body><main><h1>A post</h1>\n${body}\n</main></body></html>`;
