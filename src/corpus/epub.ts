import path from 'node:path';
import { unzipSync } from 'fflate';
import { HTMLElement, parse } from 'node-html-parser';
import { decodeText } from './encoding';

/** An EPUB is refused when its documents would unpack to more than this, or one entry to more than the per-entry bound. */
export const MAX_UNPACKED_BYTES = 200 * 1024 * 1024;
export const MAX_ENTRY_BYTES = 64 * 1024 * 1024;
const MB = 1024 * 1024;

/** Why an EPUB cannot be read, in one sentence a reader can act on. */
export class EpubError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EpubError';
  }
}

export interface EpubItem {
  id: string;
  /** The entry's path inside the archive, resolved against the package document. Never a path on disk. */
  path: string;
  mediaType: string;
  properties: string[];
}

/** A `dc:` element of the package metadata, with the EPUB 3 refinements (`<meta refines>`) or EPUB 2 `opf:` attributes folded in. */
export interface DcEntry {
  value: string;
  /** MARC relator codes: `aut`, `trl`, `edt`… (EPUB 3 `role` refinements, EPUB 2 `opf:role`). */
  roles: string[];
  /** `main`, `subtitle`… for titles (EPUB 3 `title-type`). */
  type?: string;
  /** EPUB 2 `opf:event` on dates, `opf:scheme` on identifiers. */
  event?: string;
  scheme?: string;
}

export interface EpubMetadata {
  titles: DcEntry[];
  creators: DcEntry[];
  contributors: DcEntry[];
  dates: DcEntry[];
  rights: string[];
  sources: string[];
  identifiers: DcEntry[];
  languages: string[];
  publishers: string[];
}

/** A landmark (EPUB 3 nav `landmarks`) or guide reference (EPUB 2): a matter type and where it starts. */
export interface EpubLandmark {
  types: string[];
  path: string;
  fragment?: string;
  title: string;
}

export interface EpubPackage {
  version: string;
  /** The package document's path inside the archive. */
  opfPath: string;
  metadata: EpubMetadata;
  manifest: EpubItem[];
  /** Reading order. Items marked `linear="no"` are kept, flagged. */
  spine: { item: EpubItem; linear: boolean }[];
  /** EPUB 3 navigation document, EPUB 2 NCX. */
  nav?: EpubItem;
  ncx?: EpubItem;
  /** EPUB 2 `<guide>` references. */
  guide: EpubLandmark[];
  /** The text of every XHTML document and the NCX, by archive path. */
  documents: Map<string, string>;
}

const DOCUMENT_TYPES = /^(?:application\/xhtml\+xml|text\/html|application\/x-dtbncx\+xml)$/;

/** Parses XML (package document, NCX, XHTML) keeping tag case and treating no tag as void (`<meta>` holds text in a package document). */
export function parseXml(text: string): HTMLElement {
  return parse(text, { lowerCaseTagName: false, comment: false, voidTag: { tags: [] } });
}

/** The local name of an element: `dc:title` → `title`, `navPoint` → `navpoint`. */
export const localName = (el: HTMLElement) => (el.rawTagName ?? '').replace(/^.*:/, '').toLowerCase();

const elements = (root: HTMLElement, name: string) => root.querySelectorAll('*').filter((el) => localName(el) === name);

/**
 * Reads an EPUB (2 or 3) into plain data, in memory: its package metadata, manifest, spine, guide
 * and the text of its documents. Nothing is written; paths inside the archive are only ever keys.
 */
export function readEpub(bytes: Uint8Array): EpubPackage {
  const sizes = new Map<string, number>();
  unzip(bytes, (name, size) => {
    sizes.set(name, size);
    return false;
  });
  let total = 0;
  const read = (names: string[]): Map<string, Uint8Array> => {
    const wanted = new Set(names.filter((n) => sizes.has(n)));
    const out = new Map<string, Uint8Array>();
    const files = unzip(bytes, (name, size) => {
      if (!wanted.has(name)) return false;
      if (size > MAX_ENTRY_BYTES) throw new EpubError(`${name} inside the EPUB would unpack to ${Math.ceil(size / MB)} MB, more than the ${MAX_ENTRY_BYTES / MB} MB allowed for one document; it is refused as a possible zip bomb`);
      total += size;
      if (total > MAX_UNPACKED_BYTES) throw new EpubError(`the EPUB would unpack to more than ${MAX_UNPACKED_BYTES / MB} MB; it is refused as a possible zip bomb`);
      return true;
    });
    for (const [name, data] of Object.entries(files)) out.set(name, data);
    return out;
  };
  const text = (data: Uint8Array | undefined) => (data ? decodeText(data).text : undefined);

  const container = text(read(['META-INF/container.xml']).get('META-INF/container.xml'));
  if (container === undefined) throw new EpubError('it has no META-INF/container.xml, so it is not an EPUB');
  const opfPath = elements(parseXml(container), 'rootfile')
    .map((el) => el.getAttribute('full-path') ?? '')
    .find((p) => p && sizes.has(p));
  if (!opfPath) throw new EpubError('its META-INF/container.xml names no package document that the archive holds');
  const opfText = text(read([opfPath]).get(opfPath)) ?? '';
  const opf = parseXml(opfText);
  const pkg = elements(opf, 'package')[0];
  if (!pkg) throw new EpubError(`its package document ${opfPath} has no <package> element`);
  const version = pkg.getAttribute('version') ?? '2.0';
  const resolve = (href: string) => resolveHref(opfPath, href);

  const manifest: EpubItem[] = elements(opf, 'item').flatMap((el) => {
    const target = resolve(el.getAttribute('href') ?? '');
    if (!target) return [];
    return [{ id: el.getAttribute('id') ?? '', path: target.path, mediaType: el.getAttribute('media-type') ?? '', properties: (el.getAttribute('properties') ?? '').split(/\s+/).filter(Boolean) }];
  });
  const byId = new Map(manifest.map((i) => [i.id, i]));
  const spineEl = elements(opf, 'spine')[0];
  const spine = elements(opf, 'itemref').flatMap((el) => {
    const item = byId.get(el.getAttribute('idref') ?? '');
    return item ? [{ item, linear: el.getAttribute('linear') !== 'no' }] : [];
  });
  if (spine.length === 0) throw new EpubError(`its package document ${opfPath} lists no documents to read in its spine`);
  const nav = manifest.find((i) => i.properties.includes('nav'));
  const ncx = byId.get(spineEl?.getAttribute('toc') ?? '') ?? manifest.find((i) => i.mediaType === 'application/x-dtbncx+xml');
  const guide: EpubLandmark[] = elements(opf, 'reference').flatMap((el) => {
    const target = resolve(el.getAttribute('href') ?? '');
    return target ? [{ types: (el.getAttribute('type') ?? '').toLowerCase().split(/\s+/).filter(Boolean), ...target, title: el.getAttribute('title') ?? '' }] : [];
  });

  // Encrypted documents (DRM) would read as noise; obfuscated fonts are harmless.
  const encryption = text(read(['META-INF/encryption.xml']).get('META-INF/encryption.xml'));
  if (encryption) {
    const encrypted = new Set(elements(parseXml(encryption), 'cipherreference').map((el) => el.getAttribute('uri') ?? ''));
    const locked = spine.find((s) => encrypted.has(s.item.path) || encrypted.has(encodeURI(s.item.path)));
    if (locked) throw new EpubError(`its text is encrypted (DRM), starting with ${locked.item.path}, so it cannot be read; import a DRM-free copy`);
  }

  const documents = new Map<string, string>();
  const docs = read(manifest.filter((i) => DOCUMENT_TYPES.test(i.mediaType)).map((i) => i.path));
  for (const [name, data] of docs) documents.set(name, text(data) ?? '');
  const missing = spine.find((s) => !documents.has(s.item.path));
  if (missing) throw new EpubError(`its spine names ${missing.item.path}, which the archive does not hold as a document`);

  return { version, opfPath, metadata: readMetadata(opf), manifest, spine, ...(nav ? { nav } : {}), ...(ncx ? { ncx } : {}), guide, documents };
}

/**
 * An href from a document at `from` (both inside the archive) as an archive path and fragment, or
 * undefined for a link out of the archive (another scheme, or `..` past its root).
 */
export function resolveHref(from: string, href: string): { path: string; fragment?: string } | undefined {
  const [rawPath = '', ...rest] = href.trim().split('#');
  const fragment = rest.join('#');
  if (/^[a-z][a-z0-9+.-]*:/i.test(rawPath) || rawPath.startsWith('/')) return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    decoded = rawPath;
  }
  const target = decoded ? path.posix.normalize(path.posix.join(path.posix.dirname(from), decoded)) : from;
  if (target.startsWith('../') || target === '..') return undefined;
  return { path: target.replace(/^\.\//, ''), ...(fragment ? { fragment } : {}) };
}

function readMetadata(opf: HTMLElement): EpubMetadata {
  const metadata = elements(opf, 'metadata')[0] ?? opf;
  const refinements = new Map<string, Map<string, string[]>>();
  for (const el of elements(metadata, 'meta')) {
    const refines = el.getAttribute('refines');
    const property = el.getAttribute('property');
    if (!refines || !property) continue;
    const id = refines.replace(/^#/, '');
    const props = refinements.get(id) ?? new Map<string, string[]>();
    props.set(property, [...(props.get(property) ?? []), el.text.trim()]);
    refinements.set(id, props);
  }
  const dc = (name: string): DcEntry[] =>
    metadata.querySelectorAll('*').flatMap((el) => {
      if (localName(el) !== name) return [];
      const value = el.text.replace(/\s+/g, ' ').trim();
      if (!value) return [];
      const refined = refinements.get(el.getAttribute('id') ?? '');
      const opfRole = attribute(el, 'role');
      const roles = [...(opfRole ? [opfRole] : []), ...(refined?.get('role') ?? [])].map((r) => r.toLowerCase());
      const type = refined?.get('title-type')?.[0];
      const event = attribute(el, 'event');
      const scheme = attribute(el, 'scheme') ?? refined?.get('identifier-type')?.[0];
      return [{ value, roles, ...(type ? { type } : {}), ...(event ? { event } : {}), ...(scheme ? { scheme } : {}) }];
    });
  const values = (name: string) => dc(name).map((e) => e.value);
  return {
    titles: dc('title'),
    creators: dc('creator'),
    contributors: dc('contributor'),
    dates: dc('date'),
    rights: values('rights'),
    sources: values('source'),
    identifiers: dc('identifier'),
    languages: values('language'),
    publishers: values('publisher'),
  };
}

/** An attribute with or without its `opf:` prefix (EPUB 2 writes `opf:role`). */
function attribute(el: HTMLElement, name: string): string | undefined {
  return el.getAttribute(`opf:${name}`) ?? el.getAttribute(name) ?? undefined;
}

/** Unzips the entries `keep` accepts (by name and declared size). Output is bounded by the declared sizes, which `keep` checks. */
function unzip(bytes: Uint8Array, keep: (name: string, size: number) => boolean): Record<string, Uint8Array> {
  try {
    return unzipSync(bytes, { filter: (file) => keep(file.name, file.originalSize) });
  } catch (error) {
    if (error instanceof EpubError) throw error;
    throw new EpubError('it is not a readable EPUB: its zip archive is damaged or not a zip archive at all');
  }
}
