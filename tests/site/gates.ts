/**
 * The checking logic of the accessibility and HTML-validity gates, shared by the tests over the built
 * site (a11y.test.ts, html.test.ts) and by the tests that show each gate rejects a bad page
 * (tests/fixtures/gates/): the same functions decide in both, so a gate that passes the site has been
 * seen to fail.
 */
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import type { AxeResults } from 'axe-core';
import type { Page } from 'playwright-core';
import { frames, TEST_DIST } from '../../scripts/lib/browser.ts';

/** One built page: its path under the base (`''` for the front page, `data/`…) and its file. */
export interface BuiltPage {
  path: string;
  file: string;
}

/**
 * Every HTML page of a build, found on disk (not from a list), so a new story or page is covered as
 * soon as it is built. `dir/index.html` is served as `dir/`.
 */
export function builtPages(dist = TEST_DIST): BuiltPage[] {
  const out: BuiltPage[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.name.endsWith('.html')) {
        const rel = relative(dist, full).split(sep).join('/');
        out.push({ path: rel === 'index.html' ? '' : rel.replace(/(^|\/)index\.html$/, '$1'), file: full });
      }
    }
  };
  walk(dist);
  return out.sort((a, b) => a.path.localeCompare(b.path));
}

// ---- Accessibility: axe-core ----

/** A serious or critical axe violation: rule id, impact, and the elements it failed on. */
export interface AxeProblem {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

export const GATED_IMPACTS = ['serious', 'critical'];

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe-core (all of its default rules) on the page, or only inside `include` (a CSS selector), and
 * returns the violations the gate counts: serious and critical ones.
 *
 * axe is injected once per document and run directly rather than through @axe-core/playwright's
 * AxeBuilder, which re-injects axe and opens a blank page to merge results on every call: with one
 * run per scrolly step that cost more than the checks. The site has no iframes, the one thing
 * AxeBuilder adds; a page with one fails here rather than going unchecked.
 */
export async function axeProblems(page: Page, include?: string): Promise<AxeProblem[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async (include) => {
    if (document.querySelector('iframe, frame')) throw new Error('axeProblems does not check inside frames');
    const axe = (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<AxeResults> } }).axe;
    const result = await axe.run(include ? { include: [include] } : document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? '',
      help: v.help,
      targets: v.nodes.map((n) => n.target.map(String).join(' ')),
    }));
  }, include ?? null);
  return violations.filter((v) => GATED_IMPACTS.includes(v.impact));
}

/**
 * axe read twice: only a violation found in both reads counts (by rule and element); a clean first
 * read is final. Used after each scrolly step: right after a layer swap on a loaded machine, axe's
 * first read now and then reports the new layer's source links as having no visible text, and the
 * next read of the same, unchanged section does not; a controller arriving during a read (a chart
 * syncing its parts, the live map) likewise leaves axe reading detached nodes. A real violation is
 * a property of the page's state and is found both times.
 */
export async function axeConfirmed(page: Page, include?: string): Promise<AxeProblem[]> {
  const first = await axeProblems(page, include);
  if (first.length === 0) return [];
  await frames(page);
  const again = await axeProblems(page, include);
  return again
    .map((p) => ({ ...p, targets: p.targets.filter((t) => first.some((f) => f.id === p.id && f.targets.includes(t))) }))
    .filter((p) => p.targets.length > 0);
}

/** Problems in one line each, for assertion messages: `color-contrast (serious): #a, .b  — help`. */
export function describeAxe(where: string, problems: AxeProblem[]): string {
  if (problems.length === 0) return `${where}: no serious or critical axe violations`;
  return [
    `${where}: ${problems.length} serious/critical axe violation(s)`,
    ...problems.map(
      (p) =>
        `  ${p.id} (${p.impact}): ${p.targets.slice(0, 8).join(', ')}${p.targets.length > 8 ? ` … +${p.targets.length - 8}` : ''} — ${p.help}`,
    ),
  ].join('\n');
}

// ---- Keyboard: a visible focus indicator ----

export interface FocusView {
  /** What has focus, for messages: `a.scrolly__skip "跳过图表…"`. */
  what: string;
  /** The focused element is rendered (has a box, not hidden) and at least partly on screen. */
  onScreen: boolean;
  /** An outline of at least 2px in a visible colour, on the element or one of its parts (a step shows it on its card). */
  indicator: boolean;
}

/** Describes the element that has focus now and whether a reader can see that it has. */
export async function focusView(page: Page): Promise<FocusView> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { what: '(nothing)', onScreen: false, indicator: false };
    const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 24);
    const what = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.classList.length ? `.${[...el.classList].join('.')}` : ''} "${text}"`;
    const visible = (e: Element) => {
      const r = e.getBoundingClientRect();
      const cs = getComputedStyle(e);
      return r.width > 1 && r.height > 1 && cs.visibility === 'visible' && Number(cs.opacity) > 0.1;
    };
    const r = el.getBoundingClientRect();
    const onScreen = visible(el) && r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth;
    const alpha = (colour: string) => {
      const m = colour.match(/rgba?\(([^)]+)\)/);
      if (!m) return 1;
      const parts = m[1]!.split(/[ ,/]+/).filter(Boolean);
      return parts.length > 3 ? Number(parts[3]) : 1;
    };
    const ring = (e: Element) => {
      const cs = getComputedStyle(e);
      return cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2 && alpha(cs.outlineColor) > 0.5 && visible(e);
    };
    // The element's ring, or any descendant's: searched breadth first (a step's card, where its ring is, is a
    // child; its figure's hundreds of SVG marks are deeper). The same answer as a search in document order.
    const anyRing = (root: Element) => {
      const queue = [...root.children];
      for (let i = 0; i < queue.length; i++) {
        if (ring(queue[i]!)) return true;
        queue.push(...queue[i]!.children);
      }
      return false;
    };
    const indicator = ring(el) || anyRing(el);
    return { what, onScreen, indicator };
  });
}

// ---- HTML validity: the Nu HTML Checker ----

export interface VnuMessage {
  file: string;
  line: number;
  message: string;
  extract: string;
}

export const VNU_JAR = 'node_modules/vnu-jar/build/dist/vnu.jar';

/**
 * A short run's JVM: the first JIT tier only and the serial collector. Over the test build's 86 pages the
 * checker took 4.9 core-s instead of 10.0 (4.1 s instead of 5.3 s), with a byte-identical report. C1's frames
 * are larger, and the parser recurses deeply: the stack is 2 MB (the default 1 MB overflows).
 */
const JVM_FLAGS = ['-Xss2m', '-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC'];

/**
 * Runs the Nu HTML Checker once (one JVM: it is slow to start) over all the files and returns its
 * errors. Throws when the checker itself could not run, so a broken gate never reads as "0 errors".
 */
export async function vnuErrors(files: string[]): Promise<VnuMessage[]> {
  if (files.length === 0) throw new Error('vnu: no files to check');
  let stdout: string;
  let stderr: string;
  try {
    ({ stdout, stderr } = await promisify(execFile)(
      'java',
      [...JVM_FLAGS, '-jar', VNU_JAR, '--format', 'json', '--errors-only', ...files],
      {
        maxBuffer: 64 << 20,
      },
    ));
  } catch (e) {
    // vnu exits 1 when it found errors; its report is still on stderr.
    const err = e as { stderr?: string; stdout?: string; code?: number };
    if (typeof err.stderr !== 'string' || !err.stderr.trim().startsWith('{')) throw e;
    ({ stdout = '', stderr } = err as { stdout?: string; stderr: string });
  }
  const text = [stderr, stdout].find((s) => s.trim().startsWith('{'));
  if (!text) throw new Error(`vnu produced no JSON report:\n${stderr}\n${stdout}`);
  const report = JSON.parse(text) as {
    messages: { type: string; subType?: string; url?: string; lastLine?: number; message: string; extract?: string }[];
  };
  return (
    report.messages
      .filter((m) => m.type === 'error' || m.subType === 'fatal' || m.type === 'non-document-error')
      // The gate is for the HTML. vnu's bundled CSS validator does not know current CSS (container queries and
      // their units, scroll-driven animations, paint-order), and the site's CSS is inline in every page
      // (astro.config.mjs, build.inlineStylesheets): its "CSS: …" messages would be about the validator's age.
      .filter((m) => !m.message.startsWith('CSS: '))
      .map((m) => ({
        file: m.url ? relative(process.cwd(), decodeURIComponent(new URL(m.url).pathname)) : '?',
        line: m.lastLine ?? 0,
        message: m.message,
        extract: (m.extract ?? '').replace(/\s+/g, ' ').slice(0, 120),
      }))
  );
}

/** Errors grouped by file, one line each, for assertion messages. */
export function describeVnu(errors: VnuMessage[]): string {
  if (errors.length === 0) return 'no HTML errors';
  return [`${errors.length} HTML error(s)`, ...errors.map((e) => `  ${e.file}:${e.line}: ${e.message}  [${e.extract}]`)].join('\n');
}

/** Files that a report's messages point at, normalised like `VnuMessage.file`. */
export const asReported = (file: string) => relative(process.cwd(), resolve(file));
