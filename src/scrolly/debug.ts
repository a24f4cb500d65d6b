/**
 * The editors' debug view, loaded only with `?debug` in the URL: the trigger line, the active step,
 * its declared state (graphic, state name and the state's definition from the chapter) and, for a map,
 * the camera the map shows right now as a snippet to paste into the chapter's frontmatter.
 */
import type { GraphicController } from '../graphics/client.ts';
import type { Engine } from './engine.ts';

/** A controller that can report its camera (the map's does). */
interface CameraReporter {
  getCamera(): Record<string, unknown>;
}

function reportsCamera(c: GraphicController | null): c is GraphicController & CameraReporter {
  return typeof (c as Partial<CameraReporter> | null)?.getCamera === 'function';
}

/** Numbers rounded for a readable snippet: 5 decimals are ~1 m of longitude, plenty for a camera. */
function rounded(value: unknown): unknown {
  if (typeof value === 'number') return Math.round(value * 1e5) / 1e5;
  if (Array.isArray(value)) return value.map(rounded);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rounded(v)]));
  return value;
}

/** Graphic definitions by id, as the story page publishes them for this view (`graphics.json`). */
type Definitions = Record<string, { file?: string; states?: Record<string, unknown> }>;

function row(list: HTMLElement, term: string): HTMLElement {
  const dt = document.createElement('dt');
  dt.textContent = term;
  const dd = document.createElement('dd');
  list.append(dt, dd);
  return dd;
}

export function startDebug({ engine, probe }: { engine: Engine; probe: HTMLElement }): () => void {
  document.documentElement.dataset['debug'] = '';
  probe.dataset['label'] = '触发线';
  const panel = document.createElement('aside');
  panel.className = 'scrolly-debug';
  panel.setAttribute('aria-label', '调试信息');
  const list = document.createElement('dl');
  const fields = {
    step: row(list, '步骤'),
    graphic: row(list, '图形 / 状态'),
    definition: row(list, '状态定义'),
    camera: row(list, '地图镜头'),
  };
  const definition = document.createElement('pre');
  const camera = document.createElement('pre');
  const copy = document.createElement('button');
  copy.type = 'button';
  copy.textContent = '复制镜头';
  fields.definition.append(definition);
  fields.camera.append(camera, copy);
  panel.append(list);
  document.body.append(panel);

  let definitions: Definitions = {};
  void fetch(new URL('graphics.json', location.href))
    .then((r) => (r.ok ? (r.json() as Promise<Definitions>) : {}))
    .then((d) => {
      definitions = d;
      render();
    });

  function render(): void {
    const view = engine.view();
    const step = view.current?.step;
    const graphic = step?.dataset['graphic'] ?? '';
    const state = step?.dataset['state'] ?? '';
    fields.step.textContent = step ? `#${step.id}` : '（不在滚动段落中）';
    fields.graphic.textContent = step ? `${graphic} / ${state}` : '—';
    const def = definitions[graphic];
    definition.textContent = step && def ? `# ${def.file ?? ''}\n${JSON.stringify(def.states?.[state] ?? null, null, 2)}` : '—';
    const controller = view.current?.controller ?? null;
    const cam = reportsCamera(controller) ? `camera: ${JSON.stringify(rounded(controller.getCamera()))}` : '';
    camera.textContent = cam || '—';
    copy.hidden = !cam;
  }

  const onCopy = () => void navigator.clipboard?.writeText(camera.textContent ?? '');
  copy.addEventListener('click', onCopy);
  const unsubscribe = engine.subscribe(render);
  // The camera moves without a step change (the editor pans the map): keep the snippet current.
  const timer = window.setInterval(render, 500);
  render();
  return () => {
    clearInterval(timer);
    unsubscribe();
    copy.removeEventListener('click', onCopy);
    panel.remove();
    delete document.documentElement.dataset['debug'];
  };
}
