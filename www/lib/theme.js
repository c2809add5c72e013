// The theme choice of a page: "auto" follows the system, "light" and "dark" override it for the page and for every
// figure (the figures read their `theme` attribute, since a page's styles cannot reach into their shadow roots).

/** Wires the <select> `choice` (auto | light | dark) to the page and to the figures matching `figures`. */
export function wireTheme(choice, figures) {
  choice.addEventListener('change', () => {
    const value = choice.value;
    if (value === 'auto') delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = value;
    for (const el of document.querySelectorAll(figures)) {
      if (value === 'auto') el.removeAttribute('theme');
      else el.setAttribute('theme', value);
    }
  });
}
