/**
 * Materials are free tags written in Arabic, French or English. Folding the common ones onto a code lets
 * `acier`, `steel` and `فولاذ` meet; unknown tags still match when their normalised spelling is equal.
 */

const MATERIAL_NAMES: Record<string, { ar: string[]; fr: string[]; en: string[] }> = {
  STEEL: { ar: ['فولاذ', 'صلب'], fr: ['acier'], en: ['steel', 'carbon steel'] },
  STAINLESS_STEEL: {
    ar: ['فولاذ مقاوم للصدأ', 'ستانلس'],
    fr: ['acier inoxydable', 'inox'],
    en: ['stainless steel', 'stainless'],
  },
  ALUMINIUM: { ar: ['ألومنيوم', 'ألمنيوم'], fr: ['aluminium'], en: ['aluminium', 'aluminum'] },
  CAST_IRON: { ar: ['حديد الزهر', 'حديد مصبوب'], fr: ['fonte'], en: ['cast iron'] },
  COPPER: { ar: ['نحاس'], fr: ['cuivre'], en: ['copper'] },
  BRASS: { ar: ['نحاس أصفر'], fr: ['laiton'], en: ['brass'] },
  POLYPROPYLENE: { ar: ['بولي بروبيلين'], fr: ['polypropylène', 'pp'], en: ['polypropylene', 'pp'] },
  POLYETHYLENE: {
    ar: ['بولي إيثيلين'],
    fr: ['polyéthylène', 'pehd', 'pe'],
    en: ['polyethylene', 'hdpe', 'pe'],
  },
  PVC: { ar: ['بولي فينيل كلوريد'], fr: ['pvc'], en: ['pvc'] },
  ABS: { ar: ['أكريلونتريل بوتادين ستايرين'], fr: ['abs'], en: ['abs'] },
  PET: { ar: ['بولي إيثيلين تيريفثالات'], fr: ['pet'], en: ['pet'] },
  PCB: {
    ar: ['دارات مطبوعة', 'لوحات إلكترونية'],
    fr: ['circuit imprimé', 'pcb'],
    en: ['printed circuit board', 'pcb'],
  },
  CARDBOARD: { ar: ['كرتون', 'ورق مقوى'], fr: ['carton'], en: ['cardboard', 'corrugated board'] },
  PAPER: { ar: ['ورق'], fr: ['papier'], en: ['paper'] },
  COTTON: { ar: ['قطن'], fr: ['coton'], en: ['cotton'] },
  POLYESTER: { ar: ['بوليستر'], fr: ['polyester'], en: ['polyester'] },
  LEATHER: { ar: ['جلد'], fr: ['cuir'], en: ['leather'] },
  WOOL: { ar: ['صوف'], fr: ['laine'], en: ['wool'] },
  WOOD: { ar: ['خشب'], fr: ['bois'], en: ['wood', 'timber'] },
  MDF: { ar: ['ألواح ليفية'], fr: ['mdf'], en: ['mdf'] },
  GLASS: { ar: ['زجاج'], fr: ['verre'], en: ['glass'] },
  CERAMIC: { ar: ['خزف', 'سيراميك'], fr: ['céramique'], en: ['ceramic', 'ceramics'] },
  CEMENT: { ar: ['إسمنت', 'اسمنت'], fr: ['ciment'], en: ['cement'] },
  WHEAT: { ar: ['قمح'], fr: ['blé'], en: ['wheat'] },
  MILK: { ar: ['حليب'], fr: ['lait'], en: ['milk'] },
  OLIVE_OIL: { ar: ['زيت الزيتون'], fr: ["huile d'olive"], en: ['olive oil'] },
  DATES: { ar: ['تمور', 'تمر'], fr: ['dattes'], en: ['dates'] },
  RUBBER: { ar: ['مطاط'], fr: ['caoutchouc'], en: ['rubber'] },
  RESIN: { ar: ['راتنج'], fr: ['résine'], en: ['resin'] },
  ACTIVE_INGREDIENTS: {
    ar: ['مواد فعالة'],
    fr: ['principes actifs'],
    en: ['active ingredients', 'api'],
  },
};

/** Material codes with their names, for generators and labels. */
export const MATERIALS: Readonly<Record<string, { ar: string[]; fr: string[]; en: string[] }>> =
  MATERIAL_NAMES;

/** Lower case, no accents or harakat, Arabic letter variants folded, leading `ال` dropped, spaces collapsed. */
export function normaliseTag(tag: string): string {
  return tag
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\p{M}\u0640]/gu, '')
    .replace(/[\u0622\u0623\u0625]/g, '\u0627')
    .replace(/\u0629/g, '\u0647')
    .replace(/\u0649/g, '\u064a')
    .replace(/[’'`-]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .split(' ')
    .map((w) => (w.length > 4 && w.startsWith('\u0627\u0644') ? w.slice(2) : w))
    .join(' ');
}

const byName = new Map<string, string>();
for (const [code, names] of Object.entries(MATERIAL_NAMES))
  for (const name of [...names.ar, ...names.fr, ...names.en]) byName.set(normaliseTag(name), code);

// Scoring folds the same few hundred tags millions of times in a full recompute; the cache is bounded.
const cache = new Map<string, string>();
const CACHE_LIMIT = 50_000;

/** The shared code of a material tag, or its normalised spelling when it is not a known material. */
export function canonicalMaterial(tag: string): string {
  let code = cache.get(tag);
  if (code === undefined) {
    const n = normaliseTag(tag);
    code = byName.get(n) ?? n;
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(tag, code);
  }
  return code;
}

/** Broad material classes: a supplier working only another class cannot work the wanted material. */
const MATERIAL_CLASS: Readonly<Record<string, string>> = {
  STEEL: 'METAL',
  STAINLESS_STEEL: 'METAL',
  ALUMINIUM: 'METAL',
  CAST_IRON: 'METAL',
  COPPER: 'METAL',
  BRASS: 'METAL',
  POLYPROPYLENE: 'POLYMER',
  POLYETHYLENE: 'POLYMER',
  PVC: 'POLYMER',
  ABS: 'POLYMER',
  PET: 'POLYMER',
  RUBBER: 'POLYMER',
  RESIN: 'POLYMER',
  PCB: 'ELECTRONIC',
  CARDBOARD: 'PAPER',
  PAPER: 'PAPER',
  COTTON: 'FIBRE',
  POLYESTER: 'FIBRE',
  WOOL: 'FIBRE',
  LEATHER: 'FIBRE',
  WOOD: 'WOOD',
  MDF: 'WOOD',
  GLASS: 'MINERAL',
  CERAMIC: 'MINERAL',
  CEMENT: 'MINERAL',
  WHEAT: 'FOOD',
  MILK: 'FOOD',
  OLIVE_OIL: 'FOOD',
  DATES: 'FOOD',
  ACTIVE_INGREDIENTS: 'CHEMICAL',
};

/** The class of a material code (`METAL`, `POLYMER`…), or null for a tag the dictionary does not know. */
export const materialClass = (code: string): string | null => MATERIAL_CLASS[code] ?? null;
