/**
 * RSS feed of the stories and their updates: one item per story (dated by its publication), plus one
 * item per correction, so subscribers see changes too.
 */
import rss, { type RSSFeedItem } from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getListedStories } from '../lib/content/stories.ts';
import { url } from '../lib/url.ts';

export const GET: APIRoute = async (context) => {
  const stories = await getListedStories();
  const site = context.site ?? new URL('https://example.org');
  const items: RSSFeedItem[] = stories.flatMap((s) => [
    {
      title: s.meta.headline,
      description: s.meta.dek,
      link: url(`${s.slug}/`),
      pubDate: new Date(`${s.meta.updated ?? s.meta.published}T00:00:00+08:00`),
      categories: ['通辽', '数据新闻'],
    },
    ...s.meta.corrections.map((c) => ({
      title: `更正：${s.meta.headline}`,
      description: c.text,
      link: url(`${s.slug}/#corrections`),
      pubDate: new Date(`${c.date}T00:00:00+08:00`),
    })),
  ]);
  return rss({
    title: '通辽：项目与产业',
    description: '通辽市2020—2025年项目建设、招商引资与产业发展的数据新闻系列。',
    site,
    items: items.sort((a, b) => (b.pubDate?.getTime() ?? 0) - (a.pubDate?.getTime() ?? 0)),
    customData: '<language>zh-CN</language>',
    trailingSlash: true,
  });
};
