// learn.html's wiring: the lesson list, the current lesson (its text with glossary links, its figure, its tasks),
// the reader's problem and lesson in the URL, progress in localStorage, and the glossary with its tooltips. The
// lessons' content and checks live in lessons.js; the numbers come from the core.
import { element, scrollBox, watchContent } from '../dom.js';
import { loadCore } from '../core.js';
import { DESCENT_FIELDS, CONFIG_KEYS } from '../state.js';
import { field, oneOf, readFragment, refusalText, writeFragment } from '../fields.js';
import { formatNumber } from '../format.js';
import { wireTheme } from '../theme.js';
import { checkExpression } from './check.js';
import { evaluate, parseExpression, typedAs } from './expression.js';
import { formulaLine } from '../formula.js';
import { GLOSSARY, PAGES, shownSymbol } from './glossary.js';
import { wireGlossaryTips } from './glossary-tips.js';
import { CHAIN, LESSONS, chainDeltas, neuronQuantities } from './lessons.js';
import { isOpen, loadProgress, saveProgress } from './progress.js';

const ORDER = LESSONS.map((l) => l.id);
const PROBLEM_FIELDS = DESCENT_FIELDS.filter((f) => CONFIG_KEYS.includes(f.key));
const URL_FIELDS = [field('lesson', { fallback: ORDER[0], parse: oneOf(ORDER), range: ORDER.join(', ') }), ...PROBLEM_FIELDS];
const LR = PROBLEM_FIELDS.find((f) => f.key === 'lr');

const $ = (id) => document.getElementById(id);
const list = $('lessons');
const view = {
  main: $('lesson'),
  title: $('lesson-title'),
  count: $('lesson-count'),
  text: $('lesson-text'),
  figure: $('lesson-figure'),
  tasks: $('tasks'),
  next: $('next-lesson'),
  status: $('lesson-status'),
  notice: $('url-notice'),
};
const problemForm = $('problem');

const state = { lesson: ORDER[0], problem: {}, done: loadProgress(ORDER), solved: new Set(), figureW: null };
let core = null;
let network = null;

// --- the URL -----------------------------------------------------------------------------------------------------

/** A link to a glossary entry (#glossary-…) is an anchor of this page, not a lesson or a problem. */
const isAnchor = (hash) => /^#glossary-[a-z-]+$/.test(hash);

function readUrl() {
  const read = readFragment(isAnchor(location.hash) ? '' : location.hash, URL_FIELDS);
  const message = refusalText(read, { whose: 'the article’s' });
  view.notice.textContent = message ?? '';
  view.notice.hidden = !message;
  const { lesson, ...problem } = read.state;
  // Without a lesson in the address, the reader resumes at the first lesson not yet done.
  state.lesson = read.given.includes('lesson') ? lesson : (ORDER.find((id) => !state.done.has(id)) ?? ORDER.at(-1));
  state.problem = problem;
  state.figureW = null;
}

function linkTo(lesson, problem = state.problem) {
  return `#${writeFragment({ lesson, ...problem }, URL_FIELDS)}`;
}

function writeUrl() {
  const text = linkTo(state.lesson);
  if (location.hash !== text) history.replaceState(null, '', text);
}

// --- the lesson list ---------------------------------------------------------------------------------------------

function renderList() {
  list.replaceChildren(
    ...LESSONS.map((lesson, i) => {
      const done = state.done.has(lesson.id);
      const open = isOpen(ORDER, state.done, lesson.id);
      const item = element('li', `lesson-item${done ? ' done' : open ? ' open' : ' locked'}`);
      const link = element('a', null, `${i + 1}. ${lesson.title}`);
      link.href = linkTo(lesson.id);
      if (lesson.id === state.lesson) link.setAttribute('aria-current', 'page');
      const status = element('span', 'lesson-state', done ? 'done' : open ? 'open' : 'locked');
      status.setAttribute('aria-label', done ? ', done' : open ? ', open' : ', locked until the lessons before it are done');
      item.append(link, ' ', status);
      return item;
    }),
  );
}

// --- the lesson --------------------------------------------------------------------------------------------------

/** The problem the tasks are checked at: the reader's, with w where the figure stands now. */
function context() {
  const problem = { ...state.problem, ...(state.figureW !== null ? { w: state.figureW } : {}) };
  return { core, network, problem };
}

/** A formula of the glossary's table as MathML, in a span that keeps it on one line. */
function drawnFormula(name) {
  const box = element('span', 'formula drawn');
  box.append(formulaLine(name));
  return box;
}

/** A paragraph of strings, glossary links ({ term, text }) and formulas ({ formula }, kept on one line). */
function paragraph(parts, className = null) {
  const list = typeof parts === 'string' ? [parts] : parts;
  const p = element('p', list.length === 1 && list[0].formula ? 'formula-line' : className);
  for (const part of list) {
    if (typeof part === 'string') p.append(part);
    else if (part.name) p.append(drawnFormula(part.name));
    else if (part.formula) p.append(element('span', 'formula', part.formula));
    else p.append(termLink(part.term, part.text));
  }
  return p;
}

function termLink(id, text) {
  const a = element('a', 'term', text);
  a.href = `#glossary-${id}`;
  a.dataset.term = id;
  a.setAttribute('aria-describedby', 'term-tip');
  return a;
}

async function renderLesson() {
  const lesson = LESSONS.find((l) => l.id === state.lesson);
  const index = ORDER.indexOf(lesson.id);
  view.title.textContent = lesson.title;
  view.count.textContent = `Lesson ${index + 1} of ${LESSONS.length}`;
  document.title = `${lesson.title} · Learn backpropagation · backprop-lab`;
  view.text.replaceChildren(...lesson.text.map(paragraph));
  view.tasks.replaceChildren();
  view.figure.replaceChildren();
  view.status.textContent = '';
  state.solved = new Set(state.done.has(lesson.id) ? lesson.tasks.map((t) => t.id) : []);
  updateNext(lesson);
  if (!isOpen(ORDER, state.done, lesson.id)) {
    const first = ORDER.find((id) => !state.done.has(id));
    const p = element('p', 'locked-note', 'This lesson opens when the lessons before it are done. ');
    const go = element('a', null, `Go to lesson ${ORDER.indexOf(first) + 1}: ${LESSONS.find((l) => l.id === first).title}`);
    go.href = linkTo(first);
    p.append(go);
    view.tasks.append(p);
    return;
  }
  // Everything takes its place at once; the engine's numbers fill it in when the core has loaded.
  renderFigure(lesson);
  for (const task of lesson.tasks) view.tasks.append(taskForm(lesson, task));
  core ??= await loadCore();
  if (lesson.figure !== 'descent') network ??= await import('../core-network.js').then((m) => m.loadNetworkCore());
  if (state.lesson !== lesson.id) return; // the reader moved on while the engine loaded
  figureUpdate();
  view.main.dataset.ready = lesson.id;
}

function updateNext(lesson) {
  const index = ORDER.indexOf(lesson.id);
  const next = LESSONS[index + 1];
  const done = state.done.has(lesson.id);
  view.next.hidden = !next;
  if (next) {
    view.next.textContent = `Next: ${next.title} →`;
    view.next.href = linkTo(next.id);
    view.next.classList.toggle('ready', done);
    view.next.setAttribute('aria-disabled', String(!done));
  }
}

// --- figures -----------------------------------------------------------------------------------------------------

let figureUpdate = () => {};

function renderFigure(lesson) {
  figureUpdate = () => {};
  if (lesson.figure === 'chain') {
    const table = element('table', 'numbers chain');
    const caption = element('caption');
    const head = element('thead');
    head.append(rowOf('th', ['layer', 'z', 'f′(z)', 'δ = ∂J/∂z', '∂J/∂w']));
    const body = element('tbody');
    const layers = CHAIN.hidden + 1;
    body.append(...Array.from({ length: layers }, (_, i) => rowOf('td', [i + 1 === layers ? `${i + 1} (output)` : `${i + 1}`, '…', '…', '…', '…'])));
    table.append(caption, head, body);
    const wrap = scrollBox(element('div', 'table-wrap'), 'The chain’s numbers, scrolls sideways');
    wrap.append(table);
    view.figure.append(wrap);
    watchContent(table);
    figureUpdate = (activation = view.tasks.querySelector('select')?.value ?? 'sigmoid') => {
      const name = lesson.tasks[0].options.find(([value]) => value === activation)?.[1] ?? activation; // ReLU, not relu
      caption.textContent = `A chain of ${CHAIN.hidden} hidden ${name} neurons and an output (input ${CHAIN.x}, target ${CHAIN.y}, every weight ${CHAIN.weight}), as the engine computes it`;
      if (!network) return;
      const { pass, weightGradients } = chainDeltas(context(), activation);
      [...body.rows].forEach((tr, i) => {
        const values = [pass.z[i + 1], pass.fPrime[i + 1], pass.delta[i + 1], weightGradients[i]];
        values.forEach((v, k) => (tr.cells[k + 1].textContent = n(v)));
      });
    };
    figureUpdate();
    return;
  }
  const asking = lesson.tasks.find((t) => t.kind === 'expression');
  const table = lesson.shows ? numbersTable(lesson) : null;
  // Where a task asks for a quantity the article's figure would show, the figure waits until the lesson is done:
  // before, only the quantities the task may use are on screen, as the engine computed them.
  figureUpdate = () => {
    const live = lesson.figure === 'descent' && (!asking || state.done.has(lesson.id));
    if (live) {
      if (!view.figure.querySelector('backprop-descent')) view.figure.replaceChildren(descentFigure());
      return;
    }
    if (!view.figure.contains(table)) view.figure.replaceChildren(table);
    if (!core || (lesson.figure !== 'descent' && !network)) return;
    const values = lesson.figure === 'descent' ? asking.points(context())[0] : neuronQuantities(lesson, context());
    for (const tr of table.tBodies[0].rows) tr.cells[1].textContent = n(values[tr.dataset.name]);
  };
  figureUpdate();
}

const n = (v) => formatNumber(v, 6);

/** The article's live figure at the reader's problem; its steps move the point the tasks are checked at. */
function descentFigure() {
  const fig = document.createElement('backprop-descent');
  fig.setAttribute('controls', '');
  fig.setAttribute('equations', '');
  fig.setAttribute('loading', 'eager');
  fig.setAttribute('aria-label', 'The one-weight network and its loss curve, step by step');
  for (const key of CONFIG_KEYS) fig.setAttribute(key, String(state.problem[key]));
  for (const type of ['step', 'reset']) fig.addEventListener(type, () => (state.figureW = fig.w));
  return fig;
}

/** The table of the quantities a lesson shows, their values to be filled in by figureUpdate. */
function numbersTable(lesson) {
  const table = element('table', 'numbers');
  const body = element('tbody');
  body.append(...lesson.shows.map((name) => row(name)));
  const what = lesson.figure === 'descent' ? 'at this step (the live figure appears when you have answered)' : 'for this network and your x and y';
  table.append(element('caption', null, `The engine’s numbers ${what}`), body);
  return table;
}

function row(name) {
  const tr = element('tr');
  tr.dataset.name = name;
  const th = element('th', null, name);
  th.scope = 'row';
  tr.append(th, element('td', null, '…'));
  return tr;
}

function rowOf(cell, texts) {
  const tr = element('tr');
  for (const t of texts) {
    const c = element(cell, null, t);
    if (cell === 'th') c.scope = 'col';
    tr.append(c);
  }
  return tr;
}

// --- tasks -------------------------------------------------------------------------------------------------------

let formCount = 0;

function taskForm(lesson, task) {
  const id = `task-${lesson.id}-${task.id}-${(formCount += 1)}`;
  const form = element('form', 'task');
  form.noValidate = true;
  form.dataset.task = task.id;
  const prompt = paragraph(task.prompt, 'task-prompt');
  prompt.id = `${id}-prompt`;
  const line = element('div', 'task-line');
  const label = element('label', 'task-label', task.label);
  label.htmlFor = id;
  let input;
  if (task.kind === 'choice') {
    input = element('select');
    for (const [value, text] of task.options) {
      const o = element('option', null, text);
      o.value = value;
      input.append(o);
    }
    input.addEventListener('change', () => figureUpdate(input.value));
  } else {
    input = element('input');
    input.type = 'text';
    input.autocomplete = 'off';
    input.spellcheck = false;
    input.setAttribute('autocapitalize', 'off');
    input.placeholder = task.kind === 'rate' ? 'a number, or e.g. 1/x²' : 'e.g. 3(x − w)';
  }
  input.id = id;
  // A submit button: Enter in the field and a click both submit the form once (a click handler that also called
  // requestSubmit would check every answer twice).
  const check = element('button', null, 'Check');
  check.type = 'submit';
  check.dataset.action = 'check';
  line.append(label, input, check);
  const out = element('p', 'task-result');
  out.id = `${id}-out`;
  out.setAttribute('role', 'status');
  const typing = typingNote(lesson, task);
  if (typing) typing.id = `${id}-typing`;
  // The hints come one more at each wrong answer: first where to look, last what to do.
  const hint = element('p', 'task-hint');
  hint.id = `${id}-hint`;
  hint.hidden = true;
  input.setAttribute('aria-describedby', [prompt, typing, out, hint].filter(Boolean).map((p) => p.id).join(' '));
  let wrong = 0;
  form.append(...[prompt, line, typing, out, hint].filter(Boolean));
  if (state.solved.has(task.id)) {
    form.classList.add('solved');
    out.textContent = 'Done.';
  }
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const verdict = judge(task, input.value);
    out.textContent = verdict.message;
    out.classList.toggle('right', verdict.ok);
    out.classList.toggle('wrong', !verdict.ok);
    form.dataset.kind = verdict.kind ?? (verdict.ok ? 'right' : 'wrong');
    if (verdict.position !== undefined && input.setSelectionRange) input.setSelectionRange(verdict.position, verdict.position + 1);
    if (!verdict.ok) {
      const hints = task.hints.map((h) => (typeof h === 'function' ? h(context()) : h));
      wrong = Math.min(wrong + 1, hints.length);
      hint.textContent = `Hint ${wrong} of ${hints.length}: ${hints[wrong - 1]}`;
      hint.hidden = false;
      input.setAttribute('aria-invalid', 'true');
      return;
    }
    hint.hidden = true;
    input.removeAttribute('aria-invalid');
    form.classList.add('solved');
    solved(lesson, task);
  });
  return form;
}

/** For a formula task, how to type the symbols on screen that a keyboard lacks (ŷ as yhat, η as lr, δ₂ as delta2). */
function typingNote(lesson, task) {
  if (task.kind !== 'expression') return null;
  const shows = lesson.shows ?? [];
  const base = (q) => q.replace(/[₀-₉]+$/u, '');
  const spelled = [...new Set(shows.map(base))].filter((q) => typedAs(q) !== q).map((q) => `${q} as ${typedAs(q)}`);
  const subscripted = shows.filter((q) => base(q) !== q);
  const example = subscripted.findLast((q) => typedAs(base(q)) !== base(q)) ?? subscripted[0];
  if (example) spelled.push(`a subscript as a plain digit (${example} as ${typedAs(example)})`);
  const names = spelled.length ? `Type ${spelled.join(', ')}; a` : 'A';
  return element('p', 'task-typing', `${names} square as ^2; multiply with * or by writing side by side, as in 2(x − w).`);
}

/** The engine's verdict on the reader's answer to `task`. */
function judge(task, text) {
  const ctx = context();
  if (task.kind === 'expression') {
    const points = task.points(ctx);
    const verdict = checkExpression(text, points, task.expected(ctx));
    // A wrong answer that is a known slip (the whole gradient for η times it, a sign, a factor of the last lesson)
    // is named as that slip: the reader's expression equals the slip's engine values at every point.
    const slip = verdict.ok || !task.slips ? null : task.slips(ctx).find((s) => checkExpression(text, points, s.values).ok);
    return slip ? { ...verdict, kind: 'slip', message: slip.message } : verdict;
  }
  if (task.kind === 'choice') return task.accepts(ctx, text);
  const lr = readRate(text, state.problem);
  if (lr.error) return { ok: false, message: lr.error };
  const fig = view.figure.querySelector('backprop-descent');
  fig?.setAttribute('lr', String(lr.value));
  return task.accepts({ ...ctx, problem: { ...state.problem } }, lr.value); // from w₀, whatever the figure shows
}

/** A learning rate typed as a number or a formula in x and y, within the core's bounds for lr. */
function readRate(text, problem) {
  const parsed = parseExpression(text, ['x', 'y']);
  if (parsed.error) return { error: parsed.error.message };
  const value = evaluate(parsed.tree, { x: problem.x, y: problem.y });
  if (LR.parse(String(value)) === null) return { error: `A learning rate must be ${LR.range}; that gives ${n(value)}.` };
  return { value };
}

function solved(lesson, task) {
  state.solved.add(task.id);
  if (!lesson.tasks.every((t) => state.solved.has(t.id))) return;
  state.done.add(lesson.id);
  const kept = saveProgress(state.done);
  const next = LESSONS[ORDER.indexOf(lesson.id) + 1];
  view.status.textContent = `Lesson done${kept ? '' : ' (this browser does not keep progress, so it lasts for this visit)'}. ${next ? `Next: ${next.title}.` : 'That was the last lesson.'}`;
  figureUpdate();
  renderList();
  updateNext(lesson);
}

// --- the reader's problem ----------------------------------------------------------------------------------------

function syncProblemInputs() {
  for (const f of PROBLEM_FIELDS) problemForm.elements[f.key].value = String(state.problem[f.key]);
}

problemForm.addEventListener('submit', (e) => {
  e.preventDefault();
  const error = $('problem-error');
  const next = { ...state.problem };
  const refused = [];
  for (const f of PROBLEM_FIELDS) {
    const v = f.parse(problemForm.elements[f.key].value);
    if (v === null) refused.push(`${f.label} must be ${f.range}`);
    else next[f.key] = v;
  }
  error.textContent = refused.length ? `${refused.join('; ')}.` : '';
  if (refused.length) return;
  state.problem = next;
  state.figureW = null;
  writeUrl();
  renderLesson();
});
$('article-numbers').addEventListener('click', () => {
  state.problem = Object.fromEntries(PROBLEM_FIELDS.map((f) => [f.key, f.fallback]));
  state.figureW = null;
  syncProblemInputs();
  writeUrl();
  renderLesson();
});

// --- the glossary and its tooltips -------------------------------------------------------------------------------

/** Each entry: its term and symbol, its meaning, its formulas drawn as the equations draw them, and its pages. */
function renderGlossary() {
  const dl = $('glossary-list');
  for (const entry of GLOSSARY) {
    const symbol = shownSymbol(entry);
    const dt = element('dt', null, symbol ? `${entry.term} (${symbol})` : entry.term);
    dt.id = `glossary-${entry.id}`;
    const dd = element('dd', null, entry.meaning);
    for (const name of entry.formulas) {
      const box = drawnFormula(name);
      box.classList.add('glossary-formula');
      dd.append(' ', box);
    }
    // Plain text, not links: thirty entries' page links would be a hundred tab stops (the intro links the pages).
    const pages = entry.where.map((w) => PAGES[w].name);
    dd.append(' ', element('span', 'glossary-where', `On ${pages.length > 1 ? `${pages.slice(0, -1).join(', ')} and ${pages.at(-1)}` : pages[0]}.`));
    dl.append(dt, dd);
  }
}

// --- start -------------------------------------------------------------------------------------------------------

function route() {
  readUrl();
  syncProblemInputs();
  renderList();
  renderLesson();
}

view.next.addEventListener('click', (e) => {
  if (view.next.getAttribute('aria-disabled') === 'true') {
    e.preventDefault();
    view.status.textContent = 'Finish this lesson’s tasks first: the next one opens when they are done.';
  }
});
window.addEventListener('hashchange', () => {
  if (isAnchor(location.hash)) return; // the browser scrolls to the entry; the lesson stays as it is
  route();
  view.main.focus();
});
wireTheme($('theme'), 'backprop-descent');
renderGlossary();
wireGlossaryTips($('term-tip'));
route();
delete document.body.dataset.loading;
