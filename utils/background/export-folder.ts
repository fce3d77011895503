// The folder the user picked once for exports: its handle kept in the db's kv table, permission asked again when needed.
import type { JianbaoDb } from '../db';

export const EXPORT_FOLDER_KEY = 'exportFolder';

type PermissionHandle = FileSystemDirectoryHandle & {
  queryPermission?(d: { mode: 'readwrite' }): Promise<PermissionState>;
  requestPermission?(d: { mode: 'readwrite' }): Promise<PermissionState>;
};

/** Chrome has the directory picker; Firefox and Safari do not, and export to a zip instead. */
export function canPickFolder(scope: object = globalThis): boolean {
  return typeof (scope as { showDirectoryPicker?: unknown }).showDirectoryPicker === 'function';
}

// The handle is structured-cloned into IndexedDB; a runtime message could not carry it to the background.
export async function loadExportFolder(db: JianbaoDb): Promise<FileSystemDirectoryHandle | null> {
  const row = await db.kv.get(EXPORT_FOLDER_KEY);
  return (row?.value as FileSystemDirectoryHandle | undefined) ?? null;
}

export async function storeExportFolder(db: JianbaoDb, handle: FileSystemDirectoryHandle | null): Promise<void> {
  if (handle) await db.kv.put({ key: EXPORT_FOLDER_KEY, value: handle });
  else await db.kv.delete(EXPORT_FOLDER_KEY);
}

/** 'granted' when writing may start now; 'prompt' when a click must ask (requestPermission needs a user gesture). */
export async function folderPermission(handle: FileSystemDirectoryHandle, ask: boolean): Promise<PermissionState> {
  const h = handle as PermissionHandle;
  if (!h.queryPermission) return 'granted'; // the origin-private file system has no permission to ask
  const state = await h.queryPermission({ mode: 'readwrite' });
  if (state === 'granted' || !ask || !h.requestPermission) return state;
  return h.requestPermission({ mode: 'readwrite' });
}
