// Options: source → category slug overrides; the pinyin default shows as a placeholder, so only exceptions are typed.
import { useState } from 'preact/hooks';
import { categorySlug } from '@/utils/export/category-slug';
import { t } from './i18n';

export interface OptionsOverridesProps {
  /** Sources seen in the library, offered as rows. */
  sources: string[];
  overrides: Record<string, string>;
  onChange(overrides: Record<string, string>): void;
}

export function OptionsOverrides({ sources, overrides, onChange }: OptionsOverridesProps) {
  const [added, setAdded] = useState('');
  const names = [...new Set([...Object.keys(overrides), ...sources])].sort((a, b) => a.localeCompare(b, 'zh-CN'));
  const set = (source: string, slug: string) => {
    const next = { ...overrides };
    if (slug.trim()) next[source] = slug.trim();
    else delete next[source];
    onChange(next);
  };
  return (
    <section class="card">
      <h2>{t('opt_overridesHeading')}</h2>
      <p class="hint">{t('opt_overridesHint')}</p>
      <table data-testid="opt-overrides">
        <thead><tr><th>{t('opt_source')}</th><th>{t('opt_slug')}</th></tr></thead>
        <tbody>
          {names.map((source) => (
            <tr key={source} data-source={source}>
              <td>{source}</td>
              <td><input type="text" value={overrides[source] ?? ''} placeholder={categorySlug(source, {})} aria-label={t('opt_slugFor', source)}
                onInput={(e) => set(source, e.currentTarget.value)} /></td>
            </tr>
          ))}
        </tbody>
      </table>
      <form class="hint" onSubmit={(e) => { e.preventDefault(); if (added.trim()) { set(added.trim(), categorySlug(added.trim(), {})); setAdded(''); } }}>
        <input type="text" value={added} placeholder={t('opt_addSourcePlaceholder')} onInput={(e) => setAdded(e.currentTarget.value)} />{' '}
        <button type="submit">{t('opt_addSource')}</button>
      </form>
    </section>
  );
}
