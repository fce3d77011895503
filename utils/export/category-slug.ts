// Category slugs: a news source's name as toneless pinyin, the way the archive's category pages are named.
import { pinyin } from 'pinyin-pro';

/**
 * Lower-case ASCII words of a text: Chinese as toneless pinyin syllables (ü as v), Latin letters
 * and digits kept, accents dropped, everything else a word break.
 */
export function pinyinTokens(text: string): string[] {
  // NFKC first so that full-width ＡＢＣ１２３ count as the letters and digits they are.
  const normalized = text.normalize('NFKC');
  // pinyin-pro segments by words, which is what picks 重庆 chóng and 银行 háng.
  const pieces = pinyin(normalized, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true });
  return pieces.flatMap((piece) =>
    piece
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter((word) => word !== ''),
  );
}

/**
 * The slug of a source: the user's override if there is one, else its pinyin run together
 * (南昌日报 → nanchangribao); `news` when nothing usable is left.
 */
export function categorySlug(source: string, overrides: Record<string, string>): string {
  const name = source.trim();
  const override = Object.hasOwn(overrides, name) ? overrides[name]?.trim() : undefined;
  // Jekyll splits a `categories` string on whitespace, so an override must stay one word.
  if (override) return override.replace(/\s+/g, '-');
  return pinyinTokens(name).join('') || 'news';
}
