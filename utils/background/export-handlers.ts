// The export page's one write, answered in the background (the only writer): record which articles were exported.
import type { Library } from '../library';
import { LibraryError } from '../library';
import type { Handlers } from '../messages';

export function exportHandlers(library: Library, now: () => Date): Pick<Handlers, 'mark-exported'> {
  return {
    'mark-exported': async ({ ids, names }) => {
      try {
        return { ok: true, marked: await library.markExported(ids, now(), new Map(names ?? [])) };
      } catch (err) {
        return { ok: false, code: err instanceof LibraryError ? err.code : 'error', message: (err as Error).message };
      }
    },
  };
}
