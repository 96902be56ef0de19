import type { Database } from '../../store/database.js';
import { listPairsOfPeriod, listUnitsForPairing } from '../../store/queries/review-pairs.js';
import type { ReviewPairSource } from '../../store/schema/index.js';
import { localDate } from '../dialogue/local-time.js';
import { currentPeriod, type Period, periodName, readPeriod } from '../summary/period.js';
import { pairingUnits, suggestedPeer, tertialIndex } from './pairing-rule.js';

/** A tertial as pairs are kept: its name (`T3-2026`, period.ts) and running number. */
export interface PairingPeriod {
  name: string;
  index: number;
}

export const toPairingPeriod = (tertial: Period): PairingPeriod => {
  const [year, month] = tertial.from.split('-').map(Number) as [number, number];
  return {
    name: periodName(tertial),
    index: tertialIndex(year, ((month - 1) / 4 + 1) as 1 | 2 | 3),
  };
};

/** The tertial a moment falls in, where the unit is. */
export const pairingPeriod = (on: Date, timeZone: string): PairingPeriod =>
  toPairingPeriod(currentPeriod('tertial', localDate(on, timeZone)));

/** A tertial by its name (`T3-2026`); null for anything else. */
export function namedPairingPeriod(name: string): PairingPeriod | null {
  const period = readPeriod(name, '2000-01-01');
  return period?.kind === 'tertial' ? toPairingPeriod(period) : null;
}

/** A unit's peer for the tertial, and where it comes from. */
export interface PeerSuggestion {
  unit: NamedUnit;
  peer: NamedUnit;
  /** `admin` / `org-file`: set for the tertial; `suggested`: Tillit's rotation. */
  source: ReviewPairSource;
  /** The stored pair, when there is one (a set pair, or a suggestion someone recorded). */
  pairId: string | null;
  /** The tertial, `T3-2026`. */
  period: string;
}

export interface NamedUnit {
  id: string;
  key: string;
  name: string;
}

/**
 * Who reviews the unit's outcomes in the tertial of `on` (in the unit's time zone): the pair
 * an admin or the org file set for it (they win), else Tillit's suggestion (pairing-rule.ts).
 * Null when the unit is unknown or inactive, or no unit in another department could review
 * it. Reads only: the share use case decides whether a suggestion becomes a stored pair.
 */
export async function suggestPeer(
  db: Database,
  params: { unitId: string; on: Date },
): Promise<PeerSuggestion | null> {
  const tree = await listUnitsForPairing(db);
  const unit = tree.find((u) => u.id === params.unitId);
  if (!unit) return null;
  const period = pairingPeriod(params.on, unit.timezone);
  const peers = await resolvePeers(db, { period, unitIds: [unit.id], tree });
  return peers.get(unit.id) ?? null;
}

/**
 * The peer of each of these units (default: every active unit) in the tertial, from one read
 * of the tree and the tertial's stored pairs. A unit missing from the map has none.
 */
export async function resolvePeers(
  db: Database,
  params: {
    period: PairingPeriod;
    unitIds?: readonly string[];
    tree?: Awaited<ReturnType<typeof listUnitsForPairing>>;
  },
): Promise<Map<string, PeerSuggestion>> {
  const tree = params.tree ?? (await listUnitsForPairing(db));
  const active = new Map(tree.filter((u) => u.active).map((u) => [u.id, u]));
  const stored = new Map(
    (await listPairsOfPeriod(db, { period: params.period.name })).map((p) => [p.unitId, p]),
  );
  const units = pairingUnits(tree);
  const wanted = params.unitIds ?? units.map((u) => u.id);
  const found = new Map<string, PeerSuggestion>();
  for (const unitId of wanted) {
    const self = units.find((u) => u.id === unitId);
    const unit = active.get(unitId);
    if (!self || !unit) continue;
    const pair = stored.get(unitId);
    // A stored pair whose peer has since been deactivated gives way to the rotation.
    const storedPeer = pair ? active.get(pair.peerUnitId) : undefined;
    const peer =
      storedPeer ?? active.get(suggestedPeer(self, units, params.period.index)?.id ?? '');
    if (!peer) continue;
    found.set(unitId, {
      unit: named(unit),
      peer: named(peer),
      source: storedPeer && pair ? pair.source : 'suggested',
      pairId: storedPeer && pair ? pair.id : null,
      period: params.period.name,
    });
  }
  return found;
}

const named = (u: NamedUnit): NamedUnit => ({ id: u.id, key: u.key, name: u.name });
