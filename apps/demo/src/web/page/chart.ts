import type { TimelineSample } from '../../service/timeline.js';

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 600;
const HEIGHT = 200;
const PAD = { left: 34, right: 8, top: 10, bottom: 20 };
const SERIES = ['calls', 'retries', 'upstream'] as const;

function el<K extends keyof SVGElementTagNameMap>(
  name: K,
  attrs: Record<string, string | number>,
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, String(value));
  return node;
}

/** A round upper bound for the y axis (1, 2, 5, 10, 20, 50, ...). */
function niceMax(value: number): number {
  if (value <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) if (value <= step * power) return step * power;
  return 10 * power;
}

/**
 * Draws the last `windowS` seconds of the timeline as three lines (logical calls,
 * retries, upstream requests per second) with a y axis, by hand in SVG: no chart library.
 */
export function renderChart(svg: SVGSVGElement, samples: readonly TimelineSample[], windowS = 90): void {
  const shown = samples.slice(-windowS);
  const max = niceMax(Math.max(1, ...shown.flatMap((s) => SERIES.map((k) => s[k]))));
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const x = (i: number): number =>
    PAD.left + (windowS <= 1 ? 0 : (i + windowS - shown.length) * (plotW / (windowS - 1)));
  const y = (v: number): number => PAD.top + plotH - (v / max) * plotH;
  const nodes: SVGElement[] = [];
  for (const f of [0, 0.5, 1]) {
    nodes.push(
      el('line', { class: 'grid', x1: PAD.left, x2: WIDTH - PAD.right, y1: y(max * f), y2: y(max * f) }),
    );
    const label = el('text', { x: PAD.left - 4, y: y(max * f) + 3, 'text-anchor': 'end' });
    label.textContent = String(Math.round(max * f));
    nodes.push(label);
  }
  const axis = el('text', { x: WIDTH - PAD.right, y: HEIGHT - 4, 'text-anchor': 'end' });
  axis.textContent = `last ${windowS} s`;
  nodes.push(axis);
  for (const key of SERIES) {
    const points = shown.map((s, i) => `${x(i).toFixed(1)},${y(s[key]).toFixed(1)}`).join(' ');
    nodes.push(el('polyline', { class: key, points, 'data-series': key }));
  }
  svg.replaceChildren(...nodes);
}
