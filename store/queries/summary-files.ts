import { and, eq, gt, lt } from 'drizzle-orm';
import type { Database } from '../database.js';
import { type SummaryFileKind, summaryFiles } from '../schema/index.js';

export type SummaryFile = Omit<typeof summaryFiles.$inferSelect, 'body'> & { bytes: Buffer };

/** Keeps a picture or export for `ttlMs` and returns its token; expired ones go meanwhile. */
export async function saveSummaryFile(
  db: Database,
  params: { kind: SummaryFileKind; name: string; bytes: Buffer; now: Date; ttlMs: number },
): Promise<string> {
  await db.delete(summaryFiles).where(lt(summaryFiles.expiresAt, params.now));
  const [row] = await db
    .insert(summaryFiles)
    .values({
      kind: params.kind,
      name: params.name,
      body: params.bytes.toString('base64'),
      createdAt: params.now,
      expiresAt: new Date(params.now.getTime() + params.ttlMs),
    })
    .returning({ token: summaryFiles.token });
  return row!.token;
}

/** The file behind a token, if it exists, is of the kind asked for and has not expired. */
export async function findSummaryFile(
  db: Database,
  params: { token: string; kind: SummaryFileKind; now: Date },
): Promise<SummaryFile | null> {
  const [row] = await db
    .select()
    .from(summaryFiles)
    .where(
      and(
        eq(summaryFiles.token, params.token),
        eq(summaryFiles.kind, params.kind),
        gt(summaryFiles.expiresAt, params.now),
      ),
    );
  if (!row) return null;
  const { body, ...rest } = row;
  return { ...rest, bytes: Buffer.from(body, 'base64') };
}
