/**
 * Starts the bot's core exactly as `npm start` does, up to ready, and reports how long that took
 * from process start. Usage: CORPUS_DIR=… INDEX_CACHE_DIR=… tsx bench/cold-start.ts
 */
import { createApp } from '../src/app';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/logger';
import { memory } from './stats';

const app = await createApp(loadConfig(), createLogger({ level: 'silent' }));
const readyMs = performance.now();
const { user, system } = process.cpuUsage();
// CPU time besides wall time: on a shared machine the wall clock also counts other processes' turns.
process.stdout.write(`${JSON.stringify({ readyMs: Math.round(readyMs), cpuMs: Math.round((user + system) / 1000), passages: app.library.corpus.passages.length, memory: memory() })}\n`);
