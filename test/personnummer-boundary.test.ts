import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestContext } from '../dialogues/core/context.js';
import type { Feature } from '../dialogues/core/feature.js';
import type { Inbound } from '../dialogues/core/inbound.js';
import { outcome, privately } from '../dialogues/core/outcome.js';
import { createInboundHandler } from '../dialogues/handle-inbound.js';
import { foldForDigits } from '../dialogues/safety/fold-for-digits.js';
import { containsPersonnummer } from '../dialogues/safety/personnummer.js';
import { MASK, quoteInput } from '../dialogues/safety/quote-input.js';
import { en } from '../dialogues/texts/en/index.js';
import { sv } from '../dialogues/texts/sv/index.js';
import { view } from '../dialogues/view.js';
import type { DatabaseHandle } from '../store/database.js';
import { localMessages } from '../store/schema/index.js';
import { listLocalPeople, postLocal, startLocalTillit } from './support/local-tillit.js';
import { idNumberOf, write, writtenForms } from './support/personnummer-forms.js';
import {
  createReflectionOrg,
  type ReflectionOrg,
  settings,
  TEAM,
  userIdOf,
} from './support/reflection-org.js';
import { openTestDatabase } from './support/test-database.js';

/** 850101-1236 in the forms the issue found slipping through. */
const WRITTEN = [
  'Brukaren 850101\u20131236 behöver stöd',
  '850101\u22121236',
  '850101\u20111236',
  '850101 - 1236',
  '850101.1236',
  '８５０１０１－１２３６',
  '8501\u200b01-1236',
  '19850101 1236',
];

/** The number's digits anywhere in a text, whatever separates or hides them. */
const holdsTheNumber = (text: string) =>
  foldForDigits(text).text.replace(/\D/g, '').includes('8501011236');

let handle: DatabaseHandle;
let org: ReflectionOrg;
const seen: string[] = [];
/** A feature that only records what reached it, so the boundary alone is under test. */
const probe: Feature = {
  name: 'probe',
  commands: {
    swot: async (request) => {
      seen.push(request.rest);
      return privately(view('ok', { type: 'text', text: 'ok' }));
    },
  },
  forms: {
    'probe.form': async (request) => {
      seen.push(JSON.stringify(request.values));
      return outcome();
    },
  },
};
const withProbe = createInboundHandler([probe]);
const withFeatures = createInboundHandler();

beforeAll(async () => {
  handle = await openTestDatabase();
  org = await createReflectionOrg(handle.db, { key: 'pnr', count: 1 });
});
afterAll(async () => handle?.close());

function send(handler: typeof withProbe, inbound: Inbound) {
  const ctx: RequestContext = {
    db: handle.db,
    now: new Date('2026-12-04T10:00:00Z'),
    settings,
    caller: { platform: 'slack', workspace: TEAM, externalId: userIdOf(org.manager.key) },
    place: { platform: 'slack', workspace: TEAM, channelId: org.channelId },
    directory: { displayName: async () => null },
  };
  return handler(ctx, inbound);
}

describe('the inbound boundary refuses a personnummer before any feature sees it', () => {
  it.each(WRITTEN)('refuses the command "swot %s", repeating none of it', async (written) => {
    seen.length = 0;
    const result = await send(withProbe, { kind: 'command', text: `swot ${written}` });
    expect(seen).toEqual([]);
    expect(result.replies).toEqual([
      privately(
        view(sv.common.personnummerRefused, { type: 'text', text: sv.common.personnummerRefused }),
      ).replies[0],
    ]);
    expect(holdsTheNumber(JSON.stringify(result))).toBe(false);
  });

  it('lets a date-time through to the feature', async () => {
    seen.length = 0;
    await send(withProbe, { kind: 'command', text: 'swot mötet 20261204 1430' });
    expect(seen).toEqual(['mötet 20261204 1430']);
  });

  it('refuses every form field holding one, by name, and runs nothing', async () => {
    seen.length = 0;
    const result = await send(withProbe, {
      kind: 'submit',
      formId: 'probe.form',
      state: '',
      values: {
        text: 'helt vanlig text',
        note: 'Brukare 850101 - 1236',
        tags: ['a', '811218.9876'],
      },
    });
    expect(seen).toEqual([]);
    expect(result.replies).toEqual([
      {
        kind: 'form-errors',
        errors: { note: sv.common.personnummerRefused, tags: sv.common.personnummerRefused },
      },
    ]);
  });

  it('refuses an unknown command instead of quoting it back', async () => {
    for (const written of WRITTEN) {
      const result = await send(withFeatures, { kind: 'command', text: `visa ${written}` });
      const text = JSON.stringify(result);
      expect(text).toContain(sv.common.personnummerRefused);
      expect(holdsTheNumber(text)).toBe(false);
    }
  });
});

describe('quoting what a person typed', () => {
  const quoting = (t: typeof sv | typeof en, text: string) => [
    t.help.unknownCommand({ text }),
    t.summary.twoPeriods({ text }),
    ...Object.values(t.summary.periodProblems).map((say) => say({ got: text, from: '', to: '' })),
    t.common.unknownUnit({ text }),
    t.risk.status.badYear({ got: text }),
    t.dialogue.badDeadline({ got: text }),
    t.dialogue.unknownOption({ option: text }),
    t.dialogue.missingValue({ option: text }),
    t.setup.unitExists({ key: text }),
    t.setup.badLevel({ got: text }),
    t.setup.badRole({ got: text }),
  ];

  it.each([
    ['sv', sv],
    ['en', en],
  ] as const)('masks a number in every %s reply that quotes input', (_lang, t) => {
    for (const written of WRITTEN) {
      for (const reply of quoting(t, `visa ${written}`)) {
        expect(holdsTheNumber(reply)).toBe(false);
        expect(reply).toContain(MASK);
      }
    }
  });

  it('masks every valid number in every form, and leaves the rest of the text alone', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1900-01-01'), max: new Date('2025-01-01'), noInvalidDate: true }),
        fc.integer({ min: 1, max: 999 }),
        fc.boolean(),
        writtenForms,
        (born, serial, coordination, form) => {
          const text = write(idNumberOf(born, serial, coordination), form);
          const quoted = quoteInput(text);
          expect(containsPersonnummer(quoted)).toBe(false);
          expect(quoted.startsWith(form.before)).toBe(true);
          expect(quoted.endsWith(form.after)).toBe(true);
        },
      ),
    );
    expect(quoteInput('swot "Vår vardag" 2026-12-01 15:00')).toBe(
      'swot "Vår vardag" 2026-12-01 15:00',
    );
  });
});

describe('the local channel stores no personnummer', () => {
  it('keeps neither the echo nor a reply of a refused command', async () => {
    const local = await startLocalTillit();
    try {
      const [person] = await listLocalPeople(local.url);
      const channel = person!.roles[0]!.unitKey;
      for (const written of WRITTEN) {
        for (const text of [`/tillit visa ${written}`, `swot ${written}`]) {
          const answer = await postLocal(local.url, 'command', {
            person: person!.key,
            channel,
            text,
          });
          expect(answer.status).toBe(200);
        }
      }
      const rows = await local.database.db.select().from(localMessages);
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.filter((row) => holdsTheNumber(JSON.stringify(row)))).toEqual([]);
    } finally {
      await local.close();
    }
  });
});
