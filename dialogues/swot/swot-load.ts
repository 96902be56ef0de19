import { createHash, timingSafeEqual } from 'node:crypto';
import { getSwotItem, type SwotItem } from '../../store/queries/swot-items.js';
import type { Request } from '../core/feature.js';
import { isUuid } from '../core/ids.js';
import { note, type Outcome, outcome } from '../core/outcome.js';
import { dialogueKit } from '../dialogue/dialogue-kit.js';
import type { Loaded } from '../dialogue/load-dialogue.js';
import { loadSwotBoard } from './swot-board.js';
import { type SwotPhase, swotKind } from './swot-kind.js';
import { swotView } from './swot-view.js';

export type LoadedSwot = Extract<Loaded<SwotPhase>, { ok: true }>;

/** Loading, checks and replies of a SWOT: the dialogue kit risk uses too, with SWOT's board. */
export const swotKit = dialogueKit(swotKind, async (db, dialogue, settings) =>
  swotView(await loadSwotBoard(db, dialogue, settings.anonymityThreshold)),
);
export const {
  load: loadSwot,
  check: checkSwot,
  loadAndCheck: loadAndCheckSwot,
  boardUpdate,
  withUpdate,
} = swotKit;

/** An item reference in a button value or form state: `<itemId>` or `<itemId>.<edit token>`. */
export interface ItemRef {
  itemId: string;
  token: string | null;
}

export function readItemRef(value: string): ItemRef | null {
  const [itemId = '', token, extra] = value.split('.');
  if (!isUuid(itemId) || extra !== undefined) return null;
  if (token !== undefined && !/^[A-Za-z0-9_-]{16,64}$/.test(token)) return null;
  return { itemId, token: token ?? null };
}

export const itemRefValue = (itemId: string, token: string | null): string =>
  token ? `${itemId}.${token}` : itemId;

export type LoadedItem =
  | (LoadedSwot & { item: SwotItem; token: string | null })
  | { ok: false; outcome: Outcome };

/** The item a button names and its dialogue; a deleted item or closed dialogue is refused. */
export async function loadItem(request: Request, value: string): Promise<LoadedItem> {
  const ref = readItemRef(value);
  const item = ref ? await getSwotItem(request.ctx.db, { itemId: ref.itemId }) : null;
  if (!ref || !item) return { ok: false, outcome: outcome(note(request.actor.t.swot.itemGone)) };
  const loaded = await loadSwot(request, item.dialogueId);
  if (!loaded.ok) return loaded;
  return { ...loaded, item, token: ref.token };
}

export const hashEditToken = (token: string): string =>
  createHash('sha256').update(token).digest('hex');

/**
 * Did this person write the item? A named item: its author. An anonymous one: whoever holds
 * the edit token that only its author was given.
 */
export function isOwnItem(request: Request, item: SwotItem, token: string | null): boolean {
  if (item.authorId) return item.authorId === request.actor.person.id;
  if (!token || !item.editTokenHash) return false;
  const given = Buffer.from(hashEditToken(token), 'hex');
  const stored = Buffer.from(item.editTokenHash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}
