import { answerInView, type Answer, type Library } from '../answers';
import type { CommandContext, CommandOptions } from './command';

/** Whether a reader asked to see past the group's reading mark: answered privately, and only to them. */
export const wantsSpoilers = (options: CommandOptions): boolean => options.spoilers === true;

/**
 * An answer from the server's view of the library: nothing past its reading marks, with a count of
 * what they held back, or with `spoilers:true` the server's works whole.
 */
export function answerGuarded(run: (context: CommandContext) => Answer, options: CommandOptions, context: CommandContext): Answer {
  const { view } = context;
  if (!view) return run(context);
  return answerInView(view, (library: Library) => run({ ...context, library }), { spoilers: wantsSpoilers(options) });
}
