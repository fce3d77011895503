// Popup entry: starts reading the recent articles at once, then mounts the app with them.
import { render } from 'preact';
import { App, readRecent } from './app';
import { t } from '@/components/i18n';
import { JianbaoDb } from '@/utils/db';
import type { Article } from '@/utils/types';
import './style.css';

// The read is started before the first render so the list paints in the first frame, not a render later.
// A database held up (an upgrade in another tab) must not keep the popup blank: give up waiting after a while.
const FIRST_READ_WAIT_MS = 300;

performance.mark('popup-start');
document.title = t('extName');
document.documentElement.lang = t('htmlLang');
const db = new JianbaoDb();
const first = readRecent(db);
const waited = new Promise<undefined>((resolve) => setTimeout(resolve, FIRST_READ_WAIT_MS, undefined));
void Promise.race([first.catch((): undefined => undefined), waited]).then((initial: Article[] | undefined) => {
  render(<App db={db} initial={initial} />, document.getElementById('app')!);
});
