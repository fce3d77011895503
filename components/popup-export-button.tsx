// The popup's "Export new posts": opens the export page in a tab, where the export outlives the popup.
import { browser } from 'wxt/browser';
import { t } from './i18n';

export function PopupExportButton() {
  const open = async () => {
    await browser.tabs.create({ url: browser.runtime.getURL('/export.html?scope=new') });
  };
  return (
    <button type="button" class="export-new" data-testid="export-new" onClick={open} title={t('exp_exportNewTitle')}>
      {t('exp_exportNew')}
    </button>
  );
}
