// What every figure's shadow root needs before it draws, shared by the article's figures and the network figures:
// the figures' stylesheet (fetched once), and the signal that a figure is near the viewport (lazy loading). It
// imports nothing, so a page of network figures does not load the article's descent.

const SHEET_URL = new URL('../../styles/figure.css', import.meta.url);
const sheets = new Map();

/**
 * The stylesheet at `url`, fetched once (a same-origin file: no inline style is needed under a strict CSP), as a
 * constructed sheet a shadow root adopts; an empty sheet when it cannot be fetched.
 */
export function stylesheet(url) {
  const key = String(url);
  // Accept: text/css asks for the stylesheet itself: a dev server that turns .css imports into JS modules (Vite's)
  // answers such a request with the CSS. It is a CORS-safelisted header, so a CDN sees no preflight.
  if (!sheets.has(key)) {
    sheets.set(key, fetch(url, { headers: { Accept: 'text/css' } })
      .then((r) => (r.ok ? r.text() : ''))
      .catch(() => '')
      .then((css) => {
        const s = new CSSStyleSheet();
        s.replaceSync(css);
        return s;
      }));
  }
  return sheets.get(key);
}

/** The figures' stylesheet, which every figure's shadow root adopts. */
export function figureSheet() {
  return stylesheet(SHEET_URL);
}

const NEAR_VIEWPORT = '300px';

/**
 * Calls `start` once `element` comes near the viewport (at once where IntersectionObserver is missing). Returns the
 * observer (null when `start` ran at once), for the caller to disconnect.
 */
export function whenNear(element, start) {
  if (!('IntersectionObserver' in window)) {
    start();
    return null;
  }
  const observer = new IntersectionObserver(
    (entries) => {
      if (entries.some((e) => e.isIntersecting)) start();
    },
    { rootMargin: NEAR_VIEWPORT },
  );
  observer.observe(element);
  return observer;
}
