/**
 * Creates an embedded database's data directory, in a process of its own (store/database.ts
 * runs this file). PGlite's initdb runs a second Postgres and copies its files: about 840 MB
 * at its peak, which a long-running process would keep as its high-water mark. Run apart, the
 * memory goes back with the process, and Tillit itself opens a ready directory.
 */
import { PGlite } from '@electric-sql/pglite';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: pglite-initdb <data dir>');
const db = await PGlite.create(dataDir);
await db.close();
