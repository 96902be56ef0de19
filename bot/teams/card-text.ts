/**
 * Teams' limits for Adaptive Cards (../shared/PLATFORMS.md): version 1.5 at most (mobile lags
 * behind desktop), and about 28 KB a message, envelope included. Cards are cut to these before
 * sending, visibly, because Teams refuses a message that is too large outright.
 */
export const TEAMS_LIMITS = {
  cardVersion: '1.5',
  /** Bytes of card JSON we allow; the rest of the 28 KB is the activity around it. */
  cardBytes: 24_000,
  /** One text longer than this is cut, so it cannot eat the whole budget. */
  textChars: 4_000,
  buttonTitle: 60,
  /** Actions in one ActionSet before the next row starts: Teams shows six at most. */
  actionsPerSet: 5,
  choices: 100,
  inputLabel: 200,
} as const;

const ELLIPSIS = '…';

/** Cuts to at most `max` UTF-16 units with "…", never splitting a surrogate pair. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, Math.max(0, max - ELLIPSIS.length));
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return cut + ELLIPSIS;
}

/**
 * Neutral markup (*bold*, _italic_, `command`) as the Markdown subset Teams renders in a
 * TextBlock: bold is `**…**` there, and code spans are not supported, so a command is bold.
 */
export function cardMarkdown(text: string): string {
  return truncate(text, TEAMS_LIMITS.textChars)
    .replace(/(^|[^*])\*([^*\s](?:[^*\n]*[^*\s])?)\*(?!\*)/g, '$1**$2**')
    .replace(/`([^`\n]+)`/g, '**$1**');
}

/** UTF-8 bytes of a value as JSON: what counts against Teams' message size. */
export const jsonBytes = (value: unknown): number =>
  Buffer.byteLength(JSON.stringify(value), 'utf8');
