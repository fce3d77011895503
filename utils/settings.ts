// Typed settings, kept in WXT storage items (synced where the browser allows).
import { storage } from 'wxt/utils/storage';
import type { ExportSettings } from './types';
import { DEFAULT_EXPORT_SETTINGS } from './settings-defaults';

export const exportSettingsItem = storage.defineItem<ExportSettings>('sync:exportSettings', {
  fallback: DEFAULT_EXPORT_SETTINGS,
});

/** Stored settings over the defaults, so a setting added later has its default for old users. */
export async function loadExportSettings(): Promise<ExportSettings> {
  return { ...DEFAULT_EXPORT_SETTINGS, ...(await exportSettingsItem.getValue()) };
}
