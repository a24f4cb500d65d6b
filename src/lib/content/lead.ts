/**
 * A chapter's lead: the prose it opens with, before its first graphic or other component. The first paint of a
 * story page waits until the first chapter's lead is parsed (`<link rel="expect">`, src/layouts/Base.astro): the
 * story header and the lead are the first screen on a phone and on a desktop, and a screen painted half parsed
 * moves when the rest arrives. A paragraph cut after `1686亿元` draws the number on the first line; with the
 * `，` that follows it (which may not begin a line) the number goes down to the second. So every chapter ends its
 * lead with an empty, hidden marker, `<span id="{anchor}-lead-end" hidden>`, put there by `remarkLeadEnd` in
 * the MDX pipeline (astro.config.mjs). Plain TypeScript (no astro:content): the plugin runs in the config.
 */
import { basename } from 'node:path';
import type { Root, RootContent } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx';
import type { VFile } from 'vfile';

/** A chapter's anchor on its story page from its file name: without the number and `.mdx`, e.g. `turnaround`. */
export function anchorFromFileName(name: string): string {
  return name.replace(/\.mdx$/, '').replace(/^\d+-/, '');
}

/** The id of the marker that ends a chapter's lead. */
export const leadEndId = (anchor: string): string => `${anchor}-lead-end`;

/** Nodes a lead is made of: prose, and what MDX keeps out of the page (frontmatter, imports, comments). */
const PROSE: RootContent['type'][] = ['paragraph', 'heading', 'list', 'blockquote', 'thematicBreak'];
const UNSEEN: RootContent['type'][] = ['yaml', 'mdxjsEsm', 'mdxFlowExpression'];
const LEAD = new Set([...PROSE, ...UNSEEN]);

/** Where the lead ends: the index of the first top-level node that is not prose (the tree's length if none is). */
export function leadEnd(tree: Root): number {
  const i = tree.children.findIndex((n) => !LEAD.has(n.type));
  return i < 0 ? tree.children.length : i;
}

/** Puts the lead's end marker into a chapter's tree (a chapter is an `.mdx` file under `content/`). */
export default function remarkLeadEnd() {
  return (tree: Root, file: VFile) => {
    if (!file.path?.endsWith('.mdx') || !/(^|[\\/])content[\\/]/.test(file.path)) return;
    const marker: MdxJsxFlowElement = {
      type: 'mdxJsxFlowElement',
      name: 'span',
      attributes: [
        { type: 'mdxJsxAttribute', name: 'id', value: leadEndId(anchorFromFileName(basename(file.path))) },
        { type: 'mdxJsxAttribute', name: 'hidden', value: null },
      ],
      children: [],
    };
    tree.children.splice(leadEnd(tree), 0, marker);
  };
}
