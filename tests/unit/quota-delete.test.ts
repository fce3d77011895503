// Deleting on a full disk: single and bulk deletes succeed without their undo copy and say so, nothing is ever
// half-deleted (an article without its body), search no longer finds them, and a posting naming a deleted id
// (left only when no write fits at all) is cleaned once one does.
// Two fake quotas: the undo copy's put refused (the simplest case), and a model of Chromium's rule, where a
// transaction that writes anything is refused while usage is at the quota, deleted rows free no room (LevelDB
// keeps tombstones until it compacts), and only deleting a large value (a file of its own) frees room at once.
import type { DBCore, DBCoreMutateRequest, DBCoreTable } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { JianbaoDb } from '../../utils/db';
import { createLibrary, type Library } from '../../utils/library';
import { libraryHandlers } from '../../utils/background/library-handlers';
import { at, page } from './library-fixtures';

const quotaError = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');
/** Chromium keeps an IndexedDB value this large as a file of its own: deleting it frees its room at once. */
const OWN_FILE = 64 * 1024;

function sizeOf(v: unknown): number {
  if (v === null || v === undefined) return 1;
  if (typeof v === 'string') return v.length * 2;
  if (typeof v !== 'object') return 8;
  if (ArrayBuffer.isView(v)) return v.byteLength;
  return Object.entries(v).reduce((n, [k, x]) => n + k.length * 2 + sizeOf(x), 8);
}

/** Room left on the fake disk: a write that needs more is refused; a transaction that aborts gives back what it took. */
interface Disk {
  room: number;
  /** Bytes written by committed transactions (to measure a deletion's writes). */
  written: number;
}

function fakeDisk(db: JianbaoDb, disk: Disk): void {
  db.use({
    stack: 'dbcore',
    name: 'fake-disk',
    create: (down: DBCore): DBCore => ({
      ...down,
      table(name: string): DBCoreTable {
        const table = down.table(name);
        const onAbort = (req: DBCoreMutateRequest, undo: () => void) => {
          const tx = req.trans as unknown as IDBTransaction;
          tx.addEventListener('abort', undo);
          tx.addEventListener('complete', () => tx.removeEventListener('abort', undo));
        };
        return {
          ...table,
          async mutate(req) {
            if (req.type === 'add' || req.type === 'put') {
              const size = req.values.reduce((n: number, v) => n + sizeOf(v), 0);
              if (size > disk.room) throw quotaError();
              disk.room -= size;
              disk.written += size;
              onAbort(req, () => { disk.room += size; disk.written -= size; });
            } else if (name === 'kv') {
              // Only a large value frees its room when deleted (a file of its own); rows wait for compaction.
              const rows = req.type === 'delete'
                ? await table.getMany({ trans: req.trans, keys: req.keys })
                : await table.query({ trans: req.trans, values: true, query: { index: table.schema.primaryKey, range: req.range } }).then((r) => r.result);
              const freed = rows.map(sizeOf).filter((n) => n >= OWN_FILE).reduce((a, b) => a + b, 0);
              disk.room += freed;
              onAbort(req, () => { disk.room -= freed; });
            }
            return table.mutate(req);
          },
        };
      },
    }),
  });
}

let n = 0;
function setup(): { db: JianbaoDb; library: Library; disk: Disk } {
  const db = new JianbaoDb(`quota-${n++}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  const disk: Disk = { room: Infinity, written: 0 };
  fakeDisk(db, disk);
  return { db, library: createLibrary(db), disk };
}

// Shared words (so deleting one rewrites posting rows that keep the others) and a word of each article's own.
const OWN = ['甲骨', '乙醇', '丙烯', '丁香', '戊戌', '己亥'];
async function fill(library: Library, extra: (i: number) => string = () => ''): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < OWN.length; i++) {
    const text = `青山湖边，游客如织。${OWN[i]}文物展出。${extra(i)}`;
    ids.push((await library.save(page({ url: `https://news.example.cn/a/${i}.html`, title: `青山湖畔${OWN[i]}`, html: `<p>${text}</p>`, text }), at(1 + i))).article.id!);
  }
  return ids;
}

async function snapshot(db: JianbaoDb) {
  return Promise.all([db.articles.toArray(), db.bodies.toArray(), db.terms.toArray(), db.postings.toArray(), db.kv.toCollection().primaryKeys()]);
}

/** The index names exactly the articles there are: every posting id has its row, body and that term; every term its posting. */
async function expectWholeIndex(db: JianbaoDb): Promise<void> {
  const ids = new Set(await db.articles.toCollection().primaryKeys());
  expect(new Set(await db.bodies.toCollection().primaryKeys())).toEqual(ids);
  const terms = new Map((await db.terms.toArray()).map((r) => [r.articleId, new Set(r.terms)]));
  expect(new Set(terms.keys())).toEqual(ids);
  let postings = 0;
  for (const row of await db.postings.toArray()) {
    for (const id of row.ids) {
      expect(ids.has(id), `posting ${row.term} names deleted id ${id}`).toBe(true);
      expect(terms.get(id)!.has(row.term)).toBe(true);
      postings++;
    }
  }
  expect(postings).toBe([...terms.values()].reduce((a, s) => a + s.size, 0));
}

async function expectGone(db: JianbaoDb, library: Library, gone: number[], own: string[]): Promise<void> {
  await expectRowsGone(db, library, gone, own);
  expect(await db.terms.bulkGet(gone)).toEqual(gone.map(() => undefined));
  for (const word of own) expect(await library.query({ text: word }), word).toEqual([]);
  await expectWholeIndex(db);
}

/** Deleted through a transaction that only deletes: rows and bodies gone, search shows none of them. */
async function expectRowsGone(db: JianbaoDb, library: Library, gone: number[], own: string[]): Promise<void> {
  expect(await db.articles.bulkGet(gone)).toEqual(gone.map(() => undefined));
  expect(await db.bodies.bulkGet(gone)).toEqual(gone.map(() => undefined));
  for (const word of own) expect(await library.search(word, 10), word).toEqual([]);
}

/** The deletion reserve: this many pieces of 1.5 MiB (library.ts). */
const PIECES = 8;
const reserve = (db: JianbaoDb) => db.kv.where('key').startsWith('deleteReserve:').primaryKeys();

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('delete when the undo copy cannot be written', () => {
  it('deletes one article without its copy and says it cannot be undone', async () => {
    const { db, library } = setup();
    const ids = await fill(library);
    vi.spyOn(db.kv, 'put').mockRejectedValue(quotaError());
    expect(await library.remove(ids[1]!, at(9))).toEqual({ deleted: 1, undoToken: null, notUndoable: 'quota' });
    await expectGone(db, library, [ids[1]!], [OWN[1]!]);
    expect((await library.search('游客', 10)).map((a) => a.id)).toEqual(ids.filter((id) => id !== ids[1]).reverse());
  });

  it('bulk-deletes several, and the background answers that it cannot be undone', async () => {
    const { db, library } = setup();
    const ids = await fill(library);
    vi.spyOn(db.kv, 'put').mockRejectedValue(quotaError());
    const h = libraryHandlers(library, () => at(9));
    const gone = [ids[0]!, ids[2]!, ids[3]!];
    expect(await h['delete-articles']({ ids: gone })).toEqual({ ok: true, deleted: 3, undoToken: null, notUndoable: 'quota' });
    await expectGone(db, library, gone, [OWN[0]!, OWN[2]!, OWN[3]!]);
    expect(await library.count()).toBe(OWN.length - 3);
  });

  it('drops the copies of earlier deletions first (they hold whole bodies)', async () => {
    const { db, library } = setup();
    const ids = await fill(library);
    const { undoToken: earlier } = await library.remove(ids[0]!, at(8));
    expect(earlier).toBeTruthy();
    vi.spyOn(db.kv, 'put').mockRejectedValue(quotaError());
    expect(await library.removeMany([ids[1]!, ids[2]!], at(9))).toMatchObject({ deleted: 2, notUndoable: 'quota' });
    expect(await db.kv.where('key').startsWith('undo:').count()).toBe(0);
    expect(await library.undo(earlier!)).toBe(0);
  });

  it('still writes the undo copy with room to spare, in the deletion\'s own transaction', async () => {
    const { db, library } = setup();
    const ids = await fill(library);
    const before = await snapshot(db);
    const r = await library.removeMany([ids[0]!, ids[0]!, 999], at(9));
    expect(r).toEqual({ deleted: 1, undoToken: expect.stringMatching(/^undo:/) });
    expect(await library.undo(r.undoToken!)).toBe(1);
    const [articles, bodies, terms, postings] = await snapshot(db);
    expect([articles, bodies, terms, postings]).toEqual(before.slice(0, 4));
  });
});

describe('delete on a full disk (Chromium\'s rule: no write at all while full)', () => {
  it('gives up the reserve, deletes without the copy, and a save fits again', async () => {
    const { db, library, disk } = setup();
    const ids = await fill(library);
    expect(await library.keepReserve()).toBe(true);
    expect(await library.keepReserve()).toBe(true);
    disk.room = 0;
    const refused = await library.save(page({ url: 'https://news.example.cn/new.html' }), at(20)).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'quota' });
    expect((refused as Error).message).toMatch(/delete articles/i);

    expect(await reserve(db)).toHaveLength(PIECES);
    expect(await library.remove(ids[4]!, at(21))).toEqual({ deleted: 1, undoToken: null, notUndoable: 'quota' });
    await expectGone(db, library, [ids[4]!], [OWN[4]!]);
    // One piece of the reserve was enough.
    expect(await reserve(db)).toHaveLength(PIECES - 1);
    // The room the piece left after the deletion holds a save.
    expect((await library.save(page({ url: 'https://news.example.cn/new.html' }), at(22))).status).toBe('created');
  });

  it('deletes on a full disk several times in a row, one piece of the reserve each', async () => {
    const { db, library, disk } = setup();
    const ids = await fill(library);
    await library.keepReserve();
    for (const [i, id] of ids.slice(0, 4).entries()) {
      disk.room = 0;
      expect(await library.remove(id, at(10 + i))).toMatchObject({ deleted: 1, notUndoable: 'quota' });
      expect(await reserve(db)).toHaveLength(PIECES - 1 - i);
    }
    await expectGone(db, library, ids.slice(0, 4), OWN.slice(0, 4));
    expect(await library.count()).toBe(2);
  });

  it('bulk-deletes on a full disk', async () => {
    const { db, library, disk } = setup();
    const ids = await fill(library);
    await library.keepReserve();
    disk.room = 0;
    const h = libraryHandlers(library, () => at(9));
    const gone = ids.slice(0, 4);
    expect(await h['delete-articles']({ ids: gone })).toEqual({ ok: true, deleted: 4, undoToken: null, notUndoable: 'quota' });
    await expectGone(db, library, gone, OWN.slice(0, 4));
    expect(await library.count()).toBe(2);
  });

  it('with no room at all and no reserve, deletes anyway; the index is cleaned once a write fits', async () => {
    const { db, library, disk } = setup();
    const ids = await fill(library);
    disk.room = 0;
    const h = libraryHandlers(library, () => at(9));
    expect(await h['delete-articles']({ ids: ids.slice(0, 2) })).toEqual({ ok: true, deleted: 2, undoToken: null, notUndoable: 'quota' });
    await expectRowsGone(db, library, ids.slice(0, 2), OWN.slice(0, 2));
    expect(await library.count()).toBe(OWN.length - 2);
    // Their terms rows are the mark of the postings still naming them; with the disk full they stay.
    expect((await db.terms.bulkGet(ids.slice(0, 2))).every((r) => r !== undefined)).toBe(true);
    expect(await library.cleanIndex()).toBe(false);
    // The others are still found, and nothing of theirs was touched.
    expect((await library.search('游客', 10)).map((a) => a.id)).toEqual(ids.slice(2).reverse());
    disk.room = Infinity;
    expect(await library.cleanIndex()).toBe(true);
    await expectGone(db, library, ids.slice(0, 2), OWN.slice(0, 2));
    expect(await library.cleanIndex()).toBe(true);
    // Ids no longer there: nothing to do, not an error.
    expect(await library.removeMany([999], at(9))).toEqual({ deleted: 0, undoToken: null });
  });

  it('with room for only some, deletes those whole and the rest through a delete-only transaction', async () => {
    // Articles 2–5 share a paragraph: deleting 2 and 3 rewrites its posting rows (which keep 4 and 5), deleting
    // 0 and 1 does not, so the room for deleting those two is too little for all four.
    const extra = (i: number) => (i >= 2 ? '湖区经济社会发展迈上新台阶，民生答卷晒幸福，量质双升绘宏图。' : '');
    // The writes of deleting the first two together, measured on a twin library.
    const twin = setup();
    const twinIds = await fill(twin.library, extra);
    vi.spyOn(twin.db.kv, 'put').mockRejectedValue(quotaError());
    const w0 = twin.disk.written;
    await twin.library.removeMany(twinIds.slice(0, 2), at(9));
    const firstTwo = twin.disk.written - w0;
    expect(firstTwo).toBeGreaterThan(0);

    const { db, library, disk } = setup();
    const ids = await fill(library, extra);
    disk.room = firstTwo;
    const r = await library.removeMany(ids.slice(0, 4), at(9));
    expect(r).toEqual({ deleted: 4, undoToken: null, notUndoable: 'quota' });
    await expectRowsGone(db, library, ids.slice(0, 4), OWN.slice(0, 4));
    expect(await db.terms.bulkGet(ids.slice(0, 2))).toEqual([undefined, undefined]);
    expect(await library.count()).toBe(OWN.length - 4);
    expect((await library.search('湖区', 10)).map((a) => a.id)).toEqual([ids[5], ids[4]]);
    disk.room = Infinity;
    expect(await library.cleanIndex()).toBe(true);
    await expectGone(db, library, ids.slice(0, 4), OWN.slice(0, 4));
  });

  it('makes the reserve only with room for it, and not while the browser reports little room', async () => {
    const { db, library, disk } = setup();
    disk.room = 1000;
    expect(await library.keepReserve()).toBe(false);
    expect(await db.kv.count()).toBe(0);
    disk.room = Infinity;
    vi.stubGlobal('navigator', { storage: { estimate: async () => ({ quota: 100e6, usage: 90e6 }) } });
    expect(await library.keepReserve()).toBe(false);
    vi.stubGlobal('navigator', { storage: { estimate: async () => ({ quota: 10e9, usage: 90e6 }) } });
    expect(await library.keepReserve()).toBe(true);
    vi.unstubAllGlobals();
    const pieces = await db.kv.where('key').startsWith('deleteReserve:').toArray();
    expect(pieces.map((p) => (p.value as Uint8Array).byteLength)).toEqual(Array(PIECES).fill(1.5 * 1024 * 1024));
    expect(await library.keepReserve()).toBe(true);
    expect(await reserve(db)).toHaveLength(PIECES);
  });

  it('undo on a full disk says so and leaves the deletion as it was', async () => {
    const { db, library, disk } = setup();
    const ids = await fill(library);
    const { undoToken } = await library.remove(ids[0]!, at(9));
    disk.room = 0;
    const err = await library.undo(undoToken!).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'quota', message: expect.stringMatching(/could not be put back/i) });
    await expectGone(db, library, [ids[0]!], [OWN[0]!]);
  });
});
