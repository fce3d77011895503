// Options: the preset, the site's texts, the time zone, the body format and the file names.
import type { ExportConfig } from '@/utils/export/export-post';
import { PRESET_IDS, type BodyFormat, type PresetId } from '@/utils/export/presets';
import type { SlugStyle } from '@/utils/export/filename-pattern';
import { t } from './i18n';

export interface OptionsSiteProps {
  config: ExportConfig;
  onChange(patch: Partial<ExportConfig>): void;
  onPreset(id: PresetId): void;
}

type TextKey = 'siteHost' | 'layout' | 'tagSuffix' | 'backLinkText' | 'homeLinkText' | 'timeZone' | 'filenamePattern';

export function OptionsSite({ config, onChange, onPreset }: OptionsSiteProps) {
  const text = (key: TextKey, label: string, hint?: string) => (
    <label class="field">
      {label}
      <input type="text" data-testid={`opt-${key}`} value={config[key]} onInput={(e) => onChange({ [key]: e.currentTarget.value })} />
      {hint ? <span class="hint">{hint}</span> : null}
    </label>
  );
  return (
    <section class="card">
      <h2>{t('opt_presetHeading')}</h2>
      <div class="grid">
        <label class="field wide">
          {t('opt_preset')}
          <select data-testid="opt-preset" value={config.preset} onChange={(e) => onPreset(e.currentTarget.value as PresetId)}>
            {PRESET_IDS.map((id) => <option key={id} value={id}>{t(`opt_preset_${id.replace('-', '_')}`)}</option>)}
          </select>
          <span class="hint">{t('opt_presetHint')}</span>
        </label>
        <label class="field">
          {t('opt_bodyFormat')}
          <select data-testid="opt-bodyFormat" value={config.bodyFormat} onChange={(e) => onChange({ bodyFormat: e.currentTarget.value as BodyFormat })}>
            <option value="html">{t('opt_bodyHtml')}</option>
            <option value="markdown">{t('opt_bodyMarkdown')}</option>
          </select>
        </label>
        {text('siteHost', t('opt_siteHost'))}
        {text('layout', t('opt_layout'))}
        {text('tagSuffix', t('opt_tagSuffix'))}
        {text('timeZone', t('opt_timeZone'), t('opt_timeZoneHint'))}
        {text('backLinkText', t('opt_backLinkText'), t('opt_backLinkHint'))}
        {text('homeLinkText', t('opt_homeLinkText'))}
        {text('filenamePattern', t('opt_filenamePattern'), t('opt_filenameHint'))}
        <label class="field">
          {t('opt_slugStyle')}
          <select data-testid="opt-slugStyle" value={config.slugStyle} onChange={(e) => onChange({ slugStyle: e.currentTarget.value as SlugStyle })}>
            <option value="pinyin">{t('opt_slugPinyin')}</option>
            <option value="chinese">{t('opt_slugChinese')}</option>
          </select>
        </label>
      </div>
    </section>
  );
}
