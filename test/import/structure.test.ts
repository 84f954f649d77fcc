import { describe, expect, it } from 'vitest';
import { passageLocator } from '../../src/answers/library';
import { parseWork, type Work } from '../../src/corpus';
import { importText, writeMarkdown } from '../../src/import';

/** A small Gutenberg plain text: header, the given body, licence. */
const gutenberg = (title: string, body: string[]) =>
  [
    `The Project Gutenberg eBook of ${title}, by Alexis de Tocqueville`,
    '',
    `Title: ${title}`,
    '',
    'Author: Alexis de Tocqueville',
    '',
    `*** START OF THE PROJECT GUTENBERG EBOOK ${title.toUpperCase()} ***`,
    '',
    '',
    ...body,
    '',
    `*** END OF THE PROJECT GUTENBERG EBOOK ${title.toUpperCase()} ***`,
    '',
  ].join('\n');

/** The book imported as `npm run import` writes it, read back by the corpus. */
function imported(name: string, text: string): { work: Work; markdown: string } {
  const tree = importText(name, text);
  expect(tree.unplaced).toEqual([]);
  const markdown = writeMarkdown(tree, 'book', name);
  const { work, problems } = parseWork(markdown, 'book.md');
  expect(problems).toEqual([]);
  if (!work) throw new Error('no work');
  return { work, markdown };
}

const passage = (work: Work, start: string) => {
  const found = work.passages.find((p) => p.text.startsWith(start));
  if (!found) throw new Error(`no passage starts "${start}"`);
  return found;
};

const CHAPTER_XV = [
  '',
  '',
  'CHAPTER XV',
  '',
  'Unlimited Power Of The Majority In The United States, And Its Consequences',
  '',
  'The very essence of democratic government consists in the absolute',
  'sovereignty of the majority; for there is nothing in democratic States',
  'which is capable of resisting it.',
  '',
  'Tyranny Of The Majority',
  '',
  'I hold it to be an impious and an execrable maxim that, politically',
  'speaking, a people has a right to do whatsoever it pleases.',
  '',
  'When I refuse to obey an unjust law, I do not contest the right which',
  'the majority has of commanding, but I simply appeal from the sovereignty',
  'of the people to the sovereignty of mankind.',
  '',
  'Power Exercised By The Majority In America Upon Opinion',
  '',
  'It is in the examination of the display of public opinion in the United',
  'States that we clearly perceive how far the power of the majority',
  'surpasses all the powers with which we are acquainted in Europe.',
  '',
  'Effects Of The Tyranny Of The Majority Upon The National Character Of The',
  'Americans',
  '',
  'The tendencies which I have just alluded to are as yet very slightly',
  'perceptible in political society, but they already begin to exercise an',
  'unfavorable influence upon the national character of the Americans.',
  '',
  'Let us walk upon the hill',
  '',
  'Alone and far, the walkers said, and so they went on through the night',
  'until the morning came and the lamps were out.',
  '',
];

describe('headings inside a chapter', () => {
  it('are headings, never passages: their passages keep the chapter and carry the sub-heading (plain text)', () => {
    const { work, markdown } = imported('democracy.txt', gutenberg('Democracy in America', CHAPTER_XV));
    expect(markdown).toMatch(/^##+ Tyranny Of The Majority$/m);
    expect(work.passages.map((p) => p.text).filter((t) => /^(?:Tyranny|Power Exercised|Effects Of|Unlimited Power)/.test(t))).toEqual([]);
    const hold = passage(work, 'I hold it');
    expect(passageLocator(work, hold)).toBe('ch. 15 ¶ 2');
    expect(hold.subheading).toBe('Tyranny Of The Majority');
    expect(passage(work, 'When I refuse').subheading).toBe('Tyranny Of The Majority');
    expect(passage(work, 'It is in the examination').subheading).toBe('Power Exercised By The Majority In America Upon Opinion');
    expect(passage(work, 'The tendencies').subheading).toBe('Effects Of The Tyranny Of The Majority Upon The National Character Of The Americans');
  });

  it('are headings in HTML too, where the page prints them as paragraphs', () => {
    const html = [
      '<html><head><title>Democracy in America</title><meta name="author" content="Alexis de Tocqueville"></head><body>',
      '<h2>Chapter XV: Unlimited Power Of The Majority</h2>',
      '<p>The very essence of democratic government consists in the absolute sovereignty of the majority.</p>',
      ...CHAPTER_XV.slice(CHAPTER_XV.indexOf('Tyranny Of The Majority'))
        .join('\n')
        .split(/\n\n+/)
        .filter(Boolean)
        .map((p) => `<p>${p}</p>`),
      '</body></html>',
    ].join('\n');
    const { work } = imported('democracy.html', html);
    expect(work.passages.map((p) => p.text).filter((t) => /^(?:Tyranny|Power Exercised|Effects Of)/.test(t))).toEqual([]);
    expect(passage(work, 'When I refuse').subheading).toBe('Tyranny Of The Majority');
    expect(passageLocator(work, passage(work, 'When I refuse'))).toBe('ch. 15 ¶ 3');
  });

  it('are not made of a short sentence or a verse line, nor of a lone title-case line the book does not repeat', () => {
    const { work } = imported('democracy.txt', gutenberg('Democracy in America', CHAPTER_XV));
    // "Let us walk upon the hill" is the start of a verse: lower-case words, no heading.
    expect(passage(work, 'Let us walk upon the hill').text).toBe('Let us walk upon the hill');
    const lone = CHAPTER_XV.filter((l) => !/^(?:Power Exercised|Effects Of|Americans$)/.test(l));
    const { work: once } = imported('democracy.txt', gutenberg('Democracy in America', lone));
    expect(passage(once, 'Tyranny Of The Majority').text).toBe('Tyranny Of The Majority');
  });
});

describe('a note marker in a heading', () => {
  const book = gutenberg('The Prince', [
    'CHAPTER I.[1]',
    '',
    'HOW MANY KINDS OF PRINCIPALITIES THERE ARE',
    '',
    'All states, all powers, that have held and hold rule over men have been',
    'and are either republics or principalities. Principalities are either',
    'hereditary, or they are new.',
    '',
    '[1] This chapter was written in 1513, as the letter to Vettori shows.',
    '',
    '',
    'CHAPTER II.',
    '',
    'CONCERNING HEREDITARY PRINCIPALITIES',
    '',
    'I will leave out all discussion on republics, inasmuch as in another',
    'place I have written of them at length.',
    '',
  ]);

  it('is taken off the heading, and the note hangs on the first sentence under it', () => {
    const { work, markdown } = imported('prince.txt', book);
    expect(markdown).toMatch(/^# CHAPTER I\. HOW MANY KINDS OF PRINCIPALITIES THERE ARE \{ch=1\}$/m);
    const first = passage(work, 'All states');
    expect(passageLocator(work, first)).toBe('ch. 1 ¶ 1');
    expect(first.text).toBe('All states, all powers, that have held and hold rule over men have been and are either republics or principalities.[1] Principalities are either hereditary, or they are new.');
    expect(work.footnotes.map((f) => f.text)).toEqual(['This chapter was written in 1513, as the letter to Vettori shows.']);
  });
});

describe('datelines', () => {
  const paper = (n: number, line: string) => [`FEDERALIST No. ${n}`, '', 'The Union As A Safeguard', '', line, '', 'To the People of the State of New York:', '', `It has been frequently remarked, paper ${n}, that it seems to have been reserved to the people of this country.`, '', ''];

  it('are left out where the book prints them under its headings, and kept as the author’s words where it does not', () => {
    const federalist = gutenberg('The Federalist Papers', [...paper(1, 'For the Independent Journal. Saturday, October 27, 1787.'), ...paper(2, 'From the New York Packet. Tuesday, November 20, 1787.')]);
    const { work } = imported('federalist.txt', federalist);
    expect(work.passages.map((p) => p.text).filter((t) => /Journal|Packet|People of the State/.test(t))).toEqual([]);
    expect(passageLocator(work, passage(work, 'It has been frequently remarked, paper 2'))).toBe('no. 2 ¶ 1');

    const prince = gutenberg('The Prince', [
      'CHAPTER XVII',
      '',
      'CONCERNING CRUELTY AND CLEMENCY',
      '',
      '(*) A note of the translator on the riots of 1502 and 1503.',
      '',
      'Cesare Borgia was considered cruel; notwithstanding, his cruelty reconciled the Romagna.(*)',
      '',
      'Written at Florence in the year 1513.',
      '',
      'And of all princes, it is impossible for the new prince to avoid the imputation of cruelty.',
      '',
    ]);
    const { work: once } = imported('prince.txt', prince);
    expect(passage(once, 'Written at Florence').text).toBe('Written at Florence in the year 1513.');
  });
});

describe('a section titled by its header', () => {
  it('is a sub-heading, never a passage, where the header holds one short paragraph', () => {
    const html = [
      '<html><head><title>A Vindication of the Rights of Woman</title><meta name="author" content="Mary Wollstonecraft"></head><body>',
      '<section><h2>Chapter V</h2>',
      '<p>The opinions speciously supported, in some modern publications on the female character, remain now to be examined.</p>',
      '<section><header><p>Section 5.1</p></header>',
      '<p>I shall begin with Rousseau, and give a sketch of the character of women in his own words.</p>',
      '<blockquote><header><p>Inhabitants of Moscow!</p></header><p>Your misfortunes are terrible, but His Majesty wishes to end them.</p></blockquote>',
      '</section></section></body></html>',
    ].join('\n');
    const { work } = imported('vindication.html', html);
    expect(work.passages.map((p) => p.text).filter((t) => t === 'Section 5.1')).toEqual([]);
    expect(passageLocator(work, passage(work, 'I shall begin'))).toBe('ch. 5 ¶ 2');
    expect(passage(work, 'I shall begin').subheading).toBe('Section 5.1');
    // A header inside a quoted document is that document's text.
    expect(passage(work, 'Inhabitants of Moscow!').text).toBe('Inhabitants of Moscow!');
  });
});
