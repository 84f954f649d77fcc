import { describe, expect, it } from 'vitest';
import type { Corpus } from '../../src/corpus';
import { createNameIndex } from '../../src/search/names';
import { importBookFile } from './imported';

/** The names /who knows in one imported book, most mentioned first. */
function namesOf(file: string): string[] {
  const { work } = importBookFile(file);
  const corpus: Corpus = { fingerprint: file, works: [work], passages: work.passages, people: [], proofs: [] };
  corpus.passages.forEach((p, i) => (p.index = i));
  return [...createNameIndex(corpus).entries].sort((a, b) => b.mentions.length - a.mentions.length).map((e) => e.name);
}

describe('the people of a book that capitalises its nouns', () => {
  const names = namesOf('hobbes-leviathan.txt');
  const top = names.slice(0, 40);

  it.each(['Moses', 'St. Paul', 'Aristotle', 'Cicero', 'Solomon', 'Queen Elizabeth'])('%s is someone', (name) => {
    expect(names).toContain(name);
  });

  // Leviathan capitalises most nouns: abstract nouns, plurals and the books of the Bible it cites are no one.
  it.each(['Philosophy', 'Idolatry', 'Judicature', 'Christianity', 'Temporall', 'Gods', 'Princes', 'Bishops', 'Mat', 'Deut', 'Exod', 'Fourthly'])('%s is no one', (word) => {
    expect(names).not.toContain(word);
  });

  it('puts people first: the forty most mentioned are almost all persons', () => {
    const notPeople = top.filter((n) => /(?:ity|ism|isme|ure|all|ly|ers)$/.test(n));
    expect(notPeople).toEqual([]);
  });
});

describe('the people a book’s notes name', () => {
  const names = namesOf('wollstonecraft-vindication.epub');

  it('end where the name ends, not with the note’s full stop', () => {
    expect(names).toContain('Dr. Price');
    expect(names.filter((n) => /[.,;:]$/.test(n))).toEqual([]);
  });

  it.each(['Vide Milton', 'Rousseau’s Emilius'])('“%s”, which opens a note, is no one', (form) => {
    expect(names).not.toContain(form);
  });
});

describe('countries and continents', () => {
  it.each([
    ['smith-wealth-of-nations.txt', ['Portugal', 'Greece', 'Egypt', 'Denmark', 'Mexico'], ['Columbus', 'Plato', 'Aristotle']],
    ['hamilton-madison-jay-federalist.txt', ['France', 'Spain', 'Greece', 'Italy'], ['PUBLIUS', 'Montesquieu', 'Pericles']],
    ['melville-moby-dick.txt', ['America', 'Japan', 'Africa', 'Europe'], ['Ahab', 'Queequeg', 'Starbuck']],
  ])('%s: %j are places, %j people', (file, places, people) => {
    const names = namesOf(file);
    for (const place of places) expect(names).not.toContain(place);
    for (const person of people) expect(names).toContain(person);
  });
});
