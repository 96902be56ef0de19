import type { Unit } from '../../store/queries/units.js';
import type { CommandName } from '../commands/parse-command.js';
import type { Action, Block, FormValues } from '../view.js';
import type { Actor } from './actor.js';
import type { RequestContext } from './context.js';
import type { Outcome } from './outcome.js';

/** A request from a known person, in the unit of the channel it came from (null if none). */
export interface Request {
  ctx: RequestContext;
  actor: Actor;
  unit: Unit | null;
}
export interface CommandRequest extends Request {
  args: string[];
  rest: string;
}
export interface ActionRequest extends Request {
  action: Action;
}
export interface FormRequest extends Request {
  formId: string;
  state: string;
  values: FormValues;
}

/**
 * One capability of the product (SWOT, setup, …): the commands, button actions and forms it
 * answers. Action and form ids are prefixed with the feature's name (`swot.vote`).
 */
export interface Feature {
  name: string;
  commands?: Partial<Record<CommandName, (request: CommandRequest) => Promise<Outcome>>>;
  actions?: Record<string, (request: ActionRequest) => Promise<Outcome>>;
  forms?: Record<string, (request: FormRequest) => Promise<Outcome>>;
  /** Blocks this feature adds to the person's home view (Slack App Home). */
  home?: (request: Request) => Promise<Block[]>;
}
