import type { Tick } from '../../dialogues/schedule/tick.js';
import { purgeHandledDeliveries } from '../../store/queries/handled-deliveries.js';

const DAY_MS = 86_400_000;

/**
 * How long a delivery id is remembered. Slack retries an event three times within about an
 * hour, and Teams re-sends an activity within minutes; a resubmitted Slack view (same id and
 * hash) comes while its modal is open. Two days covers all of them with room to spare.
 */
export const DELIVERY_LIFETIME_MS = 2 * DAY_MS;

/**
 * Forgets handled deliveries past their lifetime, once a day (at the first tick of each day
 * on each instance; running it on several instances at once deletes the same rows once).
 */
export function purgeDeliveriesTick(log?: (purged: number) => void): Tick {
  let lastDay: string | null = null;
  return {
    name: 'delivery-purge',
    run: async ({ db, now }) => {
      const day = now.toISOString().slice(0, 10);
      if (day === lastDay) return;
      const purged = await purgeHandledDeliveries(db, {
        before: new Date(now.getTime() - DELIVERY_LIFETIME_MS),
      });
      lastDay = day;
      log?.(purged);
    },
  };
}
