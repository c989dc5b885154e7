import type { AliasObject } from '../../lib/registry/schema';
import type { Prng } from './prng';

/**
 * Realistic-looking, invented company names for scale benchmarks. The shapes follow what the
 * seed corpus contains: multi-word names with a legal or sector suffix, short brand aliases,
 * dotted names ("Kavo.ai"), Chinese names with a Latin alias, and case-sensitive tickers. The
 * syllable inventory gives millions of brands, so 100k unique names need few retries.
 */

const ONSETS = ['b', 'br', 'c', 'ch', 'd', 'f', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'qu', 'r', 's', 'st', 't', 'tr', 'v', 'w', 'x', 'z', 'zh'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ao', 'ei', 'ia', 'ou'];
const CODAS = ['', '', 'n', 'ng', 'r', 'x', 'l', 'm', 'rt', 'ns', 'k', 'sh'];
const SECTORS = ['Technologies', 'Robotics', 'Labs', 'Systems', 'Networks', 'Bio', 'Energy', 'Logistics', 'Capital', 'Media', 'Semiconductor', 'Analytics', 'Mobility', 'Health', 'Payments', 'Cloud'];
const LEGAL = ['Group', 'Holdings', 'Inc.', 'Ltd.', 'Co.', 'Corporation', 'AG', 'PLC'];
const WORDS = ['Data', 'Smart', 'Blue', 'Deep', 'Open', 'Bright', 'North', 'Quantum', 'Green', 'Silver', 'Star', 'Cloud', 'Vision', 'Micro'];
const DOTS = ['.ai', '.io', '.com', '.co', '.tech'];
const HANZI = '华中国海天金云智星新东方阿里腾讯百度京美团盛达安泰康博远创联通信数科蓝鲸飞龙凤宏伟明光大众鼎辰瑞恒丰'.split('');
const HANZI_SUFFIX = ['科技', '集团', '网络', '智能', '控股', '医药', '传媒', '资本'];

export interface SyntheticName {
  name: string;
  aliases: AliasObject[];
  tickers?: string[];
  domain?: string;
}

function brand(rng: Prng): string {
  const syllables = 2 + (rng.chance(0.3) ? 1 : 0);
  let s = '';
  for (let i = 0; i < syllables; i++) s += rng.pick(ONSETS) + rng.pick(VOWELS) + (i === syllables - 1 ? rng.pick(CODAS) : '');
  return s[0].toUpperCase() + s.slice(1);
}

function hanzi(rng: Prng): string {
  const n = 2 + (rng.chance(0.4) ? 1 : 0);
  let s = '';
  for (let i = 0; i < n; i++) s += rng.pick(HANZI);
  return s + rng.pick(HANZI_SUFFIX);
}

function ticker(b: string): string {
  return b.replace(/[^a-z]/gi, '').slice(0, 4).toUpperCase();
}

/**
 * One company's name and aliases. `taken` holds the lower-cased names and aliases used so far;
 * a candidate that collides is re-drawn so every alias names exactly one company.
 */
export function syntheticName(rng: Prng, taken: Set<string>): SyntheticName {
  for (;;) {
    const candidate = draw(rng);
    const keys = [candidate.name, ...candidate.aliases.map((a) => a.text)].map((t) => t.toLowerCase());
    if (keys.some((k) => taken.has(k)) || new Set(keys).size !== keys.length) continue;
    for (const k of keys) taken.add(k);
    return candidate;
  }
}

function draw(rng: Prng): SyntheticName {
  const b = brand(rng);
  const roll = rng.next();
  const out: SyntheticName = { name: b, aliases: [] };
  if (roll < 0.35) {
    out.name = `${b} ${rng.pick(SECTORS)}`;
    out.aliases.push({ text: b });
  } else if (roll < 0.5) {
    const word = rng.pick(WORDS);
    out.name = `${b} ${word} ${rng.pick(LEGAL)}`;
    out.aliases.push({ text: `${b} ${word}` });
  } else if (roll < 0.65) {
    out.name = `${b}${rng.pick(DOTS)}`;
    out.domain = out.name.toLowerCase().includes('.') ? out.name.toLowerCase() : undefined;
  } else if (roll < 0.77) {
    out.name = hanzi(rng);
    out.aliases.push({ text: `${b} ${rng.pick(SECTORS)}` });
  } else if (roll < 0.87) {
    const other = brand(rng);
    out.name = `${b}-${other} ${rng.pick(LEGAL)}`;
    out.aliases.push({ text: `${b}-${other}` });
  } else {
    out.aliases.push({ text: `${b} ${rng.pick(LEGAL)}` });
  }
  if (rng.chance(0.2)) {
    const t = ticker(b);
    if (t.length >= 3) {
      out.tickers = [t];
      out.aliases.push({ text: t, caseSensitive: true });
    }
  }
  if (rng.chance(0.08)) out.aliases.push({ text: hanzi(rng) });
  return out;
}
