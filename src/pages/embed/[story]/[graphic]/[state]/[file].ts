/**
 * The downloads of every graphic state, next to its embed page: the SVG document with title, source
 * line and dataset version drawn in, its PNGs (1200 px wide and 2×, drawn by resvg with the CJK font
 * of the social images) and the CSV of its data table. See src/embed/export.ts and png.ts.
 */
import type { APIRoute } from 'astro';
import { exportOf, graphicStates, type GraphicState } from '../../../../../embed/catalog.ts';
import { exportCsv } from '../../../../../embed/export.ts';
import { DOWNLOAD_FILES, type DownloadKind } from '../../../../../embed/paths.ts';
import { statePngs } from '../../../../../embed/png.ts';

export async function getStaticPaths() {
  const items = await graphicStates();
  return items.flatMap((item) =>
    (Object.keys(DOWNLOAD_FILES) as DownloadKind[]).map((kind) => ({
      params: { ...item.key, file: DOWNLOAD_FILES[kind] },
      props: { item, kind },
    })),
  );
}

const TYPES: Record<DownloadKind, string> = {
  svg: 'image/svg+xml; charset=utf-8',
  png: 'image/png',
  png2x: 'image/png',
  csv: 'text/csv; charset=utf-8',
};

export const GET: APIRoute<{ item: GraphicState; kind: DownloadKind }> = async ({ props }) => {
  const { item, kind } = props;
  const e = exportOf(item);
  const body: string | Uint8Array<ArrayBuffer> =
    kind === 'svg' ? e.svg : kind === 'csv' ? exportCsv(e) : new Uint8Array((await statePngs(e.svg))[kind === 'png' ? '1x' : '2x']);
  return new Response(body, { headers: { 'content-type': TYPES[kind] } });
};
