import type { AnswerWriter } from '../../store/answer-writer.js';
import type { Database } from '../../store/database.js';
import type { Identity } from '../../store/queries/people.js';
import type { Language, Platform } from '../../store/schema/index.js';
import type { CommitGuard } from './commit-guard.js';

export interface Settings {
  defaultLang: Language;
  defaultTimezone: string;
  /** Figures drawn from fewer people than this are withheld. */
  anonymityThreshold: number;
  /**
   * The address the platforms reach Tillit at (PUBLIC_URL), for images they fetch themselves;
   * null: no image links, the text fallbacks alone.
   */
  publicUrl: string | null;
}

/** Who is asking, as the platform knows them. */
export interface Caller extends Identity {
  /** The platform's idea of the person's language (Teams `locale`); a stored choice wins. */
  localeHint?: string;
}

/** Where the request came from: a channel, or null for a direct message or the home tab. */
export interface Place {
  platform: Platform;
  workspace: string;
  channelId: string | null;
}

/** What only the platform can tell: a user's display name, for people added from chat. */
export interface Directory {
  displayName(identity: Identity): Promise<string | null>;
}

/** Everything a use case needs to know about the request besides its own input. */
export interface RequestContext {
  db: Database;
  /** The clock: tests and the local channel's time travel set it. */
  now: Date;
  settings: Settings;
  caller: Caller;
  place: Place;
  directory: Directory;
  /**
   * Writes reflection answers in shuffled group commits, apart from the request's transaction
   * (store/answer-writer). Absent on the embedded database: answers go in the request's own.
   */
  answerWriter?: AnswerWriter | undefined;
  /** Set while the request runs: closed once the person was told nothing was saved. */
  guard?: CommitGuard | null;
}
