import type { RequestContext } from '../../dialogues/core/context.js';
import type { Reply } from '../../dialogues/core/outcome.js';
import { createInboundHandler, type HandledInbound } from '../../dialogues/handle-inbound.js';
import type { Form, FormValues, View } from '../../dialogues/view.js';
import type { Database } from '../../store/database.js';
import type { OrgPlan } from '../../store/queries/org-sync.js';
import type { Role } from '../../store/schema/index.js';

/** The cascade: Avdelning (top) → Enhet → Sektion A, Sektion B, each with its channel. */
const unit = (
  key: string,
  name: string,
  level: 'department' | 'unit' | 'section',
  parent: string | null,
) => ({
  key,
  name,
  level,
  parent,
  channels: [{ platform: 'slack' as const, workspace: 'T1', channelId: `C_${key.toUpperCase()}` }],
});

const person = (key: string, roles: [string, Role][]) => ({
  key,
  name: key.toUpperCase(),
  admin: false,
  identities: [
    { platform: 'slack' as const, workspace: 'T1', externalId: `U_${key.toUpperCase()}` },
  ],
  roles: roles.map(([unit, role]) => ({ unit, role })),
});

export const riskOrg: OrgPlan = {
  units: [
    unit('avd', 'Avdelning Stöd', 'department', null),
    unit('enh', 'Enhet Bemötande', 'unit', 'avd'),
    unit('seka', 'Sektion Älvsjö', 'section', 'enh'),
    unit('sekb', 'Sektion Årsta', 'section', 'enh'),
  ],
  people: [
    person('chef_avd', [['avd', 'manager']]),
    person('chef_enh', [['enh', 'manager']]),
    person('chef_a', [['seka', 'manager']]),
    person('chef_b', [['sekb', 'manager']]),
    person('fac', [['enh', 'facilitator']]),
    person('m_a1', [['seka', 'member']]),
    person('m_a2', [['seka', 'member']]),
    person('m_b1', [['sekb', 'member']]),
  ],
};

export const channelOf = (unitKey: string) => `C_${unitKey.toUpperCase()}`;

const inbound = createInboundHandler();

/** Every reply any driver saw, so a test can check them all against a platform's limits. */
export const seenReplies: Reply[] = [];

/** One person in one channel at one moment, driving the real inbound handler. */
export function driver(db: Database, who: string, channelId: string | null, now: Date) {
  const ctx: RequestContext = {
    db,
    now,
    settings: {
      defaultLang: 'sv',
      defaultTimezone: 'Europe/Stockholm',
      anonymityThreshold: 5,
      publicUrl: null,
    },
    caller: { platform: 'slack', workspace: 'T1', externalId: `U_${who.toUpperCase()}` },
    place: { platform: 'slack', workspace: 'T1', channelId },
    directory: { displayName: async () => null },
  };
  const send = async (message: Parameters<typeof inbound>[1]): Promise<HandledInbound> => {
    const result = await inbound(ctx, message);
    if (result.failure) throw result.failure;
    seenReplies.push(...result.replies);
    return result;
  };
  return {
    command: (text: string) => send({ kind: 'command', text }),
    click: (id: string, value: string) => send({ kind: 'action', action: { id, value } }),
    submit: (formId: string, state: string, values: FormValues) =>
      send({ kind: 'submit', formId, state, values }),
  };
}

export const ofKind = <K extends Reply['kind']>(result: HandledInbound, kind: K) =>
  result.replies.filter((r): r is Extract<Reply, { kind: K }> => r.kind === kind);

export const privateText = (result: HandledInbound) =>
  ofKind(result, 'private')
    .map((r) => r.view.summary)
    .join('\n');

export const formErrorsOf = (result: HandledInbound): Record<string, string> =>
  ofKind(result, 'form-errors')[0]?.errors ?? {};

export function formOf(result: HandledInbound): Form {
  const [reply] = ofKind(result, 'form');
  if (!reply) throw new Error(`no form in ${JSON.stringify(result.replies)}`);
  return reply.form;
}

export function updateOf(result: HandledInbound, key?: string): View {
  const reply = ofKind(result, 'update').find((r) => !key || r.key === key);
  if (!reply) throw new Error(`no update in ${JSON.stringify(result.replies)}`);
  return reply.view;
}

export const viewText = (view: View) => JSON.stringify(view.blocks);
