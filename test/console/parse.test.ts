import { beforeAll, describe, expect, it } from 'vitest';
import { parseCommandLine } from '../../src/console/parse';
import type { Registry } from '../../src/discord/registry';
import { loadSeed } from '../helpers/library';

let registry: Registry;
beforeAll(async () => ({ registry } = (await loadSeed()).app));

describe('parseCommandLine', () => {
  it.each([
    ['/quote anarchists Catalonia', 'quote', { query: 'anarchists Catalonia' }],
    ['  /QUOTE   anarchists   Catalonia  ', 'quote', { query: 'anarchists Catalonia' }],
    ['/quote', 'quote', {}],
    ['/quote "in two words" more', 'quote', { query: 'in two words more' }],
    ['/quote anarchists work:serge-letter-1936', 'quote', { query: 'anarchists', work: 'serge-letter-1936' }],
    ['/quote work:"Letter to Leon Trotsky" anarchists', 'quote', { query: 'anarchists', work: 'Letter to Leon Trotsky' }],
    ['/quote query:"the state" public:false', 'quote', { query: 'the state', public: false }],
    ['/quote Spain public:yes', 'quote', { query: 'Spain', public: true }],
    ['/footnote 3', 'footnote', { number: '3' }],
    ['/footnote n. 3', 'footnote', { number: 'n. 3' }],
    ['/footnote [3] work:serge-letter-1936', 'footnote', { number: '[3]', work: 'serge-letter-1936' }],
    ['/footnote 3 chapter:2', 'footnote', { number: '3', chapter: 2 }],
    ['/footnote 3 chapter:-1', 'footnote', { number: '3', chapter: -1 }],
    ['/who name:"Natalia Sedova"', 'who', { name: 'Natalia Sedova' }],
    ['/search anarchists', 'search', { query: 'anarchists' }],
    ['/works', 'works', {}],
    ['/help', 'help', {}],
  ])('%j → /%s %j', (line, name, options) => {
    expect(parseCommandLine(line, registry)).toEqual({ name, options });
  });

  const commands = () => [...registry.keys()].map((n) => `/${n}`).join(', ');
  it.each([
    ['', () => 'Type a command, for example /quote anarchists in Catalonia, or /help.'],
    ['   ', () => 'Type a command, for example /quote anarchists in Catalonia, or /help.'],
    ['quote anarchists', () => 'Commands start with a slash, for example /quote quote anarchists'],
    ['/bogus', () => `There is no command “/bogus”. The commands are ${commands()}.`],
    ['/', () => `There is no command “/”. The commands are ${commands()}.`],
    ['/footnote 3 chapter:two', () => '/footnote chapter must be a whole number, not “two”.'],
    ['/footnote 3 chapter:2.5', () => '/footnote chapter must be a whole number, not “2.5”.'],
    ['/footnote 3 chapter:9999999999', () => '/footnote chapter must be a whole number, not “9999999999”.'],
    ['/quote x public:maybe', () => '/quote public must be true or false, not “maybe”.'],
    ['/quote x colour:red', () => '/quote has no option “colour”. Its options are: query, work, public, spoilers.'],
    ['/who Hernandez query:x', () => '/who has no option “query”. Its options are: name, work, spoilers.'],
    ['/help me', () => '/help takes no options.'],
    ['/works colour:red', () => '/works takes no options.'],
    ['/footnote 3 number:4', () => '/footnote was given number twice.'],
    ['/quote a work:x work:y', () => '/quote was given work twice.'],
    ['/quote query:a query:"b c"', () => '/quote was given query twice.'],
    ['/quote a public:true public:false', () => '/quote was given public twice.'],
  ])('%j → %s', (line, message) => {
    expect(parseCommandLine(line, registry)).toEqual({ kind: 'notice', tone: 'error', message: message() });
  });

  it('the command list in the error comes from the registry', () => {
    expect([...registry.keys()].sort()).toEqual(['daily', 'footnote', 'help', 'library', 'quote', 'reading', 'search', 'who', 'works']);
  });
});
