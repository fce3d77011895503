// Saves the article in one tab: injects the extract script, then hands the result to the library.
import type { WxtBrowser } from 'wxt/browser';
import type { ExtractResult } from '../types';
import type { SaveOutcome } from '../messages';
import type { Library } from '../library';
import { LibraryError } from '../library';

type Scripting = Pick<WxtBrowser, 'tabs' | 'scripting'>;

// Pages no extension may script: browser UI, stores, viewers.
const RESTRICTED = /^(?:chrome|edge|about|moz-extension|chrome-extension|view-source|devtools|resource|data|blob):|^https:\/\/(?:chrome\.google\.com\/webstore|chromewebstore\.google\.com|microsoftedge\.microsoft\.com\/addons|addons\.mozilla\.org)\//i;
const CANNOT_READ = 'This page cannot be read by extensions.';

export async function saveTab(api: Scripting, library: Library, tabId: number, now: () => Date): Promise<SaveOutcome> {
  const tab = await api.tabs.get(tabId).catch(() => null);
  if (!tab) return { ok: false, code: 'error', message: 'The tab to save is gone.' };
  if (tab.url && RESTRICTED.test(tab.url)) return { ok: false, code: 'restricted', message: CANNOT_READ };
  if (tab.url && /\.pdf(?:$|[?#])/i.test(tab.url)) {
    return { ok: false, code: 'restricted', message: 'PDF files cannot be saved as articles.' };
  }
  let result: ExtractResult | undefined;
  try {
    const [frame] = await api.scripting.executeScript({ target: { tabId }, files: ['/content-scripts/extract.js'] });
    result = frame?.result as ExtractResult | undefined;
  } catch (err) {
    return { ok: false, code: 'restricted', message: `${CANNOT_READ} (${(err as Error).message})` };
  }
  if (!result) return { ok: false, code: 'error', message: 'The page did not answer; reload it and try again.' };
  if (!result.ok) return { ok: false, code: result.code, message: result.message };
  try {
    const { status, article } = await library.save(result.article, now());
    return { ok: true, status, article };
  } catch (err) {
    if (err instanceof LibraryError) return { ok: false, code: err.code === 'quota' ? 'quota' : 'error', message: err.message };
    return { ok: false, code: 'error', message: `Could not store the article: ${(err as Error).message}` };
  }
}
