import type { CertificationCode, EmployeeBand, ProcessCode } from '../taxonomy/codes.js';
import {
  contacts,
  employeeBand,
  familyName,
  foundedYear,
  hostOf,
  spokenLanguages,
  tag,
  website,
  type Ctx,
  type OpportunityInput,
  type OrganizationInput,
} from './context.js';
import {
  CERTIFICATION_TEXT,
  ITEMS,
  PROCESS_TEXT,
  PROFILES,
  type IndustryProfile,
  type Item,
  type ItemId,
  type Machine,
  type Material,
} from './industries.js';
import { fromUsd } from './money.js';
import type { Currency } from './places.js';
import {
  capabilityOffer,
  companyPartnership,
  financingNeed,
  subcontractingRequest,
  technologyOffer,
  technologyRequest,
} from './opportunities.js';
import { brandPool } from './people.js';
import { WeightedTable, type Rng } from './random.js';
import {
  arBi,
  arLi,
  capitalize,
  frA,
  frArticle,
  frDe,
  joinList,
  niceRound,
  only,
  slugify,
  type Tri,
} from './text.js';

/**
 * SMEs and large firms: a coherent industry profile, a name built from brand, founder or place
 * words, capabilities with machines and capacity, certifications, and the opportunities such a
 * firm posts at the forum (capability offers, subcontracting calls, financing needs…).
 */

const smeProfiles = new WeightedTable(PROFILES.map((p) => [p, p.weightSme] as const));
const largeProfiles = new WeightedTable(PROFILES.map((p) => [p, p.weightLarge] as const));

/** Capacity relative to a 10–49 person firm. */
const BAND_SCALE: Record<EmployeeBand, number> = {
  '1-9': 0.2,
  '10-49': 1,
  '50-249': 3,
  '250-999': 10,
  '1000+': 25,
};
/** Likelihood of holding a profile's certifications, relative to the profile's base rate. */
const BAND_CERTIFIED: Record<EmployeeBand, number> = {
  '1-9': 0.35,
  '10-49': 0.8,
  '50-249': 1.2,
  '250-999': 1.6,
  '1000+': 1.8,
};
/** Financing need in US dollars by size. */
const BAND_FINANCING: Record<EmployeeBand, readonly [number, number]> = {
  '1-9': [15_000, 150_000],
  '10-49': [80_000, 800_000],
  '50-249': [300_000, 3_000_000],
  '250-999': [1_000_000, 10_000_000],
  '1000+': [3_000_000, 30_000_000],
};

/** `n` distinct entries, earlier ones more likely: a profile lists its most typical processes first. */
function pickFront<T>(rng: Rng, items: readonly T[], n: number): T[] {
  const pool = items.map((value, i) => [value, 1 / (i + 1)] as [T, number]);
  const out: T[] = [];
  while (out.length < n && pool.length) {
    const chosen = rng.weighted(pool);
    out.push(chosen);
    pool.splice(
      pool.findIndex(([v]) => v === chosen),
      1,
    );
  }
  return out;
}

/** Latin letters with their Arabic names, as initials are spelled out in Arabic company names. */
const INITIALS: readonly { lat: string; ar: string }[] = [
  { lat: 'A', ar: 'إيه' },
  { lat: 'B', ar: 'بي' },
  { lat: 'C', ar: 'سي' },
  { lat: 'D', ar: 'دي' },
  { lat: 'E', ar: 'إي' },
  { lat: 'F', ar: 'إف' },
  { lat: 'G', ar: 'جي' },
  { lat: 'H', ar: 'إتش' },
  { lat: 'K', ar: 'كيه' },
  { lat: 'L', ar: 'إل' },
  { lat: 'M', ar: 'إم' },
  { lat: 'N', ar: 'إن' },
  { lat: 'R', ar: 'آر' },
  { lat: 'S', ar: 'إس' },
  { lat: 'T', ar: 'تي' },
  { lat: 'Y', ar: 'واي' },
  { lat: 'Z', ar: 'زد' },
];

interface CompanyName {
  name: Tri;
  slug: string;
}

/**
 * Names the way firms of the region are named: "SARL Atlas Emballage" / "شركة أطلس للتغليف",
 * "Sahel Plast" / "ساحل بلاست", founders ("EURL Meziane Bois" / "مؤسسة مزيان للنجارة"),
 * places, or the national pattern "Société Algérienne de Mécanique de Précision".
 */
function companyName(ctx: Ctx, profile: IndustryProfile, large: boolean): CompanyName {
  const { rng, country } = ctx;
  const brand = rng.pick(brandPool(country, false));
  const word = rng.pick(profile.words);
  const activity = rng.pick(profile.activities);
  const suffix = rng.pick(profile.suffixes.filter((x) => country.francophone || !x.fr));
  const maghreb = ['DZ', 'TN', 'MA'].includes(country.names);
  const foreign = !country.arab;
  const natF = capitalize(country.nat.frF);

  type Pattern = 'brand' | 'compound' | 'founder' | 'family' | 'place' | 'national' | 'group' | 'initials';
  const pattern = rng.weighted<Pattern>(
    large
      ? [
          ['group', 0.3],
          ['compound', 0.17],
          ['national', 0.15],
          ['family', 0.15],
          ['initials', 0.13],
          ['brand', 0.1],
        ]
      : [
          ['brand', 0.25],
          ['compound', 0.14],
          ['founder', 0.2],
          ['initials', 0.17],
          ['family', 0.07],
          ['place', 0.12],
          ['national', 0.05],
        ],
  );

  // Latin core of the name in French and English, the Arabic name, and the domain slug.
  let fr: string;
  let en: string;
  let ar: string;
  let slug: string;
  switch (pattern) {
    case 'initials': {
      // Founders' initials, common for family SMEs: "SARL BMT Emballage" / "شركة بي إم تي للتغليف".
      const letters = Array.from({ length: rng.int(2, 3) + (rng.chance(0.3) ? 1 : 0) }, () =>
        rng.pick(INITIALS),
      );
      const lat = letters.map((l) => l.lat).join('');
      const spelled = letters.map((l) => l.ar).join(' ');
      if (large) {
        fr = en = `${lat} ${suffix.lat} Industries`;
        ar = `${spelled} ${suffix.ar} للصناعات`;
      } else {
        fr = `${lat} ${word.fr}`;
        en = `${lat} ${word.en}`;
        ar = `شركة ${spelled} ${arLi(word.ar)}`;
      }
      slug = slugify(`${lat} ${large ? suffix.lat : country.francophone ? word.fr : word.en}`);
      break;
    }
    case 'brand':
      fr = `${brand.lat} ${word.fr}`;
      en = `${brand.lat} ${word.en}`;
      ar = `شركة ${brand.ar} ${arLi(word.ar)}`;
      slug = slugify(`${brand.lat} ${country.francophone ? word.fr : word.en}`);
      break;
    case 'compound':
      fr = en = `${brand.lat} ${suffix.lat}${large ? ' Industries' : ''}`;
      ar = `${brand.bare ?? brand.ar} ${suffix.ar}${large ? ' للصناعات' : ''}`;
      slug = slugify(`${brand.lat}${suffix.lat}`);
      break;
    case 'founder': {
      const f = familyName(ctx);
      fr = `${f.lat} ${word.fr}`;
      en = `${f.lat} ${word.en}`;
      ar = `${country.names === 'GULF' ? 'مصنع' : 'مؤسسة'} ${f.ar} ${arLi(word.ar)}`;
      slug = slugify(`${f.lat} ${country.francophone ? word.fr : word.en}`);
      break;
    }
    case 'family': {
      const f = familyName(ctx);
      if (large) {
        fr = `Groupe ${f.lat}`;
        en = `${f.lat} Group`;
        ar = `مجمع ${f.ar}`;
        slug = slugify(country.francophone ? `groupe ${f.lat}` : `${f.lat} group`);
      } else if (maghreb) {
        fr = `${f.lat} Frères ${word.fr}`;
        en = `${f.lat} Brothers ${word.en}`;
        ar = `شركة الإخوة ${f.ar} ${arLi(word.ar)}`;
        slug = slugify(`${f.lat} freres`);
      } else {
        fr = en = `${f.lat} & Sons ${word.en}`;
        ar = `شركة ${f.ar} وأولاده ${arLi(word.ar)}`;
        slug = slugify(`${f.lat} sons`);
      }
      break;
    }
    case 'place':
      fr = `${ctx.city.fr} ${word.fr}`;
      en = `${ctx.city.en} ${word.en}`;
      ar = `شركة ${ctx.city.ar} ${arLi(word.ar)}`;
      slug = slugify(`${ctx.city.fr} ${country.francophone ? word.fr : word.en}`);
      break;
    case 'national': {
      const initials = slugify(activity.fr)
        .split('-')
        .filter((x) => x.length > 2)
        .map((x) => x[0])
        .join('');
      if (rng.chance(0.35)) {
        // "Société Algérienne de Mécanique de Précision": a national name, shared by few firms.
        fr = `Société ${natF} ${frDe(activity.fr)}`;
        en = `${country.nat.en} ${activity.en} Company`;
        ar = `الشركة ال${country.nat.arF} ${arLi(activity.ar)}`;
        slug = `s${slugify(country.nat.frF)[0]}${initials}`;
      } else {
        // "Société de Conserverie de Skikda": the same pattern tied to the home town.
        fr = `Société ${frDe(activity.fr)} ${frDe(ctx.city.fr)}`;
        en = `${ctx.city.en} ${activity.en} Company`;
        ar = `شركة ${ctx.city.ar} ${arLi(activity.ar)}`;
        slug = `s${initials}-${slugify(ctx.city.fr)}`;
      }
      break;
    }
    case 'group': {
      const industrial = rng.chance(0.5);
      const withWord = rng.chance(0.4);
      fr = `Groupe${industrial ? ' Industriel' : ''} ${brand.lat}${withWord ? ` ${word.fr}` : ''}`;
      en = `${brand.lat}${withWord ? ` ${word.en}` : ''}${industrial ? ' Industrial' : ''} Group`;
      ar = `${industrial ? 'المجمع الصناعي' : 'مجمع'} ${brand.ar}${withWord ? ` ${arLi(word.ar)}` : ''}`;
      slug = slugify(country.francophone ? `groupe ${brand.lat}` : `${brand.lat} group`);
      break;
    }
  }

  // Legal form: before the name in the Maghreb (SARL Atlas Emballage), after it elsewhere.
  const form = large ? country.largeForm : rng.pick(country.smeForms);
  const withForm = pattern !== 'national' && pattern !== 'group' && (pattern !== 'family' || !large);
  if (withForm && country.formFirst) fr = `${form} ${fr}`;
  else if (withForm && rng.chance(0.6)) {
    fr = `${fr} ${form}`;
    en = `${en} ${form}`;
  } else if (pattern === 'national' && large) fr = `${fr} (${country.largeForm})`;
  // Abroad, brand names are not translated: the French name is the company's own.
  if (!country.francophone && pattern !== 'national') fr = en;
  if (foreign && country.code === 'FR') en = fr;
  return { name: { ar, fr, en }, slug };
}

function materialsSentence(
  ctx: Ctx,
  profile: IndustryProfile,
  mats: readonly Material[],
  large: boolean,
): Tri | null {
  if (!profile.materialVerb || mats.length === 0) return null;
  const fr = joinList(
    mats.map((m) => frArticle(m.fr, m.g)),
    'fr',
  );
  const ar = joinList(
    mats.map((m) => m.ar),
    'ar',
  );
  const en = joinList(
    mats.map((m) => m.en),
    'en',
  );
  const p = large ? 'Il' : 'Elle';
  const s = large ? 'المجموعة' : 'الشركة';
  switch (profile.materialVerb) {
    case 'works':
      return {
        fr: `${p} travaille principalement ${fr}.`,
        ar: `تستعمل ${s} أساسًا ${ar}.`,
        en: `It mainly works with ${en}.`,
      };
    case 'processes':
      return {
        fr: `${p} transforme principalement ${fr}.`,
        ar: `تقوم ${s} أساسًا بتحويل ${ar}.`,
        en: `It mainly processes ${en}.`,
      };
    case 'uses':
      return {
        fr: `${p} met en œuvre notamment ${fr}.`,
        ar: `تستعمل ${s} على الخصوص ${ar}.`,
        en: `It works in particular with ${en}.`,
      };
    case 'recovers':
      return {
        fr: `${p} valorise principalement ${fr}.`,
        ar: `تقوم ${s} أساسًا بتثمين ${ar}.`,
        en: `It mainly recovers ${en}.`,
      };
  }
}

function certificationSentence(certs: readonly CertificationCode[], large: boolean): Tri | null {
  const named = certs.map((c) => CERTIFICATION_TEXT[c]).filter((t): t is Tri => t !== undefined);
  if (named.length === 0) return null;
  const list = (l: 'ar' | 'fr' | 'en') =>
    joinList(
      named.map((n) => n[l]),
      l,
    );
  return {
    fr: `${large ? 'Il est certifié' : 'Elle est certifiée'} ${list('fr')}.`,
    ar: `وهي حاصلة على ${named.length > 1 ? 'شهادات' : 'شهادة'} ${list('ar')}.`,
    en: `It holds ${list('en')} certification${named.length > 1 ? 's' : ''}.`,
  };
}

function description(
  ctx: Ctx,
  profile: IndustryProfile,
  large: boolean,
  year: number,
  band: EmployeeBand,
  processes: readonly ProcessCode[],
  mats: readonly Material[],
  certs: readonly CertificationCode[],
  categories: readonly Tri[],
): Tri {
  const { rng, country, city } = ctx;
  const procs = (l: 'ar' | 'fr' | 'en') =>
    joinList(
      processes.map((p) => (l === 'fr' ? PROCESS_TEXT[p].frDef : PROCESS_TEXT[p][l])),
      l,
    );
  const smeWord =
    band === '1-9'
      ? { fr: 'TPE', ar: 'مؤسسة مصغرة', en: 'small business' }
      : { fr: 'PME', ar: 'مؤسسة صغيرة ومتوسطة', en: 'SME' };
  const opening: Tri = large
    ? rng.pick([
        (): Tri => ({
          fr: `Groupe industriel ${country.nat.frM} fondé en ${year}, actif dans ${procs('fr')}.`,
          ar: `مجموعة صناعية ${country.nat.arF} تأسست سنة ${year}، تنشط في ${procs('ar')}.`,
          en: `${country.nat.en} industrial group founded in ${year}, active in ${procs('en')}.`,
        }),
        (): Tri => ({
          fr: `Fondé en ${year} ${frA(city.fr)}, le groupe est un acteur majeur ${frDe(profile.domain.fr)} et maîtrise ${procs('fr')}.`,
          ar: `تأسست المجموعة سنة ${year} ${arBi(city.ar)}، وهي من أبرز الفاعلين في ${profile.domain.ar}، وتتحكم في ${procs('ar')}.`,
          en: `Founded in ${year} in ${city.en}, the group is a leading player in ${profile.domain.en}, with expertise in ${procs('en')}.`,
        }),
      ])()
    : rng.pick([
        (): Tri => ({
          fr: `Fondée en ${year} ${frA(city.fr)}, l'entreprise est spécialisée dans ${procs('fr')}.`,
          ar: `تأسست الشركة سنة ${year} ${arBi(city.ar)}، وهي متخصصة في ${procs('ar')}.`,
          en: `Founded in ${year} in ${city.en}, the company specialises in ${procs('en')}.`,
        }),
        (): Tri => ({
          fr: `${smeWord.fr} ${country.nat.frF} créée en ${year} ${frA(city.fr)} et spécialisée dans ${procs('fr')}.`,
          ar: `${smeWord.ar} ${country.nat.arF} أُنشئت سنة ${year} ${arBi(city.ar)}، متخصصة في ${procs('ar')}.`,
          en: `${country.nat.en} ${smeWord.en} founded in ${year} in ${city.en}, specialising in ${procs('en')}.`,
        }),
        (): Tri => ({
          fr: `Implantée ${frA(city.fr)} depuis ${year}, l'entreprise intervient dans ${procs('fr')}.`,
          ar: `تنشط الشركة ${arBi(city.ar)} منذ سنة ${year} في مجال ${procs('ar')}.`,
          en: `Based in ${city.en} since ${year}, the company works in ${procs('en')}.`,
        }),
      ])();

  const markets = rng.sample(profile.markets, rng.int(2, 3));
  const marketSentence: Tri = {
    fr: `Ses principaux marchés sont ${joinList(
      markets.map((m) => m.fr),
      'fr',
    )}.`,
    ar: `وتتمثل أهم أسواقها في ${joinList(
      markets.map((m) => m.ar),
      'ar',
    )}.`,
    en: `Its main markets are ${joinList(
      markets.map((m) => m.en),
      'en',
    )}.`,
  };
  const extras: Tri[] = [];
  const mat = materialsSentence(ctx, profile, mats, large);
  if (mat) extras.push(mat);
  extras.push(marketSentence);
  const cert = certificationSentence(certs, large);
  if (cert) extras.push(cert);
  if (large && categories.length) {
    extras.push({
      fr: `Principales familles d'achats : ${joinList(
        categories.map((c) => c.fr),
        'fr',
      )}. Le groupe développe un réseau de sous-traitants locaux.`,
      ar: `أهم فئات المشتريات: ${joinList(
        categories.map((c) => c.ar),
        'ar',
      )}. وتعمل المجموعة على تطوير شبكة من المناولين المحليين.`,
      en: `Main purchasing categories: ${joinList(
        categories.map((c) => c.en),
        'en',
      )}. The group is building a network of local subcontractors.`,
    });
  }
  // One to three sentences: the opening, then up to two of the others.
  const chosen = rng.sample(extras, rng.int(0, 2));
  const sentences = [opening, ...extras.filter((e) => chosen.includes(e))];
  return {
    fr: sentences.map((s) => s.fr).join(' '),
    ar: sentences.map((s) => s.ar).join(' '),
    en: sentences.map((s) => s.en).join(' '),
  };
}

/** The catalogue item a capability is measured by: one of the profile's offers with that process. */
function itemFor(rng: Rng, profile: IndustryProfile, process: ProcessCode): Item {
  const own = profile.offers.filter((id) => ITEMS[id].process === process);
  return ITEMS[own.length ? rng.pick(own) : profile.offers[0]];
}

/** Materials have no sense for service processes (software, logistics, testing…). */
const IMMATERIAL: ReadonlySet<ProcessCode> = new Set([
  'SOFTWARE',
  'ENGINEERING_DESIGN',
  'TESTING_INSPECTION',
  'LOGISTICS',
]);

/** Materials a process works: those tied to it, or the profile's general ones. */
function materialsFor(profile: IndustryProfile, process: ProcessCode): Material[] {
  if (IMMATERIAL.has(process)) return [];
  return profile.materials.filter((m) => !m.for || m.for.includes(process));
}

interface Capability {
  process: ProcessCode;
  item: Item;
  materials: Material[];
  machines: Machine[];
  capacity: number;
}

export interface CompanyRecord {
  organization: OrganizationInput;
  opportunities: OpportunityInput[];
}

export function company(ctx: Ctx, large: boolean): CompanyRecord {
  const { rng, country } = ctx;
  const profile = (large ? largeProfiles : smeProfiles).draw(rng);
  const band = employeeBand(rng, ctx.kind);
  const year = large ? foundedYear(rng, 1965, 2015, 1.3) : foundedYear(rng, 1975);
  const { name, slug } = companyName(ctx, profile, large);

  const nCaps = large
    ? rng.int(2, Math.min(4, profile.processes.length))
    : rng.weighted([
        [1, 0.35],
        [2, 0.35],
        [3, 0.2],
        [4, 0.1],
      ]);
  const processes = pickFront(rng, profile.processes, nCaps);
  const scale = BAND_SCALE[band];
  const caps: Capability[] = processes.map((process) => {
    const item = itemFor(rng, profile, process);
    const fitting = profile.machines.filter((m) => m.for.includes(process));
    return {
      process,
      item,
      materials: rng.sample(materialsFor(profile, process), rng.int(1, 3)),
      machines: rng.sample(fitting, rng.int(1, 3)),
      capacity: niceRound(rng.logBetween(item.qty[0], item.qty[1]) * scale, 3),
    };
  });

  // The description names the materials the capabilities work, at most three.
  const mats = [...new Set(caps.flatMap((c) => c.materials))].slice(0, 3);

  const certs = profile.certifications
    .filter(([, p]) => rng.chance(Math.min(0.95, p * BAND_CERTIFIED[band])))
    .map(([c]) => c);
  if (large && !certs.includes('ISO_14001') && rng.chance(0.3)) certs.push('ISO_14001');

  const buys: ItemId[] = large ? rng.sample(profile.buys, rng.int(3, Math.min(6, profile.buys.length))) : [];
  const categories = [...new Map(buys.map((id) => [ITEMS[id].category.fr, ITEMS[id].category])).values()];

  const sectors = [...new Set([profile.divisions[0], ...caps.flatMap((c) => c.item.sectors)])].slice(0, 5);
  const rd = rng.chance(
    large ? 0.55 : ['software', 'electronics', 'pharma'].includes(profile.id) ? 0.45 : 0.15,
  );
  const innovation = {
    rdActivity: rd,
    patents: rd && rng.chance(large ? 0.35 : 0.12) ? rng.int(1, large ? 25 : 3) : 0,
    utilityModels: rng.chance(0.04) ? rng.int(1, 2) : 0,
    trademarks: rng.chance(large ? 0.7 : 0.3) ? rng.int(1, large ? 30 : 4) : 0,
    industrialDesigns:
      ['wood', 'textile', 'plastics'].includes(profile.id) && rng.chance(0.15) ? rng.int(1, 8) : 0,
  };

  // Micro firms often have no website and use a webmail address.
  const site = band === '1-9' && rng.chance(0.35) ? null : website(rng, ctx, slug);
  const host = site ? hostOf(site) : null;

  const organization: OrganizationInput = {
    kind: ctx.kind,
    name: only(ctx.langs, name),
    description: only(
      ctx.langs,
      description(ctx, profile, large, year, band, processes, mats, certs, categories),
    ),
    country: country.code,
    regionCode: ctx.regionCode,
    region: ctx.regionField,
    city: ctx.cityField,
    sectors,
    employeeBand: band,
    foundedYear: year,
    website: site,
    languages: spokenLanguages(rng, ctx, ctx.kind),
    certifications: certs,
    innovation,
    capabilities: caps.map((c) => ({
      process: c.process,
      materials: c.materials.map((m) => tag(ctx, m)),
      machines: c.machines.map((m) => tag(ctx, m)),
      monthlyCapacity: c.capacity,
      capacityUnit: tag(ctx, c.item.unit),
    })),
    contacts: contacts(ctx, host),
  };
  if (large) organization.purchasingCategories = categories.map((c) => tag(ctx, c));

  const opportunities = large
    ? largeFirmOpportunities(ctx, profile, band, buys, caps)
    : smeOpportunities(ctx, profile, band, caps, sectors);
  return { organization, opportunities };
}

function financingAmount(ctx: Ctx, band: EmployeeBand): { amount: number; currency: Currency } {
  const currency = ctx.country.currency;
  const [lo, hi] = BAND_FINANCING[band];
  return { amount: fromUsd(ctx.rng.logBetween(lo, hi), currency), currency };
}

function smeOpportunities(
  ctx: Ctx,
  profile: IndustryProfile,
  band: EmployeeBand,
  caps: readonly Capability[],
  sectors: readonly string[],
): OpportunityInput[] {
  const { rng } = ctx;
  const n = rng.weighted([
    [0, 0.25],
    [1, 0.4],
    [2, 0.25],
    [3, 0.1],
  ]);
  const out: OpportunityInput[] = [];
  for (let i = 0; i < n; i++) {
    const cap = rng.pick(caps);
    const kind = rng.weighted([
      ['offer', 0.55],
      ['financing', 0.2],
      ['partnership', 0.12],
      ['techRequest', 0.08],
      ['techOffer', 0.05],
    ] as const);
    switch (kind) {
      case 'offer':
        out.push(capabilityOffer(ctx, cap.item, cap.capacity, cap.machines, sectors));
        break;
      case 'financing': {
        const { amount, currency } = financingAmount(ctx, band);
        out.push(financingNeed(ctx, profile, cap.process, amount, currency));
        break;
      }
      case 'partnership':
        out.push(companyPartnership(ctx, profile, cap.process));
        break;
      case 'techRequest':
        out.push(technologyRequest(ctx, profile, rng.pick(profile.techTopics)));
        break;
      case 'techOffer':
        out.push(technologyOffer(ctx, profile, rng.pick(profile.techTopics), sectors));
        break;
    }
  }
  return out;
}

function largeFirmOpportunities(
  ctx: Ctx,
  profile: IndustryProfile,
  band: EmployeeBand,
  buys: readonly ItemId[],
  caps: readonly Capability[],
): OpportunityInput[] {
  const { rng } = ctx;
  const n = rng.weighted([
    [1, 0.4],
    [2, 0.35],
    [3, 0.25],
  ]);
  const out: OpportunityInput[] = [];
  const calls = rng.sample(buys, n);
  for (let i = 0; i < n; i++) {
    const id = calls[i];
    const kind =
      id && rng.chance(0.75)
        ? 'subcontract'
        : rng.pick(['techRequest', 'partnership', 'subcontract'] as const);
    if (kind === 'subcontract' && id) {
      const item = ITEMS[id];
      const quantity = niceRound(rng.logBetween(item.qty[0], item.qty[1]) * rng.between(2, 8), 3);
      out.push(subcontractingRequest(ctx, item, quantity, rng.chance(0.4)));
    } else if (kind === 'techRequest')
      out.push(technologyRequest(ctx, profile, rng.pick(profile.techTopics)));
    else out.push(companyPartnership(ctx, profile, rng.pick(caps).process));
  }
  if (band === '1000+' && rng.chance(0.1)) {
    const { amount, currency } = financingAmount(ctx, band);
    out.push(financingNeed(ctx, profile, caps[0].process, amount, currency));
  }
  return out.slice(0, 3);
}
