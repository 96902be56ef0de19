import type { Action, FormValues } from '../view.js';

/** Everything a person can send Tillit, from any channel. */
export type Inbound =
  | { kind: 'command'; text: string }
  | { kind: 'action'; action: Action }
  | { kind: 'submit'; formId: string; state: string; values: FormValues }
  | { kind: 'home' };
