// The four ways a figure gets into someone else's page, as the text an author copies: one script tag from a CDN,
// an npm import, an iframe of the widget page with its fragment, and the link itself (which Ghost, Discourse, Notion
// or Slack unfurl through oEmbed). Each is made from the figure's own table: `values` holds the fields the author set
// (by key), and every value is written by its field's `write`, so a snippet says what the element would read back.
import { URL_VERSION } from '../fields.js';
import { VERSION } from './version.js';

/** Where the CDN serves the package's files (jsDelivr; unpkg lays them out the same way). */
const CDN_BASE = `https://cdn.jsdelivr.net/npm/backprop-lab@${VERSION}/`;

const escapeAttribute = (text) => text.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');

/** The element's markup with the attributes `values` sets (a flag that is off, or a value written as null, is left out). */
function markup(tag, fields, values) {
  const attributes = [];
  for (const f of fields) {
    if (!Object.hasOwn(values, f.key)) continue;
    const text = f.write(values[f.key]);
    if (text === null) continue;
    attributes.push(text === '' && f.flag ? f.attribute : `${f.attribute}="${escapeAttribute(text)}"`);
  }
  return `<${tag}${attributes.map((a) => ` ${a}`).join('')}></${tag}>`;
}

/**
 * The fragment a widget page reads (`#v=1&x=2&controls=0`): the version, every link field the author set, and every
 * flag said outright (1 or 0), since a widget shows some of them by default.
 */
export function fragment(fields, values) {
  const params = new URLSearchParams();
  params.set('v', String(URL_VERSION));
  for (const f of fields) {
    if (f.url === false) continue;
    if (f.flag) params.set(f.key, values[f.key] ? '1' : '0');
    else if (Object.hasOwn(values, f.key)) {
      const text = f.write(values[f.key]);
      if (text !== null) params.set(f.key, text);
    }
  }
  // "hidden=4,2" and "points=1,2,1;…" read better than their escaped forms, and mean the same
  return params.toString().replaceAll('%2C', ',').replaceAll('%3B', ';');
}

/**
 * Every way in for `figure` (a catalogue entry) with `values`: { cdn, npm: { install, js, html }, iframe, link }.
 * `element` is its class (its `fields` and `label`); `site` is the address this page is served from (the widget
 * pages and links are on it). `iframe` and `link` are null where the figure has no widget page or link.
 */
export function snippets(figure, { fields, label }, values, site) {
  const html = markup(figure.tag, fields, values);
  const at = (path) => new URL(path, site).href;
  const widget = figure.widget ? `${at(figure.widget)}#${fragment(fields, values)}` : null;
  const link = widget ?? (figure.link ? `${at(figure.link)}#${fragment(fields, values)}` : null);
  const iframe = widget
    ? `<iframe class="backprop-widget" title="${escapeAttribute(label)}" loading="lazy"\n        src="${escapeAttribute(widget)}"></iframe>\n<script defer src="${at('embed/resize.js')}"></script>`
    : null;
  return {
    cdn: `<script type="module" src="${CDN_BASE}elements.js"></script>\n${html}`,
    npm: { install: 'npm install backprop-lab', js: 'import \'backprop-lab/elements\';', html },
    iframe,
    link,
  };
}
