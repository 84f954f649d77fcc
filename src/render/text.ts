import type { AutocompleteReply } from './choices';
import { visibleControls } from './escape';
import type { InteractionReply } from './render';

/** Markdown escapes as Discord shows them: the backslash hidden, the character kept. */
const unescape = (text: string) => text.replace(/\\([^\p{L}\p{N}\s])/gu, '$1');

/**
 * A reply as a person reads it in Discord, for the console: the same rendered message, with
 * Markdown escapes resolved and bold shown in the terminal's bold where it has one. Control
 * characters from input or corpus (ESC, OSC 52…) are shown as symbols, never obeyed by the
 * terminal: the bold, added after, is the only escape sequence that reaches it.
 */
export function replyToText(reply: InteractionReply | AutocompleteReply, { ansi = false } = {}): string {
  if ('choices' in reply.data) return visibleControls(reply.data.choices.map((c) => `• ${c.name}  →  ${c.value}`).join('\n'));
  const markdown = (text: string) => {
    const plain = visibleControls(unescape(text));
    return ansi ? plain.replace(/(?<!\\)\*\*(.+?)\*\*/g, '\u001b[1m$1\u001b[22m') : plain;
  };
  const data = reply.data;
  const out: string[] = [];
  if (data.flags && data.flags & 64) out.push('(only you can see this)');
  if (data.content) out.push(markdown(data.content));
  for (const embed of data.embeds ?? []) {
    if (embed.author?.name) out.push(visibleControls(embed.author.name));
    if (embed.title) out.push(markdown(`**${embed.title}**`));
    if (embed.description) out.push(markdown(embed.description));
    for (const field of embed.fields ?? []) out.push('', markdown(`**${field.name}**`), markdown(field.value));
    if (embed.footer?.text) out.push('', `— ${visibleControls(embed.footer.text).replace(/\n/g, '\n— ')}`);
  }
  const buttons = (data.components ?? []).flatMap((row) => row.components.map((b) => visibleControls(b.disabled ? `(${b.label})` : `[${b.label}]`)));
  if (buttons.length) out.push('', buttons.join(' '));
  return out.join('\n');
}
