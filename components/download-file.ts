// A download started from an extension page (which has URL.createObjectURL; the MV3 service worker has not).
import { browser } from 'wxt/browser';

/** Resolves to the download's id, for downloads.show ("show in folder"). */
export async function downloadBlob(blob: Blob, filename: string, conflictAction: 'overwrite' | 'uniquify'): Promise<number> {
  const url = URL.createObjectURL(blob);
  const id = await browser.downloads.download({ url, filename, saveAs: false, conflictAction });
  // The download reads the blob after this call returns; keep the URL alive for a while.
  setTimeout(() => URL.revokeObjectURL(url), 120_000);
  return id;
}
