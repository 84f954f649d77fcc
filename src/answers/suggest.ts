import { keyOf, suggestNames } from '../search/names';
import { searchPassages } from '../search/passages';
import { foldPhrase } from '../search/text';
import type { Library } from './library';
import { footnoteView } from './library';
import { memoizeBy } from './memo';
import { creditedNames } from './who';

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

/**
 * People in the name index, matched as typed, fuzzily and accent-blind; within a work once one is
 * chosen. Authors and translators the metadata credits come first when every word typed begins one
 * of theirs ("abid" → Mitch Abidor).
 */
export function nameChoices(library: Library, typed: string, workId?: string): Choice[] {
  const scope = workId && library.works.has(workId) ? workId : undefined;
  const words = keyOf(typed).split(' ').filter(Boolean);
  const credited = words.length
    ? creditedNames(library.corpus.works).filter((c) => (!scope || c.workIds.includes(scope)) && words.every((w) => c.words.some((cw) => cw.startsWith(w))))
    : [];
  const names = [...credited.map((c) => c.name), ...suggestNames(library.names, typed, MAX_CHOICES, scope).map((g) => g.name)];
  return [...new Set(names)].slice(0, MAX_CHOICES).map((name) => ({ name, value: name }));
}

interface FootnoteEntry {
  workId: string;
  title: string;
  /** "3", or "ch. 2 n. 3" where notes are numbered afresh in each chapter. */
  number: string;
  label: string;
  text: string;
  value: string;
  /** Label and text in lower case, for matching what is typed. */
  haystack: string;
}

/** Every footnote, prepared once per library: autocomplete runs on every keystroke. */
const entriesOf = memoizeBy(
  (library: Library): FootnoteEntry[] =>
    library.corpus.works.flatMap((w) =>
      w.footnotes.map((f) => {
        const view = footnoteView(w, f);
        const scoped = view.chapter > 0 && view.locator.startsWith('ch.');
        return {
          workId: w.meta.id,
          title: w.meta.title,
          number: view.locator.replace(/^n\. /, ''),
          label: f.label.toLowerCase(),
          text: f.text,
          value: scoped ? view.locator : f.label,
          haystack: f.text.toLowerCase(),
        };
      }),
    ),
);

/** Footnotes with a preview: "3 — Translation of the revolution betrayed." */
export function footnoteChoices(library: Library, typed: string, workId?: string): Choice[] {
  const wanted = typed.trim().toLowerCase().replace(/^n(?:ote)?\.?\s*/, '');
  const entries = entriesOf(library).filter((e) => !workId || e.workId === workId);
  const several = new Set(entries.map((e) => e.workId)).size > 1;
  const chosen: Choice[] = [];
  for (const e of entries) {
    if (wanted && !e.label.startsWith(wanted) && !e.number.startsWith(wanted) && !e.haystack.includes(wanted)) continue;
    // The work's title comes before the note, where a long note cannot push it out of the 100 characters.
    chosen.push({ name: `${e.number}${several ? ` (${e.title})` : ''} — ${e.text}`, value: e.value });
    if (chosen.length === MAX_CHOICES) break;
  }
  return chosen;
}

/** Openings of the passages that best match what has been typed. */
export function queryChoices(library: Library, typed: string, workId?: string): Choice[] {
  const query = typed.trim();
  if (!query) return [];
  return searchPassages(library.index, library.corpus.passages, { query, workId, limit: MAX_CHOICES, typing: true }).map((hit) => {
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
