// Small images of numbers, one canvas pixel per value, scaled up sharp by CSS (image-rendering: pixelated): a
// digit's 8 × 8 grey levels (ink on paper), or a neuron's 64 weights (orange below 0, blue above, paper at 0). And
// the theme's colours as numbers, which canvases need: read from a probe element, so a colour written with
// light-dark() or var() resolves as the page shows it.

/** The theme's colours [r, g, b] of the CSS colours `names` ({ key: 'var(--fg)' }), resolved inside `root`. */
export function themeColors(root, names) {
  const probe = document.createElement('span');
  probe.hidden = true;
  root.append(probe);
  const out = {};
  for (const [key, css] of Object.entries(names)) {
    probe.style.color = css;
    const m = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)/.exec(getComputedStyle(probe).color);
    out[key] = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [0, 0, 0];
  }
  probe.remove();
  return out;
}

/** A canvas of `side` × `side` pixels, class `className`, an image to screen readers named `label`. */
export function pixelCanvas(side, className, label) {
  const canvas = document.createElement('canvas');
  canvas.width = side;
  canvas.height = side;
  canvas.className = `pixels ${className}`;
  if (label) {
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', label);
  } else {
    canvas.setAttribute('aria-hidden', 'true');
  }
  return canvas;
}

/** The pixel index (row · side + column) of `canvas`, a side × side image, under a pointer event; null outside. */
export function pixelAt(canvas, e, side) {
  const box = canvas.getBoundingClientRect();
  const c = Math.floor(((e.clientX - box.left) / box.width) * side);
  const r = Math.floor(((e.clientY - box.top) / box.height) * side);
  return c >= 0 && c < side && r >= 0 && r < side ? r * side + c : null;
}

/** Mixes `from` towards `to` by k in [0, 1], into pixel i of `px`. */
function mix(px, i, from, to, k) {
  px[4 * i] = from[0] + (to[0] - from[0]) * k;
  px[4 * i + 1] = from[1] + (to[1] - from[1]) * k;
  px[4 * i + 2] = from[2] + (to[2] - from[2]) * k;
  px[4 * i + 3] = 255;
}

/** Paints grey levels `values` (0..`max`) into `canvas`: 0 is `paper`, `max` is `ink`. */
export function paintLevels(canvas, values, max, { paper, ink }) {
  const ctx = canvas.getContext('2d');
  const image = ctx.createImageData(canvas.width, canvas.height);
  for (let i = 0; i < values.length; i++) mix(image.data, i, paper, ink, Math.min(1, Math.max(0, values[i] / max)));
  ctx.putImageData(image, 0, 0);
}

/** Paints signed `values` into `canvas`: 0 is `paper`, −`scale` is `negative`, +`scale` is `positive`. */
export function paintSigned(canvas, values, scale, { paper, negative, positive }) {
  const ctx = canvas.getContext('2d');
  const image = ctx.createImageData(canvas.width, canvas.height);
  for (let i = 0; i < values.length; i++) {
    const v = Number.isFinite(values[i]) && scale > 0 ? values[i] / scale : 0;
    mix(image.data, i, paper, v < 0 ? negative : positive, Math.min(1, Math.abs(v)));
  }
  ctx.putImageData(image, 0, 0);
}
