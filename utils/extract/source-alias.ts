// One publisher, one name: the alias table (data, like the site rules) that maps a publisher's other names to one.

/** Other name → the name the library files the publisher under. Add a row when a publisher shows up under two names. */
export const SOURCE_ALIASES: Readonly<Record<string, string>> = Object.freeze({
  '澎湃新闻网': '澎湃新闻',
  '澎湃': '澎湃新闻',
  'The Paper': '澎湃新闻',
  '人民网-人民日报': '人民日报',
  '人民网－人民日报': '人民日报',
  '人民日报海外网': '海外网',
  '新华网-新华社': '新华社',
  '新华社客户端': '新华社',
  '新京报网': '新京报',
  '央视新闻客户端': '央视新闻',
  '界面新闻网': '界面新闻',
});

/** The publisher's one name: an alias from the table, else the name as given (whitespace squashed). */
export function canonicalSource(name: string | null, aliases: Readonly<Record<string, string>> = SOURCE_ALIASES): string | null {
  if (!name) return name;
  const t = name.replace(/[\s\u3000\u00a0]+/g, ' ').trim();
  return aliases[t] ?? aliases[t.replace(/\s*[-－—–]\s*/g, '-')] ?? t;
}
