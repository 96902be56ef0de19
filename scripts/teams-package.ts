/**
 * `npm run teams-package -- --app-id <Microsoft App ID> --host <https host>` writes the Teams
 * app package (manifest.json, en-us.json, two icons, zipped) to upload in Teams (Apps →
 * Manage your apps → Upload an app) or in the Teams admin center. Options: `--manifest-id`
 * (the Teams app's id, default the bot's), `--out` (default ./tillit-teams.zip).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
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

function packageVersion(): string {
  const file = new URL('../package.json', import.meta.url);
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

function main() {
  const { values } = parseArgs({
    options: {
      'app-id': { type: 'string' },
      host: { type: 'string' },
      'manifest-id': { type: 'string' },
      out: { type: 'string', default: 'tillit-teams.zip' },
    },
  });
  if (!values['app-id'] || !values.host) {
    console.error(
      'Usage: npm run teams-package -- --app-id <Microsoft App ID> --host <https host> [--out file.zip]',
    );
    process.exit(1);
  }
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
