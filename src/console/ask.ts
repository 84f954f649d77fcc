import { runConsoleMain } from './main';

await runConsoleMain(process.argv.slice(2));
