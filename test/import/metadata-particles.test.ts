import { describe, expect, it } from 'vitest';
import { particlesAsWritten } from '../../src/import/metadata';

describe('particlesAsWritten: a name as the book itself writes it', () => {
  it.each([
    ['Alexis De Tocqueville', 'the predictions of M. de Tocqueville are, as M. de Tocqueville said', 'Alexis de Tocqueville'],
    ['Charles De Gaulle', 'General De Gaulle spoke; De Gaulle left.', 'Charles De Gaulle'],
    ['Ludwig Van Beethoven', 'the symphonies of van Beethoven', 'Ludwig van Beethoven'],
    ['Alexis De Tocqueville', 'a text that never names him', 'Alexis De Tocqueville'],
    ['Victor Serge', 'de Serge', 'Victor Serge'],
  ])('%s in "%s" → %s', (name, text, expected) => {
    expect(particlesAsWritten(name, text)).toBe(expected);
  });
});
