// A download started from an extension page (which has URL.createObjectURL; the MV3 service worker has not).
import { browser } from 'wxt/browser';

export async function downloadBlob(blob: Blob, filename: string, conflictAction: 'overwrite' | 'uniquify'): Promise<void> {
  const url = URL.createObjectURL(blob);
  await browser.downloads.download({ url, filename, saveAs: false, conflictAction });
  // The download reads the blob after this call returns; keep the URL alive for a while.
  setTimeout(() => URL.revokeObjectURL(url), 120_000);
}
