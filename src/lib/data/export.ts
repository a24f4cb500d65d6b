/**
 * The files the site publishes for readers and other newsrooms: the dataset at an immutable
 * versioned URL, CSV exports of indicators and projects (one row per value, with provenance), the JSON
 * Schema, and SHA-256 checksums of all of them.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { Dataset as DatasetSchema, type Citation, type Dataset } from './schema.ts';
import { parsePeriod } from './period.ts';

export interface PublishedFile {
  name: string;
  type: string;
  body: string;
  /** What it holds, in Chinese, for the download list. */
  label: string;
}

/** RFC 4180 field: quoted when it holds a comma, quote or line break; a leading =+-@ is neutralised for spreadsheets. */
export function csvField(v: string | number | undefined | null): string {
  if (v === undefined || v === null) return '';
  let s = String(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(header: string[], rows: (string | number | undefined | null)[][]): string {
  // A byte-order mark so spreadsheet programs read the Chinese as UTF-8.
  return `\ufeff${[header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}

function citeColumns(ds: Dataset, cites: Citation[]): [string, string, string, string] {
  const src = (id: string) => ds.sources.find((s) => s.id === id);
  return [
    cites.map((c) => c.source).join(' | '),
    cites.map((c) => src(c.source)?.headline ?? '').join(' | '),
    cites.map((c) => src(c.source)?.sections.find((s) => s.id === c.section)?.title ?? c.section).join(' | '),
    cites.map((c) => c.printed + (c.derived ? `（${c.derived}）` : '')).join(' | '),
  ];
}

export function indicatorsCsv(ds: Dataset): string {
  const rows = ds.indicators.flatMap((ind) =>
    ind.observations.map((o) => [
      ind.id, ind.label, ind.unit, ind.scope, ind.topic, ind.project ?? '', ind.subject ?? '',
      o.period, parsePeriod(o.period).label, o.value, o.range?.low, o.range?.high, o.kind, o.approx ?? '', o.basis ?? '', o.baseline ?? '', o.note ?? '',
      ...citeColumns(ds, o.cite),
    ]),
  );
  return toCsv(
    ['indicator_id', 'label', 'unit', 'scope', 'topic', 'project', 'subject', 'period', 'period_label', 'value', 'range_low', 'range_high', 'kind', 'approx', 'basis', 'baseline', 'note', 'source_ids', 'source_headlines', 'sections', 'printed'],
    rows,
  );
}

export function projectsCsv(ds: Dataset): string {
  const rows = ds.projects.map((p) => {
    const cites = [...(p.investment?.cite ?? []), ...p.capacity.flatMap((c) => c.cite), ...(p.status?.cite ?? []), ...p.mentions];
    const unique = cites.filter((c, i) => cites.findIndex((d) => d.source === c.source && d.section === c.section && d.printed === c.printed) === i);
    return [
      p.id, p.name, p.short ?? '', p.company ?? '', p.region, p.precision, p.place ?? '', p.sector,
      p.investment?.value, p.investment?.approx ?? '',
      p.capacity.map((c) => `${c.what} ${c.value}${c.unit}${c.perYear ? '/年' : ''}`).join(' | '),
      p.status?.value ?? '', p.status?.period ?? '', p.note ?? '',
      ...citeColumns(ds, unique),
    ];
  });
  return toCsv(
    ['project_id', 'name', 'short_name', 'company', 'region', 'precision', 'place', 'sector', 'investment_yi_yuan', 'investment_approx', 'capacity', 'status', 'status_period', 'note', 'source_ids', 'source_headlines', 'sections', 'printed'],
    rows,
  );
}

/** The JSON Schema of the dataset, for users of the published files. */
export function jsonSchema(): string {
  const schema = z.toJSONSchema(DatasetSchema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' });
  return `${JSON.stringify({ $id: 'tongliao.schema.json', title: '通辽项目与产业数据集', ...schema }, null, 2)}\n`;
}

export function sha256(body: string): string {
  return createHash('sha256').update(body, 'utf8').digest('hex');
}

/** An earlier release kept in data/releases/ so that its versioned URL stays valid. */
export interface Release {
  version: string;
  /** The file as released, byte for byte. */
  text: string;
}

/**
 * Everything published under data/ in the built site. `datasetText` is the file as committed;
 * `releases` are earlier versions (data/releases/), published unchanged at their own versioned URLs.
 */
export function publishedFiles(ds: Dataset, datasetText: string, releases: Release[] = []): PublishedFile[] {
  const v = ds.version;
  const files: PublishedFile[] = [
    { name: `tongliao-${v}.json`, type: 'application/json', body: datasetText, label: `数据集 v${v}（JSON，含全部出处）` },
    ...releases
      .filter((r) => r.version !== v)
      .map((r) => ({ name: `tongliao-${r.version}.json`, type: 'application/json', body: r.text, label: `数据集 v${r.version}（旧版 JSON，原样保留；改动见更新记录）` })),
    { name: `tongliao-${v}-indicators.csv`, type: 'text/csv', body: indicatorsCsv(ds), label: '指标（CSV，每行一个数值及出处）' },
    { name: `tongliao-${v}-projects.csv`, type: 'text/csv', body: projectsCsv(ds), label: '项目（CSV）' },
    { name: 'tongliao.schema.json', type: 'application/schema+json', body: jsonSchema(), label: '数据结构说明（JSON Schema）' },
  ];
  const sums = files.map((f) => `${sha256(f.body)}  ${f.name}`).join('\n');
  return [...files, { name: 'SHA256SUMS', type: 'text/plain', body: `${sums}\n`, label: 'SHA-256 校验和' }];
}
