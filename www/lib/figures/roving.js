// One Tab stop for a grid of many buttons (the confusion matrix's 100 cells, the neurons' pictures): the buttons
// take the focus in turn from the arrow keys, Home and End (a roving tabindex), and Tab leaves the grid.

/**
 * Makes `container`'s buttons matching `selector` one Tab stop, moved by the arrow keys over rows of `columns()`
 * buttons (a function: the count may follow the layout). Call `refresh()` after the buttons change.
 */
export function rovingFocus(container, selector, columns) {
  const buttons = () => [...container.querySelectorAll(selector)];
  let current = 0;

  function refresh() {
    const all = buttons();
    current = Math.min(current, Math.max(0, all.length - 1));
    all.forEach((b, k) => (b.tabIndex = k === current ? 0 : -1));
  }

  container.addEventListener('focusin', (e) => {
    const k = buttons().indexOf(e.target);
    if (k >= 0 && k !== current) {
      current = k;
      refresh();
    }
  });
  container.addEventListener('keydown', (e) => {
    const all = buttons();
    const k = all.indexOf(e.target);
    if (k < 0) return;
    const n = columns();
    const moves = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -n, ArrowDown: n, Home: -k, End: all.length - 1 - k };
    if (!(e.key in moves)) return;
    const next = k + moves[e.key];
    e.preventDefault();
    if (next < 0 || next >= all.length) return;
    current = next;
    refresh();
    all[next].focus();
  });
  return { refresh };
}
