// Shows a publication time as the source wrote it: its own wall clock and offset, no conversion.
export function formatPublished(iso: string | null): string {
  if (!iso) return '';
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2})?(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/.exec(iso);
  if (!m) return iso;
  return `${m[1]} ${m[2]}${m[3] ? ` ${m[3] === 'Z' ? 'UTC' : m[3]}` : ''}`;
}

/**
 * A moment of our own (saved, exported) in the user's language and clock: unlike a publication
 * time it has no source whose wall clock should be kept.
 */
export function formatLocalTime(iso: string | null, locale: string, timeZone?: string): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return localFormat(locale, timeZone).format(date);
}

// Building an Intl.DateTimeFormat costs far more than formatting with one: a list of 50 rows would build 50.
const formats = new Map<string, Intl.DateTimeFormat>();

function localFormat(locale: string, timeZone: string | undefined): Intl.DateTimeFormat {
  const key = `${locale}\u0000${timeZone ?? ''}`;
  let format = formats.get(key);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone });
    } catch {
      format = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short', timeZone });
    }
    formats.set(key, format);
  }
  return format;
}
