// The first-run setup of the user's site: the preset, the site host and its texts, the time zone.
import type { ExportConfig } from '@/utils/export/export-post';
import { PRESET_IDS, type PresetId } from '@/utils/export/presets';
import { t } from '@/components/i18n';

export interface WelcomeSetupProps {
  config: ExportConfig;
  onChange(patch: Partial<ExportConfig>): void;
  onPreset(id: PresetId): void;
}

type TextKey = 'siteHost' | 'tagSuffix' | 'backLinkText' | 'homeLinkText' | 'timeZone';

/** This computer's offset now, offered beside China's and UTC (the setting is an offset like +08:00). */
function localOffset(): string {
  const minutes = -new Date().getTimezoneOffset();
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

export function WelcomeSetup({ config, onChange, onPreset }: WelcomeSetupProps) {
  const text = (key: TextKey, label: string, hint?: string, list?: string) => (
    <label class="field">
      {label}
      <input type="text" data-testid={`wel-${key}`} value={config[key]} list={list} onInput={(e) => onChange({ [key]: e.currentTarget.value })} />
      {hint ? <span class="hint">{hint}</span> : null}
    </label>
  );
  const zones = [...new Set(['+08:00', localOffset(), '+00:00'])];
  return (
    <section class="card" data-testid="wel-setup">
      <h2>{t('wel_setupHeading')}</h2>
      <div class="fields">
        <label class="field">
          {t('opt_preset')}
          <select data-testid="wel-preset" value={config.preset} onChange={(e) => onPreset(e.currentTarget.value as PresetId)}>
            {PRESET_IDS.map((id) => <option key={id} value={id}>{t(`opt_preset_${id.replace('-', '_')}`)}</option>)}
          </select>
          <span class="hint">{t('wel_presetHint')}</span>
        </label>
        {text('siteHost', t('opt_siteHost'), t('wel_siteHostHint'))}
        {text('tagSuffix', t('opt_tagSuffix'))}
        {text('backLinkText', t('opt_backLinkText'), t('opt_backLinkHint'))}
        {text('homeLinkText', t('opt_homeLinkText'))}
        {text('timeZone', t('opt_timeZone'), t('opt_timeZoneHint'), 'wel-zones')}
        <datalist id="wel-zones">{zones.map((z) => <option key={z} value={z} />)}</datalist>
      </div>
    </section>
  );
}
