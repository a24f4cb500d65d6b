/**
 * Rivers from GMT's GSHHG/WDBII data (Debian packages `gmt` + `gmt-gshhg-full`, LGPL-3+), read from
 * `gmt coast -M` multi-segment text: lines of "lon<TAB>lat", each segment opened by a "> …" header.
 */
import type { Feature, MultiLineString, Position } from 'geojson';

/** Parse `gmt coast -I… -M` output into one MultiLineString (segments with fewer than 2 points are dropped). */
export function parseGmtSegments(text: string): MultiLineString {
  const lines: Position[][] = [];
  let current: Position[] | null = null;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '') continue;
    if (line.startsWith('>')) {
      current = [];
      lines.push(current);
      continue;
    }
    const [lon, lat] = line.split(/\s+/).map(Number);
    if (lon === undefined || lat === undefined || !Number.isFinite(lon) || !Number.isFinite(lat)) {
      throw new Error(`gmt output: not a "lon lat" line: ${JSON.stringify(line)}`);
    }
    if (!current) throw new Error('gmt output: coordinates before the first ">" segment header');
    current.push([lon, lat]);
  }
  return { type: 'MultiLineString', coordinates: lines.filter((l) => l.length >= 2) };
}

/** Rivers from `gmt coast` output as one feature (clipped to the map extent later, with the rest). */
export function riversFeature(gmtText: string): Feature<MultiLineString, { kind: 'river' }> {
  return { type: 'Feature', properties: { kind: 'river' }, geometry: parseGmtSegments(gmtText) };
}
