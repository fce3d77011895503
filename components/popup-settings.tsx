// The popup's footer: whether a toolbar click saves at once, and the shortcut that saves without the popup.
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { clickSavesItem } from '@/utils/settings';
import { SAVE_COMMAND } from '@/utils/background/commands';
import { t } from './i18n';

export function PopupSettings() {
  const [clickSaves, setClickSaves] = useState<boolean | null>(null);
  const [shortcut, setShortcut] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    clickSavesItem.getValue().then(setClickSaves, () => setClickSaves(true));
    const unwatch = clickSavesItem.watch((v) => setClickSaves(v));
    browser.commands?.getAll?.()
      .then((all) => setShortcut(all.find((c) => c.name === SAVE_COMMAND)?.shortcut || null), () => setShortcut(null));
    return unwatch;
  }, []);
  return (
    <footer class="settings">
      <label class="setting">
        <input type="checkbox" data-testid="click-saves" checked={clickSaves ?? true} disabled={clickSaves === null}
          onChange={(e) => void clickSavesItem.setValue(e.currentTarget.checked)} />
        {t('pop_settingClickSaves')}
      </label>
      {shortcut === undefined ? null : (
        <p class="hint" data-testid="shortcut-hint">{shortcut ? t('pop_shortcutHint', shortcut) : t('pop_shortcutUnset')}</p>
      )}
    </footer>
  );
}
