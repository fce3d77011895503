// Library page entry: takes the first screen of articles read early (or reads them), then mounts the app with them.
import { render } from 'preact';
import { App, FIRST_SCREEN } from './app';
import { t } from '@/components/i18n';
import { JianbaoDb } from '@/utils/db';
import { createLibrary } from '@/utils/library';
import { readBeforeRender } from '@/components/read-before-render';
import { takeEarlyRead } from '@/utils/newest-articles';
import css from './style.css?inline';
import { applyStyle } from '@/components/apply-style';

performance.mark('lib-start');
applyStyle(document, css);
document.title = t('lib_pageTitle');
document.documentElement.lang = t('htmlLang');
const library = createLibrary(new JianbaoDb());
// The rows newest-rows.js began reading before this bundle loaded (or read now), so they paint in the first frame.
void readBeforeRender(takeEarlyRead(window, () => library.list({ limit: FIRST_SCREEN }))).then((initial) => {
  render(<App library={library} initial={initial} />, document.getElementById('app')!);
});
