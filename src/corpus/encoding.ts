import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';

/**
 * UTF-8 that was once read as Latin-1 and saved again as UTF-8 spells each accented letter as two
 * characters: "NatÃ¡sha" for "Natásha". A lead byte (U+00C2–U+00F4) followed by continuation bytes
 * (U+0080–U+00BF) is almost never real prose, so each such sequence is decoded back.
 */
const DOUBLE_ENCODED = /[\u00C2-\u00DF][\u0080-\u00BF]|[\u00E0-\u00EF][\u0080-\u00BF]{2}|[\u00F0-\u00F4][\u0080-\u00BF]{3}/g;

export function repairDoubleEncoding(text: string): string {
  // Most texts need no repair: they are returned as they are, not copied (a 30 MB book is 60 MB of string).
  if (text.search(DOUBLE_ENCODED) < 0) return text;
  return text.replace(DOUBLE_ENCODED, (sequence) => {
    const decoded = Buffer.from(sequence, 'latin1').toString('utf8');
    return decoded.includes('\uFFFD') ? sequence : decoded;
  });
}

export interface Decoded {
  text: string;
  /** The encoding the bytes were read as, e.g. "utf-8", "windows-1252". */
  encoding: string;
}

const HEAD_BYTES = 4096;
const FALLBACK = 'windows-1252';
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Text from a file's bytes. A byte-order mark decides; else bytes that are valid UTF-8 are UTF-8
 * (files re-saved as UTF-8 often keep their old declaration); else the charset the file declares
 * (XML declaration or HTML meta), or Windows-1252, the superset of Latin-1 that old texts use.
 */
export function decodeText(bytes: Uint8Array): Decoded {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) return { text: buffer.toString('utf8', 3), encoding: 'utf-8' };
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return { text: iconv.decode(buffer.subarray(2), 'utf-16le'), encoding: 'utf-16le' };
  if (buffer[0] === 0xfe && buffer[1] === 0xff) return { text: iconv.decode(buffer.subarray(2), 'utf-16be'), encoding: 'utf-16be' };
  try {
    return { text: strictUtf8.decode(buffer), encoding: 'utf-8' };
  } catch {
    // Not UTF-8: a legacy single-byte encoding.
  }
  const declared = declaredCharset(buffer);
  const encoding = declared && !/^(?:utf-?8|us-ascii|ascii|iso-8859-1|latin-?1|l1)$/i.test(declared) && iconv.encodingExists(declared) ? declared.toLowerCase() : FALLBACK;
  if (encoding !== FALLBACK) return { text: iconv.decode(buffer, encoding), encoding };
  // Windows-1252 leaves five bytes undefined; Latin-1 reads them as the control characters they are.
  const text = iconv.decode(buffer, FALLBACK);
  return { text: text.includes('\uFFFD') ? [...text].map((c, i) => (c === '\uFFFD' ? String.fromCharCode(buffer[i] ?? 0) : c)).join('') : text, encoding };
}

/** The charset named by an XML declaration or an HTML `<meta>` near the start of the file. */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, HEAD_BYTES)).toString('latin1');
  const xml = /^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  if (xml) return xml[1];
  return /<meta\b[^>]*?\bcharset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1];
}

const REPLACEMENT_UTF8 = Buffer.from('\uFFFD', 'utf8');

/**
 * Why a corpus file is not clean UTF-8, with the 1-based line: a byte that is not UTF-8, or
 * U+FFFD, the mark an earlier conversion left where it lost a character.
 */
export function utf8Problem(bytes: Uint8Array): { line: number; message: string } | undefined {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // Clean files are the rule: checked on the bytes, without decoding a copy of a 30 MB file.
  if (isUtf8(buffer) && !buffer.includes(REPLACEMENT_UTF8)) return undefined;
  const lenient = buffer.toString('utf8');
  const replacement = lenient.indexOf('\uFFFD');
  if (replacement < 0) return undefined;
  // Re-encoded, the text matches the bytes up to the first byte that was not UTF-8.
  const again = Buffer.from(lenient, 'utf8');
  let bad = 0;
  while (bad < buffer.length && buffer[bad] === again[bad]) bad++;
  const lineAt = (offset: number) => buffer.subarray(0, offset).filter((b) => b === 0x0a).length + 1;
  if (bad < buffer.length) {
    const byte = (buffer[bad] ?? 0).toString(16).toUpperCase().padStart(2, '0');
    return { line: lineAt(bad), message: `byte 0x${byte} is not UTF-8; save the file as UTF-8` };
  }
  const line = lenient.slice(0, replacement).split('\n').length;
  return { line, message: 'U+FFFD (�) stands for a character lost in an earlier conversion; restore it from the source' };
}
