import type { Company } from '../../lib/dataset/schema';
import type { RelatedCompany } from './data';
import { profileHref } from './links';

/** More neighbours than this make the ring unreadable; the list below has them all. */
export const MAX_NODES = 12;
const W = 360;
const H = 280;
const CX = W / 2;
const CY = H / 2;
const RING = 100;

const short = (name: string) => (name.length > 16 ? `${name.slice(0, 15)}…` : name);

/** Node positions on a ring, heaviest first from the top, clockwise. */
export function layout(related: RelatedCompany[]): { r: RelatedCompany; x: number; y: number; size: number; stroke: number }[] {
  const shown = related.slice(0, MAX_NODES);
  const max = Math.max(1e-9, ...shown.map((r) => r.weight));
  return shown.map((r, i) => {
    const angle = (2 * Math.PI * i) / shown.length - Math.PI / 2;
    const share = r.weight / max;
    return { r, x: CX + RING * Math.cos(angle), y: CY + RING * Math.sin(angle), size: 6 + 10 * Math.sqrt(share), stroke: 1 + 3 * share };
  });
}

/**
 * The company in the centre, related companies around it sized by how often they are named
 * together. Each neighbour is a link, so Tab reaches it and Enter opens its profile.
 */
export function EgoNetwork({ company, related }: { company: Company; related: RelatedCompany[] }) {
  if (related.length === 0) return null;
  const nodes = layout(related);
  return (
    <svg class="cl-ego" viewBox={`0 0 ${W} ${H}`} role="group" aria-label={`${company.name} and related companies`}>
      {nodes.map((n) => (
        <line key={`e-${n.r.company.id}`} x1={CX} y1={CY} x2={n.x} y2={n.y} class="cl-ego-edge" stroke-width={n.stroke} />
      ))}
      <circle cx={CX} cy={CY} r={20} class="cl-ego-centre" />
      <text x={CX} y={CY + 34} text-anchor="middle" class="cl-ego-label cl-ego-centre-label">
        {short(company.name)}
      </text>
      {nodes.map((n) => (
        <a key={n.r.company.id} href={profileHref(n.r.company.id)} class="cl-ego-node" aria-label={`${n.r.company.name}: ${n.r.articleIds.length} shared articles`}>
          <title>{`${n.r.company.name} — named together in ${n.r.articleIds.length} article(s)`}</title>
          <circle cx={n.x} cy={n.y} r={n.size} />
          <text x={n.x} y={n.y + n.size + 12} text-anchor="middle" class="cl-ego-label">
            {short(n.r.company.name)}
          </text>
        </a>
      ))}
    </svg>
  );
}
