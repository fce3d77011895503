// A short message at the bottom of the library, with Undo after a deletion.
import { t } from './i18n';

export interface Toast {
  message: string;
  undoToken?: string | null;
}

export function LibraryToast({ toast, onUndo, onClose }: { toast: Toast | null; onUndo: (token: string) => void; onClose: () => void }) {
  if (!toast) return null;
  return (
    <div class="lib-toast" role="status" data-testid="lib-toast">
      <span>{toast.message}</span>
      {toast.undoToken ? <button type="button" onClick={() => onUndo(toast.undoToken!)} data-testid="lib-undo">{t('lib_undo')}</button> : null}
      <button type="button" class="lib-close" onClick={onClose} aria-label={t('lib_close')}>✕</button>
    </div>
  );
}
