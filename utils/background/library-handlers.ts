// The library page's write requests, answered in the background (the only writer); quota errors become messages.
import type { Library } from '../library';
import { LibraryError } from '../library';
import type { Handlers, LibraryWriteFailure } from '../messages';

type LibraryHandlers = Pick<Handlers, 'update-article' | 'delete-articles' | 'undo-delete' | 'tag-articles' | 'restore-batch'>;

async function guarded<T extends object>(job: () => Promise<T>): Promise<({ ok: true } & T) | LibraryWriteFailure> {
  try {
    return { ok: true, ...(await job()) };
  } catch (err) {
    const code = err instanceof LibraryError ? err.code : 'error';
    return { ok: false, code, message: (err as Error).message };
  }
}

export function libraryHandlers(library: Library, now: () => Date): LibraryHandlers {
  // Each time the background starts: the room a deletion on a full disk gives up (removeMany), made again when missing.
  void library.keepReserve?.().catch((err) => console.warn('Jianbao: could not keep the deletion reserve', err));
  return {
    'update-article': ({ id, patch, base }) => guarded(async () => {
      if (base) {
        const outcome = await library.update(id, patch, now(), base);
        if (outcome.status === 'missing') return { missing: true as const };
        return outcome.status === 'conflict' ? { article: outcome.article, conflicts: outcome.conflicts } : { article: outcome.article };
      }
      const article = await library.update(id, patch, now());
      if (!article) throw new Error('This article is no longer in the library.');
      return { article };
    }),
    // Under a full disk the deletion still happens, without its undo copy; the answer says so (notUndoable).
    'delete-articles': ({ ids }) => guarded(() => library.removeMany(ids, now())),
    'undo-delete': ({ token }) => guarded(async () => ({ restored: await library.undo(token) })),
    'tag-articles': ({ ids, add, remove }) => guarded(async () => ({ changed: await library.tag(ids, add, remove, now()) })),
    'restore-batch': ({ records, position }) => guarded(async () => ({ counts: await library.importRecords(records, position) })),
  };
}
