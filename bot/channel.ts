import type { Express } from 'express';
import type { View } from '../dialogues/view.js';

/**
 * Delivers now the update of the message posted under `key` (a dialogue's board), which is
 * already in the outbox: written in the transaction of the change (handle-inbound.ts for a
 * request, refresh-boards.ts for a tick), with `view` as its newest version. The outbox
 * sender of any instance would carry it out anyway; this one does it at once, wherever the
 * message was posted (posted_messages: the platform that asked, another platform linked to
 * the same unit, or nowhere yet).
 */
export type RefreshMessages = (key: string, view: View) => Promise<void>;

/** A way people reach Tillit (Slack, Teams, the local page), as the composition root sees it. */
export interface Channel {
  name: 'slack' | 'teams' | 'local';
  /** 'http', 'socket', 'emulator', … for /healthz and the start-up line. */
  mode: string;
  /** Adds the channel's routes to the one HTTP server. */
  mount(app: Express): void;
  /** Work after the server listens (Socket Mode connects here). */
  start?(): Promise<void>;
  stop?(): Promise<void>;
}
