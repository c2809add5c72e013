// Where a frame's time goes, from a Chromium trace (the JSON that Tracing writes): the CPU time of each thread that
// takes part in a frame (the page's main thread, its worker, the raster workers, the compositor, the display
// compositor), per animation frame, and the main thread's share split into the callback's script and the rendering
// steps after it.
// CPU time is each event's thread time (tdur), so other programs on the machine do not inflate it as they inflate the
// wall-clock durations. Used by scripts/bench-page.mjs.

/** The trace categories summarize() reads. */
export const FRAME_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'cc', 'viz', 'toplevel'];

/** Threads by name (a trailing number dropped), as the table shows them. */
const THREADS = {
  CrRendererMain: 'main thread',
  ThreadPoolForegroundWorker: 'raster workers',
  CompositorTileWorker: 'raster workers',
  Compositor: 'compositor',
  VizCompositorThread: 'display compositor',
  'DedicatedWorker thread': 'worker (the heatmap grid)',
};

/** The main thread's events (self time) in the steps of a frame. */
const STEPS = [
  ['script (train, grids, colours, DOM writes)', /^(FunctionCall|FireAnimationFrame|EvaluateScript|v8\.|V8\.|RunMicrotasks|TimerFire)/],
  ['style and layout', /^(UpdateLayoutTree|Layout|RecalculateStyles|Document::|IntersectionObserver)/],
  ['paint (prepaint, paint, layerize)', /^(PrePaint|Paint|Layerize|PaintArtifactCompositor|UpdateLayer)$/],
  ['canvas flush and layer update', /^(LayerTreeHost::DoUpdateLayers|Canvas)/],
  ['commit', /(Commit|commit)/],
];

/** Self thread time per event, for one thread's complete events ('X' with tdur), nested by their start and length. */
function selfTimes(events) {
  events.sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const open = [];
  let top = 0;
  const child = new Map();
  for (const e of events) {
    while (open.length && open.at(-1).ts + open.at(-1).dur <= e.ts) open.pop();
    if (open.length) child.set(open.at(-1), (child.get(open.at(-1)) ?? 0) + e.tdur);
    else top += e.tdur;
    open.push(e);
  }
  return { top, self: events.map((e) => [e, e.tdur - (child.get(e) ?? 0)]) };
}

/**
 * @param {object[]} events a trace's traceEvents
 * @returns {{ frames: number, threads: [string, number][], steps: [string, number][], outside: number }} CPU ms
 *   per animation frame: by thread, by main-thread step, and the main thread's time outside the frame callbacks.
 */
export function summarize(events) {
  const names = new Map();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args.name.replace(/\d+$/, ''));
  const frames = events.filter((e) => e.name === 'FireAnimationFrame' && e.ph === 'X').length || 1;
  const byThread = new Map();
  for (const e of events) {
    if (e.ph !== 'X' || e.tdur === undefined) continue;
    const group = THREADS[names.get(`${e.pid}:${e.tid}`)];
    if (!group) continue;
    const key = `${group}|${e.pid}:${e.tid}`;
    if (!byThread.has(key)) byThread.set(key, []);
    byThread.get(key).push(e);
  }
  const threads = new Map();
  const steps = new Map(STEPS.map(([name]) => [name, 0]));
  steps.set('other', 0);
  let callbacks = 0;
  for (const [key, list] of byThread) {
    const group = key.split('|')[0];
    const { top, self } = selfTimes(list);
    threads.set(group, (threads.get(group) ?? 0) + top);
    if (group !== 'main thread') continue;
    for (const e of list) if (e.name === 'FireAnimationFrame') callbacks += e.tdur;
    for (const [e, t] of self) {
      const step = STEPS.find(([, pattern]) => pattern.test(e.name))?.[0] ?? 'other';
      steps.set(step, steps.get(step) + t);
    }
  }
  const perFrame = (v) => v / 1000 / frames;
  const main = threads.get('main thread') ?? 0;
  return {
    frames,
    threads: [...threads].map(([k, v]) => [k, perFrame(v)]).sort((a, b) => b[1] - a[1]),
    steps: [...steps].map(([k, v]) => [k, perFrame(v)]),
    outside: perFrame(main - callbacks),
  };
}
