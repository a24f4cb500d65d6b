/**
 * The semantic lint: does each value mean what the article says?
 *
 * The provenance check (provenance.ts) proves that a printed figure occurs in the cited section. This
 * lint reads the sentence around it and checks what the figure *is*:
 *
 * - `kind-cue`: the kind against the sentence's cues. Target cues (目标, 力争, 确保, 计划, 预期目标, 力促),
 *   forecast cues (预计, 有望, 将达, 可望, and "after completion" conditionals such as 建成投产后/将具备),
 *   actual cues (完成, 实现, 达到, 已, 累计, 截至…). A target needs a target cue (in the sentence or the
 *   section heading) or a period that was not over when the article appeared, and no forecast cue; a
 *   figure inside a long quotation (a company's own words) is not a target; a forecast needs a forecast
 *   cue or a quotation; an actual or growth value must not sit in a clause governed by a target or
 *   forecast cue, nor in a period that began after the article.
 * - `scope-region`: a county named in the clause of the figure (or before it in the sentence) against
 *   the indicator's scope.
 * - `scope-company`: a figure about one firm or project (`subject` / `project`) scoped to the whole city.
 * - `label-term`: for families of statistics that differ by a qualifier (贷款: 普惠金融 / 普惠型小微企业 /
 *   民营企业 / 科技金融; 固定资产投资: 工业 / 限额以上 / 民间 / 服务业), the qualifier printed with the
 *   figure against the one in the label.
 * - `range`: a printed range (…至…, …到…) stored as one number.
 * - Projects: `project-region` (the article names the project next to exactly one county, but it is
 *   placed city-wide or elsewhere), `project-status` (基本建成 recorded as completed; a later article
 *   reports a newer stage), `capacity-duplicate` (the same capacity twice: one row, many citations),
 *   `project-duplicate` (two rows that look like one project).
 *
 * A finding is fixed in the dataset, or kept with a `reviewed: [{ rule, reason }]` entry on the
 * observation, indicator or project; a review that no longer answers a finding is itself reported.
 */
import type { Dataset, Indicator, Observation, Project, Region, Source } from './schema.ts';
import type { JsonPath } from './validate.ts';
import { parsePeriod } from './period.ts';
import { sectionText, squash } from './provenance.ts';

export type SemanticRule =
  | 'kind-cue'
  | 'scope-region'
  | 'scope-company'
  | 'label-term'
  | 'range'
  | 'project-region'
  | 'project-status'
  | 'capacity-duplicate'
  | 'project-duplicate'
  | 'stale-review';

export interface Finding {
  rule: SemanticRule;
  /** Indicator or project id. */
  id: string;
  /** Period and kind of the observation, when the finding is about one. */
  period?: string;
  kind?: Observation['kind'];
  path: JsonPath;
  message: string;
  /** The sentence the finding is about (squashed), for the editor. */
  sentence?: string;
  /** When the finding was reviewed and kept: the recorded reason. */
  reviewed?: string;
}

export interface LintResult {
  /** Findings that are neither fixed nor reviewed: these fail `npm run check:data`. */
  open: Finding[];
  /** Findings kept with a recorded reason. */
  reviewed: Finding[];
}

export const TARGET_CUES = ['预期目标', '目标', '力争', '确保', '计划', '力促'] as const;
export const FORECAST_CUES = ['预计', '有望', '将达', '可望', '建成投产后', '达产后', '将具备'] as const;
export const ACTUAL_CUES = ['完成', '实现', '达到', '已', '累计', '截至', '截止', '以来', '目前'] as const;

/** Qualifier families: statistics that share a base noun and differ by the word in front of it. */
const FAMILIES: { base: RegExp; qualifiers: string[] }[] = [
  { base: /贷款/, qualifiers: ['普惠金融', '普惠型小微企业', '民营企业', '科技金融'] },
  { base: /固定资产投资|固投/, qualifiers: ['工业', '限额以上', '民间', '服务业'] },
];

/** Names a sentence may use for a region: full name, short name and the bare place name. */
export function regionNames(r: Region): string[] {
  const names = new Set([r.name, r.short]);
  if (r.id === 'etdz') return ['经济技术开发区'];
  const bare = r.name.replace(/(市|县|旗|区)$/, '');
  // "科尔沁" alone also names the sandy land, the grassland and a brand: only the district's full name counts.
  if (bare.length >= 2 && bare !== '科尔沁' && !bare.startsWith('科尔沁左翼')) names.add(bare);
  return [...names].filter((n) => n.length >= 2 && n !== '开发区');
}

const SENTENCE_END = /[。！？!?；;]/;
const CLAUSE_END = /[，,：:。！？!?；;]/;

interface Context {
  /** The sentence (squashed), its part before the figure, the figure's clause. */
  sentence: string;
  before: string;
  clause: string;
  /** The printed figure itself (it may carry a cue: 完成投资296亿元). */
  printed: string;
  heading: string;
  /** True when the figure sits inside a long quotation (someone's own words). */
  quoted: boolean;
}

/** The sentence around the first occurrence of `printed` in `text` (both squashed). */
export function contextOf(text: string, printed: string, heading = ''): Context | null {
  const at = text.indexOf(printed);
  if (at < 0) return null;
  let start = at;
  while (start > 0 && !SENTENCE_END.test(text[start - 1] as string)) start--;
  let end = at + printed.length;
  while (end < text.length && !SENTENCE_END.test(text[end] as string)) end++;
  let cStart = at;
  while (cStart > start && !CLAUSE_END.test(text[cStart - 1] as string)) cStart--;
  let cEnd = at + printed.length;
  while (cEnd < end && !CLAUSE_END.test(text[cEnd] as string)) cEnd++;
  // A quotation: the nearest “ before the figure is not closed before it, and the quote runs long.
  const open = text.lastIndexOf('“', at);
  const close = text.lastIndexOf('”', at);
  const closeAfter = text.indexOf('”', at);
  const quoted = open > close && closeAfter > at && closeAfter - open > 20;
  return { sentence: text.slice(start, end + 1), before: text.slice(start, at), clause: text.slice(cStart, cEnd), printed, heading, quoted };
}

const has = (s: string, cues: readonly string[]) => cues.find((c) => s.includes(c));

/** The last cue of any class in `s`, with its class. */
function lastCue(s: string): { cue: string; cls: 'target' | 'forecast' | 'actual' } | null {
  let best: { cue: string; cls: 'target' | 'forecast' | 'actual'; at: number } | null = null;
  const scan = (cues: readonly string[], cls: 'target' | 'forecast' | 'actual') => {
    for (const c of cues) {
      const at = s.lastIndexOf(c);
      if (at >= 0 && (best === null || at + c.length > best.at)) best = { cue: c, cls, at: at + c.length };
    }
  };
  scan(TARGET_CUES, 'target');
  scan(FORECAST_CUES, 'forecast');
  scan(ACTUAL_CUES, 'actual');
  return best ? { cue: (best as { cue: string }).cue, cls: (best as { cls: 'target' | 'forecast' | 'actual' }).cls } : null;
}

/** `YYYY-MM` of a source → the last day of that month, `YYYY-MM-DD`. */
function sourceDay(src: Source): string {
  return `${src.date}-28`;
}

/** Findings about one observation's kind, from one citation's sentence. */
export function kindFindings(o: Pick<Observation, 'kind' | 'period'>, ctx: Context, src: Source): string[] {
  const out: string[] = [];
  const p = parsePeriod(o.period);
  const day = sourceDay(src);
  const openAtPublication = p.end === null || p.end >= day.slice(0, 7);
  const targetCue = has(ctx.sentence, TARGET_CUES) ?? has(ctx.heading, TARGET_CUES);
  const forecastCue = has(ctx.sentence, FORECAST_CUES);
  if (o.kind === 'target') {
    if (forecastCue && !has(ctx.sentence, TARGET_CUES)) out.push(`the sentence forecasts ("${forecastCue}") but the value is recorded as a target; use kind "forecast"`);
    else if (ctx.quoted && !has(ctx.sentence, TARGET_CUES)) out.push('the figure is inside a quotation (someone\'s own estimate or account), not a goal set by the authorities; use "forecast" or "actual"');
    else if (!targetCue && !openAtPublication) out.push(`no target cue (${TARGET_CUES.join('/')}) and the period ${o.period} was over when the article appeared; is it an actual?`);
  } else if (o.kind === 'forecast') {
    if (!forecastCue && !ctx.quoted) out.push(`recorded as a forecast but the sentence has no forecast cue (${FORECAST_CUES.join('/')}) and is no quotation`);
  } else {
    const inClause = has(ctx.clause, TARGET_CUES) ?? has(ctx.clause, FORECAST_CUES);
    const last = lastCue(ctx.before + ctx.printed);
    if (inClause) out.push(`the figure's clause has the cue "${inClause}" but the value is recorded as ${o.kind}`);
    else if (last && last.cls !== 'actual') out.push(`the nearest cue before the figure is "${last.cue}" (${last.cls}) but the value is recorded as ${o.kind}`);
    if (p.start !== null && p.start > day) out.push(`an ${o.kind} value for ${o.period}, which began after the article (${src.date})`);
  }
  return out;
}

function qualifiersIn(s: string, family: (typeof FAMILIES)[number]): string[] {
  // Qualifiers directly in front of the base noun, including lists such as 民营企业、普惠金融贷款.
  const found: string[] = [];
  for (const m of s.matchAll(new RegExp(`((?:[^，,。；;：:]{0,12}?、)*[^，,。；;：:、]{0,12}?)(${family.base.source})`, 'g'))) {
    const lead = m[1] ?? '';
    for (const part of lead.split('、')) {
      const q = family.qualifiers.find((x) => part.endsWith(x) || part.endsWith(`${x}的`));
      if (q) found.push(q);
    }
  }
  return found;
}

/** The label-term finding for one observation, if any. */
export function labelTermFinding(label: string, ctx: Context): string | null {
  for (const fam of FAMILIES) {
    if (!fam.base.test(label)) continue;
    const want = qualifiersIn(label, fam)[0] ?? null;
    let got = qualifiersIn(ctx.clause, fam);
    if (got.length === 0 && !fam.base.test(ctx.clause)) got = qualifiersIn(ctx.before, fam);
    if (got.length === 0) {
      // The base has no qualifier next to the figure: the sentence's topic may still name one.
      const topic = fam.qualifiers.find((q) => ctx.before.includes(q) && !label.includes(q));
      if (topic && want === null) return `the sentence is about ${topic} ("…${ctx.before.slice(Math.max(0, ctx.before.indexOf(topic) - 6), ctx.before.indexOf(topic) + topic.length + 6)}…") but the label "${label}" is not`;
      continue;
    }
    if (want === null ? got.length > 0 : !got.includes(want)) {
      return `the sentence says ${got.join('/')}${fam.base.source.split('|')[0]} but the label "${label}" says ${want ?? '(no qualifier)'}`;
    }
  }
  return null;
}

const RANGE = /([0-9.]+|[一二两三四五六七八九十半]+个?半?)[^0-9，,。；;]{0,4}?(?:至|到|~|～)([0-9.]+|[一二两三四五六七八九十]+)/;

export interface LintInput {
  dataset: Dataset;
  /** The capture text of a source file, or null when it is not available. */
  read: (file: string) => string | null;
}

export function semanticLint({ dataset: ds, read }: LintInput): LintResult {
  const all: Finding[] = [];
  const sources = new Map(ds.sources.map((s) => [s.id, s]));
  const regionById = new Map(ds.regions.map((r) => [r.id, r]));
  const cache = new Map<string, string | null>();
  const sectionOf = (src: Source, section: string) => {
    const key = `${src.id}§${section}`;
    if (!cache.has(key)) {
      const text = read(src.file);
      cache.set(key, text === null ? null : squash(sectionText(src, section, text)));
    }
    return cache.get(key) ?? null;
  };
  const headingOf = (src: Source, section: string) => src.sections.find((s) => s.id === section)?.title ?? '';
  const regionsIn = (s: string) => ds.regions.filter((r) => regionNames(r).some((n) => s.includes(n)));
  const projects = new Map(ds.projects.map((p) => [p.id, p]));

  ds.indicators.forEach((ind, i) => {
    // scope-company: a firm's or a project's figure scoped to the whole city.
    if (ind.scope === 'city' && (ind.subject !== undefined || ind.project !== undefined)) {
      const pr = ind.project ? projects.get(ind.project) : undefined;
      const placed = pr && pr.region !== 'city' ? pr.region : null;
      all.push({
        rule: 'scope-company', id: ind.id, path: ['indicators', i, 'scope'],
        message: placed
          ? `a figure of project "${pr?.id}", which is in ${regionById.get(placed)?.name ?? placed}, is scoped to the whole city; set scope "${placed}"`
          : `a figure about ${ind.subject ?? `project "${ind.project}"`} is scoped to the whole city; set the county it is in, or record why it cannot be placed`,
      });
    }
    ind.observations.forEach((o, j) => {
      const path: JsonPath = ['indicators', i, 'observations', j];
      const seen = new Set<string>();
      const push = (rule: SemanticRule, message: string, sentence?: string) => {
        if (seen.has(`${rule}|${message}`)) return;
        seen.add(`${rule}|${message}`);
        all.push({ rule, id: ind.id, period: o.period, kind: o.kind, path, message, ...(sentence ? { sentence } : {}) });
      };
      for (const c of o.cite) {
        const src = sources.get(c.source);
        if (!src) continue;
        const text = sectionOf(src, c.section);
        if (text === null) continue;
        const ctx = contextOf(text, squash(c.printed), headingOf(src, c.section));
        if (!ctx) continue; // the provenance check reports it
        for (const m of kindFindings(o, ctx, src)) push('kind-cue', `${c.source} § ${c.section} "${c.printed}": ${m}`, ctx.sentence);
        const lt = labelTermFinding(ind.label, ctx);
        if (lt) push('label-term', `${c.source} § ${c.section} "${c.printed}": ${lt}`, ctx.sentence);
        const named = regionsIn(ctx.before + ctx.clause);
        if (ind.scope === 'city' && named.length > 0) {
          push('scope-region', `${c.source} § ${c.section} "${c.printed}": the sentence names ${named.map((r) => r.name).join('、')} but the scope is the whole city`, ctx.sentence);
        } else if (ind.scope !== 'city' && named.length > 0 && !named.some((r) => r.id === ind.scope || r.within === ind.scope)) {
          push('scope-region', `${c.source} § ${c.section} "${c.printed}": the sentence names ${named.map((r) => r.name).join('、')} but the scope is ${regionById.get(ind.scope)?.name ?? ind.scope}`, ctx.sentence);
        }
        if (!o.range && RANGE.test(c.printed)) push('range', `${c.source} § ${c.section} "${c.printed}" is a range, stored as the single number ${o.value}; store it as { low, high }`);
      }
    });
  });

  // Projects.
  const laterThan = (a: string, b: string) => (sources.get(a)?.date ?? '') > (sources.get(b)?.date ?? '');
  const STAGE_WORDS = ['试通水', '通水', '投产', '建成', '竣工', '通车', '运营', '并网', '开街', '下线'];
  ds.projects.forEach((p, i) => {
    const path: JsonPath = ['projects', i];
    const add = (rule: SemanticRule, message: string, sentence?: string) => all.push({ rule, id: p.id, path, message, ...(sentence ? { sentence } : {}) });
    // project-region: wherever the articles name the project, the counties named with it.
    const names = projectNames(p, ds);
    const places = new Map<string, string>();
    for (const src of ds.sources) {
      const text = sectionOf(src, '');
      if (text === null) continue;
      for (const sentence of text.split(SENTENCE_END)) {
        const name = names.find((n) => sentence.includes(n));
        if (!name) continue;
        // The county goes with the list item that names the project (科尔沁区龙马…项目、扎鲁特旗扎铝…), or, when
        // the project is listed after the sentence's first clause, with that clause's subject
        // (开鲁县壮大…集群,因地制宜引进圣达、玉玉、善和…).
        const items = sentence.split(/[，,、]|以及/);
        const item = items.find((x) => x.includes(name)) ?? '';
        const first = sentence.split(/[，,]/)[0] ?? '';
        let named = regionsIn(item);
        if (named.length === 0 && !first.includes(name)) named = regionsIn(first);
        if (named.length === 1) places.set((named[0] as Region).id, `${src.id}: "${name}" in "${sentence.slice(0, 60)}…"`);
      }
    }
    const within = (id: string) => regionById.get(id)?.within;
    const other = [...places.entries()].filter(([r]) => r !== p.region && within(r) !== p.region && !(p.region === 'etdz' && r === within('etdz')));
    if (places.size === 1 && other.length === 1) {
      const [r, where] = other[0] as [string, string];
      add('project-region', `the article names it with ${regionById.get(r)?.name} only (${where}), but it is placed in ${p.region === 'city' ? 'the whole city' : regionById.get(p.region)?.name}`);
    }
    // project-status
    if (p.status) {
      if (p.status.value === 'completed' && p.status.cite.some((c) => c.printed.includes('基本'))) {
        add('project-status', `status "completed" but the print says "${p.status.cite.find((c) => c.printed.includes('基本'))?.printed}": 基本建成 is not completed; use "basically-completed"`);
      }
      const statusSources = p.status.cite.map((c) => c.source);
      const newer = [...p.mentions, ...p.capacity.flatMap((c) => c.cite), ...(p.investment?.cite ?? [])].find(
        (c) => statusSources.every((s) => laterThan(c.source, s)) && STAGE_WORDS.some((w) => c.printed.includes(w)),
      );
      if (newer) add('project-status', `a later article (${newer.source}, "${newer.printed}") reports a stage the status (${p.status.value}, ${p.status.period}, from ${statusSources.join('/')}) does not; update the status`);
    }
    // capacity-duplicate
    p.capacity.forEach((a, j) =>
      p.capacity.slice(j + 1).forEach((b) => {
        const same = a.what.includes(b.what) || b.what.includes(a.what);
        if (a.value === b.value && a.unit === b.unit && same) add('capacity-duplicate', `capacities "${a.what}" and "${b.what}" are both ${a.value}${a.unit}: one capacity, printed in two articles, is one row with two citations`);
      }),
    );
  });
  // project-duplicate: two rows with the same name stem, same sector, no figures that tell them apart.
  const stem = (p: Project) => p.name.replace(/^(内蒙古|通辽市?|科左后旗|霍林郭勒)/, '').slice(0, 2);
  const bare = (p: Project) => !p.investment && p.capacity.length === 0;
  ds.projects.forEach((a, i) =>
    ds.projects.slice(i + 1).forEach((b) => {
      if (a.sector !== b.sector || stem(a) !== stem(b) || !bare(a) || !bare(b)) return;
      if (/[二三四]期/.test(a.name + b.name)) return; // a later phase is a project of its own
      all.push({ rule: 'project-duplicate', id: b.id, path: ['projects', i], message: `"${a.name}" (${a.id}) and "${b.name}" (${b.id}) look like one project (same stem "${stem(a)}", same sector, no figure tells them apart); merge them, or record why they differ` });
    }),
  );

  return applyReviews(ds, all);
}

/** The names a sentence may use for a project: its name, its aliases, its company's short name. */
export function projectNames(p: Project, ds: Dataset): string[] {
  const names = new Set<string>([p.name, ...(p.aliases ?? [])]);
  if (p.company) {
    const core = p.company.replace(/^内蒙古|^\([^)]*\)|（[^）]*）/g, '').replace(/(股份)?(有限责任公司|有限公司|集团|公司)$/, '');
    if (core.length >= 4) names.add(core);
  }
  // Name variants recorded as errata (e.g. 善和 for 善合).
  for (const e of ds.errata) {
    if (!e.affects.includes(p.id) || e.kind === 'ambiguity') continue;
    for (const part of e.printed.split(/[、；;，,\s]+/)) if (part.length >= 2 && part.length <= 4) names.add(part);
  }
  return [...names].filter((n) => n.length >= 2);
}

function reviewsOf(ds: Dataset, f: Finding): { reason: string; rule: string }[] {
  const [kind, i, sub, j] = f.path as [string, number, string?, number?];
  if (kind === 'indicators') {
    const ind = ds.indicators[i] as Indicator;
    if (sub === 'observations' && j !== undefined) return ind.observations[j]?.reviewed ?? [];
    return ind.reviewed ?? [];
  }
  if (kind === 'projects') return (ds.projects[i] as Project).reviewed ?? [];
  return [];
}

function applyReviews(ds: Dataset, all: Finding[]): LintResult {
  const open: Finding[] = [];
  const reviewed: Finding[] = [];
  const used = new Set<string>();
  for (const f of all) {
    const r = reviewsOf(ds, f).find((x) => x.rule === f.rule);
    if (r) {
      reviewed.push({ ...f, reviewed: r.reason });
      used.add(`${f.path.slice(0, f.path[0] === 'indicators' && f.path[2] === 'observations' ? 4 : 2).join('.')}|${f.rule}`);
    } else open.push(f);
  }
  // Reviews that no longer answer a finding.
  const stale = (path: JsonPath, id: string, list: { rule: string }[] | undefined) =>
    list?.forEach((r, k) => {
      if (!used.has(`${path.join('.')}|${r.rule}`)) open.push({ rule: 'stale-review', id, path: [...path, 'reviewed', k], message: `the review of "${r.rule}" answers no finding any more; remove it` });
    });
  ds.indicators.forEach((ind, i) => {
    stale(['indicators', i], ind.id, ind.reviewed);
    ind.observations.forEach((o, j) => stale(['indicators', i, 'observations', j], ind.id, o.reviewed));
  });
  ds.projects.forEach((p, i) => stale(['projects', i], p.id, p.reviewed));
  return { open, reviewed };
}
