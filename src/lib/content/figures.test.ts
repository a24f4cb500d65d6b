import { describe, expect, it } from 'vitest';
import { data } from '../data/index.ts';
import { projectFigure, resolveFigure } from './figures.ts';

describe('resolveFigure() for a project', () => {
  it('resolves the investment with the project as its label and its provenance', () => {
    const d = data();
    const p = d.getProject('longma-base');
    const f = resolveFigure(d, { project: 'longma-base', field: 'investment' });
    expect(f.anchor).toBe('fig-project-longma-base-investment');
    expect(f.text).toBe(`${p.investment?.value}亿元`);
    expect(f.scopedLabel).toBe(`${p.name}（${d.scopeName(p.region)}）总投资`);
    expect(f.cite).toEqual(p.investment?.cite);
    expect(f.periodLabel).toBe('');
  });
  it('resolves a chosen capacity, and an approximate investment as printed', () => {
    const d = data();
    const cap = resolveFigure(d, { project: 'longma-base', field: 'capacity', what: '电机' });
    const i = d.getProject('longma-base').capacity.findIndex((c) => c.what === '电机');
    expect(cap.anchor).toBe(`fig-project-longma-base-capacity-${i}`);
    expect(cap.scopedLabel).toMatch(/（电机）$/);
    const flange = resolveFigure(d, { project: 'longma-flange', field: 'investment' });
    expect(flange.text).toMatch(/^\d+亿元以上$/);
  });
  it('a project the articles do not place gets no region in its label', () => {
    const d = data();
    const p = [...d.projects.values()].find((x) => x.region === 'city' && x.capacity.length === 1);
    expect(p).toBeDefined();
    const f = resolveFigure(d, { project: p!.id, field: 'capacity' });
    expect(f.scopedLabel.startsWith(`${p!.name}年产能`) || f.scopedLabel.startsWith(`${p!.name}规模`)).toBe(true);
  });
  it('throws with "did you mean" on an unknown project', () => {
    expect(() => projectFigure(data(), { project: 'jingan-stainles', field: 'investment' })).toThrow(/unknown project 'jingan-stainles'; did you mean 'jingan-stainless'/);
  });
});
