// The code blocks of the project's documents and the rules they follow (docs/testing.md, "Writing these docs"):
// extraction, the static checks, and the values that `console.log` lines promise in their comments. The browser and
// Node runs are in docs.test.mjs; everything here is plain text work, so the rules themselves can be tested.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { runInNewContext } from 'node:vm';

/** What each info string means: the only ones a block may carry. */
export const KINDS = {
  html: 'a page body, served on its own origin; its figures must draw',
  'js node': 'an ES module run in Node with the package installed',
  'js browser': 'an ES module run in Chromium, with the package resolved as a bundler does',
  sh: 'shell commands: make targets and paths are checked, nothing is run',
  text: 'output, messages, listings: not run',
};

/**
 * The documents whose blocks are checked, relative to `root`: README.md, ARCHITECTURE.md, docs/*.md, and the npm
 * package's own README (package/README.md, shipped in the tarball, which writes the version for `{{version}}`).
 */
export function documents(root) {
  const docs = readdirSync(join(root, 'docs')).filter((n) => n.endsWith('.md')).sort().map((n) => `docs/${n}`);
  return ['README.md', 'ARCHITECTURE.md', ...docs, 'package/README.md'].filter((f) => existsSync(join(root, f)));
}

/** A document's text as its readers get it (the package's README with its version written in, as make package does). */
export function documentText(root, file, version) {
  const text = readFileSync(join(root, file), 'utf8');
  return file === 'package/README.md' ? text.replaceAll('{{version}}', version) : text;
}

/** The fenced blocks of a Markdown text: { info, code, line } (line: 1-based, of the opening fence). */
export function fencedBlocks(text) {
  const blocks = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(lines[i]);
    if (!open) continue;
    const fence = open[1];
    const body = [];
    let j = i + 1;
    while (j < lines.length && !new RegExp(`^ {0,3}${fence[0]}{${fence.length},}\\s*$`).test(lines[j])) body.push(lines[j++]);
    blocks.push({ info: open[2].trim(), code: body.join('\n'), line: i + 1 });
    i = j;
  }
  return blocks;
}

/** Every block of every document: { file, line, info, code, where ("docs/api.md:42") }. */
export function allBlocks(root, version) {
  return documents(root).flatMap((file) =>
    fencedBlocks(documentText(root, file, version)).map((b) => ({ ...b, file, where: `${file}:${b.line}` })),
  );
}

/**
 * The linking rules: in every block, each `for="…"` names an `id` given in the same block (a pasted snippet brings
 * its own figures; "…" is a placeholder, not an id); in markup (`html` blocks), every <backprop-descent> has an id,
 * so that other figures can be pointed at it. Returns the problems found, as sentences.
 */
export function linkProblems(code, { markup = true } = {}) {
  const problems = [];
  const ids = new Set([...code.matchAll(/\bid="([^"]*)"/g)].map((m) => m[1]));
  for (const tag of code.matchAll(/<(backprop-[a-z-]+)\b[^>]*>/g)) {
    const target = /\bfor="([^"]*)"/.exec(tag[0])?.[1];
    if (target !== undefined && !ids.has(target)) problems.push(`<${tag[1]} for="${target}"> names no id of this snippet`);
    if (markup && tag[1] === 'backprop-descent' && !/\bid="[^"]+"/.test(tag[0])) problems.push('a <backprop-descent> without an id');
  }
  return problems;
}

/** The targets a Makefile defines. */
export function makeTargets(makefile) {
  return new Set([...makefile.matchAll(/^([A-Za-z][\w-]*)\s*:(?!=)/gm)].map((m) => m[1]));
}

const REPO_PATH = /^(?:scripts|tests|www|docs|src|bench|examples|package)\/[^\s'"`]*[^\s'"`.,:;)]$/;
/** Paths of other projects the docs name (TensorFlow Playground's trainer, in performance.md). */
const ELSEWHERE = new Set(['src/nn.ts']);

/**
 * What a shell block (or a command in the prose) refers to that does not exist: `make X` with no target X, a
 * repository path that is missing, `cargo test --test X` with no tests/X.rs.
 */
export function commandProblems(code, { targets, root }) {
  const problems = [];
  for (const raw of code.split('\n')) {
    const line = raw.replace(/(^|\s)#.*$/, '');
    for (const m of line.matchAll(/\bmake\s+((?:[A-Z_]+=\S+\s+)*)([a-z][\w-]*)/g)) {
      if (!targets.has(m[2])) problems.push(`make ${m[2]}: no such Makefile target`);
    }
    for (const m of line.matchAll(/\bcargo test\b.*?--test\s+([a-z_]+)\b/g)) {
      if (!existsSync(join(root, 'tests', `${m[1]}.rs`))) problems.push(`cargo test --test ${m[1]}: no tests/${m[1]}.rs`);
    }
    for (const token of line.split(/\s+/)) {
      if (/[*…<>{}]/.test(token)) continue; // a pattern or a placeholder (docs/*.md, scripts/…), not a path
      if (REPO_PATH.test(token) && !ELSEWHERE.has(token) && !existsSync(join(root, token))) problems.push(`${token}: no such file`);
    }
  }
  return problems;
}

/** The inline code spans of a Markdown text outside fenced blocks ("make serve", …). */
export function inlineCode(text) {
  const outside = text.replace(/^ {0,3}(`{3,}|~{3,})[^\n]*\n[\s\S]*?\n {0,3}\1\s*$/gm, '');
  return [...outside.matchAll(/(`+)([^`\n]+?)\1/g)].map((m) => m[2]);
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
export function anchor(heading) {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/ /g, '-');
}

/**
 * Relative links of a document that lead nowhere: a missing file, or a #fragment that is no heading of the Markdown
 * file it points into. `pending` lists files that other work is adding; they are reported apart.
 */
export function linkTargets(root, file) {
  const text = readFileSync(join(root, file), 'utf8').replace(/^ {0,3}(`{3,}|~{3,})[^\n]*\n[\s\S]*?\n {0,3}\1\s*$/gm, '');
  const found = [];
  for (const m of text.matchAll(/\]\(([^)\s]+)\)/g)) {
    const href = m[1];
    if (/^[a-z]+:/i.test(href)) continue;
    const [path, fragment] = href.split('#');
    const target = path ? relative(root, join(root, dirname(file), path)) : file;
    found.push({ href, target, fragment: fragment ?? null });
  }
  return found;
}

/** The headings' anchors of a Markdown file. */
export function anchors(root, file) {
  const text = readFileSync(join(root, file), 'utf8').replace(/^ {0,3}(`{3,}|~{3,})[^\n]*\n[\s\S]*?\n {0,3}\1\s*$/gm, '');
  return new Set([...text.matchAll(/^#{1,6}\s+(.+)$/gm)].map((m) => anchor(m[1])));
}

/**
 * The value a JavaScript literal in a comment stands for: the longest start of `text` that evaluates, in a context of
 * its own with nothing but the language's built-ins, to a value that is not a function ("[0.59, 0.4745]",
 * "0.517: …" → 0.517). Undefined when none does.
 */
export function literalValue(text) {
  for (let end = text.length; end > 0; end--) {
    const source = text.slice(0, end).trim();
    if (!source) break;
    let value;
    try {
      value = runInNewContext(`(${source})`, Object.create(null));
    } catch {
      continue; // not an expression, or it names something: try a shorter start
    }
    if (typeof value === 'function') continue;
    // Into this realm's arrays and objects, as the logged values arrive.
    return { value: value === undefined ? undefined : decodeLog(encodeLog([value])), source };
  }
  return undefined;
}

/**
 * The values a JavaScript block promises: for each `console.log(…)` line, in order, the comment that ends it, or the
 * comment lines right below it. Returns { expected: [{ line, source, value }], problems }.
 */
export function promisedLogs(code) {
  const lines = code.split('\n');
  const expected = [];
  const problems = [];
  lines.forEach((line, i) => {
    if (!/\bconsole\.log\(/.test(line)) return;
    let comment = /\/\/\s?(.*)$/.exec(line.slice(line.lastIndexOf(');') + 2))?.[1] ?? '';
    if (!comment.trim()) {
      const below = [];
      for (let k = i + 1; k < lines.length && /^\s*\/\//.test(lines[k]); k++) below.push(lines[k].replace(/^\s*\/\/\s?/, ''));
      comment = below.join(' ');
    }
    const parsed = literalValue(comment);
    if (parsed === undefined) problems.push(`line ${i + 1}: console.log without the value it prints in a comment (${line.trim()})`);
    else expected.push({ line: i + 1, source: parsed.source, value: parsed.value });
  });
  return { expected, problems };
}

/** What `console.log` hands the test, as JSON: typed arrays as arrays, non-finite numbers and undefined kept. */
export const ENCODE_SOURCE = `(args) => JSON.stringify(args.length === 1 ? args[0] : args, function (key, v) {
  if (typeof v === 'number' && !Number.isFinite(v)) return { $number: String(v) };
  if (v === undefined) return { $undefined: true };
  if (ArrayBuffer.isView(v)) return Array.from(v);
  return v;
})`;

/** ENCODE_SOURCE, here. */
const encodeLog = (0, eval)(ENCODE_SOURCE);

/** The value `ENCODE_SOURCE` wrote. */
export function decodeLog(json) {
  return JSON.parse(json, (key, v) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      if (typeof v.$number === 'string') return Number(v.$number);
      if (v.$undefined === true) return undefined;
    }
    return v;
  });
}

/** Every identifier (and `#private` name) written in the project's code: src/, www/ (with the generated declarations), package/, scripts/. */
export function codeWords(root) {
  const files = ['src', 'www', 'package', 'scripts'].flatMap((dir) =>
    readdirSync(join(root, dir), { recursive: true }).filter((f) => /\.(rs|js|mjs|html|d\.ts)$/.test(f)).map((f) => join(root, dir, f)),
  );
  return new Set(files.flatMap((f) => readFileSync(f, 'utf8').match(/#?\w+/g) ?? []));
}

/**
 * The names a text gives in inline code (`onInput`, `Fields::new`, `model.setConfig(config)`, `#peek()`) that the
 * code does not have: each part of each name must be a word of `words`. File paths and anything with spaces or
 * quotes are left to the other checks.
 */
export function unknownNames(text, words) {
  const unknown = [];
  for (const span of inlineCode(text)) {
    const bare = span.replace(/^new\s+/, '').replace(/\([^()]*\)/g, '');
    if (!/^#?[A-Za-z_]\w*(?:(?:\.|::|#)\w+)*$/.test(bare)) continue;
    const parts = bare.match(/#?\w+/g).map((w) => w.replace(/^(\w+)#/, ''));
    const missing = parts.filter((w) => !words.has(w));
    if (missing.length) unknown.push(`\`${span}\`: ${missing.join(', ')}`);
  }
  return unknown;
}
