import { beforeAll, describe, expect, it } from 'vitest';
import { footnoteChoices, MAX_CHOICES, nameChoices, queryChoices, workChoices, type Choice, type Library } from '../../src/answers';
import type { Corpus } from '../../src/corpus';
import { renderChoices } from '../../src/render/choices';
import { loadSeed } from '../helpers/library';

let corpus: Corpus;
let library: Library;
beforeAll(async () => ({ corpus, library } = await loadSeed()));

const TYPED = ['', ' ', 'a', 'Tr', 'trotsky', 'Natal', 'N.I', 'Hernandes', 'anarch', '3', 'n. 2', 'Letter', 'xyzzy', '🙂', '@everyone', 'x'.repeat(300)];
const sources: [string, (typed: string) => Choice[]][] = [
  ['works', (t) => workChoices(library, t)],
  ['names', (t) => nameChoices(library, t)],
  ['footnotes', (t) => footnoteChoices(library, t)],
  ['queries', (t) => queryChoices(library, t)],
];

describe('autocomplete', () => {
  it.each(sources)('%s: at most 25 choices whose values fit Discord as they are', (_name, choices) => {
    for (const typed of TYPED) {
      const list = choices(typed);
      expect(list.length).toBeLessThanOrEqual(MAX_CHOICES);
      // A value is sent back as the option: it must never need cutting.
      for (const c of list) expect(c.value.length, c.value).toBeLessThanOrEqual(100);
      const rendered = renderChoices(list).data.choices;
      expect(rendered.length).toBeLessThanOrEqual(25);
      for (const c of rendered) {
        expect(c.name.length).toBeGreaterThan(0);
        expect(c.name.length).toBeLessThanOrEqual(100);
        expect(c.value.length).toBeLessThanOrEqual(100);
      }
      expect(rendered.map((c) => c.value)).toEqual(list.map((c) => c.value).filter((v, i, all) => all.indexOf(v) === i));
    }
  });

  it('a long title is clipped at a word and marked […]; its value stays the id', () => {
    const long = corpus.works.find((w) => w.meta.title.length > 100);
    expect(long).toBeDefined();
    const choice = renderChoices(workChoices(library, '')).data.choices.find((c) => c.value === long?.meta.id);
    expect(choice?.name.endsWith(' […]')).toBe(true);
    expect(long?.meta.title.startsWith(choice?.name.slice(0, -4) ?? '∅')).toBe(true);
  });

  it('names: the people the texts hold, prefix and typo tolerant', () => {
    expect(nameChoices(library, 'Natal').map((c) => c.value)).toContain('Natalia Sedova');
    expect(nameChoices(library, 'Hernandes').map((c) => c.value)).toContain('Jesus Hernandez');
    // Names the texts hold, and names the metadata credits ("Mitch Abidor", the translator).
    const credited = corpus.works.flatMap((w) => [w.meta.author, w.meta.translator]).filter((n): n is string => Boolean(n));
    const names = new Set([...library.names.entries.map((e) => e.name), ...credited]);
    expect(nameChoices(library, 'abid')[0]?.value).toBe('Mitch Abidor');
    for (const typed of TYPED) for (const c of nameChoices(library, typed)) expect(names.has(c.value)).toBe(true);
  });

  it('footnotes: each label with its note, previewed verbatim', () => {
    const notes = corpus.works.flatMap((w) => w.footnotes);
    expect(footnoteChoices(library, '')).toEqual(notes.map((f) => ({ name: `${f.label} — ${f.text}`, value: f.label })));
    expect(footnoteChoices(library, 'n. 2').map((c) => c.value)).toEqual(['2']);
  });

  it('queries: openings of matching passages, whole words, which find their passage first', () => {
    for (const c of queryChoices(library, 'anarch')) {
      const passage = corpus.passages.find((p) => p.text.startsWith(c.value));
      expect(passage, c.value).toBeDefined();
      const next = passage?.text[c.value.length];
      expect(next === undefined || /[\s,;:]/.test(next)).toBe(true);
    }
  });
});
