import type { CommandOptions } from './command';

type OptionValue = CommandOptions[string];

export const optionalString = (value: OptionValue): string | undefined => (value === undefined ? undefined : String(value));

export const optionalNumber = (value: OptionValue): number | undefined => (typeof value === 'number' ? value : undefined);
