import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  context,
  footnote,
  quote,
  search,
  who,
  type Answer,
  type Attribution,
  type FootnoteView,
  type Quotation,
} from '../../src/answers';
import { renderChoices } from '../../src/render/choices';
import { excerptRange } from '../../src/render/limits';
import { render } from '../../src/render/render';
import { loadSeed, quotableTexts, type Seed } from '../helpers/library';
import { limitViolations, mentionableTexts, UNESCAPED_MENTION } from '../helpers/limits';
import { inventedFragments } from '../helpers/quoted';

let seed: Seed;
let texts: string[];
let corpusWords: string[];
beforeAll(async () => {
  seed = await loadSeed();
  texts = quotableTexts(seed.corpus);
  corpusWords = [...new Set(texts.flatMap((t) => t.split(/\s+/)))];
});

const RUNS = { numRuns: 150 };
const NASTY = ['@everyone', '@here', '<@123>', '<@&1>', '**', '__', '_x_', '`', '```', '~~', '||', '> ', '# ', '- ', '1. ', '\\', '[a](http://x)', '🙂', '👩‍👩‍👧', 'é', '\u0301', '\u200b', '|', '"', '“', '[3]', '[^2]'];

/** Queries as people type them: corpus words, random text, unicode, Markdown and mentions, mixed. */
const query = () =>
  fc.oneof(
    fc.array(fc.constantFrom(...corpusWords), { minLength: 1, maxLength: 8 }).map((w) => w.join(' ')),
    fc.string({ maxLength: 60 }),
    fc.string({ unit: 'grapheme', maxLength: 40 }),
    fc.array(fc.oneof(fc.constantFrom(...corpusWords), fc.constantFrom(...NASTY)), { minLength: 1, maxLength: 10 }).map((w) => w.join(' ')),
    fc.array(fc.oneof(fc.constantFrom(...corpusWords), fc.constantFrom(...NASTY)), { minLength: 1, maxLength: 10 }).map((w) => w.join('')),
  );

/** Every command a query can reach, over the real corpus. */
function answersFor(q: string, page: number, workIndex: number): Answer[] {
  const { library, corpus } = seed;
  const work = corpus.works[workIndex]?.meta.id;
  return [
    quote(library, { query: q }),
    quote(library, { query: q, page, work }),
    search(library, { query: q }),
    search(library, { query: q, page, work }),
    who(library, { name: q }),
    who(library, { name: q, work }),
    footnote(library, { number: q }),
    footnote(library, { number: q, work }),
  ];
}

const pageArb = fc.nat({ max: 3 });
const workArb = fc.nat({ max: 2 }); // 2 is past the seed's works: no scope

describe('properties over the seed corpus', () => {
  it('verbatim: every quoted fragment of every reply is the corpus’s own text', () => {
    fc.assert(
      fc.property(query(), pageArb, workArb, (q, page, w) => {
        for (const answer of answersFor(q, page, w)) {
          expect(inventedFragments(render(answer), texts), JSON.stringify(answer).slice(0, 300)).toEqual([]);
        }
      }),
      RUNS,
    );
  });

  it('limits and mentions: every reply fits Discord and can ping no one', () => {
    fc.assert(
      fc.property(query(), pageArb, workArb, (q, page, w) => {
        for (const answer of answersFor(q, page, w)) {
          for (const reply of [render(answer), render(answer, { update: true })]) {
            expect(limitViolations(reply)).toEqual([]);
            expect(reply.data.allowed_mentions).toEqual({ parse: [] });
            for (const text of mentionableTexts(reply)) expect(text).not.toMatch(UNESCAPED_MENTION);
          }
        }
      }),
      RUNS,
    );
  });

  it('limits for every passage, footnote and name the corpus holds', () => {
    const { library, corpus } = seed;
    const answers: Answer[] = [
      ...corpus.passages.map((_p, i) => quote(library, {}, () => i / corpus.passages.length)),
      ...corpus.passages.map((p) => context(library, { workId: p.workId, seq: p.seq })),
      ...corpus.works.flatMap((w) => w.footnotes.map((f) => footnote(library, { number: f.label, work: w.meta.id }))),
      ...library.names.entries.flatMap((e) => e.aliases.map((name) => who(library, { name }))),
    ];
    for (const answer of answers) {
      expect(answer.kind).not.toBe('notice');
      const reply = render(answer);
      expect(limitViolations(reply)).toEqual([]);
      expect(inventedFragments(reply, texts)).toEqual([]);
    }
    for (const typed of ['', 'a', 'Trotsky', '3']) {
      for (const command of seed.app.registry.values()) {
        for (const option of command.data.toJSON().options ?? []) {
          if (!('autocomplete' in option && option.autocomplete) || !command.choices) continue;
          expect(limitViolations(renderChoices(command.choices({ name: option.name, value: typed }, {}, seed.app)))).toEqual([]);
        }
      }
    }
  });
});

// Synthetic answers: longer texts, titles and lists than the seed corpus has, to press on every limit.
const word = fc.oneof(
  { weight: 8, arbitrary: fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzéü'), minLength: 1, maxLength: 12 }) },
  { weight: 1, arbitrary: fc.constantFrom(...NASTY) },
);
const prose = (maxWords: number) =>
  fc.array(fc.tuple(word, fc.constantFrom(' ', ' ', ' ', ', ', '. ', '! ', '? ')), { minLength: 1, maxLength: maxWords, size: 'max' }).map((parts) => parts.map(([w, sep]) => w + sep).join('').trim() || 'x');
const line = (max: number) => prose(max).map((t) => t.slice(0, max * 8).trim() || 'x');

const attributionArb: fc.Arbitrary<Attribution> = fc.record(
  {
    workId: fc.constantFrom('w', 'a-long-work-id-of-forty-eight-characters-exactly'),
    title: line(40),
    author: line(15),
    date: fc.constantFrom('1936-08-10', 'c. 1900'),
    locator: fc.constantFrom('¶ 1', 'ch. 12 ¶ 345'),
    translator: line(12),
    source: line(40),
    license: line(25),
    url: fc.constant('https://example.org/a/long/path'),
  },
  { requiredKeys: ['workId', 'title', 'locator'] },
);
const noteArb: fc.Arbitrary<FootnoteView> = fc.record({
  workId: fc.constant('w'),
  key: fc.string({ maxLength: 5 }),
  label: fc.constantFrom('1', '12', 'a', '†'),
  chapter: fc.nat({ max: 40 }),
  locator: fc.constantFrom('n. 1', 'ch. 12 n. 123'),
  text: prose(150),
});
const quotationArb: fc.Arbitrary<Quotation> = fc
  .record({ text: prose(900), attribution: attributionArb, footnotes: fc.array(noteArb, { maxLength: 10, size: 'max' }), seq: fc.nat({ max: 99_999 }), a: fc.nat(), b: fc.nat(), focusOnly: fc.boolean() })
  .map(({ text, attribution, footnotes, seq, a, b, focusOnly }) => {
    const start = a % text.length;
    const end = Math.min(text.length, start + 1 + (b % 40));
    return { workId: attribution.workId, seq, text, highlights: [{ start, end }], focus: { start, end }, focusOnly, footnotes, attribution };
  });
const syntheticAnswer: fc.Arbitrary<Answer> = fc.oneof(
  fc.record({ q: quotationArb, query: line(25), total: fc.integer({ min: 1, max: 50 }), private: fc.boolean() }).map(
    ({ q, query, total, private: p }): Answer => ({ kind: 'quote', query, workId: q.workId, quotation: q, paging: { index: total - 1, total }, private: p }),
  ),
  fc.record({ results: fc.array(quotationArb, { minLength: 1, maxLength: 5 }), query: line(25), page: fc.nat({ max: 9 }) }).map(
    ({ results, query, page }): Answer => ({ kind: 'search', query, workId: 'w', results, paging: { index: page, total: 10 }, pageSize: 5 }),
  ),
  fc
    .record({
      name: line(8),
      query: line(8),
      exact: fc.boolean(),
      aliases: fc.array(line(6), { maxLength: 40, size: 'max' }),
      glosses: fc.array(fc.tuple(noteArb, attributionArb), { maxLength: 8, size: 'max' }),
      mentions: fc.array(quotationArb, { maxLength: 3 }),
      extra: fc.nat({ max: 500 }),
    })
    .map(({ name, query, exact, aliases, glosses, mentions, extra }): Answer => ({
      kind: 'who',
      name,
      query,
      exact,
      aliases,
      glosses: glosses.map(([footnote, attribution]) => ({ footnote, attribution })),
      mentions,
      mentionCount: mentions.length + extra,
      passageCount: mentions.length + extra,
    })),
  fc.record({ note: noteArb, anchor: quotationArb }).map(({ note, anchor }): Answer => ({ kind: 'footnote', footnote: note, anchor: { ...anchor, focusOnly: true } })),
  fc.record({ passages: fc.array(quotationArb, { minLength: 1, maxLength: 3 }), c: fc.nat() }).map(({ passages, c }): Answer => ({ kind: 'context', passages, centre: c % passages.length })),
  fc.record({ message: line(60), suggestions: fc.array(line(5), { maxLength: 5 }) }).map(({ message, suggestions }): Answer => ({ kind: 'notice', tone: 'empty', message, suggestions })),
);

describe('properties over synthetic answers', () => {
  it('every reply fits Discord’s limits, mentions no one, and quotes only the answer’s texts', () => {
    fc.assert(
      fc.property(syntheticAnswer, (answer) => {
        const own = JSON.stringify(answer);
        const quotable = [
          ...[...own.matchAll(/"text":"((?:[^"\\]|\\.)*)"/g)].map((m) => JSON.parse(`"${m[1]}"`) as string),
        ];
        for (const reply of [render(answer), render(answer, { update: true })]) {
          expect(limitViolations(reply)).toEqual([]);
          expect(reply.data.allowed_mentions).toEqual({ parse: [] });
          for (const text of mentionableTexts(reply)) expect(text).not.toMatch(UNESCAPED_MENTION);
          if (answer.kind !== 'notice') expect(inventedFragments(reply, quotable)).toEqual([]);
        }
      }),
      { numRuns: 60, endOnFailure: true },
    );
  });
});

describe('excerptRange', () => {
  it('never cuts inside a word and never exceeds the room', () => {
    fc.assert(
      fc.property(prose(200), fc.integer({ min: 30, max: 600 }), fc.option(fc.tuple(fc.nat(), fc.nat({ max: 12 }))), (text, max, f) => {
        const at = f ? f[0] % text.length : 0;
        // A focus is a span of words: a match, a name or a marker never ends in whitespace.
        const focus = f ? { start: at, end: at + text.slice(at, Math.min(text.length, at + f[1])).trimEnd().length } : undefined;
        const r = excerptRange(text, max, focus);
        expect(r.start).toBeGreaterThanOrEqual(0);
        expect(r.end).toBeLessThanOrEqual(text.length);
        expect(r.end - r.start).toBeLessThanOrEqual(max);
        expect(r.end).toBeGreaterThan(r.start);
        expect(r.start === 0 || /\s/.test(text[r.start - 1] ?? '')).toBe(true);
        expect(r.end === text.length || /\s/.test(text[r.end] ?? '')).toBe(true);
        // A focus is a word or more (a match, a name, a marker), starting where a word starts: it is kept in view.
        // (Its trailing spaces are not: the excerpt is trimmed there, as everywhere.)
        const wordStart = focus && (focus.start === 0 || /\s/.test(text[focus.start - 1] ?? ''));
        if (focus && wordStart && focus.end > focus.start && /\S/.test(text[focus.start] ?? '') && /\S/.test(text[focus.end - 1] ?? '') && focus.end - focus.start < max / 3) {
          expect(r.start <= focus.start && focus.end <= r.end, JSON.stringify({ r, focus })).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
