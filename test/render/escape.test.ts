import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { footnote, quote, search, who, works, type Answer, type Attribution, type FootnoteView, type Quotation } from '../../src/answers';
import { renderChoices } from '../../src/render/choices';
import { escapeMarkdown, visibleControls } from '../../src/render/escape';
import { render } from '../../src/render/render';
import { foreignConstructs, renderedConstructs } from '../helpers/discord-markdown';
import { loadSeed, type Seed } from '../helpers/library';
import { inventedFragments, unmarkdown } from '../helpers/quoted';

let seed: Seed;
beforeAll(async () => (seed = await loadSeed()));

describe('escapeMarkdown', () => {
  it.each([
    ['@everyone', '\\@everyone'],
    ['hi @here!', 'hi \\@here!'],
    ['<@123>', '\\<@123>'],
    ['<@!123> <@&456> <#789> </quote:1> <id:home>', '\\<@!123> \\<@&456> \\<#789> \\</quote:1> \\<id:home>'],
    ['<t:0:R>', '\\<t:0:R>'],
    ['<:a:1> <a:b:2>', '\\<:a:1> \\<a:b:2>'],
    ['**x**', '\\*\\*x\\*\\*'],
    ['_x_', '\\_x\\_'],
    ['`', '\\`'],
    ['```js', '\\`\\`\\`js'],
    ['~~x~~ ||y||', '\\~\\~x\\~\\~ \\|\\|y\\|\\|'],
    ['# heading', '\\# heading'],
    ['### heading', '\\### heading'],
    ['-# small text', '\\-# small text'],
    ['- item', '\\- item'],
    ['+ item', '\\+ item'],
    ['* item', '\\* item'],
    ['2. We are', '2\\. We are'],
    ['> quote', '\\> quote'],
    ['>>> quote', '\\>>> quote'],
    ['  # indented', '  \\# indented'],
    ['a \\ b', 'a \\\\ b'],
    ['plain words, 1936 – “quoted” - a dash, #5 and 3 > 2', 'plain words, 1936 – “quoted” - a dash, #5 and 3 > 2'],
    ['a < b and x@y.org', 'a \\< b and x@y.org'],
    // Every masked link on the line, not just the first (the reported /who link).
    ['Hernandes [x](http://a) [Click to verify your account](https://evil.example)', 'Hernandes \\[x\\](http\\://a) \\[Click to verify your account\\](https\\://evil.example)'],
    // An earlier `<:` or `<a:` does not switch off the escaping of `_` and `__`.
    ['Hernandes <:a: __underlined__', 'Hernandes \\<:a: \\_\\_underlined\\_\\_'],
    ['<a: _x_', '\\<a: \\_x\\_'],
    ['see https://evil.example/x or discord.gg/abc', 'see https\\://evil.example/x or discord\\.gg/abc'],
  ])('%j → %j: reads back as written and renders as nothing but text', (text, escaped) => {
    expect(escapeMarkdown(text)).toBe(escaped);
    expect(unmarkdown(escapeMarkdown(text))).toBe(text);
    expect(renderedConstructs(escapeMarkdown(text))).toEqual([]);
  });

  it('shows a line break as a space, so no template character after it starts a line', () => {
    expect(escapeMarkdown('a\n# b\r\n- c\r> d\u2028e')).toBe('a # b  - c > d e');
    expect(renderedConstructs(`Footnote 1 of *${escapeMarkdown('A title\n')}* glosses the name:`).map((c) => c.kind)).not.toContain('list');
  });
});

describe('the Discord Markdown checker', () => {
  it.each([
    ['[a](http://x) and [b](https://y)', ['masked link', 'link', 'masked link', 'link']],
    ['# h', ['heading']],
    ['> ## h', ['block quote', 'heading']],
    ['-# small', ['small text']],
    ['- a', ['list']],
    ['1. a', ['list']],
    ['`code` ||spoiler|| ~~gone~~ __under__ **bold** *it*', ['code', 'spoiler', 'strikethrough', 'underline', 'bold', 'italic']],
    ['<@1> <@&2> <#3> </x:4> <t:5:R> <:e:6> @everyone @here', ['mention', 'mention', 'mention', 'slash command', 'timestamp', 'emoji', 'everyone', 'everyone']],
    ['<https://x.org> discord.gg/abc', ['link', 'link']],
    ['\\# \\[a\\](b) \\<@1> \\@here https\\://x', []],
  ])('finds what Discord would render in %j', (markdown, kinds) => {
    expect(renderedConstructs(markdown).map((c) => c.kind)).toEqual(kinds);
  });
});

describe('visibleControls', () => {
  it('shows ESC, OSC 52, BEL, CR, DEL and C1 controls as symbols, and keeps tabs and newlines', () => {
    expect(visibleControls('a\u001b]52;c;aGk=\u0007b\u001b[2Jc\rd\u007f\u009b\te\nf')).toBe('a␛]52;c;aGk=␇b␛[2Jc␍d␡\uFFFD\te\nf');
  });

  it('cleans autocomplete choice names, not their values', () => {
    const reply = renderChoices([{ name: 'Bad\u001b[31m name', value: 'v\u0007' }]);
    expect(reply.data.choices).toEqual([{ name: 'Bad␛[31m name', value: 'v\u0007' }]);
  });
});

/** Everything Discord renders, with words and whitespace between: the raw material of hostile text. */
const CONSTRUCTS = [
  '[x](http://a)',
  '[Click to verify your account](https://evil.example)',
  '](',
  '# ',
  '## ',
  '### ',
  '-# ',
  '- ',
  '* ',
  '+ ',
  '1. ',
  '> ',
  '>>> ',
  '`',
  '```',
  '||',
  '*',
  '**',
  '_',
  '__',
  '~~',
  '<t:0:R>',
  '<:a:1>',
  '<a:b:2>',
  '<:a:',
  '<a:',
  '<@1>',
  '<@!1>',
  '<@&1>',
  '<#1>',
  '</x:1>',
  '<id:home>',
  '@everyone',
  '@here',
  'https://evil.example/x',
  '<https://evil.example>',
  'discord.gg/abc',
  '\\',
  '\n',
  '\r\n',
  ' ',
  '  ',
  'word',
  'x',
  '1',
  'é',
  '(',
  ')',
  '[',
  ']',
  '<',
  '>',
  ':',
  '.',
];
const hostile = fc.oneof(
  fc.array(fc.constantFrom(...CONSTRUCTS), { minLength: 1, maxLength: 14 }).map((parts) => parts.join('')),
  fc.array(fc.constantFrom(...CONSTRUCTS), { minLength: 1, maxLength: 14 }).map((parts) => parts.join(' ')),
);

const OWN_URL = 'https://example.org/a/text';
const attributionArb: fc.Arbitrary<Attribution> = fc.record({
  workId: fc.constant('w'),
  title: hostile,
  author: hostile,
  date: hostile,
  locator: fc.constant('¶ 1'),
  translator: hostile,
  source: hostile,
  license: hostile,
  url: fc.constant(OWN_URL),
});
const noteArb: fc.Arbitrary<FootnoteView> = fc.record({
  workId: fc.constant('w'),
  key: fc.constant('0:1'),
  label: hostile,
  chapter: fc.constant(0),
  locator: fc.constant('n. 1'),
  text: hostile,
});
const quotationArb: fc.Arbitrary<Quotation> = fc
  .record({ text: hostile, attribution: attributionArb, footnotes: fc.array(noteArb, { maxLength: 3 }), a: fc.nat(), b: fc.nat() })
  .map(({ text, attribution, footnotes, a, b }) => {
    const start = a % text.length;
    const end = Math.min(text.length, start + 1 + (b % 12));
    return { workId: 'w', seq: 0, text, highlights: [{ start, end }], focus: { start, end }, footnotes, attribution };
  });

/** Answers of every kind whose every corpus string and echoed query is hostile. */
const hostileAnswer: fc.Arbitrary<Answer> = fc.oneof(
  fc.record({ q: quotationArb, query: hostile }).map(({ q, query }): Answer => ({ kind: 'quote', query, quotation: q, paging: { index: 0, total: 2 }, private: false })),
  fc.record({ results: fc.array(quotationArb, { minLength: 1, maxLength: 3 }), query: hostile }).map(
    ({ results, query }): Answer => ({ kind: 'search', query, workId: 'w', results, paging: { index: 0, total: 1 }, pageSize: 5 }),
  ),
  fc
    .record({ name: hostile, query: hostile, aliases: fc.array(hostile, { maxLength: 3 }), glosses: fc.array(fc.tuple(noteArb, attributionArb), { maxLength: 2 }), mentions: fc.array(quotationArb, { maxLength: 2 }) })
    .map(({ name, query, aliases, glosses, mentions }): Answer => ({
      kind: 'who',
      name,
      query,
      exact: false,
      aliases,
      glosses: glosses.map(([footnote, attribution]) => ({ footnote, attribution })),
      mentions,
      mentionCount: mentions.length,
      passageCount: mentions.length,
    })),
  fc.record({ note: noteArb, anchor: quotationArb }).map(({ note, anchor }): Answer => ({ kind: 'footnote', footnote: note, anchor })),
  fc.array(quotationArb, { minLength: 1, maxLength: 3 }).map((passages): Answer => ({ kind: 'context', passages, centre: 0 })),
  fc.array(fc.record({ attribution: attributionArb, recipient: hostile }), { minLength: 1, maxLength: 3 }).map(
    (list): Answer => ({ kind: 'works', works: list.map((w) => ({ ...w, passages: 1, footnotes: 1, chapters: 0 })), count: list.length, paging: { index: 0, total: 1 } }),
  ),
  fc.record({ message: hostile, suggestions: fc.array(hostile, { maxLength: 3 }) }).map(({ message, suggestions }): Answer => ({ kind: 'notice', tone: 'empty', message, suggestions })),
);

describe('no reply renders Markdown it did not write itself', () => {
  it('for any corpus text, title, name, note or metadata, and any echoed query', () => {
    fc.assert(
      fc.property(hostileAnswer, (answer) => {
        for (const reply of [render(answer), render(answer, { update: true })]) {
          expect(foreignConstructs(reply, [OWN_URL])).toEqual([]);
          if (answer.kind === 'quote' || answer.kind === 'footnote') {
            const texts = [answer.kind === 'quote' ? answer.quotation.text : answer.anchor.text, ...(answer.kind === 'quote' ? answer.quotation.footnotes : [answer.footnote]).map((f) => f.text)];
            // A line break shows as a space; every other character as written.
            expect(inventedFragments(reply, texts.map((t) => t.replace(/[\n\r]/g, ' ')))).toEqual([]);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('for any query, over the seed corpus', () => {
    const { library } = seed;
    fc.assert(
      fc.property(hostile, (q) => {
        const answers = [quote(library, { query: q }), search(library, { query: q }), who(library, { name: q }), footnote(library, { number: q }), works(library)];
        for (const answer of answers) expect(foreignConstructs(render(answer), seed.corpus.works.flatMap((w) => (w.meta.url ? [w.meta.url] : [])))).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('the reported /who link is shown as text', () => {
    const reply = render(who(seed.library, { name: 'Hernandes [x](http://a) [Click to verify your account](https://evil.example)' }));
    const text = JSON.stringify(reply.data);
    expect(text).toContain('Click to verify your account');
    expect(foreignConstructs(reply)).toEqual([]);
  });
});
