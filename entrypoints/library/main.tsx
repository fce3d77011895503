// Library page entry: asks for persistent storage and mounts the app.
import { render } from 'preact';
import { App } from './app';
import { t } from '@/components/i18n';
import './style.css';

performance.mark('lib-start');
document.title = t('lib_pageTitle');
document.documentElement.lang = t('htmlLang');
render(<App />, document.getElementById('app')!);
