// Fails when a UI component shows a string that is not from the locale catalogs: JSX text, string
// attributes a user sees or hears (title, aria-label, placeholder, alt, label), and string literals
// rendered as children. Also checks that every t('key') names a message both catalogs have.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { readCatalogs } from '../../locales/bundle';

const ROOT = path.resolve(import.meta.dirname, '../..');
const VISIBLE_ATTRS = new Set(['title', 'aria-label', 'aria-description', 'aria-placeholder', 'aria-roledescription', 'aria-valuetext', 'placeholder', 'alt', 'label']);
// A letter of any script: "✕", "—", "·", ".md" stays allowed only if it has no letters… ".md" has letters, so
// file-type labels go through the catalog too (exportMdButton).
const LETTER = /\p{L}/u;

export interface Finding { file: string; line: number; text: string }

function filesUnder(dir: string, ext: RegExp): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(rel, ext));
    else if (ext.test(entry.name)) out.push(rel);
  }
  return out;
}

/** String literals inside a rendered expression, skipping those that are data, not text. */
function literalsIn(expr: ts.Node, report: (node: ts.Node, text: string) => void) {
  const visit = (node: ts.Node) => {
    const parent = node.parent;
    // t(`lib_phase_${phase}`) builds a key: an argument of a call is data, not text.
    const isArgument = ts.isCallExpression(parent) && parent.arguments.includes(node as ts.Expression);
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      const isCompared = ts.isBinaryExpression(parent) && [ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken,
        ts.SyntaxKind.EqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsToken].includes(parent.operatorToken.kind);
      const isKey = ts.isElementAccessExpression(parent) || ts.isPropertyAssignment(parent) && parent.name === node;
      if (!isArgument && !isCompared && !isKey) report(node, node.text);
      return;
    }
    if (ts.isTemplateExpression(node) && !isArgument) {
      report(node, [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join('…'));
    }
    // JSX inside the expression is visited by the caller's walk; calls' callees are code.
    if (ts.isJsxElement(node) || ts.isJsxSelfClosingElement(node) || ts.isJsxFragment(node)) return;
    ts.forEachChild(node, visit);
  };
  visit(expr);
}

/** Every user-visible string in a .tsx source that does not come from t(). */
export function hardCodedStrings(file: string, source: string): Finding[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const findings: Finding[] = [];
  const report = (node: ts.Node, text: string) => {
    if (!LETTER.test(text)) return;
    findings.push({ file, line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1, text: text.trim().slice(0, 60) });
  };
  const walk = (node: ts.Node) => {
    if (ts.isJsxText(node)) report(node, node.text);
    else if (ts.isJsxExpression(node) && node.expression && !ts.isJsxAttribute(node.parent)) literalsIn(node.expression, report);
    else if (ts.isJsxAttribute(node)) {
      const name = node.name.getText(sf);
      if (VISIBLE_ATTRS.has(name) && node.initializer) {
        if (ts.isStringLiteral(node.initializer)) report(node.initializer, node.initializer.text);
        else if (ts.isJsxExpression(node.initializer) && node.initializer.expression) literalsIn(node.initializer.expression, report);
      }
    }
    ts.forEachChild(node, walk);
  };
  walk(sf);
  return findings;
}

const UI_FILES = [...filesUnder('components', /\.tsx$/), ...filesUnder('entrypoints', /\.tsx$/)];

describe('the scanner itself', () => {
  it('finds JSX text, visible attributes and rendered literals', () => {
    const found = hardCodedStrings('x.tsx', `
      export const A = () => <div title="Close window">
        Save now
        <input placeholder={'搜索'} aria-label={ok ? 'Yes' : t('no')} />
        {busy ? 'Saving…' : null}
        {\`Saved \${n} items\`}
        <img alt="Logo" />
      </div>;`);
    expect(found.map((f) => f.text)).toEqual(['Close window', 'Save now', '搜索', 'Yes', 'Saving…', 'Saved … items', 'Logo']);
  });

  it('lets through t(), symbols, comparisons, class names and data attributes', () => {
    const found = hardCodedStrings('x.tsx', `
      export const A = () => <div class="card saved" data-status="saving" title={t('deleteTitle')}>
        ✕ — · {t('saved', 'x')} {t(\`lib_phase_\${p}\`)} {[a, b].join(' · ')} {state.phase === 'saving' ? t('a') : null}
        {/* a comment is not shown */}
        <button type="button" aria-label={t('deleteLabel', a.title)}>{a.title}</button>
      </div>;`);
    expect(found).toEqual([]);
  });
});

describe('UI components take every visible string from the catalogs', () => {
  it('scans the components and entry points', () => {
    expect(UI_FILES).toContain(path.join('components', 'save-card.tsx'));
    expect(UI_FILES).toContain(path.join('entrypoints', 'popup', 'app.tsx'));
  });

  it.each(UI_FILES)('%s has no hard-coded user-visible string', (file) => {
    const findings = hardCodedStrings(file, readFileSync(path.join(ROOT, file), 'utf8'));
    expect(findings.map((f) => `${f.file}:${f.line}: ${JSON.stringify(f.text)}`)).toEqual([]);
  });

  it('every t(\'key\') in the UI names a message of both catalogs', () => {
    const catalogs = readCatalogs(path.join(ROOT, 'locales'));
    const files = [...UI_FILES, ...filesUnder('components', /\.ts$/), ...filesUnder('entrypoints', /\.ts$/), 'utils/save-failure.ts'];
    const missing: string[] = [];
    for (const file of files) {
      const source = readFileSync(path.join(ROOT, file), 'utf8');
      const keys = [...source.matchAll(/\bt\(\s*'([A-Za-z0-9_]+)'/g)].map((m) => m[1]);
      if (file === 'utils/save-failure.ts') keys.push(...[...source.matchAll(/'(pop_[A-Za-z0-9_]+)'/g)].map((m) => m[1]));
      for (const key of keys) {
        for (const [lang, catalog] of catalogs) if (!(key in catalog)) missing.push(`${file}: ${key} (${lang})`);
      }
    }
    expect(missing).toEqual([]);
  });
});
