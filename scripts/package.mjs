// Assembles the npm package from what `make build` produced and packs it:
//
//   node scripts/package.mjs [--out target]      →  target/package/ (the folder) and target/backprop-lab-<version>.tgz
//
// The package is the files the entries actually reach, nothing listed by hand: starting from the entry modules in
// package/ and the widget pages in www/embed/, it follows every relative reference (import, export … from, import(),
// new URL('…', import.meta.url), HTML src/href, CSS url()) through package/ first and www/ second. A wasm build folder
// (www/pkg*/) that is reached comes whole (its glue, module and declarations), so however many builds `make build`
// writes there, all of them ship. The repository's package.json (the tools manifest) is never packed: the package's
// own comes from package/package.template.json with the version read from Cargo.toml.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, extname, join, posix, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SOURCES = [join(ROOT, 'package'), join(ROOT, 'www')];

/** The crate's version, the package's version. */
export function crateVersion() {
  const toml = readFileSync(join(ROOT, 'Cargo.toml'), 'utf8');
  const section = toml.slice(toml.indexOf('[package]'));
  const version = /^version\s*=\s*"([^"]+)"/m.exec(section)?.[1];
  if (!version) throw new Error('Cargo.toml: no version in [package]');
  return version;
}

/** Where the package path `rel` (posix, relative to the package root) comes from: package/ first, then www/. */
function sourceOf(rel) {
  for (const dir of SOURCES) {
    const file = join(dir, rel);
    if (existsSync(file) && statSync(file).isFile()) return file;
  }
  return null;
}

const JS_REFERENCES = [
  /\bimport\s+(?:[\w*{}\s,$]+\s+from\s+)?['"]([^'"]+)['"]/g, // import x from '…', import '…'
  /\bexport\s+(?:\*|\{[^}]*\}|\*\s+as\s+\w+)\s+from\s+['"]([^'"]+)['"]/g, // export … from '…'
  /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g, // import('…')
  /\bnew\s+URL\(\s*['"]([^'"]+)['"]\s*,\s*import\.meta\.url\s*\)/g, // new URL('…', import.meta.url)
];
// src and href of tags; not <link rel="alternate"> (the oEmbed JSON that `make site` writes, not part of the package).
const HTML_REFERENCES = [/<(?![^>]*\brel="alternate")[a-z]+\s[^>]*?\b(?:src|href)="([^"]+)"/g];
const CSS_REFERENCES = [/url\(\s*['"]?([^'")]+)['"]?\s*\)/g, /@import\s+['"]([^'"]+)['"]/g];

/** The relative references in the file at package path `rel`, as package paths. */
function referencesOf(rel, text) {
  const ext = extname(rel);
  const patterns = ext === '.html' ? HTML_REFERENCES : ext === '.css' ? CSS_REFERENCES : ext === '.js' || rel.endsWith('.d.ts') ? JS_REFERENCES : [];
  const found = [];
  for (const pattern of patterns) {
    for (const m of text.matchAll(pattern)) {
      const ref = m[1].split('#')[0].split('?')[0];
      if (!ref || /^[a-z][a-z0-9+.-]*:/i.test(ref) || ref.startsWith('/') || ref.startsWith('//')) continue;
      if (!ref.startsWith('.') && ext !== '.html' && ext !== '.css') continue; // a bare specifier
      found.push(posix.normalize(posix.join(posix.dirname(rel), ref)));
    }
  }
  return found;
}

/** Every package path reachable from `entries`, with a wasm build folder taken whole. */
export function trace(entries) {
  const seen = new Set();
  const missing = [];
  const queue = [...entries];
  while (queue.length) {
    const rel = queue.shift();
    if (seen.has(rel) || rel.startsWith('..')) continue;
    const file = sourceOf(rel);
    if (!file) {
      missing.push(rel);
      continue;
    }
    seen.add(rel);
    const top = rel.split('/')[0];
    if (/^pkg/.test(top) && rel.includes('/')) {
      for (const name of readdirSync(join(ROOT, 'www', top))) {
        if (/\.(js|wasm|d\.ts)$/.test(name)) queue.push(`${top}/${name}`);
      }
    }
    if (/\.(js|html|css)$/.test(rel) || rel.endsWith('.d.ts')) queue.push(...referencesOf(rel, readFileSync(file, 'utf8')));
  }
  return { files: [...seen].sort(), missing };
}

/**
 * The entry points: the package's own modules and declarations, its data modules (each declared in package/data/,
 * its code, data and README with the source and licence shared with the site in www/data/), the widget pages with
 * their scripts, and the Custom Elements Manifest (custom-elements.json, written by scripts/docs.mjs and named by
 * "customElements").
 */
function entries() {
  const own = readdirSync(join(ROOT, 'package')).filter((n) => n.endsWith('.js') || n.endsWith('.d.ts'));
  const data = readdirSync(join(ROOT, 'package', 'data')).filter((n) => n.endsWith('.d.ts'))
    .flatMap((n) => [`data/${n}`, `data/${n.replace(/\.d\.ts$/, '.js')}`]);
  const embed = readdirSync(join(ROOT, 'www', 'embed')).filter((n) => /\.(html|js)$/.test(n)).map((n) => `embed/${n}`);
  return [...own, ...data, 'data/README.md', ...embed, 'README.md', 'custom-elements.json'];
}

/** Builds the package folder in `out`/package and packs it; returns { dir, tarball, files, size, unpackedSize }. */
export function assemble(out = join(ROOT, 'target')) {
  for (const build of ['pkg', 'pkg-article']) {
    if (!existsSync(join(ROOT, 'www', build))) throw new Error(`www/${build}/ is missing: run make build first`);
  }
  const version = crateVersion();
  const { files, missing } = trace(entries());
  if (missing.length) throw new Error(`references to missing files: ${missing.join(', ')}`);

  const dir = join(out, 'package');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const rel of files) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    cpSync(sourceOf(rel), join(dir, rel));
  }
  const readme = join(dir, 'README.md');
  writeFileSync(readme, readFileSync(readme, 'utf8').replaceAll('{{version}}', version));
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package', 'package.template.json'), 'utf8'));
  manifest.version = version;
  manifest.files = [...new Set(files.map((f) => f.split('/')[0]))].filter((f) => f !== 'README.md').sort();
  if (manifest.customElements && !files.includes(manifest.customElements)) throw new Error(`${manifest.customElements} is missing: run make docs`);
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);

  const [packed] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', out], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }));
  const tarball = join(out, packed.filename);
  return { dir, tarball, version, files: packed.files, size: packed.size, unpackedSize: packed.unpackedSize };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const i = args.indexOf('--out');
  const out = resolve(i >= 0 ? args[i + 1] : join(ROOT, 'target'));
  try {
    const { tarball, files, size, unpackedSize } = assemble(out);
    for (const f of files) console.log(`${String(f.size).padStart(9)}  ${f.path}`);
    console.log(`${relative(process.cwd(), tarball)}: ${files.length} files, ${(unpackedSize / 1024).toFixed(1)} KB unpacked, ${(size / 1024).toFixed(1)} KB gzipped`);
  } catch (e) {
    console.error(`package: ${e.message}`);
    process.exit(1);
  }
}
