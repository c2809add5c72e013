// A static file server for www/: the right MIME types (application/wasm for streaming compilation), no directory
// listing, nothing outside the root, and optionally the strict Content Security Policy the pages are built for.
//
//   node scripts/serve.mjs [--root www] [--host 127.0.0.1] [--port 8000] [--csp]
//
// Page tests import startServer() and listen on port 0 (any free port).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/** The policy every page must work under: no inline script or style, wasm compiled only from the page's origin. */
/** File types sent gzipped. */
const COMPRESSED = new Set(['.html', '.js', '.mjs', '.css', '.svg', '.json', '.wasm', '.txt', '.ts']);

export const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
};

/**
 * Serves `root` on host:port (port 0 picks a free one). Resolves to { server, url, requests } where `requests`
 * lists every path asked for, so a test can check that a page fetched nothing unexpected.
 */
export function startServer({ root = 'www', host = '127.0.0.1', port = 0, csp = false } = {}) {
  const base = resolve(root);
  const requests = [];
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
    requests.push(path);
    let file = normalize(join(base, path));
    if (file !== base && !file.startsWith(base + sep)) return send(res, 403, 'forbidden');
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      const headers = {
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Cache-Control': 'no-cache',
        'X-Content-Type-Options': 'nosniff',
      };
      if (csp) headers['Content-Security-Policy'] = STRICT_CSP;
      // Text and wasm go gzipped to clients that accept it, as any static host serves them.
      let sent = body;
      if (COMPRESSED.has(extname(file)) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
        sent = gzipSync(body);
        headers['Content-Encoding'] = 'gzip';
        headers.Vary = 'Accept-Encoding';
      }
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : sent);
    } catch {
      send(res, 404, 'not found');
    }
  });
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      const { port: actual } = server.address();
      done({ server, url: `http://${host}:${actual}/`, requests });
    });
  });
}

function send(res, status, text) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const option = (name, fallback) => {
    const i = args.indexOf(name);
    return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
  };
  const root = option('--root', 'www');
  const host = option('--host', '127.0.0.1');
  const port = Number(option('--port', '8000'));
  try {
    const { url } = await startServer({ root, host, port, csp: args.includes('--csp') });
    console.log(`Serving ${root}/ at ${url}  (Ctrl-C to stop)`);
  } catch (e) {
    const why = e.code === 'EADDRINUSE' ? `port ${port} is in use; choose another, e.g. PORT=9000 make serve` : e.message;
    console.error(`serve: cannot listen on ${host}:${port}: ${why}`);
    process.exit(1);
  }
}
