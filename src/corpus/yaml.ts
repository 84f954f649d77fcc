import { isAlias, LineCounter, parseDocument, visit, type Document } from 'yaml';

/** More alias expansions than this is an alias bomb (or a file no person wrote): refused, never expanded. */
export const MAX_ALIAS_COUNT = 100;

export interface YamlProblem {
  /** 1-based, within the YAML text given. */
  line: number;
  message: string;
}

export type ParsedYaml = { ok: true; value: unknown; doc: Document.Parsed; lineOf: (offset: number | undefined) => number } | { ok: false; problems: YamlProblem[] };

/** Parses corpus YAML (front matter, people.yml): syntax errors and alias bombs come back as problems with a line, never thrown. */
export function parseYaml(text: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const lineOf = (offset: number | undefined) => (offset === undefined ? 1 : lineCounter.linePos(offset).line);
  if (doc.errors.length) return { ok: false, problems: doc.errors.map((e) => ({ line: lineOf(e.pos[0]), message: e.message.split('\n')[0] ?? '' })) };
  try {
    return { ok: true, value: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), doc, lineOf };
  } catch (err) {
    if (!(err instanceof ReferenceError)) throw err;
    let first: number | undefined;
    visit(doc, {
      Alias(_key, node) {
        if (isAlias(node)) first = node.range?.[0];
        return visit.BREAK;
      },
    });
    return { ok: false, problems: [{ line: lineOf(first), message: `aliases expand too far (over ${MAX_ALIAS_COUNT} uses of anchors): write the values out` }] };
  }
}
