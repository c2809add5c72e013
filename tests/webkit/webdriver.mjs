// A small W3C WebDriver client over fetch, for WebKit: Debian's WebKitWebDriver drives its MiniBrowser (WebKitGTK,
// the engine of Safari) in a virtual X display that Xvfb provides. Playwright's WebKit needs its own browser build,
// which is not installable here; WebDriver needs only the distribution's packages.
//
//   const webkit = await startWebKit();
//   await webkit.get(url);
//   await webkit.execute((sel) => document.querySelector(sel).textContent, '#out');
//   await webkit.close();
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

/** How WebDriver marks a DOM element in JSON (W3C WebDriver, "web element identifier"). */
const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

/** Key codes of the WebDriver keyboard (W3C WebDriver, "keyboard actions"). */
export const KEYS = { Tab: '\uE004', Enter: '\uE007', Shift: '\uE008', ArrowRight: '\uE014' };

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

function freePort() {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => done(port));
    });
  });
}

/** Starts Xvfb on a free display (it writes the display number it took to fd 3). */
function startXvfb() {
  const xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1600x1200x24', '-nolisten', 'tcp'], { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] });
  return new Promise((done, fail) => {
    let text = '';
    xvfb.once('error', (e) => fail(new Error(`cannot start Xvfb (scripts/setup.sh installs it): ${e.message}`)));
    xvfb.stdio[3].on('data', (chunk) => {
      text += chunk;
      if (text.includes('\n')) done({ process: xvfb, display: `:${text.trim()}` });
    });
  });
}

/**
 * Starts Xvfb, WebKitWebDriver and a MiniBrowser session; resolves to a Session whose close() ends all three.
 * `width` × `height`: the window's size.
 */
export async function startWebKit({ width = 1280, height = 900 } = {}) {
  const xvfb = await startXvfb();
  const port = await freePort();
  const driver = spawn('WebKitWebDriver', [`--port=${port}`], { env: { ...process.env, DISPLAY: xvfb.display }, stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  driver.stderr.on('data', (chunk) => (log = (log + chunk).slice(-4000)));
  const killAll = () => {
    driver.kill();
    xvfb.process.kill();
  };
  process.on('exit', killAll); // also when a test run ends without close()
  const stop = async () => {
    process.off('exit', killAll);
    const exited = driver.exitCode === null ? new Promise((done) => driver.once('exit', done)) : null;
    killAll();
    await exited; // the driver reaps its browser before it goes
  };
  const base = `http://127.0.0.1:${port}`;
  try {
    for (let i = 0; ; i++) {
      const ready = await fetch(`${base}/status`).then((r) => r.ok, () => false);
      if (ready) break;
      if (i > 100 || driver.exitCode !== null) throw new Error(`WebKitWebDriver did not start: ${log}`);
      await sleep(100);
    }
    const { sessionId, capabilities } = await command(base, 'POST', '/session', { capabilities: { alwaysMatch: {} } });
    const session = new Session(`${base}/session/${sessionId}`, capabilities, stop);
    await session.setWindowSize(width, height);
    return session;
  } catch (e) {
    await stop();
    throw e;
  }
}

/** One WebDriver command; the `value` of its answer, or an Error with the driver's message. */
async function command(base, method, path, body) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const { value } = await response.json();
  if (!response.ok || value?.error) throw new Error(`WebDriver ${method} ${path}: ${value?.error}: ${value?.message}`);
  return value;
}

export class Session {
  #url;
  #stop;

  constructor(url, capabilities, stop) {
    this.#url = url;
    this.#stop = stop;
    /** The browser's name and version, as the driver reports them. */
    this.browser = `${capabilities.browserName} ${capabilities.browserVersion}`;
  }

  send(method, path, body) {
    return command(this.#url, method, path, body);
  }

  /** Loads `url` and waits for its load event. */
  get(url) {
    return this.send('POST', '/url', { url });
  }

  setWindowSize(width, height) {
    return this.send('POST', '/window/rect', { width, height });
  }

  /** Runs `fn(...args)` in the page; resolves to its (awaited) result. DOM elements come back as references. */
  async execute(fn, ...args) {
    const script = `const done = arguments[arguments.length - 1];
      Promise.resolve().then(() => (${fn}).apply(null, Array.prototype.slice.call(arguments, 0, -1)))
        .then((value) => done({ value }), (e) => done({ error: String(e && e.stack || e) }));`;
    const out = await this.send('POST', '/execute/async', { script, args });
    if (out.error) throw new Error(`in the page: ${out.error}`);
    return out.value;
  }

  /** Polls `fn(...args)` in the page until it returns a truthy value (then resolves to it), or fails after `timeout` ms. */
  async waitFor(fn, args = [], { timeout = 15000, what = String(fn) } = {}) {
    const end = Date.now() + timeout;
    for (;;) {
      const value = await this.execute(fn, ...args);
      if (value) return value;
      if (Date.now() > end) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
      await sleep(50);
    }
  }

  /** Clicks an element (a reference returned by execute) as a pointer would, after scrolling it into view. */
  click(element) {
    return this.send('POST', `/element/${element[ELEMENT]}/click`, {});
  }

  /** Presses keys in order; a key given as 'Shift+ArrowRight' is pressed with Shift held. */
  async press(...keys) {
    const actions = [];
    for (const key of keys) {
      const parts = key.split('+').map((k) => KEYS[k] ?? k);
      for (const k of parts) actions.push({ type: 'keyDown', value: k });
      for (const k of parts.reverse()) actions.push({ type: 'keyUp', value: k });
    }
    await this.send('POST', '/actions', { actions: [{ type: 'key', id: 'keyboard', actions }] });
    await this.send('DELETE', '/actions');
  }

  /** A PNG of the window. */
  async screenshot() {
    return Buffer.from(await this.send('GET', '/screenshot'), 'base64');
  }

  /** Ends the session, the driver and the display. */
  async close() {
    await this.send('DELETE', '').catch(() => {});
    await sleep(300); // the browser quits after the answer; its driver reaps it if still there
    await this.#stop();
  }
}
