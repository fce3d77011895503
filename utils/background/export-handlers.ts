// The export page's one write, answered in the background (the only writer): record which articles were exported.
import type { Library } from '../library';
import type { Handlers } from '../messages';
import { guarded } from './library-handlers';

export function exportHandlers(library: Library, now: () => Date): Pick<Handlers, 'mark-exported'> {
  return {
    'mark-exported': ({ ids, names }) => guarded(async () => ({ marked: await library.markExported(ids, now(), new Map(names ?? [])) })),
  };
}
