// The YAML filters' fast paths write exactly what the yaml library writes, for any string.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FILTERS, yamlScalarSlow } from '../../utils/export/template-filters';
import { doubleQuoted, plain } from '../../utils/export/front-matter';
import { crc32 } from '../../utils/export/zip';

const PIECES = ['a', 'Z', '9', ' ', '  ', '-', '_', '.', ':', '#', '"', "'", '\\', '南昌', '日报', '：', '“', '”', '—', '·', '\u00a0', '\u2028', '\t', '\n',
  'yes', 'No', 'on', 'null', '~', '1', '0x', 'e5', '2022-01-09', '[', ']', '{', '}', ',', '&', '*', '!', '|', '>', '%', '@', '`', '😀', '\u00e9', '\uff21'];
const text = fc.oneof(fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }).map((p) => p.join('')), fc.string({ unit: 'grapheme' }));

describe('yaml filters', () => {
  it('property: yaml writes what the yaml library writes', () => {
    fc.assert(fc.property(text, (s) => { expect(FILTERS.yaml!(s, [])).toBe(yamlScalarSlow(s)); }), { numRuns: 3000 });
  }, 60_000);
  it('property: yaml_quoted writes what the yaml library writes', () => {
    fc.assert(fc.property(text, (s) => { expect(FILTERS.yaml_quoted!(s, [])).toBe(yamlScalarSlow(doubleQuoted(s))); }), { numRuns: 3000 });
  }, 60_000);
  it('property: yaml_plain writes what the yaml library writes', () => {
    fc.assert(fc.property(text, (s) => { expect(FILTERS.yaml_plain!(s, [])).toBe(yamlScalarSlow(plain(s))); }), { numRuns: 3000 });
  }, 60_000);
  it.each(['yes', 'No', '12', 'a: b', '1e3', 'nan'])('quotes %j like the library', (s) => {
    expect(FILTERS.yaml!(s, [])).toBe(yamlScalarSlow(s));
  });
});

describe('crc32', () => {
  it('is the standard CRC-32', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array())).toBe(0);
  });
});
