/**
 * The graphic definitions of a story, as its chapters declare them, for the editors' debug view
 * (`?debug` on a story page shows the active step's state definition). Readers never load it.
 */
import type { APIRoute } from 'astro';
import { getStories, type Story } from '../../lib/content/stories.ts';

export async function getStaticPaths() {
  const stories = await getStories();
  return stories.map((story) => ({ params: { story: story.slug }, props: { story } }));
}

export const GET: APIRoute<{ story: Story }> = ({ props }) => {
  const graphics = Object.fromEntries([...props.story.graphics].map(([id, ref]) => [id, { file: ref.file, ...ref.spec }]));
  return new Response(JSON.stringify(graphics, null, 2), { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
