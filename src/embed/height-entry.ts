/** The height reporter as a standalone script: the embed page loads it when framed (src/layouts/Embed.astro). */
import { start } from './height.ts';

start();
