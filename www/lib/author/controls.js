// One control per field, made from the field alone: its type picks the control (a text box for numbers, lists and
// words, a menu for choices, a checkbox for a flag, a set of checkboxes for a list of choices), its title, attribute,
// meaning, range and default make the label and the hint, and its own parser decides what is accepted. What the
// parser refuses is said beside the control, and the figure keeps the last value it could use.
import { element } from '../dom.js';
import { defaultText } from '../fields.js';

const INPUT_MODES = { number: 'decimal', integer: 'numeric' };

/** The hint under a control: the field's meaning, what it accepts, and its default. */
function hintText(f) {
  const shown = f.flag ? (f.fallback ? 'on' : 'off') : defaultText(f);
  return `${f.meaning} ${f.flag ? 'Present or absent' : `Accepts ${f.range}`}; default ${shown === null || shown === '' ? 'none' : shown}.`;
}

/** The refusal beside a control: what was typed, what the field accepts, and the value the figure keeps. */
function refusalText(f, typed, kept) {
  const shown = f.write(kept);
  return `“${typed.length > 40 ? `${typed.slice(0, 40)}…` : typed}” cannot be used: ${f.attribute} accepts ${f.range}. The figure keeps ${shown === null || shown === '' ? 'its default' : shown}.`;
}

/**
 * A control for field `f` with the id prefix `id`, showing `value`; `onValue(value)` is called with each value the
 * parser accepts. Returns { element, input, show(value) }.
 */
export function createControl(f, value, onValue, id = `set-${f.key}`) {
  const box = element('div', `setting setting-${f.type}`);
  box.dataset.key = f.key;
  const hint = element('p', 'hint', hintText(f));
  hint.id = `${id}-hint`;
  const error = element('p', 'field-error');
  error.id = `${id}-error`;
  error.hidden = true;
  const name = () => {
    const label = element('label', 'setting-name');
    label.htmlFor = id;
    label.append(element('span', null, f.title));
    if (f.title !== f.attribute) label.append(' ', element('code', null, f.attribute)); // "learning rate lr", but "seed" once
    return label;
  };
  let kept = value;
  const accept = (text, input) => {
    const v = f.parse(text);
    if (v === null) return false;
    kept = v;
    input.removeAttribute('aria-invalid');
    error.hidden = true;
    onValue(v);
    return true;
  };
  const refuse = (text, input) => {
    input.setAttribute('aria-invalid', 'true');
    error.textContent = refusalText(f, text, kept);
    error.hidden = false;
  };

  let input;
  let show;
  if (f.type === 'flag') {
    input = element('input');
    input.type = 'checkbox';
    const label = name();
    label.prepend(input, ' ');
    box.append(label);
    input.addEventListener('change', () => onValue((kept = input.checked)));
    show = (v) => (input.checked = Boolean(v));
  } else if (f.type === 'choice') {
    input = element('select');
    for (const choice of f.choices) input.append(new Option(choice === defaultText(f) ? `${choice} (default)` : choice, choice));
    box.append(name(), input);
    input.addEventListener('change', () => accept(input.value, input) || refuse(input.value, input));
    show = (v) => (input.value = f.write(v) ?? String(f.fallback));
  } else if (f.type === 'list' && f.choices) {
    // A list of known words: one checkbox each; the parser judges the list they make (at least one, say).
    input = element('fieldset', 'choices');
    const legend = element('legend', 'setting-name');
    legend.append(element('span', null, f.title));
    if (f.title !== f.attribute) legend.append(' ', element('code', null, f.attribute));
    input.append(legend);
    const boxes = f.choices.map((choice) => {
      const check = element('input');
      check.type = 'checkbox';
      check.value = choice;
      const label = element('label', 'choice');
      label.append(check, ` ${choice}`);
      input.append(label);
      return check;
    });
    const text = () => boxes.filter((b) => b.checked).map((b) => b.value).join(',');
    input.addEventListener('change', () => accept(text(), input) || refuse(text(), input));
    box.append(input);
    show = (v) => boxes.forEach((b) => (b.checked = v.includes(b.value)));
  } else {
    input = element('input');
    input.type = 'text';
    input.id = id;
    input.spellcheck = false;
    input.autocomplete = 'off';
    if (INPUT_MODES[f.type]) input.inputMode = INPUT_MODES[f.type];
    box.append(name(), input);
    // Each keystroke that makes an acceptable value applies it; a refusal is said once the author is done (change).
    input.addEventListener('input', () => accept(input.value.trim(), input));
    input.addEventListener('change', () => accept(input.value.trim(), input) || refuse(input.value.trim(), input));
    show = (v) => (input.value = f.write(v) ?? '');
  }
  if (input.localName !== 'fieldset') input.id = id;
  input.setAttribute('aria-describedby', `${hint.id} ${error.id}`);
  box.append(hint, error);
  show(value);
  return { element: box, input, show: (v) => ((kept = v), show(v)) };
}
