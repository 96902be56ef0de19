import { Resvg } from '@resvg/resvg-js';

/** Tillit's colour in Teams (the app's accent colour too). */
export const ACCENT = '#1D4E5F';

/** Two speech bubbles, one answering the other: dialogue instead of reports. */
const BUBBLES = (fill: string, cut: string) => `
  <path d="M10 8h44a6 6 0 0 1 6 6v22a6 6 0 0 1-6 6H30l-10 9v-9H10a6 6 0 0 1-6-6V14a6 6 0 0 1 6-6z" fill="${fill}"/>
  <path d="M18 20h28M18 29h20" stroke="${cut}" stroke-width="4" stroke-linecap="round"/>`;

/** The colour icon: 192×192, the symbol on a full-bleed accent colour (Teams rounds it). */
export function colorIconSvg(): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="192" height="192" viewBox="0 0 64 64">
  <rect width="64" height="64" fill="${ACCENT}"/>
  <g transform="translate(4 6) scale(0.875)">${BUBBLES('#ffffff', ACCENT)}</g>
</svg>`;
}

/**
 * The outline icon: 32×32, white on transparent (Teams' rule for outline icons), the lines cut
 * out of the bubble so the shape reads at that size.
 */
export function outlineIconSvg(): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="32" height="32" viewBox="0 0 64 64">
  <defs><mask id="m"><rect width="64" height="64" fill="white"/>
    <path d="M18 20h28M18 29h20" stroke="black" stroke-width="5" stroke-linecap="round"/></mask></defs>
  <path mask="url(#m)" d="M10 8h44a6 6 0 0 1 6 6v22a6 6 0 0 1-6 6H30l-10 9v-9H10a6 6 0 0 1-6-6V14a6 6 0 0 1 6-6z" fill="#ffffff"/>
</svg>`;
}

/** An SVG as a PNG of exactly `size` pixels square, transparency kept. */
export function renderPng(svg: string, size: number): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: size },
    background: 'rgba(0,0,0,0)',
  });
  return Buffer.from(resvg.render().asPng());
}
