// The predict-then-reveal panel a figure shows in predict mode: a small form for the guess (a number, one choice,
// or one choice for each of two names), a Reveal button, then the core's value next to the guess with one sentence
// on why, and a running score. It is a plain form, so it works by mouse, keyboard and screen reader alike; the result
// is also sent to the figure's live region.
import { element } from '../dom.js';
import { parseGuess } from '../predict.js';

let panels = 0;

/** `onReveal(question, guess)` returns the judgement { right, truth, why, points? }. */
export function createPredictPanel(onReveal) {
  const id = `predict-${++panels}`;
  const box = element('section', 'predict');
  box.setAttribute('aria-labelledby', `${id}-title`);
  box.setAttribute('part', 'predict');
  box.hidden = true;
  const head = element('div', 'predict-head');
  const title = element('p', 'predict-title', 'Predict, then reveal'); // not a heading: the figure sits anywhere in a page's outline
  title.id = `${id}-title`;
  const score = element('p', 'predict-score');
  head.append(title, score);
  const form = element('form', 'predict-form');
  form.noValidate = true;
  const result = element('p', 'predict-result');
  result.tabIndex = -1;
  result.hidden = true;
  box.append(head, form, result);

  let question = null;
  let right = 0;
  let asked = 0;
  const showScore = () => {
    score.textContent = asked ? `Score: ${right} of ${asked}` : 'Score: none yet';
  };
  showScore();

  function choices(legendText, name, options) {
    const fieldset = element('fieldset', 'predict-choices');
    fieldset.append(element('legend', null, legendText));
    options.forEach(([value, text], i) => {
      const label = element('label', 'predict-option');
      const input = element('input');
      input.type = 'radio';
      input.name = `${id}-${name}`;
      input.value = value;
      input.required = true;
      if (i === 0) input.dataset.first = '';
      label.append(input, ` ${text}`);
      fieldset.append(label);
    });
    return fieldset;
  }

  function ask(q) {
    question = q;
    result.hidden = true;
    form.replaceChildren();
    const error = element('p', 'predict-error');
    error.id = `${id}-error`;
    error.hidden = true;
    if (q.kind === 'number') {
      const label = element('label', 'predict-label', q.prompt);
      label.htmlFor = `${id}-guess`;
      const input = element('input', 'predict-input');
      input.id = `${id}-guess`;
      input.type = 'text';
      input.inputMode = 'decimal';
      input.autocomplete = 'off';
      input.setAttribute('aria-describedby', error.id);
      form.append(label, input);
    } else if (q.kind === 'choice') {
      form.append(choices(q.prompt, 'choice', q.options));
    } else {
      form.append(element('p', 'predict-label', q.prompt));
      for (const name of q.names) form.append(choices(`${name} will go`, name, q.options));
    }
    const submit = element('button', 'predict-submit', 'Reveal');
    submit.type = 'submit';
    form.append(submit, error);
    box.hidden = false;
  }

  function guess() {
    const error = form.querySelector('.predict-error');
    const fail = (text) => {
      error.textContent = text;
      error.hidden = false;
      form.querySelector('input')?.setAttribute('aria-invalid', 'true');
      return null;
    };
    if (question.kind === 'number') {
      const v = parseGuess(form.querySelector('input').value);
      return v === null ? fail('Type a number, such as 1.2 or −0.35.') : v;
    }
    const picked = (name) => form.querySelector(`input[name="${id}-${name}"]:checked`)?.value ?? null;
    if (question.kind === 'choice') return picked('choice') ?? fail('Pick one answer first.');
    const values = question.names.map(picked);
    return values.includes(null) ? fail('Pick an answer for each.') : values;
  }

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (!question) return;
    const g = guess();
    if (g === null) return;
    const q = question;
    question = null;
    const verdict = onReveal(q, g);
    if (!verdict) return;
    const possible = q.kind === 'pair' ? q.names.length : 1;
    asked += possible;
    right += verdict.points ?? (verdict.right ? 1 : 0);
    showScore();
    const shown = Array.isArray(g) ? q.names.map((n, i) => `${n} ${g[i]}`).join(', ') : q.kind === 'number' ? String(g) : q.options.find(([v]) => v === g)?.[1];
    form.replaceChildren();
    result.textContent = `${verdict.right ? 'Right.' : 'Not quite.'} You said ${shown}; the core computed ${verdict.truth}. ${verdict.why}`;
    result.classList.toggle('right', verdict.right);
    result.hidden = false;
  });

  return {
    element: box,
    ask,
    /** True while a question waits for its guess. */
    get asking() {
      return question !== null;
    },
    get score() {
      return { right, asked };
    },
    /** Puts the focus on the question's first field (or on the last result). */
    focus() {
      (form.querySelector('input') ?? (result.hidden ? null : result))?.focus();
    },
    /** The text of the last result (for the live region). */
    get resultText() {
      return result.hidden ? '' : result.textContent;
    },
    show(on) {
      box.hidden = !on;
      if (!on) {
        question = null;
        form.replaceChildren();
        result.hidden = true;
      }
    },
    resetScore() {
      right = 0;
      asked = 0;
      showScore();
    },
  };
}
