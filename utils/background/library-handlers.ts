// The library page's write requests, answered in the background (the only writer); quota errors become messages.
import { problem, problemOf, ProblemError } from '../problem';
import type { Library } from '../library';
import { LibraryError } from '../library';
import type { Handlers, LibraryWriteFailure } from '../messages';

/**
 * After a deletion on a full disk, the pauses before each try at cleaning the index: the database compacts and
 * the browser counts its usage again meanwhile. (The worker may stop first: it tries again when it starts.)
 */
const TIDY_AFTER_MS = [2_000, 5_000, 10_000, 20_000, 40_000];

type LibraryHandlers = Pick<Handlers, 'update-article' | 'delete-articles' | 'undo-delete' | 'tag-articles' | 'restore-batch' | 'free-text'>;

/** A write's answer: its result, or the failure as a code and a problem for the page (and English for the console). */
export async function guarded<T extends object>(job: () => Promise<T>): Promise<({ ok: true } & T) | LibraryWriteFailure> {
  try {
    return { ok: true, ...(await job()) };
  } catch (err) {
    const code = err instanceof LibraryError ? err.code : 'error';
    return { ok: false, code, problem: problemOf(err), message: (err as Error).message };
  }
}

export function libraryHandlers(library: Library, now: () => Date): LibraryHandlers {
  // Each time the background starts: what a deletion on a full disk left for later (the search index's cleaning,
  // the reserve it gave up), done now if there is room.
  const tidy = () => library.cleanIndex().then(async (clean) => (await library.keepReserve(), clean))
    .catch((err) => (console.warn('Jianbao: could not tidy up after a full disk', err), false));
  void tidy();
  let retrying = false;
  const tidyLater = async () => {
    if (retrying) return;
    retrying = true;
    for (const pause of TIDY_AFTER_MS) {
      await new Promise((resolve) => setTimeout(resolve, pause));
      if (await tidy()) break;
    }
    retrying = false;
  };
  return {
    'update-article': ({ id, patch, base }) => guarded(async () => {
      if (base) {
        const outcome = await library.update(id, patch, now(), base);
        if (outcome.status === 'missing') return { missing: true as const };
        return outcome.status === 'conflict' ? { article: outcome.article, conflicts: outcome.conflicts } : { article: outcome.article };
      }
      const article = await library.update(id, patch, now());
      if (!article) throw new ProblemError(problem('gone'), 'This article is no longer in the library.');
      return { article };
    }),
    // Under a full disk the deletion still happens, without its undo copy; the answer says so (notUndoable).
    'delete-articles': ({ ids }) => guarded(async () => {
      const result = await library.removeMany(ids, now());
      // The disk was full: its database compacts in the next seconds, and the index can be cleaned then.
      if (result.notUndoable) void tidyLater();
      return result;
    }),
    'undo-delete': ({ token }) => guarded(async () => ({ restored: await library.undo(token) })),
    'free-text': ({ before }) => guarded(() => library.freeText(new Date(before))),
    'tag-articles': ({ ids, add, remove }) => guarded(async () => ({ changed: await library.tag(ids, add, remove, now()) })),
    'restore-batch': ({ records, position }) => guarded(async () => ({ counts: await library.importRecords(records, position) })),
  };
}
