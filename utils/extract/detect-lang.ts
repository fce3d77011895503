// The article's language: what the page declares, else Chinese when its text is mostly Han, else English.
const CJK = /[\u3400-\u9fff]/g;

export function detectLang(declared: string | null, text: string): string | null {
  if (declared) return declared.replace('_', '-').split(/[;,]/)[0].trim() || null;
  const cjk = text.slice(0, 2000).match(CJK)?.length ?? 0;
  if (cjk > 50) return 'zh';
  return /[a-z]{3,}/i.test(text) ? 'en' : null;
}
