// A backup file is input, not truth: every record and setting is checked against this version's schema before use.
import { problem, problemOf, type Problem } from './problem';
import type { Article, ExportName, ExportSettings } from './types';
import type { BackupRecord } from './backup-format';
import { EDITABLE_FIELDS } from './library';
import { offsetMinutes } from './dates';
import { isPresetId, type PresetSettings } from './export/presets';
import { checkFilenamePattern } from './export/filename-pattern';
import { compileTemplate } from './export/template';
import { DEFAULT_EXPORT_SETTINGS } from './settings-defaults';
import { isWebUrl } from './extract/registrable-domain';

/**
 * Ids a restore may keep: positive and within 32 bits, since the search postings hold ids as Uint32 and
 * IndexedDB's key generator stops at 2^53 (every later save would fail). Anything else gets a fresh id.
 */
export const MAX_KEPT_ID = 2 ** 31 - 1;
const MAX_URL = 8192;
const MAX_TEXT = 20 * 1024 * 1024;
const MAX_SHORT = 10_000;
const MAX_TAGS = 200;

export type CheckedRecord = { ok: true; record: BackupRecord; freshId: boolean } | { ok: false; reason: Problem };

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})$/;

const isTime = (v: unknown): v is string => typeof v === 'string' && ISO_UTC.test(v) && !Number.isNaN(Date.parse(v));
const shortText = (v: unknown): v is string => typeof v === 'string' && v.length <= MAX_SHORT;
const textOrNull = (v: unknown): string | null | undefined => (v === null || v === undefined ? null : shortText(v) ? v : undefined);

/** http(s) only, of a sane length: a `javascript:` or `data:` URL would become a live link in the library and in every post. */
function webUrl(v: unknown): v is string {
  return typeof v === 'string' && v.length <= MAX_URL && isWebUrl(v);
}

function exportNameOf(v: unknown): ExportName | undefined {
  if (!v || typeof v !== 'object') return undefined;
  const { key, path } = v as Record<string, unknown>;
  return typeof key === 'string' && typeof path === 'string' && key.length <= MAX_SHORT && path.length <= 1000 && !path.includes('..')
    ? { key, path } : undefined;
}

/**
 * One record of a backup, rebuilt field by field from what this version knows (unknown keys, `__proto__` among
 * them, are left behind). `taken` holds the ids kept so far: a repeated or unusable id gets a fresh one.
 */
export function checkRecord(raw: unknown, taken: Set<number>): CheckedRecord {
  if (!raw || typeof raw !== 'object') return { ok: false, reason: problem('rec-not-record') };
  const { article: a, body: b } = raw as { article?: Record<string, unknown>; body?: Record<string, unknown> };
  if (!a || typeof a !== 'object' || !b || typeof b !== 'object') return { ok: false, reason: problem('rec-no-body') };
  if (!webUrl(a.url)) return { ok: false, reason: problem('rec-bad-url', String(a.url).slice(0, 80)) };
  if (typeof a.title !== 'string' || a.title.length > MAX_SHORT) return { ok: false, reason: problem('rec-no-title') };
  if (!isTime(a.savedAt) || !isTime(a.updatedAt)) return { ok: false, reason: problem('rec-bad-saved') };
  if (typeof b.html !== 'string' || typeof b.text !== 'string' || b.html.length > MAX_TEXT || b.text.length > MAX_TEXT) {
    return { ok: false, reason: problem('rec-body-not-text') };
  }
  const fields = {
    source: textOrNull(a.source), siteName: textOrNull(a.siteName), author: textOrNull(a.author), lang: textOrNull(a.lang),
    excerpt: textOrNull(a.excerpt), siteArticleId: textOrNull(a.siteArticleId), category: textOrNull(a.category),
  };
  const bad = Object.entries(fields).find(([, v]) => v === undefined);
  if (bad) return { ok: false, reason: problem('rec-field-not-text', bad[0]) };
  const publishedAt = a.publishedAt === null || a.publishedAt === undefined ? null : a.publishedAt;
  if (publishedAt !== null && !(typeof publishedAt === 'string' && ISO_WITH_OFFSET.test(publishedAt) && !Number.isNaN(Date.parse(publishedAt)))) {
    return { ok: false, reason: problem('rec-bad-published') };
  }
  const exportedAt = a.exportedAt === null || a.exportedAt === undefined ? null : a.exportedAt;
  if (exportedAt !== null && !isTime(exportedAt)) return { ok: false, reason: problem('rec-bad-exported') };
  const tags = Array.isArray(a.tags) ? [...new Set(a.tags.filter(shortText))].slice(0, MAX_TAGS) : [];
  // `edited` names the fields a save of the page must keep: only the editable ones mean anything.
  const edited = Array.isArray(a.edited) ? [...new Set(a.edited.filter((f): f is string => (EDITABLE_FIELDS as readonly unknown[]).includes(f)))] : [];
  const leadImage = webUrl(a.leadImage) ? a.leadImage : null;
  const keepId = Number.isSafeInteger(a.id) && (a.id as number) >= 1 && (a.id as number) <= MAX_KEPT_ID && !taken.has(a.id as number);
  if (keepId) taken.add(a.id as number);
  const article: Article = {
    ...(keepId ? { id: a.id as number } : {}),
    url: a.url, title: a.title, ...(fields as Record<keyof typeof fields, string | null>), publishedAt: publishedAt as string | null,
    savedAt: a.savedAt, updatedAt: a.updatedAt, leadImage, tags,
    contentHash: typeof a.contentHash === 'string' && a.contentHash.length <= 64 ? a.contentHash : '00000000',
    exportedAt: exportedAt as string | null,
    ...(exportNameOf(a.exportName) ? { exportName: exportNameOf(a.exportName)! } : {}),
    ...(edited.length ? { edited } : {}),
    // A foreign canonical the page declared: kept as a record, never a link (extract/article-url.ts).
    ...(webUrl(a.declaredCanonical) && a.declaredCanonical.length <= 2048 ? { declaredCanonical: a.declaredCanonical } : {}),
  };
  return { ok: true, record: { article, body: { html: b.html, text: b.text } }, freshId: a.id !== undefined && !keepId };
}

/** Sync storage refuses an item over 8 KB (QUOTA_BYTES_PER_ITEM); measured as the browser does, key plus JSON. */
export const SYNC_ITEM_BYTES = 8192;

export interface CheckedSettings {
  sync: Record<string, unknown>;
  local: Record<string, unknown>;
  /** What was left out and why, for the user. */
  problems: Problem[];
}

function byteSize(key: string, value: unknown): number {
  return new TextEncoder().encode(key + JSON.stringify(value)).length;
}

function checkSite(raw: unknown, problems: Problem[]): ExportSettings | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const r = raw as Record<string, unknown>;
  const out: ExportSettings = { ...DEFAULT_EXPORT_SETTINGS };
  for (const key of ['siteHost', 'layout', 'tagSuffix', 'backLinkText', 'homeLinkText'] as const) {
    if (typeof r[key] === 'string' && (r[key] as string).length <= 500) out[key] = r[key] as string;
    else if (r[key] !== undefined) problems.push(problem('set-not-short', key));
  }
  if (typeof r.timeZone === 'string' && offsetMinutes(r.timeZone) !== null) out.timeZone = r.timeZone;
  else if (r.timeZone !== undefined) problems.push(problem('tz-not-offset', String(r.timeZone)));
  if (r.categoryOverrides && typeof r.categoryOverrides === 'object' && !Array.isArray(r.categoryOverrides)) {
    out.categoryOverrides = Object.fromEntries(Object.entries(r.categoryOverrides as Record<string, unknown>)
      .filter((e): e is [string, string] => typeof e[1] === 'string' && /^[a-z0-9-]{1,100}$/.test(e[1]) && e[0] !== '__proto__'));
  }
  return out;
}

function checkPreset(raw: unknown, problems: Problem[]): Omit<PresetSettings, 'customTemplate'> | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const r = raw as Record<string, unknown>;
  if (!isPresetId(r.preset)) {
    problems.push(problem('set-unknown-preset', String(r.preset)));
    return undefined;
  }
  let filenamePattern: string | undefined;
  try {
    if (typeof r.filenamePattern === 'string') checkFilenamePattern(r.filenamePattern);
    filenamePattern = r.filenamePattern as string;
  } catch (err) {
    problems.push(problem('in-file-name', problemOf(err)));
  }
  if (!filenamePattern || !['html', 'markdown'].includes(r.bodyFormat as string) || !['pinyin', 'chinese'].includes(r.slugStyle as string)) {
    if (filenamePattern) problems.push(problem('set-preset-settings'));
    return undefined;
  }
  return { preset: r.preset, bodyFormat: r.bodyFormat as PresetSettings['bodyFormat'], filenamePattern, slugStyle: r.slugStyle as PresetSettings['slugStyle'] };
}

/**
 * The settings a backup may restore: only the items this version knows, each checked (an unknown preset, a time
 * zone that is not an offset, a template that does not compile, an item over the sync quota are left out and named).
 */
export function checkSettings(raw: unknown): CheckedSettings {
  const problems: Problem[] = [];
  const { sync: s, local: l } = (raw && typeof raw === 'object' ? raw : {}) as { sync?: Record<string, unknown>; local?: Record<string, unknown> };
  const sync: Record<string, unknown> = {};
  const local: Record<string, unknown> = {};
  const site = checkSite(s?.exportSettings, problems);
  if (site) sync.exportSettings = site;
  const preset = checkPreset(s?.presetSettings, problems);
  if (preset) sync.presetSettings = preset;
  if (typeof s?.clickSaves === 'boolean') sync.clickSaves = s.clickSaves;
  for (const [key, value] of Object.entries(sync)) {
    if (byteSize(key, value) > SYNC_ITEM_BYTES) {
      problems.push(problem('set-too-large', key, String(SYNC_ITEM_BYTES)));
      delete sync[key];
    }
  }
  const template = l?.customTemplate;
  if (typeof template === 'string' && template.length <= 100_000) {
    try {
      compileTemplate(template);
      local.customTemplate = template;
    } catch (err) {
      problems.push(problem('in-template', problemOf(err)));
    }
  } else if (template !== undefined && template !== null) problems.push(problem('set-template-not-text'));
  return { sync, local, problems };
}
