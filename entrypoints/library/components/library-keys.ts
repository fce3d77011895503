// The library's keyboard shortcuts: one keydown listener on the page, mapped to the page's own actions.
import { useEffect, useRef } from 'preact/hooks';

export interface LibraryKeyActions {
  focusSearch(): void;
  move(step: 1 | -1): void;
  open(): void;
  edit(): void;
  toggleSelect(): void;
  remove(): void;
  toggleHelp(): void;
  /** Esc: the innermost thing open closes (help, dialog, reader). */
  escape(): void;
}

/** The shortcuts as the help overlay lists them: keys and the catalog key of what they do. */
export const SHORTCUTS: [keys: string, label: string][] = [
  ['/', 'lib_key_search'],
  ['j / k', 'lib_key_move'],
  ['o', 'lib_key_open'],
  ['e', 'lib_key_edit'],
  ['x', 'lib_key_select'],
  ['Delete', 'lib_key_delete'],
  ['Esc', 'lib_key_escape'],
  ['?', 'lib_key_help'],
];

function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || !el.tagName) return false;
  return el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName);
}

export function useLibraryKeys(actions: LibraryKeyActions): void {
  // The latest actions without re-adding the listener at every render.
  const current = useRef(actions);
  current.current = actions;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const a = current.current;
      if (e.key === 'Escape') {
        // In a field Esc first leaves it (the search keeps its text), as in a mail client.
        // preventDefault: a search box would also clear itself without telling the page (no input event).
        if (typing(e.target)) {
          e.preventDefault();
          (e.target as HTMLElement).blur();
        }
        else a.escape();
        return;
      }
      if (e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return;
      const run: Record<string, () => void> = {
        '/': a.focusSearch, j: () => a.move(1), k: () => a.move(-1), o: a.open, Enter: a.open,
        e: a.edit, x: a.toggleSelect, Delete: a.remove, '?': a.toggleHelp,
      };
      // Enter on a focused button is that button's click, not "open".
      if (e.key === 'Enter' && (e.target as HTMLElement | null)?.tagName === 'BUTTON') return;
      const action = run[e.key];
      if (!action) return;
      e.preventDefault();
      action();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
