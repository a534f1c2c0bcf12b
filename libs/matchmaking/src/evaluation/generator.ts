import {
  PROCESS_FAMILY,
  WILAYAS,
  labelOf,
  sector as sectorEntry,
  type CompanyStage,
  type EmployeeBand,
  type FinancingInstrument,
  type Lang,
  type ProcessCode,
} from '#directory/taxonomy';
import { MATERIALS } from '../engine/materials.js';
import { seededRandom, shuffled } from '../engine/random.js';
import type {
  CapabilityInput,
  FinancierCriteria,
  OrgProfile,
  SubcontractingRequest,
} from '../engine/types.js';

/**
 * A deterministic evaluation set with known answers. Each subcontracting request gets suppliers planted to
 * truly fit it, near misses that are identical to a fit but fail exactly one hard criterion, one-way fits
 * (able to serve, but the order is tiny for them and outside their core business) and noise; each
 * financier gets planted SMEs, near misses and one-way fits the same way; cluster SMEs are planted in
 * value-chain groups of one wilaya among noise. Profiles and texts are written in Arabic, French or
 * English, so text matching meets the same language barrier it meets in the product.
 */

export interface Industry {
  code: string;
  divisions: readonly string[];
  processes: readonly ProcessCode[];
  materials: readonly string[];
  certifications: readonly string[];
}

export const INDUSTRIES: readonly Industry[] = [
  {
    code: 'METAL',
    divisions: ['25', '24', '28'],
    processes: [
      'MACHINING',
      'CNC_MACHINING',
      'WELDING',
      'SHEET_METAL',
      'CASTING',
      'FORGING',
      'HEAT_TREATMENT',
      'SURFACE_TREATMENT',
    ],
    materials: ['STEEL', 'STAINLESS_STEEL', 'ALUMINIUM', 'CAST_IRON', 'BRASS', 'COPPER'],
    certifications: ['ISO_9001', 'ISO_14001', 'IATF_16949', 'AS_9100', 'API_Q1', 'ISO_45001'],
  },
  {
    code: 'AUTOMOTIVE',
    divisions: ['29', '30'],
    processes: ['ASSEMBLY', 'CNC_MACHINING', 'WELDING', 'INJECTION_MOULDING', 'SHEET_METAL'],
    materials: ['STEEL', 'ALUMINIUM', 'POLYPROPYLENE', 'ABS', 'RUBBER'],
    certifications: ['IATF_16949', 'ISO_9001', 'ISO_14001'],
  },
  {
    code: 'PLASTICS',
    divisions: ['22'],
    processes: ['INJECTION_MOULDING', 'EXTRUSION', 'ADDITIVE_MANUFACTURING'],
    materials: ['POLYPROPYLENE', 'POLYETHYLENE', 'PVC', 'ABS', 'PET'],
    certifications: ['ISO_9001', 'ISO_14001', 'ISO_13485'],
  },
  {
    code: 'ELECTRICAL',
    divisions: ['27', '26'],
    processes: ['ELECTRONICS_ASSEMBLY', 'ELECTRICAL_WIRING', 'ASSEMBLY', 'TESTING_INSPECTION'],
    materials: ['COPPER', 'PCB', 'ALUMINIUM', 'ABS'],
    certifications: ['ISO_9001', 'CE_MARKING', 'ISO_14001', 'ISO_13485'],
  },
  {
    code: 'FOOD',
    divisions: ['10', '11'],
    processes: ['FOOD_PROCESSING', 'PACKAGING'],
    materials: ['WHEAT', 'MILK', 'OLIVE_OIL', 'DATES', 'PET', 'CARDBOARD'],
    certifications: ['ISO_22000', 'FSSC_22000', 'HACCP', 'HALAL'],
  },
  {
    code: 'PACKAGING',
    divisions: ['17', '18'],
    processes: ['PACKAGING', 'PRINTING'],
    materials: ['CARDBOARD', 'PAPER', 'POLYETHYLENE', 'PET'],
    certifications: ['ISO_9001', 'FSSC_22000', 'ISO_14001'],
  },
  {
    code: 'TEXTILE',
    divisions: ['14', '13', '15'],
    processes: ['TEXTILE_GARMENT', 'LEATHER'],
    materials: ['COTTON', 'POLYESTER', 'LEATHER', 'WOOL'],
    certifications: ['ISO_9001', 'ISO_14001'],
  },
  {
    code: 'CHEMICALS',
    divisions: ['20', '21'],
    processes: ['CHEMICALS_FORMULATION', 'PHARMA_MANUFACTURING', 'PACKAGING'],
    materials: ['RESIN', 'ACTIVE_INGREDIENTS', 'PET', 'POLYETHYLENE'],
    certifications: ['GMP', 'ISO_9001', 'ISO_14001', 'ISO_45001'],
  },
  {
    code: 'WOOD',
    divisions: ['16', '31'],
    processes: ['WOODWORKING', 'SURFACE_TREATMENT'],
    materials: ['WOOD', 'MDF', 'RESIN'],
    certifications: ['ISO_9001', 'ISO_14001'],
  },
  {
    code: 'BUILDING',
    divisions: ['23'],
    processes: ['CONSTRUCTION_MATERIALS', 'GLASS_CERAMICS'],
    materials: ['CEMENT', 'GLASS', 'CERAMIC'],
    certifications: ['ISO_9001', 'CE_MARKING', 'ISO_14001'],
  },
  {
    code: 'SERVICES',
    divisions: ['71', '62', '33'],
    processes: ['ENGINEERING_DESIGN', 'SOFTWARE', 'TESTING_INSPECTION', 'MAINTENANCE'],
    materials: [],
    certifications: ['ISO_27001', 'ISO_17025', 'ISO_9001'],
  },
  {
    code: 'RECYCLING',
    divisions: ['38'],
    processes: ['RECYCLING', 'LOGISTICS'],
    materials: ['PET', 'PAPER', 'STEEL'],
    certifications: ['ISO_14001'],
  },
];

const industryOfDivision = new Map<string, Industry>();
for (const ind of INDUSTRIES)
  for (const d of ind.divisions) if (!industryOfDivision.has(d)) industryOfDivision.set(d, ind);

const ARAB = ['TN', 'MA', 'EG', 'SA', 'AE', 'JO'] as const;
const ELSEWHERE = ['FR', 'IT', 'TR', 'DE', 'ES'] as const;
const SPOKEN: Record<string, string[]> = {
  DZ: ['ar', 'fr', 'en', 'ber'],
  TN: ['ar', 'fr', 'en'],
  MA: ['ar', 'fr', 'es'],
  EG: ['ar', 'en'],
  SA: ['ar', 'en'],
  AE: ['ar', 'en'],
  JO: ['ar', 'en'],
  FR: ['fr', 'en'],
  IT: ['it', 'en'],
  TR: ['tr', 'en'],
  DE: ['de', 'en'],
  ES: ['es', 'en', 'fr'],
};
const WILAYA_CODES = WILAYAS.filter((w) => w.iso).map((w) => w.code);
const BANDS: EmployeeBand[] = ['1-9', '10-49', '50-249'];
const STAGES: CompanyStage[] = ['STARTUP', 'GROWTH', 'MATURE'];
const INSTRUMENTS: FinancingInstrument[] = [
  'LOAN',
  'LEASING',
  'GUARANTEE',
  'EQUITY',
  'MURABAHA',
  'IJARA',
  'MUSHARAKA',
];
export const EVALUATION_YEAR = 2025;

export interface Text {
  lang: Lang;
  text: string;
}

export type NearMissKind = 'process' | 'certification' | 'country' | 'region' | 'min_age' | 'min_employees';

export interface Judged {
  /** Truly fitting candidates: the relevant set for precision and recall. */
  relevant: string[];
  /** Graded gains for NDCG: 2 for a fit, 1 for a one-way fit. */
  gains: Record<string, number>;
  nearMisses: { id: string; fails: NearMissKind }[];
}

export interface SubcontractingCase extends Judged {
  request: SubcontractingRequest;
}

export interface FinancingCase extends Judged {
  criteria: FinancierCriteria;
}

export interface PlantedGroup {
  id: string;
  divisions: readonly string[];
  regionCode: string;
  members: string[];
}

export interface EvaluationSet {
  seed: number;
  asOfYear: number;
  /** Every SME, large firm and financier of the subcontracting and financing cases. */
  organisations: OrgProfile[];
  texts: Record<string, Text>;
  subcontracting: SubcontractingCase[];
  financing: FinancingCase[];
  clusters: {
    smes: OrgProfile[];
    supportInstitutions: OrgProfile[];
    financiers: OrgProfile[];
    groups: PlantedGroup[];
  };
}

export interface EvaluationOptions {
  seed?: number;
  requests?: number;
  financiers?: number;
  /** Unrelated SMEs added to the pool. */
  noise?: number;
  clusterGroups?: number;
  clusterNoise?: number;
}

class Draw {
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
    return shuffled(xs, this.next).slice(0, Math.max(0, Math.min(n, xs.length)));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  logUniform(lo: number, hi: number): number {
    return Math.round(Math.exp(Math.log(lo) + this.next() * (Math.log(hi) - Math.log(lo))));
  }
}

const SURNAMES = {
  latin: [
    'Benali',
    'Haddad',
    'Bouzid',
    'Merabet',
    'Saadi',
    'Kacemi',
    'Belkacem',
    'Zerrouki',
    'Mansouri',
    'Toumi',
    'Cherif',
    'Amrani',
  ],
  ar: [
    'بن علي',
    'حداد',
    'بوزيد',
    'مرابط',
    'سعدي',
    'قاسمي',
    'بلقاسم',
    'زروقي',
    'منصوري',
    'تومي',
    'شريف',
    'عمراني',
  ],
};

function langOf(d: Draw, country: string): Lang {
  if (country === 'DZ' || country === 'TN' || country === 'MA')
    return d.pick(['ar', 'ar', 'fr', 'fr', 'fr', 'en'] as Lang[]);
  if ((ARAB as readonly string[]).includes(country)) return d.pick(['ar', 'ar', 'en'] as Lang[]);
  return country === 'FR' ? 'fr' : 'en';
}

const materialName = (code: string, lang: Lang, d: Draw): string => {
  const names = MATERIALS[code]?.[lang];
  return names?.length ? d.pick(names) : code.toLowerCase();
};

function profileText(o: OrgProfile, lang: Lang, d: Draw): string {
  const surname = lang === 'ar' ? d.pick(SURNAMES.ar) : d.pick(SURNAMES.latin);
  const head =
    lang === 'ar'
      ? `${d.pick(['شركة', 'مؤسسة', 'ورشات'])} ${surname}`
      : lang === 'fr'
        ? `${d.pick(['Société', 'Entreprise', 'Ateliers', 'Établissements'])} ${surname}`
        : `${surname} ${d.pick(['Industries', 'Works', 'Manufacturing', 'Group'])}`;
  const processes = o.capabilities.map((c) => labelOf('process', c.process, lang));
  const materials = o.capabilities.flatMap((c) => c.materials);
  const sectors = o.sectors.map((s) => sectorEntry(s)?.label[lang] ?? s);
  return [head, processes.join(', '), materials.join(', '), sectors.join(', ')].filter(Boolean).join('. ');
}

function requestText(r: SubcontractingRequest, lang: Lang): string {
  const lead = { ar: 'نبحث عن مناول', fr: 'Recherche sous-traitant', en: 'Looking for a subcontractor' }[
    lang
  ];
  const processes = r.processes.map((p) => labelOf('process', p, lang)).join(', ');
  const sectors = r.sectors.map((s) => sectorEntry(s)?.label[lang] ?? s).join(', ');
  return [lead, processes, r.materials.join(', '), sectors].filter(Boolean).join('. ');
}

function criteriaText(c: FinancierCriteria, lang: Lang): string {
  const lead = { ar: 'نمول المؤسسات الصغيرة والمتوسطة', fr: 'Financement des PME', en: 'Financing SMEs' }[
    lang
  ];
  const sectors = c.sectors.map((s) => sectorEntry(s)?.label[lang] ?? s).join(', ');
  const instruments = c.instruments.map((i) => labelOf('instrument', i, lang)).join(', ');
  const stages = c.stages.map((s) => labelOf('stage', s, lang)).join(', ');
  return [lead, sectors, instruments, stages].join('. ');
}

interface Place {
  country: string;
  regionCode: string | null;
}

function randomPlace(d: Draw): Place {
  const r = d.next();
  if (r < 0.6) return { country: 'DZ', regionCode: d.pick(WILAYA_CODES) };
  if (r < 0.85) return { country: d.pick(ARAB), regionCode: null };
  return { country: d.pick(ELSEWHERE), regionCode: null };
}

/** Another process of the same family, or of another family when the family has a single member. */
function siblingOf(p: ProcessCode, d: Draw, avoid: readonly ProcessCode[]): ProcessCode {
  const all = Object.keys(PROCESS_FAMILY) as ProcessCode[];
  const same = all.filter((q) => q !== p && PROCESS_FAMILY[q] === PROCESS_FAMILY[p] && !avoid.includes(q));
  return same.length ? d.pick(same) : d.pick(all.filter((q) => q !== p && !avoid.includes(q)));
}

/** A random SME of an industry: the noise every real directory has. */
function randomSme(id: string, d: Draw, industry = d.pick(INDUSTRIES), place = randomPlace(d)): OrgProfile {
  const lang = langOf(d, place.country);
  const processes = d.some(industry.processes, d.int(1, 3));
  const band = d.pick(BANDS);
  const scale = band === '1-9' ? 300 : band === '10-49' ? 2000 : 10000;
  const capabilities: CapabilityInput[] = processes.map((p) => ({
    process: p,
    materials: d.some(industry.materials, d.int(0, 2)).map((m) => materialName(m, lang, d)),
    monthlyCapacity: d.chance(0.85) ? d.logUniform(scale / 4, scale * 4) : null,
  }));
  const spoken = SPOKEN[place.country] ?? ['en'];
  return {
    id,
    kind: 'SME',
    country: place.country,
    regionCode: place.regionCode,
    sectors: d.some(industry.divisions, d.int(1, 2)),
    capabilities,
    certifications: d.some(industry.certifications, d.int(0, 2)),
    languages: d.some(spoken, d.int(1, spoken.length)),
    employeeBand: band,
    foundedYear: d.int(1975, EVALUATION_YEAR - 1),
    stage: d.pick(STAGES),
    innovation: {
      rdActivity: d.chance(0.25),
      patents: d.chance(0.15) ? d.int(1, 5) : 0,
      utilityModels: d.chance(0.1) ? d.int(1, 3) : 0,
      trademarks: d.int(0, 2),
      industrialDesigns: 0,
    },
    financingNeed: d.chance(0.7)
      ? {
          amount: d.logUniform(5_000, 3_000_000),
          currency: 'EUR',
          instruments: d.some(INSTRUMENTS, d.int(1, 2)),
        }
      : null,
    feedback: d.chance(0.4)
      ? { accepted: d.int(0, 6), dismissed: d.int(0, 4), notRelevant: d.int(0, 2) }
      : null,
  };
}

const withText = (set: { texts: Record<string, Text> }, o: OrgProfile, d: Draw): OrgProfile => {
  const lang = langOf(d, o.country);
  set.texts[o.id] = { lang, text: profileText(o, lang, d) };
  return o;
};

function subcontractingCase(set: EvaluationSet, i: number, d: Draw): SubcontractingCase {
  const industry = d.pick(INDUSTRIES.filter((x) => x.materials.length));
  const requesterPlace: Place = d.chance(0.75)
    ? { country: 'DZ', regionCode: d.pick(WILAYA_CODES) }
    : { country: d.pick(ARAB), regionCode: null };
  const requester: OrgProfile = withText(
    set,
    { ...randomSme(`buyer-${i}`, d, industry, requesterPlace), kind: d.chance(0.6) ? 'LARGE_FIRM' : 'SME' },
    d,
  );
  set.organisations.push(requester);
  const [p1, p2] = d.some(industry.processes, d.chance(0.5) ? 2 : 1);
  const processes = p2 ? [p1, p2] : [p1];
  const requiredProcesses = p2 && d.chance(0.3) ? [p1, p2] : [p1];
  const requiredCertifications = d.chance(0.55) ? d.some(industry.certifications, 1) : [];
  const preferredCertifications = d.chance(0.3)
    ? d.some(
        industry.certifications.filter((c) => !requiredCertifications.includes(c)),
        1,
      )
    : [];
  const r = d.next();
  const countries = r < 0.45 ? [requester.country] : r < 0.6 ? ['DZ', 'TN', 'MA'] : [];
  const regionCodes =
    requester.regionCode && countries.includes('DZ') && d.chance(0.35)
      ? [
          requester.regionCode,
          ...d.some(
            WILAYA_CODES.filter((w) => w !== requester.regionCode),
            2,
          ),
        ]
      : [];
  const lang = langOf(d, requester.country);
  const request: SubcontractingRequest = {
    id: `request-${i}`,
    requesterId: requester.id,
    country: requester.country,
    regionCode: requester.regionCode ?? null,
    processes,
    requiredProcesses,
    sectors: [industry.divisions[0]],
    materials: d.some(industry.materials, d.int(1, 2)).map((m) => materialName(m, lang, d)),
    volume: d.logUniform(200, 20_000),
    requiredCertifications,
    preferredCertifications,
    countries,
    regionCodes,
    languages: d.some(
      requester.languages.filter((l) => ['ar', 'fr', 'en'].includes(l)),
      2,
    ),
  };
  if (!request.languages.length) request.languages = [lang];
  set.texts[request.id] = { lang, text: requestText(request, lang) };

  const wantedMaterials = request.materials;
  const fitPlace = (): Place => {
    if (regionCodes.length) return { country: 'DZ', regionCode: d.pick(regionCodes) };
    const country = countries.length
      ? d.pick(countries)
      : d.chance(0.7)
        ? request.country
        : randomPlace(d).country;
    if (country !== 'DZ') return { country, regionCode: null };
    return {
      country,
      regionCode: request.regionCode && d.chance(0.4) ? request.regionCode : d.pick(WILAYA_CODES),
    };
  };
  /** A supplier that fits the request both ways. */
  const fit = (id: string): OrgProfile => {
    const place = fitPlace();
    const flang = langOf(d, place.country);
    const volume = request.volume!;
    const caps: CapabilityInput[] = [
      {
        process: p1,
        // The same materials, possibly named in another language.
        materials: [
          ...wantedMaterials.map((m) => materialName(canonicalCode(m), flang, d)),
          ...d.some(industry.materials, d.int(0, 1)).map((m) => materialName(m, flang, d)),
        ],
        monthlyCapacity: Math.round(volume * (1.2 + d.next() * 4.8)),
      },
    ];
    if (p2)
      caps.push({
        process: requiredProcesses.includes(p2) || d.chance(0.6) ? p2 : siblingOf(p2, d, [p1]),
        materials: [],
        monthlyCapacity: Math.round(volume * (1.2 + d.next() * 3)),
      });
    if (d.chance(0.4)) {
      const extra = industry.processes.find(
        (p) => !caps.some((c) => c.process === p) && PROCESS_FAMILY[p] !== PROCESS_FAMILY[p1],
      );
      if (extra) caps.push({ process: extra, materials: [], monthlyCapacity: null });
    }
    const spoken = SPOKEN[place.country] ?? ['en'];
    const shared = request.languages.filter((l) => spoken.includes(l));
    return {
      id,
      kind: 'SME',
      country: place.country,
      regionCode: place.regionCode,
      sectors: [...new Set([industry.divisions[0], ...d.some(industry.divisions, 1)])],
      capabilities: caps,
      certifications: [
        ...new Set([
          ...requiredCertifications,
          ...(d.chance(0.7) ? preferredCertifications : []),
          ...d.some(industry.certifications, d.int(0, 1)),
        ]),
      ],
      languages: [...new Set([...(shared.length ? shared : [request.languages[0]]), ...d.some(spoken, 1)])],
      employeeBand: d.pick(BANDS),
      foundedYear: d.int(1980, EVALUATION_YEAR - 2),
      stage: d.pick(STAGES),
      innovation: { rdActivity: false, patents: 0, utilityModels: 0, trademarks: 0, industrialDesigns: 0 },
      financingNeed: null,
      feedback: d.chance(0.3) ? { accepted: d.int(0, 5), dismissed: d.int(0, 3), notRelevant: 0 } : null,
    };
  };

  const judged: Judged = { relevant: [], gains: {}, nearMisses: [] };
  const fits = d.int(5, 7);
  for (let k = 0; k < fits; k++) {
    const o = withText(set, fit(`${request.id}-fit-${k}`), d);
    set.organisations.push(o);
    judged.relevant.push(o.id);
    judged.gains[o.id] = 2;
  }
  // One-way fits: they could make it, but the order is a sliver of their capacity and outside their core business.
  for (let k = 0; k < 2; k++) {
    const base = fit(`${request.id}-oneway-${k}`);
    const other = d.pick(INDUSTRIES.filter((x) => x !== industry && x.processes.every((p) => p !== p1)));
    const volume = request.volume!;
    const caps = [
      ...d
        .some(other.processes, 2)
        .map((p) => ({ process: p, materials: [], monthlyCapacity: volume * d.int(300, 2000) })),
      ...base.capabilities.map((c) => ({ ...c, monthlyCapacity: volume * d.int(300, 2000) })),
    ];
    const o = withText(
      set,
      {
        ...base,
        capabilities: caps,
        sectors: [other.divisions[0], ...base.sectors],
        employeeBand: '250-999',
      },
      d,
    );
    set.organisations.push(o);
    judged.gains[o.id] = 1;
  }
  // Near misses: a fit with exactly one hard criterion broken.
  const kinds: NearMissKind[] = ['process', 'process'];
  if (requiredCertifications.length) kinds.push('certification', 'certification');
  if (countries.length && !regionCodes.length) kinds.push('country', 'country');
  if (regionCodes.length) kinds.push('region', 'region');
  kinds.forEach((kind, k) => {
    const o = fit(`${request.id}-near-${kind}-${k}`);
    let broken: OrgProfile = o;
    if (kind === 'process') {
      const missing = d.pick(requiredProcesses);
      const replacement = siblingOf(missing, d, [...processes]);
      broken = {
        ...o,
        capabilities: o.capabilities.map((c) => (c.process === missing ? { ...c, process: replacement } : c)),
      };
    } else if (kind === 'certification') {
      const missing = d.pick(requiredCertifications);
      broken = { ...o, certifications: o.certifications.filter((c) => c !== missing) };
    } else if (kind === 'country') {
      const outside = [...ARAB, ...ELSEWHERE, 'DZ'].filter((c) => !countries.includes(c));
      const country = d.pick(outside);
      broken = { ...o, country, regionCode: country === 'DZ' ? d.pick(WILAYA_CODES) : null };
    } else {
      broken = {
        ...o,
        country: 'DZ',
        regionCode: d.pick(WILAYA_CODES.filter((w) => !regionCodes.includes(w))),
      };
    }
    set.organisations.push(withText(set, broken, d));
    judged.nearMisses.push({ id: broken.id, fails: kind });
  });
  return { request, ...judged };
}

function canonicalCode(name: string): string {
  for (const [code, names] of Object.entries(MATERIALS))
    if ([...names.ar, ...names.fr, ...names.en].includes(name)) return code;
  return name;
}

function financingCase(set: EvaluationSet, i: number, d: Draw): FinancingCase {
  const industry = d.pick(INDUSTRIES);
  const place = randomPlace(d);
  const currency = d.pick(['EUR', 'DZD', 'USD']);
  const perEur = currency === 'EUR' ? 1 : currency === 'USD' ? 1 / 0.92 : 1 / 0.0068;
  const minEur = d.logUniform(20_000, 300_000);
  const maxEur = minEur * d.int(5, 20);
  const hardCountry = d.chance(0.5);
  const minAge = d.chance(0.5) || !hardCountry ? d.int(2, 6) : null;
  const criteria: FinancierCriteria = {
    id: `criteria-${i}`,
    financierId: `financier-${i}`,
    country: place.country,
    regionCode: place.regionCode,
    sectors: d.some(industry.divisions, d.int(1, 2)),
    countries: hardCountry ? [place.country === 'DZ' || d.chance(0.5) ? 'DZ' : place.country] : [],
    stages: d.some(STAGES, d.int(1, 2)),
    ticketMin: Math.round(minEur * perEur),
    ticketMax: Math.round(maxEur * perEur),
    currency,
    instruments: d.some(INSTRUMENTS, d.int(1, 3)),
    minAgeYears: minAge,
    minEmployeeBand: d.chance(0.4) ? '10-49' : null,
    requiredCertifications: d.chance(0.3) ? d.some(industry.certifications, 1) : [],
    innovation: d.chance(0.3) ? { wanted: true, minPatents: 1 } : null,
  };
  const financier: OrgProfile = {
    id: criteria.financierId,
    kind: 'FINANCIER',
    country: place.country,
    regionCode: place.regionCode,
    sectors: [],
    capabilities: [],
    certifications: [],
    languages: SPOKEN[place.country] ?? ['en'],
    financier: {
      instruments: criteria.instruments,
      ticketMin: criteria.ticketMin,
      ticketMax: criteria.ticketMax,
      currency,
      targetSectors: criteria.sectors,
      targetCountries: criteria.countries,
      stages: criteria.stages,
    },
  };
  set.organisations.push(financier);
  const lang = langOf(d, place.country);
  set.texts[criteria.id] = { lang, text: criteriaText(criteria, lang) };

  const fit = (id: string): OrgProfile => {
    const country = criteria.countries.length ? d.pick(criteria.countries) : randomPlace(d).country;
    const base = randomSme(id, d, industry, {
      country,
      regionCode: country === 'DZ' ? d.pick(WILAYA_CODES) : null,
    });
    return {
      ...base,
      sectors: [d.pick(criteria.sectors)],
      stage: d.pick(criteria.stages),
      employeeBand: criteria.minEmployeeBand
        ? d.pick(['10-49', '50-249'] as EmployeeBand[])
        : base.employeeBand,
      foundedYear: EVALUATION_YEAR - (criteria.minAgeYears ?? 0) - d.int(1, 20),
      certifications: [...new Set([...criteria.requiredCertifications, ...base.certifications])],
      innovation: criteria.innovation
        ? {
            rdActivity: true,
            patents: d.int(1, 4),
            utilityModels: d.int(0, 2),
            trademarks: 1,
            industrialDesigns: 0,
          }
        : base.innovation,
      financingNeed: {
        amount: Math.round(d.logUniform(minEur * 1.1, maxEur * 0.9)),
        currency: 'EUR',
        instruments: [d.pick(criteria.instruments), ...d.some(INSTRUMENTS, 1)],
      },
    };
  };
  const judged: Judged = { relevant: [], gains: {}, nearMisses: [] };
  const fits = d.int(5, 7);
  for (let k = 0; k < fits; k++) {
    const o = withText(set, fit(`${criteria.id}-fit-${k}`), d);
    set.organisations.push(o);
    judged.relevant.push(o.id);
    judged.gains[o.id] = 2;
  }
  // One-way: the SME passes the financier's screening, but needs far more than its tickets and other instruments.
  for (let k = 0; k < 2; k++) {
    const base = fit(`${criteria.id}-oneway-${k}`);
    const others = INSTRUMENTS.filter((x) => !criteria.instruments.includes(x));
    const o = withText(
      set,
      {
        ...base,
        financingNeed: {
          amount: Math.round(maxEur * d.int(20, 60)),
          currency: 'EUR',
          instruments: d.some(others, 1),
        },
      },
      d,
    );
    set.organisations.push(o);
    judged.gains[o.id] = 1;
  }
  const kinds: NearMissKind[] = [];
  if (criteria.countries.length) kinds.push('country', 'country');
  if (criteria.minAgeYears != null) kinds.push('min_age', 'min_age');
  if (criteria.minEmployeeBand) kinds.push('min_employees', 'min_employees');
  if (criteria.requiredCertifications.length) kinds.push('certification', 'certification');
  kinds.forEach((kind, k) => {
    const o = fit(`${criteria.id}-near-${kind}-${k}`);
    let broken: OrgProfile;
    if (kind === 'country') {
      const country = d.pick([...ARAB, ...ELSEWHERE, 'DZ'].filter((c) => !criteria.countries.includes(c)));
      broken = { ...o, country, regionCode: country === 'DZ' ? d.pick(WILAYA_CODES) : null };
    } else if (kind === 'min_age')
      broken = { ...o, foundedYear: EVALUATION_YEAR - d.int(0, criteria.minAgeYears! - 1) };
    else if (kind === 'min_employees') broken = { ...o, employeeBand: '1-9' };
    else
      broken = {
        ...o,
        certifications: o.certifications.filter((c) => !criteria.requiredCertifications.includes(c)),
      };
    set.organisations.push(withText(set, broken, d));
    judged.nearMisses.push({ id: broken.id, fails: kind });
  });
  return { criteria, ...judged };
}

/** Value chains planted as groups; each is a path through the supply table. */
const PLANTED_CHAINS: readonly (readonly string[])[] = [
  ['24', '25', '28'],
  ['24', '25', '29'],
  ['26', '27', '28'],
  ['17', '22', '10'],
  ['20', '22', '29'],
  ['13', '14'],
  ['20', '13', '14'],
  ['02', '16', '31'],
  ['08', '23', '41'],
  ['20', '22', '21'],
  ['25', '28', '33'],
  ['01', '10', '17'],
];

function clusterSme(id: string, division: string, place: Place, d: Draw): OrgProfile {
  const industry = industryOfDivision.get(division) ?? d.pick(INDUSTRIES);
  return { ...randomSme(id, d, industry, place), sectors: [division] };
}

function clusterSection(set: EvaluationSet, groups: number, noise: number, d: Draw): void {
  const wilayas = d.some(WILAYA_CODES, groups);
  const chainDivisions = [...new Set(PLANTED_CHAINS.flat())];
  for (let g = 0; g < groups; g++) {
    const chain = PLANTED_CHAINS[g % PLANTED_CHAINS.length];
    const regionCode = wilayas[g % wilayas.length];
    const size = d.int(Math.max(3, chain.length), 8);
    const members: string[] = [];
    for (let m = 0; m < size; m++) {
      const division = chain[m % chain.length];
      const sme = clusterSme(`group-${g}-member-${m}`, division, { country: 'DZ', regionCode }, d);
      set.clusters.smes.push(sme);
      members.push(sme.id);
    }
    set.clusters.groups.push({ id: `group-${g}`, divisions: chain, regionCode, members });
  }
  for (let n = 0; n < noise; n++) {
    const place = d.chance(0.7) ? { country: 'DZ', regionCode: d.pick(WILAYA_CODES) } : randomPlace(d);
    set.clusters.smes.push(clusterSme(`cluster-noise-${n}`, d.pick(chainDivisions), place, d));
  }
  for (let s = 0; s < groups + 5; s++) {
    const regionCode = s < groups ? wilayas[s % wilayas.length] : d.pick(WILAYA_CODES);
    const sectors = s < groups ? [...PLANTED_CHAINS[s % PLANTED_CHAINS.length]] : d.some(chainDivisions, 3);
    set.clusters.supportInstitutions.push({
      id: `support-${s}`,
      kind: 'SUPPORT_INSTITUTION',
      subtype: d.pick(['TECHNICAL_CENTRE', 'INCUBATOR']),
      country: 'DZ',
      regionCode,
      sectors: d.chance(0.5) ? sectors : ['C'],
      programmeSectors: sectors,
      capabilities: [],
      certifications: [],
      languages: ['ar', 'fr'],
    });
  }
  for (let f = 0; f < 8; f++)
    set.clusters.financiers.push({
      id: `cluster-financier-${f}`,
      kind: 'FINANCIER',
      country: 'DZ',
      regionCode: d.pick(WILAYA_CODES),
      sectors: [],
      capabilities: [],
      certifications: [],
      languages: ['ar', 'fr'],
      financier: {
        instruments: d.some(INSTRUMENTS, 2),
        ticketMin: 10_000,
        ticketMax: 500_000,
        currency: 'EUR',
        targetSectors: d.some(chainDivisions, 5),
        targetCountries: d.chance(0.5) ? ['DZ'] : [],
        stages: ['STARTUP', 'GROWTH'],
      },
    });
}

/** The same options give the same set, to the byte. */
export function generateEvaluationSet(options: EvaluationOptions = {}): EvaluationSet {
  const seed = options.seed ?? 7;
  const d = new Draw(seed);
  const set: EvaluationSet = {
    seed,
    asOfYear: EVALUATION_YEAR,
    organisations: [],
    texts: {},
    subcontracting: [],
    financing: [],
    clusters: { smes: [], supportInstitutions: [], financiers: [], groups: [] },
  };
  for (let i = 0; i < (options.requests ?? 60); i++) set.subcontracting.push(subcontractingCase(set, i, d));
  for (let i = 0; i < (options.financiers ?? 30); i++) set.financing.push(financingCase(set, i, d));
  for (let n = 0; n < (options.noise ?? 1500); n++)
    set.organisations.push(withText(set, randomSme(`noise-${n}`, d), d));
  clusterSection(set, options.clusterGroups ?? 20, options.clusterNoise ?? 120, d);
  return set;
}

/**
 * A population for scale runs: `orgs` SMEs drawn like the evaluation noise and `requests` requests made
 * from random SMEs' own capabilities, with the same mix of hard criteria as the evaluation set.
 */
export function generatePopulation(options: { orgs: number; requests: number; seed?: number }): {
  organisations: OrgProfile[];
  requests: SubcontractingRequest[];
} {
  const d = new Draw(options.seed ?? 11);
  const organisations: OrgProfile[] = [];
  for (let n = 0; n < options.orgs; n++) organisations.push(randomSme(`org-${n}`, d));
  const requests: SubcontractingRequest[] = [];
  for (let i = 0; i < options.requests; i++) {
    const industry = d.pick(INDUSTRIES.filter((x) => x.materials.length));
    const place: Place = d.chance(0.75)
      ? { country: 'DZ', regionCode: d.pick(WILAYA_CODES) }
      : { country: d.pick(ARAB), regionCode: null };
    const processes = d.some(industry.processes, d.chance(0.5) ? 2 : 1);
    const r = d.next();
    const countries = r < 0.45 ? [place.country] : r < 0.6 ? ['DZ', 'TN', 'MA'] : [];
    const lang = langOf(d, place.country);
    requests.push({
      id: `request-${i}`,
      requesterId: `buyer-${i}`,
      country: place.country,
      regionCode: place.regionCode,
      processes,
      requiredProcesses: [processes[0]],
      sectors: [industry.divisions[0]],
      materials: d.some(industry.materials, d.int(1, 2)).map((m) => materialName(m, lang, d)),
      volume: d.logUniform(200, 20_000),
      requiredCertifications: d.chance(0.3) ? d.some(industry.certifications, 1) : [],
      preferredCertifications: d.chance(0.3) ? d.some(industry.certifications, 1) : [],
      countries,
      regionCodes: [],
      languages: [lang],
    });
  }
  return { organisations, requests };
}
