import { registerCardSurface } from '../components/card/load-surface';
import { mountCardSurface } from '../components/card/surface';

// The card's drawing code, imported by the content script when a page names companies: see
// components/card/surface.tsx and components/card/load-surface.ts.
export default defineUnlistedScript(() => registerCardSurface(mountCardSurface));
