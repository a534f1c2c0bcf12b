import type { OpportunityStatus, ProcessCode } from '../taxonomy/codes.js';
import { countryName, type Ctx, type OpportunityInput } from './context.js';
import { PROCESS_TEXT, type IndustryProfile, type Item, type Machine } from './industries.js';
import { formatMoney } from './money.js';
import type { Currency } from './places.js';
import type { Rng } from './random.js';
import {
  arBi,
  arCount,
  dayToIso,
  each,
  formatDate,
  formatInt,
  frDe,
  isoToDay,
  joinList,
  only,
  type Tri,
} from './text.js';

/**
 * Opportunities posted by organisations. Dates are counted from a fixed reference day rather than
 * the clock, so the same seed gives the same deadlines whenever it runs.
 */

export const REFERENCE_DATE = '2027-03-14';
const REFERENCE_DAY = isoToDay(REFERENCE_DATE);
const FIRST_EXPIRY = isoToDay('2027-01-01');
const LAST_EXPIRY = isoToDay('2027-12-31');

interface Dates {
  deadline: string | null;
  expiresAt: string;
  status: OpportunityStatus;
}

/**
 * A deadline a few weeks to eight months after the reference day, and a listing expiry shortly
 * after it, within 2027. A few listings are already closed: their deadline lies in the past.
 */
function dates(rng: Rng, withDeadline: boolean): Dates {
  const status = rng.weighted<OpportunityStatus>([
    ['OPEN', 0.84],
    ['IN_PROGRESS', 0.09],
    ['FULFILLED', 0.05],
    ['CANCELLED', 0.02],
  ]);
  if (!withDeadline)
    return { deadline: null, expiresAt: dayToIso(rng.int(FIRST_EXPIRY, LAST_EXPIRY)), status };
  const closed = status === 'FULFILLED' || status === 'CANCELLED';
  const deadline = closed
    ? REFERENCE_DAY - rng.int(5, 60)
    : Math.min(LAST_EXPIRY - 10, REFERENCE_DAY + rng.int(21, 250));
  const expires = Math.max(FIRST_EXPIRY, Math.min(LAST_EXPIRY, deadline + rng.int(0, 30)));
  return { deadline: dayToIso(deadline), expiresAt: dayToIso(expires), status };
}

const dateTri = (ctx: Ctx, iso: string): Tri => each((l) => formatDate(iso, l, ctx.country.maghreb));

function base(
  ctx: Ctx,
  type: OpportunityInput['type'],
  title: Tri,
  description: Tri,
  d: Dates,
): Pick<OpportunityInput, 'type' | 'title' | 'description' | 'deadline' | 'expiresAt' | 'status'> {
  return {
    type,
    title: only(ctx.langs, title),
    description: only(ctx.langs, description),
    deadline: d.deadline,
    expiresAt: d.expiresAt,
    status: d.status,
  };
}

/** Neighbouring markets a subcontracting call or an offer is open to. */
const REGIONS: Record<string, readonly string[]> = {
  MAGHREB: ['DZ', 'TN', 'MA', 'LY', 'MR'],
  GULF: ['SA', 'AE', 'QA', 'KW', 'OM', 'BH'],
  MASHREQ: ['EG', 'JO', 'LB', 'IQ'],
  EUROPE: ['FR', 'IT', 'DE', 'ES'],
};
const EXPORT_MARKETS = ['SN', 'ML', 'NE', 'CI', 'MR', 'LY', 'TN', 'FR', 'ES', 'IT', 'SA', 'AE', 'QA'];

export function nearbyCountries(rng: Rng, home: string, extra: number): string[] {
  const region = Object.values(REGIONS).find((r) => r.includes(home)) ?? [];
  const others = rng.sample(
    region.filter((c) => c !== home),
    extra,
  );
  return [home, ...others];
}

const SERVICE_PROCESSES: ReadonlySet<ProcessCode> = new Set([
  'MAINTENANCE',
  'LOGISTICS',
  'SOFTWARE',
  'ENGINEERING_DESIGN',
  'TESTING_INSPECTION',
  'HEAT_TREATMENT',
  'SURFACE_TREATMENT',
]);

export function subcontractingRequest(
  ctx: Ctx,
  item: Item,
  quantity: number,
  certified: boolean,
): OpportunityInput {
  const { rng } = ctx;
  const d = dates(rng, true);
  const due = d.deadline ? dateTri(ctx, d.deadline) : null;
  const title = rng.pick([
    (): Tri => ({
      fr: `Sous-traitance ${frDe(item.text.fr)}`,
      ar: `مناولة ${item.text.ar}`,
      en: `Subcontracting of ${item.text.en}`,
    }),
    (): Tri => ({
      fr: `Recherche de fournisseurs : ${item.text.fr}`,
      ar: `البحث عن موردين: ${item.text.ar}`,
      en: `Suppliers wanted: ${item.text.en}`,
    }),
  ])();
  const volume: Tri = {
    fr: `${formatInt(quantity, 'fr')} ${item.unit.fr}`,
    ar: arCount(quantity, item.unit),
    en: `${formatInt(quantity, 'en')} ${item.unit.en}`,
  };
  // Goods are delivered; services (maintenance, transport, testing…) are carried out.
  const service = SERVICE_PROCESSES.has(item.process);
  const dueText: Tri = service
    ? { fr: 'réalisation avant le', ar: 'مع الإنجاز قبل', en: 'completion before' }
    : { fr: 'livraison avant le', ar: 'مع التسليم قبل', en: 'delivery before' };
  const description: Tri = {
    fr: `Consultation ouverte aux PME qualifiées : ${item.text.fr}, volume estimé ${volume.fr}${due ? `, ${dueText.fr} ${due.fr}` : ''}.`,
    ar: `استشارة مفتوحة للمؤسسات الصغيرة والمتوسطة المؤهلة: ${item.text.ar}، بحجم تقديري يبلغ ${volume.ar}${due ? `، ${dueText.ar} ${due.ar}` : ''}.`,
    en: `Open call to qualified SMEs: ${item.text.en}, estimated volume ${volume.en}${due ? `, ${dueText.en} ${due.en}` : ''}.`,
  };
  if (certified) {
    description.fr += ' Certification ISO 9001 souhaitée.';
    description.ar += ' يُفضَّل الحصول على شهادة ISO 9001.';
    description.en += ' ISO 9001 certification preferred.';
  }
  return {
    ...base(ctx, 'SUBCONTRACTING_REQUEST', title, description, d),
    sectors: [...item.sectors],
    processes: [item.process],
    quantity,
    quantityUnit: ctx.tagLang === 'fr' ? item.unit.fr : item.unit.en,
    countries: nearbyCountries(rng, ctx.country.code, rng.int(0, 2)),
  };
}

export function capabilityOffer(
  ctx: Ctx,
  item: Item,
  capacity: number,
  machines: readonly Machine[],
  sectors: readonly string[],
): OpportunityInput {
  const { rng } = ctx;
  const d = dates(rng, false);
  const p = PROCESS_TEXT[item.process];
  const title = rng.pick([
    (): Tri => ({
      fr: `Capacités disponibles : ${item.text.fr}`,
      ar: `طاقات إنتاجية متاحة: ${item.text.ar}`,
      en: `Available capacity: ${item.text.en}`,
    }),
    (): Tri => ({
      fr: `Offre de sous-traitance : ${item.text.fr}`,
      ar: `عرض مناولة: ${item.text.ar}`,
      en: `Subcontracting offer: ${item.text.en}`,
    }),
  ])();
  const description: Tri = {
    fr: `Nous disposons de capacités disponibles en ${p.fr} : jusqu'à ${formatInt(capacity, 'fr')} ${item.unit.fr} par mois.`,
    ar: `نتوفر على طاقات متاحة في ${p.ar}: حتى ${arCount(capacity, item.unit)} شهريًا.`,
    en: `We have spare capacity in ${p.en}: up to ${formatInt(capacity, 'en')} ${item.unit.en} per month.`,
  };
  if (machines.length) {
    description.fr += ` Parc machines : ${joinList(
      machines.map((m) => m.fr),
      'fr',
    )}.`;
    description.ar += ' نلتزم بآجال التسليم ومعايير الجودة.';
    description.en += ` Equipment: ${joinList(
      machines.map((m) => m.en),
      'en',
    )}.`;
  }
  return {
    ...base(ctx, 'CAPABILITY_OFFER', title, description, d),
    sectors: [...sectors],
    processes: [item.process],
    quantity: capacity,
    quantityUnit: ctx.tagLang === 'fr' ? item.unit.fr : item.unit.en,
    countries: nearbyCountries(rng, ctx.country.code, rng.int(0, 3)),
  };
}

const FINANCING_PURPOSES: readonly { title: Tri; purpose: Tri; equipment: boolean }[] = [
  {
    title: {
      fr: "Financement d'équipements de production",
      ar: 'تمويل اقتناء معدات الإنتاج',
      en: 'Financing for production equipment',
    },
    purpose: {
      fr: "l'acquisition de nouveaux équipements",
      ar: 'اقتناء تجهيزات جديدة',
      en: 'the purchase of new equipment',
    },
    equipment: true,
  },
  {
    title: {
      fr: "Financement de l'extension de l'unité de production",
      ar: 'تمويل توسعة وحدة الإنتاج',
      en: 'Financing to expand the production unit',
    },
    purpose: {
      fr: "l'extension de notre unité de production",
      ar: 'توسعة وحدة الإنتاج',
      en: 'expanding our production unit',
    },
    equipment: true,
  },
  {
    title: {
      fr: 'Besoin en fonds de roulement',
      ar: 'تمويل احتياجات رأس المال العامل',
      en: 'Working capital financing',
    },
    purpose: {
      fr: "notre cycle d'exploitation",
      ar: 'دورة الاستغلال',
      en: 'our operating cycle',
    },
    equipment: false,
  },
  {
    title: {
      fr: 'Financement de la mise à niveau et de la certification',
      ar: 'تمويل التأهيل والحصول على الشهادات',
      en: 'Financing for upgrading and certification',
    },
    purpose: {
      fr: 'notre programme de mise à niveau et de certification',
      ar: 'برنامج التأهيل والحصول على الشهادات',
      en: 'our upgrading and certification programme',
    },
    equipment: false,
  },
  {
    title: { fr: "Levée de fonds d'amorçage", ar: 'البحث عن تمويل أولي', en: 'Seed funding round' },
    purpose: {
      fr: 'le développement de notre produit et son lancement commercial',
      ar: 'تطوير منتجنا وإطلاقه تجاريًا',
      en: 'product development and commercial launch',
    },
    equipment: false,
  },
];

export function financingNeed(
  ctx: Ctx,
  profile: IndustryProfile,
  process: ProcessCode,
  amount: number,
  currency: Currency,
): OpportunityInput {
  const { rng } = ctx;
  const choices = FINANCING_PURPOSES.filter((f) => !(profile.service && f.equipment));
  const f = rng.pick(choices);
  const d = dates(rng, rng.chance(0.4));
  const money = each((l) => formatMoney(amount, currency, l));
  const description: Tri = {
    fr: `Nous recherchons un financement de ${money.fr} pour ${f.purpose.fr}.`,
    ar: `نبحث عن تمويل بقيمة ${money.ar} من أجل ${f.purpose.ar}.`,
    en: `We are seeking ${money.en} in financing for ${f.purpose.en}.`,
  };
  if (ctx.country.arab && rng.chance(0.25)) {
    description.fr += ' Une formule conforme à la charia (ijara ou mourabaha) est souhaitée.';
    description.ar += ' ونفضّل صيغة تمويل متوافقة مع أحكام الشريعة (الإجارة أو المرابحة).';
    description.en += ' A Sharia-compliant structure (ijara or murabaha) is preferred.';
  }
  return {
    ...base(ctx, 'FINANCING_NEED', f.title, description, d),
    sectors: [...profile.divisions.slice(0, 1)],
    processes: [process],
    amount,
    currency,
    countries: [ctx.country.code],
  };
}

export function technologyRequest(ctx: Ctx, profile: IndustryProfile, topic: Tri): OpportunityInput {
  const d = dates(ctx.rng, ctx.rng.chance(0.3));
  const title: Tri = {
    fr: `Recherche de technologie : ${topic.fr}`,
    ar: `طلب تكنولوجيا: ${topic.ar}`,
    en: `Technology wanted: ${topic.en}`,
  };
  const description: Tri = {
    fr: `Nous recherchons un partenaire technologique (licence, transfert de savoir-faire ou co-développement) dans le domaine suivant : ${topic.fr}.`,
    ar: `نبحث عن شريك تكنولوجي (ترخيص أو نقل للمعرفة أو تطوير مشترك) في المجال التالي: ${topic.ar}.`,
    en: `We are looking for a technology partner (licence, know-how transfer or co-development) in the following field: ${topic.en}.`,
  };
  return {
    ...base(ctx, 'TECHNOLOGY_REQUEST', title, description, d),
    sectors: [...profile.divisions],
    processes: [profile.processes[0]],
  };
}

export function technologyOffer(
  ctx: Ctx,
  profile: IndustryProfile,
  topic: Tri,
  sectors: readonly string[],
): OpportunityInput {
  const d = dates(ctx.rng, false);
  const title: Tri = {
    fr: `Offre de technologie : ${topic.fr}`,
    ar: `عرض تكنولوجي: ${topic.ar}`,
    en: `Technology offer: ${topic.en}`,
  };
  const description: Tri = {
    fr: `Technologie maîtrisée et disponible pour transfert ou licence : ${topic.fr}. Accompagnement à l'industrialisation possible.`,
    ar: `تكنولوجيا متحكم فيها ومتاحة للنقل أو الترخيص: ${topic.ar}. مع إمكانية المرافقة في مرحلة التصنيع.`,
    en: `Proven technology available for transfer or licensing: ${topic.en}. Support for industrialisation available.`,
  };
  return {
    ...base(ctx, 'TECHNOLOGY_OFFER', title, description, d),
    sectors: [...sectors],
    processes: [profile.processes[0]],
  };
}

/** A company looking for an industrial partner in one of its processes, or for export distributors. */
export function companyPartnership(
  ctx: Ctx,
  profile: IndustryProfile,
  process: ProcessCode,
): OpportunityInput {
  const { rng } = ctx;
  const d = dates(rng, rng.chance(0.2));
  const sectors = [...profile.divisions];
  if (rng.chance(0.5)) {
    const p = PROCESS_TEXT[process];
    return {
      ...base(
        ctx,
        'PARTNERSHIP_REQUEST',
        {
          fr: `Recherche de partenaire industriel en ${p.fr}`,
          ar: `البحث عن شريك صناعي في ${p.ar}`,
          en: `Industrial partner wanted in ${p.en}`,
        },
        {
          fr: 'Nous souhaitons nouer un partenariat durable (coentreprise, sous-traitance croisée ou accord de distribution) avec des entreprises de la région.',
          ar: 'نرغب في إقامة شراكة دائمة (مشروع مشترك أو مناولة متبادلة أو اتفاق توزيع) مع مؤسسات من المنطقة.',
          en: 'We wish to build a lasting partnership (joint venture, cross-subcontracting or distribution agreement) with companies in the region.',
        },
        d,
      ),
      sectors,
      processes: [process],
      countries: nearbyCountries(rng, ctx.country.code, 2),
    };
  }
  const markets = rng.sample(
    EXPORT_MARKETS.filter((c) => c !== ctx.country.code),
    rng.int(2, 4),
  );
  const names = markets.map(countryName);
  return {
    ...base(
      ctx,
      'PARTNERSHIP_REQUEST',
      {
        fr: "Recherche de distributeurs à l'export",
        ar: 'البحث عن موزعين في أسواق التصدير',
        en: 'Export distributors wanted',
      },
      {
        fr: `Nous recherchons des distributeurs ou des agents commerciaux pour nos produits. Marchés visés : ${joinList(
          names.map((n) => n.fr),
          'fr',
        )}.`,
        ar: `نبحث عن موزعين أو وكلاء تجاريين لمنتجاتنا. الأسواق المستهدفة: ${joinList(
          names.map((n) => n.ar),
          'ar',
        )}.`,
        en: `We are looking for distributors or sales agents for our products. Target markets: ${joinList(
          names.map((n) => n.en),
          'en',
        )}.`,
      },
      d,
    ),
    sectors,
    processes: [process],
    countries: markets,
  };
}

/** A support institution inviting companies into one of its programmes. */
export function programmePartnership(ctx: Ctx, programme: Tri, sectors: readonly string[]): OpportunityInput {
  const d = dates(ctx.rng, ctx.rng.chance(0.5));
  return {
    ...base(
      ctx,
      'PARTNERSHIP_REQUEST',
      {
        fr: `Appel à partenaires — ${programme.fr}`,
        ar: `دعوة للشراكة: ${programme.ar}`,
        en: `Call for partners: ${programme.en}`,
      },
      {
        fr: "Nous recherchons des entreprises et des donneurs d'ordres prêts à s'associer à ce programme (mentorat, projets pilotes, accueil de stagiaires).",
        ar: 'نبحث عن مؤسسات وزبائن كبار مستعدين للمشاركة في هذا البرنامج (التوجيه، المشاريع النموذجية، استقبال المتربصين).',
        en: 'We are looking for companies and large buyers ready to join this programme (mentoring, pilot projects, internships).',
      },
      d,
    ),
    sectors: [...sectors],
    countries: [ctx.country.code],
  };
}

/** A public body offering serviced industrial land, priority to subcontractors. */
export function landCall(ctx: Ctx): OpportunityInput {
  const d = dates(ctx.rng, true);
  return {
    ...base(
      ctx,
      'PARTNERSHIP_REQUEST',
      {
        fr: `Appel à manifestation d'intérêt — zone industrielle ${frDe(ctx.city.fr)}`,
        ar: `دعوة لإبداء الاهتمام: المنطقة الصناعية ${arBi(ctx.city.ar)}`,
        en: `Call for expressions of interest: ${ctx.city.en} industrial zone`,
      },
      {
        fr: 'Des lots viabilisés sont proposés aux investisseurs industriels, en priorité aux projets de sous-traitance.',
        ar: 'تُعرض قطع أرضية مهيأة على المستثمرين الصناعيين، مع الأولوية لمشاريع المناولة.',
        en: 'Serviced plots are offered to industrial investors, with priority for subcontracting projects.',
      },
      d,
    ),
    sectors: ['C'],
    countries: [ctx.country.code],
  };
}

/** A financier's programme: its maximum ticket, sectors and countries, open until the listing expires. */
export function financingProgramme(
  ctx: Ctx,
  title: Tri,
  domains: Tri,
  amount: number,
  currency: Currency,
  sectors: readonly string[],
  countries: readonly string[],
): OpportunityInput {
  const d = dates(ctx.rng, false);
  const until = dateTri(ctx, d.expiresAt);
  const money = each((l) => formatMoney(amount, currency, l));
  return {
    ...base(
      ctx,
      'FINANCING_PROGRAMME',
      title,
      {
        fr: `Programme destiné aux PME actives dans ${domains.fr}. Montant maximal : ${money.fr}. Dossiers acceptés jusqu'au ${until.fr}.`,
        ar: `برنامج موجه للمؤسسات الصغيرة والمتوسطة الناشطة في ${domains.ar}. المبلغ الأقصى: ${money.ar}. تُقبل الملفات إلى غاية ${until.ar}.`,
        en: `Programme for SMEs active in ${domains.en}. Maximum amount: ${money.en}. Applications accepted until ${until.en}.`,
      },
      d,
    ),
    sectors: [...sectors],
    amount,
    currency,
    countries: [...countries],
  };
}
