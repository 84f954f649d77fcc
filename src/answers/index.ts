export * from './types';
export { createLibrary, type Library, type BuiltIndexes } from './library';
export { quote, MAX_MATCHES, type QuoteRequest } from './quote';
export { search, SEARCH_PAGE_SIZE, type SearchRequest } from './search';
export { who, SHOWN_MENTIONS, type WhoRequest } from './who';
export { footnote, describeRanges, type FootnoteRequest } from './footnote';
export { context, works, help, type ContextRequest, type CommandSummary } from './browse';
export { MAX_QUERY_LENGTH, MAX_NAME_LENGTH, notice } from './input';
export { workChoices, nameChoices, footnoteChoices, queryChoices, MAX_CHOICES, type Choice } from './suggest';
