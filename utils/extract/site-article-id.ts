// The site's own article id, where the URL carries one (infoCode=NW…, /a/20220109123.html, …).

// The article's URL has been through cleanArticleUrl (article-url.ts): none of these may be on its removal lists
// (tests/unit/article-url.test.ts checks that cleaning never changes the id read here).
const ID_PARAMS = ['infocode', 'articleid', 'article_id', 'newsid', 'news_id', 'docid', 'aid', 'contid', 'id', 'p'];

export function siteArticleId(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  const params = new Map(Array.from(u.searchParams, ([k, v]) => [k.toLowerCase(), v]));
  for (const key of ID_PARAMS) {
    const v = params.get(key);
    if (v && /^[A-Za-z0-9_-]{4,64}$/.test(v)) return v;
  }
  // The last path segment when it looks like an id: digits, or letters mixed with at least 6 digits.
  const last = u.pathname.split('/').filter(Boolean).pop()?.replace(/\.(s?html?|php|aspx?|jsp)$/i, '');
  if (last && /^[A-Za-z0-9_-]{6,64}$/.test(last) && (last.match(/\d/g)?.length ?? 0) >= 6) return last;
  return null;
}
