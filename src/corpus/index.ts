export * from './types';
export { parseWork, MARKER, FOOTNOTE_LABEL_CHARS, MAX_FOOTNOTE_LABEL } from './parse';
export { collapseWhitespace, sourceDocumentText, sourceText, verifyAgainstSource } from './sources';
export { checkCorpus, loadCorpus, type CheckOptions, type ReadProgress, formatProblems, CorpusError, PEOPLE_FILE, SOURCES_DIR } from './load';
export { decodeText, repairDoubleEncoding, utf8Problem } from './encoding';
export { EpubError, readEpub } from './epub';
export { readProofs, writeProofs, PROOFS_FILE } from './proofs';
export { findSection, matchSections, normaliseLocator } from './sections';
export { LOCATOR_KEYS, splitHeading, splitNote } from './attributes';
