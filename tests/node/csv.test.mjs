// The CSV parser for a reader's own data (www/data/csv.js, the package's backprop-lab/data/csv): each label kind
// detected and said, every refusal naming its line, column and field as data, hostile input refused or read
// exactly (huge lines, NUL, quotes, a byte-order mark, CRLF, 1e308, NaN), and its row limit the core's own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CSV_LIMITS, coreRows, parseCsv } from '../../www/data/csv.js';
import { LIMITS } from '../../www/pkg/limits.js';

/** The refusal of `text`, failing when it parses. */
function refused(text, options) {
  const r = parseCsv(text, options);
  assert.equal(r.ok, false, `expected a refusal for ${JSON.stringify(String(text).slice(0, 60))}`);
  return r.error;
}

/** The parse of `text`, failing when it is refused. */
function parsed(text, options) {
  const r = parseCsv(text, options);
  assert.equal(r.ok, true, r.error?.message);
  return r;
}

test('labels −1 and 1 are two classes, kept as they are; a header is optional and read', () => {
  const r = parsed('x1,x2,label\n0.5,-1.25,1\n-2,3e-1,-1\n');
  assert.equal(r.kind, 'binary');
  assert.deepEqual(r.header, ['x1', 'x2', 'label']);
  assert.deepEqual(Array.from(r.points), [0.5, -1.25, 1, -2, 0.3, -1]);
  assert.deepEqual(r.classes, ['-1', '1']);
  assert.match(r.why, /−1 or 1/);
  assert.equal(parsed('0.5,-1.25,1\n-2,0.3,-1').header, null, 'no header');
  assert.deepEqual(Array.from(parsed('0.5,-1.25,1\n-2,0.3,-1').points), Array.from(r.points));
});

test('labels 0 and 1 are two classes, 0 read as −1, and the parse says so', () => {
  const r = parsed('1,2,0\n3,4,1\n5,6,1');
  assert.equal(r.kind, 'binary');
  assert.deepEqual(Array.from(r.points), [1, 2, -1, 3, 4, 1, 5, 6, 1]);
  assert.deepEqual(r.classes, ['0', '1']);
  assert.match(r.why, /0 or 1 \(0 is read as −1\)/);
});

test('class names are classes in order of first appearance; whole numbers of 3 or more values are classes, ascending', () => {
  const names = parsed('a,b,label\n1,1,cat\n2,2,dog\n3,3,cat\n4,4,"bird"');
  assert.equal(names.kind, 'classes');
  assert.deepEqual(names.classes, ['cat', 'dog', 'bird']);
  assert.deepEqual(names.labels, ['cat', 'dog', 'cat', 'bird']);
  assert.deepEqual(Array.from(names.points).filter((_, i) => i % 3 === 2), [0, 1, 0, 2]);
  assert.deepEqual(names.names, ['a', 'b', 'label']);
  const numbers = parsed('0,0,7\n1,1,3\n2,2,9\n3,3,3');
  assert.equal(numbers.kind, 'classes');
  assert.deepEqual(numbers.classes, ['3', '7', '9']);
  assert.deepEqual(Array.from(numbers.points).filter((_, i) => i % 3 === 2), [1, 0, 2, 0]);
  assert.match(numbers.why, /3 whole numbers \(3, 7, 9\)/);
  // The rows the core trains on: one-hot targets, one per class.
  assert.deepEqual(Array.from(coreRows(numbers)), [0, 0, 0, 1, 0, 1, 1, 1, 0, 0, 2, 2, 0, 0, 1, 3, 3, 1, 0, 0]);
  // Asked to, the same numbers are values.
  const values = parsed('0,0,7\n1,1,3\n2,2,9\n3,3,3', { kind: 'regression' });
  assert.equal(values.kind, 'regression');
  assert.deepEqual(Array.from(coreRows(values)), [0, 0, 7, 1, 1, 3, 2, 2, 9, 3, 3, 3]);
});

test('real labels, and whole numbers of more values than classes allow, are a regression', () => {
  const r = parsed('0,0,0.25\n1,0,-3.5\n0,1,12');
  assert.equal(r.kind, 'regression');
  assert.deepEqual(Array.from(r.points), [0, 0, 0.25, 1, 0, -3.5, 0, 1, 12]);
  assert.match(r.why, /from -3.5 to 12: .*regression/);
  const many = Array.from({ length: CSV_LIMITS.maxClasses + 1 }, (_, k) => `${k},0,${k}`).join('\n');
  assert.equal(parsed(many).kind, 'regression');
  assert.equal(refused(many, { kind: 'classes' }).kind, 'too-many-classes', 'as names, they are more classes than allowed');
});

test('a refusal names its kind, line, column and field, as data', () => {
  assert.deepEqual(
    (({ kind, line, column, field, value }) => ({ kind, line, column, field, value }))(refused('x1,x2,label\n1,2,1\n3, abc ,1\n')),
    { kind: 'not-a-number', line: 3, column: 4, field: 'x2', value: 'abc' },
  );
  const e = refused('1,2,1\n3,4,1\n5,6\n');
  assert.equal(e.kind, 'wrong-field-count');
  assert.equal(e.line, 3);
  assert.equal(e.column, 4, 'at the end of the short line');
  assert.match(e.message, /^line 3, column 4: 3 fields \(x1, x2, label\), found 2/);
  const extra = refused('1,2,1,9\n');
  assert.deepEqual([extra.kind, extra.line, extra.column], ['wrong-field-count', 1, 7]);
  const missing = refused('p,q,r\n1,,1');
  assert.deepEqual([missing.kind, missing.line, missing.column, missing.field], ['missing-value', 2, 3, 'q']);
  const label = refused('1,2,1\n1,2,\n');
  assert.deepEqual([label.kind, label.line, label.column, label.field], ['missing-value', 2, 5, 'label']);
  // A label that does not fit the others is found where it is, after every row is read.
  const forcedValues = refused('1,2,1\n3,4,oops\n', { kind: 'regression' });
  assert.deepEqual([forcedValues.kind, forcedValues.line, forcedValues.column, forcedValues.field, forcedValues.value], ['not-a-number', 2, 5, 'label', 'oops']);
  const classes = Array.from({ length: CSV_LIMITS.maxClasses + 1 }, (_, k) => `0,0,c${k}`).join('\n');
  const tooMany = refused(`x,y,kind\n${classes}`);
  assert.deepEqual([tooMany.kind, tooMany.line, tooMany.column, tooMany.field, tooMany.value], ['too-many-classes', CSV_LIMITS.maxClasses + 2, 5, 'kind', `c${CSV_LIMITS.maxClasses}`]);
  assert.equal(refused('').kind, 'no-rows');
  assert.equal(refused('x1,x2,label\n\n# nothing\n').kind, 'no-rows');
  assert.equal(refused(42).kind, 'not-text');
  assert.equal(refused('1,2,3', { inputs: 0 }).field, 'inputs');
  assert.equal(refused('1,2,3', { kind: 'binary' }).field, 'kind');
});

test('hostile input: NUL and control characters, stray and unclosed quotes are refused where they are', () => {
  const nul = refused('1,2,1\n1,\u00002,1');
  assert.deepEqual([nul.kind, nul.line, nul.column], ['control-character', 2, 3]);
  assert.match(nul.message, /U\+0000/);
  const unclosed = refused('1,2,1\n"1,2,1\n');
  assert.deepEqual([unclosed.kind, unclosed.line, unclosed.column], ['unterminated-quote', 2, 1]);
  const stray = refused('1,2,1\n1,2"3,1');
  assert.deepEqual([stray.kind, stray.line, stray.column], ['stray-quote', 2, 4]);
  const after = refused('"1" 2,2,1');
  assert.deepEqual([after.kind, after.line, after.column], ['text-after-quote', 1, 5]);
  // A quoted field with a comma inside is one field, and not a number (on the first line it would be a header).
  const comma = refused('0,0,1\n"1,5",2,1');
  assert.deepEqual([comma.kind, comma.line, comma.column, comma.value], ['not-a-number', 2, 1, '1,5']);
  assert.deepEqual(parsed('"1,5",2,1\n0,0,1').header, ['1,5', '2', '1']);
  // Quoted numbers and names, "" inside quotes.
  const ok = parsed('" 1.5 ",2,"say ""hi"""\n0,0,x');
  assert.deepEqual(ok.classes, ['say "hi"', 'x']);
  assert.equal(ok.points[0], 1.5);
});

test('hostile input: NaN, Infinity, hexadecimal and 1e308 are refused; numbers within the limit are read exactly', () => {
  for (const [text, kind] of [['NaN', 'not-a-number'], ['Infinity', 'not-a-number'], ['-Infinity', 'not-a-number'], ['0x10', 'not-a-number'], ['1_000', 'not-a-number'], ['1e308', 'out-of-range'], ['1e309', 'out-of-range'], ['-1000001', 'out-of-range']]) {
    const e = refused(`0,0,1\n${text},0,1`);
    assert.deepEqual([e.kind, e.line, e.column, e.field], [kind, 2, 1, 'x1'], text);
  }
  const label = refused('0,0,1\n0,0,1e308\n0,0,2.5');
  assert.deepEqual([label.kind, label.line, label.column, label.field], ['out-of-range', 2, 5, 'label']);
  assert.deepEqual(Array.from(parsed('1e6,-1e6,0.1\n.5,+5.,1e-300').points), [1e6, -1e6, 0.1, 0.5, 5, 1e-300]);
  // NaN as a label is a class name, not a number: with other names it is one of the classes.
  assert.deepEqual(parsed('0,0,NaN\n1,1,ok').classes, ['NaN', 'ok']);
});

test('hostile input: a byte-order mark, CRLF and lone CR line ends, blank lines, comments and spaces', () => {
  const r = parsed('\uFEFFx1,x2,label\r\n 1 , 2 ,1\r\n\r\n# a comment\r3,4,-1\r\n');
  assert.deepEqual(r.header, ['x1', 'x2', 'label']);
  assert.deepEqual(Array.from(r.points), [1, 2, 1, 3, 4, -1]);
  const e = refused('\uFEFF1,2,1\r\n3,x,1\r\n');
  assert.deepEqual([e.line, e.column], [2, 3], 'the mark does not shift columns and CRLF counts as one line end');
});

test('hostile input: a huge line, too many bytes and too many rows are refused, each with its limit', () => {
  const long = refused(`1,2,1\n${'1'.repeat(CSV_LIMITS.maxLineLength)},2,1`);
  assert.deepEqual([long.kind, long.line, long.column], ['line-too-long', 2, CSV_LIMITS.maxLineLength + 1]);
  const huge = refused('9'.repeat(CSV_LIMITS.maxBytes + 1));
  assert.deepEqual([huge.kind, huge.limit], ['too-large', CSV_LIMITS.maxBytes]);
  // Multi-byte characters count as their UTF-8 bytes: half as many characters of 3 bytes each are too many.
  assert.equal(refused('€'.repeat(Math.ceil(CSV_LIMITS.maxBytes / 3) + 1)).kind, 'too-large');
  const rows = `x1,x2,label\n${'0,0,1\n'.repeat(CSV_LIMITS.maxRows)}1,1,-1\n`;
  const tooMany = refused(rows);
  assert.deepEqual([tooMany.kind, tooMany.line, tooMany.limit], ['too-many-rows', CSV_LIMITS.maxRows + 2, CSV_LIMITS.maxRows]);
  const atLimit = parsed(`x1,x2,label\n${'0,0,1\n'.repeat(CSV_LIMITS.maxRows - 1)}1,1,-1\n`);
  assert.equal(atLimit.rows, CSV_LIMITS.maxRows);
});

test('the row limit is the core’s, and other input widths parse too', () => {
  assert.equal(CSV_LIMITS.maxRows, LIMITS.network.maxPoints);
  const r = parsed('1,2,3,4,a\n5,6,7,8,b', { inputs: 4 });
  assert.deepEqual(r.names, ['x1', 'x2', 'x3', 'x4', 'label']);
  assert.deepEqual(Array.from(coreRows(r)), [1, 2, 3, 4, 1, 0, 5, 6, 7, 8, 0, 1]);
  assert.equal(refused('1,2,3,4,a', { inputs: 2 }).kind, 'wrong-field-count');
});
