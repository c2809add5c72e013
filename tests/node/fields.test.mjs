// The parser family every figure's table goes through (www/lib/fields.js): keys that name Object.prototype members
// are unknown keys, repeated keys are reported and the first wins, the version is read, flags and words parse, and
// the shortcut table drives the key handler.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFragment, refusalText, writeFragment, readAttributes, writeAttributes, flagField, field, oneOf, URL_VERSION } from '../../www/lib/fields.js';
import { DESCENT_FIELDS } from '../../www/lib/state.js';
import { DESCENT_SHORTCUTS, shortcutAction } from '../../www/lib/elements/shortcuts.js';

const TABLE = [...DESCENT_FIELDS, flagField('controls'), field('theme', { fallback: 'auto', parse: oneOf(['auto', 'light', 'dark']) })];

test('keys and values naming Object.prototype members are unknown keys or refused values, never a crash', () => {
  const read = readFragment('__proto__=1&constructor=2&toString=3&hasOwnProperty=4&theme=constructor&x=valueOf', TABLE);
  assert.equal(read.unknown, 4);
  assert.deepEqual(read.refused, ['x', 'theme']);
  assert.equal(read.state.x, 1.5);
  assert.equal(read.state.theme, 'auto');
  assert.equal(Object.getPrototypeOf(read.state), Object.prototype, 'the state object is not re-parented');
  const element = { attrs: { theme: '__proto__', x: 'constructor' }, hasAttribute(n) { return Object.hasOwn(this.attrs, n); }, getAttribute(n) { return this.attrs[n]; } };
  assert.deepEqual(readAttributes(element, TABLE).refused, ['x', 'theme']);
});

test('a repeated key is reported by name and the first value is used', () => {
  const read = readFragment('#x=2&x=3&lr=0.2&lr=0.3&y=1', TABLE);
  assert.equal(read.state.x, 2);
  assert.equal(read.state.lr, 0.2);
  assert.deepEqual(read.repeated, ['x', 'lr']);
  assert.equal(refusalText(read), 'x, lr were given more than once; the first is used.');
});

test('links carry v=1; another version is named in the notice, the same version and none are not', () => {
  assert.equal(URL_VERSION, 1);
  const text = writeFragment({ x: 2, y: 1, w: -0.5, lr: 0.2, step: 3, controls: true }, TABLE);
  assert.equal(text, 'v=1&x=2&y=1&w=-0.5&lr=0.2&step=3&controls=1&theme=auto');
  assert.equal(refusalText(readFragment(text, TABLE)), null);
  assert.equal(refusalText(readFragment('x=2', TABLE)), null);
  assert.match(refusalText(readFragment('v=2&x=2', TABLE)), /made with another version of backprop-lab than this page’s \(v=1\)/);
  assert.doesNotMatch(refusalText(readFragment('v=<script>&x=2', TABLE)), /script/, 'the version given is never echoed');
});

test('flags read 1, true, empty and 0, false; a tiny x is refused', () => {
  for (const [text, value] of [['1', true], ['true', true], ['', true], ['0', false], ['false', false]]) {
    assert.equal(readFragment(`controls=${text}`, TABLE).state.controls, value, text);
  }
  assert.deepEqual(readFragment('controls=maybe', TABLE).refused, ['controls']);
  assert.deepEqual(readFragment('x=1e-300', TABLE).refused, ['x']);
  assert.equal(readFragment('x=0', TABLE).state.x, 0);
});

test('writeAttributes sets and removes attributes by the table', () => {
  const attrs = new Map([['controls', '']]);
  const element = { getAttribute: (n) => attrs.get(n) ?? null, setAttribute: (n, v) => attrs.set(n, v), removeAttribute: (n) => attrs.delete(n) };
  writeAttributes(element, TABLE, { x: 2, step: 4, controls: false, theme: 'dark' });
  assert.deepEqual(Object.fromEntries(attrs), { x: '2', steps: '4', theme: 'dark' });
});

test('the shortcut table drives the handler: every listed key gives its action', () => {
  for (const s of DESCENT_SHORTCUTS) {
    for (const k of s.keys) {
      assert.equal(shortcutAction({ key: k.key, shiftKey: Boolean(k.shift) }), s.action, k.label);
    }
  }
  assert.equal(shortcutAction({ key: 'N', shiftKey: true }), 'step', 'letters match either case');
  assert.equal(shortcutAction({ key: '?', shiftKey: true }), 'help', 'typed with Shift');
  assert.equal(shortcutAction({ key: 'ArrowRight', shiftKey: false }), 'phase');
  assert.equal(shortcutAction({ key: 'ArrowRight', shiftKey: true }), 'step');
  assert.equal(shortcutAction({ key: 'k', ctrlKey: true }), null, 'modified keys are left to the browser');
  assert.equal(shortcutAction({ key: 'constructor' }), null);
  assert.equal(shortcutAction({ key: 'x' }), null);
});
