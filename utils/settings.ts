// Typed settings, kept in WXT storage items (synced where the browser allows).
import { storage } from 'wxt/utils/storage';
import type { ExportSettings } from './types';
import { DEFAULT_EXPORT_SETTINGS } from './settings-defaults';
import { DEFAULT_PRESET_SETTINGS, type PresetSettings } from './export/presets';
import type { ExportConfig } from './export/export-post';
import { exportConfig } from './export/export-config';

export const exportSettingsItem = storage.defineItem<ExportSettings>('sync:exportSettings', {
  fallback: DEFAULT_EXPORT_SETTINGS,
});

/** Stored settings over the defaults, so a setting added later has its default for old users. */
export async function loadExportSettings(): Promise<ExportSettings> {
  return { ...DEFAULT_EXPORT_SETTINGS, ...(await exportSettingsItem.getValue()) };
}

/** Popup: a toolbar click saves the page at once (true) or shows a preview with a Save button (false). */
export const clickSavesItem = storage.defineItem<boolean>('sync:clickSaves', { fallback: true });

// Export presets and templates (issue 4). The template lives in local storage: sync allows 8 KB an item.
// (WXT's auto-import scanner reads commas after `export const x =` as more exports: keep these lines comma-free.)
type StoredPresetSettings = Omit<PresetSettings, 'customTemplate'>;
const PRESET_FALLBACK: StoredPresetSettings = (({ customTemplate: _omit, ...rest }) => rest)(DEFAULT_PRESET_SETTINGS);
export const presetSettingsItem = storage.defineItem<StoredPresetSettings>('sync:presetSettings', { fallback: PRESET_FALLBACK });
export const customTemplateItem = storage.defineItem<string | null>('local:customTemplate', { fallback: null });

/** Everything an export reads: the site's texts and the preset, each over its defaults. */
export async function loadExportConfig(): Promise<ExportConfig> {
  const [site, preset, customTemplate] = await Promise.all([exportSettingsItem.getValue(), presetSettingsItem.getValue(), customTemplateItem.getValue()]);
  return exportConfig(site, preset, customTemplate);
}

/** Saves what the options page edits, split over the items above. */
export async function saveExportConfig(config: ExportConfig): Promise<void> {
  // Field by field, not by destructuring: WXT's auto-import scanner reads a destructuring here as exports.
  const site: ExportSettings = {
    siteHost: config.siteHost, layout: config.layout, tagSuffix: config.tagSuffix, timeZone: config.timeZone,
    backLinkText: config.backLinkText, homeLinkText: config.homeLinkText, categoryOverrides: config.categoryOverrides,
  };
  await Promise.all([
    exportSettingsItem.setValue(site),
    presetSettingsItem.setValue({ preset: config.preset, bodyFormat: config.bodyFormat, filenamePattern: config.filenamePattern, slugStyle: config.slugStyle }),
    customTemplateItem.setValue(config.customTemplate),
  ]);
}
