import { parseDocument, stringify } from 'yaml';
import type { ImportMeta } from './types';

/** The front-matter field each attribution flag and `ImportMeta` key writes. */
export const FRONT_FIELDS = {
  title: 'title',
  shortTitle: 'short_title',
  author: 'author',
  translator: 'translator',
  date: 'date',
  license: 'license',
  source: 'source',
  url: 'url',
} as const satisfies Record<keyof ImportMeta, string>;

/** The order the importer writes front-matter fields in; fields added by hand follow, `source_file` comes last. */
const FIELD_ORDER = ['id', 'title', 'short_title', 'author', 'recipient', 'date', 'translator', 'source', 'license', 'url', 'notes_role'];

/** Never kept from an old file nor overridden: the importer decides these. */
const OWN_FIELDS = new Set(['id', 'source_file']);

export interface MergedFrontMatter {
  markdown: string;
  /** Front-matter fields kept from the existing file because they were edited by hand. */
  kept: string[];
}

/** The front matter of a corpus Markdown file as plain fields, or undefined when it has none that parses. */
export function readFrontMatter(markdown: string): Record<string, unknown> | undefined {
  const m = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(markdown);
  if (!m) return undefined;
  const doc = parseDocument(m[1] ?? '');
  if (doc.errors.length) return undefined;
  const value: unknown = doc.toJS();
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/**
 * A freshly written work with the front matter a re-import must keep. A field of the existing file
 * that differs from what the importer writes from the same source was edited by hand, and is kept
 * (a field the importer writes and the old file lacks is filled in); unless `reset`. The flags
 * (`overrides`) win over both.
 */
export function mergeFrontMatter(fresh: string, existing: string | undefined, overrides: Partial<ImportMeta>, reset: boolean): MergedFrontMatter {
  const m = /^---\n([\s\S]*?)\n---\n/.exec(fresh);
  const written = readFrontMatter(fresh);
  if (!m || !written) return { markdown: fresh, kept: [] };
  const old = existing === undefined || reset ? undefined : readFrontMatter(existing);
  const fields: Record<string, unknown> = { ...written };
  const kept: string[] = [];
  for (const [key, value] of Object.entries(old ?? {})) {
    if (OWN_FIELDS.has(key) || value === undefined || value === null || String(value) === String(fields[key] ?? '')) continue;
    fields[key] = value;
    kept.push(key);
  }
  for (const [key, value] of Object.entries(overrides) as [keyof ImportMeta, string | undefined][]) {
    if (value === undefined) continue;
    const field = FRONT_FIELDS[key];
    // An empty flag (`--translator ""`) removes a field found wrongly.
    fields[field] = value === '' ? undefined : value;
    const at = kept.indexOf(field);
    if (at >= 0) kept.splice(at, 1);
  }
  const rank = (key: string) => (key === 'source_file' ? Infinity : FIELD_ORDER.indexOf(key) < 0 ? FIELD_ORDER.length : FIELD_ORDER.indexOf(key));
  const ordered = Object.entries(fields)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => rank(a) - rank(b));
  const yaml = stringify(Object.fromEntries(ordered), { lineWidth: 0 }).trimEnd();
  return { markdown: `---\n${yaml}\n---\n${fresh.slice(m[0].length)}`, kept };
}
