/** The height reporter as a standalone script: the embed page loads it when framed (EmbedPage.astro). */
import { start } from './height.ts';

start();
