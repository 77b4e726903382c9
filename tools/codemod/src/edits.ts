/**
 * Text edits over one original source text. A replacement is built from parts: new text,
 * slices of the original (copied with the edits inside them applied, so a rewrite can wrap
 * code that holds another rewrite), and service-name tokens resolved once every file of a
 * run has been analysed.
 */
export type Part = string | { readonly slice: readonly [number, number] } | { readonly service: string };

/** Replace `[start, end)` of the original text with `parts` (start === end inserts). */
export interface Edit {
  readonly start: number;
  readonly end: number;
  readonly parts: readonly Part[];
}

const slices = (e: Edit): (readonly [number, number])[] =>
  e.parts.flatMap((p) => (typeof p === 'object' && 'slice' in p ? [p.slice] : []));

const inside = (a: { start: number; end: number }, s: readonly [number, number]): boolean =>
  a.start >= s[0] && a.end <= s[1];

/**
 * True when `next` can join `edits`: it is disjoint from each of them, or one lies inside a
 * slice the other copies (a rewrite nested in a rewrite). Anything else would lose text.
 */
export function fits(edits: readonly Edit[], next: Edit): boolean {
  return edits.every((e) => {
    if (next.end <= e.start || next.start >= e.end) {
      // Two insertions at one point are fine; an insertion at the edge of a range is outside it.
      return true;
    }
    if (slices(e).some((s) => inside(next, s))) return true;
    if (slices(next).some((s) => inside(e, s))) return true;
    return false;
  });
}

/** True when `inner` lies within `outer`'s replaced range (an insertion at its edges does not). */
function contains(outer: Edit, inner: Edit): boolean {
  if (outer.end - outer.start <= inner.end - inner.start) return false;
  if (inner.start === inner.end) return outer.start < inner.start && inner.start < outer.end;
  return outer.start <= inner.start && inner.end <= outer.end;
}

/** Edits directly inside `[from, to)` (not inside another edit of that range). */
function topLevel(edits: readonly Edit[], from: number, to: number): Edit[] {
  const within = edits.filter((e) => e.start >= from && e.end <= to);
  const top = within.filter((e) => !within.some((o) => o !== e && contains(o, e)));
  // Insertions before replacements at the same point; otherwise in text order (stable).
  return top.sort((a, b) => a.start - b.start || a.end - a.start - (b.end - b.start));
}

/**
 * The text of `[from, to)` of `source` with every edit inside it applied.
 *
 * @param service - resolves a service token to the instance name.
 */
export function render(
  source: string,
  edits: readonly Edit[],
  service: (key: string) => string,
  from = 0,
  to = source.length,
): string {
  let out = '';
  let at = from;
  for (const e of topLevel(edits, from, to)) {
    out += source.slice(at, e.start);
    for (const p of e.parts) {
      if (typeof p === 'string') out += p;
      else if ('slice' in p) out += render(source, edits, service, p.slice[0], p.slice[1]);
      else out += `'${service(p.service)}'`;
    }
    at = Math.max(at, e.end);
  }
  return out + source.slice(at, to);
}

/**
 * True when the character at `pos` of the original survives the edits (it is outside
 * every replaced range, or inside a slice that is copied and not replaced again).
 */
export function survives(
  edits: readonly Edit[],
  pos: number,
  from = 0,
  to = Number.MAX_SAFE_INTEGER,
): boolean {
  const e = topLevel(edits, from, to).find((x) => x.start <= pos && pos < x.end);
  if (e === undefined) return true;
  const s = slices(e).find((r) => pos >= r[0] && pos < r[1]);
  return s === undefined ? false : survives(edits, pos, s[0], s[1]);
}
