/**
 * The dataset's shape, split by topic. Every field has a doc comment (for editors' tooling) and a
 * `.describe()` (for the published JSON Schema). Cross-references (a citation's source, a project's
 * region…) are checked after parsing, in `validate.ts`, because zod sees one value at a time.
 */
import { z } from 'zod';
import { UNIT_NAMES } from './units.ts';
import { isPeriod } from './period.ts';

const kebab = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A lower-case, dash-separated identifier that editors type in MDX, e.g. `gdp` or `industrial-va-growth`. */
export const Id = z
  .string()
  .regex(kebab, 'ids are lower-case letters, digits and single dashes, e.g. "industrial-va-growth"')
  .describe('Lower-case kebab-case identifier, e.g. "industrial-va-growth".');

/** A period string such as `2024`, `2025Q1`, `2025Q1-Q3`, `2021/`, `FYP14` (see period.ts). */
export const PeriodString = z
  .string()
  .refine(isPeriod, {
    message: 'not a period; use e.g. 2024, 2025Q1, 2025Q1-Q3, 2022H1, 2022-10, 2021-09-25, 2021/2024, 2021/, FYP14, FYP14/ or current',
  })
  .describe('Period: 2024, 2025Q1, 2025Q1-Q3, 2022H1, 2022-10, 2021-09-25, 2021/2024, 2021/ (since), FYP14, FYP14/ or current.');

/** One of the known units (units.ts). */
export const UnitName = z
  .enum(UNIT_NAMES as [string, ...string[]])
  .describe('Unit of the value, from the fixed list in src/lib/data/units.ts.');

// ---------------------------------------------------------------------------------------------
// Provenance

/** Where a value was printed: the article, its section, and the figure exactly as printed. */
export const Citation = z
  .strictObject({
    /** Id of the article in `sources`. */
    source: Id.describe('Id of the article in `sources`.'),
    /** Id of the section of that article (see the source's `sections`). */
    section: Id.describe("Id of the section of that article (see the source's `sections`)."),
    /** The figure exactly as printed, e.g. "1686亿元" or "超1500个". Short: a figure, not a sentence. */
    printed: z
      .string()
      .min(1)
      .max(40, 'keep locators short: the figure as printed, not the sentence')
      .describe('The figure exactly as printed, e.g. "1686亿元". Short: a figure, not a sentence.'),
    /**
     * When the value is not literally the printed number (derived, converted or corrected), say how.
     * Without it, validation requires the value to appear in `printed`.
     */
    derived: z
      .string()
      .min(1)
      .optional()
      .describe('How the value follows from the printed figure when it is not the printed number itself.'),
  })
  .describe('Provenance of one value.');

/** How exact a printed figure is. */
export const Approx = z
  .enum(['over', 'nearly', 'about', 'at-least', 'plus'])
  .describe('over = 超/突破/逾; nearly = 近/接近; about = 约/左右; at-least = …以上; plus = …余/…多.');

/** What a value is. */
export const Kind = z
  .enum(['actual', 'target', 'forecast', 'growth'])
  .describe('actual = a realised level or count; target = a plan or goal set by the authorities (目标/力争/确保/计划); forecast = an expectation, by the article or a company, of a level or rate (预计/有望/将达/可望), shown as 预计; growth = a realised rate of change.');

/** Kinds in words, as readers see them (data page, chart legends and tables). */
export const KIND_WORDS = { actual: '实绩', target: '目标', forecast: '预计', growth: '增速' } as const satisfies Record<z.infer<typeof Kind>, string>;

/** A range printed as a range ("一个半月到两个月", "2亿元至4亿元"): both ends, in the indicator's unit. */
export const Range = z
  .strictObject({
    low: z.number().finite().describe('Lower end of the printed range.'),
    high: z.number().finite().describe('Upper end of the printed range.'),
  })
  .refine((r) => r.low < r.high, { message: 'a range needs low < high' })
  .describe('A range as printed, e.g. 1.5 to 2 (months).');

/**
 * A semantic-lint finding that was reviewed and kept: the sentence around the figure carries a cue
 * that seems to contradict the value's kind or scope, and an editor checked that the value is right.
 */
export const Reviewed = z
  .strictObject({
    /** The lint rule the review answers, e.g. `kind-cue` or `scope-region` (see src/lib/data/semantic.ts). */
    rule: z
      .enum(['kind-cue', 'scope-region', 'scope-company', 'label-term', 'range', 'project-region', 'project-status', 'capacity-duplicate', 'project-duplicate'])
      .describe('The semantic-lint rule this review answers.'),
    /** Why the value is right as recorded (Chinese or English, one sentence). */
    reason: z.string().min(8).describe('Why the value is right as recorded despite the cue.'),
  })
  .describe('A reviewed semantic-lint finding, kept with a reason.');

/** How a growth rate or change is measured. */
export const Basis = z
  .enum(['yoy', 'annual-avg', 'vs-period', 'change'])
  .describe('yoy = 同比 (on the same period a year earlier); annual-avg = 年均; vs-period = compared with `baseline`; change = absolute change against `baseline`.');

// ---------------------------------------------------------------------------------------------
// Sources

/** One section of an article, in reading order. */
export const Section = z.strictObject({
  /** Id used by citations, e.g. `s1`, `lead`, `captions`. */
  id: Id.describe('Id used by citations, e.g. s1, lead, captions.'),
  /** The section heading as printed (headings are short), or a description for lead/captions. */
  title: z.string().min(1).describe('Section heading as printed, or a description such as "导语" or "图片说明".'),
  /** First line of the section in the capture (1-based); it runs to the next section with a line. Photo captions, scattered through a page, have none. */
  line: z.int().positive().optional().describe('First line of the section in the capture; absent for scattered photo captions.'),
});

/** One of the six newspaper articles. */
export const Source = z.strictObject({
  /** Short id, e.g. `goals-2025`. */
  id: Id.describe('Short id, e.g. goals-2025.'),
  /** The main headline as printed (subtitles are left out to keep quotations short). */
  headline: z.string().min(1).describe('Main headline as printed.'),
  /** Authors as printed; empty when no byline was printed. */
  byline: z.array(z.string().min(1)).describe('Authors as printed; empty when none was printed.'),
  /** File name of the capture in the shared sources folder. */
  file: z.string().regex(/^\d{3}_[0-9a-f]{16}\.txt$/).describe('File name of the text capture.'),
  /** First and last line (1-based, inclusive) of this article in the file; files may hold two articles. */
  lines: z
    .tuple([z.int().positive(), z.int().positive()])
    .refine(([a, b]) => a <= b, 'the first line must not come after the last')
    .describe('First and last line (1-based, inclusive) of the article in the file.'),
  /** Publication date is not printed: our best estimate, as YYYY-MM. */
  date: z.string().regex(/^\d{4}-\d{2}$/).describe('Best-estimate publication month, YYYY-MM (not printed).'),
  /** Why we believe that date. Always shown next to the date. */
  dateNote: z.string().min(1).describe('Why the date is believed; shown with the date.'),
  /** Page as printed, when the capture shows it. */
  page: z.string().min(1).optional().describe('Page as printed, when the capture shows it.'),
  /** The article's sections, in order. */
  sections: z.array(Section).min(1).describe("The article's sections, in reading order."),
});

// ---------------------------------------------------------------------------------------------
// Regions

/** A county-level division of Tongliao, or the economic development zone. */
export const Region = z.strictObject({
  /** The 6-digit code for counties; `etdz` for the development zone. */
  id: z
    .string()
    .regex(/^(?:1505\d{2}|etdz)$/, 'region ids are 6-digit codes starting 1505, or "etdz"')
    .describe('6-digit administrative code, or "etdz" for the development zone.'),
  /** The administrative code, or null for the development zone, which has none. */
  code: z.string().regex(/^\d{6}$/).nullable().describe('Administrative code, or null (the development zone has none).'),
  /** Full Chinese name. */
  name: z.string().min(1).describe('Full Chinese name.'),
  /** Short Chinese name for labels, e.g. 科左中旗. */
  short: z.string().min(1).describe('Short Chinese name for map labels.'),
  /** English / pinyin name. */
  nameEn: z.string().min(1).describe('English or pinyin name.'),
  /** Administrative type. */
  type: z.enum(['区', '旗', '县', '县级市', '开发区']).describe('Administrative type.'),
  /** Seat (or, for the zone, a representative point), WGS84. */
  seat: z
    .strictObject({
      name: z.string().min(1),
      lon: z.number().min(119).max(124),
      lat: z.number().min(42).max(46),
    })
    .describe('Seat town with WGS84 longitude/latitude.'),
  /** For the zone: the region that contains it. */
  within: z.string().optional().describe('Id of the containing region (the zone lies in 科尔沁区).'),
});

// ---------------------------------------------------------------------------------------------
// Indicators

/** One value of an indicator in one period. */
export const Observation = z.strictObject({
  /** When the value applies. */
  period: PeriodString,
  /** The number, in the indicator's unit. Negative for declines. Absent when the article prints a range (see `range`). */
  value: z.number().finite().optional().describe("The number in the indicator's unit; absent when a range was printed."),
  /** A range as printed (low/high), instead of `value`. */
  range: Range.optional(),
  /** actual, target, forecast or growth. */
  kind: Kind,
  /** How exact the printed figure is; absent when printed as an exact figure. */
  approx: Approx.optional(),
  /** For growth rates and changes: what they are measured against. */
  basis: Basis.optional(),
  /** For `vs-period` and `change`: the period compared with. */
  baseline: PeriodString.optional(),
  /** One or more citations; several when more than one article prints the figure. */
  cite: z.array(Citation).min(1).describe('Citations; more than one when several articles print the figure.'),
  /** Anything a reader should know about this value. */
  note: z.string().min(1).optional().describe('Anything a reader should know about this value.'),
  /** Semantic-lint findings reviewed and kept, with the reason. */
  reviewed: z.array(Reviewed).optional().describe('Semantic-lint findings reviewed and kept, each with its reason.'),
}).refine((o) => (o.value === undefined) !== (o.range === undefined), {
  message: 'give exactly one of "value" (a number) or "range" ({ low, high }, for a printed range)',
});

export const TOPICS = {
  economy: '经济总量',
  investment: '投资与项目',
  attraction: '招商引资',
  industry: '工业',
  energy: '能源',
  agriculture: '农牧业',
  services: '服务业',
  consumption: '消费',
  environment: '生态环境',
  urban: '城乡建设',
  livelihood: '民生',
  innovation: '科技创新',
  finance: '金融财政',
  reform: '改革与营商环境',
  opening: '开放合作',
} as const;

/** A time series or a single figure. */
export const Indicator = z.strictObject({
  /** Id editors use in MDX, e.g. `gdp`. */
  id: Id,
  /** Chinese label, e.g. 地区生产总值. */
  label: z.string().min(1).describe('Chinese label.'),
  /** Shorter Chinese label for chart axes, when the label is long. */
  short: z.string().min(1).optional().describe('Shorter Chinese label for charts.'),
  /** Unit of every observation. */
  unit: UnitName,
  /** `city` for city-wide figures, or a region id. */
  scope: z.string().describe('"city" or a region id.'),
  /** Topic, for grouping on the data page. */
  topic: z.enum(Object.keys(TOPICS) as [keyof typeof TOPICS, ...(keyof typeof TOPICS)[]]).describe('Topic, for grouping.'),
  /** The project this figure belongs to, if any. */
  project: Id.optional().describe('Id of the project the figure belongs to, if any.'),
  /** The company or body the figure is about, when it is not the city or a region as a whole. */
  subject: z.string().min(1).optional().describe('Company or body the figure is about, if not a whole region.'),
  /** The observations, any order (sorted on load). */
  observations: z.array(Observation).min(1, 'an indicator needs at least one observation').describe('The values.'),
  /** Definition or caveat. */
  note: z.string().min(1).optional().describe('Definition or caveat.'),
  /** Semantic-lint findings about the indicator as a whole (its scope) reviewed and kept, with the reason. */
  reviewed: z.array(Reviewed).optional().describe('Semantic-lint findings about the scope, reviewed and kept.'),
});

// ---------------------------------------------------------------------------------------------
// Projects

export const SECTORS = {
  aluminium: '铝基新材料',
  nickel: '镍基新材料（不锈钢）',
  silicon: '硅基新材料',
  carbon: '碳基新材料',
  'corn-bio': '玉米合成生物',
  pharma: '医药（含中蒙医药）',
  agrifood: '绿色农畜产品加工',
  'wind-equipment': '新能源装备制造',
  'new-energy': '新能源（风光储氢）',
  power: '火电与电网',
  chemicals: '化工',
  mining: '矿业',
  services: '服务业与物流',
  infrastructure: '基础设施',
  water: '水利',
  urban: '城市更新与住房',
  digital: '数字经济',
  'low-altitude': '低空经济',
  innovation: '科技创新与未来产业',
} as const;

/** A capacity of a project, e.g. 年产2000台整机. */
export const Capacity = z.strictObject({
  /** What is produced or installed, in Chinese, e.g. 电解铝, 整机, 光伏组件. */
  what: z.string().min(1).describe('What is produced or installed.'),
  value: z.number().positive(),
  unit: UnitName,
  /** Per year unless said otherwise. */
  perYear: z.boolean().describe('True when it is an annual output capacity.'),
  approx: Approx.optional(),
  cite: z.array(Citation).min(1),
});

/** A money figure of a project, in 亿元. */
export const ProjectMoney = z.strictObject({
  value: z.number().positive(),
  unit: z.literal('亿元'),
  approx: Approx.optional(),
  cite: z.array(Citation).min(1),
});

/**
 * Where a project stands, as the latest article says: planned (谋划/计划建设/推进前期), signed (签约),
 * under-construction (在建/开工), basically-completed (基本建成: not yet finished), trial-run (试通水/试运行),
 * operating (投产/运营/开街), completed (建成/竣工/通车).
 */
export const Status = z
  .enum(['planned', 'signed', 'under-construction', 'basically-completed', 'trial-run', 'operating', 'completed'])
  .describe('planned = 谋划/计划; signed = 签约; under-construction = 在建; basically-completed = 基本建成 (not completed); trial-run = 试通水/试运行; operating = 投产/运营; completed = 建成/竣工/通车.');

/** Status in words, as readers see them. */
export const STATUS_WORDS = {
  planned: '谋划', signed: '签约', 'under-construction': '在建', 'basically-completed': '基本建成', 'trial-run': '试运行（试通水）', operating: '投产', completed: '建成',
} as const satisfies Record<z.infer<typeof Status>, string>;

/** Longest name a map prints beside a project's circle (at the map's label size it still fits a phone). */
export const MAP_NAME_MAX = 8;

/** A named investment project. */
export const Project = z.strictObject({
  id: Id,
  /** Short Chinese name for labels, e.g. 龙马高端装备制造基地. */
  name: z.string().min(1).describe('Short Chinese name for labels and maps.'),
  /**
   * The name a map prints beside the project's circle: 2–8 characters, our own wording drawn from
   * `name` (e.g. 龙马基地), never a new fact. Without it a map prints `name`, and a name longer than
   * 8 characters stops the build (src/map/check.ts).
   */
  short: z.string().min(2).max(MAP_NAME_MAX, 'a short name has at most 8 characters (it is printed on the map)').optional().describe('Reader-facing short name printed on maps (2–8 characters), drawn from `name`.'),
  /** The company, as printed, when given. */
  company: z.string().min(1).optional().describe('Company as printed, when given.'),
  /** Region id where the project is, as the articles state it; `city` when they do not say (or it spans the city). */
  region: z.string().describe('Region id, or "city" when the articles do not place it (or it spans several counties).'),
  /** How precisely the location is known: city (not placed), county (only the county), park (a named industrial park), zone (the development zone). */
  precision: z.enum(['city', 'county', 'park', 'zone']).describe('How precisely the location is known.'),
  /** The industrial park or place as printed, when given. */
  place: z.string().min(1).optional().describe('Industrial park or place as printed, when given.'),
  /** Industry chain. */
  sector: z.enum(Object.keys(SECTORS) as [keyof typeof SECTORS, ...(keyof typeof SECTORS)[]]),
  /** Total investment. */
  investment: ProjectMoney.optional(),
  /** Capacities, as printed. */
  capacity: z.array(Capacity).default([]),
  /** Latest status the articles report, with the period it applies to. */
  status: z
    .strictObject({
      value: Status,
      period: PeriodString,
      cite: z.array(Citation).min(1),
    })
    .optional(),
  /** Other names the articles print for it (short names, variants), used by the semantic lint to find it in the text. */
  aliases: z.array(z.string().min(2)).optional().describe('Other names printed for the project, e.g. company short names.'),
  /** Articles that mention the project, when no figure of it is cited. */
  mentions: z.array(Citation).default([]).describe('Citations of mentions that carry no figure.'),
  note: z.string().min(1).optional(),
  /** Semantic-lint findings about the project reviewed and kept, with the reason. */
  reviewed: z.array(Reviewed).optional().describe('Semantic-lint findings about the project, reviewed and kept.'),
});

// ---------------------------------------------------------------------------------------------
// Milestones and errata

/** A dated event: a meeting, a start of construction, a move of headquarters. */
export const Milestone = z.strictObject({
  id: Id,
  /** When it happened (a day, month, or range). */
  period: PeriodString,
  /** What happened, in our own words (Chinese). */
  label: z.string().min(1).describe('What happened, in our own words.'),
  project: Id.optional(),
  region: z.string().optional(),
  cite: z.array(Citation).min(1),
});

/** A known problem in a source, and what the dataset does about it. */
export const Erratum = z.strictObject({
  id: Id,
  source: Id,
  /** capture = OCR/capture defect; inconsistency = figures that disagree; ambiguity = unclear meaning. */
  kind: z.enum(['capture', 'inconsistency', 'ambiguity']),
  /** The text as printed (short). */
  printed: z.string().min(1).max(60),
  /** What we read instead, when corrected. */
  correction: z.string().min(1).optional(),
  /** corrected, kept as printed, or excluded from the dataset. */
  resolution: z.enum(['corrected', 'kept', 'excluded']),
  /** Why (Chinese, shown on the method page). */
  note: z.string().min(1),
  /** Indicator, project or milestone ids the erratum affects. */
  affects: z.array(Id).default([]),
  /** For an inconsistency: the values that disagree, linked (indicator id with period). */
  values: z
    .array(z.strictObject({ indicator: Id, period: PeriodString }))
    .optional()
    .describe('For inconsistencies: the values that disagree, each as indicator id and period.'),
});

// ---------------------------------------------------------------------------------------------
// The dataset

export const Dataset = z.strictObject({
  $schema: z.string().optional(),
  /** Dataset id, used in file names: tongliao-<version>.json. */
  id: Id,
  /** Chinese title. */
  title: z.string().min(1),
  /** Semantic version; bump with `npm run release:data`. */
  version: z.string().regex(/^\d+\.\d+\.\d+$/, 'version must be semver, e.g. 1.2.0'),
  /** Release date, YYYY-MM-DD. */
  released: z.iso.date(),
  /** What the dataset is and is not. */
  description: z.string().min(1),
  /** Licence of the dataset compilation. */
  license: z.string().min(1),
  sources: z.array(Source).min(1),
  regions: z.array(Region).min(1),
  indicators: z.array(Indicator).min(1),
  projects: z.array(Project).default([]),
  milestones: z.array(Milestone).default([]),
  errata: z.array(Erratum).default([]),
});

export type Citation = z.infer<typeof Citation>;
export type Source = z.infer<typeof Source>;
export type Region = z.infer<typeof Region>;
export type Observation = z.infer<typeof Observation>;
export type Indicator = z.infer<typeof Indicator>;
export type Project = z.infer<typeof Project>;
export type Capacity = z.infer<typeof Capacity>;
export type Milestone = z.infer<typeof Milestone>;
export type Erratum = z.infer<typeof Erratum>;
export type Dataset = z.infer<typeof Dataset>;
export type Topic = keyof typeof TOPICS;
export type Sector = keyof typeof SECTORS;
