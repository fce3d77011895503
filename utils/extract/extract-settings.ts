// The settings an extract script needs, as they travel from the background to the page.
// The extract script reads no storage: the background loads these and passes them as an argument of
// scripting.executeScript. A file injection (`files: [...]`) takes no arguments, so the background
// first runs `handOverExtractSettings` (a `func` injection, same isolated world as the file that
// follows), and the file's first act is `takeExtractSettings(globalThis)`.
import type { ExportSettings } from '../types';
import { DEFAULT_EXPORT_SETTINGS } from '../settings-defaults';

/**
 * Everything extraction reads from the user's settings. Plain data (it crosses executeScript).
 * To add a setting (e.g. `siteRules: boolean`, site rules on/off): a field here, its default in
 * DEFAULT_EXTRACT_SETTINGS, where it comes from in `extractSettingsFrom`, its check in
 * `readExtractSettings`, and what it becomes in `extractOptions`.
 */
export interface ExtractSettings {
  /** Offset for times a page writes without one, e.g. "+08:00" (the export settings' time zone). */
  timeZone: string;
  /**
   * The per-site rule table (site-rules.ts) on or off; absent means on. Off is what a site without a
   * row gets: the benchmark's `--generic` measures it, and a user can fall back to it on a site whose rule broke.
   */
  siteRules?: boolean;
}

export const DEFAULT_EXTRACT_SETTINGS: Readonly<ExtractSettings> = Object.freeze({
  timeZone: DEFAULT_EXPORT_SETTINGS.timeZone,
});

/** The isolated world's global the settings wait in between the two injections. */
export const EXTRACT_SETTINGS_KEY = '__jianbaoExtractSettings';

/** The extraction settings inside the stored settings (loaded by the background). */
export function extractSettingsFrom(settings: Pick<ExportSettings, 'timeZone'> & { siteRules?: boolean }): ExtractSettings {
  return typeof settings.siteRules === 'boolean' ? { timeZone: settings.timeZone, siteRules: settings.siteRules } : { timeZone: settings.timeZone };
}

/** Known fields of the right type over the defaults; anything else is dropped. */
export function readExtractSettings(value: unknown): ExtractSettings {
  const v = (value && typeof value === 'object' ? value : {}) as Partial<Record<keyof ExtractSettings, unknown>>;
  const timeZone = typeof v.timeZone === 'string' && v.timeZone.trim() ? v.timeZone.trim() : DEFAULT_EXTRACT_SETTINGS.timeZone;
  return typeof v.siteRules === 'boolean' ? { timeZone, siteRules: v.siteRules } : { timeZone };
}

/** What the extractors (extractArticle, extractWholePage, extractSelection) take. */
export function extractOptions(settings: ExtractSettings, now: Date): { now: Date; timeZone: string; siteRules: boolean } {
  return { now, timeZone: settings.timeZone, siteRules: settings.siteRules !== false };
}

/**
 * Runs in the page as an executeScript `func` (serialized: it must use nothing but its arguments).
 * Queues rather than overwrites, so two saves started together on one tab each find their own.
 */
export function handOverExtractSettings(key: string, settings: ExtractSettings): void {
  const scope = globalThis as unknown as Record<string, unknown>;
  const queue = Array.isArray(scope[key]) ? (scope[key] as unknown[]) : [];
  queue.push(settings);
  scope[key] = queue;
}

/**
 * In the extract script: takes the settings the background handed over (and removes them from the
 * page's isolated world), or the defaults when none were handed over.
 */
export function takeExtractSettings(scope: Record<string, unknown>): ExtractSettings {
  const queue = scope[EXTRACT_SETTINGS_KEY];
  const handed = Array.isArray(queue) ? queue.shift() : undefined;
  if (!Array.isArray(queue) || queue.length === 0) delete scope[EXTRACT_SETTINGS_KEY];
  return readExtractSettings(handed);
}
