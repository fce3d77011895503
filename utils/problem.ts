// What went wrong, as a code and its parameters: the pages say it in the user's language (locales/*/problems.json).
// An Error's own message stays English, for logs and the command line; a screen shows only the code's text.

/** Every code a screen can be given. Each has `pb_<code with _ for ->` in every catalog (tests/unit/problems.test.ts). */
export const PROBLEM_CODES = [
  // The library's writes.
  'quota-save', 'quota-write', 'quota-exported', 'quota-delete', 'quota-undo', 'not-http', 'gone', 'text-freed',
  // A page the extractor refuses to read.
  'page-elements', 'page-chars', 'page-depth',
  // Export: names, settings, templates, front matter.
  'no-file-name', 'tz-not-offset', 'no-date', 'not-iso-time', 'fn-unknown-parts', 'fn-no-part',
  'tpl-unknown-filter', 'tpl-else-outside', 'tpl-close-without-if', 'tpl-not-variable', 'tpl-if-unclosed',
  'tpl-unknown-variable', 'tpl-filter', 'filter-needs-number', 'fm-raw-char', 'fm-unclosed', 'fm-invalid-yaml',
  'fm-not-mapping', 'yaml-duplicate-key', 'yaml-bad-indent', 'yaml-map-value', 'yaml-syntax', 'fm-key-twice', 'fm-not-one-line', 'in-file-name', 'in-template', 'disk-full', 'folder-denied',
  // Backup files.
  'backup-not-zip', 'backup-no-manifest', 'backup-missing-part', 'backup-manifest-not-json', 'backup-foreign',
  'backup-newer', 'backup-manifest-incomplete', 'backup-checksum', 'backup-part-not-json', 'backup-part-shape',
  'backup-articles-missing',
  // A backup's records and settings that are refused or replaced.
  'rec-not-record', 'rec-no-body', 'rec-bad-url', 'rec-no-title', 'rec-bad-saved', 'rec-body-not-text',
  'rec-field-not-text', 'rec-bad-published', 'rec-bad-exported', 'set-not-short', 'set-unknown-preset',
  'set-preset-settings', 'set-too-large', 'set-template-not-text',
  // Anything else: a fault of ours; its English detail is shown as it is, for a bug report.
  'unexpected',
] as const;

export type ProblemCode = (typeof PROBLEM_CODES)[number];

/** A parameter is text (a name, a number, a line) or a problem of its own (the cause, said inside the sentence). */
export type ProblemParam = string | Problem;

export interface Problem {
  code: ProblemCode;
  params?: ProblemParam[];
}

export const problem = (code: ProblemCode, ...params: ProblemParam[]): Problem => (params.length ? { code, params } : { code });

/** An Error that carries its problem: `message` is the English sentence, `problem` what a screen shows. */
export class ProblemError extends Error {
  readonly problem: Problem;
  constructor(problem: Problem, english: string, options?: { cause?: unknown }) {
    super(english, options);
    this.name = 'ProblemError';
    this.problem = problem;
  }
}

/** The problem an error carries, or `unexpected` with its English message (a fault of ours, or of the browser). */
export function problemOf(err: unknown): Problem {
  const carried = (err as { problem?: Problem } | null)?.problem;
  if (carried && typeof carried.code === 'string') return carried;
  return problem('unexpected', err instanceof Error ? err.message : String(err));
}
