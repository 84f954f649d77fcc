import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { answerInView, libraryView, quote, search, who, type Answer, type Library } from '../../src/answers';
import { namesLibrary } from '../helpers/reading';

let library: Library;
let words: string[];

beforeAll(() => {
  library = namesLibrary();
  words = [...new Set(library.corpus.passages.flatMap((p) => p.text.split(/[^\p{L}']+/u)).filter((w) => w.length > 3))];
});

const matches = (answer: Answer) => (answer.kind === 'quote' ? (answer.paging?.matches ?? 0) : answer.kind === 'search' ? (answer.paging.matches ?? 0) : answer.kind === 'who' ? answer.passageCount : 0);

describe('what a reading mark held back', () => {
  it('is counted from the guarded answer’s own search: one answer, and the count is the later matches', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3 }), fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 2 }), fc.boolean(), (section, picked, asSearch) => {
        const view = libraryView(library, { marks: [{ workId: 'the-prince', through: `ch. ${section}`, section }] });
        const ask = (l: Library) => (asSearch ? search(l, { query: picked.join(' ') }) : quote(l, { query: picked.join(' ') }, () => 0));
        let runs = 0;
        const answer = answerInView(view, (l) => (runs++, ask(l)));
        const hidden = matches(ask(view.unguarded)) - matches(ask(view.library));
        if (answer.kind === 'notice') return;
        expect(runs).toBe(1);
        if (hidden > 0) expect('heldBack' in answer && answer.heldBack).toEqual({ count: hidden, marks: `the group has read through ch. ${section}` });
        else expect('heldBack' in answer && answer.heldBack).toBeFalsy();
      }),
      { numRuns: 100 },
    );
  });

  it('/who counts the later passages that mention the person, in one answer', () => {
    const view = libraryView(library, { marks: [{ workId: 'the-prince-borgia', through: 'ch. 11', section: 1 }] });
    let runs = 0;
    const answer = answerInView(view, (l) => (runs++, who(l, { name: 'Duke Valentino' })));
    expect(runs).toBe(1);
    expect(answer).toMatchObject({ kind: 'who', name: 'Duke Valentino', passageCount: 1, heldBack: { count: 1, marks: 'the group has read through ch. 11' } });
  });

  it('a reply with nothing before the mark says how many later passages hold it', () => {
    const view = libraryView(library, { marks: [{ workId: 'the-prince', through: 'ch. 2', section: 2 }] });
    expect(answerInView(view, (l) => quote(l, { query: 'Louis the Twelfth', work: 'the-prince' }))).toEqual({
      kind: 'notice',
      tone: 'empty',
      message: 'Nothing in what the group has read yet: 1 later passage is hidden: the group has read through ch. 2. Add spoilers:true to see it, privately.',
    });
  });
});
