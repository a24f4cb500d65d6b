/**
 * Entry point of a story page's script: starts the scrolly engine and the reader's bearings, wires
 * the "read as article" switch, and loads the debug view for `?debug`.
 *
 * Until the engine runs, the page is laid out as an article (each step with its own graphic), so a
 * story script that fails to load, or arrives late on a slow connection, never leaves a reader beside
 * another step's graphic. `data-engine` on <html>, set here as the script starts ("starting", then
 * "started" once the engine runs a frame later; removed if it cannot start), is what turns the sticky
 * layout on in scrolly.css; the reader's place is kept across that switch. Screens shorter than STICKY_MEDIA (a phone held sideways at high zoom, 400 %
 * zoom on a laptop) keep the article layout and the engine pauses there, as in the reader's article mode.
 */
import { startEngine, type Engine } from './engine.ts';
import { startReading } from './reading.ts';
import { STEP_ATTR } from './steps.ts';

/** The sticky layout needs this much height (the same query wraps it in scrolly.css). */
export const STICKY_MEDIA = '(min-height: 32em)';

/**
 * Remembers what the reader is looking at (a #link target in view, the step or paragraph at the
 * trigger line) so that it can be put back after the layout changed under it.
 */
function readerPlace(probe: HTMLElement): () => void {
  const hash = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
  const inView = (el: Element) => {
    const r = el.getBoundingClientRect();
    return r.bottom > 0 && r.top < window.innerHeight;
  };
  if (hash && inView(hash)) return () => hash.scrollIntoView({ block: 'start', behavior: 'instant' });
  if (window.scrollY === 0) return () => undefined;
  const at = document.elementFromPoint(window.innerWidth / 2, probe.getBoundingClientRect().top);
  const step = at?.closest<HTMLElement>(`[${STEP_ATTR}]`);
  if (step) return () => step.scrollIntoView({ block: 'start', behavior: 'instant' });
  const block = at?.closest('p, li, h2, h3, h4, figure, table, header, section');
  if (!block) return () => undefined;
  const top = block.getBoundingClientRect().top;
  return () => window.scrollBy({ top: block.getBoundingClientRect().top - top, behavior: 'instant' });
}

/**
 * Runs `f` after the browser has laid out and painted the next frame (a task queued from that frame's
 * animation callback), or after `timeoutMs` where no frame comes (a page opened in a background tab).
 */
export function afterNextFrame(f: () => void, timeoutMs = 1000): void {
  let done = false;
  const go = () => {
    if (done) return;
    done = true;
    clearTimeout(fallback);
    f();
  };
  const fallback = window.setTimeout(go, timeoutMs);
  requestAnimationFrame(() => window.setTimeout(go, 0));
}

/**
 * Turns the sticky layout on at once (`data-engine="starting"`) and starts the engine in a later task,
 * after the browser has laid out and painted that layout: the engine's first measuring then reads a
 * clean layout instead of forcing the whole page's style and layout inside the load's script task, and
 * the load's main-thread work comes in smaller tasks. `data-engine="started"` once the engine runs.
 */
function start(root: HTMLElement, bar: HTMLElement, probe: HTMLElement, live: HTMLElement): void {
  const html = document.documentElement;
  const keepPlace = readerPlace(probe);
  html.dataset['engine'] = 'starting';
  keepPlace();
  afterNextFrame(() => run(root, bar, probe, live));
}

function run(root: HTMLElement, bar: HTMLElement, probe: HTMLElement, live: HTMLElement): void {
  const html = document.documentElement;
  const tall = matchMedia(`screen and ${STICKY_MEDIA}`);
  let article = false;
  let broken = false;
  let engine: Engine;
  try {
    engine = startEngine({
      root,
      probe,
      live,
      onBroken(error) {
        // Readers get the static article, which is complete; editors get the reason in the console.
        console.error('scrolly: a graphic could not start; the page is shown as an article', error);
        broken = true;
        engine.destroy();
        root.dataset['mode'] = 'article';
        reading.lock();
      },
    });
  } catch (error) {
    const back = readerPlace(probe);
    delete html.dataset['engine'];
    // The plain article from now on (not the geometry kept for the sticky layout while it starts).
    html.dataset['noEngine'] = '';
    back();
    console.error('scrolly: the engine could not start; the page is shown as an article', error);
    return;
  }

  /** Runs the engine only where the sticky layout shows: not in article mode, not on a short screen. */
  const apply = () => {
    if (broken) return;
    engine.setPaused(article || !tall.matches);
  };
  const setArticle = (next: boolean) => {
    // Keep the reader's place: the step they are at is where they will be in the other layout.
    const step = engine.readingStep();
    article = next;
    if (article) {
      engine.setPaused(true);
      root.dataset['mode'] = 'article';
    } else delete root.dataset['mode'];
    step?.scrollIntoView({ block: 'start', behavior: 'instant' });
    apply();
    reading.showMode(article);
  };
  tall.addEventListener('change', () => {
    if (broken) return;
    const step = engine.readingStep();
    if (!tall.matches) engine.setPaused(true);
    step?.scrollIntoView({ block: 'start', behavior: 'instant' });
    apply();
  });
  const reading = startReading({ root, bar, line: () => engine.view().line, onSwitch: setArticle });
  apply();
  html.dataset['engine'] = 'started';
  if (new URLSearchParams(location.search).has('debug')) {
    void import('./debug.ts').then((m) => m.startDebug({ engine, probe }));
  }
}

const root = document.querySelector<HTMLElement>('[data-story]');
const bar = document.querySelector<HTMLElement>('[data-story-bar]');
const probe = document.querySelector<HTMLElement>('[data-scrolly-probe]');
const live = document.querySelector<HTMLElement>('[data-scrolly-live]');
if (root && bar && probe && live) start(root, bar, probe, live);
