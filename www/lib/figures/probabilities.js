// The ten probabilities the network gives one image, a bar per digit, the most likely marked: the softmax output
// p₀ … p₉, which sum to 1. A list a screen reader reads as "7: 93.1 %". Takes the plain array.
import { element } from '../dom.js';
import { formatFixed } from '../format.js';

/** @returns {{ update(p: ?ArrayLike<number>): void, element: HTMLElement }} (null: nothing drawn yet) */
export function createProbabilities(container, classes = 10) {
  const list = element('ol', 'probabilities');
  list.setAttribute('part', 'probabilities');
  list.setAttribute('aria-label', 'The network’s probability for each digit');
  const rows = [];
  for (let k = 0; k < classes; k++) {
    const li = element('li', 'probability');
    const name = element('span', 'probability-digit', String(k));
    const track = element('span', 'probability-track');
    const bar = element('span', 'probability-bar');
    track.append(bar);
    const value = element('span', 'probability-value', '—');
    li.append(name, track, value);
    list.append(li);
    rows.push({ li, bar, value });
  }
  container.append(list);

  function update(p) {
    const best = p ? Array.prototype.indexOf.call(p, Math.max(...p)) : -1;
    rows.forEach(({ li, bar, value }, k) => {
      const v = p ? p[k] : 0;
      bar.style.setProperty('--p', String(Number.isFinite(v) ? v : 0));
      value.textContent = p ? `${formatFixed(v * 100, 1)}%` : '—';
      li.classList.toggle('best', k === best);
    });
  }

  update(null);
  return { update, element: list };
}
