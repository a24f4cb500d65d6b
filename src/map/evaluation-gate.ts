/**
 * The first import of map-controller.ts: its top-level await holds the evaluation of everything
 * bundled after it into the live map's chunk (MapLibre: 80–100 ms, one task) until
 * `evaluationGate()` resolves (loader.ts: a reading pause in the story). In the built chunk this
 * module's code comes first (Rollup keeps the import order), so MapLibre's code runs after the await.
 */
import { evaluationGate } from './loader.ts';

performance.mark('map:fetched');
await evaluationGate();
performance.mark('map:evaluate');
