/**
 * A story's social image (1200 × 630 PNG): series name, headline, the original article's inferred
 * date, and the story's thumbnail graphic. Drawn at build by resvg (src/og/image.ts).
 */
import type { APIRoute } from 'astro';
import { getStories, type Story } from '../../lib/content/stories.ts';
import { data } from '../../lib/data/index.ts';
import { parsePeriod } from '../../lib/data/period.ts';
import { storyThumbnail } from '../../graphics/thumbnail.ts';
import { ogPng } from '../../og/image.ts';
import { SITE_NAME } from '../../lib/site.ts';

export async function getStaticPaths() {
  const stories = await getStories();
  return stories.map((story) => ({ params: { story: story.slug }, props: { story } }));
}

export const GET: APIRoute<{ story: Story }> = ({ props }) => {
  const { story } = props;
  const d = data();
  const source = d.getSource(story.meta.basedOn);
  const png = ogPng({
    kicker: SITE_NAME,
    headline: story.meta.headline,
    meta: `原报道约刊于${parsePeriod(source.date).label}（日期为推断）`,
    graphic: storyThumbnail(story, d)?.svg,
  });
  return new Response(png, { headers: { 'content-type': 'image/png' } });
};
