/**
 * YAML with line numbers: parse a document and find the line of any path inside it, so that a
 * problem deep in a frontmatter (graphics.growth.states.peak.highlight[0]) points at its line.
 */
import { isMap, isSeq, parseDocument, type Document } from 'yaml';
import type { JsonPath } from '../lib/data/validate.ts';
import { positionsIn } from '../lib/position.ts';

export interface YamlWithLines {
  value: unknown;
  /** Syntax errors, with their lines (relative to the document). */
  errors: { line: number; message: string }[];
  /** Line (1-based, relative to the document) of the deepest node that exists along `path`. */
  lineOf(path: JsonPath): number;
}

export function parseYamlWithLines(src: string): YamlWithLines {
  const positionAt = positionsIn(src);
  const lineAt = (offset: number) => positionAt(offset).line;
  const doc: Document = parseDocument(src, { prettyErrors: false, uniqueKeys: true });
  const errors = doc.errors.map((e) => ({ line: lineAt(e.pos[0]), message: e.message.split('\n')[0] ?? e.message }));
  let value: unknown;
  if (!errors.length) {
    try {
      // maxAliasCount: a few aliases are fine; thousands (a "billion laughs" file) are refused, not expanded
      value = doc.toJS({ maxAliasCount: 100 });
    } catch (e) {
      const alias = /(^|[\s:[,-])\*[^\s,\]}]+/m.exec(src);
      errors.push({
        line: alias ? lineAt(alias.index) : 1,
        message: /alias/i.test(String((e as Error).message))
          ? 'too many YAML aliases (*name): the file would expand enormously'
          : `cannot be read: ${(e as Error).message}`,
      });
    }
  }
  return {
    value,
    errors,
    lineOf(path) {
      let node: unknown = doc.contents;
      let best = 1;
      for (const key of path) {
        if (isMap(node)) {
          const pair = node.items.find((p) => (p.key as { value?: unknown } | null)?.value === key);
          if (!pair) break;
          const k = pair.key as { range?: [number, number, number] } | null;
          if (k?.range) best = lineAt(k.range[0]);
          node = pair.value;
        } else if (isSeq(node) && typeof key === 'number') {
          node = node.items[key];
        } else {
          break;
        }
        const r = (node as { range?: [number, number, number] } | null)?.range;
        if (r && !isMap(node)) best = lineAt(r[0]);
      }
      return best;
    },
  };
}
