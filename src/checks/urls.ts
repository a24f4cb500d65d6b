/**
 * Every URL a chapter can produce, whatever the Markdown syntax: inline images and links, reference
 * images and links (`![…][ref]`, `![ref]`, `![ref][]`, `[…][ref]`) through their definitions
 * (`[ref]: url`), and definitions themselves. Images must be files of the story (a relative path): the
 * site makes no third-party requests, and a path starting with "/" leaves the base path. No URL may
 * run code (javascript:, vbscript:, data: in a link), however it is spelled: entities are decoded by
 * the parser, and the tabs, newlines and case browsers ignore in a scheme are ignored here too.
 */
import type { Definition, Root } from 'mdast';
import { visit } from 'unist-util-visit';

type Add = (line: number | null | undefined, message: string, hint?: string, column?: number | null) => void;

/** The URL as a browser reads its scheme: without ASCII whitespace and control characters, lower-case. */
function normalised(url: string): string {
  // eslint-disable-next-line no-control-regex
  return url.replace(/[\u0000-\u0020\u007f]/g, '').toLowerCase();
}

const CODE_SCHEME = /^(javascript|vbscript|data):/;

/** Why an image URL is not allowed, or null. */
export function imageUrlProblem(url: string): string | null {
  const u = normalised(url).replace(/\\/g, '/');
  if (u.startsWith('//') || /^[a-z][a-z0-9+.-]*:/.test(u)) return 'is loaded from another site';
  if (u.startsWith('/')) return 'is an absolute path, outside the story';
  return null;
}

export function checkUrls(tree: Root, add: Add): void {
  const definitions = new Map<string, Definition>();
  visit(tree, 'definition', (d: Definition) => {
    if (!definitions.has(d.identifier)) definitions.set(d.identifier, d);
  });
  const imageHint =
    'the site makes no third-party requests: put the image in the story folder and link it relatively, e.g. ![说明](./map.png)';

  visit(tree, (node) => {
    const line = node.position?.start.line;
    const col = node.position?.start.column;
    switch (node.type) {
      case 'image': {
        const why = imageUrlProblem(node.url);
        if (why) add(line, `image "${node.url}" ${why}`, imageHint, col);
        if (!node.alt?.trim())
          add(line, `image "${node.url}" has no alt text`, 'write a description between the brackets: ![what the image shows](path)', col);
        break;
      }
      case 'imageReference': {
        const def = definitions.get(node.identifier);
        if (!def) break; // rendered as plain text
        const where = def.position ? ` (defined on line ${def.position.start.line})` : '';
        const why = imageUrlProblem(def.url);
        if (why) add(line, `image [${node.label ?? node.identifier}] "${def.url}"${where} ${why}`, imageHint, col);
        if (!node.alt?.trim())
          add(
            line,
            `image [${node.label ?? node.identifier}] has no alt text`,
            'write a description between the brackets: ![what the image shows][ref]',
            col,
          );
        break;
      }
      case 'link':
      case 'definition': {
        const scheme = CODE_SCHEME.exec(normalised(node.url));
        if (scheme) add(line, `link to a ${scheme[1]}: URL`, 'chapters cannot run code; link to a web page instead', col);
        break;
      }
      default:
        break;
    }
  });
}
