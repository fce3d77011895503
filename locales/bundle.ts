// Merges locales/<lang>/<area>.json into the browser's _locales/<lang>/messages.json at build time.
// One file per area keeps parallel work on popup, library and options from editing one big file.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export type Catalog = Record<string, string>;
export type ChromeMessages = Record<string, { message: string }>;

export const DEFAULT_LOCALE = 'en';

/** Every language's merged catalog; throws on a key defined twice or missing from a language. */
export function readCatalogs(folder: string): Map<string, Catalog> {
  const catalogs = new Map<string, Catalog>();
  for (const lang of readdirSync(folder, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name)) {
    const merged: Catalog = {};
    for (const file of readdirSync(join(folder, lang)).filter((f) => f.endsWith('.json')).sort()) {
      const entries = JSON.parse(readFileSync(join(folder, lang, file), 'utf8')) as Catalog;
      for (const [key, message] of Object.entries(entries)) {
        if (!/^[A-Za-z0-9_]+$/.test(key)) throw new Error(`locales/${lang}/${file}: bad key "${key}" (letters, digits, _ only)`);
        if (key in merged) throw new Error(`locales/${lang}/${file}: "${key}" is defined twice`);
        merged[key] = message;
      }
    }
    catalogs.set(lang, merged);
  }
  const base = catalogs.get(DEFAULT_LOCALE);
  if (!base) throw new Error(`locales/${DEFAULT_LOCALE} is missing`);
  for (const [lang, catalog] of catalogs) {
    const missing = Object.keys(base).filter((k) => !(k in catalog));
    const extra = Object.keys(catalog).filter((k) => !(k in base));
    if (missing.length || extra.length) {
      throw new Error(`locales/${lang}: missing [${missing.join(', ')}] extra [${extra.join(', ')}]`);
    }
  }
  return catalogs;
}

export function toChromeMessages(catalog: Catalog): ChromeMessages {
  return Object.fromEntries(Object.entries(catalog).map(([k, message]) => [k, { message }]));
}
