// Builds a deployable copy of www/ for one address, with the widget pages' link previews complete:
//
//   node scripts/site.mjs --base-url https://example.org/backprop-lab/ [--out target/site]
//
// Every widget page (www/embed/*.html with an oEmbed discovery link) gets:
//   - its Open Graph URLs (og:url, og:image) and its oEmbed discovery link made absolute under the base URL;
//   - a preview image, embed/<name>.png, a screenshot of the widget taken here by headless Chromium (in the state its
//     backprop-lab:preview tag gives), centred in a card of the size its og:image:width × og:image:height tags give;
//   - a static oEmbed response, embed/<name>.oembed.json, of type "rich" (oEmbed 1.0): `html` is an iframe of the
//     widget page, at a width of IFRAME_WIDTH and the height the widget measures at that width in Chromium.
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from './serve.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** The width, in CSS pixels, of the iframe an oEmbed consumer gets. */
export const IFRAME_WIDTH = 640;
/** The width, in CSS pixels, at which a widget is drawn for its preview image, and the card's margin around it. */
const PREVIEW_WIDTH = 1000;
const CARD_MARGIN = 24;
/** How long a consumer may cache an oEmbed response, in seconds. */
const CACHE_AGE = 86400;
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'];

const escapeAttribute = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
const unescapeAttribute = (s) => s.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** The content of `<meta property|name="key" content="…">` in `html`, or null. */
export function metaContent(html, key) {
  const tag = html.match(new RegExp(`<meta\\s+(?:property|name)="${key.replace(/[.:]/g, '\\$&')}"\\s+content="([^"]*)"`));
  return tag ? unescapeAttribute(tag[1]) : null;
}

/** The href of the page's oEmbed discovery link, or null. */
export function oembedHref(html) {
  const tag = html.match(/<link\s+rel="alternate"\s+type="application\/json\+oembed"\s+href="([^"]*)"/);
  return tag ? unescapeAttribute(tag[1]) : null;
}

/** `html` with the link-preview URLs (og:url, og:image, the oEmbed link) resolved against `pageUrl`. */
function absolutize(html, pageUrl) {
  const abs = (value) => escapeAttribute(new URL(unescapeAttribute(value), pageUrl).href);
  return html
    .replace(/(<meta\s+property="og:(?:url|image)"\s+content=")([^"]*)"/g, (_, head, v) => `${head}${abs(v)}"`)
    .replace(/(<link\s+rel="alternate"\s+type="application\/json\+oembed"\s+href=")([^"]*)"/, (_, head, v) => `${head}${abs(v)}"`);
}

/** The widget pages: embed/*.html that carry an oEmbed discovery link. */
function widgetPages(dir) {
  return readdirSync(join(dir, 'embed'))
    .filter((n) => n.endsWith('.html'))
    .filter((n) => oembedHref(readFileSync(join(dir, 'embed', n), 'utf8')) !== null)
    .map((n) => n.slice(0, -'.html'.length));
}

/** Opens a widget page and waits until its figure has drawn with the wasm core. */
async function openWidget(context, url, viewport) {
  const page = await context.newPage();
  await page.setViewportSize(viewport);
  await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
  await page.goto(url);
  await page.waitForFunction(() => {
    const el = document.getElementById('figure');
    return el?.model?.ready && el.shadowRoot?.querySelector('.frame');
  });
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  return page;
}

/** Draws the PNG `shot` (taken at twice the CSS pixels, for sharpness) centred in a card of `size` (the page's background, a margin), saved at `path`. */
async function fitIntoCard(context, shot, size, path) {
  const card = await context.newPage();
  await card.setViewportSize(size);
  await card.setContent(
    `<body style="margin:0;width:${size.width}px;height:${size.height}px;display:grid;place-items:center;background:#fafaf9">` +
      `<img alt="" style="max-width:${size.width - 2 * CARD_MARGIN}px;max-height:${size.height - 2 * CARD_MARGIN}px" src="data:image/png;base64,${shot.toString('base64')}"></body>`,
  );
  await card.waitForFunction(() => document.querySelector('img').complete);
  await card.screenshot({ path, scale: 'css' });
  await card.close();
}

/** Builds the site for `baseUrl` into `out`; returns the widgets with their oEmbed responses. */
export async function buildSite({ baseUrl, out }) {
  const base = new URL(baseUrl);
  if (!/^https?:$/.test(base.protocol)) throw new Error(`the base URL must be http(s) (got ${baseUrl})`);
  if (!base.pathname.endsWith('/')) base.pathname += '/';
  for (const build of ['pkg', 'pkg-article']) readdirSync(join(ROOT, 'www', build)); // throws if make build has not run

  rmSync(out, { recursive: true, force: true });
  cpSync(join(ROOT, 'www'), out, { recursive: true });
  const names = widgetPages(out);
  if (!names.length) throw new Error('no widget page with an oEmbed discovery link in www/embed/');

  const local = await startServer({ root: out, csp: true });
  const context = await chromium.launchPersistentContext('', { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, deviceScaleFactor: 2 });
  const widgets = [];
  try {
    for (const name of names) {
      const file = join(out, 'embed', `${name}.html`);
      const pageUrl = new URL(`embed/${name}.html`, base).href;
      const source = readFileSync(file, 'utf8');
      const title = metaContent(source, 'og:title');
      const image = { width: Number(metaContent(source, 'og:image:width')), height: Number(metaContent(source, 'og:image:height')) };
      if (!title || !(image.width > 0 && image.height > 0)) throw new Error(`embed/${name}.html needs og:title, og:image:width and og:image:height`);

      // The preview image: the widget in the state its backprop-lab:preview tag gives, fitted into the card.
      const state = metaContent(source, 'backprop-lab:preview') ?? '';
      const preview = await openWidget(context, `${local.url}embed/${name}.html${state}`, { width: PREVIEW_WIDTH, height: 800 });
      const shot = await preview.locator('#figure').screenshot();
      await preview.close();
      await fitIntoCard(context, shot, image, join(out, 'embed', metaContent(source, 'og:image')));

      // The iframe's height: what the widget measures at the iframe's width.
      const sized = await openWidget(context, `${local.url}embed/${name}.html`, { width: IFRAME_WIDTH, height: 600 });
      const height = await sized.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
      await sized.close();

      const html = absolutize(source, pageUrl);
      writeFileSync(file, html);
      const oembed = {
        version: '1.0',
        type: 'rich',
        title,
        provider_name: 'backprop-lab',
        provider_url: base.href,
        cache_age: CACHE_AGE,
        thumbnail_url: metaContent(html, 'og:image'),
        thumbnail_width: image.width,
        thumbnail_height: image.height,
        html: `<iframe src="${escapeAttribute(pageUrl)}" width="${IFRAME_WIDTH}" height="${height}" title="${escapeAttribute(title)} (backprop-lab)" loading="lazy"></iframe>`,
        width: IFRAME_WIDTH,
        height,
      };
      writeFileSync(join(out, 'embed', oembedHref(source)), `${JSON.stringify(oembed, null, 2)}\n`);
      widgets.push({ name, pageUrl, oembed });
    }
  } finally {
    await context.close();
    await new Promise((done) => local.server.close(done));
  }
  return widgets;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const option = (name, fallback) => {
    const i = args.indexOf(name);
    return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
  };
  const baseUrl = option('--base-url', null);
  const out = resolve(option('--out', join(ROOT, 'target', 'site')));
  try {
    if (!baseUrl) throw new Error('give the address the site will be served from: --base-url https://example.org/backprop-lab/');
    const widgets = await buildSite({ baseUrl, out });
    for (const w of widgets) console.log(`${w.pageUrl}  →  ${w.oembed.width}×${w.oembed.height} iframe, preview ${w.oembed.thumbnail_url}`);
    console.log(`site: ${out} (deploy it at ${baseUrl})`);
  } catch (e) {
    console.error(`site: ${e.message}`);
    process.exit(1);
  }
}
