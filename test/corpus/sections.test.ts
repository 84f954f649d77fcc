import { describe, expect, it } from 'vitest';
import { findSection, matchSections, parseWork, type Work } from '../../src/corpus';

const parsed = (body: string): Work => {
  const { work, problems } = parseWork(`---\nid: t\ntitle: T\nsource_file: s.txt\n---\n\n${body}`, 'corpus/t.md');
  if (!work || problems.length) throw new Error(JSON.stringify(problems));
  return work;
};

const warAndPeace = parsed(
  '# BOOK NINE: 1812 {bk=9}\n\n## CHAPTER I {ch=1}\n\nOne.\n\n## CHAPTER III {ch=3}\n\nThree.\n\n# BOOK TEN: 1812 {bk=10}\n\n## CHAPTER III {ch=3}\n\nTen three.\n',
);
const walden = parsed('## Economy {ch=1}\n\nOne.\n\n## Where I Lived, and What I Lived For {ch=2}\n\nTwo.\n\n## Conclusion {ch=18}\n\nLast.\n');
const legacy = parsed('## Chapter I\n\nOne.\n\n## Chapter II\n\nTwo.\n');

describe('findSection', () => {
  it.each([
    [warAndPeace, 'bk. 9 ch. 3', 'bk. 9 ch. 3'],
    [warAndPeace, 'Book 9, Chapter 3', 'bk. 9 ch. 3'],
    [warAndPeace, 'book ix chapter iii', 'bk. 9 ch. 3'],
    [warAndPeace, 'bk 10', 'bk. 10'],
    [warAndPeace, 'ch. 1', 'bk. 9 ch. 1'],
    [walden, 'ch. 18', 'ch. 18'],
    [walden, '2', 'ch. 2'],
    [walden, 'economy', 'ch. 1'],
    [walden, 'Where I Lived', 'ch. 2'],
    [legacy, 'chapter 2', 'ch. 2'],
    [legacy, '1', 'ch. 1'],
  ])('finds %#: "%s"', (work, typed, locator) => {
    expect(findSection(work, typed)?.locator).toBe(locator);
  });

  it.each([
    [warAndPeace, 'ch. 3', 2],
    [warAndPeace, 'ch. 7', 0],
    [walden, 'mix', 0],
    [legacy, '', 0],
  ])('finds no single section for %#: "%s"', (work, typed, candidates) => {
    expect(findSection(work, typed)).toBeUndefined();
    expect(matchSections(work, typed)).toHaveLength(candidates);
  });
});

describe('sub-headings inside a section', () => {
  const tocqueville = parsed(
    [
      '# Book One {bk=1}',
      '## Chapter XV: Unlimited Power Of Majority {ch=15}',
      'The very essence of democratic government consists in the absolute sovereignty of the majority.',
      '### Tyranny Of The Majority',
      'I hold it to be an impious and an execrable maxim.',
      'A general law has been made and sanctioned.',
      '### Power Exercised By The Majority In America Upon Opinion',
      'It is in the examination of the display of public opinion.',
      '## Chapter XVI: Causes Mitigating Tyranny {ch=16}',
      'The township and the county are not always strong enough.',
    ].join('\n\n'),
  );
  const at = (start: string) => tocqueville.passages.find((p) => p.text.startsWith(start));

  it('are never passages, keep the section and its ¶ numbering, and travel with the passages below them', () => {
    expect(tocqueville.passages.map((p) => p.text).filter((t) => /^(?:Tyranny|Power Exercised)/.test(t))).toEqual([]);
    expect(tocqueville.chapters.map((c) => c.locator)).toEqual(['bk. 1', 'bk. 1 ch. 15', 'bk. 1 ch. 16']);
    expect([at('The very')?.n, at('I hold')?.n, at('A general')?.n, at('It is in')?.n]).toEqual([1, 2, 3, 4]);
    expect([at('The very'), at('I hold'), at('A general'), at('It is in'), at('The township')].map((p) => p?.subheading)).toEqual([
      undefined,
      'Tyranny Of The Majority',
      'Tyranny Of The Majority',
      'Power Exercised By The Majority In America Upon Opinion',
      undefined,
    ]);
  });

  it('in a work without attribute blocks, hang under their `##` chapter', () => {
    const legacyWork = parsed('## Chapter I\n\nOne.\n\n### A Sub-heading\n\nTwo.\n\n## Chapter II\n\nThree.\n');
    expect(legacyWork.passages.map((p) => [p.text, p.chapter, p.subheading])).toEqual([
      ['One.', 1, undefined],
      ['Two.', 1, 'A Sub-heading'],
      ['Three.', 2, undefined],
    ]);
  });
});
