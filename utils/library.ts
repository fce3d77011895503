// The article repository: the only module that writes the library database.
import { problem, ProblemError, type Problem, type ProblemCode } from './problem';
import type { JianbaoDb } from './db';
import { articleTerms } from './search';
import { SHARD, shardOf, writeTerms } from './postings';
import type { Article, ArticleBody, ExportName, ExtractedArticle } from './types';
import { newArticle, pageFields } from './article-record';
import { cleanArticleUrl } from './extract/article-url';
import { isWebUrl, sameSite } from './extract/registrable-domain';
import { facets, listOrderFromIndexes, LIST_ORDER_KEY, queryIds, recentIds, searchIds } from './library-query';
import type { LibraryQuery } from './library-filter';
import { emptyCounts, mergeDecision, type MergeCounts } from './restore-merge';
import type { BackupRecord } from './backup-format';
import type { RestorePosition } from './backup';
import { createLibraryReader, type LibraryReader } from './library-reader';

export { fnv1a32 } from './article-record';

export type LibraryErrorCode = 'quota';

/** A failure the UI can explain to the user; `code` says which. */
export class LibraryError extends ProblemError {
  readonly code: LibraryErrorCode;

  constructor(code: LibraryErrorCode, reason: Problem, message: string, options?: { cause?: unknown }) {
    super(reason, message, options);
    this.name = 'LibraryError';
    this.code = code;
  }
}

export interface SaveResult {
  status: 'created' | 'updated';
  article: Article;
  /** How an update found its article: the same URL, or the site's own id on the same site (another share link). */
  matched?: 'url' | 'site-id';
}

export interface ListOptions {
  /** Omitted: no limit. */
  limit?: number;
  offset?: number;
}

/** The fields a user may edit; an edited field survives a new save of the page. */
export const EDITABLE_FIELDS = ['title', 'source', 'publishedAt', 'author', 'tags', 'category'] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];
export type ArticlePatch = Partial<Pick<Article, EditableField>>;

/** What an edit form started from: the row's `updatedAt` then, and the starting value of each field it changes. */
export interface UpdateBase {
  updatedAt?: string;
  values: ArticlePatch;
}

/** A field the form changed that was also changed elsewhere meanwhile, with its value now. */
export interface FieldConflict {
  field: EditableField;
  theirs: ArticlePatch[EditableField];
}

export type UpdateOutcome =
  | { status: 'updated' | 'unchanged'; article: Article }
  /** Nothing was written. */
  | { status: 'conflict'; article: Article; conflicts: FieldConflict[] }
  | { status: 'missing' };

/** What a deletion did: how many articles went, and the token that undoes it (null: nothing to undo). */
export interface RemoveResult {
  deleted: number;
  undoToken: string | null;
  /** Set when articles were deleted without an undo copy: browser storage was full. */
  notUndoable?: 'quota';
}

/** What a deletion keeps so that it can be undone. */
interface UndoEntry {
  at: string;
  records: BackupRecord[];
}

const UNDO_PREFIX = 'undo:';
/** Set once the names of articles exported before names were recorded have been recorded. */
const LEGACY_NAMES_KEY = 'legacyExportNames';
const EXPORT_FOLDER_KEY = 'exportFolder';
/** The position of an unfinished restore (backup.ts RestorePosition). */
const RESTORE_KEY = 'restoreProgress';
/** Deletions that stay undoable; older ones are dropped when a new one is made. */
export const UNDO_KEEP = 5;
/** Only if even a transaction that only deletes were refused (see removeMany; not seen in Chromium or Firefox). */
const QUOTA_MESSAGE_DELETE = [
  'quota-delete', 'Browser storage is full, with no room left even for a deletion: nothing was deleted. Free disk space on this computer, then try again.'] as const;
const QUOTA_MESSAGE_UNDO = ['quota-undo', 'Browser storage is full: the deleted articles could not be put back; they stay deleted.'] as const;
/**
 * Values of random bytes kept in `kv`, given up one at a time when storage is full so that a deletion can still
 * be written (removeMany). Large on purpose: browsers keep a value this size in a file of its own (Chromium from
 * 64 KiB, Firefox from 1 MiB), and deleting it frees its room at once, where deleted rows wait for compaction.
 * Random, so that compression does not shrink them. Several pieces: several deletions on a full disk in a row.
 */
const RESERVE_PREFIX = 'deleteReserve:';
const RESERVE_PIECES = 8;
const RESERVE_PIECE_BYTES = 1.5 * 1024 * 1024;
/** Bodies deleted per transaction by freeText. */
const FREE_SLICE = 500;
/** The reserve is made again only with this much room free (when the browser says how much that is). */
const RESERVE_ROOM = 64 * 1024 * 1024;

function randomBytes(n: number): Uint8Array {
  const bytes = new Uint8Array(n);
  // getRandomValues fills at most 65 536 bytes a call.
  for (let i = 0; i < n; i += 65_536) crypto.getRandomValues(bytes.subarray(i, Math.min(n, i + 65_536)));
  return bytes;
}

export interface Library extends LibraryReader {
  save(extracted: ExtractedArticle, now: Date): Promise<SaveResult>;
  list(options?: ListOptions): Promise<Article[]>;
  get(id: number): Promise<Article | undefined>;
  getMany(ids: number[]): Promise<Article[]>;
  getBody(id: number): Promise<ArticleBody | undefined>;
  count(): Promise<number>;
  /** Edits an article; the changed fields are recorded in `edited`. */
  update(id: number, patch: ArticlePatch, now: Date): Promise<Article | undefined>;
  /**
   * Edits an article from a form opened on `base`: only the patch's fields are written; a field changed
   * elsewhere since (its value now is neither the form's starting value nor the form's new one) is a
   * conflict, and then nothing is written. Tags merge: the form's additions and removals apply to the tags now.
   */
  update(id: number, patch: ArticlePatch, now: Date, base: UpdateBase): Promise<UpdateOutcome>;
  /** Adds and removes tags on many articles; returns how many changed. */
  tag(ids: number[], add: string[], remove: string[], now: Date): Promise<number>;
  /** Deletes one article, undoably when storage allows; see removeMany. */
  remove(id: number, now?: Date): Promise<RemoveResult>;
  /**
   * Deletes articles with their bodies and terms, keeping a copy for `undo`. With browser storage full the
   * deletion still happens, without the copy (`undoToken` null, `notUndoable: 'quota'`).
   */
  removeMany(ids: number[], now: Date): Promise<RemoveResult>;
  /**
   * Keeps the reserve a deletion on a full disk gives up (removeMany) when it is missing and there is room;
   * false when it could not be made now. The background calls it when it starts.
   */
  keepReserve(): Promise<boolean>;
  /**
   * Takes out of the search index the articles a deletion on a full disk left in it (removeMany); false when
   * the disk is still too full for that. The background calls it when it starts and after such a deletion.
   */
  cleanIndex(): Promise<boolean>;
  /**
   * Frees space: deletes the text (body) of the articles `freeableText(before)` names, and the undo copies of
   * earlier deletions. Rows, tags and the search index stay. It only deletes, so it works on a full disk.
   * Returns how many articles lost their text.
   */
  freeText(before: Date): Promise<{ freed: number }>;
  /** Puts back what a deletion took; returns how many articles came back (0: the copy is gone, or they were saved again). */
  undo(token: string): Promise<number>;
  /** Records that these articles were exported now, with the file name each was written as (when given). */
  markExported(ids: number[], now: Date, names?: ReadonlyMap<number, ExportName>): Promise<number>;
  /**
   * Once per database: records names for the articles an older version exported without recording one
   * (`names` gets every row and computes them, legacy-names.ts); returns how many were recorded.
   */
  recordLegacyNames(names: (rows: Article[]) => ReadonlyMap<number, ExportName>): Promise<number>;
  search(query: string, limit: number): Promise<Article[]>;
  /**
   * The export folder the user picked (File System Access), kept in `kv`: a handle is structured-cloned into
   * IndexedDB but cannot travel in a runtime message, so the export page keeps it through these two methods,
   * the one write a page makes (ARCHITECTURE.md).
   */
  exportFolder(): Promise<FileSystemDirectoryHandle | null>;
  setExportFolder(handle: FileSystemDirectoryHandle | null): Promise<void>;
  /** Ids for the library page: filters, sort, search. */
  query(q: LibraryQuery): Promise<number[]>;
  facets(): Promise<{ sources: string[]; tags: string[] }>;
  /** The newest saved ids, for a first screen. */
  recentIds(limit: number): Promise<number[]>;
  /** Articles with their bodies, by id order after `afterId`, for a backup. */
  readRecords(afterId: number, limit: number): Promise<BackupRecord[]>;
  /** Merges records in one transaction (restore, bulk seeding): same URL, the newer edit wins. */
  importRecords(records: BackupRecord[], position?: RestorePosition): Promise<MergeCounts>;
  /** An interrupted restore (what `importRecords` recorded last), or null when none is unfinished. */
  restoreProgress(): Promise<(RestorePosition & { at: string }) | null>;
  /**
   * Keeps the whole-list orders (library-query.ts ListOrder) as the indexes give them now; false when a write
   * came meanwhile (call again) or there was no room. The background calls it once writes settle (onChange).
   */
  refreshListOrder(): Promise<boolean>;
}

/** `onChange`: called after every write (whether it committed or not), for the background to refresh the orders. */
export interface LibraryOptions {
  onChange?: () => void;
}

/** The methods that change articles: each drops the kept list orders (library-query.ts) when it is done. */
const WRITERS = ['save', 'update', 'tag', 'removeMany', 'undo', 'markExported', 'recordLegacyNames', 'importRecords'] as const;

const QUOTA_MESSAGE_SAVE = [
  'quota-save', 'Browser storage is full: the article was not saved. Delete articles you no longer need in the library (deleting works on a full disk), then save again.'] as const;
const QUOTA_MESSAGE_WRITE = ['quota-write', 'Browser storage is full: the change was not made. Free space or export and delete old articles.'] as const;
const QUOTA_MESSAGE_EXPORTED = ['quota-exported', 'Browser storage is full: the export state was not recorded. Free space or export and delete old articles.'] as const;

// Dexie passes the DOMException through, or wraps it (AbortError with `inner`) when it aborted the transaction.
function isQuotaError(err: unknown): boolean {
  let e: unknown = err;
  for (let depth = 0; depth < 4 && e && typeof e === 'object'; depth++) {
    const { name, inner, cause } = e as { name?: unknown; inner?: unknown; cause?: unknown };
    if (name === 'QuotaExceededError') return true;
    e = inner ?? cause;
  }
  return false;
}

/** `message`: one of the QUOTA_MESSAGE_ pairs, what the user is told (as a code) and the English for logs. */
async function guardQuota<T>([code, english]: readonly [ProblemCode, string], write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (isQuotaError(err)) throw new LibraryError('quota', problem(code), english, { cause: err });
    throw err;
  }
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/**
 * An edit form's patch against the row as it is now (update's helper): a field whose value now is the form's
 * starting value (or already the form's new one) is taken; one changed elsewhere meanwhile is a conflict.
 * Tags merge instead: what the form added and removed is applied to the tags now. A field without a
 * starting value in `base` is taken as is.
 */
function mergeEdit(now: Article, patch: ArticlePatch, base: UpdateBase): { patch: ArticlePatch; conflicts: FieldConflict[] } {
  const merged: Record<string, unknown> = {};
  const conflicts: FieldConflict[] = [];
  for (const f of EDITABLE_FIELDS) {
    if (!(f in patch)) continue;
    const mine = patch[f];
    if (f === 'tags' && Array.isArray(mine) && Array.isArray(base.values.tags)) {
      const from = base.values.tags;
      const removed = from.filter((t) => !mine.includes(t));
      merged.tags = [...new Set([...now.tags.filter((t) => !removed.includes(t)), ...mine.filter((t) => !from.includes(t))])];
    } else if (!(f in base.values) || sameValue(now[f], base.values[f]) || sameValue(now[f], mine)) {
      merged[f] = mine;
    } else {
      conflicts.push({ field: f, theirs: now[f] });
    }
  }
  return { patch: merged as ArticlePatch, conflicts };
}

/** The fields a save takes from the page (article-record.ts), but its clock: equal on all, the save changed nothing. */
const PAGE_KEYS = ['title', 'source', 'siteName', 'author', 'publishedAt', 'lang', 'excerpt', 'leadImage', 'siteArticleId', 'contentHash'] as const;

/** The host without a www./m./wap. prefix: the same site's desktop and mobile pages. */
function siteOf(url: string): string | null {
  try {
    return new URL(url).hostname.toLowerCase().replace(/^(?:www|m|wap|3g)\./, '');
  } catch {
    return null;
  }
}

function withoutId(article: Article): Article {
  const { id: _id, ...rest } = article;
  return rest;
}

/**
 * What a save may key the article on. Only http(s) URLs are stored: anything else is refused (the extractors
 * refuse such pages already; this is the database's own guard). With the page's own URL known, a key on
 * another site than the page (a canonical a current extractor would not have used: an older script, a
 * caller that built the article itself) is replaced by the page's own URL, the claim kept as
 * `declaredCanonical`, as article-url.ts does.
 */
function saveKey(extracted: ExtractedArticle): ExtractedArticle {
  if (!isWebUrl(extracted.url)) throw new ProblemError(problem('not-http', String(extracted.url).slice(0, 100)), `Only web pages (http or https) can be saved, not ${String(extracted.url).slice(0, 100)}.`);
  const { pageUrl } = extracted;
  if (pageUrl === undefined) return extracted;
  if (!isWebUrl(pageUrl)) throw new ProblemError(problem('not-http', String(pageUrl).slice(0, 100)), `Only web pages (http or https) can be saved, not ${String(pageUrl).slice(0, 100)}.`);
  if (sameSite(extracted.url, pageUrl)) return extracted;
  return { ...extracted, url: cleanArticleUrl(pageUrl), declaredCanonical: extracted.declaredCanonical ?? extracted.url };
}

export function createLibrary(db: JianbaoDb, { onChange }: LibraryOptions = {}): Library {
  const tables = [db.articles, db.bodies, db.terms, db.postings] as const;
  const index = { terms: db.terms, postings: db.postings };

  async function reindex(article: Article, text?: string): Promise<void> {
    const body = text ?? (await db.bodies.get(article.id!))?.text ?? '';
    await writeTerms(index, [{ articleId: article.id!, terms: articleTerms({ ...article, text: body }) }]);
  }

  /** An article of the same site (host, www./m. aside) with the same site id: the page seen through another link. */
  async function sameSiteArticle(extracted: ExtractedArticle): Promise<Article | undefined> {
    if (!extracted.siteArticleId) return undefined;
    const site = siteOf(extracted.url);
    const rows = await db.articles.where('siteArticleId').equals(extracted.siteArticleId).toArray();
    return site ? rows.find((a) => siteOf(a.url) === site) : undefined;
  }

  /**
   * Deletes the articles that exist among `ids` with their bodies, terms and postings, inside the caller's
   * transaction; with `undo`, first keeps a copy under its token and drops copies older than the last UNDO_KEEP.
   * Returns how many were deleted.
   */
  async function deleteArticles(ids: number[], undo: { token: string; at: string } | null): Promise<number> {
    const rows = await library.getMany(ids);
    if (rows.length === 0) return 0;
    const rowIds = rows.map((a) => a.id!);
    if (undo) {
      const bodies = await db.bodies.bulkGet(rowIds);
      const records = rows.map((article, i) => ({ article, body: { html: bodies[i]?.html ?? '', text: bodies[i]?.text ?? '' } }));
      await db.kv.put({ key: undo.token, value: { at: undo.at, records } satisfies UndoEntry });
    }
    // The postings lose these ids in the same transaction as the rows: no posting ever names a deleted article.
    await writeTerms(index, rowIds.map((articleId) => ({ articleId, terms: null })));
    await db.articles.bulkDelete(rowIds);
    await db.bodies.bulkDelete(rowIds);
    if (undo) {
      const older = await db.kv.where('key').startsWith(UNDO_PREFIX).primaryKeys();
      await db.kv.bulkDelete(older.sort().slice(0, Math.max(0, older.length - UNDO_KEEP)));
    }
    return rowIds.length;
  }

  /** Those of `ids` that are in the library (`present`), or not. */
  async function idsThat(present: boolean, ids: number[]): Promise<number[]> {
    const rows = await db.articles.bulkGet(ids);
    return ids.filter((_, i) => (rows[i] !== undefined) === present);
  }

  /** Ids with a terms row and no article: deleted on a full disk (removeMany), their postings not yet cleaned. */
  async function unindexedOrphans(): Promise<number[]> {
    const [indexed, present] = await Promise.all([db.terms.toCollection().primaryKeys(), db.articles.toCollection().primaryKeys()]);
    const have = new Set(present);
    return indexed.filter((id) => !have.has(id));
  }


  /**
   * Deletes `ids` without undo copies, as many as the free room allows: all in one transaction, or, refused for
   * quota, each half on its own (each transaction whole: an article goes with its body, terms and postings, or
   * stays). Returns how many were deleted.
   */
  async function deleteFitting(ids: number[]): Promise<number> {
    try {
      return await db.transaction('rw', tables, () => deleteArticles(ids, null));
    } catch (err) {
      if (!isQuotaError(err)) throw err;
      if (ids.length === 1) return 0;
    }
    const half = Math.ceil(ids.length / 2);
    const first = await deleteFitting(ids.slice(0, half));
    // Neither half of the first half fitted: the second will not either.
    if (first === 0) return 0;
    return first + (await deleteFitting(ids.slice(half)));
  }

  // Writes counted as they start: a refresh that read the indexes while one was under way does not keep its orders.
  let writes = 0;
  const library: Library = {
    ...createLibraryReader(db),
    async refreshListOrder() {
      const before = writes;
      const order = await db.transaction('r', db.articles, () => listOrderFromIndexes(db));
      if (writes !== before) return false;
      try {
        await db.kv.put({ key: LIST_ORDER_KEY, value: order });
        return true;
      } catch (err) {
        if (isQuotaError(err)) return false;
        throw err;
      }
    },
    async save(given, now) {
      const nowIso = now.toISOString();
      let extracted = saveKey(given);
      // Computed before the transaction: CPU work inside it only holds the lock longer.
      let fromPage = pageFields(extracted, nowIso);
      return guardQuota(QUOTA_MESSAGE_SAVE, () =>
        // One transaction: a failure anywhere (quota) leaves no article without body or terms.
        db.transaction('rw', ...tables, async (): Promise<SaveResult> => {
          let byUrl = await db.articles.where('url').equals(extracted.url).first();
          let existing = byUrl ?? (await sameSiteArticle(extracted));
          // A row on another site than the page being saved is never updated by it: the page proves nothing
          // about that site's article (it reached the row through a canonical or a site id it declared, or
          // the row came from an older version that trusted such claims). Refusing would lose the user's
          // save; updating would silently replace another site's article. So the page becomes an article of
          // its own, under its own URL (updating the row of that URL, on the page's own site, if there is
          // one), the claim kept in `declaredCanonical`; the other row is not touched.
          if (existing && extracted.pageUrl !== undefined && !sameSite(existing.url, extracted.pageUrl)) {
            const own = cleanArticleUrl(extracted.pageUrl);
            // Matched by URL: that URL was the page's claim. (By site id, the page claimed no URL.)
            const declaredCanonical = extracted.declaredCanonical ?? (byUrl && extracted.url !== own ? extracted.url : undefined);
            extracted = { ...extracted, url: own, declaredCanonical };
            if (!declaredCanonical) delete extracted.declaredCanonical;
            fromPage = pageFields(extracted, nowIso);
            byUrl = await db.articles.where('url').equals(own).first();
            existing = byUrl;
          }
          let article: Article;
          let status: SaveResult['status'];
          let matched: SaveResult['matched'];
          if (existing) {
            // Spread over the old row: id, savedAt, its URL and what the user set (tags, category, export state)
            // stay, and so does every field the user edited.
            const kept = Object.fromEntries((existing.edited ?? []).map((f) => [f, existing[f as keyof Article]]));
            article = { ...existing, ...fromPage, url: existing.url, ...kept };
            // The page no longer declares a canonical on another site: the row no longer records one.
            if (!('declaredCanonical' in fromPage)) delete article.declaredCanonical;
            // The same page saved again unchanged is not a change: it must not show as changed since its export.
            if (PAGE_KEYS.every((k) => sameValue(article[k], existing[k]))) article.updatedAt = existing.updatedAt;
            await db.articles.put(article);
            status = 'updated';
            matched = byUrl ? 'url' : 'site-id';
          } else {
            article = newArticle(extracted, now);
            article.id = await db.articles.add(article);
            status = 'created';
          }
          const articleId = article.id!;
          await db.bodies.put({ articleId, html: extracted.html, text: extracted.text });
          await reindex(article, extracted.text);
          return matched ? { status, article, matched } : { status, article };
        }),
      );
    },

    async list(options = {}) {
      const { limit, offset = 0 } = options;
      let coll = db.articles.orderBy('savedAt').reverse();
      if (offset > 0) coll = coll.offset(offset);
      if (limit !== undefined) coll = coll.limit(limit);
      return coll.toArray();
    },

    count: () => db.articles.count(),

    update: (async (id: number, given: ArticlePatch, now: Date, base?: UpdateBase) => {
      const outcome = await guardQuota(QUOTA_MESSAGE_WRITE, () =>
        db.transaction('rw', ...tables, async (): Promise<UpdateOutcome> => {
          const old = await db.articles.get(id);
          if (!old) return { status: 'missing' };
          const { patch, conflicts } = base ? mergeEdit(old, given, base) : { patch: given, conflicts: [] };
          if (conflicts.length > 0) return { status: 'conflict', article: old, conflicts };
          const changed = EDITABLE_FIELDS.filter((f) => f in patch && !sameValue(patch[f], old[f]));
          if (changed.length === 0) return { status: 'unchanged', article: old };
          const edited = [...new Set([...(old.edited ?? []), ...changed])];
          // Only the changed fields are written over the row as it is now.
          const next: Article = { ...old, edited, updatedAt: now.toISOString() };
          for (const f of changed) (next as Record<EditableField, unknown>)[f] = patch[f];
          await db.articles.put(next);
          if (changed.some((f) => f === 'title' || f === 'source' || f === 'author')) await reindex(next);
          return { status: 'updated', article: next };
        }),
      );
      if (base) return outcome;
      return outcome.status === 'missing' ? undefined : outcome.article;
    }) as Library['update'],

    async tag(ids, add, remove, now) {
      if (ids.length === 0 || (add.length === 0 && remove.length === 0)) return 0;
      const updatedAt = now.toISOString();
      return guardQuota(QUOTA_MESSAGE_WRITE, () =>
        db.transaction('rw', db.articles, async () => {
          const rows = await library.getMany(ids);
          const changed: Article[] = [];
          for (const a of rows) {
            const tags = [...new Set([...a.tags.filter((t) => !remove.includes(t)), ...add])];
            if (sameValue(tags, a.tags)) continue;
            const edited = a.edited?.includes('tags') ? a.edited : [...(a.edited ?? []), 'tags'];
            changed.push({ ...a, tags, edited, updatedAt });
          }
          await db.articles.bulkPut(changed);
          return changed.length;
        }),
      );
    },

    remove: (id, now = new Date()) => library.removeMany([id], now),

    async removeMany(ids, now) {
      const wanted = [...new Set(ids)];
      if (wanted.length === 0) return { deleted: 0, undoToken: null };
      const at = now.toISOString();
      const token = `${UNDO_PREFIX}${at}:${Math.random().toString(36).slice(2, 8)}`;
      try {
        // The undo copy and the deletion commit together: nothing is lost between them.
        const deleted = await db.transaction('rw', [...tables, db.kv], () => deleteArticles(wanted, { token, at }));
        return { deleted, undoToken: deleted > 0 ? token : null };
      } catch (err) {
        if (!isQuotaError(err)) throw err;
      }
      // Storage is full. The copy would write the deleted text straight back; what the user wants from a
      // deletion now is room. So the articles go without one, and so do the copies of earlier deletions.
      // A whole deletion still writes (the posting rows that keep other ids), and Chromium refuses a transaction
      // that writes anything while usage is at the quota — and counts usage high for seconds after fast writes,
      // deleted rows freeing nothing until its database compacts. Only a transaction that only deletes always
      // commits. So what does not fit whole goes that way: its rows and bodies, and the terms rows stay behind,
      // the mark of the posting lists that still name it, which cleanIndex takes out once a write fits. (Search
      // meanwhile may find an id with no row, which every reader already skips.)
      await db.kv.where('key').startsWith(UNDO_PREFIX).delete();
      let deleted = await deleteFitting(wanted);
      const left = await idsThat(true, wanted);
      if (left.length > 0) {
        await guardQuota(QUOTA_MESSAGE_DELETE, () => db.transaction('rw', db.articles, db.bodies, async () => {
          await db.articles.bulkDelete(left);
          await db.bodies.bulkDelete(left);
        }));
        deleted += left.length;
        await library.cleanIndex();
      }
      return deleted === 0 ? { deleted: 0, undoToken: null } : { deleted, undoToken: null, notUndoable: 'quota' };
    },

    async freeText(before) {
      const ids = await library.freeableText(before);
      await db.kv.where('key').startsWith(UNDO_PREFIX).delete();
      // In slices: one transaction holding thousands of bodies' deletions would hold the lock for long.
      for (let i = 0; i < ids.length; i += FREE_SLICE) await db.bodies.bulkDelete(ids.slice(i, i + FREE_SLICE));
      return { freed: ids.length };
    },

    async cleanIndex() {
      const orphans = await unindexedOrphans();
      if (orphans.length === 0) return true;
      const clean = async () => {
        try {
          await db.transaction('rw', tables, async () => {
            // Read again inside: a restore may have put an id back meanwhile (its own write set its terms).
            const still = await idsThat(false, orphans);
            await writeTerms(index, still.map((articleId) => ({ articleId, terms: null })));
          });
          return true;
        } catch (err) {
          if (!isQuotaError(err)) throw err;
          return false;
        }
      };
      if (await clean()) return true;
      // Refused: one piece of the reserve (its room is freed at once), and one more try. Only one a call: right
      // after fast writes Chromium counts usage high for seconds, and pieces given up then would be wasted;
      // the background calls again later (library-handlers.ts).
      const [piece] = await db.kv.where('key').startsWith(RESERVE_PREFIX).primaryKeys();
      if (piece === undefined) return false;
      await db.kv.delete(piece);
      return clean();
    },

    async keepReserve() {
      const have = new Set(await db.kv.where('key').startsWith(RESERVE_PREFIX).primaryKeys());
      const missing = Array.from({ length: RESERVE_PIECES }, (_, i) => `${RESERVE_PREFIX}${i}`).filter((k) => !have.has(k));
      if (missing.length === 0) return true;
      // Made again only with clear room to spare: right after a full disk the room is the user's, for saves.
      const estimate = await globalThis.navigator?.storage?.estimate?.().catch(() => undefined);
      if (estimate?.quota !== undefined && estimate.usage !== undefined && estimate.quota - estimate.usage < RESERVE_ROOM) return false;
      for (const key of missing) {
        try {
          await db.kv.put({ key, value: randomBytes(RESERVE_PIECE_BYTES) });
        } catch (err) {
          if (isQuotaError(err)) return false;
          throw err;
        }
      }
      return true;
    },

    async undo(token) {
      if (!token.startsWith(UNDO_PREFIX)) return 0;
      return guardQuota(QUOTA_MESSAGE_UNDO, () =>
        db.transaction('rw', [...tables, db.kv], async () => {
          const entry = (await db.kv.get(token))?.value as UndoEntry | undefined;
          if (!entry) return 0;
          // Saved again since the deletion: the new row stays, the old one does not come back over it.
          const urls = new Set(await db.articles.where('url').anyOf(entry.records.map((r) => r.article.url)).keys());
          const back = entry.records.filter((r) => !urls.has(r.article.url));
          await db.articles.bulkPut(back.map((r) => r.article));
          await db.bodies.bulkPut(back.map((r) => ({ articleId: r.article.id!, ...r.body })));
          await writeTerms(index, back.map((r) => ({ articleId: r.article.id!, terms: articleTerms({ ...r.article, text: r.body.text }) })));
          const restored = back.length;
          await db.kv.delete(token);
          return restored;
        }),
      );
    },

    async markExported(ids, now, names) {
      if (ids.length === 0) return 0;
      const exportedAt = now.toISOString();
      return guardQuota(QUOTA_MESSAGE_EXPORTED, () =>
        db.articles.where('id').anyOf(ids).modify((row) => {
          row.exportedAt = exportedAt;
          const name = names?.get(row.id!);
          if (name) row.exportName = name;
        }),
      );
    },

    async recordLegacyNames(names) {
      if (await db.kv.get(LEGACY_NAMES_KEY)) return 0;
      const found = names(await db.articles.toArray());
      return guardQuota(QUOTA_MESSAGE_WRITE, () =>
        db.transaction('rw', db.articles, db.kv, async () => {
          let n = 0;
          await db.articles.where('id').anyOf([...found.keys()]).modify((row) => {
            // Exported again meanwhile: that name is the one on the site now.
            if (row.exportName) return;
            row.exportName = found.get(row.id!)!;
            n++;
          });
          await db.kv.put({ key: LEGACY_NAMES_KEY, value: new Date().toISOString() });
          return n;
        }),
      );
    },

    async search(query, limit) {
      if (limit <= 0) return [];
      const ids = (await searchIds(db, query)).slice(0, limit);
      return library.getMany(ids);
    },

    async exportFolder() {
      return ((await db.kv.get(EXPORT_FOLDER_KEY))?.value as FileSystemDirectoryHandle | undefined) ?? null;
    },
    async setExportFolder(handle) {
      if (handle) await db.kv.put({ key: EXPORT_FOLDER_KEY, value: handle });
      else await db.kv.delete(EXPORT_FOLDER_KEY);
    },

    query: (q) => queryIds(db, q),
    facets: () => facets(db),
    recentIds: (limit) => recentIds(db, limit),

    async readRecords(afterId, limit) {
      return db.transaction('r', db.articles, db.bodies, async () => {
        const rows = await db.articles.where('id').above(afterId).limit(limit).toArray();
        const bodies = await db.bodies.bulkGet(rows.map((a) => a.id!));
        return rows.map((article, i) => ({ article, body: { html: bodies[i]?.html ?? '', text: bodies[i]?.text ?? '' } }));
      });
    },

    async restoreProgress() {
      return ((await db.kv.get(RESTORE_KEY))?.value as (RestorePosition & { at: string }) | undefined) ?? null;
    },

    async importRecords(records, position) {
      // Terms are computed before the transaction: CPU work inside it only holds the lock longer.
      const terms = records.map((r) => articleTerms({ ...r.article, text: r.body.text }));
      return guardQuota(QUOTA_MESSAGE_WRITE, () =>
        // Bulk reads and writes only: in Chromium each awaited request is a round trip to another process.
        db.transaction('rw', [...tables, db.kv], async () => {
          // Where the restore stands commits with these records: an interrupted restore resumes exactly after them.
          if (position && position.done < position.total) await db.kv.put({ key: RESTORE_KEY, value: { ...position, at: new Date().toISOString() } });
          else if (position) await db.kv.delete(RESTORE_KEY);
          const counts = emptyCounts();
          // A URL twice in one batch: only its newest version takes part (the merge rule, within the batch).
          const newest = new Map<string, number>();
          records.forEach((r, i) => {
            const j = newest.get(r.article.url);
            if (j === undefined || mergeDecision(records[j]!.article, r.article) === 'replace') newest.set(r.article.url, i);
          });
          const byUrl = new Map((await db.articles.where('url').anyOf(records.map((r) => r.article.url)).toArray()).map((a) => [a.url, a]));
          const wantedIds = records.map((r) => r.article.id).filter((id): id is number => id !== undefined);
          const taken = new Set((await db.articles.bulkGet(wantedIds)).filter(Boolean).map((a) => a!.id!));
          const replaced: Article[] = [];
          const keptIds: Article[] = [];
          const newIds: { article: Article; index: number }[] = [];
          const rowIndex = new Map<Article, number>();
          for (const [i, { article }] of records.entries()) {
            const decision = newest.get(article.url) === i ? mergeDecision(byUrl.get(article.url), article) : 'skip';
            if (decision === 'skip') {
              counts.skipped++;
              continue;
            }
            let row: Article;
            if (decision === 'replace') {
              row = { ...article, id: byUrl.get(article.url)!.id };
              replaced.push(row);
              counts.replaced++;
            } else if (article.id !== undefined && !taken.has(article.id)) {
              // An empty library gets the backup's ids back, so the rows come back identical.
              row = article;
              taken.add(article.id);
              keptIds.push(row);
              counts.added++;
            } else {
              row = withoutId(article);
              newIds.push({ article: row, index: i });
              counts.added++;
            }
            rowIndex.set(row, i);
          }
          await db.articles.bulkPut(replaced);
          await db.articles.bulkAdd(keptIds);
          const ids = await db.articles.bulkAdd(newIds.map((n) => n.article), { allKeys: true });
          newIds.forEach((n, j) => (n.article.id = ids[j]));
          const written = [...replaced, ...keptIds, ...newIds.map((n) => n.article)];
          await db.bodies.bulkPut(written.map((r) => ({ articleId: r.id!, ...records[rowIndex.get(r)!]!.body })));
          // Shards where every article is one just added here had nothing indexed before: no reads needed.
          const addedIn = new Map<number, number>();
          for (const r of [...keptIds, ...newIds.map((n) => n.article)]) addedIn.set(shardOf(r.id!), (addedIn.get(shardOf(r.id!)) ?? 0) + 1);
          for (const r of replaced) addedIn.delete(shardOf(r.id!));
          const fresh = new Set<number>();
          for (const [shard, n] of addedIn) {
            const inShard = await db.articles.where(':id').between(shard * SHARD + 1, (shard + 1) * SHARD, true, true).count();
            if (inShard === n) fresh.add(shard);
          }
          await writeTerms(index, written.map((r) => ({ articleId: r.id!, terms: terms[rowIndex.get(r)!]! })), fresh);
          return counts;
        }),
      );
    },
  };
  for (const name of WRITERS) {
    const write = library[name] as (...args: unknown[]) => Promise<unknown>;
    (library as unknown as Record<string, unknown>)[name] = async (...args: unknown[]) => {
      writes++;
      try {
        return await write(...args);
      } finally {
        // After the write's own transaction: a page reading in between sees the old orders, and its live query
        // reads again when this key goes (it read it). A deletion always fits, even on a full disk.
        await db.kv.delete(LIST_ORDER_KEY).catch(() => {});
        onChange?.();
      }
    };
  }
  return library;
}
