// Background wiring: the message handlers and the only database writer.
import { browser } from 'wxt/browser';
import { JianbaoDb } from '@/utils/db';
import { createLibrary } from '@/utils/library';
import { dispatch, type Handlers } from '@/utils/messages';
import { loadExportSettings } from '@/utils/settings';
import { saveTab } from '@/utils/background/save-tab';
import { exportArticle } from '@/utils/background/export-article';

export default defineBackground(() => {
  const library = createLibrary(new JianbaoDb());
  const handlers: Handlers = {
    'save-tab': ({ tabId }) => saveTab(browser, library, tabId, () => new Date()),
    'export-article': async ({ id }) => exportArticle(browser, library, id, await loadExportSettings(), new Date()),
    'delete-article': async ({ id }) => {
      await library.remove(id);
      return { ok: true };
    },
  };
  // Exposed for the browser tests, which drive the handlers from the service worker.
  (globalThis as { jianbao?: unknown }).jianbao = { handlers, library };
  browser.runtime.onMessage.addListener((message) => dispatch(handlers, message));
});
