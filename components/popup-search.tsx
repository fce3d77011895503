// The popup's search box over the saved articles, and the link that opens the library page.
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Library } from '@/utils/library';
import type { Article } from '@/utils/types';
import { formatPublished } from './format-time';
import { t } from './i18n';

const HITS = 20;

function openLibrary(query: string): void {
  const path = query.trim() ? `/library.html?q=${encodeURIComponent(query.trim())}` : '/library.html';
  void browser.tabs.create({ url: (browser.runtime.getURL as (p: string) => string)(path) });
}

export function PopupSearch({ library }: { library: Library }) {
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<Article[] | null>(null);

  useEffect(() => {
    if (!query.trim()) return setHits(null);
    let current = true;
    void library.search(query, HITS).then((found) => current && setHits(found));
    return () => { current = false; };
  }, [query, library]);

  return (
    <section class="popup-search" data-testid="popup-search">
      <div style={{ display: 'flex', gap: '6px', marginTop: '12px' }}>
        <input type="search" value={query} placeholder={t('lib_popupSearch')} aria-label={t('lib_popupSearch')} data-testid="popup-search-input"
          style={{ flex: 1, font: 'inherit', fontSize: '13px', padding: '4px 8px', border: '1px solid var(--line)', borderRadius: '6px', background: 'var(--bg)', color: 'var(--fg)' }}
          onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)} />
        <button type="button" onClick={() => openLibrary(query)} data-testid="open-library">{t('lib_openLibrary')}</button>
      </div>
      {hits === null ? null : hits.length === 0 ? <p class="empty" data-testid="popup-search-empty">{t('lib_popupNoHits')}</p> : (
        <ul class="articles" aria-label={t('lib_popupSearch')}>
          {hits.map((a) => (
            <li key={a.id} data-testid="popup-search-hit" data-id={a.id}>
              <div class="row-text">
                <a class="row-title" href={a.url} target="_blank" rel="noreferrer">{a.title}</a>
                <span class="row-meta">{[a.source ?? a.siteName, formatPublished(a.publishedAt)].filter(Boolean).join(' · ')}</span>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
