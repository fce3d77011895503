// The toolbar badge after a save without the popup: what it shows, its tooltip in both languages, and when it clears.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { badgeLook, CLEAR_AFTER_MS, createBadge, withBadge } from '../../utils/background/badge';
import type { SaveOutcome } from '../../utils/messages';
import type { Article } from '../../utils/types';
import { catalogT } from './commands-fixtures';

const article = { id: 1, title: '青山湖畔春来早', url: 'https://x.cn/a' } as Article;
const created: SaveOutcome = { ok: true, status: 'created', article };
const updated: SaveOutcome = { ok: true, status: 'updated', article };
const noArticle: SaveOutcome = { ok: false, code: 'no-article', message: 'No article found on this page.' };
const en = catalogT('en');
const zh = catalogT('zh_CN');

beforeEach(() => {
  fakeBrowser.reset();
  vi.useRealTimers();
});

describe('badgeLook', () => {
  it('✓ for a new article, ↻ for an update, ! for a failure, each with a tooltip', () => {
    expect(badgeLook(created, en)).toMatchObject({ text: '✓', title: 'Saved: 青山湖畔春来早' });
    expect(badgeLook(updated, en)).toMatchObject({ text: '↻', title: 'Already saved — updated: 青山湖畔春来早' });
    expect(badgeLook(noArticle, en)).toMatchObject({ text: '!', title: 'Not saved: No article found on this page.' });
  });

  it('says the reason in Chinese from the zh_CN catalog, not the background\'s English detail', () => {
    expect(badgeLook(noArticle, zh).title).toBe('未保存：本页没有找到文章。');
    expect(badgeLook({ ok: false, code: 'pdf', message: 'PDF files cannot be saved as articles.' }, zh).title).toBe('未保存：PDF 文件无法保存为文章。');
    expect(badgeLook(created, zh).title).toBe('已保存：青山湖畔春来早');
  });

  it('gives each outcome its own colour', () => {
    const colors = new Set([created, updated, noArticle].map((o) => badgeLook(o, en).color));
    expect(colors.size).toBe(3);
  });
});

describe('createBadge on the fake browser action', () => {
  it('shows the outcome on the tab only, then clears it and restores the tooltip', async () => {
    vi.useFakeTimers();
    const badge = createBadge(fakeBrowser.action, en);
    await badge.show(7, created);
    expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('✓');
    expect(await fakeBrowser.action.getTitle({ tabId: 7 })).toBe('Saved: 青山湖畔春来早');
    expect(await fakeBrowser.action.getBadgeText({ tabId: 8 })).toBe('');
    await vi.advanceTimersByTimeAsync(CLEAR_AFTER_MS - 1);
    expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('✓');
    await vi.advanceTimersByTimeAsync(1);
    expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('');
    expect(await fakeBrowser.action.getTitle({ tabId: 7 })).toBe(en('actionTitle'));
  });

  it('a second save on the same tab is not wiped by the first one\'s timer', async () => {
    vi.useFakeTimers();
    const badge = createBadge(fakeBrowser.action, en);
    await badge.show(3, noArticle);
    await vi.advanceTimersByTimeAsync(CLEAR_AFTER_MS - 500);
    await badge.show(3, updated);
    await vi.advanceTimersByTimeAsync(600);
    expect(await fakeBrowser.action.getBadgeText({ tabId: 3 })).toBe('↻');
    await vi.advanceTimersByTimeAsync(CLEAR_AFTER_MS);
    expect(await fakeBrowser.action.getBadgeText({ tabId: 3 })).toBe('');
  });

  it('a browser that rejects the badge calls (closed tab) does not break the save', async () => {
    const failing = {
      setBadgeText: () => Promise.reject(new Error('No tab with id: 9')),
      setBadgeBackgroundColor: () => Promise.reject(new Error('No tab with id: 9')),
      setTitle: () => Promise.reject(new Error('No tab with id: 9')),
    };
    const save = withBadge(createBadge(failing, en), async () => created);
    await expect(save(9, 'page')).resolves.toEqual(created);
  });
});

describe('withBadge', () => {
  it('shows … while saving, then the outcome', async () => {
    let seenWhileSaving = '';
    const save = withBadge(createBadge(fakeBrowser.action, en), async (tabId: number) => {
      seenWhileSaving = await fakeBrowser.action.getBadgeText({ tabId });
      return created;
    });
    await expect(save(5, 'page')).resolves.toEqual(created);
    expect(seenWhileSaving).toBe('…');
    expect(await fakeBrowser.action.getBadgeText({ tabId: 5 })).toBe('✓');
  });

  it('turns a thrown save into a failed outcome and a ! badge', async () => {
    const save = withBadge(createBadge(fakeBrowser.action, en), async () => {
      throw new Error('boom');
    });
    await expect(save(5, 'page')).resolves.toEqual({ ok: false, code: 'error', message: 'boom' });
    expect(await fakeBrowser.action.getBadgeText({ tabId: 5 })).toBe('!');
    expect(await fakeBrowser.action.getTitle({ tabId: 5 })).toBe('Not saved: Something went wrong. Reload the page and try again.');
  });
});
