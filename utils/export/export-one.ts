// One article's post for the one-click export (popup, library): the engine, its recorded name, then the page saves it.
import { problem, problemOf, ProblemError, type Problem } from '../problem';
import type { ExportName } from '../types';
import type { LibraryReader } from '../library-reader';
import { createRenderer, type ExportConfig, type ExportedPost } from './export-post';
import { exportName, planNames } from './post-names';

export type ExportOneResult =
  | { ok: true; post: ExportedPost; name: ExportName }
  | { ok: false; code: 'gone' | 'cannot-write'; problem: Problem; message: string };

/**
 * The post and the name to record for article `id`. It runs where there is a DOM (an extension page, or Node),
 * never in the service worker, and reads only that article and the names under its pattern's name.
 */
export async function renderOne(
  reader: Pick<LibraryReader, 'get' | 'getBody' | 'recordedNames'>, id: number, config: ExportConfig, now: Date,
): Promise<ExportOneResult> {
  const [article, body] = await Promise.all([reader.get(id), reader.getBody(id)]);
  if (!article) return { ok: false, code: 'gone', problem: problem('gone'), message: 'This article is no longer in the library.' };
  // The row with no body: "free space" deleted its text (Library.freeText).
  if (!body) return { ok: false, code: 'gone', problem: problem('text-freed'), message: 'The text of this article was deleted to free space.' };
  try {
    const renderer = createRenderer(config);
    const { paths, errors } = await planNames([article], renderer, reader.recordedNames);
    const path = paths.get(id);
    if (!path) throw errors.get(id) ?? new ProblemError(problem('no-file-name'), 'no file name');
    return { ok: true, post: { path, text: renderer.renderText(article, body, now) }, name: exportName(renderer, path) };
  } catch (err) {
    return { ok: false, code: 'cannot-write', problem: problemOf(err), message: (err as Error).message };
  }
}
