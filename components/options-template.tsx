// Options: the template editor with a live preview on a saved article.
import { useMemo } from 'preact/hooks';
import type { Article, ArticleBody } from '@/utils/types';
import { createRenderer, TEMPLATE_VARIABLES, type ExportConfig } from '@/utils/export/export-post';
import { PRESETS } from '@/utils/export/presets';
import { FILTERS } from '@/utils/export/template-filters';
import { say, t } from './i18n';
import { problemOf } from '@/utils/problem';

export interface OptionsTemplateProps {
  config: ExportConfig;
  sample: { article: Article; body: ArticleBody } | null;
  onChange(customTemplate: string | null): void;
}

export function OptionsTemplate({ config, sample, onChange }: OptionsTemplateProps) {
  const template = config.customTemplate ?? PRESETS[config.preset].template;
  const preview = useMemo(() => {
    if (!sample) return { ok: true as const, path: '', text: t('opt_noSample') };
    try {
      const post = createRenderer(config).render(sample.article, sample.body, new Date());
      return { ok: true as const, ...post };
    } catch (err) {
      return { ok: false as const, message: say(problemOf(err)) };
    }
  }, [config, sample]);
  return (
    <section class="card">
      <h2>{t('opt_templateHeading')}</h2>
      <div class="two">
        <div>
          <textarea data-testid="opt-template" spellcheck={false} value={template} aria-label={t('opt_templateHeading')}
            onInput={(e) => onChange(e.currentTarget.value)} />
          <p class="hint">
            {config.customTemplate === null ? t('opt_templateFromPreset') : (
              <button type="button" data-testid="opt-template-reset" onClick={() => onChange(null)}>{t('opt_templateReset')}</button>
            )}
          </p>
          <p class="hint">{t('opt_variables')} {TEMPLATE_VARIABLES.join(', ')}</p>
          <p class="hint">{t('opt_filters')} {Object.keys(FILTERS).join(', ')}</p>
        </div>
        <div>
          {sample ? <p class="hint">{t('opt_previewOf', sample.article.title)}</p> : null}
          {preview.ok && preview.path ? <p class="path" data-testid="opt-preview-path">{preview.path}</p> : null}
          {preview.ok ? <pre class="preview" data-testid="opt-preview">{preview.text}</pre> : <p class="problem" data-testid="opt-preview-error">{preview.message}</p>}
        </div>
      </div>
    </section>
  );
}
