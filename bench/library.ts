/**
 * The library the benchmark's second run reads: every book of the regression set (test/books),
 * the seed and the benchmark corpus, in one corpus folder. A work found in more than one folder
 * is taken from the first; people.yml files are joined by name. A folder may hold books still to
 * import (EPUB, Gutenberg text, HTML): each is imported with the importer, as a user would.
 */
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { PEOPLE_FILE, SOURCES_DIR, type PersonAliases } from '../src/corpus';
import { importBook } from '../src/import/run';

const BOOK = /\.(epub|txt|html?)$/i;

/** In this order: the benchmark corpus first, so its works keep the ¶ numbers its labelled queries name. */
export const LIBRARY_FOLDERS = ['bench/corpus', 'test/fixtures/seed', 'test/books'];

export async function assembleLibrary(folders: readonly string[], out: string): Promise<{ works: string[]; folders: string[] }> {
  await mkdir(path.join(out, SOURCES_DIR), { recursive: true });
  const ids = new Set<string>();
  const people = new Map<string, PersonAliases>();
  const used: string[] = [];
  for (const folder of folders.filter((f) => existsSync(f))) {
    used.push(folder);
    const add = async (from: string, name: string) => {
      const text = await readFile(path.join(from, name), 'utf8');
      const id = /^id:\s*(\S+)/m.exec(text)?.[1] ?? name;
      if (ids.has(id)) return;
      ids.add(id);
      await writeFile(path.join(out, `${id}.md`), text);
      const source = /^source_file:\s*"?([^"\n]+?)"?\s*$/m.exec(text)?.[1];
      const target = source && path.join(out, SOURCES_DIR, source);
      if (source && target && !existsSync(target)) await copyFile(path.join(from, SOURCES_DIR, source), target);
    };
    const names = (await readdir(folder)).sort();
    for (const name of names.filter((n) => n.endsWith('.md') && n.toLowerCase() !== 'readme.md')) await add(folder, name);
    for (const name of names.filter((n) => BOOK.test(n))) {
      const staging = await mkdtemp(path.join(os.tmpdir(), 'marginalia-bench-import-'));
      try {
        const imported = await importBook({ file: path.join(folder, name), out: staging });
        if (imported.ok && imported.written) await add(staging, path.basename(imported.written));
        else process.stderr.write(`library: ${name} left out: ${imported.report}`);
      } finally {
        await rm(staging, { recursive: true, force: true });
      }
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
