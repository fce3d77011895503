// Library page entry: styles and titles the page, then mounts the app with its first screen already read.
import { App, FIRST_SCREEN } from './app';
import { t } from '@/components/i18n';
import { mountWithFirstRows } from '@/components/mount-with-first-rows';
import css from './style.css?inline';
import { applyStyle } from '@/components/apply-style';

performance.mark('lib-start');
applyStyle(document, css);
document.title = t('lib_pageTitle');
document.documentElement.lang = t('htmlLang');
mountWithFirstRows(App, (library) => library.list({ limit: FIRST_SCREEN }));
