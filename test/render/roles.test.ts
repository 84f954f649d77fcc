import { describe, expect, it } from 'vitest';
import { footnote, quote } from '../../src/answers';
import { libraryOf } from '../helpers/library';
import { render } from '../../src/render/render';

/** A work whose introduction is the editor's and whose notes are the translator's: the author must never be credited with them. */
const library = () =>
  libraryOf(
    [
      '---',
      'id: meditations',
      'title: The Meditations of the Emperor Marcus Antoninus',
      'short_title: Meditations',
      'author: Marcus Aurelius',
      'translator: Meric Casaubon',
      'notes_role: translator',
      'source_file: m.txt',
      '---',
      '',
      '# Introduction {loc="Introduction" role=editor}',
      '',
      'Marcus Aurelius Antoninus was born on April 26, A.D. 121, at Rome.',
      '',
      '# THE FIRST BOOK {bk=1}',
      '',
      'Of my grandfather Verus I have learned to be gentle and meek[^1].',
      '',
      '[^1]: Verus: his grandfather, Annius Verus.',
    ].join('\n'),
  );

const texts = (reply: ReturnType<typeof render>) =>
  (reply.data.embeds ?? []).map((e) => ({ author: e.author?.name ?? '', footer: e.footer?.text ?? '', title: e.title ?? '', fields: (e.fields ?? []).map((f) => f.name) }));

describe('whose words a reply credits', () => {
  it('names the editor, not the author, over an editor\'s introduction', () => {
    const [embed] = texts(render(quote(library(), { query: 'born Rome' })));
    expect(embed?.author).toBe('Introduction by the editor');
    expect(embed?.footer).toMatch(/^Introduction by the editor · Meditations · Introduction ¶ 1 · translated by Meric Casaubon/);
    expect(`${embed?.author} ${embed?.footer}`).not.toContain('Marcus Aurelius ·');
  });

  it('credits the author with the author\'s own words, cited by book', () => {
    const [embed] = texts(render(quote(library(), { query: 'grandfather Verus gentle' })));
    expect(embed?.author).toBe('Marcus Aurelius');
    expect(embed?.footer).toContain('bk. 1 ¶ 1');
    expect(embed?.fields).toEqual(["Footnote 1 (translator's note)"]);
  });

  it('says a note is the translator\'s when /footnote shows it', () => {
    const [embed] = texts(render(footnote(library(), { number: '1' })));
    expect(embed?.title).toMatch(/^Footnote 1 \(translator's note\) — /);
  });
});
