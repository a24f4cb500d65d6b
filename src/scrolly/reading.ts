/**
 * The reader's bearings on a story page (browser only): a progress bar for the whole story, the table
 * of contents marking the chapter being read, and the "read as article" switch.
 */
import { activeIndex, readingProgress, type Band } from './resolve.ts';

export interface ReadingOptions {
  /** The story element; its extent is the progress, its chapters are the table of contents. */
  root: HTMLElement;
  /** The story bar holding the progress fill, the table of contents and the switch. */
  bar: HTMLElement;
  /** The trigger line, px from the viewport top: a chapter is current once its top has passed it. */
  line: () => number;
  /** The reader pressed the switch: `true` to read as an article, `false` for the scrolly layout. */
  onSwitch: (article: boolean) => void;
}

export interface Reading {
  /** Reflects the reading mode on the switch. */
  showMode(article: boolean): void;
  /** The page can only be read as an article from now on (a graphic failed): the switch says so, disabled. */
  lock(): void;
}

/**
 * The progress bar runs on the compositor where the browser has scroll-driven animations: Story.astro's
 * CSS (under the same `@supports`) ties the fill to the story's view timeline, so a scroll frame needs
 * no main-thread work for it (a transform written from script on every scroll frame cost each frame a
 * style, paint, layerization and commit of the whole page on the main thread). Elsewhere the script
 * writes it, as before.
 */
export const CSS_PROGRESS = 'animation-timeline: view()';
export const progressByCss = (): boolean => typeof CSS !== 'undefined' && typeof CSS.supports === 'function' && CSS.supports(CSS_PROGRESS);

const band = (el: Element): Band => {
  const r = el.getBoundingClientRect();
  return { top: r.top, bottom: r.bottom };
};

/** Starts the progress bar, the table of contents and the switch. */
export function startReading({ root, bar, line, onSwitch }: ReadingOptions): Reading {
  const fill = progressByCss() ? null : bar.querySelector<HTMLElement>('.story-progress__fill');
  const toc = bar.querySelector<HTMLDetailsElement>('details.toc');
  const now = bar.querySelector<HTMLElement>('.toc__now');
  const links = [...bar.querySelectorAll<HTMLAnchorElement>('.toc a[href^="#"]')];
  const chapters = links.map((a) => document.getElementById(decodeURIComponent(a.hash.slice(1))));
  const toggle = bar.querySelector<HTMLButtonElement>('button[data-read-mode]');
  let current = -2;
  let frame = 0;
  /**
   * Nothing is measured on the scroll path (a forced layout there would land in the scroll's frames):
   * the story's and the chapters' document positions are measured after the first layout and when a size changes,
   * the scroll position comes from the scroll event.
   */
  let y = window.scrollY;
  let vh = window.innerHeight;
  const NONE: Band = { top: Infinity, bottom: Infinity };
  let story: Band = NONE;
  let marks: Band[] = [];
  const measure = () => {
    y = window.scrollY;
    vh = window.innerHeight;
    const at = (b: Band): Band => ({ top: b.top + y, bottom: b.bottom + y });
    story = at(band(root));
    marks = chapters.map((c) => (c ? at(band(c)) : NONE));
  };
  const rel = (b: Band): Band => ({ top: b.top - y, bottom: b.bottom - y });

  function update(): void {
    frame = 0;
    if (story === NONE) return; // not measured yet: the ResizeObserver's first report does it
    const bands = marks.map(rel);
    if (fill) fill.style.transform = `scaleX(${readingProgress(rel(story), vh).toFixed(4)})`;
    const i = activeIndex(bands, line());
    if (i === current) return;
    links[current]?.removeAttribute('aria-current');
    links[i]?.setAttribute('aria-current', 'location');
    if (now) now.textContent = links[i]?.textContent ?? '';
    current = i;
  }
  const schedule = () => {
    frame ||= requestAnimationFrame(update);
  };
  const onScroll = () => {
    y = window.scrollY;
    schedule();
  };
  // After layout, when a size changed (a resize, fonts, the switch between layouts): measure again.
  // Also the first measuring: a ResizeObserver reports every observed element once, after the next
  // layout, so the start reads a clean layout rather than forcing one after the engine's writes.
  const sizes = new ResizeObserver(() => {
    measure();
    schedule();
  });
  sizes.observe(root);

  const onTocClick = (e: MouseEvent) => {
    if (toc && (e.target as Element).closest('a')) toc.open = false;
  };
  const onTocKey = (e: KeyboardEvent) => {
    if (toc?.open && e.key === 'Escape') {
      toc.open = false;
      toc.querySelector('summary')?.focus();
    }
  };
  const onToggle = () => onSwitch(toggle?.getAttribute('aria-pressed') !== 'true');

  window.addEventListener('scroll', onScroll, { passive: true });
  const onResize = () => {
    vh = window.innerHeight;
    schedule();
  };
  window.addEventListener('resize', onResize, { passive: true });
  toc?.addEventListener('click', onTocClick);
  toc?.addEventListener('keydown', onTocKey);
  toggle?.addEventListener('click', onToggle);

  const showMode = (article: boolean) => {
    toggle?.setAttribute('aria-pressed', String(article));
    schedule();
  };
  return {
    showMode,
    lock() {
      showMode(true);
      if (toggle) toggle.disabled = true;
    },
  };
}
