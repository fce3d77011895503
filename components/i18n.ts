// UI strings from _locales (en, zh_CN), chosen by the browser's language.
import { browser } from 'wxt/browser';
import type { Problem } from '@/utils/problem';
import { problemText } from '@/utils/problem-text';

type GetMessage = (key: string, substitutions?: string | string[]) => string;

/** The message for `key`, with $1…$9 filled in; the key itself if a catalog lacks it, so gaps show. */
export function t(key: string, ...substitutions: string[]): string {
  const get = (browser.i18n as unknown as { getMessage: GetMessage }).getMessage;
  return get(key, substitutions) || key;
}

/** A problem from utils/ (a code and its parameters) in the user's language. */
export function say(problem: Problem): string {
  return problemText(problem, (key, subs) => t(key, ...subs));
}

/**
 * The user's language, for Intl formatting. navigator.language first: Chromium started with
 * --lang reports it there while getUILanguage() can still say en-US.
 */
export function uiLanguage(): string {
  return (typeof navigator !== 'undefined' && navigator.language) || browser.i18n.getUILanguage?.() || 'en';
}
