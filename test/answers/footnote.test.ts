import { beforeAll, describe, expect, it } from 'vitest';
import { describeRanges, footnote, type Library } from '../../src/answers';
import type { Corpus } from '../../src/corpus';
import { render } from '../../src/render/render';
import { as, footnoteText, loadSeed, work, libraryOf } from '../helpers/library';

let corpus: Corpus;
let library: Library;
beforeAll(async () => ({ corpus, library } = await loadSeed()));

const LETTER = 'serge-letter-1936';
const REVIEW = 'life-and-death-review-2018';

/** "Letter to Leon Trotsky has footnotes 1–4.", from the corpus's own labels. */
function range(): string {
  const withNotes = corpus.works.filter((w) => w.footnotes.length);
  expect(withNotes.map((w) => w.meta.id)).toEqual([LETTER]);
  const labels = work(corpus, LETTER).footnotes.map((f) => Number(f.label));
  return `${work(corpus, LETTER).meta.title} has footnotes ${Math.min(...labels)}–${Math.max(...labels)}.`;
}

describe('/footnote', () => {
  it('3: the note verbatim, and the sentence that carries its marker, marker in bold', () => {
    const answer = as(footnote(library, { number: '3' }), 'footnote');
    expect(answer.footnote.text).toBe(footnoteText(corpus, LETTER, '3'));
    const carrying = corpus.passages.filter((p) => p.text.includes('[3]'));
    expect(carrying).toHaveLength(1);
    const text = carrying[0]?.text ?? '';
    const marker = text.indexOf('[3]');
    // The sentence: from the passage start or the last full stop before the marker, to the next one.
    const stop = text.lastIndexOf('. ', marker);
    const start = stop < 0 ? 0 : stop + 2;
    const end = text.indexOf('. ', marker) + 1;
    expect(answer.anchor.text).toBe(text);
    expect(answer.anchor.focusOnly).toBe(true);
    expect(answer.anchor.focus).toEqual({ start, end });
    expect(answer.anchor.highlights).toEqual([{ start: marker, end: marker + 3 }]);

    const embed = render(answer).data.embeds?.[0];
    expect(embed?.description).toBe(`> ${footnoteText(corpus, LETTER, '3')}`);
    const cut = end < text.length ? ' […]' : '';
    // The marker's brackets are escaped, so no `[3](…)` can ever become a link.
    expect(embed?.fields?.[0]?.value).toBe(`> ${start > 0 ? '[…] ' : ''}${text.slice(start, marker)}**\\[3\\]**${text.slice(marker + 3, end)}${cut}`);
  });

  it.each(['n. 3', '[3]', 'note 3', '[^3]', ' 3 ', 'N.3', '#3'])('%j is footnote 3', (number) => {
    expect(footnote(library, { number })).toEqual(footnote(library, { number: '3' }));
  });

  it.each([
    ['7', () => `There is no footnote 7. ${range()}`],
    ['0', () => `Footnote numbers start at 1. ${range()}`],
    ['-1', () => `Footnote numbers start at 1. ${range()}`],
    ['abc', () => `“abc” is not a footnote. ${range()}`],
    ['', () => `Tell me which footnote, for example: /footnote 3. ${range()}`],
    ['3 4 5', () => `“3 4 5” is not a footnote number. ${range()}`],
    ['9'.repeat(41), () => `That is not a footnote number. ${range()}`],
    ['3 chapter:2', () => `“3 chapter:2” is not a footnote number. ${range()}`],
  ])('%j → %s', (number, message) => {
    const answer = footnote(library, { number });
    expect(answer).toEqual({ kind: 'notice', tone: 'error', message: message() });
    expect(render(answer).data.flags).toBe(64);
  });

  it('a work with no footnotes says so of that work, not of all the texts', () => {
    const title = work(corpus, REVIEW).meta.title;
    expect(describeRanges([work(corpus, REVIEW)])).toBe(`${title} has no footnotes.`);
    expect(footnote(library, { number: '3', work: REVIEW })).toEqual({
      kind: 'notice',
      tone: 'error',
      message: `There is no footnote 3 in ${title}. ${title} has no footnotes.`,
    });
  });

  it('a chapter in texts without chapters', () => {
    expect(footnote(library, { number: '3', chapter: 2 })).toEqual({ kind: 'notice', tone: 'error', message: 'There is no chapter 2. The texts have no chapters.' });
  });

  it('every footnote of the corpus is reachable by its label', () => {
    for (const f of work(corpus, LETTER).footnotes) {
      expect(as(footnote(library, { number: f.label }), 'footnote').footnote.text).toBe(f.text);
    }
  });
});

describe('every label the corpus accepts can be asked for', () => {
  const labels = ['1', '12', 'a', 'Z', 'iv', '*', '†', '‡', '§', '**', 'a-1', '12a', '+', '*(2)', 'note', 'n1', 'ch', 'é', 'x'.repeat(37)];
  const library = libraryOf(`---\nid: labels\ntitle: Labels\nsource_file: s.txt\n---\n\n${labels.map((l, i) => `Sentence ${i}[^${l}].`).join('\n\n')}\n\n${labels.map((l, i) => `[^${l}]: Note ${i}.`).join('\n\n')}\n`);
  it.each(labels)('[^%s]', (label) => {
    const answer = footnote(library, { number: `[^${label}]` });
    expect(answer.kind === 'footnote' && answer.footnote.label).toBe(label);
  });
});
