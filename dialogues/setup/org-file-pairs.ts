import { z } from 'zod/v4';
import type { PlannedPair } from '../../store/queries/org-sync.js';

/**
 * The optional `pairs` section of the org file (issue 21): units that review each other's
 * outcomes, instead of Tillit's suggestion, in a tertial (`T1-2027`; without one, the tertial
 * the file is imported in):
 * ```yaml
 * pairs:
 *   - units: [ifo-barn, aldre-hemtjanst]
 *     tertial: T1-2027
 * ```
 * In CSV, a row of type `pair` with the two keys in `units` and an optional `tertial` column.
 */
const pairEntry = z
  .object({
    units: z
      .array(z.string().trim().min(1, 'a unit key is empty'), {
        error: 'units must be a list of two unit keys',
      })
      .length(2, 'units must list exactly two unit keys'),
    tertial: z
      .string()
      .trim()
      .regex(/^T[1-3]-\d{4}$/i, 'tertial must look like T1-2027')
      .transform((t) => t.toUpperCase())
      .optional(),
  })
  .strict();

type Report = (line: number, message: string) => null;
type Located<T> = T & { line: number };

/** The pairs, each checked, or the problems: unknown units, a unit with itself, a unit twice. */
export function validatePairs(
  raw: Located<Record<string, unknown>>[],
  unitKeys: ReadonlySet<string>,
  problem: Report,
): PlannedPair[] {
  const pairs: PlannedPair[] = [];
  const pairedIn = new Map<string, number>();
  for (const { line, ...entry } of raw) {
    // The YAML reader wraps what is not a mapping as `{ invalid }`.
    const parsed = pairEntry.safeParse('invalid' in entry ? entry.invalid : entry);
    if (!parsed.success) {
      problem(line, `pair: ${describe(parsed.error.issues[0])}`);
      continue;
    }
    const [a, b] = parsed.data.units as [string, string];
    const unknown = [a, b].find((key) => !unitKeys.has(key));
    if (unknown) {
      problem(line, `pair ${a}–${b}: unknown unit "${unknown}"`);
      continue;
    }
    if (a === b) {
      problem(line, `pair ${a}–${b}: a unit cannot be paired with itself`);
      continue;
    }
    const tertial = parsed.data.tertial ?? null;
    const twice = [a, b].find((key) => pairedIn.has(`${key}@${tertial}`));
    if (twice) {
      const when = tertial ?? 'the tertial of the import';
      const first = pairedIn.get(`${twice}@${tertial}`);
      problem(line, `pair ${a}–${b}: ${twice} is already paired in ${when} (line ${first})`);
      continue;
    }
    for (const key of [a, b]) pairedIn.set(`${key}@${tertial}`, line);
    pairs.push({ units: [a, b], tertial });
  }
  return pairs;
}

function describe(issue: z.core.$ZodIssue | undefined): string {
  if (!issue) return 'not a pair';
  if (issue.code === 'unrecognized_keys')
    return `unknown field "${issue.keys[0]}" (expected units, tertial)`;
  if (issue.code === 'invalid_type' && issue.path.length === 0)
    return 'each pair must be a mapping with units and tertial';
  return issue.message;
}
