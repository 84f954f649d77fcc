import { createInterface } from 'node:readline';
import type { Answer } from '../answers';
import { answerCommand, INTERNAL_ERROR, type AppContext } from '../discord/dispatch';
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
}

/** One line in, one rendered reply out: the same renderer as the bot, so the two cannot drift. */
export function answerLine(line: string, app: AppContext, logger: Logger): Answer {
  try {
    const parsed = parseCommandLine(line, app.registry);
    return 'kind' in parsed ? parsed : answerCommand(parsed.name, parsed.options, app);
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
  const answer = (line: InputLine) => {
    const reply = 'tooLong' in line ? tooLongLine(line.tooLong) : answerLine(line.text, app, logger);
    options.output.write(`${formatReply(reply, options.json, ansi)}\n${options.json ? '' : '\n'}`);
  };
  if (!options.interactive) {
    for await (const line of readLines(options.input as AsyncIterable<string | Buffer>)) answer(line);
    return;
  }
  const lines = createInterface({ input: options.input, output: options.prompt ?? process.stderr, prompt: 'marginalia> ', terminal: true });
  lines.prompt();
  for await (const line of lines) {
    answer(line.length > MAX_LINE ? { tooLong: line.length } : { text: line });
    lines.prompt();
  }
}
