/**
 * The code an editor pastes into another site to embed a graphic: an <iframe> at a sensible default
 * height (the graphic reads without any script, scrolling inside the frame if the host is narrow) and
 * a small script that sets the frame's height from the messages the embed page sends.
 *
 * The script speaks what @newswire/frames' `observeIframe` speaks, byte for byte the same protocol:
 * it accepts the AMP message `{sentinel: 'amp', type: 'embed-size', height}` and Pym.js' height
 * message `pymxPYMx<id>xPYMxheightxPYMx<h>` from its own frames only, and asks each frame for its height
 * with `{sentinel: 'amp', type: 'frames-init'}` (the frame may have spoken before the script ran).
 * Several embeds on one page share one listener. The whole snippet stays under 1 KB.
 */

/** Marks the host's frames, so the script finds them (and leaves other iframes alone). */
export const SNIPPET_ATTR = 'data-tongliao-embed';

/** The host script, minified by hand (it must stay small and readable in a CMS field). */
export const HOST_SCRIPT =
  '(function(w,d){if(w.__tlEmbed)return;w.__tlEmbed=1;' +
  `function f(){return[].slice.call(d.querySelectorAll("iframe[${SNIPPET_ATTR}]"))}` +
  'w.addEventListener("message",function(e){var m=e.data,h;' +
  'if(m&&m.sentinel=="amp"&&m.type=="embed-size")h=m.height;' +
  'else if(typeof m=="string"&&m.slice(0,3)=="pym"){m=m.split(/xPYMx/);if(m[2]=="height")h=m[3]}' +
  'h=Math.ceil(+h);if(!(h>0))return;' +
  'f().forEach(function(i){if(i.contentWindow===e.source)i.setAttribute("height",h)})});' +
  'f().forEach(function(i){i.contentWindow&&i.contentWindow.postMessage({sentinel:"amp",type:"frames-init"},"*")})' +
  '})(window,document)';

const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export interface SnippetOptions {
  /** Absolute URL of the embed page. */
  src: string;
  /** The frame's accessible name (the graphic's title). */
  title: string;
  /** Height in px before the script (if any) sets it. */
  height: number;
}

/** The host snippet: the iframe, then the script. */
export function hostSnippet(o: SnippetOptions): string {
  return (
    `<iframe src="${attr(o.src)}" title="${attr(o.title)}" width="100%" height="${Math.round(o.height)}" loading="lazy" style="border:0;width:100%;max-width:100%" ${SNIPPET_ATTR}></iframe>` +
    `<script>${HOST_SCRIPT}</script>`
  );
}

/** The snippet's size in bytes (UTF-8), which must stay ≤ 1 KB. */
export function snippetBytes(s: string): number {
  return new TextEncoder().encode(s).length;
}
