// @vitest-environment jsdom
// The Preact live-query hook: the initial value first, then the query's rows, re-read on every write;
// nothing after unmount; a failing query reaches the nearest error boundary.
import { describe, expect, it, vi } from 'vitest';
import Dexie from 'dexie';
import { IDBFactory } from 'fake-indexeddb';
import { Component, h, render, type ComponentChildren } from 'preact';
import { act } from 'preact/test-utils';
import { useLiveQuery } from '../../components/use-live-query';
import type { Library } from '../../utils/library';
import { at, freshLibrary, page } from './library-fixtures';

// liveQuery runs nothing unless Dexie found an IndexedDB at import (jsdom has none); each database
// here still gets its own factory from freshLibrary().
Dexie.dependencies.indexedDB ??= new IDBFactory();

function Titles({ library, onQuery }: { library: Library; onQuery: () => void }) {
  const rows = useLiveQuery(() => {
    onQuery();
    return library.list({ limit: 5 });
  }, [library], 'before the first answer');
  return h('p', null, typeof rows === 'string' ? rows : rows.map((a) => a.title).join('|'));
}

class Boundary extends Component<{ children: ComponentChildren }, { error?: string }> {
  override componentDidCatch(error: Error) {
    this.setState({ error: error.message });
  }
  override render() {
    return this.state.error ? h('p', null, `failed: ${this.state.error}`) : this.props.children;
  }
}

describe('useLiveQuery', () => {
  it('shows the initial value, then the rows, and follows writes until unmounted', async () => {
    const { library } = freshLibrary();
    // Opened first, as a page's database is by the time its effects run: opening alone starts a re-read.
    await library.count();
    const root = document.createElement('div');
    const onQuery = vi.fn();
    act(() => render(h(Titles, { library, onQuery }), root));
    expect(root.textContent).toBe('before the first answer');
    await vi.waitFor(() => expect(root.textContent).toBe(''));
    // One read for the first answer: none started during the first render and thrown away.
    expect(onQuery).toHaveBeenCalledTimes(1);
    await library.save(page({ url: 'https://news.example.cn/a/1', title: '第一篇' }), at(1));
    await vi.waitFor(() => expect(root.textContent).toBe('第一篇'));
    await library.save(page({ url: 'https://news.example.cn/a/2', title: '第二篇' }), at(2));
    await vi.waitFor(() => expect(root.textContent).toBe('第二篇|第一篇'));
    const reads = onQuery.mock.calls.length;
    render(null, root);
    await library.save(page({ url: 'https://news.example.cn/a/3', title: '第三篇' }), at(3));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(onQuery).toHaveBeenCalledTimes(reads);
    expect(root.textContent).toBe('');
  });

  it('hands a failing query to the error boundary', async () => {
    const root = document.createElement('div');
    function Broken() {
      const v = useLiveQuery(() => Promise.reject(new Error('database gone')), [], 'waiting');
      return h('p', null, String(v));
    }
    act(() => render(h(Boundary, null, h(Broken, null)), root));
    expect(root.textContent).toBe('waiting');
    await vi.waitFor(() => expect(root.textContent).toBe('failed: database gone'));
  });
});
