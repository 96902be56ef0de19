import { readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../store/database.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A migrated embedded database, dumped once per run (see pglite-template.ts). */
    pgliteTemplate: string | undefined;
  }
}

/**
 * vitest's global set-up: on the embedded database, one migrated data directory, dumped to a
 * file that every test file's databases start from (test-database.ts). Creating and migrating
 * an embedded database takes about 4 s of CPU, loading the copy about 0.5 s; a run opens over
 * a hundred. On the server (TEST_DATABASE_URL) each file still creates and migrates its own.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (process.env.TEST_DATABASE_URL) {
    project.provide('pgliteTemplate', undefined);
    return async () => {};
  }
  const database = await openDatabase({ kind: 'pglite', dataDir: null });
  await database.migrate();
  const file = path.join(tmpdir(), `tillit-pglite-template-${process.pid}.tar`);
  await writeFile(file, Buffer.from(await (await database.dump!()).arrayBuffer()));
  await database.close();
  project.provide('pgliteTemplate', file);
  return () => rm(file, { force: true });
}

let template: Promise<Blob> | null = null;

/** The run's migrated copy, read once per test process. */
export function readTemplate(file: string): Promise<Blob> {
  template ??= readFile(file).then((bytes) => new Blob([bytes]));
  return template;
}
