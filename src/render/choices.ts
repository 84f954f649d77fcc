import { InteractionResponseType } from 'discord.js';
import type { Choice } from '../answers';
import { visibleControls } from './escape';
import { clip, ELLIPSIS, LIMITS } from './limits';

export interface AutocompleteReply {
  type: InteractionResponseType.ApplicationCommandAutocompleteResult;
  data: { choices: Choice[] };
}

/** At most 25 choices, each name and value at most 100 characters, no duplicates, no control characters in names. */
export function renderChoices(choices: readonly Choice[]): AutocompleteReply {
  const seen = new Set<string>();
  const fitted: Choice[] = [];
  for (const choice of choices) {
    const value = clip(choice.value, LIMITS.choiceValue);
    if (!choice.name.trim() || !value.trim() || seen.has(value)) continue;
    seen.add(value);
    // Choice names are shown raw, never as Markdown: only control characters need making visible.
    fitted.push({ name: clip(visibleControls(choice.name), LIMITS.choiceName, ELLIPSIS), value });
    if (fitted.length === LIMITS.autocompleteChoices) break;
  }
  return { type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices: fitted } };
}
