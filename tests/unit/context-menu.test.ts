// The context menu: its items in both languages, which save each click runs, and a selection saved as its own article.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  createMenus, handleMenuClick, MENU_SAVE_PAGE, MENU_SAVE_SELECTION, registerContextMenus, type MenusApi,
} from '../../utils/background/context-menu';
import { createBadge, withBadge } from '../../utils/background/badge';
import { EXTRACT_SCRIPTS, saveTabAs, type SaveKind } from '../../utils/background/extract-tab';
import { extractArticle } from '../../utils/extract/extract-article';
import { extractSelection } from '../../utils/extract/selection';
import type { SaveOutcome } from '../../utils/messages';
import { catalogT, fakeEvent, testLibrary } from './commands-fixtures';

const PAGES = path.join(import.meta.dirname, '../golden/pages');
const SEED_URL = 'http://finews.zning.xyz/html_News/NewsShare.html?infoCode=NW202201092240969820';
const NOW = new Date('2026-11-27T12:00:00Z');
const unused: SaveOutcome = { ok: false, code: 'error', message: 'unused' };

function fakeMenus() {
  const created: { id: string; title: string; contexts: string[] }[] = [];
  const onClicked = fakeEvent<[{ menuItemId: string | number }, { id?: number }?]>();
  const menus: MenusApi & { created: typeof created; onClicked: typeof onClicked } = {
    created,
    onClicked,
    removeAll: vi.fn(async () => {
      created.length = 0;
    }),
    create: (props) => {
      if (created.some((c) => c.id === props.id)) throw new Error(`Cannot create item with duplicate id ${props.id}`);
      created.push(props);
      return props.id;
    },
  };
  return menus;
}

beforeEach(() => fakeBrowser.reset());

describe('menu items', () => {
  it('"Save this page" on the page, "Save selection as article" on a selection; no linked-page item', async () => {
    const menus = fakeMenus();
    await createMenus(menus, catalogT('en'));
    expect(menus.created).toEqual([
      { id: MENU_SAVE_PAGE, title: 'Save this page to Jianbao', contexts: ['page', 'frame'] },
      { id: MENU_SAVE_SELECTION, title: 'Save selection as article', contexts: ['selection'] },
    ]);
    expect(menus.created.flatMap((c) => c.contexts)).not.toContain('link');
  });

  it('titles come from the zh_CN catalog in Chinese', async () => {
    const menus = fakeMenus();
    await createMenus(menus, catalogT('zh_CN'));
    expect(menus.created.map((c) => c.title)).toEqual(['用剪报保存此页', '将选中内容保存为文章']);
  });

  it('a worker that starts again recreates the items without a duplicate-id error', async () => {
    const menus = fakeMenus();
    await registerContextMenus(menus, catalogT('en'), vi.fn()).ready;
    await registerContextMenus(menus, catalogT('en'), vi.fn()).ready;
    expect(menus.created).toHaveLength(2);
  });
});

describe('handleMenuClick', () => {
  it('runs the page save or the selection save on the clicked tab', async () => {
    const quickSave = vi.fn(async () => unused);
    await handleMenuClick(quickSave, { menuItemId: MENU_SAVE_PAGE }, { id: 4 });
    await handleMenuClick(quickSave, { menuItemId: MENU_SAVE_SELECTION }, { id: 4 });
    expect(quickSave.mock.calls).toEqual([[4, 'page'], [4, 'selection']]);
  });

  it('ignores other items and clicks outside a tab', async () => {
    const quickSave = vi.fn(async () => unused);
    expect(await handleMenuClick(quickSave, { menuItemId: 'someone-else' }, { id: 4 })).toBeNull();
    expect(await handleMenuClick(quickSave, { menuItemId: MENU_SAVE_PAGE })).toBeNull();
    expect(await handleMenuClick(quickSave, { menuItemId: MENU_SAVE_PAGE }, { id: -1 })).toBeNull();
    expect(quickSave).not.toHaveBeenCalled();
  });
});

describe('the menu end to end on the fake browser, with the extract scripts run on the seed page', { timeout: 30_000 }, () => {
  function seedPage(select?: (doc: Document) => Range) {
    const html = readFileSync(path.join(PAGES, 'eastmoney-share.html'), 'utf8');
    const dom = new JSDOM(html, { url: SEED_URL });
    const doc = dom.window.document;
    const selection = select ? { rangeCount: 1, getRangeAt: () => select(doc) } : { rangeCount: 0, getRangeAt: () => { throw new Error('none'); } };
    // What executeScript returns for each registered script, computed on this document.
    return (file: string) => {
      if (file === EXTRACT_SCRIPTS.page) return extractArticle(doc, SEED_URL, { now: NOW });
      if (file === EXTRACT_SCRIPTS.selection) return extractSelection(doc, SEED_URL, selection, { now: NOW });
      throw new Error(`unexpected script ${file}`);
    };
  }

  async function setup(run: (file: string) => unknown) {
    const library = testLibrary(`menu-${Math.random()}`);
    const api = {
      tabs: fakeBrowser.tabs,
      scripting: { executeScript: async ({ files }: { files: string[] }) => [{ result: run(files[0]) }] },
    } as unknown as Parameters<typeof saveTabAs>[0];
    const menus = fakeMenus();
    const quickSave = withBadge(createBadge(fakeBrowser.action, catalogT('en')), (tabId: number, kind: SaveKind) =>
      saveTabAs(api, library, tabId, kind, () => NOW));
    const { onClick } = registerContextMenus(menus, catalogT('en'), quickSave);
    const tab = await fakeBrowser.tabs.create({ url: SEED_URL, active: true });
    return { library, menus, onClick, tab };
  }

  it('"Save this page" stores the article; "Save selection" stores the passage as a second article', async () => {
    const run = seedPage((doc) => {
      const ps = Array.from(doc.querySelectorAll('p')).filter((p) => (p.textContent ?? '').includes('青山湖区'));
      const range = doc.createRange();
      range.setStartBefore(ps[0]);
      range.setEndAfter(ps[1]);
      return range;
    });
    const { library, menus, tab } = await setup(run);

    // The listener does not wait for the save (the browser ignores its answer): wait for the library.
    await menus.onClicked.trigger({ menuItemId: MENU_SAVE_PAGE }, tab);
    await vi.waitFor(async () => expect(await library.count()).toBe(1), { timeout: 15_000 });
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({ tabId: tab.id })).toBe('✓'), { timeout: 15_000 });
    await menus.onClicked.trigger({ menuItemId: MENU_SAVE_SELECTION }, tab);
    await vi.waitFor(async () => expect(await library.count()).toBe(2), { timeout: 15_000 });
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({ tabId: tab.id })).toBe('✓'), { timeout: 15_000 });

    const rows = await library.list();
    expect(rows).toHaveLength(2);
    const page = rows.find((r) => !r.url.includes('#'))!;
    const passage = rows.find((r) => r.url.includes('#:~:text='))!;
    expect(passage.url.startsWith(page.url)).toBe(true);
    // The page's metadata carries over; the body is only the selected paragraphs.
    expect(passage.title).toBe(page.title);
    expect(passage.source).toBe('南昌日报');
    expect(passage.publishedAt).toBe(page.publishedAt);
    expect(passage.siteArticleId).toBeNull();
    const body = (await library.getBody(passage.id!))!;
    // From the first paragraph naming 青山湖区 through the second: three paragraphs, a heading between.
    const lines = body.html.split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^<p>2021年，青山湖区创新构建/);
    expect(lines[2]).toMatch(/^<p>近日，青山湖区完成/);
    expect(body.text.length).toBeLessThan((await library.getBody(page.id!))!.text.length);
  });

  it('"Save selection" with nothing selected: ! and "Select some text on the page first."', async () => {
    const { library, onClick, tab } = await setup(seedPage());
    expect(await onClick({ menuItemId: MENU_SAVE_SELECTION }, tab)).toMatchObject({ ok: false, code: 'no-selection' });
    expect(await fakeBrowser.action.getTitle({ tabId: tab.id })).toBe('Not saved: Select some text on the page first.');
    expect(await library.count()).toBe(0);
  });
});
