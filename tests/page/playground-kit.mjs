// What the playground's page tests share: one server and browser per test file, the figure's selector, its parts
// (playwright pierces open shadow roots), and a wait for its first drawing.
import { before, after } from 'node:test';
import { setup } from './helpers.mjs';

export const EL = '#playground';

/** The server and browser of a test file: filled before its first test, closed after its last. */
export function pageEnv() {
  const env = {};
  before(async () => {
    Object.assign(env, await setup());
  });
  after(async () => {
    await env.close?.();
  });
  return env;
}

/** The playground's parts matching `selector` (inside its shadow root). */
export const inShadow = (page, selector) => page.locator(`${EL} ${selector}`);

/** Scrolls to the playground (its code loads as a reader nears it) and waits until it has drawn with its core. */
export async function ready(page) {
  await page.evaluate((s) => document.querySelector(s).scrollIntoView(), EL);
  await page.waitForFunction((s) => document.querySelector(s)?.network && document.querySelector(s).ready, EL);
}
