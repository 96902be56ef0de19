import { index, jsonb, pgEnum, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export const teamsConversationKinds = ['personal', 'channel', 'groupChat'] as const;
export type TeamsConversationKind = (typeof teamsConversationKinds)[number];
export const teamsConversationKind = pgEnum('teams_conversation_kind', teamsConversationKinds);

/**
 * Bot Framework `ConversationReference`s, kept when Tillit is installed somewhere or spoken to,
 * so it can write there later on its own (reflection prompts, nudges) and find the service
 * URL of a tenant. Keyed by the conversation id without a thread's `;messageid=…`.
 */
export const teamsConversations = pgTable(
  'teams_conversations',
  {
    conversationId: text().primaryKey(),
    /** AAD tenant id; '' in the Bot Framework Emulator. */
    tenantId: text().notNull().default(''),
    kind: teamsConversationKind().notNull(),
    /** The Teams channel (`channelData.channel.id`) of a channel conversation. */
    channelId: text(),
    /** The person of a personal (1:1) conversation, by AAD object id (lower case). */
    userAadObjectId: text(),
    serviceUrl: text().notNull(),
    /** The whole reference as botbuilder gave it (store/ keeps it opaque). */
    reference: jsonb().$type<Record<string, unknown>>().notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('teams_conversations_tenant_idx').on(t.tenantId, t.updatedAt),
    index('teams_conversations_user_idx').on(t.userAadObjectId),
    index('teams_conversations_channel_idx').on(t.channelId),
  ],
);

/**
 * The Teams account id (`29:…`) behind an AAD object id, learned from activities: a 1:1
 * conversation is created with it. Without one, the AAD object id itself is offered.
 */
export const teamsUsers = pgTable('teams_users', {
  aadObjectId: text().primaryKey(),
  tenantId: text().notNull().default(''),
  userId: text().notNull(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const teamsSendStates = ['sending', 'sent', 'not-sent'] as const;
export type TeamsSendState = (typeof teamsSendStates)[number];

/**
 * What happened to an outbox row's Teams send, by the row's key. The Bot Connector cannot
 * be searched for a message already sent, so this is how a row in doubt is reconciled: a row
 * marked `sent` was sent (with its activity id), `not-sent` may go again, and `sending`
 * (the request left, no answer came back) is never sent blindly a second time.
 */
export const teamsSends = pgTable('teams_sends', {
  key: text().primaryKey(),
  state: text().$type<TeamsSendState>().notNull(),
  conversationId: text(),
  activityId: text(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/**
 * Form cards Tillit sent, by activity id, so a refused submission can show the same form again
 * in place with its errors, and a sent one can be closed (Teams, unlike a Slack modal, keeps a
 * card's inputs live after a submit). The neutral form is kept as JSON.
 */
export const teamsForms = pgTable(
  'teams_forms',
  {
    activityId: text().primaryKey(),
    conversationId: text().notNull(),
    form: jsonb().$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('teams_forms_created_idx').on(t.createdAt)],
);
