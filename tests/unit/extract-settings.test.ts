// The extraction settings (the time zone) travel from the background to the extract script as an
// argument of executeScript: a fake scripting API records the calls, runs the `func` injection as the
// browser does (from its source text, so it must be self-contained) and the real extract scripts'
// main() on a jsdom page whose publication time has no offset.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { EXTRACT_SCRIPTS, previewTab, saveTabAs, type SaveKind } from '../../utils/background/extract-tab';
import { createBadge, withBadge } from '../../utils/background/badge';
import { registerCommands, SAVE_COMMAND } from '../../utils/background/commands';
import { MENU_SAVE_PAGE, MENU_SAVE_SELECTION, registerContextMenus, type MenusApi } from '../../utils/background/context-menu';
import {
  DEFAULT_EXTRACT_SETTINGS, EXTRACT_SETTINGS_KEY, extractSettingsFrom, handOverExtractSettings, readExtractSettings,
  takeExtractSettings, type ExtractSettings,
} from '../../utils/extract/extract-settings';
import { exportSettingsItem, loadExportSettings } from '../../utils/settings';
import { DEFAULT_EXPORT_SETTINGS } from '../../utils/settings-defaults';
import extractScript from '../../entrypoints/extract.content';
import wholePageScript from '../../entrypoints/extract-whole-page.content';
import selectionScript from '../../entrypoints/extract-selection.content';
import { catalogT, fakeEvent, testLibrary } from './commands-fixtures';

// A Chinese page with "2023年5月6日 14:20" and no offset anywhere (tests/golden/pages/README.md).
const PAGE = readFileSync(path.join(import.meta.dirname, '../golden/pages/title-quotes.html'), 'utf8');
const PAGE_URL = 'https://news.example.cn/tech/2023/05/06/ai.html';
const WALL_CLOCK = '2023-05-06T14:20:00';
const NINE: ExtractSettings = { timeZone: '+09:00' };
const NOW = new Date('2026-12-02T12:00:00Z');

const SCRIPTS: Record<string, { main: (ctx: never) => unknown }> = {
  [EXTRACT_SCRIPTS.page]: extractScript,
  [EXTRACT_SCRIPTS.selection]: selectionScript,
  [EXTRACT_SCRIPTS['whole-page']]: wholePageScript,
};

type Injection = { target: { tabId: number }; files?: string[]; func?: (...args: never[]) => unknown; args?: unknown[] };

/**
 * scripting.executeScript over one jsdom page. The test's globalThis stands in for the page's isolated
 * world (where Chrome runs both a `func` and a file injection); a `func` is rebuilt from its source text.
 */
function fakeScripting() {
  const dom = new JSDOM(PAGE, { url: PAGE_URL });
  const calls: Injection[] = [];
  const executeScript = vi.fn(async (injection: Injection) => {
    // What crosses to the page is a structured clone; keep a copy of what was sent.
    calls.push(structuredClone({ ...injection, func: undefined }) as Injection);
    calls[calls.length - 1].func = injection.func;
    if (injection.func) {
      const rebuilt = new Function(`return (${injection.func.toString()})`)() as (...args: unknown[]) => unknown;
      return [{ result: rebuilt(...structuredClone(injection.args ?? [])) }];
    }
    const script = SCRIPTS[injection.files![0]];
    if (!script) throw new Error(`unexpected script ${injection.files![0]}`);
    vi.stubGlobal('document', dom.window.document);
    vi.stubGlobal('location', dom.window.location);
    vi.stubGlobal('window', dom.window);
    try {
      return [{ result: structuredClone(script.main(undefined as never)) }];
    } finally {
      vi.unstubAllGlobals();
    }
  });
  const api = { tabs: fakeBrowser.tabs, scripting: { executeScript } } as unknown as Parameters<typeof saveTabAs>[0];
  /** Selects the article's second paragraph, for the selection save. */
  const selectParagraph = () => {
    const doc = dom.window.document;
    const range = doc.createRange();
    range.selectNode(doc.querySelectorAll('#article-content p')[1]);
    dom.window.getSelection()!.removeAllRanges();
    dom.window.getSelection()!.addRange(range);
  };
  return { api, calls, executeScript, selectParagraph };
}

function world(): Record<string, unknown> {
  return globalThis as unknown as Record<string, unknown>;
}

beforeEach(() => {
  fakeBrowser.reset();
  delete world()[EXTRACT_SETTINGS_KEY];
});
afterEach(() => {
  vi.unstubAllGlobals();
  delete world()[EXTRACT_SETTINGS_KEY];
});

async function pageTab() {
  return (await fakeBrowser.tabs.create({ url: PAGE_URL, active: true })).id!;
}

describe('the settings reach the extract script as an executeScript argument', { timeout: 30_000 }, () => {
  const kinds: SaveKind[] = ['page', 'selection', 'whole-page'];

  for (const kind of kinds) {
    it(`save as ${kind}: the settings go first (func + args), then the ${kind} script, which reads the time in the configured zone`, async () => {
      const { api, calls, selectParagraph } = fakeScripting();
      if (kind === 'selection') selectParagraph();
      const tabId = await pageTab();
      const outcome = await saveTabAs(api, testLibrary(`settings-${kind}-${Math.random()}`), tabId, kind, () => NOW, async () => NINE);
      expect(calls).toHaveLength(2);
      expect(calls[0]).toEqual({ target: { tabId }, func: handOverExtractSettings, args: [EXTRACT_SETTINGS_KEY, NINE] });
      expect(calls[1]).toEqual({ target: { tabId }, files: [EXTRACT_SCRIPTS[kind]] });
      expect(outcome).toMatchObject({ ok: true, status: 'created' });
      if (!outcome.ok) return;
      expect(outcome.article.publishedAt).toBe(`${WALL_CLOCK}+09:00`);
      // The script took the settings: nothing is left behind in the page's world.
      expect(world()[EXTRACT_SETTINGS_KEY]).toBeUndefined();
    });
  }

  it('preview: the same hand-over, and the previewed time is in the configured zone', async () => {
    const { api, calls } = fakeScripting();
    const tabId = await pageTab();
    const outcome = await previewTab(api, tabId, async () => ({ timeZone: '-05:00' }));
    expect(calls.map((c) => c.files ?? c.args)).toEqual([[EXTRACT_SETTINGS_KEY, { timeZone: '-05:00' }], [EXTRACT_SCRIPTS.page]]);
    expect(outcome).toMatchObject({ ok: true, article: { publishedAt: `${WALL_CLOCK}-05:00` } });
  });

  it('the default settings give +08:00; a save with no settings loader hands nothing over and the script uses the defaults', async () => {
    const { api, calls } = fakeScripting();
    const tabId = await pageTab();
    const configured = await previewTab(api, tabId, async () => extractSettingsFrom(DEFAULT_EXPORT_SETTINGS));
    expect(configured).toMatchObject({ ok: true, article: { publishedAt: `${WALL_CLOCK}+08:00` } });
    calls.length = 0;
    const bare = await previewTab(api, tabId);
    expect(calls).toEqual([{ target: { tabId }, files: [EXTRACT_SCRIPTS.page] }]);
    expect(bare).toMatchObject({ ok: true, article: { publishedAt: `${WALL_CLOCK}+08:00` } });
  });

  it('the settings are read at each save: a changed setting applies to the next one', async () => {
    const { api } = fakeScripting();
    const tabId = await pageTab();
    let current: ExtractSettings = NINE;
    const load = async () => current;
    expect(await previewTab(api, tabId, load)).toMatchObject({ article: { publishedAt: `${WALL_CLOCK}+09:00` } });
    current = { timeZone: '+05:30' };
    expect(await previewTab(api, tabId, load)).toMatchObject({ article: { publishedAt: `${WALL_CLOCK}+05:30` } });
  });

  it('settings that cannot be read: an error, nothing injected', async () => {
    const { api, executeScript } = fakeScripting();
    const tabId = await pageTab();
    const outcome = await saveTabAs(api, testLibrary(`settings-fail-${Math.random()}`), tabId, 'page', () => NOW, async () => {
      throw new Error('storage is gone');
    });
    expect(outcome).toMatchObject({ ok: false, code: 'error', message: 'Could not read the settings: storage is gone' });
    expect(executeScript).not.toHaveBeenCalled();
  });

  it('nothing is handed over to pages that cannot be saved', async () => {
    const { api, executeScript } = fakeScripting();
    const tab = await fakeBrowser.tabs.create({ url: 'chrome://settings/', active: true });
    const load = vi.fn(async () => NINE);
    expect(await previewTab(api, tab.id!, load)).toMatchObject({ ok: false, code: 'browser-page' });
    expect(load).not.toHaveBeenCalled();
    expect(executeScript).not.toHaveBeenCalled();
  });
});

describe('the shortcut and the context menu hand the settings over too', { timeout: 30_000 }, () => {
  /** Wires quickSave as entrypoints/background/index.ts does, with the settings from the stored export settings. */
  async function wire() {
    const scripting = fakeScripting();
    const library = testLibrary(`settings-quick-${Math.random()}`);
    const extractSettings = async () => extractSettingsFrom(await loadExportSettings());
    const quickSave = withBadge(createBadge(fakeBrowser.action, catalogT('en')), (tabId: number, kind: SaveKind) =>
      saveTabAs(scripting.api, library, tabId, kind, () => NOW, extractSettings));
    const onCommand = registerCommands({ commands: { onCommand: fakeEvent<[string, { id?: number }?]>() }, tabs: fakeBrowser.tabs }, quickSave);
    const menus: MenusApi = { removeAll: async () => {}, create: () => undefined, onClicked: fakeEvent() };
    const { onClick } = registerContextMenus(menus, catalogT('en'), quickSave);
    return { ...scripting, onCommand, onClick };
  }

  it('the stored time zone (sync:exportSettings) reaches the page, selection and shortcut saves', async () => {
    await exportSettingsItem.setValue({ ...DEFAULT_EXPORT_SETTINGS, timeZone: '+09:00' });
    const { calls, onCommand, onClick, selectParagraph } = await wire();
    const tabId = await pageTab();
    const shortcut = await onCommand(SAVE_COMMAND, { id: tabId });
    const menuPage = await onClick({ menuItemId: MENU_SAVE_PAGE }, { id: tabId });
    selectParagraph();
    const menuSelection = await onClick({ menuItemId: MENU_SAVE_SELECTION }, { id: tabId });
    for (const outcome of [shortcut, menuPage, menuSelection]) {
      expect(outcome).toMatchObject({ ok: true, article: { publishedAt: `${WALL_CLOCK}+09:00` } });
    }
    const handed = calls.filter((c) => c.func).map((c) => c.args);
    expect(handed).toEqual([0, 1, 2].map(() => [EXTRACT_SETTINGS_KEY, { timeZone: '+09:00' }]));
    expect(calls.filter((c) => c.files).map((c) => c.files![0])).toEqual([EXTRACT_SCRIPTS.page, EXTRACT_SCRIPTS.page, EXTRACT_SCRIPTS.selection]);
  });

  it('with nothing stored, the default +08:00', async () => {
    const { onCommand } = await wire();
    const tabId = await pageTab();
    expect(await onCommand(SAVE_COMMAND, { id: tabId })).toMatchObject({ ok: true, article: { publishedAt: `${WALL_CLOCK}+08:00` } });
  });
});

describe('hand-over and take-over in the page', () => {
  it('the script takes what was handed over once; a later run without a hand-over gets the defaults', () => {
    handOverExtractSettings(EXTRACT_SETTINGS_KEY, NINE);
    expect(takeExtractSettings(world())).toEqual(NINE);
    expect(EXTRACT_SETTINGS_KEY in world()).toBe(false);
    expect(takeExtractSettings(world())).toEqual(DEFAULT_EXTRACT_SETTINGS);
  });

  it('two saves started together on one tab each find their own settings', () => {
    handOverExtractSettings(EXTRACT_SETTINGS_KEY, NINE);
    handOverExtractSettings(EXTRACT_SETTINGS_KEY, { timeZone: '+01:00' });
    expect(takeExtractSettings(world())).toEqual(NINE);
    expect(takeExtractSettings(world())).toEqual({ timeZone: '+01:00' });
    expect(EXTRACT_SETTINGS_KEY in world()).toBe(false);
  });

  it('unknown fields and wrong types fall back to the defaults', () => {
    expect(readExtractSettings(undefined)).toEqual(DEFAULT_EXTRACT_SETTINGS);
    expect(readExtractSettings({ timeZone: 9, other: true })).toEqual(DEFAULT_EXTRACT_SETTINGS);
    expect(readExtractSettings({ timeZone: ' +09:00 ', other: true })).toEqual(NINE);
  });

  it('the defaults follow the export settings\' default time zone', () => {
    expect(DEFAULT_EXTRACT_SETTINGS.timeZone).toBe(DEFAULT_EXPORT_SETTINGS.timeZone);
    expect(extractSettingsFrom({ ...DEFAULT_EXPORT_SETTINGS, timeZone: '+09:00' })).toEqual(NINE);
  });
});
