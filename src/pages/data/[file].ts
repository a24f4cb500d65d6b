/**
 * The published data files (versioned dataset, CSV exports, JSON Schema, checksums), written into
 * dist/data/ at build time.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { readFileSync } from 'node:fs';
import { DATASET_PATH, loadReleases } from '../../lib/data/load.ts';
import { data } from '../../lib/data/index.ts';
import { publishedFiles, type PublishedFile } from '../../lib/data/export.ts';

export const getStaticPaths = (() =>
  publishedFiles(data().dataset, readFileSync(DATASET_PATH, 'utf8'), loadReleases()).map((f) => ({ params: { file: f.name }, props: { f } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ f: PublishedFile }> = ({ props }) =>
  new Response(props.f.body, { headers: { 'content-type': `${props.f.type}; charset=utf-8` } });
