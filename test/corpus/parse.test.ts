import { describe, expect, it } from 'vitest';
import { parseWork } from '../../src/corpus';

const front = (fields = 'id: test-work\ntitle: A Test\nsource_file: src.txt') => `---\n${fields}\n---\n`;
const problemsOf = (text: string) => parseWork(text, 'corpus/test.md').problems.map((p) => `${p.line}: ${p.message}`);

describe('parseWork', () => {
  it('reads paragraphs as passages, numbered by ¶, with markers shown as the author wrote them', () => {
    const { work, problems } = parseWork(
      `${front()}\nFirst paragraph,\nwrapped.\n\nSecond, with a note [^2] and RP[^1].\n\n[^1]: One.\n\n[^2]: Two.\n`,
      'corpus/test.md',
    );
    expect(problems).toEqual([]);
    expect(work?.passages.map((p) => [p.n, p.text])).toEqual([
      [1, 'First paragraph, wrapped.'],
      [2, 'Second, with a note [2] and RP[1].'],
    ]);
    const second = work?.passages[1];
    expect(second?.footnoteRefs.map((r) => second.text.slice(r.start, r.end))).toEqual(['[2]', '[1]']);
    expect(work?.footnotes.map((f) => [f.label, f.text])).toEqual([
      ['1', 'One.'],
      ['2', 'Two.'],
    ]);
  });

  it('keeps editorial brackets inside words as written', () => {
    const { work } = parseWork(`${front()}\nA letter from Ver[eeken]: all his people.\n`, 'corpus/test.md');
    expect(work?.passages[0]?.text).toBe('A letter from Ver[eeken]: all his people.');
  });

  it('numbers chapters from ## headings and restarts ¶ per chapter, scoping notes to their chapter', () => {
    const { work, problems } = parseWork(
      `${front()}\n# Book One\n\n## Chapter I\n\nOne[^1].\n\nTwo.\n\n[^1]: First chapter note.\n\n## Chapter II\n\nThree[^1].\n\n[^1]: Second chapter note.\n`,
      'corpus/test.md',
    );
    expect(problems).toEqual([]);
    expect(work?.chapters).toEqual([
      { n: 1, title: 'Chapter I', part: 'Book One' },
      { n: 2, title: 'Chapter II', part: 'Book One' },
    ]);
    expect(work?.passages.map((p) => [p.chapter, p.n])).toEqual([
      [1, 1],
      [1, 2],
      [2, 1],
    ]);
    expect(work?.passages.map((p) => p.footnoteRefs[0]?.key)).toEqual(['1:1', undefined, '2:1']);
  });

  it.each([
    ['a missing title', front('id: test-work\nsource_file: src.txt') + '\nText.\n', ['1: front matter: missing required field "title"']],
    ['a missing source file', front('id: test-work\ntitle: T') + '\nText.\n', ['1: front matter: missing required field "source_file"']],
    ['a bad id', front('id: Test Work\ntitle: T\nsource_file: s.txt') + '\nText.\n', ['2: front matter: "id" must be lowercase letters, digits and hyphens']],
    ['an unknown field', front('id: t\ntitle: T\nsource_file: s.txt\nsummary: x') + '\nText.\n', ['1: front matter: unknown field "summary"']],
    ['no front matter', 'Just text.\n', ['1: missing front matter: the file must start with a line "---"']],
    ['an empty work', front(), ['5: the work has no passages']],
    ['a marker without a definition', `${front()}\nText[^9].\n`, ['7: footnote marker [^9] has no definition']],
    ['a definition never referenced', `${front()}\nText.\n\n[^3]: Orphan.\n`, ['9: footnote [^3] is never referenced']],
    ['a note defined twice', `${front()}\nText[^1].\n\n[^1]: A.\n\n[^1]: B.\n`, ['11: footnote [^1] is defined twice']],
  ])('reports %s with its line', (_what, text, expected) => {
    expect(problemsOf(text)).toEqual(expected);
  });
});
