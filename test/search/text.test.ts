import { describe, expect, it } from 'vitest';
import { foldWord, processTerm, tokenize, wordSpans } from '../../src/search/text';

describe('tokenize', () => {
  it.each([
    ['Ver[eeken]: all his young people', ['Ver[eeken]', 'all', 'his', 'young', 'people']],
    ['Trotsky’s widow', ['Trotsky’s', 'widow']],
    ["don't know what is what", ["don't", 'know', 'what', 'is', 'what']],
    ['the Trotsky-led Left Opposition', ['the', 'Trotsky', 'led', 'Left', 'Opposition']],
    ['N.I.[4]', ['N', 'I', '4]']],
    ['Hernández, 1936', ['Hernández', '1936']],
  ])('%s', (text, words) => {
    expect(tokenize(text)).toEqual(words);
  });

  it('gives offsets that slice back to each word', () => {
    const text = 'We’ll manage to have done with the anarchists.';
    for (const span of wordSpans(text)) expect(text.slice(span.start, span.end)).toBe(span.word);
  });
});

describe('foldWord and processTerm', () => {
  it.each([
    ['Hernández', 'hernandez'],
    ['HERNANDEZ', 'hernandez'],
    ['Trotsky’s', 'trotsky'],
    ["Trotsky's", 'trotsky'],
    ['Ver[eeken]', 'vereeken'],
    ['Prolétarienne', 'proletarienne'],
    ['don’t', 'dont'],
  ])('folds %s to %s', (word, folded) => {
    expect(foldWord(word)).toBe(folded);
  });

  it.each(['the', 'The', 'and', 'of', 'don’t', "I'm"])('drops the stop word %s', (word) => {
    expect(processTerm(word)).toBeNull();
  });

  it.each([
    ['killing', 'killed'],
    ['anarchists', 'anarchist'],
    ['revolutionary', 'revolutionaries'],
    ['Hernández', 'hernandez'],
    ['Ver[eeken]', 'Vereeken'],
  ])('gives %s and %s the same term', (a, b) => {
    expect(processTerm(a)).toBe(processTerm(b));
  });
});
