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

/** Where a page served with `reportViolations` sends its CSP violation reports. */
const REPORT_PATH = '/__csp-report';

/**
 * Serves `root` on host:port (port 0 picks a free one). Resolves to { server, url, requests, violations } where
 * `requests` lists every path asked for, so a test can check that a page fetched nothing unexpected.
 *
 * `csp`: true for STRICT_CSP, or a policy of its own. `headers`: more headers on every file (e.g. CORS for a
 * CDN-like origin). `reportViolations`: the policy gets a report-uri, and `violations` collects what the browser
 * reports, from the very first script on (for drivers that cannot listen before a page's scripts run).
 */
export function startServer({ root = 'www', host = '127.0.0.1', port = 0, csp = false, headers: extra = {}, reportViolations = false } = {}) {
  const base = resolve(root);
  const requests = [];
  const violations = [];
  const policy = csp === true ? STRICT_CSP : csp || null;
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
    if (reportViolations && path === REPORT_PATH && req.method === 'POST') return collectReport(req, res, violations);
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
        ...extra,
      };
      if (policy) headers['Content-Security-Policy'] = reportViolations ? `${policy}; report-uri ${REPORT_PATH}` : policy;
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
      done({ server, url: `http://${host}:${actual}/`, requests, violations });
    });
  });
}

/** Records one CSP report (`{ "csp-report": { … } }`) as "directive blocked URI". */
function collectReport(req, res, violations) {
  let body = '';
  req.on('data', (chunk) => {
    if (body.length < 65536) body += chunk;
  });
  req.on('end', () => {
    try {
      const r = JSON.parse(body)['csp-report'] ?? {};
      violations.push(`${r['violated-directive'] ?? r['effective-directive']} blocked ${r['blocked-uri']} (${r['source-file'] ?? r['document-uri']})`);
    } catch {
      violations.push(`unreadable report: ${body.slice(0, 200)}`);
    }
    res.writeHead(204);
    res.end();
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
