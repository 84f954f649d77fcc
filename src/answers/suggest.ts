import { suggestNames } from '../search/names';
import { searchPassages } from '../search/passages';
import { foldPhrase } from '../search/text';
import type { Library } from './library';
import { footnoteView } from './library';

/** An autocomplete choice; the renderer enforces Discord's lengths and count. */
export interface Choice {
  name: string;
  value: string;
}

export const MAX_CHOICES = 25;

/** Works whose title or id contains what has been typed. */
export function workChoices(library: Library, typed: string): Choice[] {
  const folded = foldPhrase(typed);
  return library.corpus.works
    .filter((w) => !folded || foldPhrase(w.meta.title).includes(folded) || w.meta.id.includes(typed.trim().toLowerCase()))
    .slice(0, MAX_CHOICES)
    .map((w) => ({ name: w.meta.title, value: w.meta.id }));
}

/** People in the name index, matched as typed, fuzzily and accent-blind. */
export function nameChoices(library: Library, typed: string): Choice[] {
  return suggestNames(library.names, typed, MAX_CHOICES).map((e) => ({ name: e.name, value: e.name }));
}

/** Footnotes with a preview: "3 — Translation of the revolution betrayed." */
export function footnoteChoices(library: Library, typed: string, workId?: string): Choice[] {
  const wanted = typed.trim().toLowerCase().replace(/^n(?:ote)?\.?\s*/, '');
  const works = library.corpus.works.filter((w) => !workId || w.meta.id === workId);
  const several = works.filter((w) => w.footnotes.length).length > 1;
  return works
    .flatMap((w) =>
      w.footnotes.map((f) => {
        const view = footnoteView(w, f);
        const number = view.locator.replace(/^n\. /, '');
        const where = several ? ` (${w.meta.title})` : '';
        return { name: `${number} — ${f.text}${where}`, value: view.chapter && view.locator.startsWith('ch.') ? view.locator : f.label, label: f.label };
      }),
    )
    .filter((c) => !wanted || c.label.toLowerCase().startsWith(wanted) || c.name.toLowerCase().includes(wanted))
    .slice(0, MAX_CHOICES)
    .map(({ name, value }) => ({ name, value }));
}

/** Openings of the passages that best match what has been typed. */
export function queryChoices(library: Library, typed: string, workId?: string): Choice[] {
  const query = typed.trim();
  if (!query) return [];
  return searchPassages(library.index, library.corpus.passages, { query, workId, limit: MAX_CHOICES }).map((hit) => {
    // Choosing an opening searches for its words, which find that passage first.
    const opening = openingWords(hit.passage.text, OPENING_LENGTH);
    return { name: opening, value: opening };
  });
}

const OPENING_LENGTH = 90;

/** The passage's first words, whole, within `max` characters. */
function openingWords(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.lastIndexOf(' ', max);
  return text.slice(0, cut > 0 ? cut : max).replace(/[\s,;:]+$/, '');
}
