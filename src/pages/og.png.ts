/**
 * The front page's social image (and the default for pages without their own): the series name,
 * the span of the articles' inferred dates, and the overview map of where the stories look.
 */
import type { APIRoute } from 'astro';
import { parsePeriod } from '../lib/data/period.ts';
import { ogPng } from '../og/image.ts';
import { getSeries } from '../series/series.ts';
import { SITE_NAME } from '../lib/site.ts';

export const GET: APIRoute = async () => {
  const series = await getSeries();
  const dates = series.stories.map((s) => s.source.date).sort();
  const span = `${parsePeriod(dates[0] as string).label}至${parsePeriod(dates[dates.length - 1] as string).label}`;
  const png = ogPng({ kicker: '数据新闻系列', headline: SITE_NAME, meta: `依据的报道约刊于${span}`, graphic: series.map });
  return new Response(png, { headers: { 'content-type': 'image/png' } });
};
