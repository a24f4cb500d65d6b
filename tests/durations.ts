/**
 * Expected wall time of the longer test files (1.5 s or more), in seconds, for the sequencer
 * (tests/sequencer.ts): per file `endTime - startTime` in test-results/vitest.json of a whole run in this
 * order (2 cores, three workers, all projects in one group).
 * They only order the files (longest first); a stale figure costs time, never coverage. Refresh them from a
 * CI run when the suite changes shape:
 *   node -e "for (const f of require('./test-results/vitest.json').testResults) console.log(((f.endTime - f.startTime) / 1000).toFixed(1), f.name)"
 * The story walks (tests/site/walk.ts) are recorded by whichever of their readers gets there first, so a
 * reader's figure is partly walks it happened to record.
 */
export const DURATIONS: Record<string, number> = {
  'tests/site/resilience.test.ts': 128,
  'tests/site/scrolly.test.ts': 113,
  'tests/site/a11y.test.ts': 111,
  'tests/site/map-path.test.ts': 57,
  'tests/site/map.test.ts': 45,
  'tests/site/security.test.ts': 43,
  'tests/site/fallback.test.ts': 39,
  'tests/site/embed.test.ts': 22,
  'tests/site/frontpage.test.ts': 22,
  'scripts/data-release.test.ts': 17,
  'scripts/new-content.test.ts': 14,
  'tests/site/charts.test.ts': 14,
  'tests/site/helpers.test.ts': 12,
  'tests/site/map-scroll.test.ts': 12,
  'tests/site/downloads.test.ts': 10,
  'scripts/serve.test.ts': 9,
  'tests/site/map-labels.test.ts': 8,
  'tests/site/a11y-steps.test.ts': 7,
  'tests/render/markup.test.ts': 6,
  'tests/site/smoke.test.ts': 6,
  'tests/site/servers.test.ts': 5,
  'src/checks/input-errors.test.ts': 3,
  'tests/unit/overlap.test.ts': 3,
};

/** Files without a figure, by project (a new browser or CLI test is likelier long than short). */
export const UNKNOWN: Record<string, number> = { site: 2, cli: 5, render: 3, unit: 0, default: 1 };
