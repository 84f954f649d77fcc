import { describe, expect, it } from 'vitest';
import { markerSentence } from '../../src/answers/footnote';

/** The sentence shown for the marker `[label]` in `text`. */
function shown(text: string, label: string): string {
  const marker = `[${label}]`;
  const start = text.indexOf(marker);
  const span = markerSentence(text, { start, end: start + marker.length });
  return text.slice(span.start, span.end);
}

describe('markerSentence: the sentence a footnote marker closes', () => {
  it.each([
    [
      'a marker after an abbreviation',
      'In the end, they will understand. I strongly and cordially shake your hands, you and N.I.[1] Your Victor Serge.',
      '1',
      'I strongly and cordially shake your hands, you and N.I.[1]',
    ],
    [
      'a marker after a closing quote and italics, with short sentences before it',
      'The sailors shouted at the officers. “Traitors! Provocators! _Opritchniki!_”[15] And then the crowd fell silent.',
      '15',
      'The sailors shouted at the officers. “Traitors! Provocators! _Opritchniki!_”[15]',
    ],
    [
      'a marker after a full stop, with punctuation following it',
      'He wrote the pamphlet in a single night and sent it to the printers.[3]. Nobody read it.',
      '3',
      'He wrote the pamphlet in a single night and sent it to the printers.[3].',
    ],
    [
      'a marker inside its sentence',
      'The editor wants me to send him the translation[3] little by little. That is all.',
      '3',
      'The editor wants me to send him the translation[3] little by little.',
    ],
  ])('%s', (_what, text, label, expected) => {
    expect(shown(text, label)).toBe(expected);
  });

  it('keeps at least eight words and never cuts the text’s own emphasis in half', () => {
    const text = 'It was _a very long and winding road. Short one[2]._ The end of it all.';
    const sentence = shown(text, '2');
    expect(sentence.split('_').length % 2).toBe(1);
    expect(sentence.split(/\s+/).length).toBeGreaterThanOrEqual(8);
    expect(sentence).toContain('[2]');
  });
});

describe('every marker of the seed', () => {
  it('shows the marker, five words or more around it, and only the passage’s own text', async () => {
    const { loadSeed } = await import('../helpers/library');
    const { markerViolations } = await import('../helpers/markers');
    const { corpus } = await loadSeed();
    expect(corpus.works.flatMap(markerViolations)).toEqual([]);
  });
});

describe('a short sentence that opens its passage', () => {
  it('is read with the words that follow it', () => {
    expect(shown('“Gott, wie naiv!”[18] said the Emperor, turning to the officer beside him.', '18')).toBe(
      '“Gott, wie naiv!”[18] said the Emperor, turning to the officer beside him.',
    );
  });
});
