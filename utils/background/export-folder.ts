// The folder the user picked once for exports: can the browser pick one, and may we write there now (the handle is kept by the repository).

type PermissionHandle = FileSystemDirectoryHandle & {
  queryPermission?(d: { mode: 'readwrite' }): Promise<PermissionState>;
  requestPermission?(d: { mode: 'readwrite' }): Promise<PermissionState>;
};

/** Chrome has the directory picker; Firefox and Safari do not, and export to a zip instead. */
export function canPickFolder(scope: object = globalThis): boolean {
  return typeof (scope as { showDirectoryPicker?: unknown }).showDirectoryPicker === 'function';
}

/** 'granted' when writing may start now; 'prompt' when a click must ask (requestPermission needs a user gesture). */
export async function folderPermission(handle: FileSystemDirectoryHandle, ask: boolean): Promise<PermissionState> {
  const h = handle as PermissionHandle;
  if (!h.queryPermission) return 'granted'; // the origin-private file system has no permission to ask
  const state = await h.queryPermission({ mode: 'readwrite' });
  if (state === 'granted' || !ask || !h.requestPermission) return state;
  return h.requestPermission({ mode: 'readwrite' });
}
