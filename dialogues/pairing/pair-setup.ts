import { listNamedPairs, removePairsOf, savePairs } from '../../store/queries/review-pairs.js';
import type { Unit } from '../../store/queries/units.js';
import { isWord } from '../commands/words.js';
import type { CommandRequest } from '../core/feature.js';
import { findUnitByText, unknownUnitText } from '../core/find-unit.js';
import { say } from '../core/guards.js';
import { type Outcome, privately } from '../core/outcome.js';
import { localDate } from '../dialogue/local-time.js';
import { currentPeriod, readPeriod } from '../summary/period.js';
import { type Block, view } from '../view.js';
import { recordPairChanges } from './pair-audit.js';
import { type PairingPeriod, resolvePeers, toPairingPeriod } from './suggest-peer.js';

const swedish = new Intl.Collator('sv');

/** Lines of each list before "… and N more": a chat message, not a register. */
const MAX_LINES = 40;

/**
 * `setup pair …` (admins only; setup-feature.ts checks): set two units as each other's
 * reviewers for a tertial, list the tertial's pairs, or remove a unit's set pair.
 */
export async function setupPair(request: CommandRequest, args: string[]): Promise<Outcome> {
  const [first, ...rest] = args;
  if (isWord(first, ['remove', 'bort', 'ta-bort'])) return removePair(request, rest);
  if (args.length === 0 || (args.length === 1 && isTertial(request, args[0]!)))
    return listPairs(request, args);
  // One unit alone is half a pair, not a tertial to list.
  if (args.length === 1) return say(request.actor.t.pairing.badPair);
  return setPair(request, args);
}

const isTertial = ({ ctx }: CommandRequest, token: string): boolean =>
  readPeriod(token, localDate(ctx.now, ctx.settings.defaultTimezone))?.kind === 'tertial';

type Read<T> = { ok: true; value: T } | { ok: false; outcome: Outcome };

/** The tertial typed (a name such as `T1-2027`, or `tertial` for this one), default this one. */
function readTertial(
  { ctx, actor }: CommandRequest,
  token: string | undefined,
): Read<PairingPeriod> {
  const today = localDate(ctx.now, ctx.settings.defaultTimezone);
  const current = currentPeriod('tertial', today);
  if (token === undefined) return { ok: true, value: toPairingPeriod(current) };
  const period = readPeriod(token, today);
  if (period?.kind !== 'tertial')
    return { ok: false, outcome: say(actor.t.pairing.badPeriod({ got: token })) };
  const named = toPairingPeriod(period);
  if (period.to < current.from)
    return { ok: false, outcome: say(actor.t.pairing.pastPeriod({ period: named.name })) };
  return { ok: true, value: named };
}

async function readUnit({ ctx, actor }: CommandRequest, text: string): Promise<Read<Unit>> {
  const unit = await findUnitByText(ctx.db, text);
  if (!unit) return { ok: false, outcome: say(await unknownUnitText(ctx.db, actor, text)) };
  if (!unit.active)
    return { ok: false, outcome: say(actor.t.pairing.inactive({ unit: unit.name })) };
  return { ok: true, value: unit };
}

async function setPair(request: CommandRequest, args: string[]): Promise<Outcome> {
  const { ctx, actor } = request;
  const t = actor.t.pairing;
  const [firstText = '', secondText = '', periodText, ...extra] = args;
  if (extra.length > 0) return say(t.badPair);
  const period = readTertial(request, periodText);
  if (!period.ok) return period.outcome;
  const unit = await readUnit(request, firstText);
  if (!unit.ok) return unit.outcome;
  const peer = await readUnit(request, secondText);
  if (!peer.ok) return peer.outcome;
  const [a, b] = [unit.value, peer.value];
  if (a.id === b.id) return say(t.self({ unit: a.name }));
  const names = { unit: a.name, peer: b.name, period: period.value.name };
  const changed = await ctx.db.transaction(async (tx) => {
    const held = await listNamedPairs(tx, { period: period.value.name });
    const already = (from: Unit, to: Unit) =>
      held.some(
        (p) =>
          p.pair.unitId === from.id && p.pair.peerUnitId === to.id && p.pair.source === 'admin',
      );
    if (already(a, b) && already(b, a)) return false;
    // Each unit's earlier set pair goes first, so its former partner is not left pointing at it.
    const removed = await removePairsOf(tx, { unitIds: [a.id, b.id], period: period.value.name });
    const saved = await savePairs(tx, {
      period: period.value.name,
      source: 'admin',
      setBy: actor.person.id,
      pairs: [
        { unitId: a.id, peerUnitId: b.id },
        { unitId: b.id, peerUnitId: a.id },
      ],
    });
    await recordPairChanges(tx, { ctx, actor, removed, saved });
    return true;
  });
  return say(changed ? t.pairSet(names) : t.pairHeld(names));
}

async function removePair(request: CommandRequest, args: string[]): Promise<Outcome> {
  const { ctx, actor } = request;
  const t = actor.t.pairing;
  const [unitText = '', periodText, ...extra] = args;
  if (!unitText || extra.length > 0) return say(t.badPair);
  const period = readTertial(request, periodText);
  if (!period.ok) return period.outcome;
  const unit = await findUnitByText(ctx.db, unitText);
  if (!unit) return say(await unknownUnitText(ctx.db, actor, unitText));
  const removed = await ctx.db.transaction(async (tx) => {
    const gone = await removePairsOf(tx, { unitIds: [unit.id], period: period.value.name });
    await recordPairChanges(tx, { ctx, actor, removed: gone, saved: [] });
    return gone;
  });
  const names = { unit: unit.name, period: period.value.name };
  return say(removed.length > 0 ? t.pairRemoved(names) : t.nothingToRemove(names));
}

async function listPairs(request: CommandRequest, args: string[]): Promise<Outcome> {
  const { ctx, actor } = request;
  const t = actor.t.pairing;
  const period = readTertial(request, args[0]);
  if (!period.ok) return period.outcome;
  const set = await listNamedPairs(ctx.db, { period: period.value.name });
  const setLines = set.map(
    (p) => `${t.line({ unit: p.unit.name, peer: p.peer.name })} (${t.sources[p.pair.source]})`,
  );
  const peers = await resolvePeers(ctx.db, { period: period.value });
  const suggestedLines = [...peers.values()]
    .filter((p) => p.source === 'suggested')
    .sort((a, b) => swedish.compare(a.unit.name, b.unit.name))
    .map((p) => t.line({ unit: p.unit.name, peer: p.peer.name }));
  const title = t.listTitle({ period: period.value.name });
  const blocks: Block[] = [
    { type: 'header', text: title },
    { type: 'context', text: t.listNote },
    { type: 'text', text: `*${t.setHeader}*` },
    ...listBlocks(setLines, t.noneSet, t.more),
    { type: 'text', text: `*${t.suggestedHeader}*` },
    ...listBlocks(suggestedLines, t.noneSuggested, t.more),
  ];
  return privately(view(title, ...blocks));
}

function listBlocks(
  lines: string[],
  none: string,
  more: (p: { count: number }) => string,
): Block[] {
  if (lines.length === 0) return [{ type: 'context', text: none }];
  const shown: Block[] = [
    { type: 'list', items: lines.slice(0, MAX_LINES).map((text) => ({ text })) },
  ];
  if (lines.length > MAX_LINES)
    shown.push({ type: 'context', text: more({ count: lines.length - MAX_LINES }) });
  return shown;
}
