/**
 * A story's thumbnail (the graphic and state its story.yaml names) as an SVG file, shown on the
 * front page's card. Only stories that name one get the file.
 */
import type { APIRoute } from 'astro';
import { getStories, type Story } from '../../lib/content/stories.ts';
import { data } from '../../lib/data/index.ts';
import { storyThumbnail } from '../../graphics/thumbnail.ts';

export async function getStaticPaths() {
  const stories = await getStories();
  return stories.filter((s) => s.meta.thumbnail).map((story) => ({ params: { story: story.slug }, props: { story } }));
}

export const GET: APIRoute<{ story: Story }> = ({ props }) => {
  const t = storyThumbnail(props.story, data());
  if (!t) throw new Error(`content/${props.story.slug}/story.yaml: no thumbnail`);
  return new Response(t.svg, { headers: { 'content-type': 'image/svg+xml; charset=utf-8' } });
};
