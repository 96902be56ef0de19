import type { Database } from '../../store/database.js';
import {
  addInboxMessage,
  findLocalMessagesByKey,
  type LocalMessage,
  postLocalMessage,
  replaceLocalMessage,
} from '../../store/queries/local-messages.js';
import type { Clock } from '../clock.js';
import {
  type Delivered,
  type Deliverer,
  type Delivery,
  DeliveryError,
} from '../outbox/deliverer.js';
import { findLocalPerson } from './local-inbound.js';

/**
 * The local channel's messages are stored by Tillit itself (local_messages is what the page
 * shows, not a copy of something a platform keeps); where each one that may change later was
 * posted is recorded in posted_messages like Slack's and Teams', with the stored message's id
 * as the message id, so one kind of outbox update row serves every platform.
 *
 * Takes outbox rows out to the local page: a row for a person lands in their inbox pane, a
 * row for a local channel in that channel. The stored message carries the row's key, which is
 * how a row in doubt is recognised as already delivered.
 */
export function createLocalDeliverer(deps: { db: Database; clock: Clock }): Deliverer {
  return {
    platform: 'local',
    // Nothing leaves this machine: the budget only keeps a flood of rows from starving the page.
    rate: { perSecond: 200, burst: 200 },
    bucketOf: () => 'local',
    async deliver({ row, route, view }) {
      const postedAt = deps.clock.now();
      if (!route.direct) {
        const posted = await postLocalMessage(deps.db, {
          channelId: route.address,
          personId: null,
          key: row.key,
          view,
          postedAt,
        });
        return delivered(posted, route.address);
      }
      const personId = row.personId ?? (await findLocalPerson(deps.db, route.address))?.id;
      if (!personId) throw new DeliveryError({ kind: 'permanent' }, 'unknown_person');
      const posted = await addInboxMessage(deps.db, { personId, key: row.key, view, postedAt });
      return delivered(posted, inboxOf(route.address));
    },
    async findAlreadySent({ row, route }: Delivery) {
      const sent = await findLocalMessagesByKey(deps.db, { key: row.key });
      const here = sent.find((m) =>
        route.direct ? m.channelId === null : m.channelId === route.address,
      );
      return here ? delivered(here, route.direct ? inboxOf(route.address) : route.address) : null;
    },
    async update({ messageId, view }) {
      // Gone (forgotten with its round, erased with its person): nothing left to show it in.
      if (!(await replaceLocalMessage(deps.db, { id: messageId, view }))) {
        throw new DeliveryError({ kind: 'permanent' }, 'message_not_found');
      }
    },
  };
}

const inboxOf = (personKey: string) => `inbox:${personKey}`;

const delivered = (message: LocalMessage, channelId: string): Delivered => ({
  messageId: message.id,
  channelId,
});
