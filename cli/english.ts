// The command line's words for problems: the English catalog (locales/en), the one the extension ships.
import { join } from 'node:path';
import { readCatalogs, DEFAULT_LOCALE } from '../locales/bundle';
import type { Problem } from '../utils/problem';
import { problemText } from '../utils/problem-text';

/** A problem in the English of the catalog (`$1`… replaced as chrome.i18n does). */
export function createEnglish(localesDir = join(import.meta.dirname, '..', 'locales')): (p: Problem) => string {
  const catalog = readCatalogs(localesDir).get(DEFAULT_LOCALE)!;
  const lookup = (key: string, subs: string[]) =>
    (catalog[key] ?? key).replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '').replace(/\$\$/g, '$');
  return (p) => problemText(p, lookup);
}
