import type { RequestHandler } from 'express';
import { z } from 'zod/v4';
import { HttpError } from '../http/http-errors.js';

const id = z.string().min(1).max(1_000);
const account = z.looseObject({
  id,
  name: z.string().max(1_000).optional(),
  aadObjectId: z.string().max(200).optional(),
});
/** Timestamps botbuilder turns into dates: one that does not parse would fail later, as a 500. */
const timestamp = z
  .string()
  .max(100)
  .refine((text) => !Number.isNaN(Date.parse(text)), 'not a date');

/**
 * What Tillit and botbuilder read of an activity, with the types they assume. The Bot
 * Framework Service and the Emulator always send these; anything else is refused with 400
 * and a reason here, instead of failing inside the adapter as a 500 (or an HTML page).
 */
const activity = z.looseObject({
  type: z.string().min(1).max(100),
  id: z.string().max(1_000).optional(),
  serviceUrl: z.string().min(1).max(2_000),
  channelId: z.string().max(100).optional(),
  from: account,
  recipient: account,
  conversation: z.looseObject({
    id,
    conversationType: z.string().max(100).optional(),
    tenantId: z.string().max(200).optional(),
  }),
  text: z.string().max(28_000).optional(),
  locale: z.string().max(50).optional(),
  replyToId: z.string().max(1_000).optional(),
  timestamp: timestamp.optional(),
  localTimestamp: timestamp.optional(),
  expiration: timestamp.optional(),
  channelData: z.record(z.string(), z.unknown()).optional(),
  entities: z.array(z.record(z.string(), z.unknown())).max(100).optional(),
  attachments: z.array(z.record(z.string(), z.unknown())).max(50).optional(),
  membersAdded: z.array(account).max(500).optional(),
  membersRemoved: z.array(account).max(500).optional(),
});

/** Refuses a body that is not an activity Tillit can handle: 400 with the first problem. */
export function activityCheck(): RequestHandler {
  return (req, _res, next) => {
    const parsed = activity.safeParse(req.body);
    if (parsed.success) return next();
    const issue = parsed.error.issues[0];
    const where = issue?.path.slice(0, 3).map(String).join('.') || 'body';
    next(new HttpError(400, 'badRequest', `not an activity: ${where}`));
  };
}
