// First-run page entry: opened by the background on install, and again from the popup's and the library's guide link.
import { render } from 'preact';
import { App } from './app';
import { t } from '@/components/i18n';
import './style.css';

document.title = t('wel_pageTitle');
document.documentElement.lang = t('htmlLang');
render(<App />, document.getElementById('app')!);
