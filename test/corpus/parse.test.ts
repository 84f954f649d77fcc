import { describe, expect, it } from 'vitest';
import { manyNotesWork } from '../../bench/many-notes';
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
      { n: 1, title: 'Chapter I', titles: ['Book One', 'Chapter I'], locator: 'ch. 1', part: 'Book One' },
      { n: 2, title: 'Chapter II', titles: ['Book One', 'Chapter II'], locator: 'ch. 2', part: 'Book One' },
    ]);
    expect(work?.passages.map((p) => [p.chapter, p.n])).toEqual([
      [1, 1],
      [1, 2],
      [2, 1],
    ]);
    expect(work?.passages.map((p) => p.footnoteRefs[0]?.key)).toEqual(['1:1', undefined, '2:1']);
  });

  it('cites passages by the locators their headings carry, restarting ¶ in each section', () => {
    const { work, problems } = parseWork(
      `${front()}\n# BOOK NINE: 1812 {bk=9}\n\n## CHAPTER I {ch=1}\n\nOne.\n\n### A plain subheading\n\nTwo.\n\n## CHAPTER III {ch=3}\n\nThree.\n\nFour.\n\n# FIRST EPILOGUE {ep=1}\n\n## I {ch=1}\n\nFive.\n`,
      'corpus/test.md',
    );
    expect(problems).toEqual([]);
    expect(work?.chapters.map((c) => [c.locator, c.title, c.titles.join(' / ')])).toEqual([
      ['bk. 9', 'BOOK NINE: 1812', 'BOOK NINE: 1812'],
      ['bk. 9 ch. 1', 'CHAPTER I', 'BOOK NINE: 1812 / CHAPTER I'],
      ['bk. 9 ch. 3', 'CHAPTER III', 'BOOK NINE: 1812 / CHAPTER III'],
      ['ep. 1', 'FIRST EPILOGUE', 'FIRST EPILOGUE'],
      ['ep. 1 ch. 1', 'I', 'FIRST EPILOGUE / I'],
    ]);
    expect(work?.passages.map((p) => `${work.chapters[p.chapter - 1]?.locator} ¶ ${p.n}`)).toEqual([
      'bk. 9 ch. 1 ¶ 1',
      'bk. 9 ch. 1 ¶ 2',
      'bk. 9 ch. 3 ¶ 1',
      'bk. 9 ch. 3 ¶ 2',
      'ep. 1 ch. 1 ¶ 1',
    ]);
  });

  it('marks matter that is not the author\'s with its role, and a section\'s own author', () => {
    const { work, problems } = parseWork(
      `${front('id: t\ntitle: T\nsource_file: s.txt\nnotes_role: translator')}\n# Introduction {loc="Introduction" role=editor}\n\nThe editor speaks[^1].\n\n[^1]: An editor's note.\n\n# FEDERALIST No. 51 {no=51 author="James Madison"}\n\nThe author speaks[^2] and[^3].\n\n[^2]: A translator's note by default.\n\n[^3]: {role=author} The author's own note.\n\n\\# PRICES OF WHEAT\n`,
      'corpus/test.md',
    );
    expect(problems).toEqual([]);
    expect(work?.passages.map((p) => [work.chapters[p.chapter - 1]?.locator, p.role, p.author, p.text])).toEqual([
      ['Introduction', 'editor', undefined, 'The editor speaks[1].'],
      ['no. 51', undefined, 'James Madison', 'The author speaks[2] and[3].'],
      ['no. 51', undefined, 'James Madison', '# PRICES OF WHEAT'],
    ]);
    expect(work?.footnotes.map((f) => [f.label, f.role, f.text])).toEqual([
      ['1', 'editor', "An editor's note."],
      ['2', 'translator', "A translator's note by default."],
      ['3', undefined, "The author's own note."],
    ]);
  });

  it.each([
    ['an unknown heading attribute', `${front()}\n## One {chapter=1}\n\nText.\n`, ['7: heading: unknown attribute "chapter" (vol, bk, pt, ch, no, sec, ep, loc, role or author)']],
    ['a locator that is not a number', `${front()}\n## One {ch=IV}\n\nText.\n`, ['7: heading: ch must be a number from 1 to 9999, not "IV"']],
    ['an unknown role', `${front()}\n## One {role=ghost}\n\nText.\n`, ['7: heading: role must be one of author, editor, translator, transcriber, publisher, not "ghost"']],
    ['two locators on a heading', `${front()}\n## One {ch=1 no=2}\n\nText.\n`, ['7: heading: a heading has one locator: loc or a number, not both']],
    ['a note with a locator', `${front()}\nText[^1].\n\n[^1]: {ch=1} Note.\n`, ['9: footnote [^1]: a note takes only a role, not "ch"']],
  ])('reports %s in an attribute block', (_what, text, expected) => {
    expect(problemsOf(text)).toEqual(expected);
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
    ['a javascript: url', front('id: t\ntitle: T\nsource_file: s.txt\nurl: "javascript:alert(1)"') + '\nText.\n', ['5: front matter: "url" must be an http:// or https:// address (Discord links nothing else)']],
    ['an ftp url', front('id: t\ntitle: T\nsource_file: s.txt\nurl: ftp://example.org/a') + '\nText.\n', ['5: front matter: "url" must be an http:// or https:// address (Discord links nothing else)']],
    ['a url that would end its link', front('id: t\ntitle: T\nsource_file: s.txt\nurl: "https://a.org/>[x](https://evil.example)"') + '\nText.\n', ['5: front matter: "url" must be an http:// or https:// address (Discord links nothing else)']],
    ['a title that is a number', front('id: t\ntitle: 123\nsource_file: s.txt') + '\nText.\n', ['3: front matter: "title" must be text, not a number (123)']],
    ['a title that is a list', front('id: t\ntitle: [a, b]\nsource_file: s.txt') + '\nText.\n', ['3: front matter: "title" must be text, not a list']],
    ['an empty title', front('id: t\ntitle:\nsource_file: s.txt') + '\nText.\n', ['3: front matter: "title" must be text, not empty']],
    ['an author that is a number', front('id: t\ntitle: T\nauthor: 1984\nsource_file: s.txt') + '\nText.\n', ['4: front matter: "author" must be text, not a number (1984)']],
    ['a label /footnote cannot ask for', `${front()}\nText[^this.is.a.label].\n\n[^this.is.a.label]: Note.\n`, ['9: footnote [^this.is.a.label]: a label holds only letters, digits, *, †, ‡, §, +, (, ) and -, so /footnote cannot ask for it']],
    ['a label 0', `${front()}\nText[^0].\n\n[^0]: Note.\n`, ['9: footnote [^0]: footnote numbers start at 1, so /footnote cannot ask for it']],
    ['a label too long', `${front()}\nText[^${'a'.repeat(38)}].\n\n[^${'a'.repeat(38)}]: Note.\n`, [`9: footnote [^${'a'.repeat(38)}]: a label is at most 37 characters, so /footnote cannot ask for it`]],
    ['a paragraph that is only a marker', `${front()}\nText[^1].\n\n[^2]\n\n[^1]: One.\n\n[^2]: Two.\n`, ['9: a paragraph holds only the footnote marker [^2]: it has no words of the text']],
    ['a paragraph of markers and punctuation', `${front()}\nText.\n\n[^1], [^2].\n\n[^1]: One.\n\n[^2]: Two.\n`, ['9: a paragraph holds only the footnote marker [^1] [^2]: it has no words of the text']],
  ])('reports %s with its line', (_what, text, expected) => {
    expect(problemsOf(text)).toEqual(expected);
  });
});

describe('parseWork at scale', () => {
  it('resolves 20,000 notes numbered 1–100 again in each of 200 chapters, each to the marker before it', () => {
    const { work, problems } = parseWork(manyNotesWork(20_000).markdown, 'corpus/many-notes.md');
    expect(problems).toEqual([]);
    expect(work?.chapters).toHaveLength(200);
    expect(work?.footnotes).toHaveLength(20_000);
    expect(work?.passages).toHaveLength(20_000);
    const keys = work?.passages.map((p) => p.footnoteRefs.map((r) => r.key).join()) ?? [];
    expect(keys.every((key, i) => key === `${Math.floor(i / 100) + 1}:${(i % 100) + 1}`)).toBe(true);
    expect(new Set(keys).size).toBe(20_000);
  });
});
