// Library page entry: starts reading the first screen of articles at once, then mounts the app with them.
import { render } from 'preact';
import { App, FIRST_SCREEN } from './app';
import { t } from '@/components/i18n';
import { JianbaoDb } from '@/utils/db';
import { createLibrary } from '@/utils/library';
import { readBeforeRender } from '@/components/read-before-render';
import './style.css';

performance.mark('lib-start');
document.title = t('lib_pageTitle');
document.documentElement.lang = t('htmlLang');
const library = createLibrary(new JianbaoDb());
// Read before the first render, so the first rows paint in the first frame rather than two reads later.
void readBeforeRender(library.list({ limit: FIRST_SCREEN })).then((initial) => {
  render(<App library={library} initial={initial} />, document.getElementById('app')!);
});
