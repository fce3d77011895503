// Front matter as Ruby's YAML (Jekyll) reads it: every value our writer and filters produce reads back as itself there,
// and the post check refuses what Ruby would read differently. The `yaml` package alone cannot see these differences.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compileTemplate, renderTemplate } from '../../utils/export/template';
import { checkPostYaml, readFrontMatter, splitFrontMatter } from '../../utils/export/post-check';
import { rubyMissing, rubyReadAll } from '../support/ruby-yaml';

const missing = rubyMissing();
if (missing) console.warn(`ruby-yaml.test.ts skipped: ${missing}`);

const NASTY = [
  '\u0085', '\u2028', '\u2029', '\u007f', '\u0080', '\u009f', '\ufffe', '\uffff', '\ufeff', '\ud800', '\udfff', '\u0000', '\u0001',
  '\u001b', '\t', '\n', '\r', '\r\n', '"', '\\', ':', ': ', ' #', '---', '...', 'yes', 'on', '~', 'null', '1:20', '0x1f',
  '2022-01-09', '- ', '? ', '&a', '*a', '!tag', '%', '@', '`', "'", '{', '}', '[', ']', ',', '|', '>', '南昌日报', '😀', ' ', '两会观察',
];
const nasty = fc.array(fc.oneof(fc.constantFrom(...NASTY), fc.string({ unit: 'binary', maxLength: 8 })), { maxLength: 12 }).map((p) => p.join(''));
const wellFormed = (s: string) => s.replace(/\p{Surrogate}/gu, '\ufffd');

const TEMPLATE = compileTemplate(
  '---\nlayout: {{ layout | yaml }}\ntitle: {{ title | yaml_quoted }}\ndate: {{ date | yaml_plain }}\ncategories: {{ source | yaml }}\ntags: {{ tags | yaml }}\n---\nbody',
);

// Found by earlier runs, kept as fixed cases: the titles of the issue ("…两会观察\u0085之三", LS around a title).
const EXAMPLES: [string, string, string[]][] = [
  ['两会观察\u0085之三', '南昌日报', ['a\u2028b']],
  ['\u2028...\u2028', '\u2029', ['\u0085']],
  ['\u007f\u009f\ufffe', '\ud800x', ['\uffff', 'on', '1:20']],
  // A bare value starting with ':' is a Ruby Symbol (found by this test with seed 20261201).
  [':symbol', ':南昌日报', [':a', '::', ': ']],
];

describe.skipIf(missing)('front matter read by Ruby', () => {
  it('reads every written value back as itself, and as our check reads it', () => {
    const cases = [...EXAMPLES, ...fc.sample(fc.tuple(nasty, nasty, fc.array(nasty, { maxLength: 3 })), 400)];
    const posts = cases.map(([title, source, tags]) => renderTemplate(TEMPLATE, { layout: 'post', title, date: '2022-01-09 07:48:06 +0800', source, tags }));
    for (const post of posts) checkPostYaml(post);
    const ruby = rubyReadAll(posts.map((p) => splitFrontMatter(p)!.block));
    const wrong: string[] = [];
    cases.forEach(([title, source, tags], i) => {
      const r = ruby[i]!;
      const want = { layout: 'post', title: wellFormed(title), categories: wellFormed(source), tags: tags.map(wellFormed) };
      if (!r.ok) return void wrong.push(`${JSON.stringify(title)}: ruby refused it: ${r.error}`);
      const got = r.value as Record<string, unknown>;
      const ours = readFrontMatter(posts[i]!)!;
      for (const key of ['layout', 'title', 'categories', 'tags'] as const) {
        if (JSON.stringify(got[key]) !== JSON.stringify(want[key])) wrong.push(`${key}: ruby ${JSON.stringify(got[key])} ≠ written ${JSON.stringify(want[key])}`);
        if (JSON.stringify(ours[key]) !== JSON.stringify(got[key])) wrong.push(`${key}: ours ${JSON.stringify(ours[key])} ≠ ruby ${JSON.stringify(got[key])}`);
      }
      // A bare Jekyll date is a Time for Ruby, in its own offset.
      if (JSON.stringify(got.date) !== JSON.stringify({ $time: '2022-01-09T07:48:06+08:00' })) wrong.push(`date: ${JSON.stringify(got.date)}`);
    });
    expect(wrong.slice(0, 20)).toEqual([]);
  }, 60_000);

  it.each([
    ['NEL', '\u0085'], ['LS', '\u2028'], ['PS', '\u2029'], ['DEL', '\u007f'], ['a C1 control', '\u0090'], ['U+FFFE', '\ufffe'], ['a C0 control', '\u0001'],
  ])('refuses a template that writes %s raw, which Ruby reads differently or not at all', (_name, char) => {
    // Quoted and bare: LS and PS survive double quotes in Ruby but break a bare value (the rest of the block is lost).
    const posts = [`---\nlayout: post\ntitle: "a${char}b"\nx: 1\n---\nbody`, `---\nlayout: post\ntitle: a${char}b\nx: 1\n---\nbody`];
    for (const post of posts) expect(() => checkPostYaml(post)).toThrow(/line 3: .*raw character U\+/);
    // The check is right to refuse: in at least one of the two forms Ruby does not read what the `yaml` package reads.
    const ruby = rubyReadAll(posts.map((p) => splitFrontMatter(p)!.block));
    const same = posts.map((p, i) => ruby[i]!.ok && JSON.stringify(ruby[i]!.value) === JSON.stringify(readFrontMatter(p)));
    expect(same).toContain(false);
  });
});
