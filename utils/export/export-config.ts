// The config an export runs with: stored settings over their defaults, the same in the extension, the CLI and the tests.
import type { ExportSettings } from '../types';
import { DEFAULT_EXPORT_SETTINGS } from '../settings-defaults';
import { DEFAULT_PRESET_SETTINGS, isPresetId, settingsForPreset, type PresetId, type PresetSettings } from './presets';
import type { ExportConfig } from './export-post';

/** The seed's site with the default preset ("Jekyll news post"). */
export const DEFAULT_EXPORT_CONFIG: ExportConfig = { ...DEFAULT_EXPORT_SETTINGS, ...DEFAULT_PRESET_SETTINGS };

/** Stored values (any of them missing: an older version's settings) over the defaults; an unknown preset reads as the default. */
export function exportConfig(
  site: Partial<ExportSettings> | undefined, preset: Partial<Omit<PresetSettings, 'customTemplate'>> | undefined,
  customTemplate: string | null = null,
): ExportConfig {
  const config: ExportConfig = { ...DEFAULT_EXPORT_SETTINGS, ...site, ...DEFAULT_PRESET_SETTINGS, ...preset, customTemplate };
  return isPresetId(config.preset) ? config : { ...config, ...settingsForPreset('jekyll-news', config) };
}

/** The config with a preset picked, as the options page would set it: the preset's template, body format and file names. */
export function withPreset(config: ExportConfig, id: PresetId): ExportConfig {
  return { ...config, ...settingsForPreset(id, config) };
}
