import { and, desc, eq, sql } from 'drizzle-orm';
import type { Database } from '../database.js';
import {
  type TeamsSendState,
  teamsConversations,
  teamsForms,
  teamsSends,
  teamsUsers,
} from '../schema/index.js';

export type TeamsConversation = typeof teamsConversations.$inferSelect;
export type NewTeamsConversation = Omit<TeamsConversation, 'updatedAt'>;

/**
 * Keeps the newest reference of a conversation (the service URL may move). A reference that
 * has not changed is not written again: its time would say when the person last did something
 * (such as sending anonymous feedback), and nothing needs that.
 */
export async function rememberTeamsConversation(
  db: Database,
  params: NewTeamsConversation,
): Promise<void> {
  const { conversationId, ...rest } = params;
  const t = teamsConversations;
  await db
    .insert(teamsConversations)
    .values(params)
    .onConflictDoUpdate({
      target: teamsConversations.conversationId,
      set: { ...rest, updatedAt: sql`now()` },
      setWhere: sql`(${t.tenantId}, ${t.kind}, ${t.channelId}, ${t.userAadObjectId}, ${t.serviceUrl}, ${t.reference})
        is distinct from (excluded.tenant_id, excluded.kind, excluded.channel_id,
          excluded.user_aad_object_id, excluded.service_url, excluded.reference)`,
    });
}

export async function findTeamsConversation(
  db: Database,
  params: { conversationId: string },
): Promise<TeamsConversation | null> {
  const [row] = await db
    .select()
    .from(teamsConversations)
    .where(eq(teamsConversations.conversationId, params.conversationId));
  return row ?? null;
}

/** The conversation of a Teams channel (`channelData.channel.id`), newest first. */
export async function findTeamsChannelConversation(
  db: Database,
  params: { channelId: string },
): Promise<TeamsConversation | null> {
  const [row] = await db
    .select()
    .from(teamsConversations)
    .where(eq(teamsConversations.channelId, params.channelId))
    .orderBy(desc(teamsConversations.updatedAt))
    .limit(1);
  return row ?? null;
}

/** The person's 1:1 conversation with Tillit, if there has been one. */
export async function findPersonalTeamsConversation(
  db: Database,
  params: { aadObjectId: string },
): Promise<TeamsConversation | null> {
  const [row] = await db
    .select()
    .from(teamsConversations)
    .where(
      and(
        eq(teamsConversations.userAadObjectId, params.aadObjectId),
        eq(teamsConversations.kind, 'personal'),
      ),
    )
    .orderBy(desc(teamsConversations.updatedAt))
    .limit(1);
  return row ?? null;
}

/**
 * Any recent conversation in the tenant ('' = any tenant): its service URL is where a new
 * conversation in that tenant is created.
 */
export async function findAnyTeamsConversation(
  db: Database,
  params: { tenantId: string },
): Promise<TeamsConversation | null> {
  const [row] = await db
    .select()
    .from(teamsConversations)
    .where(params.tenantId ? eq(teamsConversations.tenantId, params.tenantId) : undefined)
    .orderBy(desc(teamsConversations.updatedAt))
    .limit(1);
  return row ?? null;
}

export type TeamsUser = typeof teamsUsers.$inferSelect;

export async function rememberTeamsUser(
  db: Database,
  params: Omit<TeamsUser, 'updatedAt'>,
): Promise<void> {
  await db
    .insert(teamsUsers)
    .values(params)
    .onConflictDoUpdate({
      target: teamsUsers.aadObjectId,
      set: { tenantId: params.tenantId, userId: params.userId, updatedAt: sql`now()` },
      // Unchanged, it stays as it is: its time would be the person's last activity.
      setWhere: sql`(${teamsUsers.tenantId}, ${teamsUsers.userId})
        is distinct from (excluded.tenant_id, excluded.user_id)`,
    });
}

export async function findTeamsUser(
  db: Database,
  params: { aadObjectId: string },
): Promise<TeamsUser | null> {
  const [row] = await db
    .select()
    .from(teamsUsers)
    .where(eq(teamsUsers.aadObjectId, params.aadObjectId));
  return row ?? null;
}

export type TeamsSend = typeof teamsSends.$inferSelect;

export async function findTeamsSend(
  db: Database,
  params: { key: string },
): Promise<TeamsSend | null> {
  const [row] = await db.select().from(teamsSends).where(eq(teamsSends.key, params.key));
  return row ?? null;
}

/** Records how far an outbox row's send got (before the request, and after its answer). */
export async function markTeamsSend(
  db: Database,
  params: {
    key: string;
    state: TeamsSendState;
    conversationId?: string | null;
    activityId?: string | null;
  },
): Promise<void> {
  const values = {
    key: params.key,
    state: params.state,
    conversationId: params.conversationId ?? null,
    activityId: params.activityId ?? null,
  };
  await db
    .insert(teamsSends)
    .values(values)
    .onConflictDoUpdate({
      target: teamsSends.key,
      set: {
        state: values.state,
        conversationId: values.conversationId,
        activityId: values.activityId,
        updatedAt: sql`now()`,
      },
    });
}

export type TeamsForm = typeof teamsForms.$inferSelect;

/** Forms older than this are forgotten when a new one is kept (a stale form is refused anyway). */
const FORM_RETENTION = '30 days';

export async function rememberTeamsForm(
  db: Database,
  params: { activityId: string; conversationId: string; form: Record<string, unknown> },
): Promise<void> {
  await db
    .insert(teamsForms)
    .values(params)
    .onConflictDoUpdate({ target: teamsForms.activityId, set: { form: params.form } });
  await db
    .delete(teamsForms)
    .where(sql`${teamsForms.createdAt} < now() - interval '${sql.raw(FORM_RETENTION)}'`);
}

export async function findTeamsForm(
  db: Database,
  params: { activityId: string },
): Promise<TeamsForm | null> {
  const [row] = await db
    .select()
    .from(teamsForms)
    .where(eq(teamsForms.activityId, params.activityId));
  return row ?? null;
}

/**
 * Forgets a form once it was sent and closed: its row names the person's conversation, the
 * moment the form was opened and what it was for (its state names a review and the kind of
 * feedback), which is needed only to show the form again with errors.
 */
export async function forgetTeamsForm(db: Database, params: { activityId: string }): Promise<void> {
  await db.delete(teamsForms).where(eq(teamsForms.activityId, params.activityId));
}
