// Options page entry: presets, site texts, source slugs and the template editor.
// isomorphic-git (publish, import from the site's repository) needs a global Buffer before it runs.
import '@/utils/publish/buffer-global';
import { render } from 'preact';
import { App } from './app';
import { t } from '@/components/i18n';
import './style.css';

document.title = t('opt_pageTitle');
document.documentElement.lang = t('htmlLang');
render(<App />, document.getElementById('app')!);
