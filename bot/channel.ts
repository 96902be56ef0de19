import type { Express } from 'express';

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
