/**
 * The components an MDX chapter may use, by name. This is the whole vocabulary: the content check
 * rejects any other element, import or expression.
 */
import V from './components/V.astro';
import Figure from './components/Figure.astro';
import Scrolly from './scrolly/Scrolly.astro';
import Step from './scrolly/Step.astro';

export const mdxComponents = { V, Figure, Scrolly, Step };

/** Names editors may write in MDX. */
export const MDX_COMPONENT_NAMES = Object.keys(mdxComponents);
