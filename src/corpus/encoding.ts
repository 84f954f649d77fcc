/**
 * UTF-8 that was once read as Latin-1 and saved again as UTF-8 spells each accented letter as two
 * characters: "NatÃ¡sha" for "Natásha". A lead byte (U+00C2–U+00F4) followed by continuation bytes
 * (U+0080–U+00BF) is almost never real prose, so each such sequence is decoded back.
 */
const DOUBLE_ENCODED = /[\u00C2-\u00DF][\u0080-\u00BF]|[\u00E0-\u00EF][\u0080-\u00BF]{2}|[\u00F0-\u00F4][\u0080-\u00BF]{3}/g;

export function repairDoubleEncoding(text: string): string {
  return text.replace(DOUBLE_ENCODED, (sequence) => {
    const decoded = Buffer.from(sequence, 'latin1').toString('utf8');
    return decoded.includes('\uFFFD') ? sequence : decoded;
  });
}
