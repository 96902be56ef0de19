import { foldWord, wordTable } from './words.js';

export const commandNames = [
  'help',
  'swot',
  'risk',
  'reflect',
  'actions',
  'summary',
  'setup',
  'lang',
  'share',
] as const;
export type CommandName = (typeof commandNames)[number];

/** Swedish words people will type for the same commands; also without å, ä and ö (words.ts). */
const alias = wordTable<CommandName>({
  hjälp: 'help',
  '?': 'help',
  reflektion: 'reflect',
  reflektera: 'reflect',
  åtgärder: 'actions',
  åtgärd: 'actions',
  riskdialog: 'risk',
  sammanfattning: 'summary',
  sammanställning: 'summary',
  inställningar: 'setup',
  inställning: 'setup',
  språk: 'lang',
  language: 'lang',
  dela: 'share',
});

export type ParsedCommand =
  | { name: CommandName; args: string[]; rest: string }
  | { name: 'unknown'; text: string };

/**
 * `swot "Vår vardag" 2026-12-01` → { name: 'swot', args: ['Vår vardag', '2026-12-01'] }.
 * Empty input is `help`; anything unrecognised is `unknown`, never an exception.
 */
export function parseCommand(text: string): ParsedCommand {
  const trimmed = text.trim();
  if (trimmed === '') return { name: 'help', args: [], rest: '' };
  const [word = '', ...tail] = trimmed.split(/\s+/);
  const folded = foldWord(word);
  const name = (commandNames as readonly string[]).includes(folded)
    ? (folded as CommandName)
    : alias(word);
  if (!name) return { name: 'unknown', text: trimmed };
  const rest = trimmed.slice(word.length).trim();
  return { name, args: tokenize(rest), rest: tail.length ? rest : '' };
}

/** Splits on whitespace, keeping "quoted phrases" (straight or Swedish ”quotes”) together. */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  const pattern = /"([^"]*)"|”([^”]*)”|“([^”]*)”|(\S+)/g;
  for (const match of text.matchAll(pattern)) {
    tokens.push(match[1] ?? match[2] ?? match[3] ?? match[4] ?? '');
  }
  return tokens;
}

/**
 * Channels turn a mention into `<@externalId|name>` (Slack's own escaped form) before the
 * text reaches the parser; this reads one back.
 */
export function parseMention(token: string): { externalId: string; name: string | null } | null {
  const match = /^<@([^|>]+)(?:\|([^>]*))?>$/.exec(token);
  if (!match) return null;
  return { externalId: match[1]!, name: match[2] || null };
}
