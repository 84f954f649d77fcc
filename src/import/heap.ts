import v8 from 'node:v8';

/**
 * How much the JS heap may grow past what was live at the last full collection before collecting
 * again: 100% (double), where V8 allows up to four times on a machine with memory to spare.
 */
const HEAP_GROWING_PERCENT = 100;

/**
 * Bounds the heap of an import process. An import holds a book several times over for moments
 * (decoded, cut into paragraphs, written, proven against its source, its names counted), each
 * copy garbage soon after; by V8's default the heap grew to four times the most ever live before
 * collecting, and a 30 MB book peaked at 1.3 GB of RSS. Collecting at double keeps it under 1 GB,
 * for a few percent more time. For a process that imports (the CLI, the benchmark), not the bot.
 */
export function boundImportHeap(): void {
  v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
