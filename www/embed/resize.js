// For a page that embeds backprop-lab widget pages in iframes: sizes each iframe to the height its widget reports.
//   <script defer src="https://your.site/backprop-lab/embed/resize.js"></script>
// Only messages from the iframes' own windows are used, and only a plain number within bounds.
//
// It is also a classic script (<script defer src="…">), which a page of another origin can load without CORS: the
// block keeps its names out of the host page's globals.
{
  const MAX_HEIGHT = 5000;

  window.addEventListener('message', (event) => {
    const data = event.data;
    if (!data || data.type !== 'backprop-lab:height' || typeof data.height !== 'number') return;
    const height = Math.ceil(data.height);
    if (!(height > 0 && height <= MAX_HEIGHT)) return;
    for (const frame of document.querySelectorAll('iframe')) {
      if (frame.contentWindow === event.source) frame.style.height = `${height}px`;
    }
  });
}
