// The page's context menu: "Save this page" and "Save selection as article".
// No "Save linked page": reading another URL needs host permissions that activeTab does not give.
import type { SaveOutcome } from '../messages';
import type { QuickSave } from './commands';
import type { Translate } from './badge';

export const MENU_SAVE_PAGE = 'jianbao-save-page';
export const MENU_SAVE_SELECTION = 'jianbao-save-selection';

interface TabLike { id?: number }
interface ClickInfo { menuItemId: string | number }

export interface MenusApi {
  removeAll(): Promise<void>;
  create(properties: { id: string; title: string; contexts: ['page' | 'selection', ...('page' | 'selection' | 'frame')[]] }): unknown;
  onClicked: { addListener(listener: (info: ClickInfo, tab?: TabLike) => void): void };
}

/**
 * Creates the items afresh: an MV3 service worker starts many times and Chrome keeps items across
 * starts (a second create of an id fails), while Firefox drops them with the background page.
 */
export async function createMenus(menus: MenusApi, t: Translate): Promise<void> {
  await menus.removeAll();
  menus.create({ id: MENU_SAVE_PAGE, title: t('cmd_menuSavePage'), contexts: ['page', 'frame'] });
  menus.create({ id: MENU_SAVE_SELECTION, title: t('cmd_menuSaveSelection'), contexts: ['selection'] });
}

export async function handleMenuClick(quickSave: QuickSave, info: ClickInfo, tab?: TabLike): Promise<SaveOutcome | null> {
  if (tab?.id === undefined || tab.id < 0) return null;
  if (info.menuItemId === MENU_SAVE_PAGE) return quickSave(tab.id, 'page');
  if (info.menuItemId === MENU_SAVE_SELECTION) return quickSave(tab.id, 'selection');
  return null;
}

/** Listens for clicks at once (an event must find its listener when the worker wakes), then builds the menu. */
export function registerContextMenus(menus: MenusApi, t: Translate, quickSave: QuickSave) {
  const onClick = (info: ClickInfo, tab?: TabLike) => handleMenuClick(quickSave, info, tab);
  menus.onClicked.addListener((info, tab) => void onClick(info, tab));
  const ready = createMenus(menus, t).catch((err: Error) => console.warn('Jianbao: context menu not created:', err.message));
  return { onClick, ready };
}
