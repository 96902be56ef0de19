import {
  type Activity,
  type ConversationParameters,
  type ConversationReference,
  TurnContext,
} from 'botbuilder';
import type { Database } from '../../store/database.js';
import {
  findAnyTeamsConversation,
  findPersonalTeamsConversation,
  findTeamsChannelConversation,
  findTeamsConversation,
  findTeamsUser,
  rememberTeamsConversation,
  rememberTeamsUser,
  type TeamsConversation,
} from '../../store/queries/teams-conversations.js';
import type { TeamsConversationKind } from '../../store/schema/index.js';
import { ServiceUrlRefused } from './service-url.js';
import type { TeamsAdapter } from './teams-adapter.js';

/** The audience of tokens for the Bot Connector in Teams (public cloud). */
const CONNECTOR_AUDIENCE = 'https://api.botframework.com';

/**
 * Tillit's outbound side of the Bot Connector, outside a turn: sending into and updating
 * messages in a stored conversation, and creating a person's 1:1 chat. Everything goes
 * through the real adapter (`continueConversationAsync`, `createConversationAsync`), which
 * attaches the bot's credentials (none in emulator mode).
 */
export interface TeamsConnector {
  /**
   * Posts an activity into the conversation (a thread keeps its `;messageid=`); its id back.
   * The SDK retries a 429 after its Retry-After by itself; `retry: false` leaves it to the
   * caller instead (the outbox sender, which pauses the tenant's bucket for every instance).
   */
  send(
    reference: Partial<ConversationReference>,
    activity: Partial<Activity>,
    options?: { retry?: boolean },
  ): Promise<string>;
  update(
    reference: Partial<ConversationReference>,
    activityId: string,
    activity: Partial<Activity>,
  ): Promise<void>;
  /** The stored reference for a conversation id (thread part ignored), with that id set. */
  referenceFor(conversationId: string): Promise<Partial<ConversationReference> | null>;
  /** The person's 1:1 chat with Tillit: the stored one, else a new one (null: no way to reach). */
  personalReference(person: {
    aadObjectId: string;
    tenantId: string;
    userId?: string;
  }): Promise<Partial<ConversationReference> | null>;
  /** A Teams channel's (or group chat's) conversation by the id a unit is linked with. */
  channelReference(placeChannelId: string): Promise<Partial<ConversationReference> | null>;
}

export function createTeamsConnector(deps: {
  adapter: TeamsAdapter;
  appId: string;
  db: Database;
  /** Whether a stored `serviceUrl` may be called (service-url.ts); refused ones never are. */
  serviceUrlAllowed: (serviceUrl: string | undefined) => boolean;
}): TeamsConnector {
  const { adapter, appId, db } = deps;
  const checked = (serviceUrl: string | undefined): string => {
    if (!serviceUrl || !deps.serviceUrlAllowed(serviceUrl)) throw new ServiceUrlRefused();
    return serviceUrl;
  };

  const withConversation = (row: TeamsConversation, conversationId?: string) => {
    const reference = row.reference as Partial<ConversationReference>;
    return {
      ...reference,
      serviceUrl: row.serviceUrl,
      conversation: {
        ...(reference.conversation ?? {}),
        id: conversationId ?? row.conversationId,
      } as ConversationReference['conversation'],
    };
  };

  async function createPersonal(person: {
    aadObjectId: string;
    tenantId: string;
    userId?: string;
  }): Promise<Partial<ConversationReference> | null> {
    const known = await findTeamsUser(db, { aadObjectId: person.aadObjectId });
    const knownTenant = person.tenantId || known?.tenantId || '';
    const anyInTenant = await findAnyTeamsConversation(db, { tenantId: knownTenant });
    if (!anyInTenant) return null;
    // An identity kept without a tenant (AAD ids are unique): the tenant Tillit is installed in.
    const tenantId = knownTenant || anyInTenant.tenantId;
    const template = anyInTenant.reference as Partial<ConversationReference>;
    const memberId = person.userId ?? known?.userId ?? person.aadObjectId;
    const parameters = {
      isGroup: false,
      bot: template.bot,
      members: [{ id: memberId, name: '' }],
      tenantId: tenantId || undefined,
      channelData: tenantId ? { tenant: { id: tenantId } } : undefined,
    } as ConversationParameters;
    let created: Partial<ConversationReference> | null = null;
    // The conversation is created before the logic runs; errors of the call itself propagate.
    await adapter.createConversationAsync(
      appId,
      template.channelId ?? 'msteams',
      checked(anyInTenant.serviceUrl),
      CONNECTOR_AUDIENCE,
      parameters,
      async (context) => {
        created = TurnContext.getConversationReference(context.activity);
      },
    );
    const reference = created as Partial<ConversationReference> | null;
    if (!reference?.conversation?.id) return null;
    const full = { ...reference, bot: template.bot, user: { id: memberId, name: '' } };
    await rememberTeamsConversation(db, {
      conversationId: reference.conversation.id,
      tenantId,
      kind: 'personal',
      channelId: null,
      userAadObjectId: person.aadObjectId,
      serviceUrl: anyInTenant.serviceUrl,
      reference: full as Record<string, unknown>,
    });
    if (person.userId) {
      await rememberTeamsUser(db, {
        aadObjectId: person.aadObjectId,
        tenantId,
        userId: person.userId,
      });
    }
    return { ...full, serviceUrl: anyInTenant.serviceUrl };
  }

  return {
    async send(reference, activity, options = {}) {
      checked(reference.serviceUrl);
      let id = '';
      await proactively(adapter, appId, reference, async (context) => {
        if (options.retry === false) withoutSdkRetries(context);
        // The continuation's made-up id would turn the post into a reply to a message that does
        // not exist; without it, it is a new message in the conversation (or thread).
        context.activity.id = undefined;
        const sent = await context.sendActivity(activity);
        id = sent?.id ?? '';
      });
      return id;
    },
    async update(reference, activityId, activity) {
      checked(reference.serviceUrl);
      await proactively(adapter, appId, reference, async (context) => {
        await context.updateActivity({ ...activity, id: activityId });
      });
    },
    async referenceFor(conversationId) {
      const row = await findTeamsConversation(db, {
        conversationId: baseConversationId(conversationId),
      });
      return row ? withConversation(row, conversationId) : null;
    },
    async personalReference(person) {
      const stored = await findPersonalTeamsConversation(db, { aadObjectId: person.aadObjectId });
      if (stored) return withConversation(stored);
      return createPersonal(person);
    },
    async channelReference(placeChannelId) {
      const row =
        (await findTeamsChannelConversation(db, { channelId: placeChannelId })) ??
        (await findTeamsConversation(db, { conversationId: placeChannelId }));
      return row ? withConversation(row) : null;
    },
  };
}

/**
 * Runs logic in a proactive turn and lets its error reach the caller: the adapter would hand
 * it to its turn-error handler and return as if all went well, and the outbox must know.
 */
async function proactively(
  adapter: TeamsAdapter,
  appId: string,
  reference: Partial<ConversationReference>,
  logic: (context: TurnContext) => Promise<void>,
): Promise<void> {
  let failure: { error: unknown } | null = null;
  await adapter.continueConversationAsync(appId, reference, async (context) => {
    try {
      await logic(context);
    } catch (error) {
      failure = { error };
    }
  });
  if (failure) throw (failure as { error: unknown }).error;
}

/**
 * The connector client's own retry policy (Azure's default: a 429 is retried after its
 * Retry-After, 5xx with backoff) is right for replies to people, and wrong for the outbox: it
 * would hold a worker through the wait and hide the 429 from the shared rate bucket. The
 * client is made for this one proactive turn, so the policy is removed from it alone.
 */
function withoutSdkRetries(context: TurnContext): void {
  const client = context.turnState.get(context.adapter.ConnectorClientKey) as
    | { client?: { pipeline?: { removePolicy(policy: { name: string }): unknown } } }
    | undefined;
  const pipeline = client?.client?.pipeline;
  if (!pipeline) throw new Error('teams connector client has no pipeline to send without retries');
  pipeline.removePolicy({ name: 'defaultRetryPolicy' });
}

/** A channel thread's conversation id without its `;messageid=…`: the channel conversation. */
export const baseConversationId = (conversationId: string): string =>
  conversationId.split(';messageid=')[0] ?? conversationId;

/** 'personal', 'channel' or 'groupChat'; the Emulator sends no type (a 1:1 unless isGroup). */
export function conversationKindOf(activity: Partial<Activity>): TeamsConversationKind {
  const type = activity.conversation?.conversationType;
  if (type === 'channel' || type === 'groupChat' || type === 'personal') return type;
  return activity.conversation?.isGroup ? 'groupChat' : 'personal';
}

/** The tenant: `channelData.tenant.id` in channels (canonical), else `conversation.tenantId`. */
export function tenantOf(activity: Partial<Activity>): string {
  const channelData = activity.channelData as { tenant?: { id?: string } } | undefined;
  return channelData?.tenant?.id ?? activity.conversation?.tenantId ?? '';
}

/** The Teams channel of a channel conversation (`channelData.channel.id`). */
export function teamsChannelOf(activity: Partial<Activity>): string | null {
  const channelData = activity.channelData as { channel?: { id?: string } } | undefined;
  const id = channelData?.channel?.id;
  if (id) return id;
  const conversationId = activity.conversation?.id;
  return conversationKindOf(activity) === 'channel' && conversationId
    ? baseConversationId(conversationId)
    : null;
}

/**
 * The id a unit is linked by: the Teams channel in a channel, the conversation in a group
 * chat, none in a 1:1 chat (a direct message belongs to no unit).
 */
export function placeChannelOf(activity: Partial<Activity>): string | null {
  switch (conversationKindOf(activity)) {
    case 'channel':
      return teamsChannelOf(activity);
    case 'groupChat':
      return baseConversationId(activity.conversation?.id ?? '') || null;
    case 'personal':
      return null;
  }
}

/** Keeps the conversation reference (and who the person is in Teams) for later. */
export async function rememberActivity(db: Database, activity: Partial<Activity>): Promise<void> {
  const conversationId = activity.conversation?.id;
  if (!conversationId || !activity.serviceUrl) return;
  const kind = conversationKindOf(activity);
  const tenantId = tenantOf(activity);
  const aadObjectId = activity.from?.aadObjectId?.toLowerCase() ?? null;
  const reference = TurnContext.getConversationReference(activity);
  await rememberTeamsConversation(db, {
    conversationId: baseConversationId(conversationId),
    tenantId,
    kind,
    channelId: kind === 'channel' ? teamsChannelOf(activity) : null,
    userAadObjectId: kind === 'personal' ? aadObjectId : null,
    serviceUrl: activity.serviceUrl,
    // A channel's reference leaves out who wrote last: sending there needs only the channel,
    // and the name would sit next to the moment of their last click.
    reference: {
      ...reference,
      activityId: undefined,
      ...(kind === 'channel' ? { user: undefined } : {}),
    } as Record<string, unknown>,
  });
  if (aadObjectId && activity.from?.id) {
    await rememberTeamsUser(db, { aadObjectId, tenantId, userId: activity.from.id });
  }
}
