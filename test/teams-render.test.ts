import { describe, expect, it } from 'vitest';
import { readCardValue } from '../bot/teams/card-data.js';
import { cardMarkdown, jsonBytes } from '../bot/teams/card-text.js';
import { renderCard } from '../bot/teams/render-card.js';
import { renderFormCard, renderSentFormCard } from '../bot/teams/render-card-form.js';
import { commandTextOf } from '../bot/teams/teams-text.js';
import type { Block, Button, Form, View } from '../dialogues/view.js';
import { checkAdaptiveCard, TEAMS_MESSAGE_BYTES } from './support/adaptive-card-check.js';
import { findAllActions } from './support/teams-session.js';

const button = (label: string, id = 'swot.vote', value = 'item-1'): Button => ({
  label,
  action: { id, value },
});
const viewOf = (...blocks: Block[]): View => ({ summary: 'summary', blocks });
const json = (value: unknown) => JSON.stringify(value);

const everyKind: Block[] = [
  { type: 'header', text: 'Risker' },
  { type: 'text', text: '*Fetstil* och _kursiv_ med `swot <ämne>` & <b>' },
  { type: 'fields', fields: [{ label: 'Enhet', value: 'IFO' }] },
  { type: 'list', items: [{ text: 'ett' }, { text: 'två' }], ordered: true },
  { type: 'list', items: [{ text: 'med knappar', buttons: [button('Rösta'), button('Ta bort')] }] },
  {
    type: 'list',
    items: [{ text: 'många knappar', buttons: [button('a'), button('b'), button('c')] }],
  },
  {
    type: 'buttons',
    buttons: [
      { ...button('Spara'), style: 'primary' },
      { ...button('Radera'), style: 'danger' },
    ],
  },
  { type: 'context', text: 'Senast ändrad i dag' },
  { type: 'divider' },
  {
    type: 'matrix',
    matrix: {
      title: 'Riskmatris',
      columnLabels: ['Liten', 'Stor'],
      rowLabels: ['Trolig', 'Osannolik'],
      cells: [
        [
          { text: 'R1', tone: 'yellow' },
          { text: 'R2', tone: 'red' },
        ],
        [
          { text: '', tone: 'green' },
          { text: 'R3', tone: 'orange' },
        ],
      ],
      columnAxis: 'Konsekvens',
      rowAxis: 'Sannolikhet',
    },
  },
  { type: 'meter', label: 'Svarsfrekvens', value: 7, max: 10 },
  { type: 'image', url: 'https://example.se/matris.png', alt: 'Riskmatris' },
];

const everyInput: Form = {
  id: 'test.form',
  title: 'Lägg till',
  submitLabel: 'Spara',
  state: 'dialogue-1',
  intro: 'Om *ämnet*',
  inputs: [
    {
      type: 'text',
      id: 'text',
      label: 'Text',
      multiline: true,
      maxLength: 300,
      placeholder: 'Skriv',
    },
    {
      type: 'select',
      id: 'quadrant',
      label: 'Kvadrant',
      options: [
        { label: 'Styrkor', value: 'strengths' },
        { label: 'Hot', value: 'threats' },
      ],
      initial: 'threats',
    },
    {
      type: 'checkboxes',
      id: 'anonymous',
      label: 'Anonym',
      options: [{ label: 'Ja', value: 'yes' }],
      initial: ['yes'],
    },
    {
      type: 'date',
      id: 'due',
      label: 'Klart senast',
      optional: true,
      initial: '2027-01-15T00:00:00Z',
    },
  ],
};

describe('views as Adaptive Cards for Teams', () => {
  it('renders every block kind into a valid 1.5 card', () => {
    const card = renderCard(viewOf(...everyKind));
    expect(checkAdaptiveCard(card)).toEqual([]);
    expect(card.version).toBe('1.5');
    const text = json(card);
    expect(text).toContain('**Fetstil**');
    expect(text).toContain('**swot <ämne>**');
    expect(text).toContain('"type":"Table"');
    expect(text).toContain('"style":"attention"');
    expect(text).toContain('"type":"FactSet"');
    expect(text).toContain('▰▰▰▰▰▰▰▱▱▱');
    // The divider becomes a separator on what follows it.
    expect(card.body.find((e) => e.separator === true)).toBeDefined();
  });

  it('gives every button its action id and value, and a private card its origin', () => {
    const origin = { c: '19:ch@thread.tacv2;messageid=1', p: '19:ch@thread.tacv2' };
    const card = renderCard(viewOf(...everyKind), { origin });
    const actions = findAllActions(card);
    expect(actions.length).toBe(7);
    for (const action of actions)
      expect(action.data?.tillit).toMatchObject({ id: 'swot.vote', o: origin });
    expect(actions.map((a) => (a as { style?: string }).style)).toContain('destructive');
    const clicked = readCardValue(actions[0]!.data);
    expect(clicked).toEqual({
      kind: 'action',
      action: { id: 'swot.vote', value: 'item-1' },
      origin,
    });
  });

  it('keeps a huge view under Teams’ size by leaving whole items out, and says so', () => {
    const items = Array.from({ length: 600 }, (_, i) => ({
      text: `Punkt ${i} ${'lång text '.repeat(12)}`,
      buttons: [button('+1', 'swot.vote', `item-${i}`)],
    }));
    const card = renderCard(viewOf({ type: 'header', text: 'Alla' }, { type: 'list', items }), {
      moreText: (n) => `… och ${n} till`,
    });
    expect(checkAdaptiveCard(card)).toEqual([]);
    expect(jsonBytes(card)).toBeLessThan(TEAMS_MESSAGE_BYTES - 2_000);
    const more = json(card.body.at(-1));
    const hidden = Number(/och (\d+) till/.exec(more)?.[1]);
    const shown = findAllActions(card).length;
    expect(shown + hidden).toBe(600);
    expect(hidden).toBeGreaterThan(0);
  });

  it('cuts one enormous text with an ellipsis instead of letting it fill the card', () => {
    const card = renderCard(viewOf({ type: 'text', text: 'x'.repeat(50_000) }));
    expect(checkAdaptiveCard(card)).toEqual([]);
    expect(json(card)).toContain('…');
    expect(jsonBytes(card)).toBeLessThan(10_000);
  });

  it('turns neutral markup into the Markdown Teams renders', () => {
    expect(cardMarkdown('*fet* _kursiv_ `kod`')).toBe('**fet** _kursiv_ **kod**');
    expect(cardMarkdown('5 * 3 * 2')).toBe('5 * 3 * 2');
  });
});

describe('forms as Adaptive Cards for Teams', () => {
  it('renders every input kind with labels, initial values and a submit carrying the form', () => {
    const card = renderFormCard(everyInput, { requiredText: 'Fyll i det här.' });
    expect(checkAdaptiveCard(card)).toEqual([]);
    const text = json(card);
    expect(text).toContain('"type":"Input.Text"');
    expect(text).toContain('"maxLength":300');
    expect(text).toContain('"value":"threats"');
    expect(text).toContain('"isMultiSelect":true');
    expect(text).toContain('"value":"2027-01-15"');
    expect(text).toContain('"errorMessage":"Fyll i det här."');
    const [submit] = findAllActions(card);
    expect(submit!.data).toEqual({
      tillit: { formId: 'test.form', state: 'dialogue-1', multi: ['anonymous'] },
    });
  });

  it('reads a submission back: inputs by id, multi-selects split, empty as missing', () => {
    const [submit] = findAllActions(renderFormCard(everyInput));
    const value = { ...submit!.data, text: 'Hej', quadrant: 'threats', anonymous: 'yes', due: '' };
    expect(readCardValue(value)).toEqual({
      kind: 'submit',
      formId: 'test.form',
      state: 'dialogue-1',
      values: { text: 'Hej', quadrant: 'threats', anonymous: ['yes'], due: undefined },
      origin: null,
      source: null,
    });
    // A form opened from a 1:1 card names that card, so a submit can replace it.
    const [fromPrompt] = findAllActions(renderFormCard(everyInput, { source: 'prompt-1' }));
    expect(readCardValue({ ...fromPrompt!.data })).toMatchObject({ source: 'prompt-1' });
    const none = readCardValue({ ...submit!.data, text: 'Hej' });
    expect(none && none.kind === 'submit' && none.values.anonymous).toEqual([]);
    expect(readCardValue({ somethingElse: 1 })).toBeNull();
    expect(readCardValue('text')).toBeNull();
  });

  it('shows errors under their inputs and at the top, keeping what was typed', () => {
    const card = renderFormCard(everyInput, {
      errors: { text: 'Texten är för lång', _form: 'Något gick fel' },
      values: { text: 'mitt förslag', quadrant: 'strengths', anonymous: [] },
    });
    expect(checkAdaptiveCard(card)).toEqual([]);
    const body = card.body.map((e) => json(e));
    const inputAt = body.findIndex((e) => e.includes('"id":"text"'));
    expect(body[inputAt + 1]).toContain('Texten är för lång');
    expect(body[inputAt + 1]).toContain('"color":"Attention"');
    expect(body.findIndex((e) => e.includes('Något gick fel'))).toBeLessThan(inputAt);
    expect(body[inputAt]).toContain('"value":"mitt förslag"');
    expect(json(card)).toContain('"value":"strengths"');
  });

  it('offers fewer choices when a long list would push the form past Teams’ size', () => {
    const members = Array.from({ length: 300 }, (_, i) => ({
      label: `Medarbetare nummer ${i} ${'med ett mycket långt namn '.repeat(6)}`,
      value: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    }));
    const form: Form = {
      ...everyInput,
      inputs: [{ type: 'select', id: 'owner', label: 'Ansvarig', options: members }],
    };
    const card = renderFormCard(form);
    expect(checkAdaptiveCard(card)).toEqual([]);
    expect(jsonBytes(card)).toBeLessThan(TEAMS_MESSAGE_BYTES - 2_000);
    const offered = (card.body.find((e) => e.id === 'owner')!.choices as unknown[]).length;
    expect(offered).toBeGreaterThanOrEqual(10);
    expect(offered).toBeLessThan(100);
  });

  it('closes a sent form: no inputs and no button left', () => {
    const card = renderSentFormCard(everyInput, 'Skickat ✓');
    expect(checkAdaptiveCard(card)).toEqual([]);
    expect(findAllActions(card)).toHaveLength(0);
    expect(json(card)).not.toContain('Input.');
  });
});

describe('message text as a command', () => {
  const lookup = async (id: string) =>
    id === '29:nya' ? 'AAAAAAAA-1111-4222-8333-444444444444' : null;
  const activity = (text: string, entities: unknown[] = []) => ({
    text,
    recipient: { id: '28:bot', name: 'Tillit' },
    entities: entities as never,
  });
  const botMention = {
    type: 'mention',
    text: '<at>Tillit</at>',
    mentioned: { id: '28:bot', name: 'Tillit' },
  };

  it('drops the mention of Tillit and a leading /tillit', async () => {
    expect(
      await commandTextOf(activity('<at>Tillit</at> swot "Vår vardag"', [botMention]), lookup),
    ).toBe('swot "Vår vardag"');
    expect(await commandTextOf(activity('/tillit help'), lookup)).toBe('help');
    expect(await commandTextOf(activity('<at>Tillit</at>&nbsp;hjälp'), lookup)).toBe('hjälp');
  });

  it('turns other mentions into neutral tokens with the AAD object id', async () => {
    const nya = { type: 'mention', text: '<at>Nya</at>', mentioned: { id: '29:nya', name: 'Nya' } };
    const long = {
      type: 'mention',
      text: '<at>Nya Nilsson</at>',
      mentioned: { id: '29:nya', name: 'Nya Nilsson' },
    };
    const unknown = {
      type: 'mention',
      text: '<at>Okänd</at>',
      mentioned: { id: '29:x', name: 'Okänd' },
    };
    expect(
      await commandTextOf(
        activity('<at>Tillit</at> setup role <at>Nya</at> member ifo', [botMention, nya]),
        lookup,
      ),
    ).toBe('setup role <@aaaaaaaa-1111-4222-8333-444444444444|Nya> member ifo');
    expect(
      await commandTextOf(activity('setup role <at>Nya Nilsson</at> member ifo', [long]), lookup),
    ).toBe('setup role <@aaaaaaaa-1111-4222-8333-444444444444> member ifo');
    expect(
      await commandTextOf(activity('setup role <at>Okänd</at> member ifo', [unknown]), lookup),
    ).toBe('setup role Okänd member ifo');
  });
});
