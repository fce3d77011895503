// A date typed and shown in the user's format (2022/01/09 in Chinese, 01/09/2022 in US English): Chromium's own
// date input follows the operating system's locale, not the browser's language, and showed mm/dd/yyyy in the zh UI.
import { useEffect, useState } from 'preact/hooks';
import { t, uiLanguage } from './i18n';

type Part = 'year' | 'month' | 'day';

function dateFormat(locale: string): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' });
  } catch {
    return new Intl.DateTimeFormat(undefined, { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' });
  }
}

/** `YYYY-MM-DD` in the locale's short form. */
export function showDate(iso: string, locale: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  return dateFormat(locale).format(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}

/** What the user typed as `YYYY-MM-DD`: in the locale's order of year, month and day, or ISO; null if it is no date. */
export function readDate(text: string, locale: string): string | null {
  const groups = text.match(/\d+/g);
  if (!groups || groups.length !== 3) return null;
  const order: Part[] = groups[0]!.length === 4 ? ['year', 'month', 'day']
    : dateFormat(locale).formatToParts(0).map((p) => p.type).filter((x): x is Part => x === 'year' || x === 'month' || x === 'day');
  const v: Record<Part, number> = { year: 0, month: 0, day: 0 };
  order.forEach((part, i) => { v[part] = Number(groups[i]); });
  if (v.year < 100) v.year += 2000;
  const date = new Date(Date.UTC(v.year, v.month - 1, v.day));
  if (date.getUTCFullYear() !== v.year || date.getUTCMonth() !== v.month - 1 || date.getUTCDate() !== v.day) return null;
  return date.toISOString().slice(0, 10);
}

/** The locale's order and separators with the catalog's word for each part: 年/月/日, mm/dd/yyyy. */
export function datePattern(locale: string): string {
  const word: Record<string, string> = { year: t('lib_dateYear'), month: t('lib_dateMonth'), day: t('lib_dateDay') };
  return dateFormat(locale).formatToParts(Date.UTC(2022, 0, 9)).map((p) => word[p.type] ?? p.value).join('');
}

export interface LocaleDateInputProps {
  /** `YYYY-MM-DD`, or '' for none. */
  value: string;
  onChange(value: string): void;
  label: string;
  testId?: string;
}

export function LocaleDateInput({ value, onChange, label, testId }: LocaleDateInputProps) {
  const locale = uiLanguage();
  const [text, setText] = useState(showDate(value, locale));
  const [bad, setBad] = useState(false);
  useEffect(() => setText(showDate(value, locale)), [value]);
  // Applied when the field is left or Enter is pressed, not at each keystroke of a half-typed date.
  const commit = () => {
    if (text.trim() === '') return (setBad(false), onChange(''));
    const iso = readDate(text, locale);
    setBad(iso === null);
    if (iso !== null) {
      setText(showDate(iso, locale));
      onChange(iso);
    }
  };
  return (
    <input type="text" inputMode="numeric" class="lib-date-input" value={text} aria-label={label} aria-invalid={bad}
      placeholder={datePattern(locale)} data-testid={testId} size={10}
      onInput={(e) => setText((e.currentTarget as HTMLInputElement).value)} onChange={commit}
      onKeyDown={(e) => { if (e.key === 'Enter') commit(); }} />
  );
}
