// Writes an export's file under an output folder, never outside it (a path is the engine's, but checked all the same).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';

/** Writes `text` at `root/path`, creating folders; returns the file's absolute path. */
export function writeUnder(root: string, path: string, text: string): string {
  const base = resolve(root);
  const target = resolve(base, path);
  if (!target.startsWith(base + sep)) throw new Error(`path leaves the output folder: ${path}`);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, text);
  return target;
}
