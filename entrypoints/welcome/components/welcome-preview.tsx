// The sample article as a post in the chosen format, rendered by the one export engine on every change.
import { useMemo } from 'preact/hooks';
import { createRenderer, type ExportConfig } from '@/utils/export/export-post';
import { say, t } from '@/components/i18n';
import { problemOf } from '@/utils/problem';
import type { Sample } from '../sample';

export function WelcomePreview({ config, sample }: { config: ExportConfig; sample: Sample | null }) {
  const preview = useMemo(() => {
    if (!sample) return null;
    try {
      return { ok: true as const, ...createRenderer(config).render(sample.article, sample.body, new Date()) };
    } catch (err) {
      return { ok: false as const, message: say(problemOf(err)) };
    }
  }, [config, sample]);
  return (
    <section class="card preview-card" data-testid="wel-preview-card">
      <h2>{t('wel_previewHeading')}</h2>
      {sample ? <p class="hint">{t('wel_previewOf', sample.article.title)}</p> : <p class="hint">{t('wel_previewLoading')}</p>}
      {preview?.ok ? (
        <>
          <p class="path" data-testid="wel-preview-path">{preview.path}</p>
          <pre class="preview" data-testid="wel-preview">{preview.text}</pre>
        </>
      ) : preview ? <p class="problem" data-testid="wel-preview-error">{preview.message}</p> : null}
    </section>
  );
}
