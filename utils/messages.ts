// The typed message protocol between the popup/library pages and the background (the only writer).
import { browser } from 'wxt/browser';
import type { Article } from './types';

export type SaveFailureCode = 'no-article' | 'restricted' | 'too-large' | 'quota' | 'error';

export type SaveOutcome =
  | { ok: true; status: 'created' | 'updated'; article: Article }
  | { ok: false; code: SaveFailureCode; message: string };

export type ExportOutcome = { ok: true; filename: string } | { ok: false; message: string };

export interface Protocol {
  'save-tab': { request: { tabId: number }; response: SaveOutcome };
  'export-article': { request: { id: number }; response: ExportOutcome };
  'delete-article': { request: { id: number }; response: { ok: boolean } };
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
