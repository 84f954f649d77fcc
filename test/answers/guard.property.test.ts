import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { answerInView, context, footnote, footnoteChoices, libraryView, nameChoices, queryChoices, quote, search, who, type Library } from '../../src/answers';
import { render } from '../../src/render/render';
import { namesLibrary, readingLibrary } from '../helpers/reading';
import { keyOf } from '../../src/search/names';

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

  it('with any reading mark set, /who and name autocomplete name no one by a name met only in later passages, nor count later mentions', () => {
    const names = namesLibrary();
    const work = names.works.get('the-prince-borgia');
    if (!work) throw new Error('fixture missing');
    // Every name and alias the whole work's index knows, whole and as typed letter by letter.
    const forms = [...new Set(names.names.entries.filter((e) => e.workId === work.meta.id).flatMap((e) => [e.name, ...e.aliases]))];
    const typed = [...new Set(forms.flatMap((f) => [f, ...f.split(' '), f.slice(0, 3), f.slice(0, 5), `${f}x`]))];
    const sections = work.chapters.map((c) => c.n);
    fc.assert(
      fc.property(fc.constantFrom(...sections.slice(0, -1)), fc.constantFrom(...typed), fc.boolean(), (section, name, scoped) => {
        const chapter = work.chapters[section - 1];
        const view = libraryView(names, { marks: [{ workId: work.meta.id, through: chapter?.locator ?? '', section }] });
        const read = work.passages.filter((p) => p.chapter <= section).map((p) => keyOf(p.text)).join(' | ');
        // A form the group has not read: its words, case and accents aside, stand in no passage up to the mark.
        const later = forms.filter((f) => !` ${read} `.includes(` ${keyOf(f)} `));
        const answer = answerInView(view, (l) => who(l, { name, ...(scoped ? { work: work.meta.id } : {}) }));
        const replies = [shown(render(answer)), shown(nameChoices(view.library, name, scoped ? work.meta.id : undefined))];
        for (const reply of replies) for (const form of later) expect(reply.includes(form), `${form} in ${reply}`).toBe(false);
        if (answer.kind === 'who') {
          const seqs = new Set(answer.mentions.map((m) => m.seq));
          for (const seq of seqs) expect(work.passages[seq]?.chapter ?? 0).toBeLessThanOrEqual(section);
          const readMentions = view.library.names.entries.filter((e) => e.workId === work.meta.id).reduce((n, e) => n + e.mentions.length, 0);
          expect(answer.mentionCount).toBeLessThanOrEqual(readMentions);
        }
      }),
      { numRuns: 80 },
    );
  });

  it('a person met in read chapters is known by the read name alone: the Duke Valentino, not the later Cesare Borgia', () => {
    const names = namesLibrary();
    const view = libraryView(names, { marks: [{ workId: 'the-prince-borgia', through: 'ch. 11', section: 1 }] });
    const answer = answerInView(view, (l) => who(l, { name: 'Valentino' }));
    expect(answer).toMatchObject({ kind: 'who', name: 'Duke Valentino', aliases: [], mentionCount: 1, passageCount: 1 });
    expect(nameChoices(view.library, 'val')).toEqual([{ name: 'Duke Valentino', value: 'Duke Valentino' }]);
    expect(nameChoices(view.library, 'cesare')).toEqual([]);
    // Unguarded, the same person has people.yml's name and both chapters' mentions.
    expect(answerInView(view, (l) => who(l, { name: 'Valentino' }), { spoilers: true })).toMatchObject({ kind: 'who', name: 'Cesare Borgia', mentionCount: 2 });
  });
});
