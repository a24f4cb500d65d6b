/** The part of @newswire/frames (no types of its own) that the embed page uses. */
declare module '@newswire/frames' {
  /** Posts `{ sentinel: 'amp', type: 'embed-size', height }` to the parent window. */
  export function sendFrameHeight(height?: number): void;
}
