import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { readEpub } from '../../src/corpus';
import { epubMeta, gutenbergHeaderMeta, htmlMetaTags, htmlTitleMeta, mergeMeta, shortLicense, shortTitle } from '../../src/import/metadata';
import { CONTAINER, zipEpub } from '../helpers/epub';

describe('shortTitle', () => {
  it.each([
    ['An Inquiry into the Nature and Causes of the Wealth of Nations', 'The Wealth of Nations'],
    ['Moby Dick; or The Whale', 'Moby Dick'],
    ['A Vindication of the Rights of Woman: With Strictures on Political and Moral Subjects', 'A Vindication of the Rights of Woman'],
    ['Frankenstein, or, The Modern Prometheus', 'Frankenstein'],
    ['War and Peace', 'War and Peace'],
  ])('%s → %s', (title, short) => {
    expect(shortTitle(title)).toBe(short);
  });
});

describe('metadata from a Project Gutenberg header', () => {
  it('reads title, author, translator, e-text number, licence and url; a continued line joins the field', () => {
    const header = [
      'The Project Gutenberg EBook of War and Peace, by Leo Tolstoy',
      '',
      'Title: War and Peace',
      '',
      'Author: Leo Tolstoy',
      '',
      'Translators: Louise and',
      '             Aylmer Maude',
      '',
      'Posting Date: January 10, 2009 [EBook #2600]',
    ];
    expect(mergeMeta(gutenbergHeaderMeta(header))).toEqual({
      title: 'War and Peace',
      author: 'Leo Tolstoy',
      translator: 'Louise and Aylmer Maude',
      source: 'Project Gutenberg EBook #2600',
      license: 'Public domain in the USA; Project Gutenberg License',
      url: 'https://www.gutenberg.org/ebooks/2600',
    });
  });

  it('reads the old "[Etext #1404]" form, and never takes a title naming the e-text', () => {
    const meta = gutenbergHeaderMeta(['Title: The Project Gutenberg E-text of Common Sense', 'Release Date: July, 1998  [Etext #1404]']);
    expect(meta.title).toBeUndefined();
    expect(meta.url).toBe('https://www.gutenberg.org/ebooks/1404');
  });
});

describe('metadata from HTML', () => {
  it('reads DC meta tags first, and a title with a line break as one line', () => {
    const root = parse(`<html><head><title>Ignored</title>
      <meta name="DC.title" content="Common
        Sense"><meta name="DC.creator" content="Thomas Paine"><meta name="DC.date" content="1776">
      <meta name="DC.rights" content="Public domain"></head><body></body></html>`);
    expect(mergeMeta(htmlMetaTags(root), htmlTitleMeta(root))).toEqual({ title: 'Common Sense', author: 'Thomas Paine', date: '1776', license: 'Public domain' });
  });

  it.each([
    ['The Project Gutenberg E-text of Common Sense, by Thomas Paine.', { title: 'Common Sense', author: 'Thomas Paine' }],
    ['The Project Gutenberg eBook of Democracy in America, Part I. by Alexis de Tocqueville', { title: 'Democracy in America, Part I.', author: 'Alexis de Tocqueville' }],
    ['The Project Gutenberg E-text', {}],
    ['Walden,\n   and On The Duty Of Civil Disobedience', { title: 'Walden, and On The Duty Of Civil Disobedience' }],
  ])('never uses a raw <title> naming the e-text: %j', (title, expected) => {
    expect(htmlTitleMeta(parse(`<html><head><title>${title}</title></head></html>`))).toEqual(expected);
  });
});

describe('metadata from an EPUB package', () => {
  const book = (metadata: string, version = '3.0') =>
    readEpub(
      zipEpub({
        'META-INF/container.xml': CONTAINER,
        'OEBPS/content.opf': `<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" xmlns:opf="http://www.idpf.org/2007/opf" version="${version}">
          <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">${metadata}</metadata>
          <manifest><item id="a" href="a.xhtml" media-type="application/xhtml+xml"/></manifest><spine><itemref idref="a"/></spine></package>`,
        'OEBPS/a.xhtml': '<html><body><p>x</p></body></html>',
      }),
    ).metadata;

  it('EPUB 3: creators are authors, a contributor refined with role trl is the translator; a timestamp is the file’s date, not the book’s', () => {
    const m = book(`<dc:identifier id="uid">https://standardebooks.org/ebooks/karl-marx_friedrich-engels/the-communist-manifesto</dc:identifier>
      <dc:date>2017-10-19T01:55:17Z</dc:date>
      <dc:title id="title">The Communist Manifesto</dc:title>
      <dc:creator id="author-1">Karl Marx</dc:creator><meta property="role" refines="#author-1" scheme="marc:relators">aut</meta>
      <dc:creator id="author-2">Friedrich Engels</dc:creator>
      <dc:contributor id="translator">Samuel Moore</dc:contributor><meta property="role" refines="#translator" scheme="marc:relators">trl</meta>
      <dc:rights>The source text and artwork in this ebook are believed to be in the United States public domain; that is, they are believed to be free of copyright restrictions in the United States. The creators dedicate their contributions to the worldwide public domain via the terms in the [CC0 1.0 Universal Public Domain Dedication](https://creativecommons.org/publicdomain/zero/1.0/).</dc:rights>
      <dc:publisher>Standard Ebooks</dc:publisher>
      <dc:source>https://www.gutenberg.org/ebooks/31193</dc:source>`);
    expect(mergeMeta(epubMeta(m))).toEqual({
      title: 'The Communist Manifesto',
      author: 'Karl Marx and Friedrich Engels',
      translator: 'Samuel Moore',
      license: 'Public domain in the USA; CC0 1.0',
      source: 'Standard Ebooks, from https://www.gutenberg.org/ebooks/31193',
      url: 'https://standardebooks.org/ebooks/karl-marx_friedrich-engels/the-communist-manifesto',
    });
  });

  it('EPUB 2: opf:role="trl" is the translator, the original publication date is the date; a main title beats its subtitle', () => {
    const m = book(
      `<dc:title>With Strictures</dc:title><dc:creator opf:role="aut">Leo Tolstoy</dc:creator><dc:creator opf:role="trl">Aylmer Maude</dc:creator>
      <dc:date opf:event="publication">2009-01-10</dc:date><dc:date opf:event="original-publication">1869</dc:date><dc:rights>Public domain in the USA.</dc:rights>`,
      '2.0',
    );
    expect(mergeMeta(epubMeta(m))).toEqual({ title: 'With Strictures', author: 'Leo Tolstoy', translator: 'Aylmer Maude', date: '1869', license: 'Public domain in the USA.' });
  });

  it('keeps a short rights statement as written', () => {
    expect(shortLicense('Creative Commons Attribution-ShareAlike')).toBe('Creative Commons Attribution-ShareAlike');
  });
});
