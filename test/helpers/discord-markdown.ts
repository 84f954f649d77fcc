import type { InteractionReply } from '../../src/render/render';
import { mentionableTexts } from './limits';

/**
 * What Discord would render in a piece of Markdown, as a small tokenizer. It errs towards finding
 * too much: a delimiter with a partner anywhere later on the line counts, and code is scanned inside.
 * An escape is a backslash before anything but an ASCII letter, digit or space, as in Discord.
 */
export type ConstructKind =
  | 'heading'
  | 'small text'
  | 'list'
  | 'block quote'
  | 'code'
  | 'spoiler'
  | 'strikethrough'
  | 'underline'
  | 'bold'
  | 'italic'
  | 'masked link'
  | 'link'
  | 'mention'
  | 'everyone'
  | 'timestamp'
  | 'emoji'
  | 'slash command';

export interface Construct {
  kind: ConstructKind;
  text: string;
}

const isEscapable = (c: string | undefined) => c !== undefined && /[^0-9A-Za-z\s]/.test(c);

/** Index of the next unescaped `token` in `line` at or after `from`, or -1. */
function unescapedIndex(line: string, token: string, from: number): number {
  for (let i = from; i < line.length; i++) {
    if (line[i] === '\\' && isEscapable(line[i + 1])) i++;
    else if (line.startsWith(token, i)) return i;
  }
  return -1;
}

const ANGLE: [ConstructKind, RegExp][] = [
  ['mention', /^<(?:@[!&]?\d+|#\d+|id:\w+)>/],
  ['slash command', /^<\/[^:<>\n]+:\d+>/],
  ['timestamp', /^<t:-?\d+(?::[a-zA-Z])?>/],
  ['emoji', /^<a?:\w+:\d+>/],
  ['link', /^<[a-z][a-z0-9+.-]*:\/\/[^\s>]+>/i],
];
const BLOCK: [ConstructKind, RegExp][] = [
  ['heading', /^[ \t]*#{1,3}[ \t]+(?=\S)/],
  ['small text', /^[ \t]*-#[ \t]+(?=\S)/],
  ['list', /^[ \t]*(?:[-*+]|\d+\.)[ \t]+(?=\S)/],
];
const PAIRED: [string, ConstructKind][] = [
  ['```', 'code'],
  ['`', 'code'],
  ['||', 'spoiler'],
  ['~~', 'strikethrough'],
  ['__', 'underline'],
  ['**', 'bold'],
  ['*', 'italic'],
  ['_', 'italic'],
];

export function renderedConstructs(markdown: string): Construct[] {
  const found: Construct[] = [];
  for (const whole of markdown.split(/\r\n|[\n\r\u2028\u2029]/)) {
    let line = whole;
    const quote = /^[ \t]*>(?:>>)?[ \t]/.exec(line);
    if (quote) {
      found.push({ kind: 'block quote', text: line });
      line = line.slice(quote[0].length);
    }
    // A list item may itself start with a heading or another marker: look again after each.
    for (let again = true; again; ) {
      again = false;
      for (const [kind, pattern] of BLOCK) {
        const m = pattern.exec(line);
        if (!m) continue;
        found.push({ kind, text: line });
        line = line.slice(m[0].length);
        again = true;
      }
    }
    inline(line, found);
  }
  return found;
}

function inline(line: string, found: Construct[]): void {
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '\\') {
      if (isEscapable(line[i + 1])) i++;
      continue;
    }
    const rest = line.slice(i);
    if (c === '<') {
      const angle = ANGLE.map(([kind, pattern]) => ({ kind, m: pattern.exec(rest) })).find((a) => a.m);
      if (angle?.m) {
        found.push({ kind: angle.kind, text: angle.m[0] });
        i += angle.m[0].length - 1;
      }
      continue;
    }
    if (c === '@' && /^@(?:everyone|here)/.test(rest)) {
      found.push({ kind: 'everyone', text: rest.slice(0, rest.startsWith('@here') ? 5 : 9) });
      continue;
    }
    if (c === '[') {
      const close = unescapedIndex(line, '](', i + 1);
      if (close > 0 && unescapedIndex(line, ')', close + 2) > 0) found.push({ kind: 'masked link', text: line.slice(i, unescapedIndex(line, ')', close + 2) + 1) });
      continue;
    }
    const bare = /^(?:[a-z][a-z0-9+.-]*:\/\/\S+|discord(?:app)?\.(?:gg|com|me|io)\/\S+)/i.exec(rest);
    if (bare) {
      found.push({ kind: 'link', text: bare[0] });
      i += bare[0].length - 1;
      continue;
    }
    const pair = PAIRED.find(([token]) => rest.startsWith(token));
    if (pair) {
      const [token, kind] = pair;
      const close = unescapedIndex(line, token, i + token.length);
      if (close > i + token.length) {
        found.push({ kind, text: line.slice(i, close + token.length) });
        i = close + token.length - 1;
      } else i += token.length - 1;
    }
  }
}

/** What the bot's own templates put in replies: bold, italic, the block quote of a passage, and `<url>` links it was given. */
export function foreignConstructs(reply: InteractionReply, ownLinks: readonly string[] = []): Construct[] {
  // The strings Discord reads for mentions are the ones it renders as Markdown: content, titles, descriptions, fields.
  return mentionableTexts(reply)
    .flatMap(renderedConstructs)
    .filter((c) => !['bold', 'italic', 'block quote'].includes(c.kind) && !(c.kind === 'link' && ownLinks.some((url) => c.text === `<${url}>`)));
}
