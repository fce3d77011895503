// Front matter: the seed's lines byte for byte, and any value reads back as written.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from 'yaml';
import { doubleQuoted, plain, renderFrontMatter, type FrontMatterEntry } from '../../utils/export/front-matter';
import { assertFrontMatterRoundTrip, parseFrontMatterBack } from './front-matter-roundtrip';

const SEED_TITLE = '量质双升绘宏图 民生答卷晒幸福 ——青山湖区经济社会发展迈上新台阶';
const SEED_BLOCK = [
  'layout: post',
  `title: "${SEED_TITLE}"`,
  'date: 2022-01-09 07:48:06 +0800',
  'categories: nanchangribao',
  'tags: 南昌日报新闻',
].join('\n');

function seedEntries(title = SEED_TITLE, source = '南昌日报'): FrontMatterEntry[] {
  return [
    ['layout', 'post'],
    ['title', doubleQuoted(title)],
    ['date', plain('2022-01-09 07:48:06 +0800')],
    ['categories', 'nanchangribao'],
    ['tags', `${source}新闻`],
  ];
}

/** Pieces that broke the old tool or trip YAML readers, mixed with arbitrary text. */
const NASTY = [
  '"', '\\', ':', ': ', ' #', '#', '---', '...', '\n', '\r\n', '\r', '\t', '\u0000', '\u001b', '\u007f',
  '😀', '👨‍👩‍👧', '\u200f', '\u202e', '\u2028', '\u2029', '\u0085', '\ufeff', '\u00a0', '\ud800', '\udfff',
  'yes', 'no', 'on', '~', 'null', '1:20', '0x1f', '2022-01-09', '- ', '? ', '&a', '*a', '!tag', '%', '@', '`',
  "'", '{', '}', '[', ']', ',', '|', '>', '南昌日报', '“引号”', ' ', '',
];
const nastyString = fc.oneof(
  { weight: 4, arbitrary: fc.array(fc.oneof(fc.constantFrom(...NASTY), fc.string({ unit: 'binary' })), { maxLength: 30 }).map((parts) => parts.join('')) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 200 }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom(...NASTY.filter((s) => s !== '')), fc.integer({ min: 1000, max: 10_000 }))
      .map(([piece, length]) => piece.repeat(Math.ceil(length / piece.length)).slice(0, length)),
  },
);

describe('renderFrontMatter', () => {
  it('writes the seed post front matter byte for byte', () => {
    expect(renderFrontMatter(seedEntries())).toBe(SEED_BLOCK);
  });

  it('keeps Chinese as it is, never \\u-escaped', () => {
    expect(renderFrontMatter([['title', doubleQuoted('剪报')]])).toBe('title: "剪报"');
  });

  it.each([
    ['a "quoted" word', String.raw`title: "a \"quoted\" word"`],
    ['C:\\path', String.raw`title: "C:\\path"`],
    ['line\nbreak', String.raw`title: "line\nbreak"`],
    ['---', 'title: "---"'],
    ['', 'title: ""'],
  ])('escapes %j inside double quotes', (title, line) => {
    expect(renderFrontMatter([['title', doubleQuoted(title)]])).toBe(line);
  });

  it.each(['yes', 'no', 'on', 'off', 'y', 'n', '1:20', '0b101', '1_000', '12', 'true', 'null', '~', '- x', 'a: b', '#x', 'a\u2028b', 'a\u0085b'])(
    'quotes %j, which a YAML 1.1 reader (Jekyll) would not read as that string',
    (value) => {
      const block = renderFrontMatter([['tags', value]]);
      expect(block).not.toBe(`tags: ${value}`);
      expect(parse(block, { version: '1.1' })).toEqual({ tags: value });
      assertFrontMatterRoundTrip([['tags', value]], block);
    },
  );

  it('keeps a plain value bare and quotes it only when bare text would not survive', () => {
    expect(renderFrontMatter([['date', plain('2022-01-09 07:48:06 +0800')]])).toBe('date: 2022-01-09 07:48:06 +0800');
    const risky = renderFrontMatter([['date', plain('a: b')]]);
    expect(parseFrontMatterBack(risky)).toEqual({ date: 'a: b' });
  });

  it('writes lists, numbers, booleans and null on one line each', () => {
    const entries: FrontMatterEntry[] = [
      ['tags', ['南昌日报', 'yes', 'a, b']],
      ['weight', 3],
      ['published', false],
      ['excerpt', null],
    ];
    const block = renderFrontMatter(entries);
    expect(block.split('\n')).toHaveLength(4);
    expect(block.split('\n')[0]).toBe('tags: [南昌日报, "yes", "a, b"]');
    expect(renderFrontMatter([['tags', ['a\nb', 'c']]])).toBe(String.raw`tags: ["a\nb", c]`);
    assertFrontMatterRoundTrip(entries, block);
  });

  it('refuses a key given twice', () => {
    expect(() => renderFrontMatter([['title', 'a'], ['title', 'b']])).toThrow(/twice/);
  });
});

describe('assertFrontMatterRoundTrip', () => {
  it('accepts the seed block', () => {
    expect(() => assertFrontMatterRoundTrip(seedEntries(), SEED_BLOCK)).not.toThrow();
  });

  it('names the line of the old tool’s unescaped title', () => {
    const title = 'He said "no"';
    const broken = SEED_BLOCK.replace(SEED_TITLE, title);
    expect(() => assertFrontMatterRoundTrip(seedEntries(title), broken)).toThrow(/line 2 \(title\)/);
  });

  it('names the line whose value changed meaning', () => {
    const entries: FrontMatterEntry[] = [...seedEntries().slice(0, 4), ['tags', 'yes']];
    const block = SEED_BLOCK.replace('tags: 南昌日报新闻', 'tags: yes');
    expect(() => assertFrontMatterRoundTrip(entries, block)).toThrow(/line 5 \(tags\) reads back as true .* under YAML 1\.1/);
  });

  it('rejects a block with a line too many', () => {
    expect(() => assertFrontMatterRoundTrip(seedEntries(), `${SEED_BLOCK}\nextra: 1`)).toThrow(/6 lines for 5 entries/);
  });
});

describe('front matter property: any title and source read back as written', () => {
  it('round-trips through yaml', () => {
    fc.assert(
      fc.property(nastyString, nastyString, (title, source) => {
        const entries: FrontMatterEntry[] = [
          ['layout', 'post'],
          ['title', doubleQuoted(title)],
          ['date', plain('2022-01-09 07:48:06 +0800')],
          ['categories', source],
          ['tags', `${source}新闻`],
        ];
        const block = renderFrontMatter(entries);
        assertFrontMatterRoundTrip(entries, block);
        const back = parseFrontMatterBack(block);
        const wellFormed = (x: string) => x.replace(/\p{Surrogate}/gu, '\ufffd');
        expect(back.title).toBe(wellFormed(title));
        expect(back.categories).toBe(wellFormed(source));
        expect(back.tags).toBe(wellFormed(`${source}新闻`));
        const lines = block.split('\n');
        expect(lines).toHaveLength(entries.length);
        expect(lines[1]!.startsWith('title: "')).toBe(true);
        // No line may close Jekyll's front matter early.
        for (const line of lines) expect(line).not.toMatch(/^(---|\.\.\.)/);
      }),
      { numRuns: 300 },
    );
  });
});

describe('front matter property: template values written by the yaml filters read back as written', async () => {
  const { compileTemplate, renderTemplate } = await import('../../utils/export/template');
  const { checkPostYaml } = await import('../../utils/export/post-check');
  const compiled = compileTemplate(
    '---\nlayout: {{ layout | yaml }}\ntitle: {{ title | yaml_quoted }}\ndate: {{ date | yaml_plain }}\ncategories: {{ source | yaml }}\ntags: {{ tags | yaml }}\n---\nbody',
  );
  it('round-trips through yaml, line by line, and passes the post check', () => {
    fc.assert(
      fc.property(nastyString, nastyString, nastyString, fc.array(nastyString, { maxLength: 3 }), (layout, title, source, tags) => {
        const post = renderTemplate(compiled, { layout, title, date: '2022-01-09 07:48:06 +0800', source, tags });
        checkPostYaml(post);
        const block = post.slice(4, post.indexOf('\n---\n', 3));
        const entries: FrontMatterEntry[] = [
          ['layout', layout],
          ['title', doubleQuoted(title)],
          ['date', plain('2022-01-09 07:48:06 +0800')],
          ['categories', source],
          ['tags', tags],
        ];
        assertFrontMatterRoundTrip(entries, block);
      }),
      { numRuns: 200 },
    );
  }, 60_000);
});
