import { StringDecoder } from 'node:string_decoder';

/** The longest console input line, in characters: far above any command, far below a memory problem. */
export const MAX_LINE = 8192;

export type InputLine = { text: string } | { tooLong: number };

/**
 * The lines of a piped input, streamed. A line ends at `\n` or `\r\n` only: a lone `\r` is kept
 * inside its line, where the command parser reads it as a space, so one line always gets one answer.
 * A line longer than `max` is not kept: the rest of it is only counted, and it comes out as its
 * length alone, so a 20 MB line costs no more memory than an 8 KiB one.
 */
export async function* readLines(input: AsyncIterable<string | Buffer>, max = MAX_LINE): AsyncGenerator<InputLine> {
  const decoder = new StringDecoder('utf8');
  let line = '';
  let length = 0;
  let endsInCR = false;
  let pending = false;
  const finish = (): InputLine => {
    const size = endsInCR ? length - 1 : length;
    const done: InputLine = size > max ? { tooLong: size } : { text: endsInCR ? line.slice(0, -1) : line };
    line = '';
    length = 0;
    endsInCR = false;
    pending = false;
    return done;
  };
  const add = (piece: string) => {
    if (!piece) return;
    pending = true;
    length += piece.length;
    endsInCR = piece.endsWith('\r');
    // One character past the limit is kept, for a `\r` that the `\n` after it may take away.
    if (length <= max + 1) line += piece;
    else line = '';
  };
  const split = function* (text: string): Generator<InputLine> {
    for (let at = 0; at < text.length; ) {
      const newline = text.indexOf('\n', at);
      if (newline < 0) {
        add(text.slice(at));
        return;
      }
      add(text.slice(at, newline));
      pending = true;
      yield finish();
      at = newline + 1;
    }
  };
  for await (const chunk of input) yield* split(typeof chunk === 'string' ? chunk : decoder.write(chunk));
  yield* split(decoder.end());
  if (pending) yield finish();
}
