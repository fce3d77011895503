// Export page entry: a full tab, so a batch export keeps running when the popup that asked for it closes.
// isomorphic-git (publish, import from the site's repository) needs a global Buffer before it runs.
import '@/utils/publish/buffer-global';
import { render } from 'preact';
import { App } from './app';
import { t } from '@/components/i18n';
import './style.css';

document.title = t('exp_pageTitle');
document.documentElement.lang = t('htmlLang');
render(<App />, document.getElementById('app')!);
