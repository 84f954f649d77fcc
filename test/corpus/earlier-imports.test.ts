import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCorpus } from '../../src/corpus';

/** Moby-Dick's HTML as Project Gutenberg prints it: a <pre> extract and a line break beside an inline tag. */
const PAGE = `<html><body>
<pre>
      “WHALE. * * * Sw. and Dan. <i>hval</i>. This animal is named from roundness or rolling.”
</pre>
<p>Whenever it is a damp, drizzly November in my soul, then, I account it high time to get to sea as
<i>soon</i> as I can.</p>
</body></html>`;

async function corpusOf(passages: string[]): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'marginalia-earlier-'));
  await mkdir(path.join(dir, 'sources'));
  await writeFile(path.join(dir, 'sources', 'moby.htm'), PAGE);
  await writeFile(path.join(dir, 'moby.md'), ['---', 'id: moby', 'title: Moby-Dick', 'source_file: moby.htm', '---', '', ...passages.flatMap((p) => [p, ''])].join('\n'));
  return dir;
}

describe('a corpus file an earlier importer wrote from HTML', () => {
  it.each([
    ['read as today’s importer reads the page', ['“WHALE. * * * Sw. and Dan. hval. This animal is named from roundness or rolling.”', 'Whenever it is a damp, drizzly November in my soul, then, I account it high time to get to sea as soon as I can.']],
    // Earlier importers read <pre> as raw text and ran words beside a tag together ("assoon"): such files still load.
    ['read as earlier importers read it', ['“WHALE. * * * Sw. and Dan. <i>hval</i>. This animal is named from roundness or rolling.”', 'Whenever it is a damp, drizzly November in my soul, then, I account it high time to get to sea assoon as I can.']],
  ])('is proven against its source %s', async (_reading, passages) => {
    expect((await checkCorpus(await corpusOf(passages))).problems).toEqual([]);
  });

  it('is still refused when neither reading holds its words', async () => {
    const { problems } = await checkCorpus(await corpusOf(['Call me Ishmael.']));
    expect(problems.map((p) => p.message)).toEqual(['¶ 1 is not in its source moby.htm: "Call me Ishmael."']);
  });
});
