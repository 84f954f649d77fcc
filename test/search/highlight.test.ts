import { describe, expect, it } from 'vitest';
import { quote } from '../../src/answers';
import { as, libraryOf } from '../helpers/library';

/** Two short passages of The Prince (Marriott), ch. XXV and ch. XVII. */
const prince = libraryOf(`---
id: the-prince
title: The Prince
author: Nicolò Machiavelli
source_file: prince.txt
---

For my part I consider that it is better to be adventurous than cautious, because fortune is a woman, and if you wish to keep her under it is necessary to beat and ill-use her; and it is seen that she allows herself to be mastered by the adventurous rather than by those who go to work more coldly. She is, therefore, always, woman-like, a lover of young men, because they are less cautious, more violent, and with more audacity command her. The Romans never did so.

Among the wonderful deeds of Hannibal this one is enumerated: that having led an enormous army, composed of many various races of men, to fight in foreign lands, no dissensions arose either among them or against the prince, whether in his bad or in his good fortune.
`);

const bolded = (query: string) => {
  const q = as(quote(prince, { query }), 'quote').quotation;
  return { words: q.highlights.map((h) => q.text.slice(h.start, h.end)), focus: q.text.slice(q.focus?.start ?? 0, q.focus?.end ?? 0) };
};

describe('highlighting what the reader asked for', () => {
  it('bolds the words of the query, not the neighbours typo tolerance found for words the texts use', () => {
    const { words, focus } = bolded('fortune is a woman');
    expect(words).toContain('fortune');
    expect(words).toContain('woman');
    expect(words).not.toContain('Romans');
    // The excerpt is kept on the sentence that holds both words.
    expect(focus).toContain('fortune is a woman');
  });

  it('still bolds the word a misspelt query meant', () => {
    expect(bolded('Hanibal deeds').words).toEqual(['deeds', 'Hannibal']);
  });
});
