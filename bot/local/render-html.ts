import {
  type Block,
  type Button,
  FORM_ERROR_KEY,
  type Form,
  type Input,
  type ListItem,
  type Matrix,
  matrixAxes,
  type Option,
  type View,
  visibleInputs,
} from '../../dialogues/view.js';

/**
 * The neutral view as HTML for the local browser page: one exhaustive switch over the block
 * types and one over the input types. Every text is escaped before the three marks of the
 * neutral markup (*bold*, _italic_, `code`) become tags, so nothing a person typed is markup.
 */
export function renderViewHtml(view: View): string {
  return `<div class="view">${view.blocks.map(renderBlock).join('')}</div>`;
}

function renderBlock(block: Block): string {
  switch (block.type) {
    case 'header':
      return `<h3 class="v-header">${inline(block.text)}</h3>`;
    case 'text':
      return `<p class="v-text">${inline(block.text)}</p>`;
    case 'fields':
      return `<dl class="v-fields">${block.fields
        .map((f) => `<div><dt>${inline(f.label)}</dt><dd>${inline(f.value)}</dd></div>`)
        .join('')}</dl>`;
    case 'list': {
      const tag = block.ordered ? 'ol' : 'ul';
      return `<${tag} class="v-list">${block.items.map(renderListItem).join('')}</${tag}>`;
    }
    case 'buttons':
      return `<div class="v-buttons">${block.buttons.map(renderButton).join('')}</div>`;
    case 'context':
      return `<p class="v-context">${inline(block.text)}</p>`;
    case 'divider':
      return '<hr class="v-divider">';
    case 'matrix':
      return renderMatrix(block.matrix);
    case 'meter':
      return renderMeter(block);
    case 'image':
      return isWebAddress(block.url)
        ? `<img class="v-image" src="${attr(block.url)}" alt="${attr(block.alt)}">`
        : `<p class="v-context">${escapeHtml(block.alt)}</p>`;
    case 'download':
      return isDownload(block.url)
        ? `<p class="v-download"><a href="${attr(block.url)}" download>${escapeHtml(block.label)}</a></p>`
        : `<p class="v-context">${escapeHtml(block.label)}</p>`;
    default:
      return block satisfies never;
  }
}

function renderListItem(item: ListItem): string {
  const buttons = item.buttons?.length
    ? `<span class="v-item-buttons">${item.buttons.map(renderButton).join('')}</span>`
    : '';
  return `<li><span class="v-item-text">${inline(item.text)}</span>${buttons}</li>`;
}

function renderButton(button: Button): string {
  const style = button.style ? ` btn-${button.style}` : '';
  return (
    `<button type="button" class="btn${style}" data-action-id="${attr(button.action.id)}"` +
    ` data-action-value="${attr(button.action.value)}">${escapeHtml(button.label)}</button>`
  );
}

function renderMatrix(matrix: Matrix): string {
  const head = `<tr><td></td>${matrix.columnLabels.map((l) => `<th scope="col">${escapeHtml(l)}</th>`).join('')}</tr>`;
  const rows = matrix.cells
    .map((row, r) => {
      const cells = row
        .map((cell) => `<td class="tone-${cell.tone}">${escapeHtml(cell.text)}</td>`)
        .join('');
      return `<tr><th scope="row">${escapeHtml(matrix.rowLabels[r] ?? '')}</th>${cells}</tr>`;
    })
    .join('');
  const axesText = matrixAxes(matrix);
  const axes = axesText ? `<span class="v-axes">${escapeHtml(axesText)}</span>` : '';
  return (
    `<figure class="v-matrix"><table><caption>${escapeHtml(matrix.title)}` +
    `${axes}</caption>${head}${rows}</table></figure>`
  );
}

function renderMeter(block: Extract<Block, { type: 'meter' }>): string {
  const max = block.max > 0 ? block.max : 1;
  const value = Math.min(Math.max(block.value, 0), max);
  const shown = block.text ?? `${block.value}/${block.max}`;
  return (
    `<div class="v-meter"><span class="v-meter-label">${inline(block.label)}</span>` +
    `<meter min="0" max="${max}" value="${value}" aria-label="${attr(block.label)}"></meter>` +
    `<span class="v-meter-text">${escapeHtml(shown)}</span></div>`
  );
}

export interface FormLabels {
  cancelLabel: string;
  /** The empty first choice of a select that has no value yet. */
  chooseLabel: string;
}

/**
 * A form as an HTML form inside the page's dialog. The form id and its opaque state ride
 * along as data attributes; each input has an empty error slot the page fills on errors.
 */
export function renderFormHtml(form: Form, labels: FormLabels): string {
  const intro = form.intro ? `<p class="form-intro">${inline(form.intro)}</p>` : '';
  return (
    `<form class="tillit-form" method="dialog" data-form-id="${attr(form.id)}" data-state="${attr(form.state)}" novalidate>` +
    `<h2 class="form-title" id="form-title">${escapeHtml(form.title)}</h2>${intro}` +
    form.inputs.map((input) => shownWhen(form, input, renderInput(input, labels))).join('') +
    `<p class="form-error" data-error-for="${FORM_ERROR_KEY}" role="alert"></p>` +
    `<div class="form-actions"><button type="button" class="btn" data-close-form>${escapeHtml(labels.cancelLabel)}</button>` +
    `<button type="submit" class="btn btn-primary">${escapeHtml(form.submitLabel)}</button></div></form>`
  );
}

/**
 * An input that belongs to one choice of a select: wrapped with that condition, hidden until
 * the choice is made (forms.js shows and hides it as the select changes; hidden ones are not sent).
 */
function shownWhen(form: Form, input: Input, html: string): string {
  const when = input.shownWhen;
  if (!when) return html;
  const shown = visibleInputs(form).includes(input);
  return (
    `<div class="when" data-when-input="${attr(when.input)}" data-when-is="${attr(when.is.join(' '))}"` +
    `${shown ? '' : ' hidden'}>${html}</div>`
  );
}

function renderInput(input: Input, labels: FormLabels): string {
  const id = `input-${input.id}`;
  const errorId = `error-${input.id}`;
  const error = `<p class="input-error" id="${attr(errorId)}" data-error-for="${attr(input.id)}"></p>`;
  const described = `aria-describedby="${attr(errorId)}"`;
  switch (input.type) {
    case 'text': {
      // No maxlength: the browser would cut a long paste silently, mid-word. The limit is
      // shown, counted down by forms.js, and a text past it is refused by the server.
      const hintId = `hint-${input.id}`;
      const hint = input.hint
        ? `<p class="input-hint" id="${attr(hintId)}" data-hint-for="${attr(input.id)}">${escapeHtml(input.hint)}</p>`
        : '';
      const describedBy = `aria-describedby="${attr(input.hint ? `${hintId} ${errorId}` : errorId)}"`;
      const common =
        `id="${attr(id)}" name="${attr(input.id)}" ${describedBy}` +
        (input.maxLength ? ` data-max="${input.maxLength}"` : '') +
        (input.optional ? '' : ' required aria-required="true"') +
        (input.placeholder ? ` placeholder="${attr(input.placeholder)}"` : '');
      const field = input.multiline
        ? `<textarea ${common} rows="4">${escapeHtml(input.initial ?? '')}</textarea>`
        : `<input type="text" ${common} value="${attr(input.initial ?? '')}">`;
      return `<div class="field">${label(id, input.label, input.optional)}${field}${hint}${error}</div>`;
    }
    case 'select': {
      const blank =
        input.optional || input.initial === undefined
          ? `<option value="">${escapeHtml(labels.chooseLabel)}</option>`
          : '';
      const options = input.options.map((o) => option(o, o.value === input.initial)).join('');
      return (
        `<div class="field">${label(id, input.label, input.optional)}` +
        `<select id="${attr(id)}" name="${attr(input.id)}" ${described}${input.optional ? '' : ' required aria-required="true"'}>` +
        `${blank}${options}</select>${error}</div>`
      );
    }
    case 'checkboxes': {
      const chosen = new Set(input.initial ?? []);
      const boxes = input.options
        .map((o, i) => {
          const boxId = `${id}-${i}`;
          const checked = chosen.has(o.value) ? ' checked' : '';
          return (
            `<label class="check" for="${attr(boxId)}"><input type="checkbox" id="${attr(boxId)}"` +
            ` name="${attr(input.id)}" value="${attr(o.value)}"${checked}> ${escapeHtml(o.label)}</label>`
          );
        })
        .join('');
      return (
        `<fieldset class="field" data-kind="checkboxes" data-name="${attr(input.id)}" ${described}>` +
        `<legend>${escapeHtml(input.label)}</legend>${boxes}${error}</fieldset>`
      );
    }
    case 'date':
      return (
        `<div class="field">${label(id, input.label, input.optional)}` +
        `<input type="date" id="${attr(id)}" name="${attr(input.id)}" ${described}` +
        `${input.optional ? '' : ' required aria-required="true"'} value="${attr(input.initial ?? '')}">${error}</div>`
      );
    default:
      return input satisfies never;
  }
}

/** A required input's label gets its mark from CSS, so the label's text stays the text. */
function label(id: string, text: string, optional?: boolean): string {
  const required = optional ? '' : ' class="required"';
  return `<label for="${attr(id)}"${required}>${escapeHtml(text)}</label>`;
}

function option(o: Option, selected: boolean): string {
  return `<option value="${attr(o.value)}"${selected ? ' selected' : ''}>${escapeHtml(o.label)}</option>`;
}

const entities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => entities[c]!);
}

const attr = escapeHtml;

/**
 * Escaped text with the neutral markup as tags. Code spans are cut out first, so a `*` inside
 * them stays a character; bold and italic only count at word edges (snake_case stays plain).
 */
export function inline(text: string): string {
  return text
    .split(/(`[^`\n]+`)/)
    .map((part) =>
      part.startsWith('`') && part.endsWith('`') && part.length > 1
        ? `<code>${escapeHtml(part.slice(1, -1))}</code>`
        : emphasis(escapeHtml(part)),
    )
    .join('')
    .replace(/\n/g, '<br>');
}

function emphasis(escaped: string): string {
  return escaped
    .replace(/(^|[^\w*])\*(?=\S)([^*\n]*?\S)\*(?!\w)/g, '$1<strong>$2</strong>')
    .replace(/(^|[^\w])_(?=\S)([^_\n]*?\S)_(?!\w)/g, '$1<em>$2</em>');
}

function isWebAddress(url: string): boolean {
  return /^https?:\/\//i.test(url);
}

/** A web address, or an export served by this very server (the page is on the same origin). */
function isDownload(url: string): boolean {
  return isWebAddress(url) || /^\/exports\/summary\/[0-9a-f-]+\.(csv|md)$/i.test(url);
}
