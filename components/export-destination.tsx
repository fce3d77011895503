// Where an export goes: the folder picked once (Chrome), or a zip download; change or forget the folder.
import { t } from './i18n';

export interface ExportDestinationProps {
  folderName: string | null;
  canPick: boolean;
  busy: boolean;
  /** The folder is known but writing needs the user's click to be allowed again. */
  needsPermission: boolean;
  onPick(): void;
  onForget(): void;
  onStartFolder(): void;
  onStartZip(): void;
}

export function ExportDestination(p: ExportDestinationProps) {
  return (
    <section class="card" data-testid="export-destination">
      <div class="dest">
        <strong>{p.folderName ? t('exp_toFolder', p.folderName) : t('exp_toZip')}</strong>
        {p.canPick ? <button type="button" disabled={p.busy} onClick={p.onPick}>{p.folderName ? t('exp_changeFolder') : t('exp_pickFolder')}</button> : null}
        {p.folderName ? <button type="button" disabled={p.busy} onClick={p.onForget}>{t('exp_forgetFolder')}</button> : null}
      </div>
      {!p.canPick ? <p class="hint">{t('exp_noFolderSupport')}</p> : null}
      {p.needsPermission ? <p class="hint">{t('exp_permissionHint')}</p> : null}
      <div class="actions">
        {p.folderName ? (
          <button type="button" class="primary" data-testid="start-folder" disabled={p.busy} onClick={p.onStartFolder}>{t('exp_startFolder')}</button>
        ) : null}
        <button type="button" class={p.folderName ? '' : 'primary'} data-testid="start-zip" disabled={p.busy} onClick={p.onStartZip}>{t('exp_startZip')}</button>
      </div>
    </section>
  );
}
