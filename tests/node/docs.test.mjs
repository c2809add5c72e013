// The reference and the manifest are the figures' tables written out: the committed docs/elements.md and
// package/custom-elements.json are what scripts/docs.mjs writes from the tables now (so a table changed without
// `make docs` fails here); every table says what the author's page and the reference need (a type, bounds, choices,
// a meaning) and reads back its own defaults; the catalogue lists exactly the figures backprop-lab.js defines, with
// the events their sources send; and the author-facing names (link keys beside attributes, the nearest name to a
// misspelling, the version notice of links only) behave.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OUTPUTS, outputs } from '../../scripts/docs.mjs';
import { ROOT } from '../page/helpers.mjs';
import { readFragment, refusalText } from '../../www/lib/fields.js';
import { editDistance, nearestName } from '../../www/lib/nearest-name.js';
import { PLAYGROUND_FIELDS } from '../../www/lib/playground-state.js';

const generated = await outputs();
const { CATALOGUE } = await import('../../www/lib/author/catalogue.js');
const classes = Object.fromEntries(await Promise.all(CATALOGUE.map(async (f) => [f.tag, (await import(`../../www/${f.module}`))[f.className]])));
const source = (path) => readFileSync(join(ROOT, path), 'utf8');

test('docs/elements.md, custom-elements.json and the page’s version are what make docs writes from the tables now', () => {
  for (const path of Object.values(OUTPUTS)) {
    assert.equal(source(path), generated[path], `${path} disagrees with the figures’ tables: run make docs`);
  }
});

test('the catalogue lists exactly the figures backprop-lab.js defines (the article’s and the network figures)', () => {
  const defined = [...`${source('www/backprop-lab.js')}${source('www/lib/network-elements.js')}`.matchAll(/^\s+'(backprop-[a-z]+)':/gm)].map((m) => m[1]);
  assert.deepEqual(CATALOGUE.map((f) => f.tag).sort(), defined.sort());
  assert.equal(defined.length, 10);
});

test('each figure’s documented events are the ones its source sends (a descent figure also forwards its descent’s)', () => {
  const forwarded = /for \(const type of \[([^\]]+)\]\)/.exec(source('www/lib/elements/figure-element.js'))[1].match(/[a-z]+/g);
  assert.deepEqual(forwarded, ['step', 'diverge', 'reset']);
  for (const f of CATALOGUE) {
    // Sent as new CustomEvent('name', …), or through the element's own #emit('name', …).
    const sent = new Set([...source(`www/${f.module}`).matchAll(/(?:new CustomEvent|#emit)\('([a-z]+)'/g)].map((m) => m[1]));
    if (source(`www/${f.module}`).includes('extends FigureElement')) forwarded.forEach((e) => sent.add(e));
    assert.deepEqual(f.events.map((e) => e.name).sort(), [...sent].sort(), f.tag);
  }
});

test('every field says its type, bounds or choices, title and meaning, and reads back its own default', () => {
  const TYPES = new Set(['number', 'integer', 'choice', 'flag', 'list', 'id', 'text']);
  for (const [tag, cls] of Object.entries(classes)) {
    const names = new Map();
    for (const f of cls.fields) {
      const where = `${tag} ${f.attribute}`;
      assert.ok(TYPES.has(f.type), `${where}: type ${f.type}`);
      assert.ok(f.title && /^[A-Z`ŷ].{10,}[.)]$/.test(f.meaning), `${where}: a title and a one-sentence meaning (${f.meaning})`);
      if (f.type === 'number' || f.type === 'integer') assert.ok(Number.isFinite(f.min) && Number.isFinite(f.max) && f.min < f.max, `${where}: bounds`);
      if (f.type === 'choice') assert.ok(f.choices.length >= 2 && f.choices.every((c) => f.parse(c) !== null), `${where}: choices the parser accepts`);
      if (f.type === 'number' || f.type === 'integer') {
        assert.equal(f.parse(String(f.max)), f.max, `${where}: the upper bound is accepted`);
        assert.equal(f.parse(String(f.max * 2 + 1)), null, `${where}: beyond it is refused`);
      }
      const text = f.write(f.fallback);
      if (!f.flag && text !== null && f.fallback !== null) assert.deepEqual(f.parse(text), f.fallback, `${where}: the default reads back`);
      for (const name of f.names) {
        assert.ok(!names.has(name) || names.get(name) === f.key, `${where}: the name ${name} is also ${names.get(name)}’s`);
        names.set(name, f.key);
      }
    }
  }
});

test('the reference states each attribute’s bounds and default as the tables have them', () => {
  const md = generated[OUTPUTS.reference];
  const lr = classes['backprop-descent'].fields.find((f) => f.key === 'lr');
  assert.ok(md.includes(`| \`lr\` | \`lr\` | number | a number above 0, at most ${lr.max} | \`${lr.fallback}\` |`), 'the descent’s lr row');
  assert.ok(md.includes('| `hidden-layers` | `hidden` | string | up to 6 sizes of 1 to 8, such as 4,2 | `4,2` |'), 'the playground’s hidden layers and its link key');
  assert.ok(md.includes('| `controls` | `controls` | boolean | flag (present or absent; 1 or 0 in a link) | absent |'));
  for (const f of CATALOGUE) assert.ok(md.includes(`## ${f.tag}\n`), f.tag);
  const cem = JSON.parse(generated[OUTPUTS.manifest]);
  const descent = cem.modules.find((m) => m.path === 'lib/elements/descent-element.js').declarations[0];
  assert.deepEqual(descent.attributes.find((a) => a.name === 'x'), { name: 'x', type: { text: 'number' }, default: '1.5', description: descent.attributes.find((a) => a.name === 'x').description });
  assert.equal(descent.attributes.find((a) => a.name === 'theme').type.text, "'auto' | 'light' | 'dark'");
  assert.ok(descent.members.some((m) => m.name === 'nextStep' && m.kind === 'method'));
  assert.ok(descent.members.some((m) => m.name === 'ready' && m.readonly && /loaded/.test(m.description)), 'a getter with its doc comment');
});

test('edit distance, and the nearest real attribute to an author’s misspelling', () => {
  assert.equal(editDistance('kitten', 'sitting'), 3);
  assert.equal(editDistance('', 'abc'), 3);
  assert.equal(editDistance('lr', 'lr'), 0);
  const candidates = (tag) => classes[tag].fields.map((f) => [f.attribute, ...f.attributes, f.title]);
  assert.equal(nearestName('learning-rate', candidates('backprop-descent')), 'lr', 'by the field’s title, “learning rate”');
  assert.equal(nearestName('control', candidates('backprop-descent')), 'controls');
  assert.equal(nearestName('equation', candidates('backprop-descent')), 'equations');
  assert.equal(nearestName('hiddenlayers', candidates('backprop-playground')), 'hidden-layers');
  assert.equal(nearestName('zzzzzzzz', candidates('backprop-descent')), null, 'nothing near: no guess');
});

test('links accept attribute names beside their keys, one field each, the first given winning', () => {
  const read = readFragment('dataset=spiral&hidden-layers=3,2&optimizer=adam&show-test=1&act=relu', PLAYGROUND_FIELDS);
  assert.equal(read.state.data, 'spiral');
  assert.deepEqual(read.state.hidden, [3, 2]);
  assert.equal(read.state.opt, 'adam');
  assert.equal(read.state.test, true);
  assert.equal(read.state.act, 'relu');
  assert.equal(read.unknown, 0);
  const twice = readFragment('data=circle&dataset=xor', PLAYGROUND_FIELDS);
  assert.equal(twice.state.data, 'circle');
  assert.deepEqual(twice.repeated, ['data']);
  const hidden = PLAYGROUND_FIELDS.find((f) => f.key === 'hidden');
  assert.deepEqual(hidden.attributes, ['hidden-layers'], 'never HTML’s own hidden on an element');
});

test('a refused attribute never adds the version notice: only links carry a version', () => {
  const text = refusalText({ refused: ['lr'] }, { source: 'attributes', whose: 'its' });
  assert.equal(text, 'The attribute lr could not be used, so it falls back to its default.');
  assert.match(refusalText(readFragment('v=2&lr=5000', classes['backprop-descent'].fields)), /another version/);
});
