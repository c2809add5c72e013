// A pasted widget link, as an oEmbed consumer (Ghost, Discourse, Notion, Slack) handles it: `make site` builds the
// site for this server's address; the consumer fetches a widget page, reads its Open Graph tags and finds the oEmbed
// discovery link, fetches the JSON and checks it against oEmbed 1.0, then puts the `html` it gives into a page on
// another origin, where the widget must show its figure.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer } from '../../scripts/serve.mjs';
import { buildSite, metaContent, oembedHref } from '../../scripts/site.mjs';
import { ROOT, launchBrowser, openPage } from '../page/helpers.mjs';
import { origin, scratch, stopServer } from './support.mjs';

const WIDGETS = ['descent', 'loss', 'table', 'regimes'];
let site;
let browser;
const built = {};
before(async () => {
  const out = scratch('site');
  site = await startServer({ root: out, csp: true });
  await buildSite({ baseUrl: site.url, out });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await stopServer(site?.server);
});

/** The width and height a PNG's header gives. */
function pngSize(bytes) {
  assert.equal(bytes.subarray(1, 4).toString('latin1'), 'PNG', 'a PNG image');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

for (const name of WIDGETS) {
  test(`embed/${name}.html: Open Graph tags and an oEmbed 1.0 "rich" response, found from the page`, async () => {
    const pageUrl = `${site.url}embed/${name}.html`;
    const page = await fetch(pageUrl);
    assert.equal(page.status, 200);
    const html = await page.text();

    // Open Graph and the Twitter card: absolute URLs, the preview image fetchable at the size announced.
    for (const key of ['og:title', 'og:description', 'og:type', 'og:site_name', 'og:image:alt']) assert.ok(metaContent(html, key), `${key} is set`);
    assert.equal(metaContent(html, 'og:url'), pageUrl);
    assert.equal(metaContent(html, 'twitter:card'), 'summary_large_image');
    const imageUrl = metaContent(html, 'og:image');
    assert.ok(imageUrl.startsWith(site.url), `og:image is absolute: ${imageUrl}`);
    const image = await fetch(imageUrl);
    assert.equal(image.headers.get('content-type'), 'image/png');
    const size = pngSize(Buffer.from(await image.arrayBuffer()));
    assert.deepEqual(size, { width: Number(metaContent(html, 'og:image:width')), height: Number(metaContent(html, 'og:image:height')) });

    // Discovery, then the response.
    const href = oembedHref(html);
    assert.ok(href?.startsWith(site.url), `the discovery link is absolute: ${href}`);
    const response = await fetch(href);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type'), /^application\/json/);
    const oembed = await response.json();
    assert.equal(oembed.version, '1.0');
    assert.equal(oembed.type, 'rich');
    for (const key of ['width', 'height']) assert.ok(Number.isInteger(oembed[key]) && oembed[key] > 0, `${key} is a positive whole number of pixels (${oembed[key]})`);
    assert.equal(typeof oembed.html, 'string');
    assert.equal(oembed.title, metaContent(html, 'og:title'));
    assert.equal(oembed.provider_name, 'backprop-lab');
    assert.equal(oembed.provider_url, site.url);
    assert.ok(Number.isInteger(oembed.cache_age) && oembed.cache_age > 0);
    // A thumbnail comes with both its sizes, and is the preview image.
    assert.deepEqual([oembed.thumbnail_url, oembed.thumbnail_width, oembed.thumbnail_height], [imageUrl, size.width, size.height]);
    // The html is one iframe of the widget page at the announced size, with no script and no inline style.
    const iframe = oembed.html.match(/^<iframe src="([^"]+)" width="(\d+)" height="(\d+)" title="([^"]+)" loading="lazy"><\/iframe>$/);
    assert.ok(iframe, `html is an iframe: ${oembed.html}`);
    assert.deepEqual([iframe[1], Number(iframe[2]), Number(iframe[3])], [pageUrl, oembed.width, oembed.height]);
    built[name] = oembed;
  });
}

test('the oEmbed html, pasted into a page on another origin, shows each live figure at a height that fits it', async () => {
  assert.deepEqual(Object.keys(built).sort(), [...WIDGETS].sort(), 'every response was checked');
  const hostRoot = scratch('consumer');
  copyFileSync(join(ROOT, 'www', 'favicon.svg'), join(hostRoot, 'favicon.svg'));
  writeFileSync(
    join(hostRoot, 'post.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A forum post</title><link rel="icon" href="favicon.svg"></head><body>
${WIDGETS.map((name) => `<div class="embed" id="card-${name}">${built[name].html}</div>`).join('\n')}
</body></html>`,
  );
  const host = await startServer({ root: hostRoot, csp: `default-src 'self'; frame-src ${origin(site.url)}`, reportViolations: true });
  try {
    const { page, problems } = await openPage({ context: browser.context, url: host.url }, 'post.html', { height: 4000 });
    for (const name of WIDGETS) {
      const frame = page.frameLocator(`#card-${name} iframe`);
      await frame.locator('#figure').waitFor();
      const figure = await frame.locator('#figure').evaluate(async (el) => {
        await customElements.whenDefined(el.localName);
        await el.load();
        return { ready: el.model.ready, steps: el.model.steps, frame: Boolean(el.shadowRoot.querySelector('.frame')), height: document.documentElement.scrollHeight };
      });
      assert.deepEqual([figure.ready, figure.steps, figure.frame], [true, 0, true], `${name}: the figure drew with the wasm core`);
      assert.ok(figure.height <= built[name].height, `${name}: its ${figure.height} px fit the iframe's ${built[name].height} px`);
    }
    const table = await page.frameLocator('#card-table iframe').locator('#figure td.w').allTextContents();
    assert.deepEqual(table, ['0.8'], 'the table widget shows the article’s starting weight');
    assert.deepEqual(host.violations, [], 'CSP violations on the consumer’s page');
    assert.deepEqual(problems.errors, []);
    assert.deepEqual(problems.console, []);
    await page.close();
  } finally {
    await stopServer(host.server);
  }
});
