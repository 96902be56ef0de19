import type { Request } from 'express';
import { z } from 'zod/v4';
import { HttpError } from '../http/http-errors.js';

const id = z.string().min(1).max(255);
const text = z.string().max(40_000);

/** What Tillit's listeners read of each kind of request Slack sends, with Slack's types. */
const command = z.looseObject({
  // The one command the app's manifest declares; any other would wait for an ack in vain.
  command: z.literal('/tillit'),
  text,
  user_id: id,
  team_id: id,
  channel_id: id,
  trigger_id: z.string().max(255).optional(),
});
const user = z.looseObject({ id, team_id: id.optional() });
const team = z.looseObject({ id }).nullable().optional();
const blockActions = z.looseObject({
  type: z.literal('block_actions'),
  user,
  team,
  trigger_id: z.string().max(255).optional(),
  channel: z.looseObject({ id }).optional(),
  actions: z
    .array(z.looseObject({ type: id, action_id: id, value: text.optional() }))
    .min(1)
    .max(25),
});
const viewSubmission = z.looseObject({
  type: z.literal('view_submission'),
  user,
  team,
  view: z.looseObject({
    id,
    hash: z.string().max(255),
    callback_id: z.string().max(255),
    private_metadata: z.string().max(3_000),
    state: z.looseObject({
      values: z.record(z.string(), z.record(z.string(), z.looseObject({ type: id }))),
    }),
    blocks: z.array(z.looseObject({ type: id, block_id: z.string().max(255).optional() })),
  }),
});
const eventCallback = z.looseObject({
  type: z.literal('event_callback'),
  event_id: z.string().min(1).max(255),
  team_id: id,
  event: z.looseObject({
    type: id,
    user: z.string().max(255).optional(),
    tab: z.string().max(255).optional(),
  }),
});

const shapes = new Map<string, z.ZodType>(
  Object.entries({
    block_actions: blockActions,
    view_submission: viewSubmission,
    event_callback: eventCallback,
  }),
);

/**
 * A signed request is Slack's, but its payload still has to be one Tillit answers, shaped as
 * Slack documents it. Anything else is refused here with 400 and a reason, before Bolt: Bolt
 * would let a listener fail on it (a 500), or wait 3 s for an ack nobody gives (a 404).
 * Run as Bolt's `customPropertiesExtractor`, the one hook after the signature check.
 */
export function refuseUnusablePayload(req: Request): Record<string, never> {
  const body = req.body as Record<string, unknown> | null;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new HttpError(400, 'badRequest', 'not a Slack payload');
  }
  const kind = typeof body.command === 'string' ? 'command' : String(body.type ?? '');
  const shape = kind === 'command' ? command : shapes.get(kind);
  if (!shape) throw new HttpError(400, 'badRequest', 'a payload Tillit does not take');
  const parsed = shape.safeParse(body);
  if (!parsed.success) {
    const where = parsed.error.issues[0]?.path.slice(0, 4).map(String).join('.') || kind;
    throw new HttpError(400, 'badRequest', `malformed ${kind}: ${where}`);
  }
  return {};
}
