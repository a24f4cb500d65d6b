/**
 * The story a page is rendering, shared with the components inside its MDX chapters through
 * `Astro.locals` (one object per page render).
 */
import type { GraphicRef } from '../lib/graphic.ts';
import { unknownIdMessage } from '../lib/suggest.ts';

export interface StoryContext {
  slug: string;
  graphics: Map<string, GraphicRef>;
}

export function setStoryContext(locals: object, ctx: StoryContext): void {
  (locals as { story?: StoryContext }).story = ctx;
}

export function getStoryContext(locals: object): StoryContext {
  const ctx = (locals as { story?: StoryContext }).story;
  if (!ctx) throw new Error('graphics can only be used inside a story page (no story context set)');
  return ctx;
}

export function storyGraphic(locals: object, id: string): GraphicRef {
  const ctx = getStoryContext(locals);
  const ref = ctx.graphics.get(id);
  if (!ref) throw new Error(`story "${ctx.slug}": ${unknownIdMessage('graphic', id, ctx.graphics.keys())}`);
  return ref;
}
