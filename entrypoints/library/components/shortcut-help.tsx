// The overlay opened with "?": every library shortcut and what it does.
import { t } from '@/components/i18n';
import { SHORTCUTS } from './library-keys';

export function ShortcutHelp({ onClose }: { onClose(): void }) {
  return (
    <div class="lib-overlay" onClick={onClose}>
      <section class="lib-dialog" role="dialog" aria-modal="true" aria-labelledby="lib-help-title" data-testid="lib-help"
        onClick={(e) => e.stopPropagation()}>
        <h2 id="lib-help-title">{t('lib_keysHeading')}</h2>
        <dl class="lib-keys">
          {SHORTCUTS.map(([keys, label]) => (
            <div key={keys}><dt><kbd>{keys}</kbd></dt><dd>{t(label)}</dd></div>
          ))}
        </dl>
        <div class="lib-actions">
          <button type="button" class="lib-close" onClick={onClose} data-testid="lib-help-close">{t('lib_close')}</button>
        </div>
      </section>
    </div>
  );
}
