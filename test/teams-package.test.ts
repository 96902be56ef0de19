import { inflateRawSync, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { PackageOptionError } from '../scripts/teams/manifest.js';
import { crc32 } from '../scripts/teams/zip-writer.js';
import { buildTeamsPackage } from '../scripts/teams-package.js';

const APP_ID = '11111111-2222-4333-8444-555555555555';

/** Reads a zip through its central directory, checking every entry's CRC. */
function readZip(zip: Buffer): Map<string, Buffer> {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const files = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    expect(zip.readUInt32LE(at)).toBe(0x02014b50);
    const method = zip.readUInt16LE(at + 10);
    const crc = zip.readUInt32LE(at + 16);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const dataAt = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(dataAt, dataAt + size);
    const data = method === 8 ? inflateRawSync(raw) : raw;
    expect(crc32(data), name).toBe(crc);
    files.set(name, data);
    at += 46 + nameLength + extra;
  }
  return files;
}

/** Width, height and RGBA pixels of an 8-bit RGBA PNG (what resvg writes). */
function decodePng(png: Buffer) {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]));
  let at = 8;
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  while (at < png.length) {
    const length = png.readUInt32BE(at);
    const type = png.subarray(at + 4, at + 8).toString('ascii');
    const body = png.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      expect([body[8], body[9]]).toEqual([8, 6]);
    }
    if (type === 'IDAT') idat.push(body);
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 4;
  const pixels = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    for (let x = 0; x < stride; x++) {
      const value = raw[y * (stride + 1) + 1 + x]!;
      const left = x >= 4 ? pixels[y * stride + x - 4]! : 0;
      const up = y > 0 ? pixels[(y - 1) * stride + x]! : 0;
      const corner = x >= 4 && y > 0 ? pixels[(y - 1) * stride + x - 4]! : 0;
      const paeth = () => {
        const p = left + up - corner;
        const [a, b, c] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - corner)];
        return a <= b && a <= c ? left : b <= c ? up : corner;
      };
      const predicted = [0, left, up, (left + up) >> 1, paeth()][filter]!;
      pixels[y * stride + x] = (value + predicted) & 0xff;
    }
  }
  return { width, height, pixels };
}

describe('the Teams app package (npm run teams-package)', () => {
  const files = readZip(
    buildTeamsPackage({ appId: APP_ID, host: 'tillit.kommun.se', version: '1.2.3' }),
  );

  it('holds a 1.17+ manifest for the bot in personal, team and group chat scopes', () => {
    expect([...files.keys()].sort()).toEqual([
      'color.png',
      'en-us.json',
      'manifest.json',
      'outline.png',
    ]);
    const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8'));
    const [major, minor] = manifest.manifestVersion.split('.').map(Number);
    expect(major === 1 && minor >= 17).toBe(true);
    expect(manifest.$schema).toContain(`v${manifest.manifestVersion}/MicrosoftTeams.schema.json`);
    expect(manifest).toMatchObject({
      id: APP_ID,
      version: '1.2.3',
      icons: { color: 'color.png', outline: 'outline.png' },
      validDomains: ['tillit.kommun.se'],
      developer: { websiteUrl: 'https://tillit.kommun.se/' },
      bots: [{ botId: APP_ID, scopes: ['personal', 'team', 'groupChat'] }],
      localizationInfo: { defaultLanguageTag: 'sv-se' },
    });
    expect(manifest.name.short.length).toBeLessThanOrEqual(30);
    expect(manifest.description.short.length).toBeLessThanOrEqual(80);
    const commands = manifest.bots[0].commandLists[0].commands as {
      title: string;
      description: string;
    }[];
    expect(commands.map((c) => c.title)).toContain('swot');
    for (const command of commands) {
      expect(command.title.length).toBeLessThanOrEqual(32);
      expect(command.description.length).toBeLessThanOrEqual(128);
    }
    const english = JSON.parse(files.get('en-us.json')!.toString('utf8'));
    expect(english['bots[0].commandLists[0].commands[0].description']).toContain('shows this help');
  });

  it('has a 192×192 colour icon and a 32×32 outline icon that is white on transparent', () => {
    const color = decodePng(files.get('color.png')!);
    expect([color.width, color.height]).toEqual([192, 192]);
    const outline = decodePng(files.get('outline.png')!);
    expect([outline.width, outline.height]).toEqual([32, 32]);
    let transparent = 0;
    for (let i = 0; i < outline.pixels.length; i += 4) {
      const [r, g, b, a] = outline.pixels.subarray(i, i + 4);
      if (a === 0) transparent++;
      else expect([r, g, b]).toEqual([255, 255, 255]);
    }
    expect(transparent).toBeGreaterThan(100);
    expect(transparent).toBeLessThan(32 * 32 - 100);
  });

  it('refuses an app id that is not a GUID and a host that is not https, in one line', () => {
    expect(() => buildTeamsPackage({ appId: 'tillit', host: 'x.se', version: '1' })).toThrow(
      PackageOptionError,
    );
    expect(() => buildTeamsPackage({ appId: APP_ID, host: 'http://x.se', version: '1' })).toThrow(
      /https/,
    );
  });
});
