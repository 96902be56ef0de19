/**
 * Forms in a modal <dialog>: the server renders the form (render-html.ts), the page opens it,
 * reads its values the way Slack hands them over (empty → left out, checkboxes → a list) and
 * shows errors next to the inputs they belong to.
 */

const dialog = () => document.getElementById('form-dialog');
const container = () => document.getElementById('form-container');

/** Opens the dialog with this form, or replaces the form already open. */
export function showForm(html, onSubmit) {
  container().innerHTML = html;
  const form = container().querySelector('form');
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

/** Shows `{ inputId: message, _form: message }` and moves focus to the first problem. */
export function showErrors(errors) {
  const form = container().querySelector('form');
  if (!form) return;
  for (const slot of form.querySelectorAll('[data-error-for]')) {
    slot.textContent = errors[slot.dataset.errorFor] ?? '';
    const input = form.querySelector(`[name="${CSS.escape(slot.dataset.errorFor)}"]`);
    if (input) input.setAttribute('aria-invalid', slot.textContent ? 'true' : 'false');
  }
  const first = Object.keys(errors).find((id) => id !== '_form');
  const target = first && form.querySelector(`[name="${CSS.escape(first)}"]`);
  if (target) target.focus();
}

/** Marks the form busy while a submit is on its way, so it is not sent twice. */
export function setFormBusy(busy) {
  const form = container().querySelector('form');
  if (!form) return;
  form.setAttribute('aria-busy', busy ? 'true' : 'false');
  for (const button of form.querySelectorAll('button')) button.disabled = busy;
}

function readForm(form) {
  const values = {};
  for (const group of form.querySelectorAll('[data-kind="checkboxes"]')) {
    values[group.dataset.name] = [];
  }
  for (const element of form.elements) {
    if (!element.name) continue;
    if (element.type === 'checkbox') {
      if (element.checked) values[element.name].push(element.value);
      continue;
    }
    const value = element.value.trim() === '' ? '' : element.value;
    if (value !== '') values[element.name] = value;
  }
  return { formId: form.dataset.formId, state: form.dataset.state, values };
}
