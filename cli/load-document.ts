// Parses a saved HTML file the way a browser would (jsdom, a spec-conforming HTML5 parser).
import { JSDOM, VirtualConsole } from 'jsdom';

export function loadDocument(html: string, url: string): Document {
  // Page scripts never run and page CSS errors are not ours to print.
  const dom = new JSDOM(html, { url, virtualConsole: new VirtualConsole() });
  return dom.window.document;
}
