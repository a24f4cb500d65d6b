/**
 * The whole vocabulary of an MDX chapter: these components and plain Markdown. Anything else
 * (other elements, imports, exports, JavaScript expressions, event handlers, javascript: links) fails
 * the content check with the file and line. `src/mdx.ts` maps the names to components.
 */

export interface PropSpec {
  /** Required unless false. */
  required: boolean;
  /** What the value must look like; checked on the literal string. */
  pattern?: RegExp;
  /** Allowed values, when a closed list. */
  oneOf?: readonly string[];
  /** Shown in messages: what the prop is for, with an example. */
  doc: string;
}

export interface ComponentSpec {
  props: Record<string, PropSpec>;
  /** Whether the component wraps text (Step) or stands alone (V). */
  children: 'none' | 'text' | 'steps';
  /** The component it must sit directly inside, if any. */
  parent?: string;
  /** One-line description for the editors' guide and messages. */
  doc: string;
}

const id = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const VOCABULARY = {
  V: {
    doc: 'a figure from the dataset, e.g. <V id="gdp" period="2024" /> or <V project="longma-base" field="investment" />',
    children: 'none',
    props: {
      id: { required: false, pattern: id, doc: 'indicator id from the dataset, e.g. "gdp" (or use project="…")' },
      period: { required: false, doc: 'period of the value, e.g. "2024", "2025Q1", "2021/"' },
      kind: { required: false, oneOf: ['actual', 'target', 'forecast', 'growth'], doc: 'actual, target, forecast or growth, when a period has more than one' },
      project: { required: false, pattern: id, doc: 'project id from the dataset, e.g. "longma-base" (instead of id="…")' },
      field: { required: false, oneOf: ['investment', 'capacity'], doc: 'with project: "investment" (total investment) or "capacity"' },
      what: { required: false, doc: 'with field="capacity", when the project has several: what is produced, as in the dataset, e.g. "风电整机"' },
    },
  },
  Scrolly: {
    doc: 'a scrolly section: a sticky graphic beside a column of <Step>s',
    children: 'steps',
    props: {
      label: { required: false, doc: 'a short name for the section, read by screen readers, e.g. "增速变化"' },
    },
  },
  Step: {
    doc: 'one step of a scrolly section, declaring the whole state of the graphic',
    children: 'text',
    parent: 'Scrolly',
    props: {
      id: { required: true, pattern: id, doc: 'unique within the story, used for #links, e.g. "growth-2024"' },
      graphic: { required: true, pattern: id, doc: 'graphic id from this chapter\'s graphics:, e.g. "growth"' },
      state: { required: true, pattern: id, doc: 'state of that graphic, e.g. "latest"' },
      summary: { required: true, doc: 'one line for screen readers saying what the graphic now shows' },
    },
  },
  Figure: {
    doc: 'a static graphic in the flow of the text',
    children: 'none',
    props: {
      graphic: { required: true, pattern: id, doc: 'graphic id from this chapter\'s graphics:' },
      state: { required: true, pattern: id, doc: 'state of that graphic' },
      summary: { required: true, doc: 'one line for screen readers saying what the graphic shows' },
      caption: { required: false, doc: 'a caption under the graphic' },
    },
  },
} as const satisfies Record<string, ComponentSpec>;

export type ComponentName = keyof typeof VOCABULARY;
export const COMPONENT_NAMES = Object.keys(VOCABULARY) as ComponentName[];
