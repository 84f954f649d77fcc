import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCorpus, EpubError, readEpub } from '../../src/corpus';
import { resolveHref } from '../../src/corpus/epub';
import { importEpub } from '../../src/import/epub';
import { importBook } from '../../src/import/run';
import { NOTE_MARKERS, type BookTree } from '../../src/import/tree';
import { CONTAINER, epub3, xhtml, zipEpub } from '../helpers/epub';

/** The tree's blocks as short lines: `H kind n | title`, `P text` (markers as <id>), `N [label] text`. */
function outline(tree: BookTree): string[] {
  return tree.blocks.map((b) => {
    if (b.type === 'heading') return `H ${b.kind ?? '-'} ${b.n ?? '-'}${b.inContents ? ' toc' : ''}${b.matter ? ` ${b.matter.kind}` : ''} | ${b.title}`;
    if (b.type === 'paragraph') return `P ${b.text.replace(NOTE_MARKERS, '<$1>')}`;
    return `N [${b.label}] ${b.id} | ${b.text}`;
  });
}

/** A Standard Ebooks–like EPUB 3: front matter, a book in parts, endnotes with backlinks, an uncopyright. */
const standard = () =>
  epub3({
    metadata: `<dc:title>War and Peace</dc:title><dc:creator id="a">Leo Tolstoy</dc:creator>
      <dc:contributor id="t">Louise Maude</dc:contributor><meta property="role" refines="#t">trl</meta>`,
    chapters: [
      { file: 'titlepage.xhtml', type: 'frontmatter', body: '<section epub:type="titlepage"><h1 epub:type="title">War and Peace</h1><p>By Leo Tolstoy.</p></section>' },
      { file: 'imprint.xhtml', type: 'frontmatter', body: '<section epub:type="imprint"><h2>Imprint</h2><p>This ebook is the product of many hours of hard work by volunteers.</p></section>' },
      { file: 'preface.xhtml', type: 'frontmatter', body: '<section epub:type="preface"><h2 epub:type="title">Preface</h2><p>The author’s own preface.</p></section>' },
      {
        file: 'book-1.xhtml',
        body: '<section id="book-1" epub:type="division"><h2><span epub:type="se:label">Book</span> <span epub:type="z3998:ordinal z3998:roman">IX</span></h2></section>',
      },
      {
        file: 'part-1.xhtml',
        body: '<section id="part-1" epub:type="part"><hgroup><h3><span epub:type="se:label">Part</span> <span epub:type="z3998:ordinal z3998:roman">I</span></h3><p epub:type="title">1812</p></hgroup></section>',
      },
      {
        file: 'chapter-1.xhtml',
        body: `<section id="chapter-1" epub:type="chapter"><hgroup><h4 epub:type="z3998:ordinal z3998:roman">III</h4><p epub:type="title">The Crossing<a href="endnotes.xhtml#note-1" id="noteref-1" epub:type="noteref">1</a></p></hgroup>
          <p>On the twelfth of June the forces of Western Europe crossed the Russian frontier.</p>
          <p>“<i xml:lang="fr">Mon cher</i>,”<a href="endnotes.xhtml#note-2" id="noteref-2" epub:type="noteref">2</a> said the prince.</p>
          <p>And again: <i xml:lang="fr">mon cher</i>.<a href="endnotes.xhtml#note-2" epub:type="noteref">2</a></p>
          <p>A word with a footnote.<a href="#fn-1" epub:type="noteref">*</a></p>
          <aside id="fn-1" epub:type="footnote"><p>* The footnote, printed in the chapter.</p></aside></section>`,
      },
      {
        file: 'endnotes.xhtml',
        type: 'backmatter',
        body: `<section epub:type="endnotes"><h2 epub:type="title">Endnotes</h2><ol>
          <li id="note-1"><p>A note on the chapter’s title. <a href="chapter-1.xhtml#noteref-1" epub:type="backlink">↩</a></p></li>
          <li id="note-2"><p>My dear. <a href="chapter-1.xhtml#noteref-2" epub:type="backlink">↩</a></p></li></ol></section>`,
      },
      { file: 'uncopyright.xhtml', type: 'backmatter', body: '<section epub:type="copyright-page"><h2>Uncopyright</h2><p>May you do good and not evil.</p></section>' },
    ],
    nav: `<nav epub:type="toc"><ol><li><a href="text/preface.xhtml">Preface</a></li><li><a href="text/book-1.xhtml">Book IX</a><ol>
        <li><a href="text/part-1.xhtml">Part I: 1812</a><ol><li><a href="text/chapter-1.xhtml">III</a></li></ol></li></ol></li></ol></nav>
      <nav epub:type="landmarks"><ol><li><a href="text/chapter-1.xhtml" epub:type="bodymatter">Start</a></li></ol></nav>`,
  });

describe('importEpub (EPUB 3)', () => {
  it('reads the spine in order: divisions with their numbers, matter left out and listed, notes by their references', () => {
    const tree = importEpub(standard());
    expect(outline(tree)).toEqual([
      'H - - toc preface | Preface',
      'P The author’s own preface.',
      'H book 9 toc | Book IX',
      'H part 1 toc | Part I: 1812',
      'H chapter 3 toc | III: The Crossing',
      'P <OEBPS/text/endnotes.xhtml#note-1>On the twelfth of June the forces of Western Europe crossed the Russian frontier.',
      'P “Mon cher,”<OEBPS/text/endnotes.xhtml#note-2> said the prince.',
      'P And again: mon cher.<OEBPS/text/endnotes.xhtml#note-2>',
      'P A word with a footnote.<OEBPS/text/chapter-1.xhtml#fn-1>',
      'N [*] OEBPS/text/chapter-1.xhtml#fn-1 | The footnote, printed in the chapter.',
      'N [1] OEBPS/text/endnotes.xhtml#note-1 | A note on the chapter’s title.',
      'N [2] OEBPS/text/endnotes.xhtml#note-2 | My dear.',
    ]);
    expect(tree.leftOut.map((l) => `${l.file}:${l.line} ${l.kind} ${l.title}`)).toEqual([
      'OEBPS/text/titlepage.xhtml:3 title page War and Peace',
      'OEBPS/text/imprint.xhtml:3 imprint Imprint',
      'OEBPS/text/uncopyright.xhtml:3 imprint Uncopyright',
    ]);
    expect(tree.titlePage).toEqual(['War and Peace', 'By Leo Tolstoy.']);
    expect(tree.contents).toEqual([
      { title: 'Preface', depth: 1 },
      { title: 'Book IX', depth: 1 },
      { title: 'Part I: 1812', depth: 2 },
      { title: 'III', depth: 3 },
    ]);
    expect(tree.meta).toMatchObject({ title: 'War and Peace', author: 'Leo Tolstoy', translator: 'Louise Maude' });
  });

  it('imports into a corpus that proves every passage and note against the EPUB, in the book’s own divisions', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'marginalia-epub-'));
    const file = path.join(dir, 'war.epub');
    await writeFile(file, standard());
    const out = path.join(dir, 'corpus');
    const result = await importBook({ file, out });
    expect(result.report).toContain('(EPUB)');
    expect(result.report).toContain('  left out:    2 × imprint (lines OEBPS/text/imprint.xhtml:3, OEBPS/text/uncopyright.xhtml:3); title page (lines OEBPS/text/titlepage.xhtml:3)\n');
    expect(result.ok).toBe(true);
    expect((await checkCorpus(out)).problems).toEqual([]);
    const markdown = await readFile(result.written ?? '', 'utf8');
    expect(markdown).toContain('# Book IX {bk=9}\n\n## Part I: 1812 {pt=1}\n\n### III: The Crossing {ch=3}\n');
    expect(markdown).toContain('“Mon cher,”[^2] said the prince.\n\nAnd again: mon cher.[^2]\n\n[^2]: My dear.\n');
    expect(markdown).not.toMatch(/Imprint|volunteers|Uncopyright|good and not evil|↩/);
    expect((await readdir(out)).sort()).toEqual(['sources', 'war-and-peace.md']);
    expect(await readdir(path.join(out, 'sources'))).toEqual(['war.epub']);
  });
});

describe('importEpub and notes no link points at', () => {
  it('reads a footnote aside without a noteref as a note for the note decision to pair by its label', () => {
    const tree = importEpub(
      epub3({
        metadata: '<dc:title>T</dc:title>',
        chapters: [{ file: 'c.xhtml', body: '<section epub:type="chapter"><h2>I</h2><p>A sentence with a star.*</p><aside epub:type="footnote"><p>* The starred note.</p></aside></section>' }],
        nav: '<nav epub:type="toc"><ol><li><a href="text/c.xhtml">I</a></li></ol></nav>',
      }),
    );
    expect(tree.blocks.filter((b) => b.type === 'note').map((b) => b.type === 'note' && { label: b.label, text: b.text, linked: b.linked })).toEqual([{ label: '*', text: 'The starred note.', linked: false }]);
  });
});

describe('importEpub (EPUB 2)', () => {
  it('takes the contents from the NCX, the title page from the guide, and notes from label links into a notes file', () => {
    const book = zipEpub({
      'META-INF/container.xml': CONTAINER,
      'OEBPS/content.opf': `<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" xmlns:opf="http://www.idpf.org/2007/opf" version="2.0">
        <metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>The Prince</dc:title><dc:creator opf:role="aut">Nicolo Machiavelli</dc:creator><dc:creator opf:role="trl">W. K. Marriott</dc:creator></metadata>
        <manifest><item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/><item id="t" href="title.html" media-type="application/xhtml+xml"/>
          <item id="c" href="ch%201.html" media-type="application/xhtml+xml"/><item id="n" href="notes.html" media-type="application/xhtml+xml"/></manifest>
        <spine toc="ncx"><itemref idref="t"/><itemref idref="c"/><itemref idref="n" linear="no"/></spine>
        <guide><reference type="title-page" href="title.html" title="Title"/></guide></package>`,
      'OEBPS/toc.ncx': `<?xml version="1.0"?><ncx xmlns="http://www.daisy.org/z3986/2005/ncx/"><navMap>
        <navPoint id="p1" playOrder="1"><navLabel><text>CHAPTER I</text></navLabel><content src="ch%201.html#c1"/></navPoint></navMap></ncx>`,
      'OEBPS/title.html': '<html><body><h1>THE PRINCE</h1><p>by Nicolo Machiavelli</p></body></html>',
      'OEBPS/ch 1.html': '<html><body><h2 id="c1">CHAPTER I</h2><p>All states, all powers,<a href="notes.html#n1"><sup>[1]</sup></a> are either republics or principalities.</p></body></html>',
      'OEBPS/notes.html': '<html><body><h2>NOTES</h2><div class="notes"><p id="n1">[1] Principalities, as Machiavelli uses the word. <a href="ch%201.html">back</a></p></div></body></html>',
    });
    const tree = importEpub(book);
    expect(outline(tree)).toEqual([
      'H - - toc | CHAPTER I',
      'P All states, all powers,<OEBPS/notes.html#n1> are either republics or principalities.',
      'H - - | NOTES',
      'N [1] OEBPS/notes.html#n1 | Principalities, as Machiavelli uses the word.',
    ]);
    expect(tree.leftOut.map((l) => `${l.kind} ${l.title}`)).toEqual(['title page THE PRINCE']);
    expect(tree.contents).toEqual([{ title: 'CHAPTER I', depth: 1 }]);
    expect(tree.meta).toMatchObject({ title: 'The Prince', author: 'Nicolo Machiavelli', translator: 'W. K. Marriott' });
  });
});

describe('readEpub refuses in one sentence', () => {
  /** Sets every central-directory entry's declared uncompressed size, as a zip bomb declares it. */
  const declare = (zip: Uint8Array, size: number) => {
    const bytes = Buffer.from(zip);
    for (let at = bytes.indexOf('PK\x01\x02', 0, 'latin1'); at >= 0; at = bytes.indexOf('PK\x01\x02', at + 4, 'latin1')) bytes.writeUInt32LE(size, at + 24);
    return bytes;
  };
  const chapters = (n: number) => Array.from({ length: n }, (_, i) => ({ file: `c${i}.xhtml`, body: `<p>Chapter ${i}.</p>` }));
  const book = (n: number) => epub3({ metadata: '<dc:title>T</dc:title>', chapters: chapters(n), nav: '<nav epub:type="toc"><ol></ol></nav>' });

  it.each([
    ['one document declared larger than 64 MB', () => declare(book(1), 100 * 1024 * 1024), 'META-INF/container.xml inside the EPUB would unpack to 100 MB, more than the 64 MB allowed for one document; it is refused as a possible zip bomb'],
    ['documents declared larger than 200 MB together', () => declare(book(5), 60 * 1024 * 1024), 'the EPUB would unpack to more than 200 MB; it is refused as a possible zip bomb'],
    ['a file that is no zip archive', () => Buffer.from('just text'), 'it is not a readable EPUB: its zip archive is damaged or not a zip archive at all'],
    ['a zip archive without a container', () => zipEpub({ 'a.txt': 'x' }), 'it has no META-INF/container.xml, so it is not an EPUB'],
    ['a spine naming a document the archive lacks', () => zipEpub({ 'META-INF/container.xml': CONTAINER, 'OEBPS/content.opf': '<package version="3.0"><manifest><item id="a" href="a.xhtml" media-type="application/xhtml+xml"/></manifest><spine><itemref idref="a"/></spine></package>' }), 'its spine names OEBPS/a.xhtml, which the archive does not hold as a document'],
  ])('%s', (_, bytes, message) => {
    expect(() => readEpub(bytes())).toThrow(new EpubError(message));
  });

  it('an EPUB whose text is encrypted', () => {
    const files = { 'META-INF/container.xml': CONTAINER, 'OEBPS/content.opf': '<package version="3.0"><manifest><item id="a" href="text/a.xhtml" media-type="application/xhtml+xml"/></manifest><spine><itemref idref="a"/></spine></package>', 'OEBPS/text/a.xhtml': 'x' };
    const encryption = '<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><EncryptedData><CipherData><CipherReference URI="OEBPS/text/a.xhtml"/></CipherData></EncryptedData></encryption>';
    expect(() => readEpub(zipEpub({ ...files, 'META-INF/encryption.xml': encryption }))).toThrow(new EpubError('its text is encrypted (DRM), starting with OEBPS/text/a.xhtml, so it cannot be read; import a DRM-free copy'));
  });

  it('says so in the import report, writing nothing', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'marginalia-epub-'));
    const file = path.join(dir, 'bomb.epub');
    await writeFile(file, declare(book(5), 60 * 1024 * 1024));
    const result = await importBook({ file, out: path.join(dir, 'corpus') });
    expect(result).toEqual({ ok: false, report: `Could not import ${file}: the EPUB would unpack to more than 200 MB; it is refused as a possible zip bomb.\n` });
    expect(await readdir(dir)).toEqual(['bomb.epub']);
  });

  it('never resolves a path out of the archive', () => {
    expect(resolveHref('OEBPS/content.opf', '../../etc/passwd')).toBeUndefined();
    expect(resolveHref('OEBPS/content.opf', '/etc/passwd')).toBeUndefined();
    expect(resolveHref('OEBPS/content.opf', 'https://example.org/a.xhtml')).toBeUndefined();
    expect(resolveHref('OEBPS/text/a.xhtml', '../notes.xhtml#n%201')).toEqual({ path: 'OEBPS/notes.xhtml', fragment: 'n%201' });
    expect(resolveHref('OEBPS/text/a.xhtml', 'ch%201.xhtml')).toEqual({ path: 'OEBPS/text/ch 1.xhtml' });
  });
});

describe('xhtml helper', () => {
  it('is a document the EPUB reader parses', () => {
    expect(xhtml('<p>x</p>')).toContain('<body epub:type="bodymatter"><p>x</p></body>');
  });
});
