// The shortcut: which tab it saves, that it saves through the real path into the library, and the badge it leaves.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleCommand, registerCommands, SAVE_COMMAND } from '../../utils/background/commands';
import { createBadge, withBadge } from '../../utils/background/badge';
import { EXTRACT_SCRIPTS, saveTabAs, tabProblem, type SaveKind } from '../../utils/background/extract-tab';
import type { SaveOutcome } from '../../utils/messages';
import type { ExtractResult } from '../../utils/types';
import { catalogT, extracted, fakeEvent, testLibrary } from './commands-fixtures';

const ok: SaveOutcome = { ok: false, code: 'error', message: 'unused' };

beforeEach(() => fakeBrowser.reset());

describe('handleCommand', () => {
  it('saves the tab the browser passes', async () => {
    const quickSave = vi.fn(async () => ok);
    await handleCommand(fakeBrowser, quickSave, SAVE_COMMAND, { id: 42 });
    expect(quickSave).toHaveBeenCalledWith(42, 'page');
  });

  it('asks for the active tab when the browser passes none (older Firefox)', async () => {
    const win = (await fakeBrowser.windows.create({ focused: true }))!;
    await fakeBrowser.windows.update(win.id!, { focused: true });
    await fakeBrowser.tabs.create({ url: 'https://a.example/1', active: false, windowId: win.id });
    const active = await fakeBrowser.tabs.create({ url: 'https://a.example/2', active: true, windowId: win.id });
    const quickSave = vi.fn(async () => ok);
    await handleCommand(fakeBrowser, quickSave, SAVE_COMMAND);
    expect(quickSave).toHaveBeenCalledWith(active.id, 'page');
  });

  it('ignores commands that are not ours and tabs without an id', async () => {
    const quickSave = vi.fn(async () => ok);
    expect(await handleCommand(fakeBrowser, quickSave, '_execute_action', { id: 1 })).toBeNull();
    expect(await handleCommand(fakeBrowser, quickSave, SAVE_COMMAND, { id: -1 })).toBeNull();
    expect(quickSave).not.toHaveBeenCalled();
  });
});

describe('the shortcut end to end on the fake browser', { timeout: 30_000 }, () => {
  /** Wires what the background wires, with executeScript answering what the extract script would. */
  async function setup(answer: (file: string) => ExtractResult | object) {
    const library = testLibrary(`commands-${Math.random()}`);
    const onCommand = fakeEvent<[string, { id?: number }?]>();
    const executeScript = vi.fn(async ({ files }: { files: string[] }) => [{ result: answer(files[0]) }]);
    const api = { tabs: fakeBrowser.tabs, scripting: { executeScript } } as unknown as Parameters<typeof saveTabAs>[0];
    const quickSave = withBadge(createBadge(fakeBrowser.action, catalogT('en')), (tabId: number, kind: SaveKind) =>
      saveTabAs(api, library, tabId, kind, () => new Date('2026-11-27T12:00:00Z')));
    const handler = registerCommands({ commands: { onCommand }, tabs: fakeBrowser.tabs }, quickSave);
    return { library, onCommand, executeScript, handler };
  }

  it('Alt+Shift+S on an article: saved (✓), again: updated (↻), one row', async () => {
    const { library, onCommand, executeScript } = await setup(() => ({ ok: true, article: extracted() }));
    const tab = await fakeBrowser.tabs.create({ url: 'https://news.example.cn/2022/01/09/qingshanhu.html', active: true });
    await onCommand.trigger(SAVE_COMMAND, tab);
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({ tabId: tab.id })).toBe('✓'), { timeout: 15_000 });
    expect(executeScript).toHaveBeenCalledWith({ target: { tabId: tab.id }, files: [EXTRACT_SCRIPTS.page] });
    expect((await library.list()).map((a) => a.title)).toEqual(['青山湖畔春来早']);

    await onCommand.trigger(SAVE_COMMAND, tab);
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({ tabId: tab.id })).toBe('↻'), { timeout: 15_000 });
    expect(await library.count()).toBe(1);
  });

  it('on a page with no article: ! with the reason in the tooltip, nothing stored', async () => {
    const { library, handler } = await setup(() => ({ ok: false, code: 'no-article', message: 'No article found on this page.' }));
    const tab = await fakeBrowser.tabs.create({ url: 'https://news.example.cn/login', active: true });
    const outcome = await handler(SAVE_COMMAND, tab);
    expect(outcome).toMatchObject({ ok: false, code: 'no-article' });
    expect(await fakeBrowser.action.getBadgeText({ tabId: tab.id })).toBe('!');
    expect(await fakeBrowser.action.getTitle({ tabId: tab.id })).toBe('Not saved: No article found on this page.');
    expect(await library.count()).toBe(0);
  });

  it('on browser pages, the web store and PDFs nothing is injected and the badge says why', async () => {
    const { executeScript, handler } = await setup(() => ({ ok: true, article: extracted() }));
    const cases: [string, string][] = [
      ['chrome://settings/', 'Not saved: Browser pages cannot be saved.'],
      ['https://chromewebstore.google.com/detail/abc', 'Not saved: Add-on store pages cannot be saved: browsers do not let extensions read them.'],
      ['https://addons.mozilla.org/en-US/firefox/', 'Not saved: Add-on store pages cannot be saved: browsers do not let extensions read them.'],
      ['https://example.org/report.pdf?download=1', 'Not saved: PDF files cannot be saved as articles.'],
    ];
    for (const [url, title] of cases) {
      const tab = await fakeBrowser.tabs.create({ url, active: true });
      await handler(SAVE_COMMAND, tab);
      expect(await fakeBrowser.action.getTitle({ tabId: tab.id })).toBe(title);
    }
    expect(executeScript).not.toHaveBeenCalled();
  });

  it('a page the browser refuses to script: restricted', async () => {
    const { handler, executeScript } = await setup(() => ({}));
    executeScript.mockRejectedValueOnce(new Error('Cannot access contents of the page.'));
    const tab = await fakeBrowser.tabs.create({ url: 'https://example.org/a', active: true });
    expect(await handler(SAVE_COMMAND, tab)).toMatchObject({ ok: false, code: 'restricted' });
    expect(await fakeBrowser.action.getTitle({ tabId: tab.id })).toBe('Not saved: This page cannot be read by extensions.');
  });
});

describe('tabProblem', () => {
  it('lets ordinary pages through', () => {
    expect(tabProblem('https://news.example.cn/a.html')).toBeNull();
    expect(tabProblem('http://127.0.0.1:8080/no-article.html')).toBeNull();
    expect(tabProblem('https://example.org/pdf-guide.html')).toBeNull();
    expect(tabProblem(undefined)).toBeNull();
  });

  it('names the kind of page that cannot be saved', () => {
    expect(tabProblem('about:blank')?.code).toBe('browser-page');
    expect(tabProblem('edge://extensions')?.code).toBe('browser-page');
    expect(tabProblem('moz-extension://x/popup.html')?.code).toBe('browser-page');
    expect(tabProblem('https://chrome.google.com/webstore/detail/x')?.code).toBe('web-store');
    expect(tabProblem('https://microsoftedge.microsoft.com/addons/detail/x')?.code).toBe('web-store');
    expect(tabProblem('https://example.org/a.PDF#page=2')?.code).toBe('pdf');
  });
});
