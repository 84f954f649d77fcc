import { markerSentence } from '../../src/answers/footnote';
import type { Work } from '../../src/corpus';
import { quoteMarkdown } from '../../src/render/format';
import { LIMITS } from '../../src/render/limits';
import { markdownFragments } from './quoted';

/** Words shown around a footnote marker, at the least, where the passage has them. */
export const MIN_WORDS_AROUND_MARKER = 5;

const wordsIn = (text: string) => text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

/**
 * What /footnote would show of each marker of a work, checked: the marker itself, at least five
 * words around it (or the whole passage, if shorter), and every fragment the passage's own text.
 * Returns one line per marker that breaks a rule; none for a sound work.
 */
export function markerViolations(work: Work): string[] {
  const out: string[] = [];
  for (const passage of work.passages) {
    for (const ref of passage.footnoteRefs) {
      const focus = markerSentence(passage.text, ref);
      const markdown = quoteMarkdown({ text: passage.text, highlights: [ref], focus, focusOnly: true }, LIMITS.fieldValue);
      const fragments = markdownFragments(markdown);
      const marker = passage.text.slice(ref.start, ref.end);
      const where = `${work.meta.id} line ${passage.line} ${marker}`;
      const shown = fragments.join(' ');
      if (fragments.some((f) => !passage.text.includes(f))) out.push(`${where}: not verbatim: ${JSON.stringify(fragments)}`);
      else if (!fragments.some((f) => f.includes(marker))) out.push(`${where}: marker not shown: ${JSON.stringify(markdown)}`);
      else if (wordsIn(shown.replace(marker, ' ')) < Math.min(MIN_WORDS_AROUND_MARKER, wordsIn(passage.text.replace(marker, ' ')))) {
        out.push(`${where}: too few words: ${JSON.stringify(shown)}`);
      }
    }
  }
  return out;
}
