/**
 * Forms in a modal <dialog>: the server renders the form (render-html.ts), the page opens it,
 * reads its values the way Slack hands them over (empty → left out, checkboxes → a list) and
 * shows errors next to the inputs they belong to.
 */

const dialog = () => document.getElementById('form-dialog');
const container = () => document.getElementById('form-container');

/** Opens the dialog with this form, or replaces the form already open. */
export function showForm(html, onSubmit, texts = {}) {
  container().innerHTML = html;
  const form = container().querySelector('form');
  followChoices(form);
  countDown(form, texts);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    onSubmit(readForm(form));
  });
  form.querySelector('[data-close-form]')?.addEventListener('click', closeForm);
  if (!dialog().open) dialog().showModal();
  form.querySelector('input, textarea, select')?.focus();
}

export function closeForm() {
  if (dialog().open) dialog().close();
  container().innerHTML = '';
}

export function formIsOpen() {
  return dialog().open;
}

/**
 * Shows `{ inputId: message, …, <whole-form key>: message }` in the slots of the same names,
 * and moves focus to the first input with a problem (the whole-form message has no input).
 */
export function showErrors(errors) {
  const form = container().querySelector('form');
  if (!form) return;
  for (const slot of form.querySelectorAll('[data-error-for]')) {
    slot.textContent = errors[slot.dataset.errorFor] ?? '';
    const input = form.querySelector(`[name="${CSS.escape(slot.dataset.errorFor)}"]`);
    if (input) input.setAttribute('aria-invalid', slot.textContent ? 'true' : 'false');
  }
  const target = Object.keys(errors)
    .map((id) => form.querySelector(`[name="${CSS.escape(id)}"]`))
    .find((input) => input !== null);
  if (target) target.focus();
}

/** Marks the form busy while a submit is on its way, so it is not sent twice. */
export function setFormBusy(busy) {
  const form = container().querySelector('form');
  if (!form) return;
  form.setAttribute('aria-busy', busy ? 'true' : 'false');
  for (const button of form.querySelectorAll('button')) button.disabled = busy;
}

/** Inputs that belong to one choice of a select show while it has that value (`.when`). */
function followChoices(form) {
  const update = () => {
    for (const group of form.querySelectorAll('.when')) {
      const select = form.querySelector(`[name="${CSS.escape(group.dataset.whenInput)}"]`);
      group.hidden = !group.dataset.whenIs.split(' ').includes(select?.value ?? '');
    }
  };
  form.addEventListener('change', update);
  update();
}

/**
 * A text field with a limit counts down as one types or pastes. Past the limit nothing is cut
 * (a paste cut mid-word would be sent without anyone noticing): the count says how far over,
 * the field is marked invalid, and the server refuses it with a message.
 */
function countDown(form, texts) {
  for (const field of form.querySelectorAll('[data-max]')) {
    const hint = form.querySelector(`[data-hint-for="${CSS.escape(field.name)}"]`);
    if (!hint) continue;
    const base = hint.textContent;
    const max = Number(field.dataset.max);
    const update = () => {
      const left = max - field.value.length;
      const over = left < 0;
      hint.textContent = `${base} · ${over ? `${-left} ${texts.charsOver}` : `${left} ${texts.charsLeft}`}`;
      hint.classList.toggle('over', over);
      field.setAttribute('aria-invalid', over ? 'true' : 'false');
    };
    field.addEventListener('input', update);
    update();
  }
}

function readForm(form) {
  const values = {};
  for (const group of form.querySelectorAll('[data-kind="checkboxes"]')) {
    values[group.dataset.name] = [];
  }
  for (const element of form.elements) {
    // Fields of a choice not made are not sent, as Slack and Teams do not show them either.
    if (!element.name || element.closest('.when')?.hidden) continue;
    if (element.type === 'checkbox') {
      if (element.checked) values[element.name].push(element.value);
      continue;
    }
    const value = element.value.trim() === '' ? '' : element.value;
    if (value !== '') values[element.name] = value;
  }
  return { formId: form.dataset.formId, state: form.dataset.state, values };
}
