import type { Activity, TurnContext } from 'botbuilder';
import type { Reply } from '../../dialogues/core/outcome.js';
import type { Catalogue } from '../../dialogues/texts/catalogue.js';
import type { Form, FormValues, View } from '../../dialogues/view.js';
import type { Database } from '../../store/database.js';
import { rememberPostedMessage } from '../../store/queries/posted-messages.js';
import {
  findTeamsForm,
  forgetTeamsForm,
  rememberTeamsForm,
} from '../../store/queries/teams-conversations.js';
import type { TeamsConversationKind } from '../../store/schema/index.js';
import type { RefreshMessages } from '../channel.js';
import type { Logger } from '../log.js';
import { platformWords } from '../platform-words.js';
import type { CardOrigin } from './card-data.js';
import { consentActivity } from './file-consent.js';
import type { AdaptiveCardJson } from './render-card.js';
import { renderCard } from './render-card.js';
import { renderFormCard, renderSentFormCard } from './render-card-form.js';
import type { TeamsConnector } from './teams-connector.js';

/** Where a Teams request came from: what carrying out its replies needs. */
export interface TeamsScene {
  context: TurnContext;
  /** The conversation the activity came in (a channel thread keeps its `;messageid=`). */
  conversationId: string;
  kind: TeamsConversationKind;
  tenantId: string;
  user: { id: string; aadObjectId: string };
  /** The id a unit is linked by, of the conversation the request acts for (null: a 1:1). */
  placeChannelId: string | null;
  /** Set when a card sent privately for a channel was used: that channel's conversation. */
  origin: CardOrigin | null;
  /** The card that was clicked or submitted. */
  replyToId: string | null;
  /** A 1:1 card acted on (clicked, or whose button opened the submitted form): `replace` target. */
  sourceId: string | null;
  /** A form card's submission, with what was entered (the card is then updated in place). */
  submitted: { values: FormValues } | null;
  t: Catalogue;
}

export interface TeamsReplyDeps {
  db: Database;
  /** Every platform's messages under a key (composition root): a unit may be on Slack too. */
  refresh: RefreshMessages;
  connector: TeamsConnector;
  log: Logger;
}

const CARD = 'application/vnd.microsoft.card.adaptive';

export function cardActivity(card: AdaptiveCardJson, summary: string): Partial<Activity> {
  return { type: 'message', summary, attachments: [{ contentType: CARD, content: card }] };
}

/**
 * Carries out a use case's replies in Teams, in order. Teams has no ephemeral messages and no
 * modals, so what only the asker may see (private replies, forms) goes to their 1:1 chat with
 * Tillit when the request came from a channel, carrying that channel along as the card's origin.
 */
export async function deliverTeamsReplies(
  deps: TeamsReplyDeps,
  scene: TeamsScene,
  replies: Reply[],
): Promise<void> {
  let formHandled = false;
  for (const reply of replies) {
    switch (reply.kind) {
      case 'private':
      case 'home': {
        const activity = viewActivity(scene, reply.view, privateOrigin(scene));
        const sent = await sendPrivately(deps, scene, activity);
        if (reply.kind === 'private' && reply.key) await rememberCard(deps, scene, reply.key, sent);
        break;
      }
      case 'channel':
        await postInChannel(deps, scene, reply.view, reply.key);
        break;
      case 'update':
        await deps.refresh(reply.key, reply.view);
        break;
      case 'replace':
        await replaceSource(deps, scene, reply.view);
        break;
      case 'form':
        formHandled = true;
        await openForm(deps, scene, reply.form);
        break;
      case 'form-errors':
        formHandled = true;
        await showFormErrors(deps, scene, reply.errors);
        break;
      case 'file':
        await sendPrivately(deps, scene, viewActivity(scene, reply.view, privateOrigin(scene)));
        await sendPrivately(deps, scene, consentActivity(reply.file, scene.t));
        break;
      default:
        reply satisfies never;
    }
  }
  if (scene.submitted && scene.replyToId && !formHandled) await closeSubmittedForm(deps, scene);
}

/**
 * Where a keyed private card went (a ballot, a confirmation with edit buttons): its buttons give
 * way through an outbox update once the dialogue's phase is over.
 */
async function rememberCard(
  deps: TeamsReplyDeps,
  scene: TeamsScene,
  key: string,
  sent: { conversationId: string; activityId: string },
) {
  if (!sent.activityId) return;
  await rememberPostedMessage(deps.db, {
    key,
    platform: 'teams',
    workspace: scene.tenantId,
    channelId: sent.conversationId,
    messageId: sent.activityId,
  });
}

/** Cards sent privately for a channel remember it, so their buttons act in that channel. */
function privateOrigin(scene: TeamsScene): CardOrigin | undefined {
  if (scene.origin) return scene.origin;
  if (scene.kind === 'personal') return undefined;
  return { c: scene.conversationId, p: scene.placeChannelId };
}

/** A card for the asker, in their language. */
function viewActivity(scene: TeamsScene, view: View, origin?: CardOrigin): Partial<Activity> {
  const card = renderCard(view, { origin, ...platformWords(scene.t) });
  return cardActivity(card, view.summary);
}

/** A card everyone in a channel sees: no one person's language for the renderer's own words. */
const sharedActivity = (view: View) => cardActivity(renderCard(view), view.summary);

/** In the conversation the request came from. The SDK retries a 429 after its Retry-After. */
const inTurn = (scene: TeamsScene, activity: Partial<Activity>) =>
  scene.context.sendActivity(activity);

/** Into the person's 1:1 chat; already there, a reply; if it cannot be had, a reply in place. */
async function sendPrivately(
  deps: TeamsReplyDeps,
  scene: TeamsScene,
  activity: Partial<Activity>,
): Promise<{ conversationId: string; activityId: string }> {
  if (scene.kind !== 'personal') {
    const reference = await deps.connector
      .personalReference({
        aadObjectId: scene.user.aadObjectId,
        tenantId: scene.tenantId,
        userId: scene.user.id,
      })
      .catch((error: unknown) => {
        deps.log.warn('teams 1:1 chat could not be opened', { error });
        return null;
      });
    if (reference?.conversation?.id) {
      const activityId = await deps.connector.send(reference, activity);
      return { conversationId: reference.conversation.id, activityId };
    }
  }
  const sent = await inTurn(scene, activity);
  return { conversationId: scene.conversationId, activityId: sent?.id ?? '' };
}

/** The 1:1 card acted on, updated in place (updateActivity); otherwise a new private card. */
async function replaceSource(deps: TeamsReplyDeps, scene: TeamsScene, view: View) {
  const activity = viewActivity(scene, view, privateOrigin(scene));
  if (scene.kind === 'personal' && scene.sourceId) {
    try {
      await updateInTurn(scene, scene.sourceId, activity);
      return;
    } catch (error) {
      deps.log.warn('teams card could not be replaced; sent anew', { error });
    }
  }
  await sendPrivately(deps, scene, activity);
}

/** Into the channel the request acts for: its own conversation, or the card's origin. */
async function postInChannel(deps: TeamsReplyDeps, scene: TeamsScene, view: View, key?: string) {
  const activity = sharedActivity(view);
  let conversationId = scene.conversationId;
  let activityId: string;
  const elsewhere = scene.origin && scene.origin.c !== scene.conversationId ? scene.origin.c : null;
  const reference = elsewhere ? await deps.connector.referenceFor(elsewhere) : null;
  if (elsewhere && reference) {
    conversationId = elsewhere;
    activityId = await deps.connector.send(reference, activity);
  } else {
    activityId = (await inTurn(scene, activity))?.id ?? '';
  }
  if (key && activityId) {
    await rememberPostedMessage(deps.db, {
      key,
      platform: 'teams',
      workspace: scene.tenantId,
      channelId: conversationId,
      messageId: activityId,
    });
  }
}

/** A form answering a submit replaces the submitted card; any other is sent privately. */
async function openForm(deps: TeamsReplyDeps, scene: TeamsScene, form: Form) {
  const origin = privateOrigin(scene);
  // Opened by a button on a 1:1 card: the submit may replace that card (a prompt, answered).
  const source = scene.kind === 'personal' && !scene.submitted ? scene.replyToId : scene.sourceId;
  const card = renderFormCard(form, {
    origin,
    requiredText: scene.t.teams.required,
    refreshText: scene.t.teams.showFields,
    ...(source ? { source } : {}),
  });
  const activity = cardActivity(card, form.title);
  if (scene.submitted && scene.replyToId) {
    await updateInTurn(scene, scene.replyToId, activity);
    await keepForm(deps, scene.replyToId, scene.conversationId, form);
    return;
  }
  const sent = await sendPrivately(deps, scene, activity);
  if (sent.activityId) await keepForm(deps, sent.activityId, sent.conversationId, form);
}

/**
 * Keeps the form's shape without its pre-filled values: a refused submission comes back with
 * what was entered, and a pre-filled value may be the person's own answer (the rating clicked
 * on a reflection prompt), which must not sit next to their 1:1 conversation.
 */
const keepForm = (deps: TeamsReplyDeps, activityId: string, conversationId: string, form: Form) =>
  rememberTeamsForm(deps.db, {
    activityId,
    conversationId,
    form: withoutInitialValues(form) as unknown as Record<string, unknown>,
  });

const withoutInitialValues = (form: Form): Form => ({
  ...form,
  inputs: form.inputs.map(({ initial: _initial, ...input }) => input as Form['inputs'][number]),
});

/** The same form again, in place, with the errors next to the inputs and what was typed kept. */
async function showFormErrors(
  deps: TeamsReplyDeps,
  scene: TeamsScene,
  errors: Record<string, string>,
) {
  const stored = scene.replyToId
    ? await findTeamsForm(deps.db, { activityId: scene.replyToId })
    : null;
  if (stored && scene.replyToId) {
    const form = stored.form as unknown as Form;
    const card = renderFormCard(form, {
      origin: privateOrigin(scene),
      ...(scene.sourceId ? { source: scene.sourceId } : {}),
      errors,
      values: scene.submitted?.values,
      requiredText: scene.t.teams.required,
      refreshText: scene.t.teams.showFields,
    });
    await updateInTurn(scene, scene.replyToId, cardActivity(card, form.title));
    return;
  }
  // A form Tillit no longer knows: the messages as a reply, so nothing is silently lost.
  const text = Object.values(errors).join('\n');
  await inTurn(scene, viewActivity(scene, { summary: text, blocks: [{ type: 'text', text }] }));
}

/**
 * A sent form loses its inputs, so it cannot be sent twice by a second click; then the kept
 * copy goes, as nothing will show that form again (and it names who sent what, and when).
 */
async function closeSubmittedForm(deps: TeamsReplyDeps, scene: TeamsScene) {
  const stored = await findTeamsForm(deps.db, { activityId: scene.replyToId! });
  if (!stored) return;
  const form = stored.form as unknown as Form;
  const card = renderSentFormCard(form, scene.t.teams.formSent);
  await updateInTurn(scene, scene.replyToId!, cardActivity(card, form.title));
  await forgetTeamsForm(deps.db, { activityId: stored.activityId });
}

const updateInTurn = (scene: TeamsScene, activityId: string, activity: Partial<Activity>) =>
  scene.context.updateActivity({ ...activity, id: activityId });
