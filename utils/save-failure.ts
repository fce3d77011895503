// Which catalog message explains a failed save: the popup and the toolbar badge say the same thing.
import type { SaveFailureCode } from './messages';

const KEYS: Record<SaveFailureCode, string> = {
  'no-article': 'pop_failNoArticle',
  'no-selection': 'pop_failNoSelection',
  'browser-page': 'pop_failBrowserPage',
  'web-store': 'pop_failWebStore',
  pdf: 'pop_failPdf',
  'not-http': 'pop_failNotHttp',
  interrupted: 'pop_failInterrupted',
  'tab-gone': 'pop_failTabGone',
  'no-answer': 'pop_failNoAnswer',
  restricted: 'pop_failRestricted',
  'too-large': 'pop_failTooLarge',
  quota: 'pop_failQuota',
  error: 'pop_failError',
};

export function failureKey(code: SaveFailureCode): string {
  return KEYS[code] ?? KEYS.error;
}
