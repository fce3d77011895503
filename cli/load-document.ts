// Parses a saved HTML file the way a browser would (jsdom, a spec-conforming HTML5 parser).
import { JSDOM, VirtualConsole } from 'jsdom';

/**
 * The document comes from the window's DOMParser, as an inert document with no browsing
 * context: scripts never run, and jsdom does not parse its <style> sheets (its CSS code throws
 * on some real pages, e.g. `border: inherit` shorthands, and costs time we do not need).
 */
export function loadDocument(html: string, url: string): Document {
  return openDocument(html, url).document;
}

/** The document and a way to free its jsdom window: a long run over many pages must close them. */
export function openDocument(html: string, url: string): { document: Document; close: () => void } {
  const { window } = new JSDOM('', { url, virtualConsole: new VirtualConsole() });
  return { document: new window.DOMParser().parseFromString(html, 'text/html'), close: () => window.close() };
}
