import { createInterface } from 'node:readline';
import type { Answer } from '../answers';
import { answerCommand, INTERNAL_ERROR, type AppContext } from '../discord/dispatch';
import { notice } from '../answers';
import type { Logger } from '../logger';
import { render } from '../render/render';
import { replyToText } from '../render/text';
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
  return json ? JSON.stringify(reply) : replyToText(reply, { ansi });
}

/** Answers each line of `input` in order; with --json exactly one JSON object per line. */
export async function runConsole(app: AppContext, logger: Logger, options: ConsoleOptions): Promise<void> {
  const ansi = !options.json && Boolean((options.output as { isTTY?: boolean }).isTTY);
  const lines = createInterface({
    input: options.input,
    ...(options.interactive ? { output: options.prompt ?? process.stderr, prompt: 'marginalia> ' } : {}),
    terminal: Boolean(options.interactive),
  });
  if (options.interactive) lines.prompt();
  for await (const line of lines) {
    const text = formatReply(answerLine(line, app, logger), options.json, ansi);
    options.output.write(`${text}\n${options.json ? '' : '\n'}`);
    if (options.interactive) lines.prompt();
  }
}
