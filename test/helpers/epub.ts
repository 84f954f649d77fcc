import { strToU8, zipSync, type Zippable } from 'fflate';

/** An EPUB archive from its files, zipped in memory: `mimetype` first and stored, as the format asks. */
export function zipEpub(files: Record<string, string | Uint8Array>): Uint8Array {
  const entries: Zippable = { mimetype: [strToU8('application/epub+zip'), { level: 0 }] };
  for (const [name, content] of Object.entries(files)) entries[name] = typeof content === 'string' ? strToU8(content) : content;
  return zipSync(entries);
}

export const CONTAINER = `<?xml version="1.0"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles>
</container>`;

export interface Chapter {
  /** File name under OEBPS/text/. */
  file: string;
  body: string;
  /** `epub:type` of the body. */
  type?: string;
}

/** An XHTML document as EPUB 3 writes them. */
export const xhtml = (body: string, type = 'bodymatter') =>
  `<?xml version="1.0" encoding="utf-8"?>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"><head><title>t</title></head>
<body epub:type="${type}">${body}</body></html>`;

export interface Epub3Options {
  metadata: string;
  chapters: Chapter[];
  /** The nav document's body (`<nav epub:type="toc">…`). */
  nav: string;
}

/** A small EPUB 3: package document, nav document, one XHTML file per chapter in spine order. */
export function epub3({ metadata, chapters, nav }: Epub3Options): Uint8Array {
  const files: Record<string, string> = { 'META-INF/container.xml': CONTAINER };
  const items = chapters.map((c, i) => `<item id="c${i}" href="text/${c.file}" media-type="application/xhtml+xml"/>`).join('\n');
  const spine = chapters.map((_, i) => `<itemref idref="c${i}"/>`).join('\n');
  files['OEBPS/content.opf'] = `<?xml version="1.0" encoding="utf-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="uid">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">${metadata}</metadata>
  <manifest>
    <item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
    ${items}
  </manifest>
  <spine>${spine}</spine>
</package>`;
  files['OEBPS/nav.xhtml'] = xhtml(nav, 'frontmatter');
  for (const c of chapters) files[`OEBPS/text/${c.file}`] = xhtml(c.body, c.type);
  return zipEpub(files);
}
