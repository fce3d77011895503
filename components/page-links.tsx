// The popup's and the library's way back to setup: the gear opens the options page, the guide the first-run page.
import { browser } from 'wxt/browser';
import { t } from './i18n';

export function PageLinks() {
  const openWelcome = () => void browser.tabs.create({ url: (browser.runtime.getURL as (p: string) => string)('/welcome.html') });
  return (
    <span class="page-links">
      <button type="button" class="link-button" data-testid="open-welcome" onClick={openWelcome}>{t('app_openWelcome')}</button>
      <button type="button" class="gear" data-testid="open-options" onClick={() => void browser.runtime.openOptionsPage()}
        title={t('app_openOptions')} aria-label={t('app_openOptions')}>⚙</button>
    </span>
  );
}
