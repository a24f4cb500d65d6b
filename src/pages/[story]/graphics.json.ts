/**
 * The graphic definitions of a story, as its chapters declare them, for the editors' debug view
 * (`?debug` on a story page shows the active step's state definition), and, under `embeds`, every
 * state's embed page, its downloads, the link to where the story shows it and the embed code, so
 * other tools can find them (issue 16). Readers never load it.
 */
import type { APIRoute } from 'astro';
import { getStories, type Story } from '../../lib/content/stories.ts';
import { url } from '../../lib/url.ts';
import { exportOf, storyGraphicStates } from '../../embed/catalog.ts';
import { defaultFrameHeight } from '../../embed/export.ts';
import { DOWNLOAD_FILES, downloadPath, embedPath, type DownloadKind } from '../../embed/paths.ts';
import { hostSnippet } from '../../embed/snippet.ts';

export async function getStaticPaths() {
  const stories = await getStories();
  return stories.map((story) => ({ params: { story: story.slug }, props: { story } }));
}

export const GET: APIRoute<{ story: Story }> = async ({ props, site }) => {
  const abs = (path: string) => (site ? new URL(url(path), site).href : url(path));
  const states = await storyGraphicStates(props.story.slug);
  const embedsOf = (id: string) =>
    Object.fromEntries(
      states
        .filter((s) => s.key.graphic === id)
        .map((s) => {
          const e = exportOf(s);
          const downloads = Object.fromEntries(
            (Object.keys(DOWNLOAD_FILES) as DownloadKind[]).map((k) => [k, abs(downloadPath(s.key, k))]),
          );
          return [
            s.state,
            {
              page: abs(embedPath(s.key)),
              story: `${abs(`${s.key.story}/`)}${s.anchor}`,
              downloads,
              sources: e.sources.map((x) => x.id),
              height: defaultFrameHeight(e),
              code: hostSnippet({ src: abs(embedPath(s.key)), title: e.title, height: defaultFrameHeight(e) }),
            },
          ];
        }),
    );
  const graphics = Object.fromEntries(
    [...props.story.graphics].map(([id, ref]) => [id, { file: ref.file, ...ref.spec, embeds: embedsOf(id) }]),
  );
  return new Response(JSON.stringify(graphics, null, 2), { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
