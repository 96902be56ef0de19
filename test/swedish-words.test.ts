import { describe, expect, it } from 'vitest';
import { parseCommand } from '../dialogues/commands/parse-command.js';
import { en } from '../dialogues/texts/en/index.js';
import { sv } from '../dialogues/texts/sv/index.js';

const firstWord = (command: string) => command.split(' ')[0]!;
const ENGLISH = ['help', 'reflect', 'actions', 'summary', 'setup', 'lang'];

describe('Swedish as a Swedish manager writes it', () => {
  it('shows Swedish command words in the Swedish help, and every shown word works', () => {
    const shown = sv.help.commands.map(([command]) => firstWord(command));
    expect(shown).toEqual(
      expect.arrayContaining(['hjälp', 'reflektera', 'åtgärder', 'sammanställning', 'språk']),
    );
    for (const word of shown) {
      expect(ENGLISH).not.toContain(word);
      expect(parseCommand(word).name).not.toBe('unknown');
    }
    for (const [command] of en.help.commands) {
      expect(parseCommand(firstWord(command)).name).not.toBe('unknown');
    }
    // English words work in Swedish too, and the singular a manager types.
    expect(parseCommand('actions all')).toMatchObject({ name: 'actions', args: ['all'] });
    expect(parseCommand('åtgärd').name).toBe('actions');
  });

  it('says "sista dag", not "deadline", in Swedish', () => {
    const texts = [
      ...sv.help.commands.flat(),
      ...sv.swot.usage,
      ...sv.risk.usage,
      sv.swot.deadlineLine({ when: '1 dec 2026' }),
      sv.risk.deadlineLine({ when: '1 dec 2026' }),
      sv.dialogue.deadlinePassed,
      sv.dialogue.deadlineEnded({ phase: 'Röstning' }),
    ];
    for (const text of texts) expect(text).not.toMatch(/deadline/i);
    expect(sv.swot.deadlineLine({ when: '1 dec 2026' })).toBe('Sista dag: 1 dec 2026');
  });

  it('fixes the wordings a manager stumbled on', () => {
    expect(sv.risk.closedText({ count: 4, escalated: 1 })).toContain('varav 1 eskalerad.');
    expect(sv.risk.closedText({ count: 4, escalated: 2 })).toContain('varav 2 eskalerade.');
    expect(sv.risk.status.notHeld).toBe('har inte hållits');
    expect(sv.risk.status.held({ date: '4 dec 2026' })).toBe('hölls 4 dec 2026');
    expect(sv.risk.nudge.lateTitle).toBe('Riskdialogen har inte hållits');
    expect(sv.risk.outcomes.escalate).toBe('eskalerad vidare');
    expect(sv.followUp.rescheduleForm.dateLabel).not.toMatch(/klart-senast/);
    for (const text of [
      sv.risk.nudge.open({ unit: 'Avdelning Stöd', level: 'avdelning', months: 'oktober' }),
      sv.risk.nudge.late({ unit: 'Avdelning Stöd', months: 'oktober' }),
      sv.risk.escalatedNotice.next({ unit: 'Avdelning Stöd' }),
      sv.swot.riskCreated({ item: 'Hot' }),
      sv.swot.risksCarried({ count: 2 }),
    ]) {
      expect(text).not.toContain('enhetens');
    }
    expect(sv.followUp.nudge.escalateSummary({ text: 'X', owner: 'Jonas', days: 3 })).toMatch(
      /^Jonas åtgärd/,
    );
    expect(sv.followUp.nudge.escalateSummary({ text: 'X', owner: 'Anna', days: 3 })).toMatch(
      /^Annas åtgärd/,
    );
    // Swedish command words in every Swedish usage and hint; the English ones still parse.
    for (const line of [
      ...sv.setup.usage,
      ...sv.gdpr.usage,
      sv.common.unknownPerson,
      sv.home.hint,
    ]) {
      expect(line).not.toMatch(/`(\/tillit )?(setup|help)\b/);
    }
    expect(sv.risk.notAssessed).toBe('inte fastställd');
    expect(sv.summary.itemLine({ quadrant: 'Styrkor', text: 'Vi', votes: 1 })).toBe(
      'Styrkor: Vi (1 röst)',
    );
    // A count agrees with its noun, one or many.
    expect(sv.risk.status.more({ count: 1 })).toBe('… och 1 enhet till');
    expect(sv.risk.status.more({ count: 2 })).toBe('… och 2 enheter till');
    expect(sv.summary.moreUnits({ count: 1 })).toMatch(/^… och 1 enhet till:/);
    expect(sv.setup.statusUnits({ units: 1, linked: 1 })).toMatch(/^1 enhet, /);
    expect(en.risk.status.more({ count: 1 })).toBe('… and 1 more unit');
    expect(en.summary.moreUnits({ count: 1 })).toMatch(/^… and 1 more unit:/);
    expect(en.setup.statusUnits({ units: 1, linked: 0 })).toMatch(/^1 unit, /);
    // No abbreviations among the figures' names.
    for (const name of Object.values(sv.summary.measures)) expect(name).not.toMatch(/\.$|\.\s/);
  });

  it('has no English in the Swedish help, and writes out what a municipal writer writes out', () => {
    const help = [sv.help.title, sv.help.intro, ...sv.help.commands.flat()].join('\n');
    for (const word of ENGLISH) expect(help).not.toMatch(new RegExp(`\\b${word}\\b`));
    const written = [
      ...sv.help.commands.flat(),
      ...sv.swot.usage,
      ...sv.risk.usage,
      ...sv.followUp.usage,
      ...sv.setup.usage,
      sv.summary.percentPoints,
    ].join('\n');
    expect(written).not.toMatch(/\b(t\.ex|t\.o\.m|p\.e)\./);
    expect(sv.summary.percentPoints).toContain('procentenheter');
    // One name for the role everywhere: the facilitator is a "processledare".
    expect(sv.common.forLeads).toBe('för chef eller processledare');
    expect(sv.reflection.summary.perPrinciple({ weeks: 8 })).toContain('de senaste 8 veckorna');
    // Numbers agree with their words; a date named as the latest is "klart senast".
    expect(sv.followUp.digest.summary({ unit: 'Enhet', overdue: 1, due: 1 })).toBe(
      'Enhet: 1 försenad, 1 ska bli klar i veckan',
    );
    expect(sv.followUp.changed.rescheduled({ text: 'X', due: '4 dec 2026' })).toContain(
      'klar senast 4 dec 2026',
    );
  });
});
