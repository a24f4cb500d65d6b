/**
 * One graphic definition of a chapter's frontmatter, checked so that one error does not hide others:
 * when some states fail the kind's schema, the other states are still checked (schema and dataset
 * references), and every problem is worded with a fix (`→` line), as docs/editing.md promises.
 */
import type { DataIndex } from '../lib/data/index.ts';
import { checkGraphic, GRAPHIC_KINDS } from '../graphics/registry.ts';

export interface GraphicProblem {
  path: (string | number)[];
  message: string;
  hint: string;
}

const guideFor = (kind: unknown) =>
  typeof kind === 'string' && kind in GRAPHIC_KINDS ? `see "${kind}" in section 6 of docs/editing.md` : 'see section 6 of docs/editing.md';

/** Fix hints for the checks' own messages (dataset references, states, labels). */
function hintFor(message: string, guide: string): string {
  if (/did you mean/.test(message)) return 'use the id suggested, or look it up on the data page (data/)';
  if (/unknown (indicator|project|region|source)/.test(message)) return 'look the id up on the data page (data/) or in content/ids.json';
  if (/overlap|does not fit|too long/.test(message)) return 'shorten the label or the title';
  if (/units?\b/.test(message)) return 'put values of one unit in one graphic';
  return guide;
}

export function checkGraphicDef(def: unknown, data: DataIndex): { problems: GraphicProblem[]; ok: boolean } {
  const kind = (def as { kind?: unknown } | null)?.kind;
  const guide = guideFor(kind);
  const first = checkGraphic(def, data);
  if (first.spec) return { ok: true, problems: first.problems.map((p) => ({ ...p, hint: hintFor(p.message, guide) })) };
  const k = typeof kind === 'string' ? GRAPHIC_KINDS[kind] : undefined;
  if (!k)
    return { ok: false, problems: first.problems.map((p) => ({ ...p, hint: `use one of the kinds in section 6 of docs/editing.md` })) };

  // The kind's schema failed: each issue is worded already (src/lib/zod-words.ts).
  const problems: GraphicProblem[] = first.problems.map((p) => ({ ...p, hint: p.hint ?? guide }));

  // States with schema problems are set aside; if the rest is valid, check it all the same.
  const states = (def as { states?: unknown }).states;
  const bad = new Set(
    first.problems.filter((p) => p.path[0] === 'states' && typeof p.path[1] === 'string').map((p) => p.path[1] as string),
  );
  if (bad.size > 0 && states && typeof states === 'object' && Object.keys(states).some((s) => !bad.has(s))) {
    const rest = { ...(def as object), states: Object.fromEntries(Object.entries(states).filter(([s]) => !bad.has(s))) };
    const second = checkGraphic(rest, data);
    if (second.spec) for (const p of second.problems) problems.push({ ...p, hint: hintFor(p.message, guide) });
  }
  return { ok: false, problems };
}
