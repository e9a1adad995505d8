/**
 * Accuracy of drafting tasks from documents, on the public plan texts of
 * server/modules/directives/fixtures (hand-labelled in expected.json):
 *   npx tsx bench/draft-tasks.ts
 * Prints per fixture and overall: the share of labelled tasks found, of their leads matched to
 * the right unit, and of their deadlines read right; then the time to read a 60-page plan.
 */
import { performance } from 'node:perf_hooks';
import { draftTasks } from '../server/modules/directives/draft/draft.js';
import { buildUnitIndex } from '../server/modules/directives/draft/match-units.js';
import { parseText } from '../server/modules/directives/draft/parse-text.js';
import { scoreFixtures } from '../server/modules/directives/fixtures/score.js';
import { sixtyPagePlan } from '../server/modules/directives/fixtures/long-plan.js';

const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(0)}%` : '—');
const rows = await scoreFixtures();
const total = rows.reduce(
  (a, r) => ({
    expected: a.expected + r.expected,
    drafted: a.drafted + r.drafted,
    found: a.found + r.found,
    leadsRight: a.leadsRight + r.leadsRight,
    deadlinesRight: a.deadlinesRight + r.deadlinesRight,
  }),
  { expected: 0, drafted: 0, found: 0, leadsRight: 0, deadlinesRight: 0 },
);
console.log('fixture                     labelled drafted  found   leads  deadlines');
for (const r of [...rows, { file: 'overall', ...total }])
  console.log(
    `${r.file.padEnd(28)}${String(r.expected).padStart(8)}${String(r.drafted).padStart(8)}` +
      `${pct(r.found, r.expected).padStart(7)}${pct(r.leadsRight, r.found).padStart(8)}${pct(r.deadlinesRight, r.found).padStart(11)}`,
  );
console.log('(leads and deadlines: share of the tasks found)');

const plan = sixtyPagePlan();
const t0 = performance.now();
const { drafts } = draftTasks(parseText(plan.text), buildUnitIndex(plan.units), '2025-06-01');
console.log(
  `60-page plan: ${plan.lines} lines, ${drafts.length} drafts in ${(performance.now() - t0).toFixed(0)} ms`,
);
