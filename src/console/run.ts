import { createInterface } from 'node:readline';
import type { Answer } from '../answers';
import { guildContext, INTERNAL_ERROR, performCommand, type AppContext } from '../discord/dispatch';
import { notice } from '../answers';
import type { Logger } from '../logger';
import { render } from '../render/render';
import { replyToText } from '../render/text';
import { MAX_LINE, readLines, type InputLine } from './lines';
import { parseCommandLine } from './parse';

export interface ConsoleOptions {
  json: boolean;
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** Where the prompt goes in an interactive session; never stdout's answers. */
  prompt?: NodeJS.WritableStream;
  interactive?: boolean;
  /** The server the console plays (--guild). */
  guildId?: string;
}

/** The server the console plays when no --guild is given: a local one, kept in the same store. */
export const CONSOLE_GUILD = 'console';

/**
 * One line in, one rendered reply out: the same renderer as the bot, so the two cannot drift. The
 * console plays one server (`guildId`, default a local one) and one member who has Manage Server.
 */
export async function answerLine(line: string, app: AppContext, logger: Logger, guildId = CONSOLE_GUILD): Promise<Answer> {
  try {
    const parsed = parseCommandLine(line, app.registry);
    if ('kind' in parsed) return parsed;
    const context = await guildContext({ ...app, canManageServer: true }, guildId);
    return await performCommand(parsed.name, parsed.options, context);
  } catch (err) {
    logger.error({ err, line }, 'console command failed');
    return notice('error', INTERNAL_ERROR);
  }
}

export function formatReply(answer: Answer, json: boolean, ansi = false): string {
  const reply = render(answer);
  return json ? jsonLine(reply) : replyToText(reply, { ansi });
}

/** JSON on one line, with DEL and C1 controls (which JSON may leave raw, and a terminal may obey) as \u escapes. */
function jsonLine(value: unknown): string {
  return JSON.stringify(value).replace(/[\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const tooLongLine = (length: number) =>
  notice('error', `That line is ${length} characters long; the console reads lines of up to ${MAX_LINE} characters.`);

/**
 * Answers each line of `input` in order; with --json exactly one JSON object per line. Piped input
 * is read by `readLines` (lines end at `\n` or `\r\n`, at most MAX_LINE characters); a terminal
 * keeps readline's editing and history, with the same cap.
 */
export async function runConsole(app: AppContext, logger: Logger, options: ConsoleOptions): Promise<void> {
  const ansi = !options.json && Boolean((options.output as { isTTY?: boolean }).isTTY);
  const answer = async (line: InputLine) => {
    const reply = 'tooLong' in line ? tooLongLine(line.tooLong) : await answerLine(line.text, app, logger, options.guildId);
    options.output.write(`${formatReply(reply, options.json, ansi)}\n${options.json ? '' : '\n'}`);
  };
  if (!options.interactive) {
    for await (const line of readLines(options.input as AsyncIterable<string | Buffer>)) await answer(line);
    return;
  }
  const lines = createInterface({ input: options.input, output: options.prompt ?? process.stderr, prompt: 'marginalia> ', terminal: true });
  lines.prompt();
  for await (const line of lines) {
    await answer(line.length > MAX_LINE ? { tooLong: line.length } : { text: line });
    lines.prompt();
  }
}
