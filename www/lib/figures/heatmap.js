// The playground's picture: the network's output over the plane as a heatmap (a small nx × ny image written with
// ImageData from a plain array of outputs, upscaled smoothly onto the canvas), and the data points on top (training
// points filled, test points ringed). Takes plain arrays and colours; never holds the network.

const SIZE = 480; // canvas pixels: drawn at up to 480 CSS px, sharp enough on a 2× screen at phone widths

/** A CSS colour as [r, g, b] (a 1×1 canvas context normalizes any CSS colour to #rrggbb). */
export function rgb(color, context) {
  context.fillStyle = '#000';
  context.fillStyle = color;
  const hex = /^#([0-9a-f]{6})$/i.exec(context.fillStyle)?.[1] ?? '000000';
  return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
}

/**
 * @returns {{ update(d: { grid: Float64Array|number[], nx: number, ny: number, domain: [number, number],
 *   train: Float64Array|number[], test: Float64Array|number[], colors: { negative: string, positive: string,
 *   neutral: string, stroke: string } }): void, canvas: HTMLCanvasElement }}
 */
export function createHeatmapFigure(container, label) {
  const canvas = document.createElement('canvas');
  canvas.width = SIZE;
  canvas.height = SIZE;
  canvas.className = 'heatmap';
  canvas.setAttribute('part', 'heatmap');
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', label);
  container.append(canvas);
  const ctx = canvas.getContext('2d');
  const small = document.createElement('canvas');
  const smallCtx = small.getContext('2d');
  let image = null;

  function update({ grid, nx, ny, domain, train, test, colors }) {
    if (!image || image.width !== nx || image.height !== ny) {
      small.width = nx;
      small.height = ny;
      image = smallCtx.createImageData(nx, ny);
    }
    const neg = rgb(colors.negative, ctx);
    const pos = rgb(colors.positive, ctx);
    const mid = rgb(colors.neutral, ctx);
    const px = image.data;
    for (let i = 0; i < nx * ny; i++) {
      const v = Math.max(-1, Math.min(1, grid[i]));
      const end = v < 0 ? neg : pos;
      const k = Number.isFinite(v) ? Math.abs(v) * 0.75 : 0;
      px[4 * i] = mid[0] + (end[0] - mid[0]) * k;
      px[4 * i + 1] = mid[1] + (end[1] - mid[1]) * k;
      px[4 * i + 2] = mid[2] + (end[2] - mid[2]) * k;
      px[4 * i + 3] = 255;
    }
    smallCtx.putImageData(image, 0, 0);
    ctx.imageSmoothingEnabled = true;
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(small, 0, 0, SIZE, SIZE);
    const [lo, hi] = domain;
    const sx = (v) => ((v - lo) / (hi - lo)) * SIZE;
    const sy = (v) => ((hi - v) / (hi - lo)) * SIZE;
    const dots = (rows, filled) => {
      for (let i = 0; i + 2 < rows.length; i += 3) {
        const color = rows[i + 2] > 0 ? colors.positive : colors.negative;
        ctx.beginPath();
        ctx.arc(sx(rows[i]), sy(rows[i + 1]), filled ? 4.5 : 4, 0, 2 * Math.PI);
        ctx.fillStyle = filled ? color : colors.neutral;
        ctx.fill();
        ctx.lineWidth = filled ? 1.2 : 2.2;
        ctx.strokeStyle = filled ? colors.stroke : color;
        ctx.stroke();
      }
    };
    dots(test, false);
    dots(train, true);
  }

  return { update, canvas };
}
