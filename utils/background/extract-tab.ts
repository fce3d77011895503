// The ways to save a tab (article, selection, whole page) and the preview: which pages cannot be read
// and why, which extract script runs, and how its answer becomes a library row.
import { ProblemError } from '../problem';
import type { WxtBrowser } from 'wxt/browser';
import type { ScriptPublicPath } from 'wxt/utils/inject-script';
import type { ExtractedArticle } from '../types';
import type { PreviewOutcome, SaveFailureCode, SaveOutcome } from '../messages';
import type { Library } from '../library';
import { LibraryError } from '../library';
import { EXTRACT_SETTINGS_KEY, handOverExtractSettings, type ExtractSettings } from '../extract/extract-settings';

type Scripting = Pick<WxtBrowser, 'tabs' | 'scripting'>;

export type SaveKind = 'page' | 'selection' | 'whole-page';
type Failure = { ok: false; code: SaveFailureCode; message: string };
type ScriptAnswer = { ok: true; article: ExtractedArticle } | { ok: false; code: SaveFailureCode; message: string };
/** Loads the extraction settings (the background reads storage; the extract script does not). */
export type LoadExtractSettings = () => Promise<ExtractSettings>;

/** The runtime-registered extract scripts (entrypoints/extract*.content.ts). */
export const EXTRACT_SCRIPTS: Record<SaveKind, ScriptPublicPath> = {
  page: '/content-scripts/extract.js',
  selection: '/content-scripts/extract-selection.js',
  'whole-page': '/content-scripts/extract-whole-page.js',
};

const BROWSER_PAGE = /^(?:chrome|edge|brave|opera|vivaldi|about|moz-extension|chrome-extension|view-source|devtools|resource|chrome-search|chrome-untrusted|data|blob):/i;
const WEB_STORE = /^https:\/\/(?:chrome\.google\.com\/webstore|chromewebstore\.google\.com|microsoftedge\.microsoft\.com\/addons|addons\.mozilla\.org)(?:[/?#]|$)/i;
const PDF = /\.pdf(?:$|[?#])/i;
const PDF_REFUSAL: Failure = { ok: false, code: 'pdf', message: 'PDF files cannot be saved as articles.' };

/** Why a page cannot be saved before anything is injected, or null if it may be tried. */
export function tabProblem(url: string | undefined): Failure | null {
  if (!url) return null;
  if (BROWSER_PAGE.test(url)) return { ok: false, code: 'browser-page', message: 'Browser pages cannot be saved.' };
  if (WEB_STORE.test(url)) return { ok: false, code: 'web-store', message: 'Browsers do not let extensions read their add-on stores.' };
  if (PDF.test(url)) return PDF_REFUSAL;
  return null;
}

async function checkTab(api: Scripting, tabId: number): Promise<Failure | null> {
  const tab = await api.tabs.get(tabId).catch(() => null);
  if (!tab) return { ok: false, code: 'tab-gone', message: 'The tab to save is gone.' };
  return tabProblem(tab.url ?? tab.pendingUrl);
}

/**
 * Runs one extract script in the tab's top frame and returns its answer. With `loadSettings`, the
 * settings go first, as the argument of a `func` injection into the same isolated world, where the
 * script takes them (see utils/extract/extract-settings.ts); without, the script uses the defaults.
 */
export async function runExtractScript(api: Scripting, tabId: number, kind: SaveKind, loadSettings?: LoadExtractSettings): Promise<ScriptAnswer> {
  const problem = await checkTab(api, tabId);
  if (problem) return problem;
  let settings: ExtractSettings | undefined;
  try {
    settings = await loadSettings?.();
  } catch (err) {
    return { ok: false, code: 'error', message: `Could not read the settings: ${(err as Error).message}` };
  }
  try {
    const target = { tabId };
    if (settings) await api.scripting.executeScript({ target, func: handOverExtractSettings, args: [EXTRACT_SETTINGS_KEY, settings] });
    const [frame] = await api.scripting.executeScript({ target, files: [EXTRACT_SCRIPTS[kind]] });
    const result = frame?.result as ScriptAnswer | undefined;
    if (result?.ok) return result;
    // A PDF whose URL does not say so: Chromium's viewer page has no article, but says what it shows.
    if (await isPdfTab(api, tabId)) return PDF_REFUSAL;
    return result ?? { ok: false, code: 'no-answer', message: 'The page did not answer; reload it and try again.' };
  } catch (err) {
    if (await isPdfTab(api, tabId)) return PDF_REFUSAL;
    return { ok: false, code: 'restricted', message: `This page cannot be read by extensions. (${(err as Error).message})` };
  }
}

/** Whether the tab's top document is a PDF (`document.contentType`), asked only after a save found nothing. */
async function isPdfTab(api: Scripting, tabId: number): Promise<boolean> {
  try {
    const [frame] = await api.scripting.executeScript({ target: { tabId }, func: () => document.contentType });
    return frame?.result === 'application/pdf';
  } catch {
    return false;
  }
}

async function store(library: Library, article: ExtractedArticle, now: Date): Promise<SaveOutcome> {
  try {
    const { status, article: row, matched } = await library.save(article, now);
    return matched ? { ok: true, status, article: row, matched } : { ok: true, status, article: row };
  } catch (err) {
    if (err instanceof LibraryError) return { ok: false, code: err.code === 'quota' ? 'quota' : 'error', message: err.message };
    if (err instanceof ProblemError && err.problem.code === 'not-http') return { ok: false, code: 'not-http', message: err.message };
    return { ok: false, code: 'error', message: `Could not store the article: ${(err as Error).message}` };
  }
}

/** Saves the tab as `kind`: the page checks, the extract script (given the settings), then the library. */
export async function saveTabAs(api: Scripting, library: Library, tabId: number, kind: SaveKind, now: () => Date, loadSettings?: LoadExtractSettings): Promise<SaveOutcome> {
  const answer = await runExtractScript(api, tabId, kind, loadSettings);
  return answer.ok ? store(library, answer.article, now()) : answer;
}

/** What saving the tab would store, without storing it. */
export async function previewTab(api: Scripting, tabId: number, loadSettings?: LoadExtractSettings): Promise<PreviewOutcome> {
  const answer = await runExtractScript(api, tabId, 'page', loadSettings);
  if (!answer.ok) return answer;
  const { html: _html, text, ...rest } = answer.article;
  return { ok: true, article: { ...rest, chars: text.length } };
}
