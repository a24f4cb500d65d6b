/**
 * Checks every citation against the article text: the printed figure must occur in the cited
 * section of the cited article (whitespace ignored, since the captures break lines and pad numbers).
 */
import type { Citation, Dataset, Source } from './schema.ts';
import type { JsonPath, Problem } from './validate.ts';

/** Remove all whitespace, including no-break spaces. */
export function squash(s: string): string {
  return s.replace(/[\s\u00a0\u3000]+/g, '');
}

/** The text of one section (or of the whole article for sections without a line). */
export function sectionText(source: Source, sectionId: string, fileText: string): string {
  const lines = fileText.split('\n');
  const [first, last] = source.lines;
  const sec = source.sections.find((s) => s.id === sectionId);
  if (!sec || sec.line === undefined) return lines.slice(first - 1, last).join('\n');
  const later = source.sections
    .map((s) => s.line)
    .filter((l): l is number => l !== undefined && l > (sec.line as number))
    .sort((a, b) => a - b);
  const end = Math.min(last, (later[0] ?? last + 1) - 1);
  return lines.slice(sec.line - 1, end).join('\n');
}

/** Every citation in the dataset with its JSON path. */
export function allCitations(ds: Dataset): { path: JsonPath; cite: Citation }[] {
  const out: { path: JsonPath; cite: Citation }[] = [];
  ds.indicators.forEach((ind, i) =>
    ind.observations.forEach((o, j) => o.cite.forEach((cite, k) => out.push({ path: ['indicators', i, 'observations', j, 'cite', k], cite }))),
  );
  ds.projects.forEach((p, i) => {
    p.investment?.cite.forEach((cite, k) => out.push({ path: ['projects', i, 'investment', 'cite', k], cite }));
    p.capacity.forEach((c, j) => c.cite.forEach((cite, k) => out.push({ path: ['projects', i, 'capacity', j, 'cite', k], cite })));
    p.status?.cite.forEach((cite, k) => out.push({ path: ['projects', i, 'status', 'cite', k], cite }));
    p.mentions.forEach((cite, k) => out.push({ path: ['projects', i, 'mentions', k], cite }));
  });
  ds.milestones.forEach((m, i) => m.cite.forEach((cite, k) => out.push({ path: ['milestones', i, 'cite', k], cite })));
  return out;
}

/**
 * For each citation, the printed figure must be found in the cited section.
 * `read(file)` returns a capture's text, or null when it is not available.
 */
export function checkProvenance(ds: Dataset, read: (file: string) => string | null): Problem[] {
  const problems: Problem[] = [];
  const sources = new Map(ds.sources.map((s) => [s.id, s]));
  const cache = new Map<string, string | null>();
  for (const { path, cite } of allCitations(ds)) {
    const src = sources.get(cite.source);
    if (!src) continue; // reported by validateReferences
    if (!cache.has(src.file)) cache.set(src.file, read(src.file));
    const text = cache.get(src.file);
    if (text == null) {
      problems.push({ path, message: `source file ${src.file} is not available` });
      continue;
    }
    const section = squash(sectionText(src, cite.section, text));
    if (!section.includes(squash(cite.printed))) {
      const whole = squash(sectionText(src, '', text));
      const where = whole.includes(squash(cite.printed)) ? 'it is in the article, but not in that section' : 'it is not in the article';
      problems.push({ path: [...path, 'printed'], message: `"${cite.printed}" not found in ${cite.source} § ${cite.section}: ${where}` });
    }
  }
  return problems;
}
