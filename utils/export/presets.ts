// The export presets: a template, a body format, a file name pattern and a folder for each kind of site.
import type { SlugStyle } from './filename-pattern';
import type { SiteGenerator } from './generator-escape';

export type PresetId = 'jekyll-news' | 'jekyll' | 'hugo' | 'obsidian' | 'markdown';
export type BodyFormat = 'html' | 'markdown';

export interface Preset {
  id: PresetId;
  template: string;
  bodyFormat: BodyFormat;
  filenamePattern: string;
  /** Where the files go inside the zip or the picked folder; '' for its top. */
  folder: string;
  /** The generator that builds these posts: its template syntax in an article's text is kept as text. */
  generator: SiteGenerator | null;
}

/** The preset settings, stored beside ExportSettings: what the options page edits besides the site's texts. */
export interface PresetSettings {
  preset: PresetId;
  bodyFormat: BodyFormat;
  filenamePattern: string;
  slugStyle: SlugStyle;
  /** The user's own template, replacing the preset's; null to use the preset's. */
  customTemplate: string | null;
}

// The seed post's frame (spec/README.md): tests/golden/presets checks it against the seed post byte for byte.
const JEKYLL_NEWS = `---
layout: {{ layout | yaml }}
title: {{ title | yaml_quoted }}
date: {{ publishedAt | jekyll_date | yaml_plain }}
categories: {{ sourceSlug | yaml }}
tags: {{ tagName | yaml }}
---
{{#if body}}{{ body }}

{{else}}
{{/if}}{{ url | autolink }}

[{{ backLinkText }}](//{{ siteHost }}/category/{{ sourceSlug | url_segment }}.html)｜[{{ homeLinkText }}](//{{ siteHost }}/)`;

const JEKYLL = `---
layout: {{ layout | yaml }}
title: {{ title | yaml_quoted }}
date: {{ publishedAt | jekyll_date | yaml_plain }}
categories: {{ sourceSlug | yaml }}
tags: {{ postTags | yaml }}
source: {{ source | yaml }}
{{#if author}}author: {{ author | yaml }}
{{/if}}original_url: {{ url | yaml }}
---
{{#if excerpt}}{{ excerpt | quote }}

{{/if}}{{ body }}

{{ url | autolink }}
`;

const HUGO = `---
title: {{ title | yaml_quoted }}
date: {{ publishedAt | yaml_plain }}
draft: false
categories: {{ sourceSlug | yaml }}
tags: {{ postTags | yaml }}
source: {{ source | yaml }}
{{#if author}}author: {{ author | yaml }}
{{/if}}{{#if excerpt}}summary: {{ excerpt | md_escape | yaml }}
{{/if}}original_url: {{ url | yaml }}
---
{{ body }}

{{ url | autolink }}
`;

const OBSIDIAN = `---
title: {{ title | yaml }}
source: {{ url | yaml }}
publisher: {{ source | yaml }}
{{#if author}}author: {{ author | yaml }}
{{/if}}published: {{ publishedAt | date "YYYY-MM-DD" | yaml_plain }}
created: {{ savedAt | date "YYYY-MM-DD" | yaml_plain }}
tags: {{ clipTags | yaml }}
---
{{#if excerpt}}> [!summary]
{{ excerpt | quote }}

{{/if}}{{ body }}
`;

const PLAIN = `# {{ title | default "Untitled" }}

{{ source }} · {{ publishedAt | date "YYYY-MM-DD HH:mm" }}{{#if author}} · {{ author }}{{/if}}

{{#if body}}{{ body }}

{{/if}}{{ url | autolink }}
`;

export const PRESETS: Record<PresetId, Preset> = {
  'jekyll-news': { id: 'jekyll-news', template: JEKYLL_NEWS, bodyFormat: 'html', filenamePattern: '{date}-{id}', folder: '_posts', generator: 'jekyll' },
  jekyll: { id: 'jekyll', template: JEKYLL, bodyFormat: 'markdown', filenamePattern: '{date}-{id}', folder: '_posts', generator: 'jekyll' },
  hugo: { id: 'hugo', template: HUGO, bodyFormat: 'markdown', filenamePattern: '{date}-{id}', folder: 'content/posts', generator: 'hugo' },
  obsidian: { id: 'obsidian', template: OBSIDIAN, bodyFormat: 'markdown', filenamePattern: '{title}', folder: 'Jianbao', generator: null },
  markdown: { id: 'markdown', template: PLAIN, bodyFormat: 'markdown', filenamePattern: '{date}-{slug}', folder: '', generator: null },
};

export const PRESET_IDS = Object.keys(PRESETS) as PresetId[];

export const DEFAULT_PRESET_SETTINGS: PresetSettings = {
  preset: 'jekyll-news',
  bodyFormat: 'html',
  filenamePattern: '{date}-{id}',
  slugStyle: 'pinyin',
  customTemplate: null,
};

/** The settings a preset brings when the user picks it; site texts and overrides stay as they are. */
export function settingsForPreset(id: PresetId, current: PresetSettings): PresetSettings {
  const p = PRESETS[id];
  return { ...current, preset: id, bodyFormat: p.bodyFormat, filenamePattern: p.filenamePattern, customTemplate: null };
}

export function isPresetId(value: unknown): value is PresetId {
  return typeof value === 'string' && Object.hasOwn(PRESETS, value);
}
