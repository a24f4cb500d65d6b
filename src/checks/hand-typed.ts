/**
 * Finds figures typed by hand in prose. Every figure a reader sees must come from the dataset
 * (`<V id="…" />`), so prose may contain digits only as years, dates, ordinals, quarters and names
 * of plans; Chinese-numeral amounts with a magnitude (三千、两万、百分之十、翻一番) count as figures too.
 */

export interface HandTyped {
  /** Offset of the figure in the text. */
  index: number;
  /** The figure as typed, e.g. "1686亿元". */
  text: string;
}

/** Text spans that are allowed to contain digits (years, dates, ordinals…). */
const EXEMPT: RegExp[] = [
  // Years: 2024年, 2021—2025年, 2021-2025, 1990s to 2030s with or without 年.
  /(?<![\d.])(?:19|20)\d{2}(?:\s*[—–\-~至到]\s*(?:19|20)?\d{2})?(?:年(?:代|底|初|末|中|度)?)?(?![\d.%])/g,
  // Dates: 3月, 3月15日, 15日, 10月底, 1—9月, 5月下旬.
  /(?<![\d.])\d{1,2}\s*(?:[—–\-~至到]\s*\d{1,2}\s*)?月(?:份|底|初|末|中旬|上旬|下旬)?(?:\s*\d{1,2}\s*日)?/g,
  /(?<![\d.])\d{1,2}\s*日(?=[^\d]|$)/g,
  // Ordinals: 第3, 第01版.
  /第\s*\d+/g,
  // Quarters written with digits: Q1, Q1-Q3, 1季度 is rare; Chinese quarters have no digits.
  /Q[1-4](?:\s*[—–\-~]\s*Q[1-4])?(?!\d)/g,
];

/** Arabic numbers, optionally with a unit-like tail, e.g. "1686亿元", "8.4%", "2×350MW". */
const ARABIC =
  /[+\-−]?\d+(?:[.,]\d+)*(?:\s*[×x*]\s*\d+(?:\.\d+)?)?\s*(?:%|％|‰|[万亿千百]*(?:元|吨|千瓦|亩|人|户|家|个|项|次|公里|平方米|台|套|件|场|斤|条|座|所|处|倍|天|MW|GW|kW)?)/gu;

/** Chinese-numeral amounts with a magnitude or a percentage: 三千亿元, 两万人, 百分之十, 七成, 翻一番. */
const CHINESE =
  /(?<![\d.])(?:百分之[零〇一二两三四五六七八九十百点]+|[零〇一二两三四五六七八九十]+成(?![员功为本长立果交就])|翻[一两二三]番|[零〇一二两三四五六七八九十]*[百千万亿]+[零〇一二两三四五六七八九十百千万亿]*(?:多|余)?(?:亿|万)?(?:元|吨|千瓦|亩|人|户|家|个|项|次|公里|平方米|台|套|辆|件|场))/gu;

function exemptMask(text: string): boolean[] {
  const mask = new Array<boolean>(text.length).fill(false);
  for (const re of EXEMPT) {
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) {
      for (let i = m.index; i < m.index + m[0].length; i++) mask[i] = true;
    }
  }
  return mask;
}

/**
 * Full-width digits and signs (３.５％, typed with a Chinese input method) as their half-width
 * forms, one character for one, so offsets stay those of the original text.
 */
export function halfWidth(text: string): string {
  return text.replace(/[\uFF10-\uFF19\uFF0B\uFF0D\uFF0E\uFF05\uFF0C]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

/** Every hand-typed figure in `text`, in order (full-width digits count: ３.５％ is 3.5%). */
export function findHandTypedFigures(original: string): HandTyped[] {
  const text = halfWidth(original);
  const mask = exemptMask(text);
  const out: HandTyped[] = [];
  for (const m of text.matchAll(ARABIC)) {
    const digits = [...m[0]].map((ch, k) => ({ ch, k })).filter(({ ch }) => /\d/.test(ch));
    if (digits.every(({ k }) => mask[m.index + k])) continue;
    out.push({ index: m.index, text: original.slice(m.index, m.index + m[0].length).trim() });
  }
  for (const m of text.matchAll(CHINESE)) {
    out.push({ index: m.index, text: m[0] });
  }
  return out.sort((a, b) => a.index - b.index);
}

/**
 * A component typed with a Chinese input method — 《V id=“gdp” /》, ＜V …／＞ — is text to MDX, so the
 * reader would see it as typed instead of the figure.
 */
const FAKE_COMPONENT = /[《<＜〈]\s*(V|Step|Figure|Scrolly)(?=[\s/／》>＞〉])[^《》<>＜＞〈〉\n]*[》>＞〉]/gu;

export function findFakeComponents(text: string): HandTyped[] {
  return [...text.matchAll(FAKE_COMPONENT)].filter((m) => !/^<[^>]*>$/.test(m[0])).map((m) => ({ index: m.index, text: m[0] }));
}

/** What the fake component should have been, in half-width characters. */
export function realComponent(fake: string): string {
  return fake
    .replace(/^[《<＜〈]\s*/, '<')
    .replace(/[／/]?\s*[》>＞〉]$/, ' />')
    .replace(/[“”＂]/g, '"')
    .replace(/＝/g, '=')
    .replace(/\s+\/>$/, ' />');
}
