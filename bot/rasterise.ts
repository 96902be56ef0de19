import { Resvg } from '@resvg/resvg-js';

/**
 * An SVG that dialogues/ drew (risk matrix, trend chart) as the PNG the chat platforms show.
 * Text needs a font with å, ä and ö: resvg reads the system's fonts (Debian:
 * fonts-dejavu-core, which scripts/setup-test-env.sh installs when missing).
 */
export function svgToPng(svg: string): Buffer {
  const resvg = new Resvg(svg, {
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
    background: '#ffffff',
  });
  return Buffer.from(resvg.render().asPng());
}
