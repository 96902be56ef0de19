import type { InputBlock, KnownBlock, SectionBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import {
  formErrorsForSlack,
  parseActionId,
  readModalValues,
  renderBlocks,
  renderHomeView,
  renderModal,
  slackErrors,
} from '../bot/slack/render-blocks.js';
import type { SlackStateValues } from '../bot/slack/render-form.js';
import type { Block, Button, Form, Input, View } from '../dialogues/view.js';
import { checkBlockKitLimits, checkViewLimits } from './support/block-kit-limits.js';

const button = (label: string, id = 'swot.vote', value = 'item-1'): Button => ({
  label,
  action: { id, value },
});
const viewOf = (...blocks: Block[]): View => ({ summary: 'summary', blocks });
const json = (value: unknown) => JSON.stringify(value);
const sectionText = (block: KnownBlock | undefined) => (block as SectionBlock).text?.text ?? '';

/** Every action_id in the blocks, wherever it sits. */
function actionIds(blocks: KnownBlock[]): string[] {
  const ids: string[] = [];
  JSON.stringify(blocks, (key, value) => {
    if (key === 'action_id') ids.push(value);
    return value;
  });
  return ids;
}

const everyKind: Block[] = [
  { type: 'header', text: 'Risker' },
  { type: 'text', text: '*Fetstil* och _kursiv_ med `a<b` & <!channel>' },
  { type: 'fields', fields: [{ label: 'Enhet', value: 'IFO' }] },
  { type: 'list', items: [{ text: 'ett' }, { text: 'två' }], ordered: true },
  { type: 'list', items: [{ text: 'med knappar', buttons: [button('Rösta'), button('Ta bort')] }] },
  { type: 'buttons', buttons: [{ ...button('Spara'), style: 'primary' }] },
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
          { text: '1', tone: 'yellow' },
          { text: '2', tone: 'red' },
        ],
        [
          { text: '', tone: 'green' },
          { text: '3', tone: 'orange' },
        ],
      ],
      columnAxis: 'Konsekvens',
      rowAxis: 'Sannolikhet',
    },
  },
  { type: 'meter', label: 'Svar', value: 3, max: 5, text: 'tre av fem' },
  { type: 'image', url: 'https://example.org/chart.png', alt: 'Diagram' },
];

describe('renderBlocks: every block kind', () => {
  const blocks = renderBlocks(viewOf(...everyKind));

  it('renders each kind as the matching Block Kit block, within the limits', () => {
    expect(blocks.map((b) => b.type)).toEqual([
      'header',
      'section',
      'section',
      'section',
      'section',
      'actions',
      'actions',
      'context',
      'divider',
      'section',
      'section',
      'image',
    ]);
    expect(checkBlockKitLimits(blocks, { maxBlocks: 50 })).toEqual([]);
  });

  it('keeps the neutral markup and escapes Slack control characters', () => {
    expect(sectionText(blocks[1])).toBe(
      '*Fetstil* och _kursiv_ med `a&lt;b` &amp; &lt;!channel&gt;',
    );
  });

  it('shows fields, numbered lists and per-item buttons', () => {
    expect((blocks[2] as SectionBlock).fields?.[0]?.text).toBe('*Enhet*\nIFO');
    expect(sectionText(blocks[3])).toBe('1. ett\n2. två');
    const item = blocks[4] as SectionBlock;
    expect(item.text?.text).toBe('• med knappar');
    expect(item.accessory).toMatchObject({ type: 'button', text: { text: 'Rösta' } });
    expect(json(blocks[5])).toContain('Ta bort');
    expect(blocks[6]).toMatchObject({ elements: [{ style: 'primary', value: 'item-1' }] });
  });

  it('draws the matrix with tone squares and axes, and the meter as a bar', () => {
    const matrix = sectionText(blocks[9]);
    expect(matrix).toContain('*Riskmatris*');
    expect(matrix).toContain('Sannolikhet');
    expect(matrix).toContain('Konsekvens');
    expect(matrix).toMatch(/Trolig\s+🟨 1\s+🟥 2/);
    expect(matrix).toContain('🟩');
    expect(matrix).toContain('🟧 3');
    expect(sectionText(blocks[10])).toBe('Svar  ▰▰▰▱▱ 3/5\ntre av fem');
    expect(blocks[11]).toMatchObject({
      image_url: 'https://example.org/chart.png',
      alt_text: 'Diagram',
    });
  });

  it('gives every button a unique action id that parses back to the neutral one', () => {
    const ids = actionIds(blocks);
    expect(ids).toHaveLength(3);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.map(parseActionId)).toEqual(['swot.vote', 'swot.vote', 'swot.vote']);
  });

  it('renders bullets for unordered lists and leaves out empty texts', () => {
    const out = renderBlocks(
      viewOf({ type: 'list', items: [{ text: 'a' }] }, { type: 'text', text: ' ' }),
    );
    expect(out).toHaveLength(1);
    expect(sectionText(out[0])).toBe('• a');
  });
});

describe('renderBlocks: degrading visibly at the limits', () => {
  it('cuts 200 list items with buttons to 50 blocks and says how many are missing', () => {
    const items = Array.from({ length: 200 }, (_, i) => ({
      text: `punkt ${i}`,
      buttons: [button('Rösta', 'swot.vote', `item-${i}`)],
    }));
    const blocks = renderBlocks(viewOf({ type: 'list', items }));
    expect(blocks).toHaveLength(50);
    expect(blocks.at(-1)).toEqual({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: '… +151' }],
    });
    expect(checkBlockKitLimits(blocks, { maxBlocks: 50 })).toEqual([]);
  });

  it('cuts 60 rows of buttons, with the caller’s wording for the notice', () => {
    const rows: Block[] = Array.from({ length: 60 }, (_, i) => ({
      type: 'buttons',
      buttons: [button(`Knapp ${i}`, 'row.open', String(i))],
    }));
    const blocks = renderBlocks(viewOf(...rows), { moreText: (n) => `${n} till visas inte` });
    expect(blocks).toHaveLength(50);
    expect(json(blocks.at(-1))).toContain('11 till visas inte');
    expect(checkBlockKitLimits(blocks, { maxBlocks: 50 })).toEqual([]);
  });

  it('never splits an item from its extra buttons when cutting', () => {
    const items = Array.from({ length: 40 }, (_, i) => ({
      text: `punkt ${i}`,
      buttons: [button('A'), button('B')],
    }));
    const blocks = renderBlocks(viewOf({ type: 'list', items }));
    expect(blocks.length).toBeLessThanOrEqual(50);
    const beforeNotice = blocks.at(-2);
    expect(beforeNotice?.type).toBe('actions');
    expect(json(blocks.at(-1))).toContain('+16');
  });

  it('packs many plain list items into sections of at most 3,000 characters', () => {
    const items = Array.from({ length: 200 }, (_, i) => ({ text: `punkt nummer ${i} `.repeat(4) }));
    const blocks = renderBlocks(viewOf({ type: 'list', items }));
    expect(blocks.length).toBeGreaterThan(1);
    expect(blocks.map(sectionText).join('\n').split('\n')).toHaveLength(200);
    expect(checkBlockKitLimits(blocks, { maxBlocks: 50 })).toEqual([]);
  });

  it('cuts a 10,000-character text to 3,000 ending in "…"', () => {
    const text = sectionText(renderBlocks(viewOf({ type: 'text', text: 'å'.repeat(10_000) }))[0]);
    expect(text.length).toBeLessThanOrEqual(3000);
    expect(text.endsWith('…')).toBe(true);
  });

  it('never leaves half an entity when escaped text is cut', () => {
    const text = sectionText(renderBlocks(viewOf({ type: 'text', text: '<'.repeat(2000) }))[0]);
    expect(text).toMatch(/(&lt;)+…$/);
  });

  it('cuts button text to 75, header to 150, and splits fields and buttons into groups', () => {
    const blocks = renderBlocks(
      viewOf(
        { type: 'header', text: 'R'.repeat(400) },
        { type: 'buttons', buttons: Array.from({ length: 30 }, () => button('b'.repeat(200))) },
        {
          type: 'fields',
          fields: Array.from({ length: 23 }, () => ({ label: 'l', value: 'v'.repeat(3000) })),
        },
      ),
    );
    expect(json(blocks[0]).length).toBeLessThan(250);
    expect(blocks.filter((b) => b.type === 'actions')).toHaveLength(2);
    expect(blocks.filter((b) => b.type === 'section')).toHaveLength(3);
    expect(checkBlockKitLimits(blocks, { maxBlocks: 50 })).toEqual([]);
  });

  it('keeps long action ids and values within 255 and 2,000', () => {
    const long = button('x', 'a'.repeat(300), 'v'.repeat(5000));
    const blocks = renderBlocks(viewOf({ type: 'buttons', buttons: [long, long] }));
    const [id] = actionIds(blocks);
    expect(id?.length).toBeLessThanOrEqual(255);
    expect(checkBlockKitLimits(blocks, { maxBlocks: 50 })).toEqual([]);
  });

  it('holds every limit over a large generated view, in a message and in the App Home', () => {
    const blocks: Block[] = [];
    for (let i = 0; i < 40; i++) {
      blocks.push(...everyKind);
      blocks.push({ type: 'text', text: `${'x'.repeat(4000)} ${i}` });
      blocks.push({
        type: 'list',
        items: Array.from({ length: 30 }, () => ({
          text: 'y'.repeat(200),
          buttons: Array.from({ length: 30 }, () => button('z'.repeat(90))),
        })),
      });
    }
    const large = viewOf(...blocks);
    const message = renderBlocks(large);
    expect(checkBlockKitLimits(message, { maxBlocks: 50 })).toEqual([]);
    const home = renderHomeView(large);
    expect(home.type).toBe('home');
    // Items of three blocks each are kept whole, so the home view may stop short of 100.
    expect(home.blocks.length).toBeGreaterThan(95);
    expect(home.blocks.length).toBeLessThanOrEqual(100);
    expect(json(home.blocks.at(-1))).toMatch(/… \+\d+/);
    expect(checkViewLimits(home)).toEqual([]);
    expect(checkBlockKitLimits(home.blocks, { maxBlocks: 100 })).toEqual([]);
  });
});

describe('parseActionId', () => {
  it('round-trips ids, including ones with colons and digits of their own', () => {
    for (const id of ['swot.vote', 'a::b', 'risk.edit::7', 'x']) {
      const blocks = renderBlocks(viewOf({ type: 'buttons', buttons: [button('b', id)] }));
      expect(parseActionId(actionIds(blocks)[0] ?? '')).toBe(id);
    }
    expect(parseActionId('no-suffix')).toBe('no-suffix');
  });
});

const inputs: Input[] = [
  {
    type: 'text',
    id: 'title',
    label: 'Titel',
    maxLength: 200,
    initial: 'Hej',
    placeholder: 'Skriv',
  },
  { type: 'text', id: 'note', label: 'Anteckning', multiline: true, optional: true },
  {
    type: 'select',
    id: 'unit',
    label: 'Enhet',
    options: [
      { label: 'IFO', value: 'ifo' },
      { label: 'Äldreomsorg', value: 'aldre' },
    ],
    initial: 'aldre',
  },
  {
    type: 'checkboxes',
    id: 'tags',
    label: 'Taggar',
    options: [
      { label: 'Akut', value: 'a' },
      { label: 'Lång sikt', value: 'b' },
    ],
    initial: ['b'],
  },
  { type: 'date', id: 'due', label: 'Klart', initial: '2025-03-14T10:00:00Z', optional: true },
];
const form: Form = {
  id: 'swot.add-item',
  title: 'Ny punkt',
  submitLabel: 'Spara',
  state: 'r:42',
  intro: 'Lägg till en punkt',
  inputs,
};

describe('renderModal', () => {
  const modal = renderModal(form, { cancelLabel: 'Avbryt' });

  it('renders a modal with the form id, state and one input block per input', () => {
    expect(modal).toMatchObject({
      type: 'modal',
      callback_id: 'swot.add-item',
      private_metadata: 'r:42',
      title: { text: 'Ny punkt' },
      submit: { text: 'Spara' },
      close: { text: 'Avbryt' },
    });
    expect(modal.blocks.map((b) => b.type)).toEqual([
      'section',
      'input',
      'input',
      'input',
      'input',
      'input',
    ]);
    expect(
      modal.blocks
        .slice(1)
        .map((b) => [b.block_id, (b as { element: { action_id: string } }).element.action_id]),
    ).toEqual(inputs.map((input) => [input.id, input.id]));
    expect(json(modal.blocks)).toContain('"initial_date":"2025-03-14"');
    expect(json(modal.blocks)).toContain(
      '"initial_option":{"text":{"type":"plain_text","text":"Äldreomsorg","emoji":true},"value":"aldre"}',
    );
    expect(checkViewLimits(modal)).toEqual([]);
  });

  it('cuts title, submit and close to 24 and offers at most 100 options of 75 characters', () => {
    const options = Array.from({ length: 300 }, (_, i) => ({
      label: `${'o'.repeat(100)}${i}`,
      value: `v${i}`,
    }));
    const big = renderModal(
      {
        ...form,
        title: 'T'.repeat(60),
        submitLabel: 'S'.repeat(60),
        inputs: [
          { type: 'select', id: 'pick', label: 'Välj', options },
          { type: 'checkboxes', id: 'many', label: 'Flera', options: options.slice(0, 20) },
        ],
      },
      { cancelLabel: 'C'.repeat(60) },
    );
    expect(big.title.text.length).toBeLessThanOrEqual(24);
    expect(big.submit?.text.length).toBeLessThanOrEqual(24);
    expect(big.close?.text.length).toBeLessThanOrEqual(24);
    const select = big.blocks[1] as { element: { options: { text: { text: string } }[] } };
    expect(select.element.options).toHaveLength(100);
    expect(select.element.options.every((o) => o.text.text.length <= 75)).toBe(true);
    expect(json(big.blocks[2])).toContain('multi_static_select');
    expect(checkViewLimits(big)).toEqual([]);
  });

  it('refuses a state longer than private_metadata holds', () => {
    expect(() =>
      renderModal({ ...form, state: 'x'.repeat(3001) }, { cancelLabel: 'Avbryt' }),
    ).toThrow(/3000/);
  });
});

describe('readModalValues', () => {
  it('round-trips each input type through Slack’s view.state.values', () => {
    const state: SlackStateValues = {
      title: { title: { type: 'plain_text_input', value: 'Ny titel' } },
      note: { note: { type: 'plain_text_input', value: null } },
      unit: { unit: { type: 'static_select', selected_option: { value: 'ifo' } } },
      tags: { tags: { type: 'checkboxes', selected_options: [{ value: 'a' }, { value: 'b' }] } },
      due: { due: { type: 'datepicker', selected_date: '2025-04-01' } },
    };
    expect(readModalValues(state)).toEqual({
      title: 'Ny titel',
      note: undefined,
      unit: 'ifo',
      tags: ['a', 'b'],
      due: '2025-04-01',
    });
    expect(
      readModalValues({
        unit: { unit: { type: 'static_select', selected_option: null } },
        tags: { tags: { type: 'multi_static_select', selected_options: [] } },
        due: { due: { type: 'datepicker', selected_date: null } },
      }),
    ).toEqual({ unit: undefined, tags: [], due: undefined });
  });

  it('reads back what the rendered modal offers as initial values', () => {
    const modal = renderModal(form, { cancelLabel: 'Avbryt' });
    const state: SlackStateValues = {};
    for (const block of modal.blocks) {
      if (block.type !== 'input' || !block.block_id) continue;
      const element = (block as InputBlock).element as unknown as Record<string, unknown>;
      const actionId = String(element.action_id);
      state[block.block_id] = {
        [actionId]: {
          type: String(element.type),
          value: (element.initial_value as string | undefined) ?? null,
          ...(element.type === 'static_select'
            ? { selected_option: element.initial_option as { value: string } }
            : {}),
          ...(element.type === 'checkboxes'
            ? { selected_options: element.initial_options as { value: string }[] }
            : {}),
          ...(element.type === 'datepicker'
            ? { selected_date: element.initial_date as string }
            : {}),
        },
      };
    }
    expect(readModalValues(state)).toEqual({
      title: 'Hej',
      note: undefined,
      unit: 'aldre',
      tags: ['b'],
      due: '2025-03-14',
    });
  });
});

describe('form errors for Slack', () => {
  it('puts a whole-form error on the first input, before that input’s own message', () => {
    expect(
      slackErrors({ _form: 'Något saknas.', title: 'För lång.', due: 'Fel datum.' }, 'title'),
    ).toEqual({
      title: 'Något saknas. För lång.',
      due: 'Fel datum.',
    });
    expect(slackErrors({ _form: 'Något saknas.' }, undefined)).toEqual({});
  });

  it('moves errors naming no input of the form to the first input', () => {
    expect(formErrorsForSlack({ ghost: 'Okänt fält.', note: 'Tom.' }, inputs)).toEqual({
      title: 'Okänt fält.',
      note: 'Tom.',
    });
  });
});

describe('checkBlockKitLimits', () => {
  it('reports each kind of violation', () => {
    const bad = [
      { type: 'section', text: { type: 'mrkdwn', text: 'x'.repeat(3001) }, block_id: 'b' },
      {
        type: 'section',
        fields: Array.from({ length: 11 }, () => ({ type: 'mrkdwn', text: 'f'.repeat(2001) })),
        block_id: 'b',
      },
      { type: 'header', text: { type: 'plain_text', text: 'h'.repeat(151) } },
      {
        type: 'actions',
        elements: Array.from({ length: 26 }, () => ({
          type: 'button',
          text: { type: 'plain_text', text: 'b'.repeat(76) },
          value: 'v'.repeat(2001),
          action_id: 'a'.repeat(256),
        })),
      },
      {
        type: 'input',
        label: { type: 'plain_text', text: 'l' },
        element: {
          type: 'static_select',
          action_id: 's',
          options: Array.from({ length: 101 }, (_, i) => ({
            text: { type: 'plain_text', text: 'o'.repeat(76) },
            value: `${i}`,
          })),
        },
      },
    ];
    const violations = checkBlockKitLimits(bad, { maxBlocks: 4 });
    for (const expected of [
      'blocks.length: 5 > 4',
      'blocks[0].text.text: 3001 > 3000',
      'blocks[1].block_id: duplicate block_id b',
      'blocks[1].fields.length: 11 > 10',
      'blocks[1].fields[0].text: 2001 > 2000',
      'blocks[2].text.text: 151 > 150',
      'blocks[3].elements.length: 26 > 25',
      'blocks[3].elements[0].text.text: 76 > 75',
      'blocks[3].elements[0].value: 2001 > 2000',
      'blocks[3].elements[0].action_id: 256 > 255',
      `blocks[3].elements[1].action_id: duplicate action_id ${'a'.repeat(256)}`,
      'blocks[4].element.options.length: 101 > 100',
      'blocks[4].element.options[0].text.text: 76 > 75',
    ]) {
      expect(violations).toContain(expected);
    }
  });
});
