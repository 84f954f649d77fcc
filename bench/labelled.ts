import type { Corpus } from '../src/corpus';
import type { LabelledQuery } from '../src/search/evaluate';
import { seedQueries } from '../test/fixtures/seed-queries';

/**
 * Readers' questions about the long books (War and Peace, Democracy in America) and the books of
 * the regression set (test/books), each labelled with a sentence the book really holds: the answer is the passage that holds it. Sentences, not ¶
 * numbers, so the labels stay true however the importer numbers a book's sections and whatever
 * id it gives it.
 */
export const librarySentences: { query: string; sentence: string | string[] }[] = [
  { query: 'Genoa and Lucca family estates of the Buonapartes', sentence: 'so Genoa and Lucca are now just family estates of the Buonapartes' },
  { query: 'general Kutuzov has been pleased to take me as aide-de-camp', sentence: '“General Kutúzov,” said Bolkónski, speaking French' },
  { query: 'Dolokhov jumps onto the window sill with the bottle of rum', sentence: 'Dólokhov, the bottle of rum still in his hand, jumped onto the window sill.' },
  { query: 'the policeman tied back to back with a bear', sentence: 'They tied a policeman and the bear back to back and put the bear into the Moyka Canal' },
  { query: 'Natasha you know that I love you', sentence: '“Natásha,” he said, “you know that I love you, but....”' },
  { query: 'where is that lofty sky I did not know till now', sentence: '“Where is it, that lofty sky that I did not know till now, but saw today?”' },
  { query: 'Anatole does not consider himself bound to answer', sentence: '“Mon cher,” answered Anatole (their whole conversation was in French), “I don’t consider myself bound to answer' },
  { query: 'why was the battle of Borodino fought', sentence: 'Why and how were the battles of Shevárdino and Borodinó given and accepted?' },
  { query: 'Moscow was empty, a fiftieth part of its inhabitants remained', sentence: 'Meanwhile Moscow was empty. There were still people in it, perhaps a fiftieth part' },
  { query: 'how old was Karataev, stories of his campaigns', sentence: 'Platón Karatáev must have been fifty, judging by his stories of campaigns' },
  { query: 'Platon Karataev fifty years old soldier', sentence: 'Platón Karatáev must have been fifty, judging by his stories of campaigns' },
  { query: 'Dolokov rum window', sentence: 'Dólokhov, the bottle of rum still in his hand, jumped onto the window sill.' },
  { query: 'equality of conditions struck me during my stay in the United States', sentence: 'Amongst the novel objects that attracted my attention during my stay in the United States' },
  { query: 'germ of township independence in the laws of Connecticut', sentence: 'In the laws of Connecticut, as well as in all those of New England, we find the germ' },
  { query: 'charter granted by Charles I to the emigrants to Massachusetts', sentence: 'a charter of this kind was granted by Charles I to the emigrants who went to form the colony of Massachusetts' },
  { query: 'federal judiciary to apply the laws of the Union', sentence: 'agreed to create a federal judiciary power to apply the laws of the Union' },
  { query: 'not a firm attachment to the liberty of the press', sentence: 'I confess that I do not entertain that firm and complete attachment to the liberty of the press' },
  { query: 'omnipotence of the majority perils for the American republics', sentence: 'The omnipotence of the majority appears to me to present such extreme perils to the American Republics' },
  { query: 'tyranny of the majority felt in manners more than conduct', sentence: 'Effects of the tyranny of the majority more sensibly felt hitherto in the manners than in the conduct of society' },
  { query: 'trial by jury an instrument of the sovereignty of the people', sentence: 'Trial by jury, which is one of the instruments of the sovereignty of the people, deserves to be compared' },
  { query: 'omnipotense of the majorty', sentence: 'The omnipotence of the majority appears to me to present such extreme perils to the American Republics' },
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
  return [...seedQueries.filter((q) => ids.has(q.workId)), ...bySentence];
}
