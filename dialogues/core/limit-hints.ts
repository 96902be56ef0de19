import type { Catalogue } from '../texts/catalogue.js';
import type { Form, Input } from '../view.js';
import type { Outcome, Reply } from './outcome.js';

/**
 * Every text field with a limit says it before anyone reaches it ("Högst 280 tecken"), in
 * every form of every feature: added here, once, on the way out, in the asker's language.
 * A label that already names its limit keeps it there alone.
 */
export function withLimitHints(t: Catalogue, result: Outcome): Outcome {
  if (!result.replies.some((reply) => reply.kind === 'form')) return result;
  return { ...result, replies: result.replies.map((reply) => hinted(t, reply)) };
}

function hinted(t: Catalogue, reply: Reply): Reply {
  if (reply.kind !== 'form') return reply;
  const form: Form = { ...reply.form, inputs: reply.form.inputs.map((i) => withHint(t, i)) };
  return { ...reply, form };
}

function withHint(t: Catalogue, input: Input): Input {
  if (input.type !== 'text' || !input.maxLength || input.hint) return input;
  if (input.label.includes(String(input.maxLength))) return input;
  return { ...input, hint: t.common.maxChars({ max: input.maxLength }) };
}
