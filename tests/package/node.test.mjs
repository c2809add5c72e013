// The package in Node: installed from the tarball into a fresh folder, imported by its name as a developer does,
// with the wasm bytes read from the package (`initSync`) or by `init()`; and its TypeScript declarations checked by
// tsc against code that uses every entry.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../page/helpers.mjs';
import { ARTICLE, VERSION, installApp } from './support.mjs';

const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');

const FILES = {
  // As the README shows it.
  'sync.mjs': `import { readFileSync } from 'node:fs';
import { initSync, train, wasmUrl } from 'backprop-lab';

initSync({ module: readFileSync(wasmUrl) });
console.log(JSON.stringify(train({ x: 1.5, y: 0.5, w: 0.8, lr: 0.1 }, 5).map((r) => String(r.wNext))));
`,
  'async.mjs': `import { init, analyze, stepsToDigits, Descent } from 'backprop-lab';
import * as network from 'backprop-lab/network';

await init();
await network.init();
const article = { x: 1.5, y: 0.5, w: 0.8, lr: 0.1 };
const d = new Descent(article);
d.train(3);
const net = new network.Network({ layers: [1, 1], activation: 'identity', outputActivation: 'identity', loss: 'squared', lr: 0.1, batchSize: 1, bias: false });
net.setParameters([0.8], [0]);
net.setData([1.5, 0.5], []);
net.trainSteps(1);
console.log(JSON.stringify({ regime: analyze(article).regime, digits: stepsToDigits(article, 6), trail: Array.from(d.trail(), String), network: Array.from(net.weights()) }));
`,
  'learn.mjs': `import { checkExpression } from 'backprop-lab/learn';

const at = { x: 1.5, y: 0.5, w: 0.8, yHat: 1.2 };
const expected = { value: 2.1, factors: [{ name: 'dJ/dŷ', text: '2(ŷ − y)', value: 1.4 }, { name: 'dŷ/dw', text: 'x', value: 1.5 }] };
console.log(JSON.stringify([checkExpression('2(ŷ − y)x', at, expected), checkExpression('2(ŷ − y)', at, expected)]));
`,
  'digits.mjs': `import { loadDigits } from 'backprop-lab/data/digits';

const d = await loadDigits();
const counts = new Array(d.classes).fill(0);
for (const label of d.labels) counts[label]++;
console.log(JSON.stringify({ first: Array.from(d.images.subarray(0, 64)), counts, size: [d.images.length, d.width, d.height] }));
`,
  'consumer.ts': `import init, { initSync, step, train, analyze, Descent, wasmUrl } from 'backprop-lab';
import { Network, init as initNetwork } from 'backprop-lab/network';
import { ELEMENTS, defineNetworkElement } from 'backprop-lab/elements';
import type { DescentElement } from 'backprop-lab/elements';
import { checkExpression, type CheckResult } from 'backprop-lab/learn';
import { loadDigits } from 'backprop-lab/data/digits';
import type { Digits } from 'backprop-lab/data/digits';

export async function use(bytes: Uint8Array): Promise<number> {
  await init();
  initSync({ module: bytes });
  await initNetwork();
  const url: URL = wasmUrl;
  const article = { x: 1.5, y: 0.5, w: 0.8, lr: 0.1 };
  const next: number = step(article).wNext;
  const records = train(article, 5);
  const d = new Descent(article);
  const figure: DescentElement = document.createElement('backprop-descent');
  figure.nextStep();
  const steps: number = figure.steps;
  const ctor: CustomElementConstructor = await defineNetworkElement('backprop-playground');
  const net = new Network({ layers: [64, 10], outputActivation: 'softmax', loss: 'crossEntropy' });
  const digits: Digits = await loadDigits();
  const metrics = net.metrics();
  const accuracy: number = metrics.testAccuracy ?? 0;
  const checked: CheckResult = checkExpression('2(ŷ − y)x', { x: 1.5, y: 0.5, w: 0.8, yHat: 1.2 }, 2.1);
  return (checked.ok ? 1 : 0) + digits.images.length + digits.classes + accuracy + next + records.length + d.steps + steps + analyze(article).curvature + url.href.length + net.steps + (ctor ? 1 : 0) + Object.keys(ELEMENTS).length;
}
`,
  'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, noEmit: true, target: 'es2022', module: 'nodenext', moduleResolution: 'nodenext', lib: ['es2022', 'esnext.disposable', 'dom'], types: [] }, files: ['consumer.ts'] }),
};

const app = installApp('node', FILES);
const run = (file) => JSON.parse(execFileSync(process.execPath, [file], { cwd: app, encoding: 'utf8' }));

test("import { initSync, train } from 'backprop-lab' with the wasm bytes read from the package", () => {
  assert.deepEqual(run('sync.mjs'), ARTICLE.slice(1));
});

test("init() in Node reads the module itself; 'backprop-lab/network' gives the Network handle", () => {
  const out = run('async.mjs');
  assert.equal(out.regime, 'monotone');
  assert.equal(out.digits, 25);
  assert.deepEqual(out.trail, ARTICLE.slice(0, 4));
  assert.deepEqual(out.network, [0.59], 'the article’s first step through a one-weight network');
});

test("'backprop-lab/learn' checks a derivation and names the missing factor", () => {
  const [right, lacking] = run('learn.mjs');
  assert.equal(right.ok, true);
  assert.ok(Math.abs(right.value - 2.1) < 1e-12);
  assert.equal(lacking.ok, false);
  assert.equal(lacking.factor, 'dŷ/dw');
});

test("import { loadDigits } from 'backprop-lab/data/digits' in Node reads the digits from the package", () => {
  const out = run('digits.mjs');
  assert.deepEqual(out.size, [1797 * 64, 8, 8]);
  assert.deepEqual(out.first.slice(0, 16), [0, 0, 5, 13, 9, 1, 0, 0, 0, 0, 13, 15, 10, 15, 5, 0], 'the first image, a 0');
  assert.deepEqual(out.counts, [178, 182, 177, 183, 181, 182, 181, 179, 174, 180]);
});

test('the TypeScript declarations of every entry type-check a consumer under strict mode', () => {
  try {
    execFileSync(process.execPath, [TSC, '-p', 'tsconfig.json'], { cwd: app, encoding: 'utf8' });
  } catch (e) {
    assert.fail(`tsc reported:\n${e.stdout}${e.stderr}`);
  }
});

test('the README’s CDN snippets name the version make package builds', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const versions = [...readme.matchAll(/(?:cdn\.jsdelivr\.net\/npm|unpkg\.com)\/backprop-lab@([^/]+)\//g)].map((m) => m[1]);
  assert.ok(versions.length >= 2, 'jsDelivr and unpkg snippets');
  assert.deepEqual([...new Set(versions)], [VERSION]);
});

test('the installed package ships custom-elements.json, named by "customElements", declaring every tag elements.js defines', () => {
  const installed = join(app, 'node_modules', 'backprop-lab');
  const pkg = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
  assert.equal(pkg.customElements, 'custom-elements.json');
  const cem = JSON.parse(readFileSync(join(installed, pkg.customElements), 'utf8'));
  assert.match(cem.schemaVersion, /^2\./);
  // The tags the package registers, read from its own sources (the article's at once, the network figures on demand).
  const source = (path) => readFileSync(join(installed, path), 'utf8');
  const defined = [...`${source('backprop-lab.js')}${source('lib/network-elements.js')}`.matchAll(/^\s+'(backprop-[a-z]+)':/gm)].map((m) => m[1]).sort();
  assert.equal(defined.length, 10, `ten figures: ${defined.join(', ')}`);
  const declared = cem.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.customElement);
  assert.deepEqual(declared.map((d) => d.tagName).sort(), defined);
  const definitions = cem.modules.find((m) => m.path === 'elements.js').exports.filter((e) => e.kind === 'custom-element-definition');
  assert.deepEqual(definitions.map((e) => e.name).sort(), defined, 'elements.js defines every tag');
  for (const d of declared) {
    const module = cem.modules.find((m) => m.declarations?.includes(d));
    assert.ok(readFileSync(join(installed, module.path)).length > 0, `${module.path} is in the package`);
    assert.ok(d.attributes.length >= 2 && d.attributes.every((a) => a.type?.text && a.description), `${d.tagName}: typed, described attributes`);
    assert.ok(d.attributes.some((a) => a.name === 'theme' && a.default === '"auto"'), `${d.tagName}: theme defaults to "auto"`);
  }
});
