// A short message at the bottom of the library, with Undo after a deletion.
import { say, t } from './i18n';
import type { Protocol } from '@/utils/messages';

export interface Toast {
  message: string;
  undoToken?: string | null;
}

/**
 * What the library says after a deletion: with Undo; done without an undo copy because storage is full; or nothing
 * done (storage full, or another error in the background's words).
 */
export function deletionToast(r: Protocol['delete-articles']['response']): Toast {
  if (!r.ok) return { message: r.code === 'quota' ? t('lib_deleteFailedQuota') : say(r.problem) };
  const n = String(r.deleted);
  if (r.notUndoable) return { message: t('lib_deletedNoUndo', n) };
  return { message: t('lib_deleted', n), undoToken: r.undoToken };
}

/** What the library says after Undo: how many came back, that none could, or that storage is full. */
export function undoToast(r: Protocol['undo-delete']['response']): Toast {
  if (!r.ok) return { message: r.code === 'quota' ? t('lib_undoFailedQuota') : say(r.problem) };
  return { message: r.restored > 0 ? t('lib_restored', String(r.restored)) : t('lib_undoNothing') };
}

export function LibraryToast({ toast, onUndo, onClose }: { toast: Toast | null; onUndo: (token: string) => void; onClose: () => void }) {
  if (!toast) return null;
  return (
    <div class="lib-toast" role="status" data-testid="lib-toast" data-undo={toast.undoToken ? 'yes' : 'no'}>
      <span>{toast.message}</span>
      {toast.undoToken ? <button type="button" onClick={() => onUndo(toast.undoToken!)} data-testid="lib-undo">{t('lib_undo')}</button> : null}
      <button type="button" class="lib-close" onClick={onClose} aria-label={t('lib_close')}>✕</button>
    </div>
  );
}
