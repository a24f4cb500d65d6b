/**
 * Expected wall time of the longer test files (1.5 s or more), in seconds, for the sequencer
 * (tests/sequencer.ts): each file's time with its hooks (a beforeAll can be most of a file: html.test.ts
 * runs the HTML checker there, the walk readers record their walks) in a whole run in this order (2 cores,
 * three workers, all projects in one group), as ./durations-reporter.ts prints them:
 *   npm test -- --reporter=default --reporter=./tests/durations-reporter.ts
 * (not the JSON report's startTime..endTime: it leaves the hooks out, and html.test.ts, 16 s, came out as 0).
 * Last taken from a quiet whole run at 41d4f0c (npm test 230 s); they only order the files (longest first): a stale figure
 * costs time, never coverage.
 * The story walks (tests/site/walk.ts) are recorded by whichever of their readers gets there first, so a
 * reader's figure is partly walks it happened to record.
 */
export const DURATIONS: Record<string, number> = {
  'tests/site/scrolly.test.ts': 98,
  'tests/site/resilience.test.ts': 94,
  'tests/site/a11y.test.ts': 84,
  'tests/site/map-path.test.ts': 47,
  'tests/site/map.test.ts': 38,
  'tests/site/fallback.test.ts': 34,
  'tests/site/security.test.ts': 34,
  'tests/site/embed.test.ts': 19,
  'tests/site/a11y-steps.test.ts': 19,
  'scripts/new-content.test.ts': 16,
  'tests/site/charts.test.ts': 14,
  'tests/site/frontpage.test.ts': 13,
  'scripts/data-release.test.ts': 13,
  'tests/site/map-scroll.test.ts': 11,
  'tests/site/html.test.ts': 11,
  'tests/site/helpers.test.ts': 10,
  'tests/site/map-labels.test.ts': 8,
  'tests/site/downloads.test.ts': 6,
  'tests/site/smoke.test.ts': 5,
  'scripts/serve.test.ts': 5,
  'tests/render/markup.test.ts': 4,
  'tests/site/links.test.ts': 4,
  'tests/unit/overlap.test.ts': 3,
  'tests/site/servers.test.ts': 3,
  'src/checks/input-errors.test.ts': 3,
  'tests/site/legibility.test.ts': 2,
  'tests/unit/scripts.test.ts': 2,
};

/** Files without a figure, by project (a new browser or CLI test is likelier long than short). */
export const UNKNOWN: Record<string, number> = { site: 2, cli: 5, render: 3, unit: 0, default: 1 };
