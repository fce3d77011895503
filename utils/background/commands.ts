// The keyboard shortcut (manifest `commands`, default Alt+Shift+S): saves the active tab without the popup.
import type { SaveOutcome } from '../messages';
import type { SaveKind } from './extract-tab';

export const SAVE_COMMAND = 'save-page';

export type QuickSave = (tabId: number, kind: SaveKind) => Promise<SaveOutcome>;

interface TabLike { id?: number }

export interface CommandsApi {
  commands: { onCommand: { addListener(listener: (command: string, tab?: TabLike) => void): void } };
  tabs: { query(query: { active: true; currentWindow: true }): Promise<TabLike[]> };
}

/**
 * Saves the tab the shortcut was pressed in. Chrome passes it; older Firefox does not, so the
 * active tab is asked for. Null when the command is not ours or there is no tab.
 */
export async function handleCommand(api: Pick<CommandsApi, 'tabs'>, quickSave: QuickSave, command: string, tab?: TabLike): Promise<SaveOutcome | null> {
  if (command !== SAVE_COMMAND) return null;
  const tabId = tab?.id ?? (await api.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  if (tabId === undefined || tabId < 0) return null;
  return quickSave(tabId, 'page');
}

/** Listens for the shortcut; returns the handler so the browser tests can call it directly. */
export function registerCommands(api: CommandsApi, quickSave: QuickSave) {
  const onCommand = (command: string, tab?: TabLike) => handleCommand(api, quickSave, command, tab);
  api.commands.onCommand.addListener((command, tab) => void onCommand(command, tab));
  return onCommand;
}
