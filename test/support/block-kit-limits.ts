/**
 * Checks Block Kit JSON against Slack's documented limits (../shared/PLATFORMS.md and the Block
 * Kit reference) and returns every violation as `path: what`, so a test can
 * `expect(checkBlockKitLimits(blocks, { maxBlocks: 50 })).toEqual([])` and see all of them.
 * It reads plain JSON on purpose: end-to-end tests pass whatever the fake Slack API received.
 */

export interface BlockKitCheckOptions {
  /** 50 for a message, 100 for a modal or the App Home. */
  maxBlocks: number;
}

const LIMIT = {
  sectionText: 3000,
  textObject: 3000,
  fields: 10,
  fieldText: 2000,
  header: 150,
  contextElements: 10,
  buttonText: 75,
  buttonValue: 2000,
  url: 3000,
  id: 255,
  actionsElements: 25,
  optionText: 75,
  optionValue: 150,
  options: 100,
  checkboxOptions: 10,
  overflowOptions: 5,
  placeholder: 150,
  inputLabel: 2000,
  textInputLength: 3000,
  altText: 2000,
  viewTitle: 24,
  privateMetadata: 3000,
} as const;

type Json = Record<string, unknown>;

/** Collects violations while walking one message or view. */
class Checker {
  readonly violations: string[] = [];
  private readonly actionIds = new Set<string>();
  private readonly blockIds = new Set<string>();

  fail(path: string, what: string) {
    this.violations.push(`${path}: ${what}`);
  }

  max(path: string, length: number, max: number) {
    if (length > max) this.fail(path, `${length} > ${max}`);
  }

  /** A text object: the right type, not empty, at most `max` characters. */
  text(path: string, value: unknown, max: number, types = ['plain_text', 'mrkdwn']) {
    if (!isObject(value)) return this.fail(path, 'missing text object');
    if (!types.includes(String(value.type)))
      this.fail(`${path}.type`, `${String(value.type)} not in ${types}`);
    if (typeof value.text !== 'string' || value.text.length === 0)
      return this.fail(`${path}.text`, 'empty');
    this.max(`${path}.text`, value.text.length, max);
  }

  string(path: string, value: unknown, max: number, required = false) {
    if (value === undefined && !required) return;
    if (typeof value !== 'string' || value.length === 0)
      return this.fail(path, 'empty or not a string');
    this.max(path, value.length, max);
  }

  blockId(path: string, value: unknown) {
    if (value === undefined) return;
    this.string(path, value, LIMIT.id, true);
    if (typeof value !== 'string') return;
    if (this.blockIds.has(value)) this.fail(path, `duplicate block_id ${value}`);
    this.blockIds.add(value);
  }

  actionId(path: string, value: unknown) {
    if (value === undefined) return;
    this.string(path, value, LIMIT.id, true);
    if (typeof value !== 'string') return;
    if (this.actionIds.has(value)) this.fail(path, `duplicate action_id ${value}`);
    this.actionIds.add(value);
  }
}

/** Violations of Block Kit's limits in a list of blocks; empty when Slack would accept them. */
export function checkBlockKitLimits(blocks: unknown, options: BlockKitCheckOptions): string[] {
  const check = new Checker();
  checkBlocks(check, 'blocks', blocks, options.maxBlocks);
  return check.violations;
}

/** Violations in a modal or App Home view (`views.open`, `views.update`, `views.publish`). */
export function checkViewLimits(view: unknown): string[] {
  const check = new Checker();
  if (!isObject(view)) return ['view: not an object'];
  if (view.type !== 'modal' && view.type !== 'home') check.fail('view.type', String(view.type));
  if (view.type === 'modal') {
    check.text('view.title', view.title, LIMIT.viewTitle, ['plain_text']);
    if (view.submit !== undefined)
      check.text('view.submit', view.submit, LIMIT.viewTitle, ['plain_text']);
    if (view.close !== undefined)
      check.text('view.close', view.close, LIMIT.viewTitle, ['plain_text']);
    const hasInput =
      Array.isArray(view.blocks) && view.blocks.some((b) => isObject(b) && b.type === 'input');
    if (hasInput && view.submit === undefined)
      check.fail('view.submit', 'required with input blocks');
  }
  if (typeof view.private_metadata === 'string') {
    check.max('view.private_metadata', view.private_metadata.length, LIMIT.privateMetadata);
  }
  if (view.callback_id !== undefined) check.string('view.callback_id', view.callback_id, LIMIT.id);
  checkBlocks(check, 'view.blocks', view.blocks, 100);
  return check.violations;
}

function checkBlocks(check: Checker, path: string, blocks: unknown, maxBlocks: number) {
  if (!Array.isArray(blocks)) return check.fail(path, 'not an array');
  check.max(`${path}.length`, blocks.length, maxBlocks);
  blocks.forEach((block, index) => {
    checkBlock(check, `${path}[${index}]`, block);
  });
}

function checkBlock(check: Checker, path: string, block: unknown) {
  if (!isObject(block)) return check.fail(path, 'not an object');
  check.blockId(`${path}.block_id`, block.block_id);
  switch (block.type) {
    case 'section':
      return checkSection(check, path, block);
    case 'header':
      return check.text(`${path}.text`, block.text, LIMIT.header, ['plain_text']);
    case 'context':
      return checkContext(check, path, block);
    case 'actions':
      return checkActions(check, path, block);
    case 'divider':
      return;
    case 'image':
      check.string(`${path}.image_url`, block.image_url, LIMIT.url, true);
      check.string(`${path}.alt_text`, block.alt_text, LIMIT.altText, true);
      if (block.title !== undefined)
        check.text(`${path}.title`, block.title, LIMIT.altText, ['plain_text']);
      return;
    case 'input':
      check.text(`${path}.label`, block.label, LIMIT.inputLabel, ['plain_text']);
      if (block.hint !== undefined)
        check.text(`${path}.hint`, block.hint, LIMIT.inputLabel, ['plain_text']);
      return checkElement(check, `${path}.element`, block.element);
    default:
      return check.fail(`${path}.type`, `unchecked block type ${String(block.type)}`);
  }
}

function checkSection(check: Checker, path: string, block: Json) {
  if (block.text === undefined && block.fields === undefined)
    check.fail(path, 'needs text or fields');
  if (block.text !== undefined) check.text(`${path}.text`, block.text, LIMIT.sectionText);
  if (block.fields !== undefined) {
    if (!Array.isArray(block.fields) || block.fields.length === 0) {
      check.fail(`${path}.fields`, 'empty or not an array');
    } else {
      check.max(`${path}.fields.length`, block.fields.length, LIMIT.fields);
      block.fields.forEach((field, i) => {
        check.text(`${path}.fields[${i}]`, field, LIMIT.fieldText);
      });
    }
  }
  if (block.accessory !== undefined) checkElement(check, `${path}.accessory`, block.accessory);
}

function checkContext(check: Checker, path: string, block: Json) {
  if (!Array.isArray(block.elements) || block.elements.length === 0) {
    return check.fail(`${path}.elements`, 'empty or not an array');
  }
  check.max(`${path}.elements.length`, block.elements.length, LIMIT.contextElements);
  block.elements.forEach((element, i) => {
    const at = `${path}.elements[${i}]`;
    if (isObject(element) && element.type === 'image') {
      check.string(`${at}.alt_text`, element.alt_text, LIMIT.altText, true);
    } else {
      check.text(at, element, LIMIT.textObject);
    }
  });
}

function checkActions(check: Checker, path: string, block: Json) {
  if (!Array.isArray(block.elements) || block.elements.length === 0) {
    return check.fail(`${path}.elements`, 'empty or not an array');
  }
  check.max(`${path}.elements.length`, block.elements.length, LIMIT.actionsElements);
  block.elements.forEach((element, i) => {
    checkElement(check, `${path}.elements[${i}]`, element);
  });
}

function checkElement(check: Checker, path: string, element: unknown) {
  if (!isObject(element)) return check.fail(path, 'not an object');
  check.actionId(`${path}.action_id`, element.action_id);
  if (element.placeholder !== undefined) {
    check.text(`${path}.placeholder`, element.placeholder, LIMIT.placeholder, ['plain_text']);
  }
  switch (element.type) {
    case 'button':
      check.text(`${path}.text`, element.text, LIMIT.buttonText, ['plain_text']);
      check.string(`${path}.value`, element.value, LIMIT.buttonValue);
      check.string(`${path}.url`, element.url, LIMIT.url);
      return;
    case 'static_select':
    case 'multi_static_select':
      return checkOptions(check, path, element, LIMIT.options);
    case 'checkboxes':
    case 'radio_buttons':
      return checkOptions(check, path, element, LIMIT.checkboxOptions);
    case 'overflow':
      return checkOptions(check, path, element, LIMIT.overflowOptions);
    case 'plain_text_input':
      return checkTextInput(check, path, element);
    case 'datepicker':
      if (
        element.initial_date !== undefined &&
        !/^\d{4}-\d{2}-\d{2}$/.test(String(element.initial_date))
      ) {
        check.fail(`${path}.initial_date`, `not YYYY-MM-DD: ${String(element.initial_date)}`);
      }
      return;
    case 'image':
      check.string(`${path}.alt_text`, element.alt_text, LIMIT.altText, true);
      return;
    default:
      return check.fail(`${path}.type`, `unchecked element type ${String(element.type)}`);
  }
}

function checkOptions(check: Checker, path: string, element: Json, maxOptions: number) {
  const options = element.options;
  if (!Array.isArray(options) || options.length === 0)
    return check.fail(`${path}.options`, 'empty or not an array');
  check.max(`${path}.options.length`, options.length, maxOptions);
  const values = new Set<string>();
  options.forEach((option, i) => {
    checkOption(check, `${path}.options[${i}]`, option, values);
  });
  const chosen = [
    ...(element.initial_option !== undefined ? [element.initial_option] : []),
    ...(Array.isArray(element.initial_options) ? element.initial_options : []),
  ];
  for (const option of chosen) {
    const value = isObject(option) ? option.value : undefined;
    if (typeof value !== 'string' || !values.has(value))
      check.fail(`${path}.initial`, `not among the options: ${value}`);
  }
}

function checkOption(check: Checker, path: string, option: unknown, seen: Set<string>) {
  if (!isObject(option)) return check.fail(path, 'not an object');
  check.text(`${path}.text`, option.text, LIMIT.optionText);
  check.string(`${path}.value`, option.value, LIMIT.optionValue, true);
  if (option.description !== undefined)
    check.text(`${path}.description`, option.description, LIMIT.optionText);
  if (typeof option.value !== 'string') return;
  if (seen.has(option.value)) check.fail(`${path}.value`, `duplicate option value ${option.value}`);
  seen.add(option.value);
}

function checkTextInput(check: Checker, path: string, element: Json) {
  const maxLength =
    typeof element.max_length === 'number' ? element.max_length : LIMIT.textInputLength;
  check.max(`${path}.max_length`, maxLength, LIMIT.textInputLength);
  if (typeof element.initial_value === 'string') {
    check.max(`${path}.initial_value`, element.initial_value.length, maxLength);
  }
}

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
