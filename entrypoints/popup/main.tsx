// Popup entry: takes the recent articles read early (or reads them), then mounts the app with them.
import { render } from 'preact';
import { App, readRecent } from './app';
import { t } from '@/components/i18n';
import { JianbaoDb } from '@/utils/db';
import { createLibrary } from '@/utils/library';
import { readBeforeRender } from '@/components/read-before-render';
import { takeEarlyRead } from '@/utils/newest-articles';
import css from './style.css?inline';
import { applyStyle } from '@/components/apply-style';

performance.mark('popup-start');
applyStyle(document, css);
document.title = t('extName');
document.documentElement.lang = t('htmlLang');
const library = createLibrary(new JianbaoDb());
// The rows newest-rows.js began reading before this bundle loaded (or read now), so the list paints in the first frame.
void readBeforeRender(takeEarlyRead(window, () => readRecent(library))).then((initial) => {
  render(<App library={library} initial={initial} />, document.getElementById('app')!);
});
