/** Size of every social image (the size Open Graph consumers expect for a large card). */
export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;
