/** A second process for the store tests: opens the store at argv[2], writes one setting, and exits. */
import { Store } from '../../src/store';

const [file = '', guildId = ''] = process.argv.slice(2);
const store = await Store.open(file);
await store.guilds.setMark(guildId, { workId: 'the-prince', through: 'ch. 1', section: 1 });
await store.close();
process.stdout.write(`${guildId} done\n`);
