/** Where a story shows each graphic state: read from its chapters' MDX (pure; catalog.ts uses it). */

const TAG = /<(Step|Figure)\b([^>]*)>/g;
const ATTR = /\b(id|graphic|state)=(?:"([^"]*)"|'([^']*)')/g;

/** Where the story shows each `graphic/state` first: a step's id, or the chapter of a figure. */
export function placesIn(chapters: { anchor: string; body: string }[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const c of chapters) {
    for (const m of c.body.matchAll(TAG)) {
      const a = new Map([...(m[2] as string).matchAll(ATTR)].map((x) => [x[1] as string, x[2] ?? x[3] ?? '']));
      const k = `${a.get('graphic')}/${a.get('state')}`;
      if (!a.get('graphic') || !a.get('state') || out.has(k)) continue;
      out.set(k, m[1] === 'Step' && a.get('id') ? (a.get('id') as string) : c.anchor);
    }
  }
  return out;
}
