/**
 * Offsets in a text → 1-based line and column, for every check that points an editor at a place
 * (YAML frontmatter, copy lint, figures inside a text node). One counter, the `yaml` package's
 * LineCounter (binary search over line starts), instead of a loop per check.
 */
import { LineCounter } from 'yaml';

export interface Position {
  line: number;
  column: number;
}

/** A function from offset to position in `text`; build once per text, call per problem. */
export function positionsIn(text: string): (offset: number) => Position {
  const counter = new LineCounter();
  counter.addNewLine(0);
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) counter.addNewLine(i + 1);
  return (offset) => {
    const { line, col } = counter.linePos(Math.max(0, Math.min(offset, text.length)));
    return { line, column: col };
  };
}

/**
 * The position of `offset` inside `text`, where the text itself starts at `start` of a larger file
 * (a markdown text node: its first line begins mid-line, so columns on it are shifted).
 */
export function positionWithin(text: string, offset: number, start: Position): Position {
  const { line, column } = positionsIn(text)(offset);
  return line === 1 ? { line: start.line, column: start.column + column - 1 } : { line: start.line + line - 1, column };
}
