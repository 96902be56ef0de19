import { view } from '../view.js';
import { type Outcome, privately } from './outcome.js';

/**
 * A command's usage, privately: its title and one line per form of the command. Every
 * feature answers `help` and a sub-command it does not know with this, in the same shape.
 */
export function usage(title: string, lines: readonly string[]): Outcome {
  return privately(
    view(
      title,
      { type: 'header', text: title },
      { type: 'list', items: lines.map((text) => ({ text })) },
    ),
  );
}
