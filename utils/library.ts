// The article repository: the only module that writes the library database.
import type { JianbaoDb } from './db';
import { queryTokens, searchTokens, type QueryToken } from './search';
import type { Article, ArticleBody, ExtractedArticle } from './types';
import { newArticle, pageFields } from './article-record';

export { fnv1a32 } from './article-record';

export type LibraryErrorCode = 'quota';

/** A failure the UI can explain to the user; `code` says which. */
export class LibraryError extends Error {
  readonly code: LibraryErrorCode;

  constructor(code: LibraryErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'LibraryError';
    this.code = code;
  }
}

export interface SaveResult {
  status: 'created' | 'updated';
  article: Article;
}

export interface ListOptions {
  /** Omitted: no limit. */
  limit?: number;
  offset?: number;
}

export interface Library {
  save(extracted: ExtractedArticle, now: Date): Promise<SaveResult>;
  list(options?: ListOptions): Promise<Article[]>;
  get(id: number): Promise<Article | undefined>;
  getBody(id: number): Promise<ArticleBody | undefined>;
  count(): Promise<number>;
  remove(id: number): Promise<void>;
  markExported(ids: number[], now: Date): Promise<number>;
  search(query: string, limit: number): Promise<Article[]>;
}

const QUOTA_MESSAGE_SAVE =
  'Browser storage is full: the article was not saved. Free space or export and delete old articles.';
const QUOTA_MESSAGE_EXPORTED =
  'Browser storage is full: the export state was not recorded. Free space or export and delete old articles.';

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

async function guardQuota<T>(message: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (isQuotaError(err)) throw new LibraryError('quota', message, { cause: err });
    throw err;
  }
}

export function createLibrary(db: JianbaoDb): Library {
  // Posting lists of the token, as article ids; a prefix can hit one article through several terms.
  async function idsFor(token: QueryToken): Promise<Set<number>> {
    const where = db.terms.where('terms');
    const keys = await (token.prefix ? where.startsWith(token.term) : where.equals(token.term)).primaryKeys();
    return new Set(keys);
  }

  function countFor(token: QueryToken): Promise<number> {
    const where = db.terms.where('terms');
    return (token.prefix ? where.startsWith(token.term) : where.equals(token.term)).count();
  }

  return {
    async save(extracted, now) {
      const nowIso = now.toISOString();
      // Computed before the transaction: CPU work inside it only holds the lock longer.
      const terms = searchTokens(
        [extracted.title, extracted.source ?? '', extracted.author ?? '', extracted.text].join('\n'),
      );
      const fromPage = pageFields(extracted, nowIso);
      return guardQuota(QUOTA_MESSAGE_SAVE, () =>
        // One transaction: a failure anywhere (quota) leaves no article without body or terms.
        db.transaction('rw', db.articles, db.bodies, db.terms, async (): Promise<SaveResult> => {
          const existing = await db.articles.where('url').equals(extracted.url).first();
          let article: Article;
          let status: SaveResult['status'];
          if (existing) {
            // Spread over the old row: id, savedAt and what the user set (tags, category, export state) stay.
            article = { ...existing, ...fromPage };
            await db.articles.put(article);
            status = 'updated';
          } else {
            article = newArticle(extracted, now);
            article.id = await db.articles.add(article);
            status = 'created';
          }
          const articleId = article.id!;
          await db.bodies.put({ articleId, html: extracted.html, text: extracted.text });
          await db.terms.put({ articleId, terms });
          return { status, article };
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

    get: (id) => db.articles.get(id),
    getBody: (id) => db.bodies.get(id),
    count: () => db.articles.count(),

    async remove(id) {
      await db.transaction('rw', db.articles, db.bodies, db.terms, async () => {
        await db.articles.delete(id);
        await db.bodies.delete(id);
        await db.terms.delete(id);
      });
    },

    async markExported(ids, now) {
      if (ids.length === 0) return 0;
      const exportedAt = now.toISOString();
      return guardQuota(QUOTA_MESSAGE_EXPORTED, () =>
        db.articles.where('id').anyOf(ids).modify({ exportedAt }),
      );
    },

    async search(query, limit) {
      const tokens = queryTokens(query);
      if (tokens.length === 0 || limit <= 0) return [];
      return db.transaction('r', db.terms, db.articles, async () => {
        // Intersect from the rarest term up so common terms ("的", "the") only shrink a small set.
        const counts = await Promise.all(tokens.map(countFor));
        const order = tokens.map((t, i) => ({ t, n: counts[i]! })).sort((a, b) => a.n - b.n);
        if (order[0]!.n === 0) return [];
        let hits = await idsFor(order[0]!.t);
        for (const { t } of order.slice(1)) {
          const ids = await idsFor(t);
          hits = new Set([...hits].filter((id) => ids.has(id)));
          if (hits.size === 0) return [];
        }
        // Ids grow with save order, so newest-saved first without reading every matching row.
        const top = [...hits].sort((a, b) => b - a).slice(0, limit);
        const rows = await db.articles.bulkGet(top);
        return rows.filter((a): a is Article => a !== undefined);
      });
    },
  };
}
