// Fails on an export nobody imports: every `export` of www/lib/**/*.js and package/*.js must be imported by some
// module, page, test or script of the repository, unless it is part of the package's public surface (the entries
// at the top of package/ (index.js, network.js, elements.js, learn.js, …), and whatever they re-export).
//
//   node scripts/unused-exports.mjs        (run by `make lint`)
//
// It reads ES module syntax with regular expressions (comments removed first): `export const|let|var|function|class`,
// `export { a, b as c } [from …]`, `export * from …`, `export default`; `import d, { a, b as c } from …`,
// `import * as ns from …` (every export counts as imported), and `import('…')` (the names destructured from it, or
// every export). A relative specifier resolves as the package does: from package/, the file there or else in www/.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The public entries of the package (every module at the top of package/): their exports are its API. */
const ENTRIES = readdirSync(join(ROOT, 'package')).filter((n) => n.endsWith('.js')).map((n) => `package/${n}`);

/** Every file under `dir` (relative to `root`) whose name passes `keep`, skipping generated and installed folders. */
function walk(root, dir, keep, out = []) {
  const abs = join(root, dir);
  if (!existsSync(abs)) return out;
  for (const name of readdirSync(abs)) {
    if (name === 'node_modules' || name.startsWith('pkg') || name.startsWith('.')) continue;
    const rel = join(dir, name);
    if (statSync(join(root, rel)).isDirectory()) walk(root, rel, keep, out);
    else if (keep(name)) out.push(rel);
  }
  return out;
}

/** Source without comments (a `//` only after a space or at a line's start, so URLs in strings survive). */
export function stripComments(text) {
  return text.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/(^|[\s;{}(),])\/\/[^\n]*/g, '$1');
}

/** The names in an import or export list: "a, b as c" → [[a, a], [b, c]] as [local or imported, exported]. */
function names(list) {
  return list
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      const [from, as] = s.split(/\s+as\s+/).map((t) => t.trim());
      return [from, as ?? from];
    });
}

/**
 * The module text's exports and imports: { exports: Set<name>, stars: [specifier], imports: [{ specifier,
 * names: Set<name> | 'all' }] }.
 */
export function parseModule(source) {
  const text = stripComments(source);
  const exports = new Set();
  const stars = [];
  const imports = [];
  for (const m of text.matchAll(/\bexport\s+(?:async\s+)?function\s*\*?\s*([\w$]+)/g)) exports.add(m[1]);
  for (const m of text.matchAll(/\bexport\s+class\s+([\w$]+)/g)) exports.add(m[1]);
  for (const m of text.matchAll(/\bexport\s+(?:const|let|var)\s+([\w$]+)/g)) exports.add(m[1]);
  for (const m of text.matchAll(/\bexport\s+(?:const|let|var)\s*[{[]([^}\]]*)[}\]]\s*=/g)) {
    for (const [, as] of names(m[1].replace(/:\s*/g, ' as '))) exports.add(as.replace(/\s*=.*$/, ''));
  }
  if (/\bexport\s+default\b/.test(text)) exports.add('default');
  for (const m of text.matchAll(/\bexport\s*\{([^}]*)\}(?:\s*from\s*['"]([^'"]+)['"])?/g)) {
    const list = names(m[1]);
    for (const [, as] of list) exports.add(as);
    if (m[2]) imports.push({ specifier: m[2], names: new Set(list.map(([from]) => from)) });
  }
  for (const m of text.matchAll(/\bexport\s*\*\s*(?:as\s+[\w$]+\s+)?from\s*['"]([^'"]+)['"]/g)) stars.push(m[1]);
  for (const m of text.matchAll(/\bimport\s+([\w$]+\s*,?\s*)?(?:\{([^}]*)\})?\s*from\s*['"]([^'"]+)['"]/g)) {
    const used = new Set(m[2] ? names(m[2]).map(([from]) => from) : []);
    if (m[1]) used.add('default');
    imports.push({ specifier: m[3], names: used });
  }
  for (const m of text.matchAll(/\bimport\s*\*\s*as\s+[\w$]+\s+from\s*['"]([^'"]+)['"]/g)) imports.push({ specifier: m[1], names: 'all' });
  for (const m of text.matchAll(/(?:\{([^{}]*)\}\s*=\s*await\s+)?\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) {
    imports.push({ specifier: m[2], names: m[1] ? new Set(names(m[1].replace(/:\s*[\w$]+/g, '')).map(([from]) => from)) : 'all' });
  }
  // A module loaded by a page or a worker, for its side effects: no names.
  for (const m of text.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) imports.push({ specifier: m[1], names: new Set() });
  return { exports, stars, imports };
}

/**
 * The file (relative to `root`) a `specifier` written in `from` names, or null (a bare specifier). A specifier from
 * the site's root ("/lib/…", as a page test imports in the browser) names a file of www/.
 */
function resolveSpecifier(root, from, specifier) {
  if (specifier.startsWith('/') && !specifier.startsWith('//')) return join('www', specifier.split(/[?#]/)[0]);
  if (!specifier.startsWith('.')) return null;
  const rel = join(dirname(from), specifier.split(/[?#]/)[0]);
  if (rel.startsWith('package/') && !existsSync(join(root, rel))) return join('www', relative('package', rel));
  return rel;
}

/** The unused exports of the repository at `root`: [{ file, name }]. */
export function unusedExports(root = ROOT) {
  const js = (name) => /\.(m?js|html)$/.test(name);
  const scanned = [...walk(root, 'www/lib', (n) => n.endsWith('.js')), ...readdirSync(join(root, 'package')).filter((n) => n.endsWith('.js')).map((n) => join('package', n))];
  const readers = new Set(['www', 'package', 'tests', 'scripts'].flatMap((dir) => walk(root, dir, js)));
  const modules = new Map([...readers].map((file) => [file, parseModule(readFileSync(join(root, file), 'utf8'))]));

  const used = new Map(); // file → Set of names, or 'all'
  const use = (file, set) => {
    if (!file) return;
    const had = used.get(file);
    if (had === 'all' || set === 'all') return used.set(file, 'all');
    used.set(file, new Set([...(had ?? []), ...set]));
  };
  for (const [file, { imports }] of modules) for (const { specifier, names: n } of imports) use(resolveSpecifier(root, file, specifier), n);

  // The public surface: the entries, and every module they re-export whole (followed to the end).
  const publicFiles = new Set();
  const open = [...ENTRIES];
  while (open.length) {
    const file = open.pop();
    if (publicFiles.has(file) || !modules.has(file)) continue;
    publicFiles.add(file);
    for (const s of modules.get(file).stars) open.push(resolveSpecifier(root, file, s));
  }
  // A module re-exported whole by a module whose names are imported: its names are imported through it.
  for (const [file, { stars }] of modules) {
    for (const s of stars) {
      const target = resolveSpecifier(root, file, s);
      const through = used.get(file);
      if (through) use(target, through);
    }
  }

  const unused = [];
  for (const file of scanned) {
    if (publicFiles.has(file)) continue;
    const u = used.get(file);
    if (u === 'all') continue;
    for (const name of modules.get(file)?.exports ?? []) if (!u?.has(name)) unused.push({ file, name });
  }
  return unused;
}

/**
 * The other side: names imported from a module of www/ or package/ that it does not export (an `export` dropped
 * while another module still imports the name fails only when that module loads, in a browser): [{ file, specifier,
 * name }].
 */
export function missingImports(root = ROOT) {
  const js = (name) => /\.m?js$/.test(name);
  const files = ['www', 'package'].flatMap((dir) => walk(root, dir, js));
  const modules = new Map(files.map((file) => [file, parseModule(readFileSync(join(root, file), 'utf8'))]));
  const exportsOf = (file, seen = new Set()) => {
    const m = modules.get(file);
    if (!m || seen.has(file)) return new Set();
    seen.add(file);
    const out = new Set(m.exports);
    for (const s of m.stars) for (const name of exportsOf(resolveSpecifier(root, file, s), seen)) out.add(name);
    return out;
  };
  const missing = [];
  for (const [file, { imports }] of modules) {
    for (const { specifier, names: n } of imports) {
      const target = resolveSpecifier(root, file, specifier);
      if (n === 'all' || !modules.has(target)) continue; // a bare specifier, or a generated module (www/pkg*)
      const exported = exportsOf(target);
      for (const name of n) if (name !== 'default' && !exported.has(name)) missing.push({ file, specifier, name });
    }
  }
  return missing;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const unused = unusedExports();
  for (const { file, name } of unused) console.error(`${file}: export ${name} is imported nowhere (remove it, or drop the export keyword)`);
  const missing = missingImports();
  for (const { file, specifier, name } of missing) console.error(`${file}: imports ${name} from ${specifier}, which does not export it`);
  if (unused.length || missing.length) process.exit(1);
  console.log('unused-exports: every export of www/lib and package/ is imported, and every name imported is exported');
}
