/**
 * `npm run teams-package -- --app-id <Microsoft App ID> --host <https host>` writes the Teams
 * app package (manifest.json, en-us.json, two icons, zipped) to upload in Teams (Apps →
 * Manage your apps → Upload an app) or in the Teams admin center. Options: `--manifest-id`
 * (the Teams app's id, default the bot's), `--out` (default ./tillit-teams.zip).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readArgs, usageError } from './cli.js';
import { colorIconSvg, outlineIconSvg, renderPng } from './teams/icons.js';
import {
  buildManifest,
  COLOR_ICON,
  ENGLISH_FILE,
  OUTLINE_ICON,
  PackageOptionError,
  type PackageOptions,
} from './teams/manifest.js';
import { writeZip, type ZipEntry } from './teams/zip-writer.js';

/** The package's files, in the order Teams lists them. */
export function teamsPackageEntries(options: PackageOptions): ZipEntry[] {
  const { manifest, localization } = buildManifest(options);
  const json = (value: unknown) => Buffer.from(`${JSON.stringify(value, null, 2)}\n`, 'utf8');
  return [
    { name: 'manifest.json', data: json(manifest) },
    { name: ENGLISH_FILE, data: json(localization) },
    { name: COLOR_ICON, data: renderPng(colorIconSvg(), 192) },
    { name: OUTLINE_ICON, data: renderPng(outlineIconSvg(), 32) },
  ];
}

export function buildTeamsPackage(options: PackageOptions): Buffer {
  return writeZip(teamsPackageEntries(options));
}

/** package.json is one folder up from scripts/, two from dist/scripts/. */
function packageVersion(): string {
  for (const up of ['../package.json', '../../package.json']) {
    try {
      const file = new URL(up, import.meta.url);
      return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
    } catch {}
  }
  throw new Error('package.json not found');
}

const cli = {
  usage: `Usage: npm run teams-package -- --app-id ID --host HOST [--manifest-id ID] [--out FILE]
  writes the Teams app package (manifest, Swedish and English texts, icons) to upload in Teams
  --app-id ID        the bot's Microsoft App ID (MICROSOFT_APP_ID)
  --host HOST        the public https host Tillit answers on (tillit.kommun.se)
  --manifest-id ID   the Teams app's own id (default: the bot's)
  --out FILE         where to write it (default ./tillit-teams.zip)`,
  options: {
    'app-id': { type: 'string' },
    host: { type: 'string' },
    'manifest-id': { type: 'string' },
    out: { type: 'string', default: 'tillit-teams.zip' },
  },
} as const;

function main() {
  const { values } = readArgs(cli);
  if (!values['app-id']) usageError(cli, 'missing --app-id');
  if (!values.host) usageError(cli, 'missing --host');
  try {
    const zip = buildTeamsPackage({
      appId: values['app-id'],
      host: values.host,
      manifestId: values['manifest-id'],
      version: packageVersion(),
    });
    const out = resolve(values.out ?? 'tillit-teams.zip');
    writeFileSync(out, zip);
    console.log(`Teams app package written to ${out} (${zip.length} bytes)`);
  } catch (error) {
    if (!(error instanceof PackageOptionError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main();
