// Every code block of README.md, ARCHITECTURE.md, docs/*.md and package/README.md works as it is written (the rules
// are in docs/testing.md, "Writing these docs", and in doc-blocks.mjs):
//   ```html        the body of a page served on origin A, under a strict CSP that allows A and the "CDN", origin B.
//                  B serves the package as `make package` packs it, at the paths jsDelivr and unpkg use; the
//                  snippet's https://cdn.jsdelivr.net/ and https://unpkg.com/ are the only text changed (to B).
//                  /backprop-lab/ on A is the built www/, copied to the author's site as the docs say. Every figure
//                  must draw, a `for` must show its source's descent, an iframe must be sized by its widget, and
//                  no console error or warning, page error or CSP violation may appear.
//   ```js node     an ES module run by Node with the packed package installed as node_modules/backprop-lab;
//   ```js browser  an ES module run in Chromium on A, `backprop-lab` resolved by an import map made from the
//                  package's own `exports` (as a bundler resolves it). In both, each console.log line prints the
//                  value its comment states, compared exactly.
//   ```sh          make targets, script paths and test names must exist; nothing runs.
//   ```text        not run.
// And the prose: links and their #fragments lead somewhere, `make X` and repository paths exist, the names
// ARCHITECTURE.md gives are in the code, and each link to a page with its state (`network.html#v=1&…`) opens with
// every setting used.
// Needs the built www/pkg and www/pkg-article (make build); the package is packed here, into a scratch folder.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../scripts/serve.mjs';
import { assemble, crateVersion } from '../../scripts/package.mjs';
import { ROOT, launchBrowser } from './helpers.mjs';
import {
  ENCODE_SOURCE, KINDS, allBlocks, anchors, codeWords, commandProblems, decodeLog, documents, inlineCode, linkProblems,
  linkTargets, makeTargets, promisedLogs, unknownNames,
} from './doc-blocks.mjs';

const VERSION = crateVersion();
const BLOCKS = allBlocks(ROOT, VERSION);
const TARGETS = makeTargets(readFileSync(join(ROOT, 'Makefile'), 'utf8'));
/** Files being added on another branch (the author's page and its generated reference): links to them are checked
 * once they exist. */
const PENDING = new Set(['www/author.html', 'docs/elements.md']);
const NONCE = 'docs-test';
const LOG_MARK = '\u0001log ';

const scratch = mkdtempSync(join(tmpdir(), 'backprop-lab-docs-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));

// --- the rules, without running anything -------------------------------------------------------------------------

test('every code block says what it is: html, js node, js browser, sh or text', () => {
  assert.ok(BLOCKS.length >= 10, `found ${BLOCKS.length} blocks in ${documents(ROOT).join(', ')}`);
  const unknown = BLOCKS.filter((b) => !Object.hasOwn(KINDS, b.info)).map((b) => `${b.where}: \`\`\`${b.info}`);
  assert.deepEqual(unknown, [], `blocks must be marked as one of: ${Object.keys(KINDS).join(', ')}`);
});

test('no snippet has a placeholder for, or a descent without an id', () => {
  const found = BLOCKS.flatMap((b) => linkProblems(b.code, { markup: b.info === 'html' }).map((p) => `${b.where}: ${p}`));
  assert.deepEqual(found, []);
});

test('the linking rules refuse a placeholder for and a descent without an id (so the check above can fail)', () => {
  const broken = '<backprop-descent x="1.5" controls></backprop-descent>\n<backprop-table for="…"></backprop-table>';
  assert.deepEqual(linkProblems(broken), ['a <backprop-descent> without an id', '<backprop-table for="…"> names no id of this snippet']);
  assert.deepEqual(linkProblems('<backprop-descent id="d"></backprop-descent><backprop-table for="d"></backprop-table>'), []);
});

test('every make target, script, test file and path the docs name exists', () => {
  const problems = [];
  const where = { targets: TARGETS, root: ROOT };
  for (const b of BLOCKS.filter((x) => x.info === 'sh')) problems.push(...commandProblems(b.code, where).map((p) => `${b.where}: ${p}`));
  for (const file of documents(ROOT)) {
    for (const code of inlineCode(readFileSync(join(ROOT, file), 'utf8'))) {
      const found = commandProblems(code, where).filter((p) => !PENDING.has(p.replace(/: no such file$/, '')));
      problems.push(...found.map((p) => `${file}: \`${code}\`: ${p}`));
    }
  }
  assert.deepEqual(problems, []);
  assert.deepEqual(commandProblems('make sevre\nnode scripts/nothing.mjs', where), [
    'make sevre: no such Makefile target',
    'scripts/nothing.mjs: no such file',
  ]);
});

test('every relative link leads to a file, and every #fragment to a heading of it', (t) => {
  const problems = [];
  for (const file of documents(ROOT)) {
    for (const { href, target, fragment } of linkTargets(ROOT, file)) {
      if (!existsSync(join(ROOT, target))) {
        if (PENDING.has(target)) t.diagnostic(`${file}: ${href} is not here yet (it comes from the author's work)`);
        else problems.push(`${file}: ${href}: no file ${target}`);
        continue;
      }
      if (fragment && target.endsWith('.md') && !anchors(ROOT, target).has(fragment)) problems.push(`${file}: ${href}: no heading #${fragment} in ${target}`);
    }
  }
  assert.deepEqual(problems, []);
});

test('every console.log line of a js block states the value it prints', () => {
  const problems = BLOCKS.filter((b) => b.info.startsWith('js ')).flatMap((b) => promisedLogs(b.code).problems.map((p) => `${b.where}: ${p}`));
  assert.deepEqual(problems, []);
});

test('every function, method, class and field ARCHITECTURE.md names in code is in the code', () => {
  const words = codeWords(ROOT);
  assert.deepEqual(unknownNames(readFileSync(join(ROOT, 'ARCHITECTURE.md'), 'utf8'), words), []);
  assert.deepEqual(unknownNames('`DescentModel.setConfig(config)`, `Fields::new`, `#peek()`, `readAttribute`', words), ['`readAttribute`: readAttribute']);
});

test('the README is a front door: about 150 lines, its first screen names the two commands', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8').split('\n');
  assert.ok(readme.length <= 170, `README.md has ${readme.length} lines`);
  const firstScreen = readme.slice(0, 30).join('\n');
  for (const command of ['make serve', 'make test']) assert.ok(firstScreen.includes(command), `${command} in the first 30 lines`);
});

// --- running them ------------------------------------------------------------------------------------------------

let browser;
let site;
let cdn;
let nodeApp;
let importMap;

before(async () => {
  const pkg = assemble(join(scratch, 'out')).dir;
  const manifest = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8'));

  // Origin B, the CDN: the package where jsDelivr and unpkg serve it, with the CORS header both send.
  const cdnRoot = join(scratch, 'cdn');
  mkdirSync(join(cdnRoot, 'npm'), { recursive: true });
  symlinkSync(pkg, join(cdnRoot, 'npm', `backprop-lab@${VERSION}`));
  symlinkSync(pkg, join(cdnRoot, `backprop-lab@${VERSION}`));
  cdn = await startServer({ root: cdnRoot, headers: { 'Access-Control-Allow-Origin': '*' } });
  const b = new URL(cdn.url).origin;

  // Origin A, the author's site: the snippets' pages, and the built www/ copied to /backprop-lab/.
  const siteRoot = join(scratch, 'site');
  mkdirSync(siteRoot, { recursive: true });
  symlinkSync(join(ROOT, 'www'), join(siteRoot, 'backprop-lab'));
  writeFileSync(join(siteRoot, 'favicon.svg'), readFileSync(join(ROOT, 'www', 'favicon.svg')));
  const policy = `default-src 'self' ${b}; script-src 'self' ${b} 'nonce-${NONCE}' 'wasm-unsafe-eval'; style-src 'self' ${b}`;
  site = await startServer({ root: siteRoot, csp: policy, reportViolations: true });
  site.root = siteRoot;

  // The package's entries as a bundler resolves them, for `js browser` blocks.
  const imports = {};
  for (const [key, target] of Object.entries(manifest.exports)) {
    if (key.includes('*') || key.endsWith('.json')) continue;
    imports[key.replace(/^\./, 'backprop-lab')] = `${b}/npm/backprop-lab@${VERSION}/${(target.default ?? target).replace(/^\.\//, '')}`;
  }
  importMap = JSON.stringify({ imports });

  // A Node app with the package installed, for `js node` blocks; console.log hands its values to the test.
  nodeApp = join(scratch, 'node-app');
  mkdirSync(join(nodeApp, 'node_modules'), { recursive: true });
  symlinkSync(pkg, join(nodeApp, 'node_modules', 'backprop-lab'));
  writeFileSync(join(nodeApp, 'package.json'), JSON.stringify({ name: 'docs-snippets', private: true, type: 'module' }));
  const capture = `console.log = (...args) => process.stdout.write(${JSON.stringify(LOG_MARK)} + encode(args) + '\\n');`;
  writeFileSync(join(nodeApp, 'capture.mjs'), `const encode = ${ENCODE_SOURCE};\n${capture}\n`);

  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  for (const s of [site, cdn]) {
    if (!s) continue;
    s.server.closeAllConnections();
    await new Promise((done) => s.server.close(done));
  }
});

/** The snippet with the CDNs' addresses pointed at origin B (the only change made to it). */
const throughCdn = (code) => code.replaceAll('https://cdn.jsdelivr.net/', `${cdn.url}`).replaceAll('https://unpkg.com/', `${cdn.url}`);

const pageName = (block) => `${block.file.replace(/[^\w]+/g, '-')}-${block.line}`;

/** Opens `path` on origin A in a fresh page that records every problem a reader or an author would see. */
async function open(path) {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
  const problems = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e}`));
  page.on('request', (r) => {
    const u = r.url();
    if (![site.url, cdn.url].some((o) => u.startsWith(o)) && !/^(blob|data):/.test(u)) problems.push(`request outside A and B: ${u}`);
  });
  const violations = site.violations.length;
  await page.goto(new URL(path, site.url).href);
  return { page, problems, violations: () => site.violations.slice(violations) };
}

/**
 * Waits until every figure of the page (and of its iframes) has drawn: each scrolled into view, `ready`, its frame
 * laid out, no notice of a problem in it, and a figure with `for` showing its source's descent. An iframe must be
 * sized by the height its widget reports (resize.js). Returns what was checked, for the failure messages.
 */
async function figuresDrawn(page, where) {
  const tags = await page.evaluate(() => [...document.querySelectorAll('*')].filter((e) => e.localName.startsWith('backprop-')).map((e) => e.localName));
  const frames = await page.locator('iframe').count();
  assert.ok(tags.length + frames > 0, `${where}: the snippet shows no figure`);
  for (let i = 0; i < tags.length; i++) {
    const n = tags.slice(0, i).filter((t) => t === tags[i]).length; // the how-manyth of its tag
    await page.locator(tags[i]).nth(n).scrollIntoViewIfNeeded();
    await page.waitForFunction(
      ([tag, k]) => {
        const el = document.querySelectorAll(tag)[k];
        return el?.ready === true && el.shadowRoot.childElementCount > 0 && el.getBoundingClientRect().height > 20;
      },
      [tags[i], n],
      { timeout: 20000 },
    ).catch(() => assert.fail(`${where}: <${tags[i]}> did not draw`));
  }
  const state = await page.evaluate(() =>
    [...document.querySelectorAll('*')].filter((e) => e.localName.startsWith('backprop-')).map((el) => {
      const source = el.getAttribute('for');
      const notices = [...el.shadowRoot.querySelectorAll('.problem')].filter((p) => !p.hidden && p.textContent.trim()).map((p) => p.textContent.trim());
      return { tag: el.localName, for: source, linked: source ? Boolean(el.model) && el.model === document.getElementById(source)?.model : null, notices };
    }),
  );
  for (const s of state) {
    assert.deepEqual(s.notices, [], `${where}: <${s.tag}> shows a problem`);
    if (s.for !== null) assert.equal(s.linked, true, `${where}: <${s.tag} for="${s.for}"> shows the descent of #${s.for}`);
  }
  for (let i = 0; i < frames; i++) {
    const iframe = page.locator('iframe').nth(i);
    await iframe.scrollIntoViewIfNeeded();
    const frame = await (await iframe.elementHandle()).contentFrame();
    await frame.waitForFunction(() => {
      const figures = [...document.querySelectorAll('*')].filter((e) => e.localName.startsWith('backprop-'));
      return figures.length > 0 && figures.every((f) => f.ready === true);
    }, null, { timeout: 20000 }).catch(() => assert.fail(`${where}: the iframe's widget did not draw`));
    await page.waitForFunction((n) => document.querySelectorAll('iframe')[n].style.height !== '', i, { timeout: 10000 })
      .catch(() => assert.fail(`${where}: the iframe was not sized by its widget's height`));
  }
  return state;
}

for (const block of BLOCKS.filter((b) => b.info === 'html')) {
  test(`${block.where}: the html snippet, pasted into a page of its own origin, draws its figures with no error`, async () => {
    const name = `${pageName(block)}.html`;
    writeFileSync(
      join(site.root, name),
      `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${block.where}</title><link rel="icon" href="favicon.svg"></head>
<body>
${throughCdn(block.code)}
</body>
</html>
`,
    );
    const { page, problems, violations } = await open(name);
    try {
      await figuresDrawn(page, block.where);
      await page.waitForTimeout(200); // a warning written after the first drawing still counts
      assert.deepEqual(problems, [], `${block.where}: what the page reported`);
      assert.deepEqual(violations(), [], `${block.where}: CSP violations`);
    } finally {
      await page.close();
    }
  });
}

/** Compares what a block's console.log lines printed with the values their comments state. */
function assertLogs(block, printed) {
  const { expected } = promisedLogs(block.code);
  assert.equal(printed.length, expected.length, `${block.where}: ${expected.length} console.log lines, ${printed.length} values printed`);
  expected.forEach((e, i) => {
    const message = `${block.where}, line ${e.line} of the block: printed ${JSON.stringify(printed[i])}, the comment says ${e.source}`;
    assert.deepStrictEqual(printed[i], e.value, message);
  });
}

for (const block of BLOCKS.filter((b) => b.info === 'js node')) {
  test(`${block.where}: the js snippet runs in Node against the package and prints what its comments say`, () => {
    const file = join(nodeApp, `${pageName(block)}.mjs`);
    writeFileSync(file, `${block.code}\n`);
    let out;
    try {
      out = execFileSync(process.execPath, ['--import', './capture.mjs', file], {
        cwd: nodeApp, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 60000,
      });
    } catch (e) {
      assert.fail(`${block.where}: the snippet failed in Node:\n${e.stderr || e.message}`);
    }
    const printed = out.split('\n').filter((l) => l.startsWith(LOG_MARK)).map((l) => decodeLog(l.slice(LOG_MARK.length)));
    assertLogs(block, printed);
  });
}

for (const block of BLOCKS.filter((b) => b.info === 'js browser')) {
  test(`${block.where}: the js snippet runs in Chromium with the package resolved as a bundler does`, async () => {
    const name = pageName(block);
    writeFileSync(join(site.root, `${name}.js`), `${block.code}\n`);
    writeFileSync(
      join(site.root, `${name}.html`),
      `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${block.where}</title><link rel="icon" href="favicon.svg">
<script type="importmap" nonce="${NONCE}">${importMap}</script>
<script nonce="${NONCE}">
  window.__logs = [];
  const encode = ${ENCODE_SOURCE};
  console.log = (...args) => window.__logs.push(encode(args));
</script>
<script type="module" nonce="${NONCE}">
  import('./${name}.js').then(() => { window.__snippet = 'done'; }, (e) => { window.__snippet = String(e && e.stack || e); });
</script>
</head>
<body></body>
</html>
`,
    );
    const { page, problems, violations } = await open(`${name}.html`);
    try {
      await page.waitForFunction(() => window.__snippet !== undefined, null, { timeout: 30000 });
      assert.equal(await page.evaluate(() => window.__snippet), 'done', `${block.where}: the module ran to its end`);
      assertLogs(block, (await page.evaluate(() => window.__logs)).map(decodeLog));
      const figures = await page.evaluate(() => [...document.querySelectorAll('*')].some((e) => e.localName.startsWith('backprop-')));
      if (figures) await figuresDrawn(page, block.where);
      assert.deepEqual(problems, [], `${block.where}: what the page reported`);
      assert.deepEqual(violations(), [], `${block.where}: CSP violations`);
    } finally {
      await page.close();
    }
  });
}

/** The links to a page with its state that the docs give in inline code (`network.html#v=1&data=spiral&…`). */
const isStateLink = (code) => /^[\w/-]+\.html#v=\d/.test(code) && !code.includes('…'); // "…": a placeholder
const STATE_LINKS = documents(ROOT).flatMap((file) =>
  inlineCode(readFileSync(join(ROOT, file), 'utf8')).filter(isStateLink).map((link) => ({ file, link })),
);

for (const { file, link } of STATE_LINKS) {
  test(`${file}: the link ${link.slice(0, 40)}… opens its page with every setting used`, async () => {
    const { page, problems, violations } = await open(`backprop-lab/${link}`);
    try {
      const drawn = () => [...document.querySelectorAll('*')].some((e) => e.localName.startsWith('backprop-') && e.ready);
      await page.waitForFunction(drawn, null, { timeout: 20000 });
      const notice = await page.evaluate(() => {
        const n = document.getElementById('url-notice');
        return n && !n.hidden ? n.textContent : null;
      });
      assert.equal(notice, null, `${file}: the page refused part of the link`);
      assert.deepEqual(problems, [], `${file}: what the page reported`);
      assert.deepEqual(violations(), [], `${file}: CSP violations`);
    } finally {
      await page.close();
    }
  });
}
