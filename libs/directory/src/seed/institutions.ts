import type {
  CertificationCode,
  CompanyStage,
  FinancingInstrument,
  OrganizationSubtype,
  SupportCost,
  SupportService,
} from '../taxonomy/codes.js';
import { wilaya as wilayaEntry } from '../taxonomy/taxonomy.js';
import type { CompanyRecord } from './companies.js';
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
import { PROFILES, type IndustryProfile } from './industries.js';
import { formatMoney, fromUsd } from './money.js';
import {
  financingProgramme,
  landCall,
  nearbyCountries,
  programmePartnership,
  technologyOffer,
} from './opportunities.js';
import { brandPool, type Brand } from './people.js';
import type { Currency } from './places.js';
import type { Rng } from './random.js';
import {
  acronym,
  arBi,
  arCount,
  arLi,
  capitalize,
  each,
  formatInt,
  frA,
  frDe,
  joinList,
  only,
  slugify,
  type Tri,
} from './text.js';

/**
 * Support institutions, financiers and public bodies. Names are invented and tied to a place
 * ("Incubateur Technologique de Sidi Abdellah", "Banque de Développement Local de Sétif") so they
 * read like the institutions of the region without claiming to be any real one.
 */

const t = (fr: string, ar: string, en: string): Tri => ({ ar, fr, en });

/** The same three texts joined as a list in each language. */
function joinTri(items: readonly Tri[]): Tri {
  return each((l) =>
    joinList(
      items.map((i) => i[l]),
      l,
    ),
  );
}

function sentences(parts: readonly Tri[]): Tri {
  return each((l) => parts.map((p) => p[l]).join(' '));
}

/** Industry profiles an institution serves, the first being its main field. */
function servedProfiles(rng: Rng, n: number): IndustryProfile[] {
  return rng.sample(PROFILES, n);
}

const divisionsOf = (profiles: readonly IndustryProfile[]): string[] => [
  ...new Set(profiles.flatMap((p) => p.divisions)),
];

interface Named {
  name: Tri;
  slug: string;
}

function named(fr: string, ar: string, en: string, slugBase: string, place: Tri): Named {
  return { name: { ar, fr, en }, slug: `${acronym(slugBase)}-${slugify(place.fr)}`.slice(0, 60) };
}

// ---------------------------------------------------------------------------------------------
// Support institutions

type SupportSubtype = Extract<
  OrganizationSubtype,
  'INCUBATOR' | 'TECHNICAL_CENTRE' | 'INDUSTRIAL_PARK' | 'BUSINESS_AGENCY' | 'CHAMBER' | 'UNIVERSITY_LAB'
>;

const SUPPORT_SERVICES: Record<SupportSubtype, readonly { fr: string; en: string }[]> = {
  INCUBATOR: [
    { fr: 'hébergement', en: 'office space' },
    { fr: 'accompagnement', en: 'coaching' },
    { fr: 'mentorat', en: 'mentoring' },
    { fr: 'mise en relation avec des investisseurs', en: 'investor matchmaking' },
    { fr: 'formation entrepreneuriale', en: 'entrepreneurship training' },
    { fr: 'prototypage', en: 'prototyping' },
    { fr: 'conseil en propriété intellectuelle', en: 'IP advisory' },
  ],
  TECHNICAL_CENTRE: [
    { fr: 'essais et analyses', en: 'testing and analysis' },
    { fr: 'métrologie', en: 'metrology' },
    { fr: 'assistance technique', en: 'technical assistance' },
    { fr: 'formation technique', en: 'technical training' },
    { fr: 'diagnostic technologique', en: 'technology diagnosis' },
    { fr: 'certification de produits', en: 'product certification' },
    { fr: 'veille technologique', en: 'technology watch' },
  ],
  INDUSTRIAL_PARK: [
    { fr: 'terrains viabilisés', en: 'serviced industrial land' },
    { fr: 'locaux industriels à louer', en: 'industrial premises for rent' },
    { fr: 'guichet unique', en: 'one-stop shop' },
    { fr: 'sécurité du site', en: 'site security' },
    { fr: "station d'épuration", en: 'wastewater treatment' },
    { fr: 'raccordement électricité et gaz', en: 'power and gas connection' },
  ],
  BUSINESS_AGENCY: [
    { fr: 'information économique', en: 'business information' },
    { fr: "aide à la création d'entreprise", en: 'start-up support' },
    { fr: 'mise à niveau', en: 'upgrading support' },
    { fr: "accompagnement à l'export", en: 'export support' },
    { fr: 'orientation vers le financement', en: 'access-to-finance guidance' },
    { fr: 'bourse de sous-traitance', en: 'subcontracting exchange' },
  ],
  CHAMBER: [
    { fr: 'bourse de sous-traitance', en: 'subcontracting exchange' },
    { fr: 'missions économiques', en: 'trade missions' },
    { fr: "certificats d'origine", en: 'certificates of origin' },
    { fr: 'salons professionnels', en: 'trade fairs' },
    { fr: 'formation continue', en: 'continuing education' },
    { fr: 'médiation commerciale', en: 'commercial mediation' },
  ],
  UNIVERSITY_LAB: [
    { fr: 'recherche contractuelle', en: 'contract research' },
    { fr: 'essais de laboratoire', en: 'laboratory testing' },
    { fr: 'transfert de technologie', en: 'technology transfer' },
    { fr: 'encadrement de doctorants', en: 'PhD supervision' },
    { fr: 'expertise scientifique', en: 'scientific expertise' },
  ],
};

const P = {
  startup: t(
    "Programme d'incubation des startups industrielles",
    'برنامج احتضان المؤسسات الناشئة الصناعية',
    'Industrial Startup Incubation Programme',
  ),
  industry40: t(
    "Programme d'accélération Industrie 4.0",
    'برنامج تسريع الصناعة 4.0',
    'Industry 4.0 Acceleration Programme',
  ),
  preIncubation: t(
    'Programme de pré-incubation pour porteurs de projets',
    'برنامج ما قبل الاحتضان لحاملي المشاريع',
    'Pre-incubation Programme for Project Holders',
  ),
  linkage: t(
    'Programme de mise en relation PME–grandes entreprises',
    'برنامج ربط المؤسسات الصغيرة والمتوسطة بالمؤسسات الكبرى',
    'SME–Large Enterprise Linkage Programme',
  ),
  ip: t(
    'Programme Innovation et Propriété Industrielle',
    'برنامج الابتكار والملكية الصناعية',
    'Innovation and Industrial Property Programme',
  ),
  export: t(
    "Programme d'accompagnement à l'export",
    'برنامج مرافقة المؤسسات نحو التصدير',
    'Export Support Programme',
  ),
  upgrading: t(
    'Programme de mise à niveau des PME',
    'برنامج تأهيل المؤسسات الصغيرة والمتوسطة',
    'SME Upgrading Programme',
  ),
  iso: t(
    'Programme de certification qualité ISO 9001',
    'برنامج المرافقة نحو شهادة الجودة ISO 9001',
    'ISO 9001 Quality Certification Programme',
  ),
  diagnosis: t(
    'Programme de diagnostic technologique des PME',
    'برنامج التشخيص التكنولوجي للمؤسسات الصغيرة والمتوسطة',
    'SME Technology Diagnosis Programme',
  ),
  efficiency: t(
    "Programme d'efficacité énergétique industrielle",
    'برنامج النجاعة الطاقوية في الصناعة',
    'Industrial Energy Efficiency Programme',
  ),
  subcontractors: t(
    "Programme d'implantation de PME sous-traitantes",
    'برنامج توطين المؤسسات المناولة',
    'Subcontractor Location Programme',
  ),
  green: t(
    'Programme Zone Industrielle Verte',
    'برنامج المنطقة الصناعية الخضراء',
    'Green Industrial Zone Programme',
  ),
  exchange: t(
    'Programme Bourse de Sous-traitance et de Partenariat',
    'برنامج بورصة المناولة والشراكة',
    'Subcontracting and Partnership Exchange Programme',
  ),
  missions: t('Programme de missions économiques', 'برنامج البعثات الاقتصادية', 'Trade Mission Programme'),
  valorisation: t(
    'Programme de valorisation des résultats de la recherche',
    'برنامج تثمين نتائج البحث',
    'Research Valorisation Programme',
  ),
  phd: t('Programme de doctorats en entreprise', 'برنامج الدكتوراه في المؤسسة', 'Industrial PhD Programme'),
  finance: t(
    "Programme de facilitation de l'accès au financement",
    'برنامج تسهيل الحصول على التمويل',
    'Access to Finance Facilitation Programme',
  ),
  creation: t(
    "Programme d'appui à la création d'entreprises",
    'برنامج دعم إنشاء المؤسسات',
    'Business Creation Support Programme',
  ),
};

const PROGRAMMES: Record<SupportSubtype, readonly Tri[]> = {
  INCUBATOR: [P.startup, P.industry40, P.preIncubation, P.ip, P.linkage],
  TECHNICAL_CENTRE: [P.diagnosis, P.iso, P.efficiency, P.linkage, P.industry40],
  INDUSTRIAL_PARK: [P.subcontractors, P.green, P.linkage],
  BUSINESS_AGENCY: [P.upgrading, P.export, P.finance, P.creation, P.linkage, P.iso],
  CHAMBER: [P.exchange, P.missions, P.export, P.upgrading],
  UNIVERSITY_LAB: [P.valorisation, P.phd, P.ip],
};

/** What each programme offers SMEs: its services, the stages it admits, its cost and the schemes it prepares for. */
interface ProgrammeTerms {
  services: SupportService[];
  stages: CompanyStage[];
  cost: SupportCost;
  certifications?: CertificationCode[];
}
const PROGRAMME_TERMS = new Map<Tri, ProgrammeTerms>([
  [P.startup, { services: ['INCUBATION', 'TRAINING'], stages: ['IDEA', 'STARTUP'], cost: 'FREE' }],
  [
    P.industry40,
    { services: ['TECHNICAL_ASSISTANCE', 'TECHNOLOGY_TRANSFER'], stages: [], cost: 'SUBSIDISED' },
  ],
  [P.preIncubation, { services: ['INCUBATION'], stages: ['IDEA'], cost: 'FREE' }],
  [P.ip, { services: ['IP_ADVICE'], stages: [], cost: 'SUBSIDISED' }],
  [P.linkage, { services: ['TECHNICAL_ASSISTANCE'], stages: ['GROWTH', 'MATURE'], cost: 'FREE' }],
  [
    P.export,
    { services: ['TRAINING', 'QUALITY_CERTIFICATION'], stages: ['GROWTH', 'MATURE'], cost: 'SUBSIDISED' },
  ],
  [
    P.upgrading,
    {
      services: ['TECHNICAL_ASSISTANCE', 'TRAINING'],
      stages: ['GROWTH', 'MATURE', 'TURNAROUND'],
      cost: 'SUBSIDISED',
    },
  ],
  [
    P.iso,
    {
      services: ['QUALITY_CERTIFICATION', 'TRAINING'],
      stages: [],
      cost: 'SUBSIDISED',
      certifications: ['ISO_9001', 'ISO_14001', 'ISO_22000', 'HACCP'],
    },
  ],
  [P.diagnosis, { services: ['TECHNICAL_ASSISTANCE', 'TESTING'], stages: [], cost: 'FREE' }],
  [
    P.efficiency,
    {
      services: ['CLEANER_PRODUCTION', 'TECHNICAL_ASSISTANCE'],
      stages: ['GROWTH', 'MATURE'],
      cost: 'SUBSIDISED',
    },
  ],
  [P.subcontractors, { services: ['TECHNICAL_ASSISTANCE'], stages: ['GROWTH', 'MATURE'], cost: 'PAID' }],
  [
    P.green,
    { services: ['CLEANER_PRODUCTION'], stages: [], cost: 'SUBSIDISED', certifications: ['ISO_14001'] },
  ],
  [P.exchange, { services: ['TRAINING'], stages: [], cost: 'PAID' }],
  [P.missions, { services: ['TRAINING'], stages: ['GROWTH', 'MATURE'], cost: 'PAID' }],
  [P.valorisation, { services: ['TECHNOLOGY_TRANSFER', 'IP_ADVICE', 'TESTING'], stages: [], cost: 'FREE' }],
  [P.phd, { services: ['TECHNOLOGY_TRANSFER'], stages: [], cost: 'FREE' }],
  [P.finance, { services: ['TECHNICAL_ASSISTANCE'], stages: ['STARTUP', 'GROWTH'], cost: 'FREE' }],
  [P.creation, { services: ['INCUBATION', 'TRAINING'], stages: ['IDEA', 'STARTUP'], cost: 'FREE' }],
]);
const TRAINING_TERMS: ProgrammeTerms = { services: ['TRAINING'], stages: [], cost: 'SUBSIDISED' };

/**
 * Wilayas of the Grand Sud; a support institution based there reserves its programmes for them,
 * as the state's programmes for the southern regions do.
 */
export const SOUTHERN_WILAYAS: readonly string[] = [
  'DZ-01',
  'DZ-08',
  'DZ-11',
  'DZ-30',
  'DZ-33',
  'DZ-37',
  'DZ-39',
  'DZ-47',
  'DZ-49',
  'DZ-50',
  'DZ-52',
  'DZ-53',
  'DZ-54',
  'DZ-55',
  'DZ-56',
  'DZ-57',
  'DZ-58',
];

/** A vocational programme named after the institution's main field. */
function trainingProgramme(domain: Tri): Tri {
  return {
    fr: `Programme de formation aux métiers ${frDe(domain.fr)}`,
    ar: `برنامج التكوين في مهن ${domain.ar}`,
    en: `Vocational Training Programme: ${domain.en}`,
  };
}

const UNIVERSITY_PREFIX = [
  'Université',
  'École Nationale Polytechnique',
  'École Supérieure de Technologie',
] as const;

function supportName(ctx: Ctx, subtype: SupportSubtype, main: IndustryProfile, brand: Brand): Named {
  const { rng } = ctx;
  const pl = ctx.city;
  const de = frDe(pl.fr);
  switch (subtype) {
    case 'INCUBATOR':
      return rng.pick([
        () =>
          named(
            `Incubateur Technologique ${de}`,
            `حاضنة ${pl.ar} التكنولوجية`,
            `${pl.en} Technology Incubator`,
            'Incubateur Technologique',
            pl,
          ),
        () =>
          named(
            `Pépinière d'Entreprises ${de}`,
            `مشتلة مؤسسات ${pl.ar}`,
            `${pl.en} Business Nursery`,
            "Pépinière d'Entreprises",
            pl,
          ),
        () =>
          named(
            `Incubateur Universitaire ${de}`,
            `الحاضنة الجامعية ${arBi(pl.ar)}`,
            `${pl.en} University Incubator`,
            'Incubateur Universitaire',
            pl,
          ),
        () =>
          named(
            `Incubateur ${brand.lat} ${de}`,
            `حاضنة ${brand.ar} ${arBi(pl.ar)}`,
            `${brand.lat} Incubator, ${pl.en}`,
            `Incubateur ${brand.lat}`,
            pl,
          ),
        () =>
          named(
            `${brand.lat} Startup Hub ${pl.fr}`,
            `مسرّعة ${brand.ar} للمؤسسات الناشئة - ${pl.ar}`,
            `${brand.lat} Startup Hub ${pl.en}`,
            `${brand.lat} Startup Hub`,
            pl,
          ),
      ])();
    case 'TECHNICAL_CENTRE':
      return rng.pick([
        () =>
          named(
            `Centre Technique Régional ${main.centre.fr} ${de}`,
            `المركز التقني الجهوي ${arLi(main.centre.ar)} ${arBi(pl.ar)}`,
            `${pl.en} Regional Technical Centre for ${main.centre.en}`,
            `Centre Technique Régional ${main.centre.fr}`,
            pl,
          ),
        () =>
          named(
            `Centre Technique ${main.centre.fr} — antenne ${de}`,
            `المركز التقني ${arLi(main.centre.ar)} - فرع ${pl.ar}`,
            `Technical Centre for ${main.centre.en} — ${pl.en} Office`,
            `Centre Technique ${main.centre.fr}`,
            pl,
          ),
        () =>
          named(
            `Centre d'Essais et de Contrôle ${de}`,
            `مركز التجارب والمراقبة ${arBi(pl.ar)}`,
            `${pl.en} Testing and Inspection Centre`,
            "Centre d'Essais et de Contrôle",
            pl,
          ),
      ])();
    case 'INDUSTRIAL_PARK':
      return rng.pick([
        () =>
          named(
            `Zone Industrielle ${de}`,
            `المنطقة الصناعية ${arBi(pl.ar)}`,
            `${pl.en} Industrial Zone`,
            'Zone Industrielle',
            pl,
          ),
        () =>
          named(
            `Parc Technologique ${de}`,
            `الحظيرة التكنولوجية ${arBi(pl.ar)}`,
            `${pl.en} Technology Park`,
            'Parc Technologique',
            pl,
          ),
        () =>
          named(
            `Zone d'Activités ${de}`,
            `منطقة النشاطات ${arBi(pl.ar)}`,
            `${pl.en} Business Park`,
            "Zone d'Activités",
            pl,
          ),
        () =>
          named(
            `Parc Industriel ${brand.lat} ${de}`,
            `الحظيرة الصناعية ${brand.ar} ${arBi(pl.ar)}`,
            `${brand.lat} Industrial Park, ${pl.en}`,
            `Parc Industriel ${brand.lat}`,
            pl,
          ),
      ])();
    case 'BUSINESS_AGENCY':
      return rng.pick([
        () =>
          named(
            `Centre de Facilitation des PME ${de}`,
            `مركز تسهيل المؤسسات الصغيرة والمتوسطة ${arBi(pl.ar)}`,
            `${pl.en} SME Facilitation Centre`,
            'Centre de Facilitation des PME',
            pl,
          ),
        () =>
          named(
            `Agence Régionale de Promotion de l'Investissement ${de}`,
            `الوكالة الجهوية لترقية الاستثمار ${arBi(pl.ar)}`,
            `${pl.en} Regional Investment Promotion Agency`,
            "Agence Régionale de Promotion de l'Investissement",
            pl,
          ),
        () =>
          named(
            `Maison de l'Entrepreneuriat ${de}`,
            `دار المقاولاتية ${arBi(pl.ar)}`,
            `${pl.en} Entrepreneurship House`,
            "Maison de l'Entrepreneuriat",
            pl,
          ),
        () =>
          named(
            `Bourse de Sous-traitance et de Partenariat ${de}`,
            `بورصة المناولة والشراكة ${arLi(pl.ar)}`,
            `${pl.en} Subcontracting and Partnership Exchange`,
            'Bourse de Sous-traitance et de Partenariat',
            pl,
          ),
        () => {
          // Consultancies carry a brand or their founder's name: "Cabinet Meziane Conseil".
          const w = rng.chance(0.5) ? familyName(ctx) : brand;
          return named(
            `Cabinet ${w.lat} Conseil`,
            `مكتب ${w.ar} للاستشارات`,
            `${w.lat} Consulting`,
            `Cabinet ${w.lat} Conseil`,
            pl,
          );
        },
      ])();
    case 'CHAMBER': {
      const options = [
        () =>
          named(
            `Chambre de Commerce et d'Industrie ${de}`,
            `غرفة التجارة والصناعة ${arLi(pl.ar)}`,
            `${pl.en} Chamber of Commerce and Industry`,
            "Chambre de Commerce et d'Industrie",
            pl,
          ),
        () =>
          named(
            `Chambre de l'Artisanat et des Métiers ${de}`,
            `غرفة الصناعة التقليدية والحرف ${arLi(pl.ar)}`,
            `${pl.en} Chamber of Crafts and Trades`,
            "Chambre de l'Artisanat et des Métiers",
            pl,
          ),
      ];
      // Bilateral chambers pair the host country with a partner: "Chambre de Commerce Algéro-Tunisienne".
      const partner = rng.pick(
        ['TN', 'FR', 'IT', 'TR', 'DE', 'SA', 'EG'].filter((c) => c !== ctx.country.code),
      );
      const partnerNat = PARTNER_NATIONALITIES[partner];
      if (partnerNat && rng.chance(0.2)) {
        const n = ctx.country.nat;
        return named(
          `Chambre de Commerce et d'Industrie ${n.frPrefix}-${capitalize(partnerNat.frF)}`,
          `الغرفة ال${n.arF} ال${partnerNat.arF} للتجارة والصناعة`,
          `${n.en}-${partnerNat.en} Chamber of Commerce and Industry`,
          `Chambre ${n.frPrefix} ${partnerNat.frF}`,
          ctx.province,
        );
      }
      return rng.pick(options)();
    }
    case 'UNIVERSITY_LAB': {
      const school = rng.pick(UNIVERSITY_PREFIX);
      const schoolAr = {
        Université: 'جامعة',
        'École Nationale Polytechnique': 'المدرسة الوطنية المتعددة التقنيات',
        'École Supérieure de Technologie': 'المدرسة العليا للتكنولوجيا',
      }[school];
      const schoolEn = {
        Université: `University of ${pl.en}`,
        'École Nationale Polytechnique': `${pl.en} National Polytechnic School`,
        'École Supérieure de Technologie': `${pl.en} Higher School of Technology`,
      }[school];
      return named(
        `Laboratoire ${frDe(main.lab.fr)} — ${school} ${de}`,
        `مخبر ${main.lab.ar} - ${schoolAr} ${school === 'Université' ? pl.ar : arBi(pl.ar)}`,
        `${main.lab.en} Laboratory, ${schoolEn}`,
        `Laboratoire ${main.lab.fr}`,
        pl,
      );
    }
  }
}

const PARTNER_NATIONALITIES: Record<string, { frF: string; arF: string; en: string } | undefined> = {
  TN: { frF: 'tunisienne', arF: 'تونسية', en: 'Tunisian' },
  FR: { frF: 'française', arF: 'فرنسية', en: 'French' },
  IT: { frF: 'italienne', arF: 'إيطالية', en: 'Italian' },
  TR: { frF: 'turque', arF: 'تركية', en: 'Turkish' },
  DE: { frF: 'allemande', arF: 'ألمانية', en: 'German' },
  SA: { frF: 'saoudienne', arF: 'سعودية', en: 'Saudi' },
  EG: { frF: 'égyptienne', arF: 'مصرية', en: 'Egyptian' },
};

function supportDescription(
  ctx: Ctx,
  subtype: SupportSubtype,
  year: number,
  domains: Tri,
  main: IndustryProfile,
): Tri {
  const { rng, city } = ctx;
  switch (subtype) {
    case 'INCUBATOR':
      return sentences([
        {
          fr: `Créé en ${year} ${frA(city.fr)}, l'incubateur accompagne les porteurs de projets et les startups innovantes dans ${domains.fr}.`,
          ar: `أُنشئت الحاضنة سنة ${year} ${arBi(city.ar)}، وتتولى مرافقة حاملي المشاريع والمؤسسات الناشئة المبتكرة في مجالات ${domains.ar}.`,
          en: `Founded in ${year} in ${city.en}, the incubator supports project holders and innovative startups in ${domains.en}.`,
        },
        ...(rng.chance(0.7)
          ? [
              t(
                "Il propose hébergement, mentorat et mise en relation avec les investisseurs et les donneurs d'ordres.",
                'وتوفر الإيواء والتوجيه والربط مع المستثمرين وكبار الزبائن.',
                'It offers office space, mentoring and introductions to investors and large buyers.',
              ),
            ]
          : []),
      ]);
    case 'TECHNICAL_CENTRE':
      return sentences([
        {
          fr: `Le centre apporte aux entreprises ${frDe(main.domain.fr)} une assistance technique, des essais et de la formation.`,
          ar: `يقدم المركز للمؤسسات الناشطة في ${main.domain.ar} المساعدة التقنية والتجارب والتكوين.`,
          en: `The centre provides companies in ${main.domain.en} with technical assistance, testing and training.`,
        },
        ...(rng.chance(0.7)
          ? [
              t(
                "Il dispose de laboratoires d'essais et accompagne les PME dans leurs démarches de certification.",
                'ويتوفر على مخابر للتجارب ويرافق المؤسسات الصغيرة والمتوسطة في مساعي الحصول على الشهادات.',
                'It runs testing laboratories and helps SMEs obtain certification.',
              ),
            ]
          : []),
      ]);
    case 'INDUSTRIAL_PARK': {
      const ha = rng.int(2, 60) * 10;
      return sentences([
        {
          fr: `Parc industriel de ${ha} hectares aménagé en ${year}, qui accueille des entreprises actives dans ${domains.fr}.`,
          ar: `حظيرة صناعية بمساحة ${arCount(ha, { ar: 'هكتار', arFew: 'هكتارات' })}، تمت تهيئتها سنة ${year}، وتحتضن مؤسسات ناشطة في ${domains.ar}.`,
          en: `Industrial park of ${ha} hectares developed in ${year}, hosting companies active in ${domains.en}.`,
        },
        t(
          'Il offre des terrains viabilisés, des locaux clés en main et un guichet unique.',
          'وتوفر أراضي مهيأة ومحلات جاهزة وشباكًا موحدًا.',
          'It offers serviced plots, ready-built units and a one-stop shop.',
        ),
      ]);
    }
    case 'BUSINESS_AGENCY':
      return sentences([
        {
          fr: `Structure d'appui créée en ${year}, qui accompagne la création et le développement des PME ${frA(city.fr)} et dans sa région.`,
          ar: `هيئة دعم أُنشئت سنة ${year}، ترافق إنشاء وتطوير المؤسسات الصغيرة والمتوسطة ${arBi(city.ar)} وضواحيها.`,
          en: `Business support body set up in ${year}, helping SMEs start and grow in ${city.en} and the surrounding region.`,
        },
        t(
          'Elle oriente les entrepreneurs vers les dispositifs de financement et les programmes de mise à niveau.',
          'وتوجه المقاولين نحو آليات التمويل وبرامج التأهيل.',
          'It guides entrepreneurs towards financing schemes and upgrading programmes.',
        ),
      ]);
    case 'CHAMBER': {
      const members = rng.int(3, 40) * 50;
      return sentences([
        {
          fr: `La chambre fédère plus de ${formatInt(members, 'fr')} entreprises adhérentes et anime une bourse de sous-traitance et de partenariat.`,
          ar: `تضم الغرفة أكثر من ${arCount(members, { ar: 'مؤسسة', arFew: 'مؤسسات' })} منخرطة، وتنشط بورصة للمناولة والشراكة.`,
          en: `The chamber brings together more than ${formatInt(members, 'en')} member companies and runs a subcontracting and partnership exchange.`,
        },
        ...(rng.chance(0.6)
          ? [
              t(
                "Elle organise des missions économiques et des rencontres B2B entre donneurs d'ordres et PME.",
                'وتنظم بعثات اقتصادية ولقاءات أعمال بين كبار الزبائن والمؤسسات الصغيرة والمتوسطة.',
                'It organises trade missions and B2B meetings between large buyers and SMEs.',
              ),
            ]
          : []),
      ]);
    }
    case 'UNIVERSITY_LAB':
      return sentences([
        {
          fr: `Le laboratoire mène des recherches appliquées dans ${domains.fr} en partenariat avec l'industrie.`,
          ar: `يجري المخبر بحوثًا تطبيقية في مجالات ${domains.ar} بالشراكة مع المؤسسات الصناعية.`,
          en: `The laboratory carries out applied research in ${domains.en} in partnership with industry.`,
        },
        t(
          "Il propose des essais, de l'expertise et des projets de recherche contractuelle.",
          'ويقترح على المؤسسات التجارب والخبرة ومشاريع البحث التعاقدي.',
          'It offers testing, expertise and contract research projects.',
        ),
        ...(rng.chance(0.4)
          ? [
              {
                fr: `Il a été agréé en ${year}.`,
                ar: `اعتُمد المخبر سنة ${year}.`,
                en: `It was accredited in ${year}.`,
              },
            ]
          : []),
      ]);
  }
}

const SUPPORT_EXTRA_SECTORS: Record<SupportSubtype, readonly string[]> = {
  INCUBATOR: ['62'],
  TECHNICAL_CENTRE: ['71'],
  INDUSTRIAL_PARK: ['68'],
  BUSINESS_AGENCY: ['70'],
  CHAMBER: ['94'],
  UNIVERSITY_LAB: ['72'],
};

/** A programme's support terms, drawn from nothing random so the rest of the seed stays as it was. */
function programmeTerms(p: Tri, regionCode: string | null | undefined) {
  const terms = PROGRAMME_TERMS.get(p) ?? TRAINING_TERMS;
  const south = regionCode != null && SOUTHERN_WILAYAS.includes(regionCode);
  return {
    services: terms.services,
    stages: terms.stages,
    cost: terms.cost,
    certifications: terms.certifications ?? [],
    regionCodes: south ? [...SOUTHERN_WILAYAS] : regionCode ? [regionCode] : [],
    reserved: south,
  };
}

export function supportInstitution(ctx: Ctx): CompanyRecord {
  const { rng } = ctx;
  const subtype = rng.weighted<SupportSubtype>([
    ['INCUBATOR', 0.25],
    ['TECHNICAL_CENTRE', 0.17],
    ['INDUSTRIAL_PARK', 0.12],
    ['BUSINESS_AGENCY', 0.2],
    ['CHAMBER', 0.14],
    ['UNIVERSITY_LAB', 0.12],
  ]);
  const focused = subtype === 'TECHNICAL_CENTRE' || subtype === 'UNIVERSITY_LAB';
  const profiles = servedProfiles(rng, focused ? rng.int(1, 2) : rng.int(2, 4));
  const main = profiles[0];
  const domains = joinTri(profiles.map((p) => p.domain));
  const year = foundedYear(rng, subtype === 'INCUBATOR' ? 2005 : 1970);
  const brand = rng.pick(brandPool(ctx.country, ctx.country.arab));
  const { name, slug } = supportName(ctx, subtype, main, brand);
  const sectors = [...divisionsOf(profiles), ...SUPPORT_EXTRA_SECTORS[subtype]].slice(0, 10);

  const chosen = rng.sample([...PROGRAMMES[subtype], trainingProgramme(main.domain)], rng.int(1, 3));
  const programmes = chosen.map((p) => {
    const n = rng.int(2, 12) * 5;
    const withDescription = rng.chance(0.6);
    return {
      name: only(ctx.langs, p),
      description: withDescription
        ? only(ctx.langs, {
            fr: `Accompagnement de ${n} entreprises par an dans ${domains.fr}.`,
            ar: `مرافقة ${arCount(n, { ar: 'مؤسسة', arFew: 'مؤسسات' })} سنويًا في مجالات ${domains.ar}.`,
            en: `Supports ${n} companies a year in ${domains.en}.`,
          })
        : null,
      sectors: divisionsOf(profiles).slice(0, 10),
      ...programmeTerms(p, ctx.regionCode),
    };
  });

  const site = website(rng, ctx, slug, subtype === 'INDUSTRIAL_PARK' && rng.chance(0.3));
  const research = subtype === 'TECHNICAL_CENTRE' || subtype === 'UNIVERSITY_LAB';
  const organization: OrganizationInput = {
    kind: 'SUPPORT_INSTITUTION',
    subtype,
    name: only(ctx.langs, name),
    description: only(ctx.langs, supportDescription(ctx, subtype, year, domains, main)),
    country: ctx.country.code,
    regionCode: ctx.regionCode,
    region: ctx.regionField,
    city: ctx.cityField,
    sectors,
    employeeBand: employeeBand(rng, 'SUPPORT_INSTITUTION'),
    foundedYear: year,
    website: site,
    languages: spokenLanguages(rng, ctx, 'SUPPORT_INSTITUTION'),
    certifications: research && rng.chance(0.4) ? ['ISO_17025'] : rng.chance(0.15) ? ['ISO_9001'] : [],
    innovation: research
      ? {
          rdActivity: true,
          patents: rng.chance(0.3) ? rng.int(1, 6) : 0,
          utilityModels: rng.chance(0.1) ? rng.int(1, 3) : 0,
        }
      : null,
    services: rng.sample(SUPPORT_SERVICES[subtype], rng.int(3, 5)).map((s) => tag(ctx, s)),
    programmes,
    contacts: contacts(ctx, hostOf(site)),
  };

  const opportunities: OpportunityInput[] = [];
  const n = rng.weighted([
    [0, 0.4],
    [1, 0.45],
    [2, 0.15],
  ]);
  for (let i = 0; i < n; i++) {
    if ((research || subtype === 'INCUBATOR') && rng.chance(0.5))
      opportunities.push(technologyOffer(ctx, main, rng.pick(main.techTopics), divisionsOf([main])));
    else opportunities.push(programmePartnership(ctx, rng.pick(chosen), sectors));
  }
  return { organization, opportunities };
}

// ---------------------------------------------------------------------------------------------
// Financiers

type FinancierSubtype = Extract<
  OrganizationSubtype,
  | 'COMMERCIAL_BANK'
  | 'DEVELOPMENT_BANK'
  | 'INVESTMENT_FUND'
  | 'GUARANTEE_FUND'
  | 'LEASING'
  | 'MICROFINANCE'
  | 'ISLAMIC_FINANCE'
>;

const INSTRUMENT_TEXT: Record<FinancingInstrument, Tri> = {
  LOAN: t('crédit', 'القروض', 'loans'),
  LEASING: t('crédit-bail', 'الإيجار المالي', 'leasing'),
  GUARANTEE: t('garantie', 'الضمان', 'guarantees'),
  EQUITY: t('capital-investissement', 'المساهمة في رأس المال', 'equity'),
  GRANT: t('subventions', 'المنح', 'grants'),
  MURABAHA: t('mourabaha', 'المرابحة', 'murabaha'),
  IJARA: t('ijara', 'الإجارة', 'ijara'),
  MUSHARAKA: t('moucharaka', 'المشاركة', 'musharaka'),
  MUDARABA: t('moudaraba', 'المضاربة', 'mudaraba'),
  SALAM: t('salam', 'السلم', 'salam'),
  ISTISNA: t('istisna', 'الاستصناع', 'istisna'),
};

/** Ticket sizes in US dollars: minimum range, then maximum range. */
const TICKETS: Record<FinancierSubtype, readonly [readonly [number, number], readonly [number, number]]> = {
  COMMERCIAL_BANK: [
    [20_000, 150_000],
    [2_000_000, 20_000_000],
  ],
  DEVELOPMENT_BANK: [
    [100_000, 500_000],
    [5_000_000, 50_000_000],
  ],
  INVESTMENT_FUND: [
    [100_000, 500_000],
    [1_000_000, 10_000_000],
  ],
  GUARANTEE_FUND: [
    [10_000, 50_000],
    [500_000, 5_000_000],
  ],
  LEASING: [
    [10_000, 50_000],
    [500_000, 3_000_000],
  ],
  MICROFINANCE: [
    [500, 2_000],
    [10_000, 40_000],
  ],
  ISLAMIC_FINANCE: [
    [20_000, 100_000],
    [1_000_000, 15_000_000],
  ],
};

const STAGES: Record<FinancierSubtype, readonly CompanyStage[]> = {
  COMMERCIAL_BANK: ['GROWTH', 'MATURE'],
  DEVELOPMENT_BANK: ['STARTUP', 'GROWTH', 'MATURE', 'TURNAROUND'],
  INVESTMENT_FUND: ['STARTUP', 'GROWTH'],
  GUARANTEE_FUND: ['STARTUP', 'GROWTH', 'MATURE'],
  LEASING: ['STARTUP', 'GROWTH', 'MATURE'],
  MICROFINANCE: ['IDEA', 'STARTUP'],
  ISLAMIC_FINANCE: ['STARTUP', 'GROWTH', 'MATURE'],
};

/** Instruments coherent with the subtype; Islamic windows of conventional banks in Arab countries. */
function instruments(rng: Rng, subtype: FinancierSubtype, arab: boolean): FinancingInstrument[] {
  const out: FinancingInstrument[] = [];
  const maybe = (i: FinancingInstrument, p: number) => {
    if (rng.chance(p)) out.push(i);
  };
  switch (subtype) {
    case 'COMMERCIAL_BANK':
      out.push('LOAN');
      maybe('LEASING', 0.3);
      maybe('GUARANTEE', 0.3);
      if (arab) maybe('MURABAHA', 0.2);
      break;
    case 'DEVELOPMENT_BANK':
      out.push('LOAN');
      maybe('GUARANTEE', 0.4);
      maybe('LEASING', 0.3);
      maybe('GRANT', 0.2);
      break;
    case 'INVESTMENT_FUND':
      out.push('EQUITY');
      if (arab) maybe('MUSHARAKA', 0.15);
      break;
    case 'GUARANTEE_FUND':
      out.push('GUARANTEE');
      break;
    case 'LEASING':
      out.push('LEASING');
      if (arab) maybe('IJARA', 0.35);
      break;
    case 'MICROFINANCE':
      out.push('LOAN');
      maybe('GRANT', 0.2);
      if (arab) maybe('MURABAHA', 0.3);
      break;
    case 'ISLAMIC_FINANCE':
      out.push(
        'MURABAHA',
        ...rng.sample(['IJARA', 'MUSHARAKA', 'ISTISNA', 'SALAM', 'MUDARABA'] as const, rng.int(2, 4)),
      );
      break;
  }
  return out;
}

interface ProgrammeTitle {
  title: Tri;
  /** The instrument the programme is built on; offered only by financiers that have it. */
  instrument: FinancingInstrument;
}

const pr = (instrument: FinancingInstrument, fr: string, ar: string, en: string): ProgrammeTitle => ({
  title: t(fr, ar, en),
  instrument,
});

const FINANCING_PROGRAMMES: Record<FinancierSubtype, readonly ProgrammeTitle[]> = {
  COMMERCIAL_BANK: [
    pr(
      'LOAN',
      "Crédit d'investissement PME",
      'قرض الاستثمار للمؤسسات الصغيرة والمتوسطة',
      'SME Investment Loan',
    ),
    pr(
      'LOAN',
      "Crédit d'exploitation et facilités de caisse",
      'قروض الاستغلال وتسهيلات الخزينة',
      'Operating Credit and Overdraft Facilities',
    ),
    pr(
      'MURABAHA',
      'Fenêtre islamique : mourabaha équipements',
      'النافذة الإسلامية: مرابحة التجهيزات',
      'Islamic Window: Equipment Murabaha',
    ),
  ],
  DEVELOPMENT_BANK: [
    pr(
      'LOAN',
      'Ligne de crédit pour la modernisation industrielle',
      'خط قرض لعصرنة المؤسسات الصناعية',
      'Industrial Modernisation Credit Line',
    ),
    pr(
      'LOAN',
      'Financement des projets de sous-traitance',
      'تمويل مشاريع المناولة',
      'Subcontracting Project Financing',
    ),
  ],
  INVESTMENT_FUND: [
    pr(
      'EQUITY',
      "Fonds d'amorçage pour startups industrielles",
      'تمويل البذرة للمؤسسات الناشئة الصناعية',
      'Seed Fund for Industrial Startups',
    ),
    pr(
      'EQUITY',
      'Capital-développement pour PME en croissance',
      'رأس مال التنمية للمؤسسات الصغيرة والمتوسطة في طور النمو',
      'Growth Capital for Expanding SMEs',
    ),
  ],
  GUARANTEE_FUND: [
    pr(
      'GUARANTEE',
      "Garantie des crédits d'investissement",
      'ضمان قروض الاستثمار',
      'Investment Loan Guarantee',
    ),
    pr(
      'GUARANTEE',
      "Garantie des crédits de création d'entreprise",
      'ضمان قروض إنشاء المؤسسات',
      'Start-up Loan Guarantee',
    ),
  ],
  LEASING: [
    pr(
      'LEASING',
      "Crédit-bail d'équipements industriels",
      'الإيجار المالي للتجهيزات الصناعية',
      'Industrial Equipment Leasing',
    ),
    pr(
      'LEASING',
      'Leasing de véhicules utilitaires',
      'الإيجار المالي للمركبات النفعية',
      'Commercial Vehicle Leasing',
    ),
    pr(
      'IJARA',
      'Ijara pour matériel de production',
      'الإجارة لمعدات الإنتاج',
      'Ijara for Production Equipment',
    ),
  ],
  MICROFINANCE: [
    pr(
      'LOAN',
      'Microcrédit pour artisans et TPE',
      'قروض مصغرة للحرفيين والمؤسسات المصغرة',
      'Microloans for Craftspeople and Micro-enterprises',
    ),
  ],
  ISLAMIC_FINANCE: [
    pr(
      'MURABAHA',
      "Financement mourabaha d'équipements",
      'تمويل التجهيزات بصيغة المرابحة',
      'Murabaha Equipment Financing',
    ),
    pr(
      'IJARA',
      'Ijara pour matériel de production',
      'الإجارة لمعدات الإنتاج',
      'Ijara for Production Equipment',
    ),
    pr(
      'ISTISNA',
      'Financement istisna de projets industriels',
      'تمويل المشاريع الصناعية بصيغة الاستصناع',
      'Istisna Financing for Industrial Projects',
    ),
    pr(
      'SALAM',
      'Salam : préfinancement de la production',
      'السلم: التمويل المسبق للإنتاج',
      'Salam Pre-financing of Production',
    ),
    pr(
      'MUSHARAKA',
      'Moucharaka pour projets de croissance',
      'المشاركة في مشاريع النمو',
      'Musharaka for Growth Projects',
    ),
  ],
};

/**
 * A financier's name; brand names without a place often get the branch or office that attends
 * the forum ("Tassili Leasing — Agence d'Oran"), as banks send their regional staff.
 */
function financierName(ctx: Ctx, subtype: FinancierSubtype, brand: Brand): Named {
  const named = financierBaseName(ctx, subtype, brand);
  const pl = ctx.city;
  if (named.name.fr.includes(pl.fr) || !ctx.rng.chance(0.6)) return named;
  const fund = subtype === 'INVESTMENT_FUND' || subtype === 'GUARANTEE_FUND';
  return {
    name: {
      fr: `${named.name.fr} — ${fund ? 'Bureau' : 'Agence'} ${frDe(pl.fr)}`,
      ar: `${named.name.ar} - ${fund ? 'مكتب' : 'وكالة'} ${pl.ar}`,
      en: `${named.name.en} — ${pl.en} ${fund ? 'Office' : 'Branch'}`,
    },
    slug: named.slug,
  };
}

function financierBaseName(ctx: Ctx, subtype: FinancierSubtype, brand: Brand): Named {
  const { rng, country } = ctx;
  const pl = ctx.city;
  const de = frDe(pl.fr);
  const n = country.nat;
  const natF = capitalize(n.frF);
  switch (subtype) {
    case 'COMMERCIAL_BANK':
      return rng.pick([
        () =>
          named(
            `Banque ${brand.lat} — Agence ${de}`,
            `بنك ${brand.ar} - وكالة ${pl.ar}`,
            `${brand.lat} Bank — ${pl.en} Branch`,
            `Banque ${brand.lat}`,
            pl,
          ),
        () =>
          named(
            `Banque ${natF} du Commerce et de l'Industrie — Agence ${de}`,
            `البنك ال${n.arM} للتجارة والصناعة - وكالة ${pl.ar}`,
            `${n.en} Bank of Commerce and Industry — ${pl.en} Branch`,
            `Banque ${natF} Commerce Industrie`,
            pl,
          ),
      ])();
    case 'DEVELOPMENT_BANK':
      return rng.pick([
        () =>
          named(
            `Banque de Développement Régional ${de}`,
            `بنك التنمية الجهوية ${arBi(pl.ar)}`,
            `${pl.en} Regional Development Bank`,
            'Banque de Développement Régional',
            pl,
          ),
        () =>
          named(
            `Banque de Développement Local ${de}`,
            `بنك التنمية المحلية ${arLi(pl.ar)}`,
            `${pl.en} Local Development Bank`,
            'Banque de Développement Local',
            pl,
          ),
        () =>
          named(
            `Banque ${natF} de Développement Industriel — Direction régionale ${de}`,
            `البنك ال${n.arM} للتنمية الصناعية - المديرية الجهوية ${arBi(pl.ar)}`,
            `${n.en} Industrial Development Bank — ${pl.en} Regional Office`,
            `Banque ${natF} Développement Industriel`,
            pl,
          ),
      ])();
    case 'INVESTMENT_FUND':
      return rng.pick([
        () =>
          named(
            `${brand.lat} Capital`,
            `${brand.ar} كابيتال`,
            `${brand.lat} Capital`,
            `${brand.lat} Capital`,
            pl,
          ),
        () =>
          named(
            `${brand.lat} Ventures`,
            `${brand.ar} فنتشرز`,
            `${brand.lat} Ventures`,
            `${brand.lat} Ventures`,
            pl,
          ),
        () =>
          named(
            `Fonds d'Investissement ${de}`,
            `صندوق الاستثمار ${arLi(pl.ar)}`,
            `${pl.en} Investment Fund`,
            "Fonds d'Investissement",
            pl,
          ),
        () =>
          named(
            `Fonds d'Amorçage ${brand.lat}`,
            `صندوق ${brand.ar} للتمويل الأولي`,
            `${brand.lat} Seed Fund`,
            `Fonds Amorçage ${brand.lat}`,
            pl,
          ),
      ])();
    case 'GUARANTEE_FUND':
      return rng.pick([
        () =>
          named(
            `Fonds Régional de Garantie des Crédits aux PME ${de}`,
            `الصندوق الجهوي لضمان قروض المؤسسات الصغيرة والمتوسطة ${arBi(pl.ar)}`,
            `${pl.en} Regional SME Credit Guarantee Fund`,
            'Fonds Régional de Garantie des Crédits aux PME',
            pl,
          ),
        () =>
          named(
            `Caisse de Garantie des Investissements ${de}`,
            `صندوق ضمان الاستثمارات ${arBi(pl.ar)}`,
            `${pl.en} Investment Guarantee Fund`,
            'Caisse de Garantie des Investissements',
            pl,
          ),
        () =>
          named(
            `Société de Garantie ${brand.lat}`,
            `شركة ${brand.ar} للضمان`,
            `${brand.lat} Guarantee Company`,
            `Garantie ${brand.lat}`,
            pl,
          ),
      ])();
    case 'LEASING':
      return rng.pick([
        () =>
          named(
            `${brand.lat} Leasing`,
            `${brand.ar} ليزينغ`,
            `${brand.lat} Leasing`,
            `${brand.lat} Leasing`,
            pl,
          ),
        () =>
          named(
            `${brand.lat} Leasing ${countryFr(country.code)}`,
            `${brand.ar} ليزينغ ${countryAr(country.code)}`,
            `${brand.lat} Leasing ${countryEn(country.code)}`,
            `${brand.lat} Leasing`,
            pl,
          ),
        () =>
          named(
            `Société ${natF} de Crédit-Bail ${brand.lat}`,
            `الشركة ال${n.arF} للإيجار المالي ${brand.ar}`,
            `${brand.lat} ${n.en} Leasing Company`,
            `Credit Bail ${brand.lat}`,
            pl,
          ),
      ])();
    case 'MICROFINANCE':
      return rng.pick([
        () =>
          named(
            `Institution de Microfinance ${brand.lat}`,
            `مؤسسة ${brand.ar} للتمويل الأصغر`,
            `${brand.lat} Microfinance`,
            `Microfinance ${brand.lat}`,
            pl,
          ),
        () =>
          named(
            `Caisse de Microcrédit ${de}`,
            `صندوق القرض المصغر ${arBi(pl.ar)}`,
            `${pl.en} Microcredit Fund`,
            'Caisse de Microcrédit',
            pl,
          ),
      ])();
    case 'ISLAMIC_FINANCE':
      return rng.pick([
        () =>
          named(
            `Banque Islamique ${brand.lat} — Agence ${de}`,
            `مصرف ${brand.ar} الإسلامي - وكالة ${pl.ar}`,
            `${brand.lat} Islamic Bank — ${pl.en} Branch`,
            `Banque Islamique ${brand.lat}`,
            pl,
          ),
        () =>
          named(
            `${brand.lat} Finance Islamique`,
            `${brand.ar} للتمويل الإسلامي`,
            `${brand.lat} Islamic Finance`,
            `${brand.lat} Finance Islamique`,
            pl,
          ),
      ])();
  }
}

const countryFr = (code: string) => countryNames(code).fr;
const countryAr = (code: string) => countryNames(code).ar;
const countryEn = (code: string) => countryNames(code).en;
function countryNames(code: string): Tri {
  return COUNTRY_SHORT[code] ?? { fr: code, ar: code, en: code };
}
/** Country names as they follow a brand ("Tassili Leasing Algérie"). */
const COUNTRY_SHORT: Record<string, Tri> = {
  DZ: t('Algérie', 'الجزائر', 'Algeria'),
  TN: t('Tunisie', 'تونس', 'Tunisia'),
  MA: t('Maroc', 'المغرب', 'Morocco'),
  EG: t('Égypte', 'مصر', 'Egypt'),
  SA: t('Arabie', 'السعودية', 'Arabia'),
  AE: t('Émirats', 'الإمارات', 'Emirates'),
  JO: t('Jordanie', 'الأردن', 'Jordan'),
  QA: t('Qatar', 'قطر', 'Qatar'),
  LY: t('Libye', 'ليبيا', 'Libya'),
  MR: t('Mauritanie', 'موريتانيا', 'Mauritania'),
  LB: t('Liban', 'لبنان', 'Lebanon'),
  KW: t('Koweït', 'الكويت', 'Kuwait'),
  OM: t('Oman', 'عمان', 'Oman'),
  BH: t('Bahreïn', 'البحرين', 'Bahrain'),
  IQ: t('Irak', 'العراق', 'Iraq'),
  FR: t('France', 'فرنسا', 'France'),
  IT: t('Italia', 'إيطاليا', 'Italia'),
  TR: t('Türkiye', 'تركيا', 'Türkiye'),
  DE: t('Deutschland', 'ألمانيا', 'Deutschland'),
  CN: t('China', 'الصين', 'China'),
};

function financierDescription(
  ctx: Ctx,
  subtype: FinancierSubtype,
  instr: readonly FinancingInstrument[],
  ticketMin: number,
  ticketMax: number,
  currency: Currency,
  domains: Tri,
): Tri {
  const { rng, city } = ctx;
  const intro: Record<FinancierSubtype, Tri> = {
    COMMERCIAL_BANK: {
      fr: `Banque commerciale présente ${frA(city.fr)}, qui finance l'investissement et l'exploitation des PME industrielles.`,
      ar: `بنك تجاري حاضر ${arBi(city.ar)}، يمول استثمارات المؤسسات الصغيرة والمتوسطة الصناعية واستغلالها.`,
      en: `Commercial bank in ${city.en} financing the investment and operating needs of industrial SMEs.`,
    },
    DEVELOPMENT_BANK: t(
      "Banque de développement qui accorde des crédits d'investissement à moyen et long terme aux projets industriels.",
      'بنك تنمية يمنح قروضًا استثمارية متوسطة وطويلة الأجل للمشاريع الصناعية.',
      'Development bank granting medium- and long-term investment loans to industrial projects.',
    ),
    INVESTMENT_FUND: t(
      "Fonds d'investissement qui prend des participations minoritaires dans des PME et des startups à fort potentiel.",
      'صندوق استثمار يأخذ مساهمات أقلية في المؤسسات الصغيرة والمتوسطة والمؤسسات الناشئة ذات الإمكانات العالية.',
      'Investment fund taking minority stakes in high-potential SMEs and startups.',
    ),
    GUARANTEE_FUND: t(
      'Fonds de garantie qui couvre une partie du risque des crédits bancaires accordés aux PME.',
      'صندوق ضمان يغطي جزءًا من مخاطر القروض البنكية الممنوحة للمؤسسات الصغيرة والمتوسطة.',
      'Guarantee fund covering part of the risk on bank loans granted to SMEs.',
    ),
    LEASING: t(
      "Société de crédit-bail qui finance l'acquisition d'équipements industriels, de machines et de véhicules utilitaires.",
      'شركة إيجار مالي تمول اقتناء التجهيزات الصناعية والآلات والمركبات النفعية.',
      'Leasing company financing industrial equipment, machinery and commercial vehicles.',
    ),
    MICROFINANCE: t(
      'Institution de microfinance qui accorde des microcrédits aux très petites entreprises et aux artisans.',
      'مؤسسة للتمويل الأصغر تمنح قروضًا مصغرة للمؤسسات المصغرة والحرفيين.',
      'Microfinance institution providing microloans to micro-enterprises and craftspeople.',
    ),
    ISLAMIC_FINANCE: {
      fr: `Établissement de finance islamique proposant des financements conformes à la charia : ${joinTri(instr.map((i) => INSTRUMENT_TEXT[i])).fr}.`,
      ar: `مؤسسة مالية إسلامية تقدم صيغ تمويل متوافقة مع أحكام الشريعة: ${joinTri(instr.map((i) => INSTRUMENT_TEXT[i])).ar}.`,
      en: `Islamic finance institution offering Sharia-compliant financing: ${joinTri(instr.map((i) => INSTRUMENT_TEXT[i])).en}.`,
    },
  };
  const min = each((l) => formatMoney(ticketMin, currency, l));
  const max = each((l) => formatMoney(ticketMax, currency, l));
  const parts: Tri[] = [intro[subtype]];
  if (rng.chance(0.8))
    parts.push({
      fr: `Montants de ${min.fr} à ${max.fr}.`,
      ar: `تتراوح المبالغ بين ${min.ar} و${max.ar}.`,
      en: `Ticket size: ${min.en} to ${max.en}.`,
    });
  if (rng.chance(0.6))
    parts.push({
      fr: `Secteurs prioritaires : ${domains.fr}.`,
      ar: `القطاعات ذات الأولوية: ${domains.ar}.`,
      en: `Priority sectors: ${domains.en}.`,
    });
  return sentences(parts);
}

export function financier(ctx: Ctx): CompanyRecord {
  const { rng, country } = ctx;
  const islamicPossible = country.arab || country.code === 'TR';
  const subtype = rng.weighted<FinancierSubtype>([
    ['COMMERCIAL_BANK', 0.22],
    ['DEVELOPMENT_BANK', 0.12],
    ['INVESTMENT_FUND', 0.16],
    ['GUARANTEE_FUND', 0.12],
    ['LEASING', 0.14],
    ['MICROFINANCE', 0.09],
    ['ISLAMIC_FINANCE', islamicPossible ? 0.15 : 0],
  ]);
  const instr = instruments(rng, subtype, country.arab);
  const currency: Currency = country.arab && !country.maghreb && rng.chance(0.25) ? 'USD' : country.currency;
  const [minRange, maxRange] = TICKETS[subtype];
  const ticketMin = fromUsd(rng.logBetween(minRange[0], minRange[1]), currency);
  const ticketMax = Math.max(ticketMin, fromUsd(rng.logBetween(maxRange[0], maxRange[1]), currency));
  const profiles = servedProfiles(rng, rng.int(2, 4));
  const domains = joinTri(profiles.map((p) => p.domain));
  const targetSectors = divisionsOf(profiles).slice(0, 6);
  // Arab financiers lend at home or across their region; partner-country financiers target the Maghreb.
  const targetCountries = country.arab
    ? rng.chance(0.7)
      ? [country.code]
      : nearbyCountries(rng, country.code, rng.int(2, 4))
    : rng.sample(['DZ', 'TN', 'MA', 'EG', 'JO', 'MR'], rng.int(2, 4));
  const brand = rng.pick(brandPool(country, true));
  const { name, slug } = financierName(ctx, subtype, brand);
  const site = website(rng, ctx, slug);

  const organization: OrganizationInput = {
    kind: 'FINANCIER',
    subtype,
    name: only(ctx.langs, name),
    description: only(
      ctx.langs,
      financierDescription(ctx, subtype, instr, ticketMin, ticketMax, currency, domains),
    ),
    country: country.code,
    regionCode: ctx.regionCode,
    region: ctx.regionField,
    city: ctx.cityField,
    sectors: ['64'],
    employeeBand: employeeBand(rng, 'FINANCIER'),
    foundedYear: foundedYear(rng, 1965),
    website: site,
    languages: spokenLanguages(rng, ctx, 'FINANCIER'),
    certifications: rng.chance(0.2) ? ['ISO_9001'] : [],
    financier: {
      instruments: instr,
      ticketMin,
      ticketMax,
      currency,
      targetSectors,
      targetCountries,
      stages: rng.sample(STAGES[subtype], rng.int(1, STAGES[subtype].length)),
    },
    contacts: contacts(ctx, hostOf(site)),
  };

  const offered = FINANCING_PROGRAMMES[subtype].filter((p) => instr.includes(p.instrument));
  const programmes = rng.sample(offered, rng.chance(0.7) ? 1 : 2);
  const opportunities = programmes.map((p) =>
    financingProgramme(ctx, p.title, domains, ticketMax, currency, targetSectors, targetCountries),
  );
  return { organization, opportunities };
}

// ---------------------------------------------------------------------------------------------
// Public bodies

/** Directorates of an Algerian wilaya: deconcentrated services of the ministries. */
const WILAYA_DIRECTORATES: readonly Tri[] = [
  t("de l'industrie", 'الصناعة', 'Industry'),
  t(
    'du commerce et de la promotion des exportations',
    'التجارة وترقية الصادرات',
    'Trade and Export Promotion',
  ),
  t("de l'énergie et des mines", 'الطاقة والمناجم', 'Energy and Mines'),
  t("de l'emploi", 'التشغيل', 'Employment'),
  t(
    "de la formation et de l'enseignement professionnels",
    'التكوين والتعليم المهنيين',
    'Vocational Training',
  ),
  t("de l'environnement", 'البيئة', 'the Environment'),
  t('des services agricoles', 'المصالح الفلاحية', 'Agricultural Services'),
];

/** Directorates of central ministries; each ministry lists those it has. */
const DIR = {
  sme: t(
    'Direction Générale de la PME',
    'المديرية العامة للمؤسسات الصغيرة والمتوسطة',
    'Directorate-General for SMEs',
  ),
  subcontracting: t(
    'Direction de la Sous-traitance et du Partenariat',
    'مديرية المناولة والشراكة',
    'Subcontracting and Partnership Directorate',
  ),
  innovation: t(
    "Direction de l'Innovation et de la Veille Technologique",
    'مديرية الابتكار واليقظة التكنولوجية',
    'Innovation and Technology Watch Directorate',
  ),
  quality: t(
    'Direction de la Normalisation et de la Qualité',
    'مديرية التقييس والجودة',
    'Standards and Quality Directorate',
  ),
  industrial: t(
    'Direction du Développement Industriel',
    'مديرية التنمية الصناعية',
    'Industrial Development Directorate',
  ),
  investment: t(
    "Direction de la Promotion de l'Investissement",
    'مديرية ترقية الاستثمار',
    'Investment Promotion Directorate',
  ),
  zones: t('Direction des Zones Industrielles', 'مديرية المناطق الصناعية', 'Industrial Zones Directorate'),
  ip: t(
    'Direction de la Propriété Industrielle',
    'مديرية الملكية الصناعية',
    'Industrial Property Directorate',
  ),
  studies: t(
    'Direction des Études et de la Veille Économique',
    'مديرية الدراسات واليقظة الاقتصادية',
    'Economic Studies and Intelligence Directorate',
  ),
  exports: t(
    'Direction de la Promotion des Exportations',
    'مديرية ترقية الصادرات',
    'Export Promotion Directorate',
  ),
  localContent: t('Direction du Contenu Local', 'مديرية المحتوى المحلي', 'Local Content Directorate'),
  research: t(
    'Direction Générale de la Recherche Scientifique et du Développement Technologique',
    'المديرية العامة للبحث العلمي والتطوير التكنولوجي',
    'Directorate-General for Scientific Research and Technological Development',
  ),
  startups: t(
    "Direction de l'Accompagnement des Startups",
    'مديرية مرافقة المؤسسات الناشئة',
    'Startup Support Directorate',
  ),
};

/** Central ministries with what they do, in one sentence. */
const MINISTRIES: readonly { name: Tri; mission: Tri; directorates: readonly Tri[] }[] = [
  {
    name: t("Ministère de l'Industrie", 'وزارة الصناعة', 'Ministry of Industry'),
    mission: t(
      'Administration chargée de la politique industrielle, de la promotion de la PME et du développement de la sous-traitance.',
      'إدارة مكلفة بالسياسة الصناعية وترقية المؤسسات الصغيرة والمتوسطة وتطوير المناولة.',
      'Government department responsible for industrial policy, SME promotion and subcontracting development.',
    ),
    directorates: [
      DIR.sme,
      DIR.subcontracting,
      DIR.innovation,
      DIR.quality,
      DIR.industrial,
      DIR.investment,
      DIR.zones,
      DIR.ip,
      DIR.studies,
    ],
  },
  {
    name: t(
      "Ministère de l'Économie de la Connaissance et des Startups",
      'وزارة اقتصاد المعرفة والمؤسسات الناشئة',
      'Ministry of Knowledge Economy and Startups',
    ),
    mission: t(
      "Administration chargée de l'écosystème des startups, des incubateurs et du financement de l'innovation.",
      'إدارة مكلفة بمنظومة المؤسسات الناشئة والحاضنات وتمويل الابتكار.',
      'Government department in charge of the startup ecosystem, incubators and innovation funding.',
    ),
    directorates: [DIR.startups, DIR.innovation, DIR.ip, DIR.studies],
  },
  {
    name: t('Ministère du Commerce Extérieur', 'وزارة التجارة الخارجية', 'Ministry of Foreign Trade'),
    mission: t(
      'Administration chargée de la promotion des exportations hors hydrocarbures et des accords commerciaux.',
      'إدارة مكلفة بترقية الصادرات خارج المحروقات وبالاتفاقيات التجارية.',
      'Government department in charge of non-hydrocarbon export promotion and trade agreements.',
    ),
    directorates: [DIR.exports, DIR.studies, DIR.quality],
  },
  {
    name: t("Ministère de l'Énergie et des Mines", 'وزارة الطاقة والمناجم', 'Ministry of Energy and Mines'),
    mission: t(
      "Administration chargée de la politique énergétique et minière et de l'intégration des fournisseurs locaux.",
      'إدارة مكلفة بالسياسة الطاقوية والمنجمية وبإدماج الموردين المحليين.',
      'Government department in charge of energy and mining policy and local supplier integration.',
    ),
    directorates: [DIR.localContent, DIR.subcontracting, DIR.studies],
  },
  {
    name: t(
      "Ministère de l'Enseignement Supérieur et de la Recherche Scientifique",
      'وزارة التعليم العالي والبحث العلمي',
      'Ministry of Higher Education and Scientific Research',
    ),
    mission: t(
      "Administration chargée des universités, des laboratoires de recherche et de leurs liens avec l'industrie.",
      'إدارة مكلفة بالجامعات ومخابر البحث وبعلاقاتها مع الصناعة.',
      'Government department in charge of universities, research laboratories and their links with industry.',
    ),
    directorates: [DIR.research, DIR.innovation],
  },
  {
    name: t(
      "Ministère de l'Industrie Pharmaceutique",
      'وزارة الصناعة الصيدلانية',
      'Ministry of Pharmaceutical Industry',
    ),
    mission: t(
      'Administration chargée du développement de la production locale de médicaments et de dispositifs médicaux.',
      'إدارة مكلفة بتطوير الإنتاج المحلي للأدوية والمستلزمات الطبية.',
      'Government department in charge of developing local production of medicines and medical devices.',
    ),
    directorates: [DIR.industrial, DIR.quality, DIR.localContent],
  },
];

interface Agency {
  name: (pl: Tri) => Named;
  description: Tri;
  services: readonly { fr: string; en: string }[];
}

const AGENCIES: readonly Agency[] = [
  {
    name: (pl) =>
      named(
        `Agence Régionale de Développement Industriel ${frDe(pl.fr)}`,
        `الوكالة الجهوية للتنمية الصناعية ${arBi(pl.ar)}`,
        `${pl.en} Regional Industrial Development Agency`,
        'Agence Régionale de Développement Industriel',
        pl,
      ),
    description: t(
      "Agence publique qui accompagne l'investissement industriel et la mise à niveau des PME.",
      'وكالة عمومية ترافق الاستثمار الصناعي وتأهيل المؤسسات الصغيرة والمتوسطة.',
      'Public agency supporting industrial investment and SME upgrading.',
    ),
    services: [
      { fr: "accompagnement des porteurs de projets d'investissement", en: 'investor support' },
      { fr: 'mise à niveau des PME', en: 'SME upgrading' },
      { fr: 'statistiques industrielles', en: 'industrial statistics' },
    ],
  },
  {
    name: (pl) =>
      named(
        `Agence de Valorisation de la Recherche et de l'Innovation — antenne ${frDe(pl.fr)}`,
        `وكالة تثمين البحث والابتكار - فرع ${pl.ar}`,
        `Research and Innovation Valorisation Agency — ${pl.en} Office`,
        "Agence de Valorisation de la Recherche et de l'Innovation",
        pl,
      ),
    description: t(
      "Agence qui valorise les résultats de la recherche et favorise le transfert de technologie vers l'industrie.",
      'وكالة تعمل على تثمين نتائج البحث وتشجيع نقل التكنولوجيا نحو الصناعة.',
      'Agency promoting research results and technology transfer to industry.',
    ),
    services: [
      { fr: 'transfert de technologie', en: 'technology transfer' },
      { fr: 'financement de prototypes', en: 'prototype funding' },
      { fr: 'dépôt de brevets', en: 'patent filing support' },
    ],
  },
  {
    name: (pl) =>
      named(
        `Office de la Propriété Industrielle — délégation ${frDe(pl.fr)}`,
        `ديوان الملكية الصناعية - مندوبية ${pl.ar}`,
        `Industrial Property Office — ${pl.en} Delegation`,
        'Office de la Propriété Industrielle',
        pl,
      ),
    description: t(
      "Organisme public chargé de l'enregistrement des brevets, des marques et des dessins et modèles industriels.",
      'هيئة عمومية مكلفة بتسجيل براءات الاختراع والعلامات والرسوم والنماذج الصناعية.',
      'Public body in charge of registering patents, trademarks and industrial designs.',
    ),
    services: [
      { fr: 'dépôt de brevets', en: 'patent filing' },
      { fr: 'enregistrement de marques', en: 'trademark registration' },
      { fr: "recherche d'antériorité", en: 'prior-art search' },
    ],
  },
  {
    name: (pl) =>
      named(
        `Agence de Promotion des Exportations — bureau ${frDe(pl.fr)}`,
        `وكالة ترقية الصادرات - مكتب ${pl.ar}`,
        `Export Promotion Agency — ${pl.en} Office`,
        'Agence de Promotion des Exportations',
        pl,
      ),
    description: t(
      'Agence publique qui aide les entreprises à conquérir les marchés extérieurs.',
      'وكالة عمومية تساعد المؤسسات على اقتحام الأسواق الخارجية.',
      'Public agency helping companies win export markets.',
    ),
    services: [
      { fr: 'information sur les marchés extérieurs', en: 'export market intelligence' },
      { fr: 'participation aux foires internationales', en: 'international trade fair participation' },
      { fr: "accompagnement à l'export", en: 'export support' },
    ],
  },
  {
    name: (pl) =>
      named(
        `Agence Foncière Industrielle ${frDe(pl.fr)}`,
        `الوكالة العقارية الصناعية ${arBi(pl.ar)}`,
        `${pl.en} Industrial Land Agency`,
        'Agence Foncière Industrielle',
        pl,
      ),
    description: t(
      'Organisme public qui gère et attribue le foncier industriel.',
      'هيئة عمومية تتولى تسيير العقار الصناعي ومنحه.',
      'Public body managing and allocating industrial land.',
    ),
    services: [
      { fr: 'attribution de terrains industriels', en: 'industrial land allocation' },
      { fr: "aménagement de zones d'activités", en: 'business park development' },
    ],
  },
  {
    name: (pl) =>
      named(
        `Agence de Développement de la PME — antenne ${frDe(pl.fr)}`,
        `وكالة تطوير المؤسسات الصغيرة والمتوسطة - فرع ${pl.ar}`,
        `SME Development Agency — ${pl.en} Office`,
        'Agence de Développement de la PME',
        pl,
      ),
    description: t(
      'Agence publique chargée de la mise en œuvre des programmes de soutien aux PME.',
      'وكالة عمومية مكلفة بتنفيذ برامج دعم المؤسسات الصغيرة والمتوسطة.',
      'Public agency implementing SME support programmes.',
    ),
    services: [
      { fr: 'programmes de mise à niveau', en: 'upgrading programmes' },
      { fr: 'diagnostic des PME', en: 'SME diagnosis' },
      { fr: 'formation des dirigeants', en: 'management training' },
    ],
  },
];

const MINISTRY_SERVICES = [
  { fr: 'politique industrielle', en: 'industrial policy' },
  { fr: "agrément des projets d'investissement", en: 'investment project approval' },
  { fr: 'suivi de la sous-traitance', en: 'subcontracting monitoring' },
  { fr: 'statistiques industrielles', en: 'industrial statistics' },
  { fr: 'accompagnement des PME', en: 'SME support' },
];

/** Central administrations sit in the capital, whatever place the record was drawn in. */
const CAPITALS: Record<string, string> = { MA: 'Rabat', AE: 'Abu Dhabi' };

function inCapital(ctx: Ctx): Ctx {
  if (ctx.country.code === 'DZ') {
    const alger = wilayaEntry('DZ-16');
    if (!alger) return ctx;
    return {
      ...ctx,
      regionCode: 'DZ-16',
      province: alger.name,
      city: alger.name,
      cityField: alger.name.fr,
      phonePattern: '+213 21 ## ## ##',
    };
  }
  const wanted = CAPITALS[ctx.country.code];
  const c = ctx.country.cities.find((x) => x.name.en === wanted) ?? ctx.country.cities[0];
  return {
    ...ctx,
    province: c.name,
    city: c.name,
    cityField: ctx.country.francophone ? c.name.fr : c.name.en,
    regionField: c.region,
    phonePattern: c.phone,
  };
}

export function publicBody(drawn: Ctx): CompanyRecord {
  const { rng } = drawn;
  const subtype = rng.chance(0.55) ? 'MINISTRY' : 'PUBLIC_AGENCY';
  let ctx = drawn;
  let body: Named;
  let desc: Tri;
  let services: readonly { fr: string; en: string }[];
  let landOffice = false;
  if (subtype === 'MINISTRY') {
    const local = rng.chance(0.55);
    if (local && ctx.country.code === 'DZ') {
      // Wilaya directorate: "Direction de l'industrie de la wilaya de Sétif".
      const dir = rng.pick(WILAYA_DIRECTORATES);
      const w = ctx.province;
      body = named(
        `Direction ${dir.fr} de la wilaya ${frDe(w.fr)}`,
        `مديرية ${dir.ar} لولاية ${w.ar}`,
        `${w.en} Provincial Directorate of ${dir.en}`,
        `Direction ${dir.fr}`,
        w,
      );
      desc = {
        fr: `Service déconcentré de l'État qui suit les projets d'investissement et les entreprises de la wilaya ${frDe(w.fr)}.`,
        ar: `مصلحة غير ممركزة للدولة تتابع مشاريع الاستثمار والمؤسسات في ولاية ${w.ar}.`,
        en: `Decentralised state service following investment projects and companies in ${w.en} province.`,
      };
      landOffice = dir.en === 'Industry';
    } else if (local) {
      body = named(
        `Direction Régionale de l'Industrie ${frDe(ctx.city.fr)}`,
        `المديرية الجهوية للصناعة ${arBi(ctx.city.ar)}`,
        `${ctx.city.en} Regional Directorate of Industry`,
        "Direction Régionale de l'Industrie",
        ctx.city,
      );
      desc = t(
        "Représentation régionale du ministère chargé de l'industrie, interlocuteur des investisseurs et des PME.",
        'تمثيلية جهوية للوزارة المكلفة بالصناعة، ومحاور للمستثمرين والمؤسسات الصغيرة والمتوسطة.',
        'Regional office of the ministry in charge of industry, the contact point for investors and SMEs.',
      );
      landOffice = true;
    } else {
      ctx = inCapital(ctx);
      const { name: ministry, mission, directorates } = rng.pick(MINISTRIES);
      const dir = rng.chance(0.85) ? rng.pick(directorates) : null;
      const n: Tri = dir
        ? {
            fr: `${ministry.fr} — ${dir.fr}`,
            ar: `${ministry.ar} - ${dir.ar}`,
            en: `${ministry.en} — ${dir.en}`,
          }
        : ministry;
      body = named(n.fr, n.ar, n.en, dir ? dir.fr : ministry.fr, ctx.city);
      desc = mission;
    }
    services = MINISTRY_SERVICES;
  } else {
    const agency = rng.pick(AGENCIES);
    body = agency.name(ctx.city);
    desc = agency.description;
    services = agency.services;
    landOffice = agency === AGENCIES[4];
  }
  const seat: Tri = {
    fr: `Siège : ${ctx.city.fr}.`,
    ar: `المقر: ${ctx.city.ar}.`,
    en: `Headquarters: ${ctx.city.en}.`,
  };
  const site = website(rng, ctx, body.slug, true);
  const organization: OrganizationInput = {
    kind: 'PUBLIC_BODY',
    subtype,
    name: only(ctx.langs, body.name),
    description: only(ctx.langs, rng.chance(0.5) ? sentences([desc, seat]) : desc),
    country: ctx.country.code,
    regionCode: ctx.regionCode,
    region: ctx.regionField,
    city: ctx.cityField,
    sectors: ['84'],
    employeeBand: employeeBand(rng, 'PUBLIC_BODY'),
    foundedYear: foundedYear(rng, 1965, 2022),
    website: site,
    languages: spokenLanguages(rng, ctx, 'PUBLIC_BODY'),
    services: rng.sample(services, rng.int(2, Math.min(4, services.length))).map((s) => tag(ctx, s)),
    contacts: contacts(ctx, hostOf(site)),
  };
  const opportunities: OpportunityInput[] = [];
  if (rng.chance(0.4))
    opportunities.push(
      landOffice && rng.chance(0.7) ? landCall(ctx) : programmePartnership(ctx, P.linkage, ['C']),
    );
  return { organization, opportunities };
}
