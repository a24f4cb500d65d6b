/**
 * Page-side checks for the resilience gate, run with page.evaluate (each is self-contained, so it can
 * be passed to the browser). Each returns a list of problems, empty when the page is fine.
 */

/** Text a reader should see that is not visible (JavaScript off, print): prose, headings, list items, table cells, step cards. */
export function invisibleText(): string[] {
  const skip = (el: Element) =>
    !!el.closest(
      '.scrolly__sticky, .visually-hidden, [hidden], template, noscript, details:not([open]) > :not(summary), [aria-hidden="true"], .scrolly-probe, .scrolly-debug, .skip-link, .scrolly__skip, [data-read-mode], .story-map__controls',
    );
  const els = [
    ...document.querySelectorAll(
      'main h1, main h2, main h3, main h4, main p, main li, main td, main th, main figcaption, main .step__card, main blockquote',
    ),
  ];
  const out: string[] = [];
  let checked = 0;
  for (const el of els) {
    if (skip(el)) continue;
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (!text) continue;
    checked++;
    const r = el.getBoundingClientRect();
    const visible = el.checkVisibility({ opacityProperty: true, visibilityProperty: true }) && r.width > 0 && r.height > 0;
    if (!visible) out.push(`${el.tagName.toLowerCase()}.${(el as HTMLElement).className}: "${text.slice(0, 40)}"`);
  }
  if (checked < 5) out.push(`only ${checked} text elements found`);
  return out;
}

/** Steps whose text or own static graphic (inline SVG chart or map) is missing or hidden, plus figures elsewhere with no visible SVG. */
export function missingGraphics(): string[] {
  const out: string[] = [];
  const shown = (el: Element | null) => {
    if (!el) return false;
    const r = el.getBoundingClientRect();
    return el.checkVisibility({ opacityProperty: true, visibilityProperty: true }) && r.width > 50 && r.height > 50;
  };
  for (const step of document.querySelectorAll<HTMLElement>('[data-step]')) {
    const card = step.querySelector('.step__card');
    if (card && !((card.textContent ?? '').trim() && card.checkVisibility({ opacityProperty: true, visibilityProperty: true })))
      out.push(`#${step.id}: step text hidden`);
    const fig = step.querySelector(':scope > .figure');
    if (!fig) {
      out.push(`#${step.id}: no static figure`);
      continue;
    }
    if (!shown(fig)) out.push(`#${step.id}: figure not shown`);
    if (![...fig.querySelectorAll('svg.chart__svg, svg.story-map__svg')].some(shown)) out.push(`#${step.id}: no visible inline SVG`);
  }
  for (const fig of document.querySelectorAll('main .figure:not(.figure--step)')) {
    if (fig.closest('.scrolly__sticky')) continue;
    if (![...fig.querySelectorAll('svg.chart__svg, svg.story-map__svg')].some(shown))
      out.push(`${fig.getAttribute('data-graphic')}: inline figure has no visible SVG`);
  }
  return out;
}

/** In the print layout (with missingGraphics for the graphics themselves): every step's title, source line and caption. */
export function missingInPrint(): string[] {
  const out: string[] = [];
  const shown = (el: Element | null) =>
    !!el && el.checkVisibility({ opacityProperty: true, visibilityProperty: true }) && !!(el.textContent ?? '').trim();
  for (const step of document.querySelectorAll<HTMLElement>('[data-step]')) {
    const fig = step.querySelector(':scope > .figure');
    if (!fig) continue;
    if (!shown(fig.querySelector('.chart__title, .story-map__title'))) out.push(`#${step.id}: title not printed`);
    if (!shown(fig.querySelector('.chart__source, .story-map__source'))) out.push(`#${step.id}: source line not printed`);
    if (!(fig.querySelector('figcaption')?.textContent ?? '').trim()) out.push(`#${step.id}: no caption`);
  }
  for (const el of document.querySelectorAll('.scrolly__sticky, .story-bar')) if (el.checkVisibility()) out.push(`${el.className} printed`);
  return out;
}

/** Animations still running (CSS/WAAPI with a perceptible duration) and elements with a pending d3 transition. */
export function runningMotion(): string[] {
  const out = document
    .getAnimations()
    .filter((a) => {
      const t = a.effect?.getComputedTiming();
      return a.playState === 'running' && Number(t?.duration ?? 0) + Number(t?.delay ?? 0) > 1;
    })
    .map((a) => {
      const target = (a.effect as KeyframeEffect | null)?.target;
      return `animation ${(a as CSSTransition).transitionProperty ?? (a as CSSAnimation).animationName ?? ''} on ${target?.tagName ?? '?'}.${target?.getAttribute('class') ?? ''}`;
    });
  for (const el of document.querySelectorAll('svg *')) {
    const schedules = (el as unknown as { __transition?: Record<string, { duration?: number; delay?: number }> }).__transition;
    if (schedules && Object.values(schedules).some((s) => (s.duration ?? 0) + (s.delay ?? 0) > 1))
      out.push(`d3 transition on ${el.tagName}.${el.getAttribute('class') ?? ''}`);
  }
  return out;
}
