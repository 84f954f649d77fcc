import type { Corpus } from '../src/corpus';
import type { LabelledQuery } from '../src/search/evaluate';
import { seedQueries } from '../test/fixtures/seed-queries';

/**
 * Readers' questions about the long books, each with the passage that answers it. Together with
 * the seed's labelled set they score all three engines on the same footing.
 */
export const bookQueries: LabelledQuery[] = [
  { query: 'Genoa and Lucca family estates of the Buonapartes', workId: 'war-and-peace', chapter: 1, paragraph: 1 },
  { query: 'general Kutuzov has been pleased to take me as aide-de-camp', workId: 'war-and-peace', chapter: 4, paragraph: 3 },
  { query: 'Dolokhov jumps onto the window sill with the bottle of rum', workId: 'war-and-peace', chapter: 9, paragraph: 28 },
  { query: 'the policeman tied back to back with a bear', workId: 'war-and-peace', chapter: 10, paragraph: 15 },
  { query: 'Natasha you know that I love you', workId: 'war-and-peace', chapter: 13, paragraph: 26 },
  { query: 'where is that lofty sky I did not know till now', workId: 'war-and-peace', chapter: 68, paragraph: 3 },
  { query: 'Anatole does not consider himself bound to answer', workId: 'war-and-peace', chapter: 165, paragraph: 12 },
  { query: 'why was the battle of Borodino fought', workId: 'war-and-peace', chapter: 209, paragraph: 2 },
  { query: 'Moscow was empty, a fiftieth part of its inhabitants remained', workId: 'war-and-peace', chapter: 249, paragraph: 1 },
  { query: 'how old was Karataev, stories of his campaigns', workId: 'war-and-peace', chapter: 276, paragraph: 3 },
  { query: 'Platon Karataev fifty years old soldier', workId: 'war-and-peace', chapter: 276, paragraph: 3 },
  { query: 'Dolokov rum window', workId: 'war-and-peace', chapter: 9, paragraph: 28 },
  { query: 'equality of conditions struck me during my stay in the United States', workId: 'democracy-in-america', chapter: 1, paragraph: 1 },
  { query: 'germ of township independence in the laws of Connecticut', workId: 'democracy-in-america', chapter: 4, paragraph: 10 },
  { query: 'charter granted by Charles I to the emigrants to Massachusetts', workId: 'democracy-in-america', chapter: 4, paragraph: 4 },
  { query: 'federal judiciary to apply the laws of the Union', workId: 'democracy-in-america', chapter: 14, paragraph: 18 },
  { query: 'not a firm attachment to the liberty of the press', workId: 'democracy-in-america', chapter: 19, paragraph: 4 },
  { query: 'omnipotence of the majority perils for the American republics', workId: 'democracy-in-america', chapter: 20, paragraph: 18 },
  { query: 'tyranny of the majority felt in manners more than conduct', workId: 'democracy-in-america', chapter: 27, paragraph: 30 },
  { query: 'trial by jury an instrument of the sovereignty of the people', workId: 'democracy-in-america', chapter: 29, paragraph: 2 },
  { query: 'omnipotense of the majorty', workId: 'democracy-in-america', chapter: 20, paragraph: 18 },
];

/**
 * Readers' questions about the books of the regression set (test/books), each labelled with a
 * sentence the book really holds: the answer is the passage that holds it. Sentences, not ¶
 * numbers, so the labels stay true however the importer numbers a book's sections and whatever
 * id it gives it.
 */
export const librarySentences: { query: string; sentence: string | string[] }[] = [
  { query: 'the life of man solitary poor nasty brutish and short', sentence: 'And the life of man, solitary, poore, nasty, brutish, and short.' },
  { query: 'how to erect a common power to defend them from foreigners', sentence: 'The only way to erect such a Common Power, as may be able to defend them from the invasion of Forraigners' },
  { query: 'laws of nature without the terror of some power are contrary to our natural passions', sentence: 'For the Lawes of Nature (as Justice, Equity, Modesty, Mercy' },
  { query: 'is it better for a prince to be loved or feared', sentence: 'it is much safer to be feared than loved' },
  { query: 'better to be adventurous than cautious because fortune is a woman', sentence: 'because fortune is a woman' },
  { query: 'princes who keep faith and live with integrity not craft', sentence: 'Every one admits how praiseworthy it is in a prince to keep faith' },
  { query: 'call me Ishmael', sentence: 'Call me Ishmael.' },
  { query: 'going to sea is my substitute for pistol and ball', sentence: 'This is my substitute for pistol and ball.' },
  { query: 'abominated the thought of sleeping with the harpooneer', sentence: 'The more I pondered over this harpooneer, the more I abominated the thought of sleeping with him.' },
  { query: 'if men were angels no government would be needed', sentence: 'If men were angels, no government would be necessary.' },
  { query: 'the army may aid the magistrate to suppress a small faction or a mob', sentence: 'The army under such circumstances may usefully aid the magistrate to suppress a small faction' },
  { query: 'public debt of the union a cause of collision between the states', sentence: 'The public debt of the Union would be a further cause of collision between the separate States' },
  { query: 'over his own body and mind the individual is sovereign', sentence: 'Over himself, over his own body and mind, the individual is sovereign.' },
  { query: 'a suppressed opinion may be true, its censors are not infallible', sentence: 'First: the opinion which it is attempted to suppress by authority may possibly be true.' },
  { query: 'liberty of the press a security against corrupt or tyrannical government', sentence: 'The time, it is to be hoped, is gone by, when any defence would be necessary of the "liberty of the press"' },
  // The Gutenberg text and the EPUB are different editions: either wording labels the passage.
  { query: 'a spectre is haunting Europe', sentence: ['A spectre is haunting Europe', 'A specter is haunting Europe'] },
  { query: 'history of all existing societies is the history of class struggles', sentence: ['The history of all hitherto existing societies is', 'The history of all hitherto existing society is'] },
  { query: 'the working men have no country', sentence: ['The working men have no country.', 'The workingmen have no country.'] },
  { query: 'transition to monogamy violated a primeval religious law', sentence: 'That the transition to monogamy, reserving a certain woman exclusively to one man, implied the violation of a primeval religious law' },
  { query: 'polygamy and polyandry could not be put in any historical order', sentence: 'oriental polygamy and Indo-Tibethan polyandry were known' },
];

/** Whitespace collapsed and note markers ("society[4] is") left out, so a label reads as the sentence does. */
const collapse = (text: string) => text.replace(/\[[\w*†‡]{1,4}\]/g, '').replace(/\s+/g, ' ');

/** The labelled queries whose works are in this corpus: sentences resolve to the one passage that holds them. */
export function labelledQueries(corpus: Corpus): LabelledQuery[] {
  const ids = new Set(corpus.works.map((w) => w.meta.id));
  const bySentence = librarySentences.flatMap(({ query, sentence }) => {
    const wordings = (Array.isArray(sentence) ? sentence : [sentence]).map(collapse);
    const holding = corpus.passages.filter((p) => wordings.some((w) => collapse(p.text).includes(w)));
    const [passage, ...others] = holding;
    if (others.length) throw new Error(`the labelled sentence "${sentence}" is in ${holding.length} passages; label it with a longer one`);
    return passage ? [{ query, workId: passage.workId, paragraph: passage.n, chapter: passage.chapter }] : [];
  });
  return [...[...seedQueries, ...bookQueries].filter((q) => ids.has(q.workId)), ...bySentence];
}
