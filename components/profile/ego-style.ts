import type { LinkType } from '../../lib/dataset/schema';

/**
 * How each kind of edge is drawn in the ego network, and its name in the legend. Colour and dash
 * both differ, so the types stay apart for readers who do not tell the colours apart.
 */
export interface EdgeStyle {
  legend: string;
  colour: string;
  dash?: string;
}

export const EDGE_STYLES: Record<LinkType | 'named', EdgeStyle> = {
  'unit-of': { legend: 'Parent / unit', colour: '#6d28d9' },
  acquired: { legend: 'Acquisition', colour: '#b91c1c' },
  'holds-stake-in': { legend: 'Stake', colour: '#c2410c', dash: '8 3' },
  'invested-in': { legend: 'Investment', colour: '#15803d', dash: '2 3' },
  'regulator-of': { legend: 'Regulator', colour: '#1d4ed8', dash: '10 3 2 3' },
  partner: { legend: 'Partner', colour: '#0e7490', dash: '6 6' },
  rival: { legend: 'Rival', colour: '#be185d', dash: '1 4' },
  named: { legend: 'Named together', colour: '#9ca3af' },
};
