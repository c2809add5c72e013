// The parts every figure builds its shadow root from: plain elements, buttons, a toolbar, a labelled <select>, a live
// region, a Play loop, and the keyboard help drawn from a shortcut table. Text is always set as text, never parsed.

/** An element with a class and optional text (never parsed as markup). */
export function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = text;
  return node;
}

/** A button named by `action` (data-action, part) that calls `onClick`, appended to `parent`. */
export function button(parent, action, text, onClick) {
  const b = element('button', null, text);
  b.type = 'button';
  b.dataset.action = action;
  b.setAttribute('part', `button ${action}-button`);
  b.addEventListener('click', onClick);
  parent.append(b);
  return b;
}

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

// Boxes and their equations are watched after layout (never measured right after a change, which would force a
// layout per equation): a box whose width changes, or whose equation's does, is checked again.
const overflowWatch = typeof ResizeObserver === 'function'
  ? new ResizeObserver((entries) => entries.forEach((e) => markScroll(e.target.dataset.scrollLabel ? e.target : e.target.parentElement)))
  : null;

/** Marks a box whose content is wider than it: it then shows that it scrolls, and takes the focus (for the keys). */
function markScroll(box) {
  if (!box) return;
  const scrolls = box.scrollWidth > box.clientWidth + 1;
  if (scrolls === box.classList.contains('scrolls')) return;
  box.classList.toggle('scrolls', scrolls);
  if (scrolls) {
    box.tabIndex = 0;
    box.setAttribute('role', 'group');
    box.setAttribute('aria-label', box.dataset.scrollLabel);
  } else {
    box.removeAttribute('tabindex');
    box.removeAttribute('role');
    box.removeAttribute('aria-label');
  }
}

/**
 * A box for an equation: its pieces wrap to the width there is, and where one piece is still wider (a number of
 * many digits), the box scrolls, visibly, and can take the focus. `show(node)` replaces its equation.
 */
export function equationBox(className = 'equation') {
  const box = scrollBox(element('div', className), 'Equation, scrolls sideways');
  return Object.assign(box, {
    show(...nodes) {
      for (const old of box.children) overflowWatch?.unobserve(old);
      box.replaceChildren(...nodes);
      for (const node of box.children) overflowWatch?.observe(node);
    },
  });
}

/**
 * Watches a box that may be narrower than its content (a table): when it must scroll, it says so and takes the
 * focus, so the keyboard can scroll it too. `box`'s children are watched as well.
 */
export function scrollBox(box, label) {
  box.dataset.scrollLabel = label;
  overflowWatch?.observe(box);
  return box;
}

/** Watches the content of a scroll box (call after adding it). */
export function watchContent(node) {
  overflowWatch?.observe(node);
}
