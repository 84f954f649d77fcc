/**
 * Escaping of user- and corpus-provided text for Discord, in one place.
 *
 * Discord hides a backslash before any character that is not an ASCII letter, digit or space and
 * shows that character as written, so escaping only adds backslashes: the text reads exactly as it
 * was written, and stripping the escapes gives it back character for character.
 *
 * Escaped wherever they stand, whatever precedes them on the line (so no earlier `<:` or `[x](y)`
 * can switch the escaping off):
 * - `\` itself, emphasis, underline, strikethrough and spoilers: `* _ ~ |`
 * - inline code and code blocks: `` ` ``
 * - masked links `[text](url)`: every `[` and `]`
 * - mentions, channels, roles, slash commands, timestamps, custom emoji, `<url>` links: every `<`
 * - `@everyone` and `@here`: their `@`
 * - bare links: the `:` of `scheme://`, and the `.` of a Discord invite (`discord.gg/…`), so they
 *   are neither clickable nor embedded; the reader still sees the address as written
 *
 * Escaped at the start of the text (after any spaces), since templates often put it at the start
 * of a line, where these mean something:
 * - headings `#`, `##`, `###` and small text `-#`
 * - lists `- `, `+ `, `* ` and `1. ` (the dot)
 * - block quotes `>` and `>>>`
 *
 * Each line-break character becomes a space. Passages, notes, names and input are single lines by construction
 * (the corpus joins a paragraph's lines), and a line break inside a title or a name would put the
 * template's next character (a `*`, a `>`) at the start of a line, where no escape can reach it.
 */
const ANYWHERE = /[\\*_~|`[\]<]/g;
const LINE_BREAK = /[\n\r\v\f\u0085\u2028\u2029]/g;
const LINE_START = /^([ \t]*)(#|-(?=#)|[-+](?=[ \t])|>|(\d+)\.(?=[ \t]|$))/;
const EVERYONE = /@(?=everyone|here)/g;
const SCHEME = /([a-z][a-z0-9+.-]*):(?=\/\/)/gi;
const INVITE = /(discord(?:app)?)\.(?=(?:gg|com|me|io)\/)/gi;

export function escapeMarkdown(text: string): string {
  return text
    .replace(LINE_BREAK, ' ')
    .replace(ANYWHERE, '\\$&')
    .replace(EVERYONE, '\\@')
    .replace(SCHEME, '$1\\:')
    .replace(INVITE, '$1\\.')
    .replace(LINE_START, (_m, indent: string, mark: string, digits?: string) => `${indent}${digits === undefined ? `\\${mark}` : `${digits}\\.`}`);
}

/**
 * C0 and C1 control characters (and DEL) as visible symbols, for places that show text raw: a
 * terminal would obey ESC or OSC 52 sequences, and Discord refuses them in choice names.
 * Tabs and newlines stay; every other control becomes its Unicode "control picture" (ESC → ␛),
 * and a C1 control, which has none, becomes U+FFFD.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

export function visibleControls(text: string): string {
  return text.replace(CONTROL, (c) => {
    const code = c.charCodeAt(0);
    if (code < 0x20) return String.fromCharCode(0x2400 + code);
    return code === 0x7f ? '\u2421' : '\uFFFD';
  });
}

/**
 * A corpus url as a link the bot itself writes (`<url>`, an embed's url): only http(s), and only
 * characters that cannot end the `<…>` or start Markdown after it. Anything else is not linked.
 */
export function linkable(url: string | undefined): string | undefined {
  return url && /^https?:\/\/[^\s<>`|\\[\]]+$/i.test(url) ? url : undefined;
}
