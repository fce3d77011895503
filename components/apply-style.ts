// Puts a page's stylesheet into the page from its script bundle.

/*
 * The popup and the library import their CSS as text (`?inline`) and apply it here, instead of a
 * <link> Vite would emit: that is one file fewer to fetch before the first rows, and extension-page
 * fetches are slow enough on a loaded machine that the linked stylesheet cost ~8 ms of the popup's
 * first paint (bench, paired runs). The rows render after this runs, so nothing paints unstyled.
 */
export function applyStyle(doc: Document, css: string): void {
  const style = doc.createElement('style');
  style.textContent = css;
  doc.head.append(style);
}
