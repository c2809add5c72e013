// The parts an element builds its controls from, on top of the DOM kit (../dom.js): a toolbar, a labelled <select>,
// a live region, a notice, a Play loop, and the keyboard help drawn from a shortcut table. Text is always set as
// text, never parsed.
import { element } from '../dom.js';

/** A labelled <select> of `options` ([value, text] pairs), appended to `parent`; `onChange(value)` on change. */
export function selectMenu(parent, key, label, options, onChange) {
  const wrap = element('label', 'setting', `${label} `);
  const select = element('select');
  select.dataset.key = key;
  select.setAttribute('part', key);
  for (const [value, text] of options) {
    const o = element('option', null, text);
    o.value = value;
    select.append(o);
  }
  select.addEventListener('change', () => onChange(select.value));
  wrap.append(select);
  parent.append(wrap);
  return select;
}

/** A toolbar (role toolbar, part `controls`). */
export function toolbar(label) {
  const bar = element('div', 'controls');
  bar.setAttribute('role', 'toolbar');
  bar.setAttribute('aria-label', label);
  bar.setAttribute('part', 'controls');
  return bar;
}

/** A polite live region, read by screen readers and hidden from sight. */
export function liveRegion() {
  const live = element('p', 'visually-hidden');
  live.setAttribute('aria-live', 'polite');
  live.setAttribute('role', 'status');
  return live;
}

/** A notice paragraph (hidden until it has text); `show(text)` sets or clears it. */
export function notice(className = 'notice') {
  const p = element('p', className);
  p.hidden = true;
  return Object.assign(p, {
    show(text) {
      p.textContent = text ?? '';
      p.hidden = !text;
    },
  });
}

/** Says why training cannot go on, in `stop` (a notice) and `live` (the live region), and disables Play and Step. */
export function showStop({ stop, live, play, step }, text) {
  stop.textContent = text;
  stop.hidden = false;
  live.textContent = text;
  play.disabled = true;
  step.disabled = true;
}

/**
 * A requestAnimationFrame loop for a Play button: `frame(now)` runs once per frame and returns false to stop;
 * `toggled(playing)` runs on every start and stop (to relabel the button). The loop lives in JavaScript; the core
 * only computes.
 */
export function frameLoop(frame, toggled) {
  let id = 0;
  let playing = false;
  const tick = (now) => {
    if (!playing) return;
    if (frame(now) === false) stop();
    else id = requestAnimationFrame(tick);
  };
  function stop() {
    if (!playing) return;
    playing = false;
    cancelAnimationFrame(id);
    toggled(false);
  }
  return {
    start() {
      if (playing) return;
      playing = true;
      id = requestAnimationFrame(tick);
      toggled(true);
    },
    stop,
    get playing() {
      return playing;
    },
  };
}

/** Shows a Play button's state: its text and aria-pressed. */
export function showPlaying(play, playing, idle = 'Play') {
  play.textContent = playing ? 'Pause' : idle;
  play.setAttribute('aria-pressed', String(playing));
}

/** A definition list of a shortcut table's keys and what they do (the page's key list and the figures' help). */
export function shortcutList(shortcuts, className = 'shortcuts') {
  const dl = element('dl', className);
  for (const s of shortcuts) {
    const dt = element('dt');
    s.keys.forEach((k, i) => {
      if (i) dt.append(' or ');
      dt.append(element('kbd', null, k.label));
    });
    dl.append(dt, element('dd', null, s.text));
  }
  return dl;
}
