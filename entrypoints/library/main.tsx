// Library page entry: starts reading the first screen of articles at once, then mounts the app with them.
import { render } from 'preact';
import { App, FIRST_SCREEN } from './app';
import { t } from '@/components/i18n';
import { JianbaoDb } from '@/utils/db';
import { createLibrary } from '@/utils/library';
import type { Article } from '@/utils/types';
import './style.css';

// Read before the first render, so the first rows paint in the first frame rather than two reads later.
// A database held up (an upgrade in another tab) must not keep the page blank: stop waiting after a while.
const FIRST_READ_WAIT_MS = 300;

performance.mark('lib-start');
document.title = t('lib_pageTitle');
document.documentElement.lang = t('htmlLang');
const library = createLibrary(new JianbaoDb());
const first = library.list({ limit: FIRST_SCREEN });
const waited = new Promise<undefined>((resolve) => setTimeout(resolve, FIRST_READ_WAIT_MS, undefined));
void Promise.race([first.catch((): undefined => undefined), waited]).then((initial: Article[] | undefined) => {
  render(<App library={library} initial={initial} />, document.getElementById('app')!);
});
