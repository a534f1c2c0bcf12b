import type { Labels } from '#directory/taxonomy';

/**
 * Which ISIC divisions supply which: the links along which SMEs complement each other in a cluster.
 * Strength 1 is a core input (basic metals into fabricated metal products), 0.6 a secondary one
 * (printed labels for food). The table is deliberately small and readable; extend it here.
 */
export const VALUE_CHAIN_LINKS: readonly (readonly [from: string, to: string, strength: number])[] = [
  // Metals, machinery and vehicles
  ['24', '25', 1],
  ['24', '28', 0.6],
  ['24', '29', 0.6],
  ['25', '28', 1],
  ['25', '29', 1],
  ['25', '30', 0.6],
  ['28', '29', 0.6],
  ['28', '33', 0.6],
  ['27', '28', 1],
  ['27', '29', 1],
  ['26', '27', 1],
  ['26', '28', 0.6],
  ['26', '29', 0.6],
  ['22', '29', 1],
  ['22', '27', 0.6],
  ['62', '26', 0.6],
  ['71', '28', 0.6],
  ['71', '29', 0.6],
  // Food and its packaging
  ['01', '10', 1],
  ['03', '10', 1],
  ['01', '11', 0.6],
  ['17', '10', 1],
  ['22', '10', 1],
  ['17', '11', 0.6],
  ['22', '11', 1],
  ['18', '10', 0.6],
  ['17', '18', 1],
  // Chemicals, plastics, pharmaceuticals
  ['19', '20', 1],
  ['20', '22', 1],
  ['20', '21', 1],
  ['17', '21', 0.6],
  ['22', '21', 0.6],
  // Textiles, clothing, leather
  ['20', '13', 0.6],
  ['13', '14', 1],
  ['13', '15', 0.6],
  // Wood and furniture
  ['02', '16', 1],
  ['16', '31', 1],
  // Building
  ['08', '23', 1],
  ['23', '41', 1],
  ['23', '42', 1],
  ['25', '41', 0.6],
  ['25', '43', 0.6],
  ['27', '43', 0.6],
  // Recovered materials back into production
  ['38', '24', 0.6],
  ['38', '22', 0.6],
  ['38', '17', 0.6],
];

const downstream = new Map<string, Map<string, number>>();
const upstream = new Map<string, Map<string, number>>();
for (const [from, to, strength] of VALUE_CHAIN_LINKS) {
  if (!downstream.has(from)) downstream.set(from, new Map());
  if (!upstream.has(to)) upstream.set(to, new Map());
  downstream.get(from)!.set(to, strength);
  upstream.get(to)!.set(from, strength);
}

/** Divisions that `division` supplies, with the link strength. */
export const suppliesTo = (division: string): ReadonlyMap<string, number> =>
  downstream.get(division) ?? new Map();
/** Divisions that supply `division`. */
export const buysFrom = (division: string): ReadonlyMap<string, number> =>
  upstream.get(division) ?? new Map();

/** Strength of the link between two divisions in either direction; 0 when they do not trade. */
export const linkStrength = (a: string, b: string): number =>
  Math.max(downstream.get(a)?.get(b) ?? 0, downstream.get(b)?.get(a) ?? 0);

export const isChainDivision = (division: string): boolean =>
  downstream.has(division) || upstream.has(division);

export interface ValueChain {
  code: string;
  /** In the order goods flow. */
  divisions: readonly string[];
  label: Labels;
}

/** Named value chains, each a path or tree through the table above; used to name a cluster. */
export const VALUE_CHAINS: readonly ValueChain[] = [
  {
    code: 'METAL_MECHANICAL',
    divisions: ['24', '25', '27', '28', '33'],
    label: {
      ar: 'سلسلة المعادن والصناعات الميكانيكية',
      fr: 'Filière métallurgie et mécanique',
      en: 'Metals and mechanical engineering chain',
    },
  },
  {
    code: 'AUTOMOTIVE',
    divisions: ['24', '22', '25', '26', '27', '29', '30'],
    label: {
      ar: 'سلسلة صناعة المركبات وقطع الغيار',
      fr: 'Filière automobile et équipementiers',
      en: 'Automotive and parts chain',
    },
  },
  {
    code: 'ELECTRICAL_ELECTRONICS',
    divisions: ['62', '26', '27', '28'],
    label: {
      ar: 'سلسلة الكهرباء والإلكترونيات',
      fr: 'Filière électrique et électronique',
      en: 'Electrical and electronics chain',
    },
  },
  {
    code: 'AGRIFOOD_PACKAGING',
    divisions: ['01', '03', '17', '18', '22', '10', '11'],
    label: {
      ar: 'سلسلة الصناعات الغذائية والتغليف',
      fr: 'Filière agroalimentaire et emballage',
      en: 'Food processing and packaging chain',
    },
  },
  {
    code: 'CHEMICALS_PLASTICS',
    divisions: ['19', '20', '22', '21'],
    label: {
      ar: 'سلسلة الكيمياء والبلاستيك والأدوية',
      fr: 'Filière chimie, plasturgie et pharmacie',
      en: 'Chemicals, plastics and pharmaceuticals chain',
    },
  },
  {
    code: 'TEXTILE_LEATHER',
    divisions: ['20', '13', '14', '15'],
    label: {
      ar: 'سلسلة النسيج والملابس والجلود',
      fr: 'Filière textile, habillement et cuir',
      en: 'Textile, clothing and leather chain',
    },
  },
  {
    code: 'WOOD_FURNITURE',
    divisions: ['02', '16', '31'],
    label: { ar: 'سلسلة الخشب والأثاث', fr: 'Filière bois et ameublement', en: 'Wood and furniture chain' },
  },
  {
    code: 'BUILDING',
    divisions: ['08', '23', '25', '27', '41', '42', '43'],
    label: {
      ar: 'سلسلة مواد البناء والأشغال',
      fr: 'Filière matériaux de construction et BTP',
      en: 'Building materials and construction chain',
    },
  },
  {
    code: 'CIRCULAR',
    divisions: ['38', '24', '22', '17'],
    label: {
      ar: 'سلسلة الرسكلة والاقتصاد الدائري',
      fr: 'Filière recyclage et économie circulaire',
      en: 'Recycling and circular economy chain',
    },
  },
];

/** The named chain that covers most of the given divisions (first in the list on a tie), or null. */
export function chainOf(divisions: readonly string[]): ValueChain | null {
  let best: ValueChain | null = null;
  let bestCount = 1;
  for (const chain of VALUE_CHAINS) {
    const count = new Set(divisions.filter((d) => chain.divisions.includes(d))).size;
    if (count > bestCount) {
      best = chain;
      bestCount = count;
    }
  }
  return best;
}

export const valueChain = (code: string): ValueChain | undefined => VALUE_CHAINS.find((c) => c.code === code);
