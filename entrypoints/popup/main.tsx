// Popup entry: mounts the app.
import { render } from 'preact';
import { App } from './app';
import { t } from '@/components/i18n';
import './style.css';

document.title = t('extName');
document.documentElement.lang = t('htmlLang');
render(<App />, document.getElementById('app')!);
