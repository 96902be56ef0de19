import { randomBytes } from 'node:crypto';
import type { Database } from '../../../store/database.js';
import { enqueueOutboxMany, type OutboxMessage } from '../../../store/queries/outbox.js';
import { identities, people } from '../../../store/schema/index.js';

export interface SlackPerson {
  personId: string;
  userId: string;
}

/** `count` people with a Slack account each in `workspace`, inserted in bulk. */
export async function createSlackPeople(
  db: Database,
  count: number,
  workspace = 'T0TEST',
): Promise<SlackPerson[]> {
  const batch = randomBytes(3).toString('hex');
  const created: SlackPerson[] = [];
  for (let start = 0; start < count; start += 1_000) {
    const size = Math.min(1_000, count - start);
    const rows = await db
      .insert(people)
      .values(
        Array.from({ length: size }, (_, i) => ({
          key: `p-${batch}-${start + i}`,
          name: `Person ${start + i}`,
        })),
      )
      .returning({ id: people.id, key: people.key });
    const withUsers = rows.map((row, i) => ({
      personId: row.id,
      userId: `U${batch.toUpperCase()}${String(start + i).padStart(6, '0')}`,
    }));
    await db.insert(identities).values(
      withUsers.map((p) => ({
        platform: 'slack' as const,
        workspace,
        externalId: p.userId,
        personId: p.personId,
      })),
    );
    created.push(...withUsers);
  }
  return created;
}

/** One prompt per person, keyed `prompt:<round>:<person>`. */
export async function enqueuePrompts(
  db: Database,
  round: string,
  recipients: readonly SlackPerson[],
): Promise<string[]> {
  const messages: OutboxMessage[] = recipients.map((p, i) => ({
    key: `prompt:${round}:${p.personId}`,
    target: { kind: 'person', personId: p.personId },
    notBefore: new Date(),
    view: {
      summary: `Prompt ${i}`,
      blocks: [{ type: 'text', text: `How did the week go? (${i})` }],
    },
  }));
  await enqueueOutboxMany(db, messages);
  return messages.map((m) => m.key);
}

/** The outbox key each stored Slack message carries in its metadata. */
export function outboxKeyOf(args: Record<string, unknown>): string | undefined {
  const metadata = args.metadata as
    | { event_type?: string; event_payload?: { key?: string } }
    | undefined;
  return metadata?.event_type === 'tillit_outbox' ? metadata.event_payload?.key : undefined;
}
