/**
 * One face out of a TrueType/OpenType collection (.ttc), as a standalone font file. resvg reads every
 * face of the fonts it is given for each image it draws; Noto Sans CJK's collection holds ten faces
 * (SC, TC, HK, JP, KR, mono…), so the downloads hand it only the Simplified Chinese one.
 */

/** The face of `ttc` whose name table names `family` (e.g. "Noto Sans CJK SC"), as an .otf file; undefined when none does. */
export function extractFace(ttc: Uint8Array, family: string): Uint8Array | undefined {
  const v = new DataView(ttc.buffer, ttc.byteOffset, ttc.byteLength);
  const tag = (o: number) => String.fromCharCode(ttc[o]!, ttc[o + 1]!, ttc[o + 2]!, ttc[o + 3]!);
  if (tag(0) !== 'ttcf') throw new Error('not a font collection (no ttcf header)');
  const count = v.getUint32(8);
  const wanted = new Uint8Array([...family].flatMap((c) => [0, c.charCodeAt(0)]));
  for (let f = 0; f < count; f++) {
    const start = v.getUint32(12 + 4 * f);
    const numTables = v.getUint16(start + 4);
    const records = Array.from({ length: numTables }, (_, i) => {
      const r = start + 12 + 16 * i;
      return { tag: tag(r), checksum: v.getUint32(r + 4), offset: v.getUint32(r + 8), length: v.getUint32(r + 12) };
    });
    const name = records.find((r) => r.tag === 'name');
    if (!name || !contains(ttc.subarray(name.offset, name.offset + name.length), wanted)) continue;
    const headerSize = 12 + 16 * numTables;
    const padded = (n: number) => (n + 3) & ~3;
    const total = records.reduce((n, r) => n + padded(r.length), headerSize);
    const out = new Uint8Array(total);
    const o = new DataView(out.buffer);
    out.set(ttc.subarray(start, start + 12), 0);
    let at = headerSize;
    records.forEach((r, i) => {
      const rec = 12 + 16 * i;
      out.set(ttc.subarray(start + 12 + 16 * i, start + 12 + 16 * i + 8), rec);
      o.setUint32(rec + 8, at);
      o.setUint32(rec + 12, r.length);
      out.set(ttc.subarray(r.offset, r.offset + r.length), at);
      at += padded(r.length);
    });
    return out;
  }
  return undefined;
}

function contains(hay: Uint8Array, needle: Uint8Array): boolean {
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}
