// Background wiring: the message handlers and the only database writer.
import { browser } from 'wxt/browser';
import { JianbaoDb } from '@/utils/db';
import { createLibrary } from '@/utils/library';
import { dispatch, type Handlers } from '@/utils/messages';
import { loadExportConfig, loadExportSettings } from '@/utils/settings';
import { createRenderer } from '@/utils/export/export-post';
import { legacyNames } from '@/utils/export/legacy-names';
import { extractSettingsFrom } from '@/utils/extract/extract-settings';
import { previewTab, saveTabAs, type SaveKind } from '@/utils/background/extract-tab';
import { createBadge, withBadge, type BadgeAction } from '@/utils/background/badge';
import { registerCommands } from '@/utils/background/commands';
import { registerContextMenus } from '@/utils/background/context-menu';
import { t } from '@/components/i18n';
import { libraryHandlers } from '@/utils/background/library-handlers';
import { exportHandlers } from '@/utils/background/export-handlers';
import { createListOrderRefresh } from '@/utils/background/list-order-refresh';

export default defineBackground(() => {
  // The list orders that make sorts and export-state filters instant are made again once writes settle.
  const listOrder = createListOrderRefresh(() => library);
  const library = createLibrary(new JianbaoDb(), { onChange: listOrder.schedule });
  listOrder.schedule();
  // Once: articles exported before file names were recorded get the names they were written under (paths only, no DOM).
  void loadExportConfig()
    .then((config) => library.recordLegacyNames((rows) => legacyNames(rows, createRenderer(config))))
    .catch((err) => console.warn('Jianbao: could not record the names of earlier exports', err));
  // Read at each save, so a changed setting applies at once; handed to the extract script as an argument.
  const extractSettings = async () => extractSettingsFrom(await loadExportSettings());
  const handlers: Handlers = {
    'save-tab': ({ tabId }) => saveTabAs(browser, library, tabId, 'page', () => new Date(), extractSettings),
    'preview-tab': ({ tabId }) => previewTab(browser, tabId, extractSettings),
    'save-whole-page': ({ tabId }) => saveTabAs(browser, library, tabId, 'whole-page', () => new Date(), extractSettings),
    'delete-article': async ({ id }) => {
      await library.remove(id);
      return { ok: true };
    },
    ...libraryHandlers(library, () => new Date()),
    ...exportHandlers(library, () => new Date()),
  };
  // Shortcut and context menu save without the popup; the toolbar badge says what happened.
  // Firefox MV2 has browserAction where MV3 has action.
  const action = (browser.action ?? (browser as unknown as { browserAction: BadgeAction }).browserAction) as BadgeAction;
  const quickSave = withBadge(createBadge(action, t), (tabId, kind: SaveKind) => saveTabAs(browser, library, tabId, kind, () => new Date(), extractSettings));
  const onCommand = registerCommands(browser, quickSave);
  const menus = registerContextMenus(browser.contextMenus, t, quickSave);
  // Exposed for the browser tests, which drive the handlers from the service worker.
  (globalThis as { jianbao?: unknown }).jianbao = { handlers, library, onCommand, onMenuClick: menus.onClick, menusReady: menus.ready };
  browser.runtime.onMessage.addListener((message) => dispatch(handlers, message));
  // A new user meets the one-time setup first; an update or a browser restart opens nothing.
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') void browser.tabs.create({ url: (browser.runtime.getURL as (p: string) => string)('/welcome.html') });
  });
});
