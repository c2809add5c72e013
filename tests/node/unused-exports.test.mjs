// The unused-export check of `make lint` (scripts/unused-exports.mjs): it passes on this repository, and on a small
// tree of its own it finds an export nobody imports, follows every way a name can be imported, and leaves the
// package's public entries alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { missingImports, parseModule, unusedExports } from '../../scripts/unused-exports.mjs';

test('every export of www/lib and package/ is imported somewhere, and every name imported is exported', () => {
  assert.deepEqual(unusedExports(), []);
  assert.deepEqual(missingImports(), []);
});

test('the module syntax it reads', () => {
  const m = parseModule(`
    // export const commented = 1;
    /* export function alsoCommented() {} */
    import def, { a, b as c } from './x.js';
    import * as ns from './ns.js';
    export const one = 1;
    export async function two() { const { lazy, other: renamed } = await import('./lazy.js'); }
    export class Three {}
    export const { four, five } = make();
    export { six, seven as eight };
    export { nine } from './nine.js';
    export * from './star.js';
    export default one;
    const url = 'https://example.org/x'; // a URL in a string is not a comment
    import('./whole.js');
  `);
  assert.deepEqual([...m.exports].sort(), ['Three', 'default', 'eight', 'five', 'four', 'nine', 'one', 'six', 'two'].sort());
  assert.deepEqual(m.stars, ['./star.js']);
  const imports = Object.fromEntries(m.imports.map((i) => [i.specifier, i.names === 'all' ? 'all' : [...i.names].sort()]));
  assert.deepEqual(imports, {
    './x.js': ['a', 'b', 'default'],
    './ns.js': 'all',
    './nine.js': ['nine'],
    './lazy.js': ['lazy', 'other'],
    './whole.js': 'all',
  });
});

test('a tree with one unused export fails, and passes once something imports it', async () => {
  const root = await mkdtemp(join(tmpdir(), 'unused-exports-'));
  const put = async (file, text) => {
    await mkdir(join(root, dirname(file)), { recursive: true });
    await writeFile(join(root, file), text);
  };
  try {
    await put('package/index.js', "export * from './lib/api.js';\nexport const version = 1;\n");
    await put('www/lib/api.js', 'export const publicThing = 1;\n'); // public through the entry's export *
    await put('www/lib/used.js', "export const used = 1;\nexport const unused = 2;\n");
    await put('www/lib/user.js', "import { used } from './used.js';\nexport const user = used;\n");
    await put('www/page.html', '<script type="module" src="lib/user.js"></script>');
    await put('tests/user.test.mjs', "import { user } from '../www/lib/user.js';\n");
    assert.deepEqual(unusedExports(root), [{ file: 'www/lib/used.js', name: 'unused' }]);
    await put('scripts/reader.mjs', "import { unused } from '../www/lib/used.js';\n");
    assert.deepEqual(unusedExports(root), []);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});

test('a name imported from a module that does not export it is found (an export dropped while still imported)', async () => {
  const root = await mkdtemp(join(tmpdir(), 'missing-imports-'));
  const put = async (file, text) => {
    await mkdir(join(root, dirname(file)), { recursive: true });
    await writeFile(join(root, file), text);
  };
  try {
    await put('package/index.js', "export * from './lib/api.js';\n");
    await put('www/lib/api.js', 'export const a = 1;\nfunction b() {}\n');
    await put('www/lib/user.js', "import { a, b } from './api.js';\nimport { a as again } from '../../package/index.js';\n");
    assert.deepEqual(missingImports(root), [{ file: 'www/lib/user.js', specifier: './api.js', name: 'b' }]);
    await put('www/lib/api.js', 'export const a = 1;\nexport function b() {}\n');
    assert.deepEqual(missingImports(root), []);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});
