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

/** The labelled queries whose works are in this corpus. */
export function labelledQueries(corpus: Corpus): LabelledQuery[] {
  const ids = new Set(corpus.works.map((w) => w.meta.id));
  return [...seedQueries, ...bookQueries].filter((q) => ids.has(q.workId));
}
