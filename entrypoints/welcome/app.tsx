// The first-run page: what Jianbao does, the one-time setup of the user's site with a live preview, and a sample to try.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { JianbaoDb } from '@/utils/db';
import { createLibrary } from '@/utils/library';
import { loadExportConfig, saveExportConfig } from '@/utils/settings';
import type { ExportConfig } from '@/utils/export/export-post';
import { withPreset } from '@/utils/export/export-config';
import type { PresetId } from '@/utils/export/presets';
import { checkExportConfig } from '@/utils/export/template-check';
import { canPickFolder } from '@/utils/background/export-folder';
import { t } from '@/components/i18n';
import { loadSample, sampleUrl, type Sample } from './sample';
import { WelcomeSetup } from './components/welcome-setup';
import { WelcomeDestination } from './components/welcome-destination';
import { WelcomePreview } from './components/welcome-preview';

type Picker = { showDirectoryPicker(o?: { mode?: 'readwrite'; id?: string }): Promise<FileSystemDirectoryHandle> };

export function App() {
  // Reads, and the export folder handle, which goes through the repository as on the export page.
  const repo = useMemo(() => createLibrary(new JianbaoDb()), []);
  const [config, setConfig] = useState<ExportConfig | null>(null);
  const [sample, setSample] = useState<Sample | null>(null);
  const [folder, setFolder] = useState<string | null>(null);
  const [status, setStatus] = useState<'clean' | 'dirty' | 'saved'>('clean');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    loadExportConfig().then(setConfig);
    repo.exportFolder().then((dir) => setFolder(dir?.name ?? null), () => setFolder(null));
  }, []);
  // Read again when the zone changes: a time written without an offset is read in it, as a save would.
  const zone = config?.timeZone;
  useEffect(() => {
    if (zone === undefined) return;
    loadSample(new Date(), zone).then(setSample, () => setSample(null));
  }, [zone]);
  const problems = useMemo(() => (config ? checkExportConfig(config) : []), [config]);
  if (!config) return <main><h1>{t('wel_heading')}</h1></main>;

  const change = (patch: Partial<ExportConfig>) => {
    setConfig({ ...config, ...patch });
    setStatus('dirty');
  };
  const pickPreset = (id: PresetId) => {
    setConfig(withPreset(config, id));
    setStatus('dirty');
  };
  const save = async () => {
    if (problems.length) return;
    await saveExportConfig(config);
    setStatus('saved');
  };
  const pickFolder = async () => {
    try {
      const dir = await (globalThis as unknown as Picker).showDirectoryPicker({ mode: 'readwrite', id: 'jianbao-export' });
      await repo.setExportFolder(dir);
      setFolder(dir.name);
      setError(null);
    } catch (err) {
      if ((err as Error).name !== 'AbortError') setError(t('wel_folderFailed'));
    }
  };
  const useZip = async () => {
    await repo.setExportFolder(null);
    setFolder(null);
  };
  const openOptions = () => void browser.runtime.openOptionsPage();
  const openLibrary = () => void browser.tabs.create({ url: (browser.runtime.getURL as (p: string) => string)('/library.html') });

  return (
    <main>
      <h1>{t('wel_heading')}</h1>
      <ol class="intro" data-testid="wel-intro">
        <li>{t('wel_line1')}</li>
        <li>{t('wel_line2')}</li>
        <li>{t('wel_line3')}</li>
      </ol>
      <div class="two">
        <div>
          <WelcomeSetup config={config} onChange={change} onPreset={pickPreset} />
          <WelcomeDestination folderName={folder} canPick={canPickFolder()} onPick={pickFolder} onZip={useZip} error={error} />
        </div>
        <WelcomePreview config={config} sample={sample} />
      </div>
      <div class="savebar">
        <button type="button" class="primary" data-testid="wel-save" disabled={problems.length > 0 || status !== 'dirty'} onClick={save}>
          {t('wel_save')}
        </button>
        {status === 'saved' ? <span class="saved" data-testid="wel-saved">{t('wel_saved')}</span> : null}
        {status === 'clean' ? <span class="hint">{t('wel_saveHint')}</span> : null}
        {problems.length ? <p class="problem" role="alert" data-testid="wel-problems">{problems.join('\n')}</p> : null}
      </div>
      <section class="card">
        <h2>{t('wel_tryHeading')}</h2>
        <p>{t('wel_tryText')}</p>
        <p class="links">
          <a href={sampleUrl()} target="_blank" rel="noopener" data-testid="wel-try">{t('wel_tryLink')}</a>
          <button type="button" data-testid="wel-options" onClick={openOptions}>{t('wel_moreOptions')}</button>
          <button type="button" data-testid="wel-library" onClick={openLibrary}>{t('lib_openLibrary')}</button>
        </p>
      </section>
    </main>
  );
}
