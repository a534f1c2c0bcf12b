import {
  PROCESS_FAMILY,
  WILAYAS,
  labelOf,
  type Lang,
  type OrganizationKind,
  type ProcessCode,
} from '#directory/taxonomy';
import { seededRandom } from '#platform/random';

/**
 * A subcontracting evaluation set written from its own specification, not from the scorer. Each firm
 * first gets a hidden nature (industry chain, processes it truly masters, materials it truly works,
 * quality level, true monthly throughput in kilograms, place); each request a hidden need (chain,
 * processes, one material, minimum quality level, monthly quantity in kilograms, where the supplier
 * may be). A supplier truly fits a request when its hidden nature meets the need (see `trulyFits`),
 * whether or not it was drawn for that request. Profiles and request texts are then written from the
 * hidden facts the way firms fill in forms: processes in any order, some fields left out, materials
 * as free words in Arabic, French or English (some spellings no dictionary knows), capacity in
 * tonnes, kilograms or pieces, a larger certification scheme listed without the one it includes.
 *
 * This module reads nothing from the matchmaking engine (a test checks its imports): its truth cannot
 * agree with the scorer by construction. Its output types are plain records that the engine's input
 * types accept structurally.
 */

export type MaterialCode =
  | 'STEEL'
  | 'STAINLESS'
  | 'ALUMINIUM'
  | 'CAST_IRON'
  | 'BRASS'
  | 'COPPER'
  | 'PP'
  | 'PE'
  | 'PVC'
  | 'ABS'
  | 'PET'
  | 'RUBBER'
  | 'PCB'
  | 'CARDBOARD'
  | 'PAPER'
  | 'COTTON'
  | 'POLYESTER'
  | 'LEATHER'
  | 'WOOL'
  | 'WOOD'
  | 'MDF'
  | 'CEMENT'
  | 'GLASS'
  | 'CERAMIC'
  | 'WHEAT'
  | 'MILK'
  | 'OLIVE_OIL'
  | 'DATES'
  | 'RESIN'
  | 'ACTIVE';

/**
 * How firms name materials, per language. Written for this generator: the common words, trade
 * abbreviations and a few spellings that a dictionary may miss (`alu`, `inox 304`, `حديد`).
 */
const MATERIAL_WORDS: Record<MaterialCode, Record<Lang, string[]>> = {
  STEEL: { en: ['steel', 'mild steel'], fr: ['acier', 'acier doux'], ar: ['فولاذ', 'حديد'] },
  STAINLESS: {
    en: ['stainless steel', 'inox'],
    fr: ['inox', 'inox 304'],
    ar: ['ستانلس', 'فولاذ مقاوم للصدأ'],
  },
  ALUMINIUM: { en: ['aluminium', 'aluminum', 'alu'], fr: ['aluminium', 'alu'], ar: ['ألومنيوم', 'ألمنيوم'] },
  CAST_IRON: { en: ['cast iron'], fr: ['fonte'], ar: ['حديد الزهر'] },
  BRASS: { en: ['brass'], fr: ['laiton'], ar: ['نحاس أصفر'] },
  COPPER: { en: ['copper'], fr: ['cuivre'], ar: ['نحاس'] },
  PP: { en: ['polypropylene', 'PP'], fr: ['polypropylène', 'PP'], ar: ['بولي بروبيلين'] },
  PE: { en: ['polyethylene', 'HDPE'], fr: ['polyéthylène', 'PEHD'], ar: ['بولي إيثيلين'] },
  PVC: { en: ['PVC'], fr: ['PVC'], ar: ['بي في سي', 'بولي فينيل كلوريد'] },
  ABS: { en: ['ABS'], fr: ['ABS'], ar: ['ABS'] },
  PET: { en: ['PET'], fr: ['PET'], ar: ['بولي إيثيلين تيريفثالات'] },
  RUBBER: { en: ['rubber', 'EPDM'], fr: ['caoutchouc'], ar: ['مطاط'] },
  PCB: {
    en: ['PCB', 'printed circuit board'],
    fr: ['circuit imprimé', 'carte électronique'],
    ar: ['لوحات إلكترونية'],
  },
  CARDBOARD: { en: ['corrugated board', 'cardboard'], fr: ['carton', 'carton ondulé'], ar: ['كرتون'] },
  PAPER: { en: ['paper'], fr: ['papier'], ar: ['ورق'] },
  COTTON: { en: ['cotton'], fr: ['coton'], ar: ['قطن'] },
  POLYESTER: { en: ['polyester'], fr: ['polyester'], ar: ['بوليستر'] },
  LEATHER: { en: ['leather'], fr: ['cuir'], ar: ['جلد'] },
  WOOL: { en: ['wool'], fr: ['laine'], ar: ['صوف'] },
  WOOD: { en: ['timber', 'wood'], fr: ['bois'], ar: ['خشب'] },
  MDF: { en: ['MDF'], fr: ['MDF', 'panneau de fibres'], ar: ['ألواح ليفية'] },
  CEMENT: { en: ['cement'], fr: ['ciment'], ar: ['إسمنت'] },
  GLASS: { en: ['glass'], fr: ['verre'], ar: ['زجاج'] },
  CERAMIC: { en: ['ceramics', 'tiles'], fr: ['céramique', 'carrelage'], ar: ['سيراميك', 'خزف'] },
  WHEAT: { en: ['wheat', 'durum wheat'], fr: ['blé', 'blé dur'], ar: ['قمح'] },
  MILK: { en: ['milk'], fr: ['lait'], ar: ['حليب'] },
  OLIVE_OIL: { en: ['olive oil'], fr: ["huile d'olive"], ar: ['زيت الزيتون'] },
  DATES: { en: ['dates'], fr: ['dattes'], ar: ['تمور'] },
  RESIN: { en: ['resin', 'epoxy'], fr: ['résine'], ar: ['راتنج'] },
  ACTIVE: { en: ['active ingredients'], fr: ['principes actifs'], ar: ['مواد فعالة'] },
};

export interface Chain {
  code: string;
  divisions: readonly string[];
  processes: readonly ProcessCode[];
  materials: readonly MaterialCode[];
  /** Mass of a typical part, in kilograms: the range firms and buyers convert pieces with. */
  pieceKg: readonly [number, number];
  /** Quality management certification of level 1 in this chain. */
  base: string;
  /** Sector scheme of level 2, which includes `base`; null where the chain has none. */
  scheme: string | null;
}

export const CHAINS: readonly Chain[] = [
  {
    code: 'METAL',
    divisions: ['25', '28'],
    processes: [
      'MACHINING',
      'CNC_MACHINING',
      'WELDING',
      'SHEET_METAL',
      'CASTING',
      'FORGING',
      'EXTRUSION',
      'HEAT_TREATMENT',
      'SURFACE_TREATMENT',
    ],
    materials: ['STEEL', 'STAINLESS', 'ALUMINIUM', 'CAST_IRON', 'BRASS'],
    pieceKg: [0.2, 20],
    base: 'ISO_9001',
    scheme: 'AS_9100',
  },
  {
    code: 'AUTOMOTIVE',
    divisions: ['29'],
    processes: ['ASSEMBLY', 'CNC_MACHINING', 'WELDING', 'INJECTION_MOULDING', 'SHEET_METAL'],
    materials: ['STEEL', 'ALUMINIUM', 'PP', 'ABS', 'RUBBER'],
    pieceKg: [0.05, 8],
    base: 'ISO_9001',
    scheme: 'IATF_16949',
  },
  {
    code: 'PLASTICS',
    divisions: ['22'],
    processes: ['INJECTION_MOULDING', 'EXTRUSION', 'ADDITIVE_MANUFACTURING'],
    materials: ['PP', 'PE', 'PVC', 'ABS', 'PET'],
    pieceKg: [0.01, 2],
    base: 'ISO_9001',
    scheme: null,
  },
  {
    code: 'ELECTRICAL',
    divisions: ['27', '26'],
    processes: ['ELECTRONICS_ASSEMBLY', 'ELECTRICAL_WIRING', 'ASSEMBLY', 'TESTING_INSPECTION'],
    materials: ['COPPER', 'PCB', 'ALUMINIUM'],
    pieceKg: [0.02, 3],
    base: 'ISO_9001',
    scheme: null,
  },
  {
    code: 'FOOD',
    divisions: ['10', '11'],
    processes: ['FOOD_PROCESSING', 'PACKAGING'],
    materials: ['WHEAT', 'MILK', 'OLIVE_OIL', 'DATES'],
    pieceKg: [0.25, 5],
    base: 'ISO_22000',
    scheme: 'FSSC_22000',
  },
  {
    code: 'PACKAGING',
    divisions: ['17', '18'],
    processes: ['PACKAGING', 'PRINTING'],
    materials: ['CARDBOARD', 'PAPER', 'PE', 'PET'],
    pieceKg: [0.02, 1],
    base: 'ISO_9001',
    scheme: null,
  },
  {
    code: 'TEXTILE',
    divisions: ['14', '13', '15'],
    processes: ['TEXTILE_GARMENT', 'LEATHER'],
    materials: ['COTTON', 'POLYESTER', 'LEATHER', 'WOOL'],
    pieceKg: [0.1, 1.5],
    base: 'ISO_9001',
    scheme: null,
  },
  {
    code: 'CHEMICALS',
    divisions: ['20', '21'],
    processes: ['CHEMICALS_FORMULATION', 'PHARMA_MANUFACTURING', 'PACKAGING'],
    materials: ['RESIN', 'ACTIVE', 'PET'],
    pieceKg: [0.1, 25],
    base: 'ISO_9001',
    scheme: null,
  },
  {
    code: 'WOOD',
    divisions: ['16', '31'],
    processes: ['WOODWORKING', 'SURFACE_TREATMENT'],
    materials: ['WOOD', 'MDF'],
    pieceKg: [1, 40],
    base: 'ISO_9001',
    scheme: null,
  },
  {
    code: 'BUILDING',
    divisions: ['23'],
    processes: ['CONSTRUCTION_MATERIALS', 'GLASS_CERAMICS'],
    materials: ['CEMENT', 'GLASS', 'CERAMIC'],
    pieceKg: [2, 50],
    base: 'ISO_9001',
    scheme: null,
  },
];

/** The schemes a certification includes, by the standards' own definitions. */
export const SCHEME_INCLUDES: Readonly<Record<string, readonly string[]>> = {
  IATF_16949: ['ISO_9001'],
  AS_9100: ['ISO_9001'],
  FSSC_22000: ['ISO_22000'],
};

export type CapacityUnit = 'tonnes' | 'kg' | 'pieces';

/** What a firm is, unseen by any ranker. */
export interface LatentSupplier {
  id: string;
  chain: string;
  processes: ProcessCode[];
  materials: MaterialCode[];
  /** 0 none, 1 quality management (the chain's base), 2 the chain's sector scheme. */
  quality: 0 | 1 | 2;
  /** True monthly throughput in kilograms. */
  capacityKg: number;
  country: string;
  regionCode: string | null;
}

/** What a buyer needs, unseen by any ranker. */
export interface LatentRequest {
  id: string;
  chain: string;
  processes: ProcessCode[];
  required: ProcessCode[];
  material: MaterialCode;
  minQuality: 0 | 1 | 2;
  needKg: number;
  country: string;
  regionCode: string | null;
  countries: string[];
  regionCodes: string[];
}

export interface WrittenCapability {
  process: ProcessCode;
  materials: string[];
  monthlyCapacity: number | null;
  capacityUnit: CapacityUnit | null;
}

/** A profile as a firm writes it; the engine's `OrgProfile` accepts it. */
export interface WrittenSupplier {
  id: string;
  kind: OrganizationKind;
  country: string;
  regionCode: string | null;
  sectors: string[];
  capabilities: WrittenCapability[];
  certifications: string[];
  languages: string[];
  feedback: { accepted: number; dismissed: number; notRelevant: number } | null;
}

/** A request as a buyer writes it; the engine's `SubcontractingRequest` accepts it. */
export interface WrittenRequest {
  id: string;
  requesterId: string;
  country: string;
  regionCode: string | null;
  processes: ProcessCode[];
  requiredProcesses: ProcessCode[];
  sectors: string[];
  materials: string[];
  volume: number | null;
  volumeUnit: CapacityUnit | null;
  requiredCertifications: string[];
  preferredCertifications: string[];
  countries: string[];
  regionCodes: string[];
  languages: string[];
}

/** Why a supplier was drawn next to a request; kept for diagnostics, never read by a ranker. */
export type SupplierRole =
  | 'background'
  | 'fit'
  | 'near-small'
  | 'far-large'
  | 'miss-process'
  | 'miss-certification'
  | 'miss-country'
  | 'miss-region'
  | 'miss-material'
  | 'miss-capacity';

/** Near misses that fail one written hard criterion; any ranker with the hard filter must drop them. */
export const HARD_MISSES: readonly SupplierRole[] = [
  'miss-process',
  'miss-certification',
  'miss-country',
  'miss-region',
];
/** Near misses that pass every written hard criterion but that no buyer would take. */
export const SOFT_MISSES: readonly SupplierRole[] = ['miss-material', 'miss-capacity'];

export interface LatentCase {
  request: WrittenRequest;
  text: { lang: Lang; text: string };
  /** Every supplier of the pool that truly fits, planted for this request or not. */
  relevant: string[];
  /** 3: full quantity and same country as the buyer; 2: full quantity or same country; 1: fits otherwise. */
  gains: Record<string, number>;
  /** Suppliers drawn for this request to fail one criterion, with the criterion. */
  nearMisses: { id: string; fails: SupplierRole }[];
}

export interface LatentWorld {
  seed: number;
  suppliers: WrittenSupplier[];
  texts: Record<string, { lang: Lang; text: string }>;
  cases: LatentCase[];
  /** The hidden facts, for the truth and for tests; rankers get `suppliers` and `texts` only. */
  latent: { suppliers: Map<string, LatentSupplier>; requests: Map<string, LatentRequest> };
  roles: Map<string, { request: string | null; role: SupplierRole }>;
}

export interface LatentWorldOptions {
  seed?: number;
  requests?: number;
  /** Firms drawn without any request in mind. */
  background?: number;
}

class Dice {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = seededRandom(seed);
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)];
  }
  some<T>(xs: readonly T[], n: number): T[] {
    const out = [...xs];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out.slice(0, Math.max(0, Math.min(n, out.length)));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  logUniform(lo: number, hi: number): number {
    return Math.exp(Math.log(lo) + this.next() * (Math.log(hi) - Math.log(lo)));
  }
}

const WILAYA_CODES = WILAYAS.filter((w) => w.iso).map((w) => w.code);
const MAGHREB = ['TN', 'MA'] as const;
const MASHREQ = ['EG', 'SA', 'AE', 'JO'] as const;
const ELSEWHERE = ['FR', 'IT', 'TR', 'ES'] as const;
const SPOKEN: Record<string, string[]> = {
  DZ: ['ar', 'fr', 'en'],
  TN: ['ar', 'fr', 'en'],
  MA: ['ar', 'fr', 'es'],
  EG: ['ar', 'en'],
  SA: ['ar', 'en'],
  AE: ['ar', 'en'],
  JO: ['ar', 'en'],
  FR: ['fr', 'en'],
  IT: ['it', 'en'],
  TR: ['tr', 'en'],
  ES: ['es', 'en', 'fr'],
};

const chainOf = (code: string): Chain => CHAINS.find((c) => c.code === code)!;

/** Certifications a firm of this quality holds, by definition. */
function heldCertifications(chain: Chain, quality: number): string[] {
  if (quality >= 2 && chain.scheme) return [chain.scheme, ...(SCHEME_INCLUDES[chain.scheme] ?? [])];
  return quality >= 1 ? [chain.base] : [];
}

/** The certification a request's quality level calls for in its chain. */
function requiredCertification(r: LatentRequest): string | null {
  const chain = chainOf(r.chain);
  return r.minQuality === 2 ? chain.scheme : r.minQuality === 1 ? chain.base : null;
}

/**
 * The truth: the supplier masters every required process and works the material, has the quality
 * asked for, stands where the buyer allows, and can make at least half the monthly quantity (a buyer
 * can split an order in two, not in twenty).
 */
export function trulyFits(r: LatentRequest, s: LatentSupplier): boolean {
  if (!r.required.every((p) => s.processes.includes(p))) return false;
  if (!s.materials.includes(r.material)) return false;
  const needed = requiredCertification(r);
  if (needed && !heldCertifications(chainOf(s.chain), s.quality).includes(needed)) return false;
  if (r.countries.length && !r.countries.includes(s.country)) return false;
  if (r.regionCodes.length && !(s.regionCode && r.regionCodes.includes(s.regionCode))) return false;
  return s.capacityKg >= 0.5 * r.needKg;
}

/** Graded gain of a true fit: the whole quantity counts one, being in the buyer's country one. */
export function gainOf(r: LatentRequest, s: LatentSupplier): number {
  return 1 + (s.capacityKg >= r.needKg ? 1 : 0) + (s.country === r.country ? 1 : 0);
}

function randomPlace(d: Dice): { country: string; regionCode: string | null } {
  const x = d.next();
  if (x < 0.65) return { country: 'DZ', regionCode: d.pick(WILAYA_CODES) };
  if (x < 0.8) return { country: d.pick(MAGHREB), regionCode: null };
  if (x < 0.92) return { country: d.pick(MASHREQ), regionCode: null };
  return { country: d.pick(ELSEWHERE), regionCode: null };
}

function writingLang(d: Dice, country: string): Lang {
  if (country === 'DZ' || country === 'TN' || country === 'MA')
    return d.pick(['ar', 'fr', 'fr', 'en'] as Lang[]);
  if (country === 'FR') return 'fr';
  return (MASHREQ as readonly string[]).includes(country) ? d.pick(['ar', 'ar', 'en'] as Lang[]) : 'en';
}

const UNIT_WORDS: Record<CapacityUnit, Record<Lang, string>> = {
  tonnes: { en: 't/month', fr: 't/mois', ar: 'طن شهريا' },
  kg: { en: 'kg/month', fr: 'kg/mois', ar: 'كغ شهريا' },
  pieces: { en: 'pieces/month', fr: 'pièces/mois', ar: 'قطعة شهريا' },
};

/** A quantity in kilograms written in a unit, rounded like a form entry. */
function writeQuantity(kg: number, unit: CapacityUnit, pieceKg: number): number {
  const raw = unit === 'tonnes' ? kg / 1000 : unit === 'kg' ? kg : kg / pieceKg;
  const digits = raw >= 100 ? 2 : 3;
  const p = 10 ** (Math.floor(Math.log10(Math.max(raw, 1e-6))) - digits + 1);
  return Math.max(unit === 'tonnes' ? 0.1 : 1, Math.round(raw / p) * p);
}

function latentSupplier(id: string, d: Dice, chain: Chain, place = randomPlace(d)): LatentSupplier {
  const quality = (d.chance(0.35) ? 0 : chain.scheme && d.chance(0.35) ? 2 : 1) as 0 | 1 | 2;
  const band = d.pick([0, 1, 1, 2]);
  const capacityKg = d.logUniform([200, 2_000, 20_000][band], [5_000, 60_000, 400_000][band]);
  return {
    id,
    chain: chain.code,
    processes: d.some(chain.processes, d.int(1, 3)),
    materials: d.some(chain.materials, d.int(1, 3)),
    quality,
    capacityKg,
    ...place,
  };
}

/** The profile the firm writes about itself. */
function writeSupplier(
  s: LatentSupplier,
  d: Dice,
): { profile: WrittenSupplier; text: { lang: Lang; text: string } } {
  const chain = chainOf(s.chain);
  const lang = writingLang(d, s.country);
  const unit: CapacityUnit = d.pick(['pieces', 'pieces', 'tonnes', 'tonnes', 'kg']);
  const pieceKg = d.logUniform(chain.pieceKg[0], chain.pieceKg[1]);
  // Forms list processes in any order; one in ten firms leaves a secondary process out.
  let processes = d.some(s.processes, s.processes.length);
  if (processes.length > 1 && d.chance(0.1)) processes = processes.slice(0, -1);
  const statesCapacity = d.chance(0.75);
  const perCapability = s.capacityKg / processes.length;
  const capabilities: WrittenCapability[] = processes.map((process) => ({
    process,
    materials: d.chance(0.8)
      ? s.materials.map((m) =>
          d.pick(MATERIAL_WORDS[m][d.chance(0.8) ? lang : d.pick(['ar', 'fr', 'en'] as Lang[])]),
        )
      : [],
    monthlyCapacity: statesCapacity ? writeQuantity(perCapability, unit, pieceKg) : null,
    capacityUnit: statesCapacity ? unit : null,
  }));
  let certifications = heldCertifications(chain, s.quality);
  // A larger scheme is often listed alone, since it includes the smaller one; some forms omit all.
  if (certifications.length > 1 && d.chance(0.6)) certifications = certifications.slice(0, 1);
  if (d.chance(0.08)) certifications = [];
  if (d.chance(0.2)) certifications = [...certifications, d.pick(['ISO_14001', 'ISO_45001', 'HALAL'])];
  const spoken = SPOKEN[s.country] ?? ['en'];
  const profile: WrittenSupplier = {
    id: s.id,
    kind: 'SME',
    country: s.country,
    regionCode: s.regionCode,
    sectors: d.chance(0.85) ? d.some(chain.divisions, d.int(1, 2)) : [],
    capabilities,
    certifications: [...new Set(certifications)],
    languages: d.some(spoken, d.int(1, spoken.length)),
    // Feedback reflects how firms answer messages, not how well they fit any one request.
    feedback: d.chance(0.4)
      ? { accepted: d.int(0, 5), dismissed: d.int(0, 3), notRelevant: d.int(0, 2) }
      : null,
  };
  const words = [
    ...processes.map((p) => labelOf('process', p, lang)),
    ...s.materials.map((m) => d.pick(MATERIAL_WORDS[m][lang])),
  ];
  const capacity = statesCapacity ? `${capabilities[0].monthlyCapacity} ${UNIT_WORDS[unit][lang]}` : '';
  return { profile, text: { lang, text: [words.join(', '), capacity].filter(Boolean).join('. ') } };
}

function latentRequest(id: string, d: Dice): LatentRequest {
  const chain = d.pick(CHAINS);
  const place = d.chance(0.75)
    ? { country: 'DZ', regionCode: d.pick(WILAYA_CODES) as string | null }
    : { country: d.pick([...MAGHREB, ...MASHREQ]), regionCode: null };
  const processes = d.some(chain.processes, d.chance(0.5) ? 2 : 1);
  const required = processes.length > 1 && d.chance(0.3) ? [...processes] : [processes[0]];
  const x = d.next();
  const countries = x < 0.4 ? [place.country] : x < 0.55 ? ['DZ', 'TN', 'MA'] : [];
  const regionCodes =
    place.regionCode && countries.includes('DZ') && d.chance(0.3)
      ? [
          place.regionCode,
          ...d.some(
            WILAYA_CODES.filter((w) => w !== place.regionCode),
            3,
          ),
        ]
      : [];
  const y = d.next();
  const minQuality = (y < 0.4 ? 0 : y < 0.8 || !chain.scheme ? 1 : 2) as 0 | 1 | 2;
  return {
    id,
    chain: chain.code,
    processes,
    required,
    material: d.pick(chain.materials),
    minQuality,
    needKg: d.logUniform(500, 80_000),
    ...place,
    countries,
    regionCodes,
  };
}

function writeRequest(
  r: LatentRequest,
  d: Dice,
): { request: WrittenRequest; text: { lang: Lang; text: string } } {
  const chain = chainOf(r.chain);
  const lang = writingLang(d, r.country);
  const unit: CapacityUnit = d.pick(['pieces', 'pieces', 'tonnes', 'kg']);
  const pieceKg = d.logUniform(chain.pieceKg[0], chain.pieceKg[1]);
  const needed = requiredCertification(r);
  const required = needed ? [needed] : [];
  const states = d.chance(0.85);
  const spoken = SPOKEN[r.country] ?? ['en'];
  const request: WrittenRequest = {
    id: r.id,
    requesterId: `buyer-of-${r.id}`,
    country: r.country,
    regionCode: r.regionCode,
    processes: r.processes,
    requiredProcesses: r.required,
    sectors: [chain.divisions[0]],
    materials: [d.pick(MATERIAL_WORDS[r.material][lang])],
    volume: states ? writeQuantity(r.needKg, unit, pieceKg) : null,
    volumeUnit: states ? unit : null,
    requiredCertifications: required,
    preferredCertifications: d.chance(0.25) ? ['ISO_14001'] : [],
    countries: r.countries,
    regionCodes: r.regionCodes,
    languages: d.some(
      spoken.filter((l) => l !== 'es'),
      2,
    ),
  };
  const lead = { ar: 'نبحث عن مناول', fr: 'Recherche sous-traitant', en: 'Looking for a subcontractor' }[
    lang
  ];
  const text = [
    lead,
    r.processes.map((p) => labelOf('process', p, lang)).join(', '),
    request.materials.join(', '),
    states ? `${request.volume} ${UNIT_WORDS[unit][lang]}` : '',
  ]
    .filter(Boolean)
    .join('. ');
  return { request, text: { lang, text } };
}

/** Another process of the same family that the request does not ask for, or any other one. */
function siblingProcess(p: ProcessCode, avoid: readonly ProcessCode[], d: Dice): ProcessCode {
  const all = Object.keys(PROCESS_FAMILY) as ProcessCode[];
  const same = all.filter((q) => q !== p && PROCESS_FAMILY[q] === PROCESS_FAMILY[p] && !avoid.includes(q));
  return d.pick(same.length ? same : all.filter((q) => q !== p && !avoid.includes(q)));
}

/** A firm that meets the request's need, in a place the buyer allows. */
function fittingSupplier(r: LatentRequest, id: string, d: Dice): LatentSupplier {
  const chain = chainOf(r.chain);
  const place = r.regionCodes.length
    ? { country: 'DZ', regionCode: d.pick(r.regionCodes) as string | null }
    : r.countries.length
      ? (() => {
          const country = d.pick(r.countries);
          return { country, regionCode: country === 'DZ' ? (d.pick(WILAYA_CODES) as string | null) : null };
        })()
      : d.chance(0.6)
        ? {
            country: r.country,
            regionCode: r.country === 'DZ' ? (d.pick(WILAYA_CODES) as string | null) : null,
          }
        : randomPlace(d);
  const base = latentSupplier(id, d, chain, place);
  const extra = d.some(
    chain.processes.filter((p) => !r.required.includes(p)),
    d.int(0, 2),
  );
  return {
    ...base,
    processes: d.some([...r.required, ...extra], r.required.length + extra.length),
    materials: [...new Set([r.material, ...d.some(chain.materials, d.int(0, 2))])],
    quality: Math.max(r.minQuality, base.quality) as 0 | 1 | 2,
    capacityKg: r.needKg * d.logUniform(1, 12),
  };
}

/** The same options give the same set, to the byte. */
export function generateLatentWorld(options: LatentWorldOptions = {}): LatentWorld {
  const seed = options.seed ?? 1;
  const d = new Dice(seed);
  const latentSuppliers: LatentSupplier[] = [];
  const roles = new Map<string, { request: string | null; role: SupplierRole }>();
  const requests: LatentRequest[] = [];
  let next = 0;
  const provisional = () => `draft-${next++}`;
  const add = (s: LatentSupplier, request: string | null, role: SupplierRole) => {
    latentSuppliers.push(s);
    roles.set(s.id, { request, role });
  };

  for (let i = 0; i < (options.requests ?? 40); i++) {
    const r = latentRequest(`request-${i}`, d);
    requests.push(r);
    for (let k = d.int(2, 4); k > 0; k--) add(fittingSupplier(r, provisional(), d), r.id, 'fit');
    // Trade-offs: nearer but smaller (the buyer's wilaya or country, 50 to 90% of the quantity), and
    // farther but large.
    const near = fittingSupplier(r, provisional(), d);
    const nearPlace =
      r.regionCodes.length || r.countries.length
        ? { country: near.country, regionCode: near.regionCode }
        : { country: r.country, regionCode: r.regionCode };
    add({ ...near, ...nearPlace, capacityKg: r.needKg * (0.5 + 0.4 * d.next()) }, r.id, 'near-small');
    if (!r.countries.length) {
      const far = fittingSupplier(r, provisional(), d);
      const country = d.pick(ELSEWHERE.filter((c) => c !== r.country));
      add(
        { ...far, country, regionCode: null, capacityKg: r.needKg * d.logUniform(3, 20) },
        r.id,
        'far-large',
      );
    }
    // Near misses: a fit with one criterion broken.
    for (let k = 0; k < 2; k++) {
      const o = fittingSupplier(r, provisional(), d);
      const missing = d.pick(r.required);
      const replacement = siblingProcess(missing, r.processes, d);
      add(
        { ...o, processes: [...new Set(o.processes.map((p) => (p === missing ? replacement : p)))] },
        r.id,
        'miss-process',
      );
    }
    if (r.minQuality > 0) {
      const o = fittingSupplier(r, provisional(), d);
      add({ ...o, quality: (r.minQuality - 1) as 0 | 1 }, r.id, 'miss-certification');
    }
    if (r.countries.length && !r.regionCodes.length) {
      const o = fittingSupplier(r, provisional(), d);
      const country = d.pick(
        [...MAGHREB, ...MASHREQ, ...ELSEWHERE, 'DZ'].filter((c) => !r.countries.includes(c)),
      );
      add(
        { ...o, country, regionCode: country === 'DZ' ? d.pick(WILAYA_CODES) : null },
        r.id,
        'miss-country',
      );
    }
    if (r.regionCodes.length) {
      const o = fittingSupplier(r, provisional(), d);
      add(
        { ...o, regionCode: d.pick(WILAYA_CODES.filter((w) => !r.regionCodes.includes(w))) },
        r.id,
        'miss-region',
      );
    }
    // Soft misses: pass every hard criterion but no buyer would take them. A firm of another chain
    // that masters the same process on an incompatible material (a plastics extruder for aluminium),
    // and a fit whose monthly capacity is a few percent of the quantity.
    const other = CHAINS.filter(
      (c) =>
        c.code !== r.chain &&
        r.required.every((p) => c.processes.includes(p)) &&
        !c.materials.includes(r.material),
    );
    const o = fittingSupplier(r, provisional(), d);
    if (other.length) {
      const c = d.pick(other);
      add({ ...o, chain: c.code, materials: d.some(c.materials, d.int(1, 2)) }, r.id, 'miss-material');
    } else {
      const wrong = CHAINS.flatMap((c) => c.materials).filter((m) => !chainOf(r.chain).materials.includes(m));
      add({ ...o, materials: [d.pick(wrong)] }, r.id, 'miss-material');
    }
    const small = fittingSupplier(r, provisional(), d);
    add({ ...small, capacityKg: r.needKg * (0.01 + 0.07 * d.next()) }, r.id, 'miss-capacity');
  }
  for (let n = 0; n < (options.background ?? 1200); n++)
    add(latentSupplier(provisional(), d, d.pick(CHAINS)), null, 'background');

  // Opaque ids in a shuffled order, so that no ranker can read a role from an id or its position.
  const order = d.some(latentSuppliers, latentSuppliers.length);
  const rename = new Map<string, string>();
  order.forEach((s, i) => rename.set(s.id, `firm-${String(i).padStart(5, '0')}`));
  const supplierFacts = new Map<string, LatentSupplier>();
  const renamedRoles = new Map<string, { request: string | null; role: SupplierRole }>();
  const suppliers: WrittenSupplier[] = [];
  const texts: Record<string, { lang: Lang; text: string }> = {};
  for (const s of order) {
    const id = rename.get(s.id)!;
    const latent = { ...s, id };
    supplierFacts.set(id, latent);
    renamedRoles.set(id, roles.get(s.id)!);
    const written = writeSupplier(latent, d);
    suppliers.push(written.profile);
    texts[id] = written.text;
  }
  const cases: LatentCase[] = requests.map((r) => {
    const { request, text } = writeRequest(r, d);
    texts[r.id] = text;
    const gains: Record<string, number> = {};
    const relevant: string[] = [];
    for (const s of supplierFacts.values())
      if (trulyFits(r, s)) {
        relevant.push(s.id);
        gains[s.id] = gainOf(r, s);
      }
    const nearMisses = [...renamedRoles.entries()]
      .filter(([, v]) => v.request === r.id && v.role.startsWith('miss-'))
      .map(([id, v]) => ({ id, fails: v.role }));
    return { request, text, relevant, gains, nearMisses };
  });
  return {
    seed,
    suppliers,
    texts,
    cases,
    latent: { suppliers: supplierFacts, requests: new Map(requests.map((r) => [r.id, r])) },
    roles: renamedRoles,
  };
}
