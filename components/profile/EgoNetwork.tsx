import type { Company } from '../../lib/dataset/schema';
import type { RelatedCompany, TypedRelation } from './data';
import { CX, CY, placeNodes, viewBoxOf, type EgoInput } from './ego-layout';
import { EDGE_STYLES } from './ego-style';
import { profileHref } from './links';

/** More neighbours than this make the ring unreadable; the lists beside it have them all. */
export const MAX_NODES = 12;

const short = (name: string) => (name.length > 18 ? `${name.slice(0, 17)}…` : name);

interface EgoNode extends EgoInput {
  company: Company;
  title: string;
}

/**
 * The relations taken one of each type in turn, so a company with many units still shows its
 * rival or its investor in a picture of MAX_NODES; within a type, the given order.
 */
function roundRobin(links: readonly TypedRelation[]): TypedRelation[] {
  const byType = new Map<string, TypedRelation[]>();
  for (const l of links) byType.set(l.link.type, [...(byType.get(l.link.type) ?? []), l]);
  const lists = [...byType.values()];
  const out: TypedRelation[] = [];
  for (let i = 0; out.length < links.length; i++) for (const list of lists) if (list[i]) out.push(list[i]);
  return out;
}

/** Typed relations first (one node per company, its best relation), then companies only named together. */
export function egoNodes(links: readonly TypedRelation[], related: readonly RelatedCompany[]): EgoNode[] {
  const nodes = new Map<string, EgoNode>();
  const weights = new Map(related.map((r) => [r.company.id, r.weight]));
  const top = Math.max(1, ...weights.values());
  for (const l of roundRobin(links)) {
    if (nodes.has(l.company.id)) continue;
    nodes.set(l.company.id, { id: l.company.id, label: short(l.company.name), weight: weights.get(l.company.id) ?? top / 2, type: l.link.type, company: l.company, title: `${l.label} ${l.company.name}` });
  }
  for (const r of related) {
    if (nodes.has(r.company.id)) continue;
    const n = r.articleIds.length;
    nodes.set(r.company.id, { id: r.company.id, label: short(r.company.name), weight: r.weight, company: r.company, title: `${r.company.name}: named together in ${n} article${n === 1 ? '' : 's'}` });
  }
  return [...nodes.values()].slice(0, MAX_NODES);
}

/**
 * The company in the centre and its neighbours around it: each edge is drawn in the style of its
 * relation (legend below), nodes are sized by how often the two are named together. Each
 * neighbour is a link, so Tab reaches it and Enter opens its profile.
 */
export function EgoNetwork({ company, links, related }: { company: Company; links: TypedRelation[]; related: RelatedCompany[] }) {
  const nodes = egoNodes(links, related);
  if (nodes.length === 0) return null;
  const placed = placeNodes(nodes);
  const shownTypes = [...new Set(placed.map((p) => p.node.type ?? 'named'))];
  return (
    <figure class="cl-ego-figure">
      <svg class="cl-ego" viewBox={viewBoxOf(placed)} role="group" aria-label={`${company.name} and related companies`}>
        {placed.map((p) => {
          const style = EDGE_STYLES[p.node.type ?? 'named'];
          return <line key={`e-${p.node.id}`} x1={CX} y1={CY} x2={p.x} y2={p.y} class="cl-ego-edge" data-edge={p.node.type ?? 'named'} stroke={style.colour} stroke-dasharray={style.dash} stroke-width={p.node.type ? 2.5 : 1.5} />;
        })}
        <circle cx={CX} cy={CY} r={20} class="cl-ego-centre" />
        <text x={CX} y={CY + 34} text-anchor="middle" class="cl-ego-label cl-ego-centre-label">
          {short(company.name)}
        </text>
        {placed.map((p) => (
          <a key={p.node.id} href={profileHref(p.node.id)} class="cl-ego-node" aria-label={p.node.title}>
            <title>{p.node.title}</title>
            <circle cx={p.x} cy={p.y} r={p.size} />
            <text x={p.label.x} y={p.label.y} text-anchor={p.label.anchor} class="cl-ego-label">
              {p.node.label}
            </text>
          </a>
        ))}
      </svg>
      <figcaption>
        <ul class="cl-ego-legend" aria-label="Legend">
          {shownTypes.map((type) => {
            const style = EDGE_STYLES[type];
            return (
              <li key={type} data-legend={type}>
                <svg width="28" height="8" aria-hidden="true">
                  <line x1="0" y1="4" x2="28" y2="4" stroke={style.colour} stroke-dasharray={style.dash} stroke-width="2.5" />
                </svg>
                {style.legend}
              </li>
            );
          })}
        </ul>
      </figcaption>
    </figure>
  );
}
