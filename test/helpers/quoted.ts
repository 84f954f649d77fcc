import type { InteractionReply } from '../../src/render/render';

const ELLIPSIS = '[…]';

/** Stands for a character Discord would not show as written: it can match no corpus text. */
const UNREADABLE = '\uFFFF';

/**
 * Reads Discord Markdown back to the characters a reader sees: a backslash before anything but an
 * ASCII letter, digit or space escapes it (as in Discord), and an unescaped `**` is the renderer's
 * bold. Strict: any other unescaped Markdown character (`* _ ~ | \` [ ] <`) would change what
 * Discord shows, so it reads back as a character no corpus text holds.
 */
export function unmarkdown(markdown: string): string {
  let out = '';
  for (let i = 0; i < markdown.length; i++) {
    const c = markdown[i] ?? '';
    const next = markdown[i + 1];
    if (c === '\\' && next !== undefined && /[^0-9A-Za-z\s]/.test(next)) {
      out += next;
      i++;
    } else if (c === '*' && next === '*') {
      i++;
    } else out += /[*_~|`[\]<]/.test(c) ? UNREADABLE : c;
  }
  return out;
}

/** The Markdown strings of a reply that may carry a block quote: content, descriptions and field values. */
function markdownTexts(reply: InteractionReply): string[] {
  const { content, embeds = [] } = reply.data;
  return [
    ...(content === undefined ? [] : [content]),
    ...embeds.flatMap((e) => [...(e.description === undefined ? [] : [e.description]), ...(e.fields ?? []).map((f) => f.value)]),
  ];
}

/**
 * Every run of quoted words in some Markdown: each `> ` line, its escapes and bold removed, split
 * where the renderer marked a cut with […]. Each must occur in the corpus as is. Footnote markers
 * are not removed: a passage's text holds them as `[n]`, so they must match too.
 */
export function markdownFragments(markdown: string): string[] {
  const fragments: string[] = [];
  for (const line of markdown.split('\n')) {
    if (!line.startsWith('> ')) continue;
    // Cut marks are the renderer's own and are never escaped: split on them before unescaping.
    for (const piece of line.slice(2).split(ELLIPSIS)) {
      const words = unmarkdown(piece).trim();
      if (words) fragments.push(words);
    }
  }
  return fragments;
}

/** Every run of quoted words in a reply's content, descriptions and field values. */
export function quotedFragments(reply: InteractionReply): string[] {
  return markdownTexts(reply).flatMap(markdownFragments);
}

/** The fragments that are not, character for character, part of any of `texts`. */
export function inventedFragments(reply: InteractionReply, texts: readonly string[]): string[] {
  return quotedFragments(reply).filter((f) => !texts.some((t) => t.includes(f)));
}
