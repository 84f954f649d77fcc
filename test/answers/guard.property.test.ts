import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { answerInView, context, footnote, footnoteChoices, libraryView, nameChoices, queryChoices, quote, search, who, type Library } from '../../src/answers';
import { render } from '../../src/render/render';
import { readingLibrary } from '../helpers/reading';

let library: Library;
let words: string[];

beforeAll(() => {
  library = readingLibrary();
  words = [...new Set(library.corpus.passages.flatMap((p) => p.text.split(/[^\p{L}']+/u)).filter((w) => w.length > 2))];
});

/** Every run of six words of the passages and notes past the mark: none may reach a reader. */
function laterRuns(section: number): string[] {
  const prince = library.works.get('the-prince');
  const texts = [...(prince?.passages.filter((p) => p.chapter > section).map((p) => p.text) ?? []), ...(prince?.footnotes.filter((f) => f.chapter > section).map((f) => f.text) ?? [])];
  return texts.flatMap((text) => {
    const w = text.split(/\s+/);
    return w.length < 6 ? [text] : w.slice(0, w.length - 5).map((_, i) => w.slice(i, i + 6).join(' '));
  });
}

const shown = (value: unknown) => JSON.stringify(value).replace(/\*\*|\\[\\*_~`|>[\]()-]/g, (m) => (m === '**' ? '' : m.slice(1)));

describe('the spoiler guard', () => {
  it('with any reading mark set, no reply and no autocomplete choice holds text from a later passage of that work', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3 }),
        fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 3 }),
        fc.nat({ max: 7 }),
        fc.boolean(),
        (section, picked, seq, withSerge) => {
          const view = libraryView(library, { marks: [{ workId: 'the-prince', through: `ch. ${section}`, section }], ...(withSerge ? {} : { works: ['the-prince'] }) });
          const typed = picked.join(' ');
          const guarded = (run: (l: Library) => Parameters<typeof render>[0]) => shown(render(answerInView(view, run)));
          const replies = [
            guarded((l) => quote(l, { query: typed }, () => 0.5)),
            guarded((l) => quote(l, { work: 'the-prince' }, () => seq / 8)),
            guarded((l) => search(l, { query: typed })),
            guarded((l) => who(l, { name: picked[0] })),
            guarded((l) => footnote(l, { number: '1', work: 'the-prince' })),
            guarded((l) => context(l, { workId: 'the-prince', seq })),
            shown(queryChoices(view.library, typed)),
            shown(nameChoices(view.library, picked[0] ?? '')),
            shown(footnoteChoices(view.library, '')),
          ];
          const runs = laterRuns(section);
          for (const reply of replies) for (const run of runs) expect(reply.includes(run), `${run} in ${reply}`).toBe(false);
        },
      ),
      { numRuns: 60 },
    );
  });
});
