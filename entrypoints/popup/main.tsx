// Popup entry: styles and titles the page, then mounts the app with the recent articles already read.
import { App, readRecent } from './app';
import { t } from '@/components/i18n';
import { mountWithFirstRows } from '@/components/mount-with-first-rows';
import css from './style.css?inline';
import { applyStyle } from '@/components/apply-style';

performance.mark('popup-start');
applyStyle(document, css);
document.title = t('extName');
document.documentElement.lang = t('htmlLang');
mountWithFirstRows(App, readRecent);
