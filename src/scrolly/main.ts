/**
 * Entry point of a story page's script: starts the scrolly engine and the reader's bearings, wires
 * the "read as article" switch, and loads the debug view for `?debug`.
 *
 * CSS has already laid the page out for scripting before this runs (`@media (scripting: enabled)`), so
 * starting changes nothing visible. Browsers that do not know that media feature show the article
 * layout; the engine stays off there rather than switching layouts under the reader.
 */
import { startEngine } from './engine.ts';
import { startReading } from './reading.ts';

const root = document.querySelector<HTMLElement>('[data-story]');
const bar = document.querySelector<HTMLElement>('[data-story-bar]');
const probe = document.querySelector<HTMLElement>('[data-scrolly-probe]');
const live = document.querySelector<HTMLElement>('[data-scrolly-live]');

if (root && bar && probe && live && matchMedia('(scripting: enabled)').matches) {
  const setArticle = (article: boolean) => {
    // Keep the reader's place: the step they are at is where they will be in the other layout.
    const step = engine.readingStep();
    if (article) {
      engine.setPaused(true);
      root.dataset['mode'] = 'article';
    } else delete root.dataset['mode'];
    step?.scrollIntoView({ block: 'start', behavior: 'instant' });
    if (!article) engine.setPaused(false);
    reading.showMode(article);
  };
  const engine = startEngine({
    root,
    probe,
    live,
    onBroken(error) {
      // Readers get the static article, which is complete; editors get the reason in the console.
      console.error('scrolly: a graphic could not start; the page is shown as an article', error);
      engine.destroy();
      root.dataset['mode'] = 'article';
      reading.lock();
    },
  });
  const reading = startReading({ root, bar, line: () => engine.view().line, onSwitch: setArticle });
  if (new URLSearchParams(location.search).has('debug')) {
    void import('./debug.ts').then((m) => m.startDebug({ engine, probe }));
  }
}
