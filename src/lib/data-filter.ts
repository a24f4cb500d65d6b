/**
 * Browser enhancement for the data page: filter table rows by region, article and topic.
 * Rows carry `data-region`, `data-source` (space-separated ids) and `data-topic`.
 */

export interface RowFilter {
  region: string;
  source: string;
  topic: string;
}

/** Whether a row with these attributes passes the filter (empty filter values match everything). */
export function rowMatches(row: { region: string; sources: string[]; topic: string }, f: RowFilter): boolean {
  return (!f.region || row.region === f.region) && (!f.source || row.sources.includes(f.source)) && (!f.topic || row.topic === f.topic);
}

export function enhanceFilters(root: Document): void {
  const form = root.querySelector<HTMLFormElement>('[data-filter-form]');
  if (!form) return;
  const rows = [...root.querySelectorAll<HTMLTableRowElement>('tr[data-region]')];
  const output = form.querySelector('output');
  const apply = () => {
    const fd = new FormData(form);
    const f: RowFilter = {
      region: String(fd.get('region') ?? ''),
      source: String(fd.get('source') ?? ''),
      topic: String(fd.get('topic') ?? ''),
    };
    let shown = 0;
    for (const tr of rows) {
      const ok = rowMatches(
        { region: tr.dataset['region'] ?? '', sources: (tr.dataset['source'] ?? '').split(' '), topic: tr.dataset['topic'] ?? '' },
        f,
      );
      tr.hidden = !ok;
      if (ok) shown++;
    }
    if (output) output.textContent = `显示 ${shown} / ${rows.length} 行`;
  };
  form.addEventListener('change', apply);
  form.addEventListener('submit', (e) => e.preventDefault());
  apply();
}
