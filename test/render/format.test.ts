import { describe, expect, it } from 'vitest';
import { notice, type QuoteAnswer } from '../../src/answers';
import { escapeMarkdown as escape } from '../../src/render/escape';
import { attributionLine, quoteMarkdown } from '../../src/render/format';
import { render } from '../../src/render/render';
import { quotedFragments, unmarkdown } from '../helpers/quoted';

describe('quoteMarkdown', () => {
  it('quotes corpus text with markdown and mentions escaped, highlights in bold', () => {
    const text = 'Tell @everyone: **not bold** and _not italic_ to <@123>, `not code`.';
    const start = text.indexOf('bold');
    const md = quoteMarkdown({ text, highlights: [{ start, end: start + 4 }] }, 500);
    expect(md).toBe('> Tell \\@everyone: \\*\\*not **bold**\\*\\* and \\_not italic\\_ to \\<@123>, \\`not code\\`.');
    expect(unmarkdown(md.slice(2))).toBe(text);
  });

  it('cuts long text at sentences, marked […], within the room given', () => {
    const text = 'First sentence here. Second one follows. Third ends it.';
    const focus = text.indexOf('Second');
    const md = quoteMarkdown({ text, focus: { start: focus, end: focus + 6 } }, 40);
    expect(md.length).toBeLessThanOrEqual(40);
    expect(md).toBe('> […] Second one follows. […]');
  });
});

describe('echoed input is escaped wherever it is shown', () => {
  it.each(['@everyone', '<@123>', '**x**', '_x_', '`rm -rf`'])('%j in a notice', (input) => {
    const reply = render(notice('empty', `No one named “${input}” appears in the texts.`, [input]));
    expect(reply.data.content).toBe(`No one named “${escape(input)}” appears in the texts.\nDid you mean: ${escape(input)}?`);
    expect(reply.data.content).not.toMatch(/(?<!\\)@(everyone|here)|(?<!\\)<@/);
  });

  it('in a /search title and a /quote of corpus text', () => {
    const quotation = {
      workId: 'w',
      seq: 0,
      text: 'Ping @everyone and <@1> with **stars**.',
      highlights: [],
      footnotes: [],
      attribution: { workId: 'w', title: '*Starred* @here', locator: '¶ 1' },
    };
    const quote: QuoteAnswer = { kind: 'quote', quotation, private: false };
    const embed = render(quote).data.embeds?.[0];
    expect(embed?.title).toBe('\\*Starred\\* \\@here');
    expect(embed?.description).toBe('> Ping \\@everyone and \\<@1> with \\*\\*stars\\*\\*.');
    expect(quotedFragments(render(quote))).toEqual([quotation.text]);
    const search = render({ kind: 'search', query: '@everyone **x**', results: [quotation], paging: { index: 0, total: 1 }, pageSize: 5 });
    expect(search.data.embeds?.[0]?.title).toBe('Passages matching “\\@everyone \\*\\*x\\*\\*”');
  });
});

describe('match counts', () => {
  it.each([
    [{ index: 2, total: 12, matches: 12 }, 'Match 3 of 12'],
    [{ index: 0, total: 50, matches: 1938 }, 'Match 1 of the best 50 (1,938 passages match)'],
  ])('says %j as "%s", never a cap that reads as a count', (paging, expected) => {
    const q = { workId: 'w', seq: 0, text: 'Text.', highlights: [], footnotes: [], attribution: { workId: 'w', title: 'T', locator: '¶ 1' } };
    const reply = render({ kind: 'quote', query: 'text', quotation: q, paging, private: false });
    expect(reply.data.embeds?.[0]?.footer?.text.split('\n')[0]).toBe(expected);
  });
});

describe('the attribution line', () => {
  const meditations = { workId: 'meditations', title: 'Meditations', locator: 'bk. 2 ¶ 1' };
  it.each([
    // No author in the metadata: the line leaves the author out, never "Author not named".
    [meditations, 'Meditations · bk. 2 ¶ 1'],
    [{ ...meditations, author: 'Marcus Aurelius', translator: 'George Long', license: 'Public domain' }, 'Marcus Aurelius · Meditations · bk. 2 ¶ 1 · translated by George Long · licence: Public domain'],
    // Words not the author's name whose they are.
    [{ ...meditations, author: 'Marcus Aurelius', role: 'transcriber' as const, section: 'Note' }, 'Note by the transcriber · Meditations · bk. 2 ¶ 1'],
    // The short title heads it; the full title stays in /works.
    [{ workId: 'wealth', title: 'An Inquiry into the Nature and Causes of the Wealth of Nations', shortTitle: 'The Wealth of Nations', author: 'Adam Smith', locator: 'bk. 1 ch. 2 ¶ 2' }, 'Adam Smith · The Wealth of Nations · bk. 1 ch. 2 ¶ 2'],
  ])('%j reads %s', (attribution, line) => {
    expect(attributionLine(attribution)).toBe(line);
  });
});
