// Popup entry: starts reading the recent articles at once, then mounts the app with them.
import { render } from 'preact';
import { App, readRecent } from './app';
import { t } from '@/components/i18n';
import { JianbaoDb } from '@/utils/db';
import { createLibrary } from '@/utils/library';
import { readBeforeRender } from '@/components/read-before-render';
import './style.css';

performance.mark('popup-start');
document.title = t('extName');
document.documentElement.lang = t('htmlLang');
const library = createLibrary(new JianbaoDb());
// Read before the first render, so the list paints in the first frame rather than a render later.
void readBeforeRender(readRecent(library)).then((initial) => {
  render(<App library={library} initial={initial} />, document.getElementById('app')!);
});
