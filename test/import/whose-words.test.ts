import { describe, expect, it } from 'vitest';
import { parseWork, type Work } from '../../src/corpus';
import { readableText, parseBookHtml } from '../../src/corpus/sources';
import { importText, planText, writeMarkdown, type BookTree } from '../../src/import';

/** The book imported as `npm run import` writes it, read back by the corpus. */
function imported(name: string, text: string): { tree: BookTree; work: Work } {
  const tree = importText(name, text);
  expect(tree.unplaced).toEqual([]);
  const { work, problems } = parseWork(writeMarkdown(tree, 'book', name), 'book.md');
  expect(problems).toEqual([]);
  if (!work) throw new Error('no work');
  return { tree, work };
}

const texts = (work: Work) => work.passages.map((p) => p.text);
const leftOut = (tree: BookTree) => tree.leftOut.map((l) => `${l.kind} ${l.line}${l.endLine && l.endLine !== l.line ? `–${l.endLine}` : ''}`);

/** A small Gutenberg plain text: header, the given body, licence. */
const gutenberg = (body: string[]) =>
  [
    'The Project Gutenberg eBook of Democracy in America, by Alexis de Tocqueville',
    '',
    'Title: Democracy in America',
    '',
    'Author: Alexis de Tocqueville',
    '',
    '*** START OF THE PROJECT GUTENBERG EBOOK DEMOCRACY IN AMERICA ***',
    '',
    '',
    ...body,
    '',
    '*** END OF THE PROJECT GUTENBERG EBOOK DEMOCRACY IN AMERICA ***',
    '',
  ].join('\n');

const PROSE = [
  'Amongst the novel objects that attracted my attention during my stay in',
  'the United States, nothing struck me more forcibly than the general',
  'equality of conditions.',
];

describe('a contents list', () => {
  it.each([
    ['one space', ' '],
    ['no', ''],
    ['four spaces', '    '],
  ])('whose lines are indented by %s is left out whole, and its entries still confirm headings', (_, pad) => {
    const { tree, work } = imported(
      'book.txt',
      gutenberg([
        'Contents',
        '',
        `${pad}Introductory Chapter`,
        `${pad}Chapter I: Exterior Form Of North America`,
        `${pad}Chapter II: Why The People May Strictly Be Said To Govern In The`,
        `${pad}  United States`,
        `${pad}Conclusion`,
        '',
        '',
        '',
        'Introductory Chapter',
        '',
        ...PROSE,
        '',
        '',
        'Chapter I: Exterior Form Of North America',
        '',
        'North America presents in its external form certain general features.',
        '',
        '',
        'Chapter II: Why The People May Strictly Be Said To Govern In The United States',
        '',
        'In America the people appoints the legislative and the executive power.',
        '',
        '',
        'Conclusion',
        '',
        'I have now nearly reached the close of my inquiry.',
      ]),
    );
    expect(texts(work).filter((t) => t.includes('Chapter I:'))).toEqual([]);
    expect(work.chapters.map((c) => c.locator || c.title)).toEqual(['Introductory Chapter', 'ch. 1', 'ch. 2', 'Conclusion']);
    expect(leftOut(tree)).toContain('contents 10–16');
  });
});

describe('a title page in HTML', () => {
  const page = [
    '<html><body>',
    '<div class="mynote"><p>Transcriber\'s Note: Page numbers appear in the right margin.</p></div>',
    '<h1>THE ORIGIN OF THE FAMILY BY FREDERICK ENGELS</h1>',
    '<p class="bold"><i>TRANSLATED BY ERNEST UNTERMANN</i></p>',
    '<p class="bold">CHICAGO<br />CHARLES H. KERR &amp; COMPANY<br />1908</p>',
    '<p>Copyright, 1902<br />By Charles H. Kerr &amp; Company</p>',
    "<h2>TRANSLATOR'S PREFACE.</h2>",
    '<p>An eternal being created human society as it is to-day, the preachers say.</p>',
    '<h2>CHAPTER I. PREHISTORIC STAGES.</h2>',
    '<p>Morgan was the first to make an attempt at introducing a logical order.</p>',
    '</body></html>',
  ].join('\n');

  it('after a transcriber’s note is left out: the translator credit, imprint and copyright are never passages', () => {
    const { tree, work } = imported('engels.htm', page);
    expect(texts(work)).toEqual(['An eternal being created human society as it is to-day, the preachers say.', 'Morgan was the first to make an attempt at introducing a logical order.']);
    expect(leftOut(tree)).toEqual(['transcriber note 2', 'title page 3–6']);
    expect(tree.meta.translator).toBe('ERNEST UNTERMANN');
  });
});

describe('preformatted text in HTML', () => {
  const page = [
    '<html><body>',
    '<h1>THE PRINCE</h1>',
    '<h2>by Nicolo Machiavelli</h2>',
    '<pre xml:space="preserve">',
    '<i>',
    'Nicolo Machiavelli, born at Florence on 3rd May 1469. From 1494 to 1512',
    'held an official post at Florence.',
    '</i>',
    '</pre>',
    '<h2>DEDICATION</h2>',
    '<pre xml:space="preserve"><i>',
    'To the Magnificent Lorenzo Di Piero De\' Medici:',
    '',
    'Those who strive to obtain the good graces of a prince are accustomed',
    'to come before him with such things as they hold most precious &amp; rare.',
    '</i></pre>',
    '<h2>CHAPTER I</h2>',
    '<p>All states, all powers, that have held and hold rule over men have been',
    'and are either republics or principalities. It is one of the',
    '<i>bons mots</i>',
    'of the age.</p>',
    '</body></html>',
  ].join('\n');

  it('is read as markup: no literal tag, its paragraphs set apart by blank lines, and an editor’s blurb about the author left out', () => {
    const { tree, work } = imported('prince.htm', page);
    expect(texts(work)).toEqual([
      "To the Magnificent Lorenzo Di Piero De' Medici:",
      'Those who strive to obtain the good graces of a prince are accustomed to come before him with such things as they hold most precious & rare.',
      'All states, all powers, that have held and hold rule over men have been and are either republics or principalities. It is one of the bons mots of the age.',
    ]);
    expect(leftOut(tree)).toEqual(['title page 2–3', 'introduction 6']);
  });
});

describe('readableText', () => {
  it.each([
    ['<p>one of the\n<i>bons</i>\nmots</p>', 'one of the bons mots'],
    ['<p>CHICAGO<br/>KERR &amp; CO.</p>', 'CHICAGO\nKERR & CO.'],
    ['<div><p>a</p>b <em>c</em></div>', 'a\nb c'],
  ])('reads %j as %j: words beside an inline tag on another line keep their space', (html, text) => {
    expect(readableText(parseBookHtml(html))).toBe(text);
  });
});

describe('a notes section', () => {
  it('in HTML yields notes, a note printed over several paragraphs whole, and whose it says; never passages', () => {
    const { work } = imported(
      'notes.htm',
      [
        '<html><head><title>Notes</title></head><body>',
        '<h2>CHAPTER I.</h2>',
        '<p>The Greeks called it hetaerism, a word that has had many meanings.<a href="#fn1">[1]</a> The cuckoo does the same.<a href="#fn2">[2]</a></p>',
        '<div class="footnotes"><h3>FOOTNOTES:</h3>',
        '<div class="footnote"><p><a id="fn1"></a><a href="#r1">[1]</a> Author\'s note.</p><p>How little Bachofen understood what he had discovered.</p></div>',
        '<div class="footnote"><p><a id="fn2"></a><a href="#r2">[2]</a> Translator\'s note.</p><p>Advocates of vegetarianism may challenge this.</p></div>',
        '</div>',
        '<h2>CHAPTER II.</h2>',
        '<p>We now come to another discovery of Morgan.</p>',
        '</body></html>',
      ].join('\n'),
    );
    expect(texts(work)).toEqual(['The Greeks called it hetaerism, a word that has had many meanings.[1] The cuckoo does the same.[2]', 'We now come to another discovery of Morgan.']);
    expect(work.footnotes.map((n) => [n.text, n.role ?? 'author'])).toEqual([
      ["Author's note. How little Bachofen understood what he had discovered.", 'author'],
      ["Translator's note. Advocates of vegetarianism may challenge this.", 'translator'],
    ]);
    expect(work.chapters.map((c) => c.locator)).toEqual(['ch. 1', 'ch. 2']);
  });

  it('in plain text, under a "FOOTNOTES:" line, yields notes the same way; a line of stars and "THE END." are no passages', () => {
    const { tree, work } = imported(
      'notes.txt',
      gutenberg([
        'CHAPTER I.',
        '',
        'The Greeks called it hetaerism.[1] The cuckoo does the same.[2]',
        '',
        '* * * * *',
        '',
        'FOOTNOTES:',
        '',
        "[1] Author's note.",
        '',
        'How little Bachofen understood what he had discovered.',
        '',
        '[2] The female of the European cuckoo keeps intercourse with several males.',
        '',
        '',
        '',
        'CHAPTER II.',
        '',
        'We now come to another discovery of Morgan.',
        '',
        'THE END.',
      ]),
    );
    expect(tree.leftOut.map((l) => `${l.kind}: ${l.title ?? ''}`)).toContain('other: THE END.');
    expect(texts(work)).toEqual(['The Greeks called it hetaerism.[1] The cuckoo does the same.[2]', 'We now come to another discovery of Morgan.']);
    expect(work.footnotes.map((n) => n.text)).toEqual(["Author's note. How little Bachofen understood what he had discovered.", 'The female of the European cuckoo keeps intercourse with several males.']);
    expect(tree.leftOut.filter((l) => l.kind === 'notes')).toEqual([]);
  });

  it('reports what under it is no note a marker points at, and never quotes it as the author', () => {
    const { tree, work } = imported(
      'notes.htm',
      ['<html><head><title>Notes</title></head><body>', '<h2>CHAPTER I.</h2>', '<p>The text of the chapter, with no marker at all, and long enough to be no title.</p>', '<h2>NOTES</h2>', '<p>Some words printed under the notes.</p>', '</body></html>'].join('\n'),
    );
    expect(texts(work)).toEqual(['The text of the chapter, with no marker at all, and long enough to be no title.']);
    expect(leftOut(tree)).toEqual(['notes 5']);
  });
});

describe('notes numbered at a chapter’s end', () => {
  it('are notes where markers of their number point at them; an editor’s (E1) is marked so; a numbered list in the text stays text', () => {
    const { work } = imported(
      'federalist.txt',
      gutenberg([
        'FEDERALIST No. 7',
        '',
        'The powers are these, set out in order by the convention for the people:',
        '',
        '1. To lay and collect taxes, duties, imposts and excises.',
        '',
        '2. To borrow money on the credit of the United States.',
        '',
        'Divide et impera(1) must be the motto of every nation that either',
        'hates or fears us.(E1)',
        '',
        'PUBLIUS',
        '',
        '1. Divide and command.',
        '',
        'E1. Two versions of this paragraph appear in different editions.',
        '',
        '',
        '',
        'FEDERALIST No. 8',
        '',
        'Assuming it therefore as an established truth that the several States would be hostile.',
      ]),
    );
    expect(texts(work)).toEqual([
      'The powers are these, set out in order by the convention for the people:',
      '1. To lay and collect taxes, duties, imposts and excises.',
      '2. To borrow money on the credit of the United States.',
      'Divide et impera[1] must be the motto of every nation that either hates or fears us.[E1]',
      'PUBLIUS',
      'Assuming it therefore as an established truth that the several States would be hostile.',
    ]);
    expect(work.footnotes.map((n) => [n.label, n.text, n.role ?? 'author'])).toEqual([
      ['1', 'Divide and command.', 'author'],
      ['E1', 'Two versions of this paragraph appear in different editions.', 'editor'],
    ]);
  });
});

describe('the plan', () => {
  it('prints a section located by its own title once', () => {
    const { tree } = imported('book.txt', gutenberg(['INTRODUCTION', '', ...PROSE, '', '', '', 'CHAPTER I.', '', 'North America presents in its external form certain general features.']));
    const plan = planText(tree, 'book.txt');
    expect(plan).toContain('\n  INTRODUCTION — 1 ¶\n');
    expect(plan).toContain('\n  ch. 1    CHAPTER I. — 1 ¶\n');
  });
});
