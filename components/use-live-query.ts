// Preact binding for Dexie's liveQuery: a query's result, re-read whenever the rows it read change.
import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

/*
 * Not dexie-react-hooks: it imports React, which on Preact means preact/compat, and compat rewrites
 * the props of every element it renders. It also subscribes once during the first render only to
 * unsubscribe again, starting a database read whose answer is thrown away. Both were on the popup's
 * first paint.
 */

/** `initial` until the query first answers (and the previous answer while new deps are read). */
export function useLiveQuery<T, I = undefined>(query: () => T | Promise<T>, deps: readonly unknown[], initial?: I): T | I {
  const [state, setState] = useState<{ value: T | I; error?: unknown }>({ value: initial as I });
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: (value) => setState({ value }),
      // Kept with the last good value; thrown below so an error surfaces rather than a stale list.
      error: (error) => setState((s) => ({ value: s.value, error })),
    });
    return () => subscription.unsubscribe();
  }, deps);
  if (state.error !== undefined) throw state.error;
  return state.value;
}
