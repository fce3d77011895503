// Asks once before deleting more than a screenful: our own dialog (window.confirm would block the page and the tests).
import { useEffect, useRef } from 'preact/hooks';
import { t } from '@/components/i18n';

export function ConfirmDelete({ count, onConfirm, onCancel }: { count: number; onConfirm(): void; onCancel(): void }) {
  const cancel = useRef<HTMLButtonElement>(null);
  // The safe choice has the focus: Enter by habit keeps the articles.
  useEffect(() => cancel.current?.focus(), []);
  return (
    <div class="lib-overlay">
      <section class="lib-dialog" role="alertdialog" aria-modal="true" aria-labelledby="lib-confirm-title" data-testid="lib-confirm">
        <h2 id="lib-confirm-title">{t('lib_confirmDeleteTitle', String(count))}</h2>
        <p>{t('lib_confirmDeleteText')}</p>
        <div class="lib-actions">
          <button type="button" class="primary" onClick={onConfirm} data-testid="lib-confirm-yes">{t('lib_confirmDeleteYes', String(count))}</button>
          <button type="button" ref={cancel} onClick={onCancel} data-testid="lib-confirm-no">{t('lib_cancel')}</button>
        </div>
      </section>
    </div>
  );
}
