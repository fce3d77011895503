// The options page: edit the export settings as a draft, preview it live, save it only when it exports valid posts.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { JianbaoDb } from '@/utils/db';
import type { Article, ArticleBody } from '@/utils/types';
import { loadExportConfig, saveExportConfig } from '@/utils/settings';
import type { ExportConfig } from '@/utils/export/export-post';
import { settingsForPreset, type PresetId } from '@/utils/export/presets';
import { checkExportConfig } from '@/utils/export/template-check';
import { OptionsSite } from '@/components/options-site';
import { OptionsOverrides } from '@/components/options-overrides';
import { OptionsTemplate } from '@/components/options-template';
import { say, t } from '@/components/i18n';
import { OptionsRepository } from './components/options-repository';

export function App() {
  const db = useMemo(() => new JianbaoDb(), []);
  const [config, setConfig] = useState<ExportConfig | null>(null);
  const [sources, setSources] = useState<string[]>([]);
  const [sample, setSample] = useState<{ article: Article; body: ArticleBody } | null>(null);
  const [status, setStatus] = useState<'clean' | 'dirty' | 'saved'>('clean');

  useEffect(() => {
    loadExportConfig().then(setConfig);
    (async () => {
      // Sources as the library's index lists them: no article row is read for this.
      const keys = await db.articles.orderBy('source').uniqueKeys();
      setSources(keys.filter((k): k is string => typeof k === 'string' && k.trim() !== ''));
      const article = await db.articles.orderBy('savedAt').last();
      const body = article?.id !== undefined ? await db.bodies.get(article.id) : undefined;
      if (article && body) setSample({ article, body });
    })().catch(() => {});
  }, []);

  const problems = useMemo(() => (config ? checkExportConfig(config) : []), [config]);
  if (!config) return <main><h1>{t('opt_pageTitle')}</h1></main>;

  const change = (patch: Partial<ExportConfig>) => {
    setConfig({ ...config, ...patch });
    setStatus('dirty');
  };
  const pickPreset = (id: PresetId) => change(settingsForPreset(id, config));
  const save = async () => {
    if (problems.length) return;
    await saveExportConfig(config);
    setStatus('saved');
  };

  return (
    <main>
      <h1>{t('opt_pageTitle')}</h1>
      <OptionsSite config={config} onChange={change} onPreset={pickPreset} />
      <OptionsOverrides sources={sources} overrides={config.categoryOverrides} onChange={(categoryOverrides) => change({ categoryOverrides })} />
      <OptionsTemplate config={config} sample={sample} onChange={(customTemplate) => change({ customTemplate })} />
      <OptionsRepository />
      <div class="savebar">
        <button type="button" class="primary" data-testid="opt-save" disabled={problems.length > 0 || status !== 'dirty'} onClick={save}>{t('opt_save')}</button>
        {status === 'saved' ? <span class="saved" data-testid="opt-saved">{t('opt_saved')}</span> : null}
        {problems.length ? (
          <div role="alert">
            <span class="hint">{t('opt_cannotSave')}</span>
            <p class="problem" data-testid="opt-problems">{problems.map(say).join('\n')}</p>
          </div>
        ) : null}
      </div>
    </main>
  );
}
