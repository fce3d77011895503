// The typed message protocol between the popup/library pages and the background (the only writer).
import { browser } from 'wxt/browser';
import type { Article, ExportName, ExtractedArticle } from './types';
import type { ArticlePatch, FieldConflict, RemoveResult, UpdateBase } from './library';
import type { BackupRecord } from './backup-format';
import type { MergeCounts } from './restore-merge';
import type { RestorePosition } from './backup';
import type { Problem } from './problem';

// browser-page, web-store, pdf: pages no extension may read, told apart so the message can say why.
export type SaveFailureCode =
  | 'no-article' | 'restricted' | 'too-large' | 'quota' | 'error'
  | 'browser-page' | 'web-store' | 'pdf' | 'no-selection' | 'not-http'
  /** The tab closed before the save reached it; the page answered nothing (it was navigating, or hung). */
  | 'tab-gone' | 'no-answer'
  /** The background never answered (its worker stopped mid-save, the channel closed): nothing to show but a retry. */
  | 'interrupted';

export type SaveOutcome =
  | { ok: true; status: 'created' | 'updated'; article: Article; matched?: 'url' | 'site-id' }
  | { ok: false; code: SaveFailureCode; message: string; reason?: Problem };

/** What a save would store, shown before saving when the toolbar click only previews. */
export type PreviewOutcome =
  | { ok: true; article: Omit<ExtractedArticle, 'html' | 'text'> & { chars: number } }
  | { ok: false; code: SaveFailureCode; message: string; reason?: Problem };

/**
 * A library write that failed: `quota` when browser storage is full (nothing was written). `problem` is what the
 * page says (in the user's language); `message` the English, for the console.
 */
export type LibraryWriteFailure = { ok: false; code: 'quota' | 'error'; problem: Problem; message: string };
type LibraryWrite<T> = ({ ok: true } & T) | LibraryWriteFailure;

export interface Protocol {
  /**
   * With `base` (what the edit form started from): a field changed elsewhere meanwhile comes back in `conflicts`
   * and nothing is written; an article deleted meanwhile comes back as `missing`. Without it, a missing article is an error.
   */
  'update-article': {
    request: { id: number; patch: ArticlePatch; base?: UpdateBase };
    response: LibraryWrite<{ article: Article; conflicts?: FieldConflict[] } | { missing: true }>;
  };
  /** `undoToken` null with `deleted` > 0: deleted without an undo copy (`notUndoable` says why: storage was full). */
  'delete-articles': { request: { ids: number[] }; response: LibraryWrite<RemoveResult> };
  'undo-delete': { request: { token: string }; response: LibraryWrite<{ restored: number }> };
  /** Deletes the text of the articles exported before `before` (ISO) and unchanged since (Library.freeText). */
  'free-text': { request: { before: string }; response: LibraryWrite<{ freed: number }> };
  'tag-articles': { request: { ids: number[]; add: string[]; remove: string[] }; response: LibraryWrite<{ changed: number }> };
  'restore-batch': { request: { records: BackupRecord[]; position?: RestorePosition }; response: LibraryWrite<{ counts: MergeCounts }> };
  'save-tab': { request: { tabId: number }; response: SaveOutcome };
  'delete-article': { request: { id: number }; response: { ok: boolean } };
  'preview-tab': { request: { tabId: number }; response: PreviewOutcome };
  'save-whole-page': { request: { tabId: number }; response: SaveOutcome };
  /** `names`: the file each article was written as, recorded so its next export overwrites that file. */
  'mark-exported': { request: { ids: number[]; names?: [number, ExportName][] }; response: LibraryWrite<{ marked: number }> };
}

export type MessageType = keyof Protocol;
export type Message = { [K in MessageType]: { type: K } & Protocol[K]['request'] }[MessageType];
export type Handlers = { [K in MessageType]: (request: Protocol[K]['request']) => Promise<Protocol[K]['response']> };

export function isMessage(value: unknown): value is Message {
  return !!value && typeof value === 'object' && typeof (value as { type?: unknown }).type === 'string';
}

/** Sends one request to the background and returns its typed answer. */
export function request<K extends MessageType>(type: K, body: Protocol[K]['request']): Promise<Protocol[K]['response']> {
  return browser.runtime.sendMessage({ type, ...body }) as Promise<Protocol[K]['response']>;
}

/** Routes a message to its handler; unknown types get undefined so other listeners may answer. */
export function dispatch(handlers: Handlers, message: unknown): Promise<unknown> | undefined {
  if (!isMessage(message)) return undefined;
  const handler = handlers[message.type] as ((r: unknown) => Promise<unknown>) | undefined;
  return handler?.(message);
}
