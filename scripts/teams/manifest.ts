import type { Catalogue } from '../../dialogues/texts/catalogue.js';
import { en } from '../../dialogues/texts/en/index.js';
import { sv } from '../../dialogues/texts/sv/index.js';
import { ACCENT } from './icons.js';

/** The app manifest schema this package follows (1.18 was never published). */
export const MANIFEST_VERSION = '1.19';
const SCHEMA = `https://developer.microsoft.com/json-schemas/teams/v${MANIFEST_VERSION}/MicrosoftTeams.schema.json`;
const LOCALIZATION_SCHEMA = `https://developer.microsoft.com/json-schemas/teams/v${MANIFEST_VERSION}/MicrosoftTeams.Localization.schema.json`;

export const COLOR_ICON = 'color.png';
export const OUTLINE_ICON = 'outline.png';
export const ENGLISH_FILE = 'en-us.json';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface PackageOptions {
  /** The Azure bot's Microsoft App ID (MICROSOFT_APP_ID). */
  appId: string;
  /** Where Tillit answers, e.g. `tillit.kommun.se` (https only). */
  host: string;
  /** The Teams app's own id; default: the bot's app id. */
  manifestId?: string;
  version: string;
}

/** Manifest limits: short name 30, full name 100, short description 80, full 4,000. */
const LIMITS = { shortName: 30, fullName: 100, shortDescription: 80, fullDescription: 4000 };
/** A bot command: title up to 32 characters, description up to 128. */
const COMMAND_TITLE = 32;
const COMMAND_DESCRIPTION = 128;

const cut = (text: string, max: number) =>
  text.length <= max ? text : `${text.slice(0, max - 1)}…`;

/** Swedish first (the default language), English as the second language. */
function words(t: Catalogue, lang: 'sv' | 'en') {
  const description =
    lang === 'sv'
      ? {
          short: 'Dialog i stället för rapporter',
          full: 'Tillit ersätter skriftlig rapportering med korta, strukturerade dialoger: SWOT- och riskdialoger i enhetens kanal, en veckoreflektion på under en minut, påminnelser om beslutade åtgärder och sammanställningar för ledningen.',
        }
      : {
          short: 'Dialogue instead of reports',
          full: 'Tillit replaces written reporting with short, structured dialogue: SWOT and risk dialogues in the unit’s channel, a weekly reflection in under a minute, reminders about agreed actions and summaries for leadership.',
        };
  const commands = t.help.commands.map(([usage, what]) => ({
    title: cut(usage.split(' ')[0] ?? usage, COMMAND_TITLE),
    description: cut(`${usage} – ${what}`.replace(/`/g, ''), COMMAND_DESCRIPTION),
  }));
  return { description, commands };
}

/** The error a person can fix: one line saying which option is wrong. */
export class PackageOptionError extends Error {}

export function checkOptions(options: PackageOptions): { host: string } {
  if (!GUID.test(options.appId)) {
    throw new PackageOptionError(
      `--app-id must be the bot's Microsoft App ID (a GUID), got "${options.appId}"`,
    );
  }
  if (options.manifestId && !GUID.test(options.manifestId)) {
    throw new PackageOptionError(`--manifest-id must be a GUID, got "${options.manifestId}"`);
  }
  const raw = options.host.includes('://') ? options.host : `https://${options.host}`;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new PackageOptionError(
      `--host must be a host name such as tillit.kommun.se, got "${options.host}"`,
    );
  }
  if (url.protocol !== 'https:') throw new PackageOptionError('--host must be served over https');
  return { host: url.host };
}

/** manifest.json and its English localization file for the Teams app package. */
export function buildManifest(options: PackageOptions) {
  const { host } = checkOptions(options);
  const swedish = words(sv, 'sv');
  const english = words(en, 'en');
  const site = `https://${host}/`;
  const scopes = ['personal', 'team', 'groupChat'];
  const manifest = {
    $schema: SCHEMA,
    manifestVersion: MANIFEST_VERSION,
    version: options.version,
    id: (options.manifestId ?? options.appId).toLowerCase(),
    developer: {
      name: 'Tillit',
      websiteUrl: site,
      privacyUrl: site,
      termsOfUseUrl: site,
    },
    name: {
      short: cut('Tillit', LIMITS.shortName),
      full: cut('Tillit – dialog i stället för rapporter', LIMITS.fullName),
    },
    description: {
      short: cut(swedish.description.short, LIMITS.shortDescription),
      full: cut(swedish.description.full, LIMITS.fullDescription),
    },
    icons: { color: COLOR_ICON, outline: OUTLINE_ICON },
    accentColor: ACCENT,
    localizationInfo: {
      defaultLanguageTag: 'sv-se',
      additionalLanguages: [{ languageTag: 'en-us', file: ENGLISH_FILE }],
    },
    bots: [
      {
        botId: options.appId.toLowerCase(),
        scopes,
        // File consent cards: an export without PUBLIC_URL is saved in the person's OneDrive.
        supportsFiles: true,
        isNotificationOnly: false,
        commandLists: [{ scopes, commands: swedish.commands }],
      },
    ],
    permissions: ['identity', 'messageTeamMembers'],
    validDomains: [host],
  };
  const localization: Record<string, string> = {
    $schema: LOCALIZATION_SCHEMA,
    'name.short': manifest.name.short,
    'name.full': cut('Tillit – dialogue instead of reports', LIMITS.fullName),
    'description.short': cut(english.description.short, LIMITS.shortDescription),
    'description.full': cut(english.description.full, LIMITS.fullDescription),
  };
  english.commands.forEach((command, index) => {
    localization[`bots[0].commandLists[0].commands[${index}].title`] = command.title;
    localization[`bots[0].commandLists[0].commands[${index}].description`] = command.description;
  });
  return { manifest, localization };
}
