import * as AC from 'adaptivecards';

const MAX_VERSION = { major: 1, minor: 5 };
/** Teams' documented message size is about 28 KB; the whole activity counts. */
export const TEAMS_MESSAGE_BYTES = 28_000;

/**
 * Every problem the `adaptivecards` package finds in a card (parse errors, then the
 * validation of its properties), plus Teams' own limits: version 1.5 or lower and the message
 * size. An empty list means Teams can render it.
 */
export function checkAdaptiveCard(card: unknown): string[] {
  const problems: string[] = [];
  const json = card as { type?: string; version?: string };
  if (json?.type !== 'AdaptiveCard') problems.push(`not an AdaptiveCard: ${json?.type}`);
  const [major = 0, minor = 0] = (json?.version ?? '').split('.').map(Number);
  if (major !== MAX_VERSION.major || minor > MAX_VERSION.minor) {
    problems.push(`version ${json?.version} is above 1.5`);
  }
  const parsed = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  parsed.parse(card as AC.PropertyBag, context);
  for (let i = 0; i < context.eventCount; i++) {
    problems.push(`parse: ${context.getEventAt(i).message}`);
  }
  for (const event of parsed.validateProperties().validationEvents) {
    problems.push(`validate: ${event.message}`);
  }
  return problems;
}

/** The cards in an activity (its Adaptive Card attachments). */
export function cardsOf(activity: Record<string, unknown>): unknown[] {
  const attachments = (activity.attachments ?? []) as { contentType?: string; content?: unknown }[];
  return attachments
    .filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')
    .map((a) => a.content);
}

/** Problems of every card in an activity, and the activity's size against Teams' limit. */
export function checkActivity(activity: Record<string, unknown>): string[] {
  const size = Buffer.byteLength(JSON.stringify(activity), 'utf8');
  const sizeProblem = size > TEAMS_MESSAGE_BYTES ? [`activity is ${size} bytes`] : [];
  return [...sizeProblem, ...cardsOf(activity).flatMap((card) => checkAdaptiveCard(card))];
}
