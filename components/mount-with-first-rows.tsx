// Mounts a page that lists articles (popup, library) with its first rows already read.
import type { ComponentType } from 'preact';
import { render } from 'preact';
import { JianbaoDb } from '@/utils/db';
import { createLibrary, type Library } from '@/utils/library';
import { takeEarlyRead } from '@/utils/newest-articles';
import type { Article } from '@/utils/types';

// A database held up (an upgrade running in another tab) must not keep the page blank.
const FIRST_READ_WAIT_MS = 300;

export interface ListPageProps {
  library: Library;
  initial?: Article[];
}

/**
 * Renders `App` into #app once its first rows are there: those newest-rows.js began reading before this
 * bundle loaded, or `readFirst`'s when there was no early read. So the rows paint in the first frame; if
 * the read fails or takes longer than the wait, the page renders without them and its live query follows.
 */
export function mountWithFirstRows(App: ComponentType<ListPageProps>, readFirst: (library: Library) => Promise<Article[]>): void {
  const library = createLibrary(new JianbaoDb());
  const read = takeEarlyRead(window, () => readFirst(library)).catch((): undefined => undefined);
  const waited = new Promise<undefined>((resolve) => setTimeout(resolve, FIRST_READ_WAIT_MS, undefined));
  void Promise.race([read, waited]).then((initial) => {
    render(<App library={library} initial={initial} />, document.getElementById('app')!);
  });
}
