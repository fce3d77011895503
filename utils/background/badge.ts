// The toolbar badge after a save without the popup: ✓ saved, ↻ updated, ! failed (reason in the tooltip), then cleared.
import type { SaveOutcome } from '../messages';
import { failureKey } from '../save-failure';

/** The part of `action` (MV3) / `browserAction` (Firefox MV2) the badge uses. */
export interface BadgeAction {
  setBadgeText(details: { tabId?: number; text: string }): Promise<void> | void;
  setBadgeBackgroundColor(details: { tabId?: number; color: string }): Promise<void> | void;
  setTitle(details: { tabId?: number; title: string }): Promise<void> | void;
}

export type Translate = (key: string, ...substitutions: string[]) => string;

export interface BadgeLook {
  text: string;
  color: string;
  title: string;
}

export const CLEAR_AFTER_MS = 4000;

const COLORS = { busy: '#5f6b76', created: '#1e6b3a', updated: '#1a5fb4', failed: '#b3261e' };

/** What the badge shows for an outcome; pure. */
export function badgeLook(outcome: SaveOutcome, t: Translate): BadgeLook {
  if (outcome.ok) {
    return outcome.status === 'created'
      ? { text: '✓', color: COLORS.created, title: t('cmd_badgeSaved', outcome.article.title) }
      : { text: '↻', color: COLORS.updated, title: t('cmd_badgeUpdated', outcome.article.title) };
  }
  return { text: '!', color: COLORS.failed, title: t('cmd_badgeFailed', t(failureKey(outcome.code))) };
}

export interface Badge {
  busy(tabId: number): Promise<void>;
  show(tabId: number, outcome: SaveOutcome): Promise<void>;
}

/**
 * A badge per tab. A later save on the same tab cancels the pending clear of the earlier one,
 * so a quick second shortcut press is not wiped by the first one's timer.
 */
export function createBadge(
  action: BadgeAction, t: Translate,
  timers: { set: (fn: () => void, ms: number) => unknown; clear: (handle: unknown) => void } = {
    set: (fn, ms) => setTimeout(fn, ms),
    clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
  },
  clearAfterMs = CLEAR_AFTER_MS,
): Badge {
  const pending = new Map<number, unknown>();
  const paint = async (tabId: number, look: BadgeLook) => {
    const old = pending.get(tabId);
    if (old !== undefined) timers.clear(old);
    pending.delete(tabId);
    await action.setBadgeBackgroundColor({ tabId, color: look.color });
    await action.setBadgeText({ tabId, text: look.text });
    await action.setTitle({ tabId, title: look.title });
  };
  // A closed tab takes its badge with it; the browser rejects the calls, which is fine.
  const reset = (tabId: number) => {
    pending.delete(tabId);
    void Promise.resolve(action.setBadgeText({ tabId, text: '' })).catch(() => {});
    void Promise.resolve(action.setTitle({ tabId, title: t('actionTitle') })).catch(() => {});
  };
  return {
    busy: (tabId) => paint(tabId, { text: '…', color: COLORS.busy, title: t('cmd_badgeSaving') }).catch(() => {}),
    async show(tabId, outcome) {
      await paint(tabId, badgeLook(outcome, t)).catch(() => {});
      pending.set(tabId, timers.set(() => reset(tabId), clearAfterMs));
    },
  };
}

/** Saves with the badge telling the user what happened: what the shortcut and the context menu run. */
export function withBadge<K>(badge: Badge, save: (tabId: number, kind: K) => Promise<SaveOutcome>) {
  return async (tabId: number, kind: K): Promise<SaveOutcome> => {
    await badge.busy(tabId);
    const outcome = await save(tabId, kind).catch((err: Error): SaveOutcome => ({ ok: false, code: 'error', message: err.message }));
    await badge.show(tabId, outcome);
    return outcome;
  };
}
