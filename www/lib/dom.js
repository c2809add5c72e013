// The DOM kit every figure and element builds from: plain elements, buttons, the figure's frame, and boxes that
// show when their content scrolls. Text is always set as text, never parsed as markup. Figures (www/lib/figures)
// and elements (www/lib/elements) both import from here; this file imports nothing.

/** An element with a class and optional text (never parsed as markup). */
export function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = text;
  return node;
}

/**
 * A button named by `action` (data-action, part `button <action>-button`) that calls `onClick`, appended to
 * `parent` when there is one. `label` is its accessible name where the text alone is a symbol ("+", "−").
 */
export function button(parent, action, text, onClick, { label } = {}) {
  const b = element('button', null, text);
  b.type = 'button';
  b.dataset.action = action;
  b.setAttribute('part', `button ${action}-button`);
  if (label) b.setAttribute('aria-label', label);
  b.addEventListener('click', onClick);
  parent?.append(b);
  return b;
}

/** A figure's frame: the box (part `frame`) its drawing, controls and captions go in. */
export function frame(className = '') {
  const box = element('div', `frame${className ? ` ${className}` : ''}`);
  box.setAttribute('part', 'frame');
  return box;
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
 * The colour a custom property (`--fg`, `--accent`, …) holds inside `root`, resolved to rgb() text: a custom
 * property's computed value is its text (`light-dark(#1d2330, #e6e9ef)`), which a canvas cannot read, so the colour
 * is read from a hidden probe whose `color` is set to it.
 */
export function cssColor(root, name) {
  const probe = element('span');
  probe.hidden = true;
  probe.style.color = `var(${name})`;
  root.append(probe);
  const color = getComputedStyle(probe).color;
  probe.remove();
  return color;
}
