/**
 * Software the site is built with, for the sources page. Versions and licences are read from the
 * installed packages at build time, so the page never goes stale.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './root.ts';

const ROLES: [string, string][] = [
  ['astro', '静态网站生成'],
  ['@astrojs/mdx', '章节写作格式（MDX）'],
  ['d3-scale', '图表比例尺'],
  ['d3-shape', '图表线条与面积'],
  ['d3-geo', '静态地图投影'],
  ['d3-transition', '图表状态切换动画'],
  ['scrollama', '滚动叙事触发'],
  ['maplibre-gl', '交互地图'],
  ['topojson-client', '地图数据解码'],
  ['zod', '数据与内容校验'],
];

function pkg(name: string): { version: string; license: string } {
  try {
    const p = JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version?: string; license?: string };
    return { version: p.version ?? '', license: p.license ?? '' };
  } catch {
    throw new Error(`credits: package ${name} is not installed; remove it from src/lib/credits.ts or install it`);
  }
}

export const CREDITS = ROLES.map(([name, role]) => ({ name, role, ...pkg(name) }));
