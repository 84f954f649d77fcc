export * from './types';
export { parseWork, MARKER } from './parse';
export { collapseWhitespace, sourceText, verifyAgainstSource } from './sources';
export { checkCorpus, loadCorpus, formatProblems, CorpusError, PEOPLE_FILE, SOURCES_DIR } from './load';
export { repairDoubleEncoding } from './encoding';
export { readProofs, writeProofs, PROOFS_FILE } from './proofs';
export { findSection, matchSections, normaliseLocator } from './sections';
export { LOCATOR_KEYS, splitHeading, splitNote } from './attributes';
