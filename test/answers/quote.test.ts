import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_QUERY_LENGTH, quote, type Library } from '../../src/answers';
import type { Corpus } from '../../src/corpus';
import { render } from '../../src/render/render';
import { as, libraryOf, loadSeed, work } from '../helpers/library';

let corpus: Corpus;
let library: Library;
beforeAll(async () => ({ corpus, library } = await loadSeed()));

const LETTER = 'serge-letter-1936';
const REVIEW = 'life-and-death-review-2018';
const wordCount = (text: string) => text.split(/\s+/).length;
/** Passages holding a word that starts with one of `stems` (case-blind): what a query for them must find. */
const holding = (stems: string[], workId?: string) =>
  corpus.passages.filter((p) => (!workId || p.workId === workId) && stems.some((s) => new RegExp(`\\b${s}`, 'i').test(p.text)));

describe('/quote with words', () => {
  it('quotes the one passage that holds both words first, verbatim, with every match in bold', () => {
    const both = corpus.passages.filter((p) => /anarchists/.test(p.text) && /Catalonia/.test(p.text));
    expect(both).toHaveLength(1);
    const answer = as(quote(library, { query: 'anarchists Catalonia' }), 'quote');
    expect(answer.quotation.text).toBe(both[0]?.text);
    const words = answer.quotation.highlights.map((h) => answer.quotation.text.slice(h.start, h.end));
    const expected = [...(both[0]?.text ?? '').matchAll(/\b(?:anarchists|Catalonia)\b/gi)].map((m) => m[0]);
    expect(words).toEqual(expected);
    // The excerpt keeps in view the sentence holding both words, wherever it stands in the passage.
    const focus = answer.quotation.focus ?? { start: 0, end: 0 };
    expect(answer.quotation.text.slice(focus.start, focus.end)).toMatch(/anarchists[\s\S]*Catalonia|Catalonia[\s\S]*anarchists/);
    // Every passage with either word is a match to page through.
    expect(answer.paging).toEqual({ index: 0, total: holding(['anarchist', 'catalonia']).length, matches: holding(['anarchist', 'catalonia']).length });
  });

  it('pages through the same matches, and says so when a page has gone', () => {
    const total = holding(['anarchist', 'catalonia']).length;
    const seen = Array.from({ length: total }, (_, page) => as(quote(library, { query: 'anarchists Catalonia', page }), 'quote').quotation.seq);
    expect(new Set(seen).size).toBe(total);
    expect(quote(library, { query: 'anarchists Catalonia', page: total })).toEqual({
      kind: 'notice',
      tone: 'error',
      message: `“anarchists Catalonia” now has ${total} matches, so match ${total + 1} is no longer there. Run /quote again.`,
    });
  });

  it('scopes to a work given by id or by the beginning of its title', () => {
    const inReview = holding(['anarchist'], REVIEW);
    for (const w of [REVIEW, 'On The 80th Anniversary']) {
      const answer = as(quote(library, { query: 'anarchists', work: w }), 'quote');
      expect(answer.workId).toBe(REVIEW);
      expect(answer.quotation.workId).toBe(REVIEW);
      expect(answer.paging?.total).toBe(inReview.length);
    }
  });

  it('tells the reader when nothing matches, in scope or at all', () => {
    const title = work(corpus, REVIEW).meta.title;
    expect(holding(['hernandez'], REVIEW)).toEqual([]);
    expect(quote(library, { query: 'Hernandez', work: REVIEW })).toEqual({ kind: 'notice', tone: 'empty', message: `No passage matches “Hernandez” in ${title}.` });
    expect(quote(library, { query: 'xyzzyplugh' })).toEqual({ kind: 'notice', tone: 'empty', message: 'No passage matches “xyzzyplugh”.' });
    expect(quote(library, { query: 'anarchists', work: 'no-such-work' })).toEqual({
      kind: 'notice',
      tone: 'error',
      message: 'There is no work called “no-such-work”. Use /works to see the texts and their ids.',
    });
  });

  it('is private only when asked', () => {
    expect(as(quote(library, { query: 'Catalonia' }), 'quote').private).toBe(false);
    expect(as(quote(library, { query: 'Catalonia', private: true }), 'quote').private).toBe(true);
  });
});

describe('/quote with no words', () => {
  it('picks with the injected random number, only among passages long enough to stand alone', () => {
    const long = corpus.passages.filter((p) => wordCount(p.text) >= 12);
    expect(long.length).toBeLessThan(corpus.passages.length); // the salutation and the sign-off are skipped
    expect(as(quote(library, {}, () => 0), 'quote').quotation.text).toBe(long[0]?.text);
    expect(as(quote(library, {}, () => 0.999999), 'quote').quotation.text).toBe(long.at(-1)?.text);
    for (let i = 0; i < 50; i++) {
      const r = i / 50;
      const answer = as(quote(library, { query: '   ' }, () => r), 'quote');
      expect(answer.quotation.text).toBe(long[Math.floor(r * long.length)]?.text);
      expect(answer.query).toBeUndefined();
      expect(answer.paging).toBeUndefined();
    }
  });

  it('picks within the work asked for', () => {
    const long = work(corpus, LETTER).passages.filter((p) => wordCount(p.text) >= 12);
    const answer = as(quote(library, { work: LETTER }, () => 0.5), 'quote');
    expect(answer.workId).toBe(LETTER);
    expect(answer.quotation.text).toBe(long[Math.floor(0.5 * long.length)]?.text);
  });

  it('offers another random passage, not match paging', () => {
    const reply = render(quote(library, {}, () => 0));
    const labels = reply.data.components?.flatMap((r) => r.components.map((b) => b.label));
    expect(labels).toEqual(['Another passage', 'Context', 'Discuss', 'Cite']);
  });
});

describe('/quote input', () => {
  const noWords = (q: string) => `No passage matches “${q}”: it has no words to search for. Try a distinctive word from the text.`;
  it.each([
    ['a'.repeat(MAX_QUERY_LENGTH + 1), 'error', `That query is ${MAX_QUERY_LENGTH + 1} characters long; please keep it to ${MAX_QUERY_LENGTH} or fewer.`],
    ['🙂🙂', 'empty', noWords('🙂🙂')],
    ['the and of', 'empty', noWords('the and of')],
    ['**bold** _x_', 'empty', 'No passage matches “**bold** _x_”.'],
    ['<@123>', 'empty', 'No passage matches “<@123>”.'], // 123 is a word, found nowhere
  ])('%s → a notice', (query, tone, message) => {
    expect(quote(library, { query })).toEqual({ kind: 'notice', tone, message });
  });

  it('accepts a query of exactly the maximum length', () => {
    const query = `${'Catalonia '.repeat(20)}`.trim().padEnd(MAX_QUERY_LENGTH, 'x');
    expect(query).toHaveLength(MAX_QUERY_LENGTH);
    expect(quote(library, { query }).kind).toBe('quote');
  });
});

describe('/quote in a chapter with sub-headings', () => {
  const tocqueville = libraryOf(
    [
      '---',
      'id: democracy',
      'title: Democracy in America',
      'author: Alexis de Tocqueville',
      'source_file: democracy.txt',
      '---',
      '',
      '## Chapter XV: Unlimited Power Of The Majority, And Its Consequences {ch=15}',
      '',
      'The very essence of democratic government consists in the absolute sovereignty of the majority.',
      '',
      '### Tyranny Of The Majority',
      '',
      'I hold it to be an impious and an execrable maxim that, politically speaking, a people has a right to do whatsoever it pleases.',
      '',
      'When I refuse to obey an unjust law, I appeal from the sovereignty of the people to the sovereignty of mankind; the tyranny of the majority is no less a tyranny.',
    ].join('\n'),
  );

  it('never quotes the heading, and names it in the citation heading after the chapter', () => {
    const answer = as(quote(tocqueville, { query: 'the tyranny of the majority' }), 'quote');
    expect(answer.quotation.text).toMatch(/^When I refuse to obey an unjust law/);
    expect(answer.quotation.attribution.locator).toBe('ch. 15 ¶ 3');
    const embed = render(answer).data.embeds?.[0] as { title?: string } | undefined;
    expect(embed?.title).toBe('Democracy in America — Chapter XV: Unlimited Power Of The Majority, And Its Consequences — Tyranny Of The Majority');
  });
});
