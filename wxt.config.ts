// WXT build configuration: the shipped manifest, and a test variant that may read 127.0.0.1.
import { join } from 'node:path';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { readCatalogs, toChromeMessages, DEFAULT_LOCALE } from './locales/bundle';

// A test cannot click the toolbar button that grants activeTab, so the e2e build
// alone may read pages served on 127.0.0.1; it goes to its own folder.
const testBuild = process.env.JIANBAO_TEST_BUILD === '1';
// Any HTTPS git host; the test build also lets a test connect to http://localhost (grantable and revocable,
// unlike its required 127.0.0.1).
const OPTIONAL_HOSTS = ['https://*/*', ...(testBuild ? ['http://localhost/*'] : [])];

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // JIANBAO_OUT_DIR lets parallel work build without overwriting each other's output.
  outDir: process.env.JIANBAO_OUT_DIR ?? (testBuild ? '.output-test' : '.output'),
  vite: () => ({ plugins: [preact()] }),
  // The sources zip AMO asks for: what builds the extension, not screenshots or scratch folders.
  zip: { excludeSources: ['tests/e2e/artifacts/**', '.tmp-*/**', '.output*/**'] },
  hooks: {
    // The extension pages (popup, library, options, export) are built together; left alone, the popup
    // loads six shared chunks, and each extension-page fetch waits on the browser process. With common
    // chunks inlined each page is one file (code shared between pages is duplicated on disk, never
    // loaded twice): about 4 ms off the popup's first rows in paired runs. Experimental in rolldown;
    // the browser tests load every page of this build.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.some((e) => e.type === 'popup')) return;
      const options = config.build?.rolldownOptions ?? {};
      const output = { ...(options.output as object), codeSplitting: { experimentalInlineCommonChunks: { maxSize: Infinity } } };
      config.build = { ...config.build, rolldownOptions: { ...options, output } };
    },
    'build:publicAssets': (wxt, files) => {
      for (const [lang, catalog] of readCatalogs(join(wxt.config.root, 'locales'))) {
        files.push({ relativeDest: `_locales/${lang}/messages.json`, contents: JSON.stringify(toChromeMessages(catalog), null, 1) });
      }
    },
  },
  manifest: ({ browser, manifestVersion }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: DEFAULT_LOCALE,
    permissions: ['activeTab', 'scripting', 'storage', 'downloads', 'contextMenus'],
    // Saves without opening the popup; the user may change the keys in the browser's shortcut settings.
    commands: {
      'save-page': { suggested_key: { default: 'Alt+Shift+S' }, description: '__MSG_cmd_commandSavePage__' },
    },
    ...(testBuild ? { host_permissions: ['http://127.0.0.1/*'] } : {}),
    // The site's git repository (issue 14): its host is asked for from the options page's Connect click and
    // checked before every publish. MV2 (Firefox) keeps host patterns in optional_permissions.
    ...(manifestVersion === 2 ? { optional_permissions: OPTIONAL_HOSTS } : { optional_host_permissions: OPTIONAL_HOSTS }),
    // Firefox's WebDriver BiDi may not open moz-extension:// pages, so the Firefox browser test has a
    // served page load the popup; only the test build lets web pages do that.
    ...(testBuild && browser === 'firefox' ? { web_accessible_resources: ['popup.html'] } : {}),
    action: { default_title: '__MSG_actionTitle__' },
    ...(browser === 'firefox'
      ? {
        browser_specific_settings: {
          // AMO requires data_collection_permissions (Jianbao sends nothing anywhere); Firefox reads it
          // from 140 (the current ESR), Firefox for Android from 142.
          gecko: { id: 'jianbao@jianbao.invalid', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
          gecko_android: { strict_min_version: '142.0' },
        },
      }
      : {}),
  }),
});
