/** A map state's text alternative: view, emphasis, colouring, markers, in one or two sentences. Pure. */
import type { DataIndex } from '../lib/data/index.ts';
import type { ChoroplethModel } from './choropleth.ts';
import type { MarkerModel } from './markers.ts';
import type { MapStateSpec } from './spec.ts';

export function describeState(s: MapStateSpec, data: DataIndex, markers: MarkerModel[], choropleth: ChoroplethModel | null): string {
  const names = (ids: string[]) => ids.map((id) => data.getRegion(id).name).join('、');
  const cam = s.camera;
  const parts = [typeof cam === 'string' || !('fit' in cam) ? '通辽市全市及周边地区示意图' : `通辽市示意图，范围为${names(cam.fit)}`];
  if (s.highlight.length > 0) parts.push(`突出显示${names(s.highlight)}`);
  if (choropleth) {
    const known = choropleth.rows.filter((r) => r.value !== null).map((r) => `${r.name}${r.value}`);
    parts.push(`按旗县区着色：${choropleth.title}，${known.join('，')}`);
  }
  if (markers.length > 0) {
    parts.push(
      `标出${markers.length}个项目（位置按所在旗县区示意）：${markers.map((m) => (m.investment ? `${m.name}（${m.investment}）` : m.name)).join('、')}`,
    );
  }
  return `${parts.join('；')}。`;
}
