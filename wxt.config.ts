// WXT build configuration: the shipped manifest, and a test variant that may read 127.0.0.1.
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// A test cannot click the toolbar button that grants activeTab, so the e2e build
// alone may read pages served on 127.0.0.1; it goes to its own folder.
const testBuild = process.env.JIANBAO_TEST_BUILD === '1';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  outDir: testBuild ? '.output-test' : '.output',
  vite: () => ({ plugins: [preact()] }),
  manifest: {
    name: 'Jianbao 剪报',
    description: 'Save news articles with their metadata and export them as Jekyll posts.',
    permissions: ['activeTab', 'scripting', 'storage', 'downloads'],
    ...(testBuild ? { host_permissions: ['http://127.0.0.1/*'] } : {}),
    action: { default_title: 'Save this article to Jianbao' },
    browser_specific_settings: { gecko: { id: 'jianbao@jianbao.invalid', strict_min_version: '115.0' } },
  },
});
