// Which article a post file holds: its `<url>` line (the seed format) or a URL key of its front matter.
//
// Two posts with one file name are the same article when they name the same page; a publish replaces the same
// article's file and never another's. Only text is read: no YAML parse, so a foreign or broken post still answers.
import { splitFrontMatter } from '../export/post-check';

// `<https://…>` alone on a line: what the `autolink` filter writes and the seed post ends with.
const AUTOLINK_LINE = /^<(https?:\/\/[^<>\s]+)>$/gm;
// Front matter keys other presets and other tools use for the page's address.
const URL_KEYS = /^(?:original_url|source_url|canonical_url|source|url|link|permalink_original)\s*:\s*["']?(https?:\/\/[^"'\s]+)["']?\s*$/m;

/** The page URL a post is about, or null for a post that names none (a hand-written page, a foreign format). */
export function postIdentity(text: string): string | null {
  const split = splitFrontMatter(text);
  const body = split ? text.slice(split.bodyStart) : text;
  // The last such line: the seed puts it after the body, which may quote other links.
  let last: string | null = null;
  for (const m of body.matchAll(AUTOLINK_LINE)) last = m[1]!;
  if (last) return last;
  const key = split ? URL_KEYS.exec(split.block) : null;
  return key ? key[1]! : null;
}
