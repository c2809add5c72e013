// The author's page (author.html): pick a figure, set its attributes with controls made from its own table, watch
// the live figure follow, and copy the snippet for each way in. Nothing here knows a figure's attributes: they are
// the element's `static fields`, read from its class once it is defined; what the tables cannot say (which figures
// there are, their widget pages) is the catalogue. The picks live in the page's fragment (#figure=…&x=…), so an
// author can bookmark or share a figure being made.
import { defineNetworkElement, NETWORK_ELEMENTS } from '../../backprop-lab.js';
import { readFragment } from '../fields.js';
import { CATALOGUE, figureNamed } from './catalogue.js';
import { createControl } from './controls.js';
import { fragment, snippets } from './snippets.js';

const picker = document.getElementById('figure');
const summary = document.getElementById('figure-summary');
const form = document.getElementById('settings');
const preview = document.getElementById('preview');
const status = document.getElementById('copy-status');
const WAYS = ['cdn', 'npm-js', 'npm-html', 'iframe', 'link'];

/** What the author is making: the figure, its class, the values set (by key; a default is not kept), the controls. */
let current = { figure: null, element: null, values: {}, controls: [] };

/** The fields an author sets here: all but `for` (an id on the author's own page, in the reference instead). */
const settable = (fields) => fields.filter((f) => f.type !== 'id');
const sameValue = (f, a, b) => f.write(a) === f.write(b);

async function elementClass(tag) {
  if (tag in NETWORK_ELEMENTS) return defineNetworkElement(tag);
  return customElements.whenDefined(tag);
}

/** Shows the figure named `tag` with `values`, with its controls and snippets. */
async function choose(tag, values) {
  const figure = figureNamed(tag) ?? CATALOGUE[0];
  picker.value = figure.tag;
  summary.textContent = figure.summary;
  const cls = await elementClass(figure.tag);
  if (picker.value !== figure.tag) return; // another figure was picked meanwhile
  current = { figure, element: cls, values: { ...values }, controls: [] };
  form.replaceChildren();
  for (const f of settable(cls.fields)) {
    const control = createControl(f, values[f.key] ?? f.fallback, (v) => set(f, v));
    current.controls.push(control);
    form.append(control.element);
  }
  // `for` names an id on the author's own page: said here, set there.
  const note = document.getElementById('other-attributes');
  note.replaceChildren();
  for (const f of cls.fields.filter((f) => !settable([f]).length)) {
    const code = document.createElement('code');
    code.textContent = f.attribute;
    note.append(code, ` (${f.title}): ${f.meaning} Add it in your page, where the other figure’s id is known.`);
  }
  note.hidden = note.childNodes.length === 0;
  const figureElement = document.createElement(figure.tag);
  figureElement.id = 'preview-figure';
  preview.replaceChildren(figureElement);
  show();
}

/** A value the parser accepted: kept (or forgotten, when it is the default), shown, written into the snippets. */
function set(f, value) {
  if (sameValue(f, value, f.fallback)) delete current.values[f.key];
  else current.values[f.key] = value;
  show();
}

function show() {
  const { figure, element: cls, values } = current;
  const live = preview.firstElementChild;
  for (const f of cls.fields) {
    if (f.key === 'loading') continue; // the preview always loads at once
    for (const name of f.attributes) if (name !== f.attribute) live.removeAttribute(name);
    const text = Object.hasOwn(values, f.key) ? f.write(values[f.key]) : null;
    if (text === null) live.removeAttribute(f.attribute);
    else if (live.getAttribute(f.attribute) !== text) live.setAttribute(f.attribute, text);
  }
  live.setAttribute('loading', 'eager');
  const ways = snippets(figure, cls, values, location.href);
  const texts = { cdn: ways.cdn, 'npm-js': ways.npm.js, 'npm-html': ways.npm.html, iframe: ways.iframe, link: ways.link };
  for (const way of WAYS) {
    const box = document.getElementById(`way-${way}`);
    box.textContent = texts[way] ?? '';
    box.closest('.way-body').hidden = texts[way] === null;
  }
  for (const way of ['iframe', 'link']) document.getElementById(`no-${way}`).hidden = texts[way] !== null;
  const tagName = figure.tag.replace('backprop-', '');
  history.replaceState(null, '', `#figure=${tagName}&${fragment(cls.fields, values).replace(/^v=\d+&?/, '')}`.replace(/&$/, ''));
}

/** The values a fragment (#figure=descent&lr=0.3) or a catalogue entry's start gives, through the figure's table. */
async function valuesFrom(tag, text) {
  const cls = await elementClass(tag);
  const read = readFragment(text, cls.fields);
  return Object.fromEntries(read.given.map((key) => [key, read.state[key]]));
}

for (const { tag } of CATALOGUE) picker.append(new Option(`<${tag}>`, tag));
picker.addEventListener('change', async () => {
  const tag = picker.value;
  const start = figureNamed(tag).start;
  choose(tag, await valuesFrom(tag, new URLSearchParams(start).toString()));
});

document.getElementById('reset-settings').addEventListener('click', () => {
  const { figure } = current;
  current.values = {};
  valuesFrom(figure.tag, new URLSearchParams(figure.start).toString()).then((values) => choose(figure.tag, values));
});

for (const button of document.querySelectorAll('[data-copy]')) {
  button.addEventListener('click', async () => {
    const code = document.getElementById(button.dataset.copy);
    try {
      await navigator.clipboard.writeText(code.textContent);
      status.textContent = `Copied: ${button.dataset.what}.`;
    } catch {
      getSelection().selectAllChildren(code); // the browser would not let the page write the clipboard: select it instead
      status.textContent = `Selected: ${button.dataset.what}. Press Ctrl+C (⌘C on a Mac) to copy it.`;
    }
  });
}

// The figure from the fragment (#figure=descent&lr=0.3), or the first with its starting values.
const asked = new URLSearchParams(location.hash.slice(1)).get('figure');
const first = figureNamed(`backprop-${asked}`) ?? CATALOGUE[0];
const text = asked && figureNamed(`backprop-${asked}`) ? location.hash : new URLSearchParams(first.start).toString();
valuesFrom(first.tag, text)
  .then((values) => choose(first.tag, values))
  .then(() => document.getElementById('preview-figure').load())
  .finally(() => document.getElementById('main').removeAttribute('aria-busy'));
