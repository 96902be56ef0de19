import type { Express } from 'express';
import type { View } from '../dialogues/view.js';

/**
 * Shows `view` in the messages posted under `key` (a dialogue's board). The use case that
 * changed the board does not know where it was posted: on the platform that asked, on another
 * platform linked to the same unit, or nowhere yet.
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
  /**
   * Updates this platform's messages posted under the key. Slack and Teams coalesce a busy
   * key's updates, so this may resolve before the platform has the new view.
   */
  refresh: RefreshMessages;
}
