import { describe, expect, it } from 'vitest';
import { inline, renderFormHtml, renderViewHtml } from '../bot/local/render-html.js';
import type { Block, Form } from '../dialogues/view.js';

const labels = { cancelLabel: 'Avbryt', chooseLabel: 'Välj…' };

describe('local HTML renderer', () => {
  it('turns the neutral markup into tags, and nothing else', () => {
    expect(inline('*fet* och _kursiv_ och `kod *inte fet*`')).toBe(
      '<strong>fet</strong> och <em>kursiv</em> och <code>kod *inte fet*</code>',
    );
    expect(inline('snake_case_name och 2*3*4')).toBe('snake_case_name och 2*3*4');
    expect(inline('<script>alert("x")</script> & *<b>*')).toBe(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; <strong>&lt;b&gt;</strong>',
    );
    expect(inline('rad ett\nrad två')).toBe('rad ett<br>rad två');
  });

  it('renders every block type, escaping what people wrote', () => {
    const evil = '"><img src=x onerror=alert(1)>';
    const blocks: Block[] = [
      { type: 'header', text: 'Rubrik' },
      { type: 'text', text: evil },
      { type: 'fields', fields: [{ label: 'Fas', value: 'Insamling' }] },
      {
        type: 'list',
        ordered: true,
        items: [
          {
            text: 'Punkt',
            buttons: [{ label: 'Rösta', action: { id: 'swot.vote', value: evil } }],
          },
        ],
      },
      {
        type: 'buttons',
        buttons: [{ label: 'Stäng', style: 'danger', action: { id: 'x.close', value: '1' } }],
      },
      { type: 'context', text: 'Liten text' },
      { type: 'divider' },
      {
        type: 'matrix',
        matrix: {
          title: 'Riskmatris',
          columnLabels: ['1', '2'],
          rowLabels: ['2', '1'],
          cells: [
            [
              { text: '2', tone: 'yellow' },
              { text: '4', tone: 'red' },
            ],
            [
              { text: '1', tone: 'green' },
              { text: '2', tone: 'yellow' },
            ],
          ],
          columnAxis: 'Konsekvens',
          rowAxis: 'Sannolikhet',
        },
      },
      { type: 'meter', label: 'Svarsfrekvens', value: 7, max: 10, text: '70 %' },
      { type: 'image', url: 'javascript:alert(1)', alt: 'Diagram' },
      { type: 'image', url: 'https://example.org/chart.png', alt: 'Diagram' },
    ];
    const html = renderViewHtml({ summary: 'Allt', blocks });
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('<ol class="v-list">');
    expect(html).toContain('data-action-id="swot.vote" data-action-value="&quot;&gt;&lt;img');
    expect(html).toContain('class="btn btn-danger"');
    expect(html).toContain('<td class="tone-red">4</td>');
    expect(html).toContain('<meter min="0" max="10" value="7"');
    expect(html).not.toContain('javascript:');
    expect(html).toContain(
      '<img class="v-image" src="https://example.org/chart.png" alt="Diagram">',
    );
    for (const tag of ['<h3', '<dl', '<hr', '<table', '<p class="v-context">']) {
      expect(html).toContain(tag);
    }
  });

  it('renders every input type with a label, and carries form id and state', () => {
    const form: Form = {
      id: 'swot.add-item',
      title: 'Ny punkt',
      submitLabel: 'Lägg till',
      state: '{"d":"1"}',
      intro: 'Skriv *kort*.',
      inputs: [
        { type: 'text', id: 'text', label: 'Punkt', multiline: true, maxLength: 280 },
        {
          type: 'select',
          id: 'quadrant',
          label: 'Område',
          options: [{ label: 'Styrkor', value: 'S' }],
        },
        {
          type: 'checkboxes',
          id: 'anon',
          label: 'Anonymt',
          options: [{ label: 'Ja', value: 'yes' }],
          initial: ['yes'],
        },
        { type: 'date', id: 'due', label: 'Klart', optional: true, initial: '2026-12-01' },
      ],
    };
    const html = renderFormHtml(form, labels);
    expect(html).toContain(
      'data-form-id="swot.add-item" data-state="{&quot;d&quot;:&quot;1&quot;}"',
    );
    expect(html).toContain('<label for="input-text" class="required">Punkt</label>');
    expect(html).toContain('<label for="input-due">Klart</label>');
    // No maxlength (a long paste would be cut mid-word): the limit rides along for the count.
    expect(html).toMatch(/<textarea id="input-text" name="text"[^>]* data-max="280" required/);
    expect(html).toContain('<option value="">Välj…</option><option value="S">Styrkor</option>');
    expect(html).toMatch(/<legend>Anonymt<\/legend>.*value="yes" checked/);
    expect(html).toMatch(/<input type="date" id="input-due" name="due"[^>]*value="2026-12-01"/);
    expect(html).toContain('data-error-for="_form"');
    expect(html).toContain('<p class="form-intro">Skriv <strong>kort</strong>.</p>');
    expect(html).toContain('>Avbryt</button>');
  });
});
