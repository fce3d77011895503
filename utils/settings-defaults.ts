// Default settings: the seed post's site, layout and link texts.
import type { ExportSettings } from './types';

export const DEFAULT_EXPORT_SETTINGS: ExportSettings = {
  siteHost: 'finews.withounder.com',
  layout: 'post',
  tagSuffix: '新闻',
  timeZone: '+08:00',
  backLinkText: '返回{source}新闻',
  homeLinkText: '返回首页',
  categoryOverrides: {},
};
