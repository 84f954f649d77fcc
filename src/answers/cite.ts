import { collapseWhitespace, NAME_PARTICLES } from '../corpus';
import { notice } from './input';
import { passageLocator, attribution, type Library } from './library';
import type { Answer, Attribution } from './types';


/**
 * "Victor Serge" → "Serge, Victor"; "Alexis de Tocqueville" → "Tocqueville, Alexis de". A name that is
 * already inverted, one word, or several people is left as the source writes it.
 */
export function invertName(name: string): string {
  const words = name.trim().split(/\s+/);
  if (words.length < 2 || /,|\band\b|&/.test(name)) return name.trim();
  // A capitalised particle belongs to the surname ("De Gaulle"); a lower-case one stays with the given names.
  const particle = words.length > 2 && NAME_PARTICLES.has(words.at(-2)?.toLowerCase() ?? '') && /^\p{Lu}/u.test(words.at(-2) ?? '');
  const cut = particle ? -2 : -1;
  return `${words.slice(cut).join(' ')}, ${words.slice(0, cut).join(' ')}`;
}

const sentence = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);
const year = (date?: string) => date?.match(/\d{4}/)?.[0];

/** Chicago (notes and bibliography), bibliography form, with the passage's locator. */
export function chicago(a: Attribution): string {
  return [
    a.author && sentence(invertName(a.author)),
    sentence(`*${collapseWhitespace(a.title)}*`),
    a.translator && sentence(`Translated by ${a.translator}`),
    a.source && sentence(a.source),
    a.date && sentence(a.date),
    sentence(a.locator),
    a.url && sentence(a.url),
  ]
    .filter(Boolean)
    .join(' ');
}

/** MLA (9th edition) works-cited form, with the passage's locator. */
export function mla(a: Attribution): string {
  const container = [a.translator && `translated by ${a.translator}`, a.source, year(a.date), a.locator].filter(Boolean).join(', ');
  return [a.author && sentence(invertName(a.author)), sentence(`*${collapseWhitespace(a.title)}*`), container && sentence(container.replace(/^./, (c) => c.toUpperCase())), a.url && sentence(a.url)]
    .filter(Boolean)
    .join(' ');
}

/** The citation of one passage in both styles, from its work's metadata alone: nothing invented. */
export function cite(library: Library, { workId, seq }: { workId: string; seq: number }): Answer {
  const work = library.works.get(workId);
  const passage = work?.passages[seq];
  if (!work || !passage) return notice('error', 'This button refers to a passage that is no longer in the texts, so it cannot cite it. Run the command again.');
  const a = attribution(work, passageLocator(work, passage), passage);
  return { kind: 'cite', attribution: a, styles: [{ name: 'Chicago', text: chicago(a) }, { name: 'MLA', text: mla(a) }] };
}
