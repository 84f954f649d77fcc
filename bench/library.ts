/**
 * The library the benchmark's second run reads: every book of the regression set (test/books),
 * the seed and the benchmark corpus, in one corpus folder. A work found in more than one folder
 * is taken from the first; people.yml files are joined by name.
 */
import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { PEOPLE_FILE, SOURCES_DIR, type PersonAliases } from '../src/corpus';

/** In this order: the benchmark corpus first, so its works keep the ¶ numbers its labelled queries name. */
export const LIBRARY_FOLDERS = ['bench/corpus', 'test/fixtures/seed', 'test/books'];

export async function assembleLibrary(folders: readonly string[], out: string): Promise<{ works: string[]; folders: string[] }> {
  await mkdir(path.join(out, SOURCES_DIR), { recursive: true });
  const ids = new Set<string>();
  const people = new Map<string, PersonAliases>();
  const used: string[] = [];
  for (const folder of folders.filter((f) => existsSync(f))) {
    used.push(folder);
    for (const name of (await readdir(folder)).filter((n) => n.endsWith('.md') && n.toLowerCase() !== 'readme.md').sort()) {
      const text = await readFile(path.join(folder, name), 'utf8');
      const id = /^id:\s*(\S+)/m.exec(text)?.[1] ?? name;
      if (ids.has(id)) continue;
      ids.add(id);
      await writeFile(path.join(out, `${id}.md`), text);
      const source = /^source_file:\s*"?([^"\n]+?)"?\s*$/m.exec(text)?.[1];
      const target = source && path.join(out, SOURCES_DIR, source);
      if (source && target && !existsSync(target)) await copyFile(path.join(folder, SOURCES_DIR, source), target);
    }
    const peopleFile = path.join(folder, PEOPLE_FILE);
    if (!existsSync(peopleFile)) continue;
    for (const person of (parse(await readFile(peopleFile, 'utf8')) ?? []) as PersonAliases[]) {
      const known = people.get(person.name);
      people.set(person.name, { name: person.name, aliases: [...new Set([...(known?.aliases ?? []), ...(person.aliases ?? [])])] });
    }
  }
  if (people.size) await writeFile(path.join(out, PEOPLE_FILE), stringify([...people.values()]));
  return { works: [...ids], folders: used };
}
