// Keeps the library's whole-list orders current (Library.refreshListOrder): once writes settle, not after each one.
import type { Library } from '../library';

/** After the last write, this long before the orders are read again (a restore or a burst of saves writes often). */
const SETTLE_MS = 1_500;
const MAX_MISSES = 5;

/** `schedule()` after each write; the orders are made when no write has come for SETTLE_MS, again if one raced it. */
export function createListOrderRefresh(library: () => Pick<Library, 'refreshListOrder'>, settleMs = SETTLE_MS): { schedule(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let misses = 0;
  const run = (again: boolean) => {
    if (timer !== undefined) clearTimeout(timer);
    if (!again) misses = 0;
    timer = setTimeout(async () => {
      timer = undefined;
      const kept = await library().refreshListOrder().catch((err: unknown) => (console.warn('Jianbao: could not keep the list orders', err), true));
      // A write came while the indexes were read (its own schedule follows), or no room: a few tries, not forever;
      // without the orders the pages read the indexes, as before.
      if (!kept && timer === undefined && ++misses < MAX_MISSES) run(true);
    }, settleMs);
  };
  return { schedule: () => run(false) };
}
