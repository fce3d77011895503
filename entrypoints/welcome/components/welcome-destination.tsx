// Where exported posts go: a zip download, or a folder picked once (Chrome's File System Access).
import { t } from '@/components/i18n';

export interface WelcomeDestinationProps {
  folderName: string | null;
  canPick: boolean;
  error: string | null;
  onPick(): void;
  onZip(): void;
}

export function WelcomeDestination({ folderName, canPick, error, onPick, onZip }: WelcomeDestinationProps) {
  return (
    <section class="card" data-testid="wel-destination" data-target={folderName ? 'folder' : 'zip'}>
      <h2>{t('wel_destHeading')}</h2>
      <label class="choice">
        <input type="radio" name="dest" checked={!folderName} onChange={onZip} data-testid="wel-dest-zip" />
        {t('wel_destZip')}
      </label>
      <label class="choice">
        {/* Picking happens on the click: the browser asks for the folder only from a user's gesture. */}
        <input type="radio" name="dest" checked={!!folderName} disabled={!canPick} onClick={onPick} data-testid="wel-dest-folder" />
        {folderName ? t('wel_destFolderPicked', folderName) : t('wel_destFolder')}
      </label>
      {!canPick ? <p class="hint">{t('exp_noFolderSupport')}</p> : null}
      <p class="hint">{t('wel_destHint')}</p>
      {error ? <p class="problem" role="alert">{error}</p> : null}
    </section>
  );
}
