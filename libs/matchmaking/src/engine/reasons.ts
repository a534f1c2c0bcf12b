import {
  PROCESS_FAMILY,
  country as countryEntry,
  labelOf,
  sector as sectorEntry,
  wilaya,
  type Lang,
  type ProcessCode,
} from '#directory/taxonomy';
import { MATERIALS } from './materials.js';
import type { Evidence, EvidenceValue } from './types.js';
import { valueChain } from './value-chain.js';

/**
 * Evidence rendered as a sentence in Arabic, French or English. Codes and parameters come from the
 * scoring functions; labels come from the directory's taxonomies so a reason names things exactly as
 * the rest of the product does.
 */

type Texts = Record<Lang, string>;

const LOCALES: Record<Lang, string> = { ar: 'ar-DZ', fr: 'fr-FR', en: 'en-GB' };
const COLON: Texts = { ar: ': ', fr: '\u00a0: ', en: ': ' };
const SEMI: Texts = { ar: '؛ ', fr: '\u00a0; ', en: '; ' };

const num = (n: EvidenceValue, lang: Lang): string =>
  typeof n === 'number' ? new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: 1 }).format(n) : '';
const pct = (n: EvidenceValue, lang: Lang): string =>
  lang === 'fr' ? `${num(n, lang)}\u00a0%` : `${num(n, lang)}%`;

const list = (v: EvidenceValue): string[] =>
  Array.isArray(v) ? v.map(String) : v == null ? [] : [String(v)];
const str = (v: EvidenceValue): string | null => (v == null ? null : String(v));

/** Labels start lower case inside a French or English sentence, unless they begin with an acronym. */
function inline(label: string, lang: Lang): string {
  if (lang === 'ar' || label.length < 2) return label;
  return label[1] === label[1].toLowerCase() ? label[0].toLowerCase() + label.slice(1) : label;
}

/** "A, B and C" / "A, B et C" / "A، B وC" (the Arabic conjunction joins the next word unless it starts in Latin). */
function join(items: readonly string[], lang: Lang): string {
  if (items.length <= 1) return items[0] ?? '';
  const head = items.slice(0, -1);
  const last = items[items.length - 1];
  if (lang === 'ar') return `${head.join('، ')} ${/^[\u0600-\u06FF]/.test(last) ? 'و' : 'و '}${last}`;
  return `${head.join(', ')} ${lang === 'fr' ? 'et' : 'and'} ${last}`;
}

/** Arabic counted nouns: 1 and 2 have their own forms, 3–10 take the plural, 11 and more the singular. */
function arCount(n: number, forms: { one: string; two: string; few: string; many: string }): string {
  if (n === 1) return forms.one;
  if (n === 2) return forms.two;
  if (n >= 3 && n <= 10) return `${num(n, 'ar')} ${forms.few}`;
  return `${num(n, 'ar')} ${forms.many}`;
}

const plural = (n: number, lang: 'fr' | 'en', one: string, many: string) =>
  `${num(n, lang)} ${lang === 'fr' ? (n <= 1 ? one : many) : n === 1 ? one : many}`;

const processLabel = (c: string, lang: Lang) => inline(labelOf('process', c, lang), lang);
const familyLabel = (c: string, lang: Lang) =>
  inline(labelOf('processFamily', PROCESS_FAMILY[c as ProcessCode] ?? c, lang), lang);
const sectorLabel = (c: string, lang: Lang) => inline(sectorEntry(c)?.label[lang] ?? c, lang);
const countryLabel = (c: string, lang: Lang) => countryEntry(c)?.name[lang] ?? c;
const regionLabel = (c: string, lang: Lang) => wilaya(c)?.name[lang] ?? c;
const certLabel = (c: string, lang: Lang) => labelOf('certification', c, lang);
// Language names are proper nouns in English; French writes them in lower case.
const languageLabel = (c: string, lang: Lang) =>
  lang === 'fr' ? inline(labelOf('language', c, lang), lang) : labelOf('language', c, lang);
const stageLabel = (c: string, lang: Lang) => inline(labelOf('stage', c, lang), lang);
const instrumentLabel = (c: string, lang: Lang) => inline(labelOf('instrument', c, lang), lang);
const bandLabel = (c: string, lang: Lang) => labelOf('employeeBand', c, lang);
const kindLabel = (c: string, lang: Lang) => inline(labelOf('kind', c, lang), lang);
const materialLabel = (c: string, lang: Lang) => MATERIALS[c]?.[lang][0] ?? c;

const names = (v: EvidenceValue, lang: Lang, label: (c: string, lang: Lang) => string) =>
  join(
    list(v).map((c) => label(c, lang)),
    lang,
  );

const pick = (lang: Lang, t: Texts): string => t[lang];

const GOAL_LABELS: Record<string, Texts> = {
  FIND_SUBCONTRACTORS: { ar: 'إيجاد مناولين', fr: 'trouver des sous-traitants', en: 'find subcontractors' },
  FIND_CLIENTS: { ar: 'إيجاد زبائن', fr: 'trouver des clients', en: 'find clients' },
  FIND_FINANCING: { ar: 'إيجاد تمويل', fr: 'trouver un financement', en: 'find financing' },
  FIND_TECHNOLOGY: { ar: 'إيجاد تكنولوجيا', fr: 'trouver des technologies', en: 'find technology' },
  JOIN_CLUSTER: { ar: 'الانضمام إلى تجمّع', fr: 'rejoindre un groupement', en: 'join a cluster' },
};

const SUPPORT_SERVICE_LABELS: Record<string, Texts> = {
  TECHNICAL_ASSISTANCE: { ar: 'مساعدة تقنية', fr: 'assistance technique', en: 'technical assistance' },
  TESTING: { ar: 'اختبارات وتحاليل', fr: 'essais et analyses', en: 'testing' },
  TRAINING: { ar: 'تكوين', fr: 'formation', en: 'training' },
  QUALITY_CERTIFICATION: {
    ar: 'الجودة والإشهاد',
    fr: 'qualité et certification',
    en: 'quality and certification',
  },
  CLEANER_PRODUCTION: { ar: 'إنتاج أنظف', fr: 'production plus propre', en: 'cleaner production' },
  INCUBATION: { ar: 'احتضان', fr: 'incubation', en: 'incubation' },
  IP_ADVICE: {
    ar: 'استشارة في الملكية الفكرية',
    fr: 'conseil en propriété intellectuelle',
    en: 'intellectual property advice',
  },
  TECHNOLOGY_TRANSFER: { ar: 'نقل التكنولوجيا', fr: 'transfert de technologie', en: 'technology transfer' },
};
const NEED_SOURCE_LABELS: Record<string, Texts> = {
  technology_request: {
    ar: 'طلب تكنولوجيا منشور',
    fr: 'demande de technologie publiée',
    en: 'published technology request',
  },
  partnership_request: {
    ar: 'طلب شراكة منشور',
    fr: 'demande de partenariat publiée',
    en: 'published partnership request',
  },
  financing_need: {
    ar: 'احتياج تمويل منشور',
    fr: 'besoin de financement publié',
    en: 'published financing need',
  },
  target_certification: { ar: 'شهادة مستهدفة', fr: 'certification visée', en: 'certification aimed for' },
  rd_activity: { ar: 'نشاط بحث وتطوير', fr: 'activité de R&D', en: 'R&D activity' },
  ip_assets: {
    ar: 'براءات أو نماذج مسجلة',
    fr: 'brevets ou modèles déposés',
    en: 'patents or registered designs',
  },
  young_firm: { ar: 'مؤسسة ناشئة', fr: 'jeune entreprise', en: 'young firm' },
  manufacturing: { ar: 'نشاط صناعي', fr: 'activité industrielle', en: 'manufacturing activity' },
};
const COST_LABELS: Record<string, Texts> = {
  FREE: { ar: 'مجاني', fr: 'Gratuit', en: 'Free of charge' },
  SUBSIDISED: { ar: 'مدعوم جزئيًا', fr: 'Subventionné', en: 'Subsidised' },
  PAID: { ar: 'بمقابل', fr: 'Payant', en: 'Paid' },
};
const serviceLabel = (c: string, lang: Lang) => SUPPORT_SERVICE_LABELS[c]?.[lang] ?? c;
const needLabel = (c: string, lang: Lang) => NEED_SOURCE_LABELS[c]?.[lang] ?? c;
/** A programme's name in `lang`, else in the first language it has. */
const programmeName = (p: Evidence['params'], lang: Lang): string =>
  str(p[`name_${lang}`]) ?? str(p.name_fr) ?? str(p.name_en) ?? str(p.name_ar) ?? '';

function money(amount: EvidenceValue, currency: EvidenceValue, lang: Lang): string {
  return `${num(amount, lang)} ${str(currency) ?? ''}`.trim();
}

function years(n: number, lang: Lang): string {
  if (lang === 'ar') return arCount(n, { one: 'سنة واحدة', two: 'سنتين', few: 'سنوات', many: 'سنة' });
  return plural(n, lang, lang === 'fr' ? 'an' : 'year', lang === 'fr' ? 'ans' : 'years');
}

function feedbackCounts(p: Evidence['params'], lang: Lang): string {
  const accepted = Number(p.accepted ?? 0);
  const refused = Number(p.dismissed ?? 0) + Number(p.notRelevant ?? 0);
  if (lang === 'ar') return `المقبولة: ${num(accepted, lang)}، المرفوضة: ${num(refused, lang)}`;
  if (lang === 'fr')
    return `${plural(accepted, 'fr', 'acceptée', 'acceptées')}, ${plural(refused, 'fr', 'refusée', 'refusées')}`;
  return `${num(accepted, lang)} accepted, ${num(refused, lang)} declined`;
}

function innovationFacts(p: Evidence['params'], lang: Lang): string {
  const patents = Number(p.patents ?? 0);
  const other = Number(p.utilityModels ?? 0) + Number(p.industrialDesigns ?? 0);
  const parts: string[] = [];
  if (p.rdActivity)
    parts.push(pick(lang, { ar: 'نشاط بحث وتطوير', fr: 'activité de R&D', en: 'R&D activity' }));
  if (patents)
    parts.push(
      lang === 'ar'
        ? arCount(patents, {
            one: 'براءة اختراع واحدة',
            two: 'براءتا اختراع',
            few: 'براءات اختراع',
            many: 'براءة اختراع',
          })
        : plural(patents, lang, lang === 'fr' ? 'brevet' : 'patent', lang === 'fr' ? 'brevets' : 'patents'),
    );
  if (other)
    parts.push(
      lang === 'ar'
        ? arCount(other, {
            one: 'سند ملكية صناعية آخر',
            two: 'سندا ملكية صناعية آخران',
            few: 'سندات ملكية صناعية أخرى',
            many: 'سند ملكية صناعية آخر',
          })
        : lang === 'fr'
          ? plural(
              other,
              'fr',
              'autre titre de propriété industrielle',
              'autres titres de propriété industrielle',
            )
          : plural(other, 'en', 'other IP right', 'other IP rights'),
    );
  return lang === 'ar' ? parts.join('، ') : parts.join(', ');
}

function ticketRange(p: Evidence['params'], lang: Lang): string {
  const { min, max, currency } = p;
  if (min != null && max != null) return `${num(min, lang)}–${money(max, currency, lang)}`;
  if (min != null)
    return pick(lang, {
      ar: `${money(min, currency, lang)} على الأقل`,
      fr: `au moins ${money(min, currency, lang)}`,
      en: `at least ${money(min, currency, lang)}`,
    });
  return pick(lang, {
    ar: `حتى ${money(max, currency, lang)}`,
    fr: `jusqu'à ${money(max, currency, lang)}`,
    en: `up to ${money(max, currency, lang)}`,
  });
}

function place(p: Evidence['params'], lang: Lang): string {
  const c = str(p.country);
  const r = str(p.region);
  if (r && c) return `${regionLabel(r, lang)}${lang === 'ar' ? '، ' : ', '}${countryLabel(c, lang)}`;
  return c ? countryLabel(c, lang) : '';
}

type Renderer = (p: Evidence['params'], lang: Lang) => string;

const exactProcesses: Renderer = (p, lang) => {
  const many = list(p.exact).length > 1;
  return (
    pick(lang, {
      ar: many ? 'يتقن العمليات المطلوبة' : 'يتقن العملية المطلوبة',
      fr: many ? 'Maîtrise les procédés demandés' : 'Maîtrise le procédé demandé',
      en: many ? 'Offers the requested processes' : 'Offers the requested process',
    }) +
    COLON[lang] +
    names(p.exact, lang, processLabel)
  );
};

const heldCertifications: Renderer = (p, lang) => {
  const many = list(p.held).length > 1;
  return (
    pick(lang, {
      ar: many ? 'حاصل على الشهادات المطلوبة' : 'حاصل على الشهادة المطلوبة',
      fr: many ? 'Détient les certifications demandées' : 'Détient la certification demandée',
      en: many ? 'Holds the requested certifications' : 'Holds the requested certification',
    }) +
    COLON[lang] +
    names(p.held, lang, certLabel) +
    (list(p.through).length
      ? ` (${pick(lang, { ar: 'ضمن', fr: 'inclus dans', en: 'included in' })} ${names(p.through, lang, certLabel)})`
      : '')
  );
};

const RENDERERS: Record<string, Renderer> = {
  'process.exact': exactProcesses,
  'process.partial': (p, lang) => {
    const parts: string[] = [];
    if (list(p.exact).length) parts.push(exactProcesses(p, lang));
    const wanted = list(p.relatedWanted);
    list(p.relatedOffered).forEach((offered, i) => {
      const w = processLabel(wanted[i], lang);
      const o = processLabel(offered, lang);
      const f = familyLabel(offered, lang);
      parts.push(
        pick(lang, {
          ar: `يقدم ${o} من نفس عائلة العملية المطلوبة «${w}» (${f})`,
          fr: `Propose ${o}, proche du procédé demandé ${w} (même famille${COLON.fr}${f})`,
          en: `Offers ${o}, close to the requested ${w} (same family${COLON.en}${f})`,
        }),
      );
    });
    if (list(p.missing).length)
      parts.push(
        pick(lang, { ar: 'لا يقدم', fr: 'Ne propose pas', en: 'Does not offer' }) +
          ' ' +
          names(p.missing, lang, processLabel),
      );
    return parts.join(SEMI[lang]);
  },
  'process.none': (p, lang) =>
    pick(lang, {
      ar: 'لا يقدم العمليات المطلوبة',
      fr: 'Ne propose aucun des procédés demandés',
      en: 'Offers none of the requested processes',
    }) +
    COLON[lang] +
    names(p.missing, lang, processLabel),

  'sector.exact': (p, lang) =>
    pick(lang, {
      ar: 'ينشط في القطاع المطلوب',
      fr: 'Travaille dans le secteur demandé',
      en: 'Works in the requested sector',
    }) +
    COLON[lang] +
    names(p.exact, lang, sectorLabel),
  'sector.partial': (p, lang) => {
    const parts: string[] = [];
    if (list(p.exact).length) parts.push(RENDERERS['sector.exact'](p, lang));
    if (list(p.sameSection).length)
      parts.push(
        pick(lang, {
          ar: 'ينشط في قطاع قريب من نفس الفرع',
          fr: 'Travaille dans un secteur voisin de la même section',
          en: 'Works in a neighbouring sector of the same section',
        }) +
          COLON[lang] +
          names(p.sections, lang, sectorLabel),
      );
    return parts.join(SEMI[lang]);
  },
  'sector.none': (p, lang) =>
    pick(lang, {
      ar: 'خارج القطاع المطلوب',
      fr: 'Hors du secteur demandé',
      en: 'Outside the requested sector',
    }) +
    COLON[lang] +
    names(p.missing, lang, sectorLabel),
  'sector.unknown': (_p, lang) =>
    pick(lang, { ar: 'القطاع غير محدد', fr: 'Secteur non renseigné', en: 'Sector not stated' }),

  'materials.match': (p, lang) => {
    const main =
      pick(lang, { ar: 'يعمل على المواد', fr: 'Travaille les matériaux', en: 'Works with the materials' }) +
      COLON[lang] +
      names(p.matched, lang, materialLabel);
    if (!list(p.missing).length) return main;
    return (
      main +
      SEMI[lang] +
      pick(lang, { ar: 'ولكن ليس', fr: 'mais pas', en: 'but not' }) +
      COLON[lang] +
      names(p.missing, lang, materialLabel)
    );
  },
  'materials.none': (p, lang) =>
    pick(lang, {
      ar: 'لا يعمل على المواد المطلوبة',
      fr: 'Ne travaille pas les matériaux demandés',
      en: 'Does not work with the requested materials',
    }) +
    COLON[lang] +
    names(p.missing, lang, materialLabel),
  'materials.incompatible': (p, lang) =>
    pick(lang, {
      ar: 'غير مناسب: يعمل على مواد من صنف آخر',
      fr: "Inadapté : travaille des matériaux d'une autre famille",
      en: 'Unfit: works materials of another kind',
    }) +
    COLON[lang] +
    names(p.offered, lang, materialLabel),
  'materials.unknown': (_p, lang) =>
    pick(lang, { ar: 'المواد غير محددة', fr: 'Matériaux non renseignés', en: 'Materials not stated' }),

  'capacity.enough': (p, lang) =>
    pick(lang, {
      ar: `طاقة إنتاجية شهرية قدرها ${num(p.capacity, lang)} تغطي الحجم المطلوب البالغ ${num(p.volume, lang)}`,
      fr: `Une capacité mensuelle de ${num(p.capacity, lang)} couvre le volume demandé de ${num(p.volume, lang)}`,
      en: `A monthly capacity of ${num(p.capacity, lang)} covers the requested volume of ${num(p.volume, lang)}`,
    }),
  'capacity.short': (p, lang) =>
    pick(lang, {
      ar: `طاقة إنتاجية شهرية قدرها ${num(p.capacity, lang)} تغطي ${pct(p.percent, lang)} من الحجم المطلوب البالغ ${num(p.volume, lang)}`,
      fr: `Une capacité mensuelle de ${num(p.capacity, lang)} couvre ${pct(p.percent, lang)} du volume demandé de ${num(p.volume, lang)}`,
      en: `A monthly capacity of ${num(p.capacity, lang)} covers ${pct(p.percent, lang)} of the requested volume of ${num(p.volume, lang)}`,
    }),
  'capacity.far_short': (p, lang) =>
    pick(lang, {
      ar: `غير مناسب: طاقة إنتاجية شهرية قدرها ${num(p.capacity, lang)} لا تغطي سوى ${pct(p.percent, lang)} من الحجم المطلوب البالغ ${num(p.volume, lang)}`,
      fr: `Inadapté : une capacité mensuelle de ${num(p.capacity, lang)} ne couvre que ${pct(p.percent, lang)} du volume demandé de ${num(p.volume, lang)}`,
      en: `Unfit: a monthly capacity of ${num(p.capacity, lang)} covers only ${pct(p.percent, lang)} of the requested volume of ${num(p.volume, lang)}`,
    }),
  'capacity.other_unit': (p, lang) =>
    pick(lang, {
      ar: `الطاقة الإنتاجية مذكورة بوحدة أخرى (${String(p.unit)}) لا يمكن مقارنتها بالحجم المطلوب`,
      fr: `Capacité donnée dans une autre unité (${String(p.unit)}), sans conversion vers le volume demandé`,
      en: `Capacity stated in another unit (${String(p.unit)}) that does not convert to the requested volume`,
    }),
  'capacity.unknown': (_p, lang) =>
    pick(lang, {
      ar: 'الطاقة الإنتاجية غير محددة',
      fr: 'Capacité non renseignée',
      en: 'Capacity not stated',
    }),

  'size.fit': (p, lang) =>
    pick(lang, {
      ar: `يمثل الطلب ${pct(p.percent, lang)} من طاقته الإنتاجية الشهرية`,
      fr: `La commande représente ${pct(p.percent, lang)} de sa capacité mensuelle`,
      en: `The order is ${pct(p.percent, lang)} of its monthly capacity`,
    }),
  'size.exceeds': (p, lang) =>
    pick(lang, {
      ar: `يفوق الطلب طاقته الإنتاجية الشهرية (${pct(p.percent, lang)} منها)`,
      fr: `La commande dépasse sa capacité mensuelle (${pct(p.percent, lang)} de celle-ci)`,
      en: `The order exceeds its monthly capacity (${pct(p.percent, lang)} of it)`,
    }),
  'size.small': (p, lang) =>
    pick(lang, {
      ar: `الطلب صغير بالنسبة لحجمه: ${pct(p.percent, lang)} فقط من طاقته الإنتاجية الشهرية`,
      fr: `Commande petite pour sa taille${COLON.fr}${pct(p.percent, lang)} seulement de sa capacité mensuelle`,
      en: `A small order for its size: only ${pct(p.percent, lang)} of its monthly capacity`,
    }),
  'size.unknown': (_p, lang) =>
    pick(lang, {
      ar: 'تعذر مقارنة حجم الطلب بطاقته الإنتاجية',
      fr: 'Taille de la commande non comparable à sa capacité',
      en: 'Order size cannot be compared with its capacity',
    }),

  'focus.core': (p, lang) =>
    pick(lang, {
      ar: 'يندرج الطلب ضمن نشاطه الأساسي',
      fr: 'La demande relève de son cœur de métier',
      en: 'The request is in its core business',
    }) + (list(p.processes).length ? ` (${names(p.processes, lang, processLabel)})` : ''),
  'focus.side': (p, lang) => {
    const core = str(p.core);
    const head = pick(lang, {
      ar: 'يندرج الطلب ضمن نشاط ثانوي',
      fr: "La demande relève d'une activité secondaire",
      en: 'The request is a side activity',
    });
    if (!core) return head;
    return (
      head +
      SEMI[lang] +
      pick(lang, { ar: 'نشاطه الأساسي هو', fr: 'son cœur de métier est', en: 'its core business is' }) +
      ' ' +
      processLabel(core, lang)
    );
  },

  'distance.same_region': (p, lang) =>
    pick(lang, {
      ar: 'يقع في نفس الولاية',
      fr: 'Situé dans la même wilaya',
      en: 'Located in the same wilaya',
    }) + ` (${regionLabel(String(p.region), lang)})`,
  'distance.preferred_region': (p, lang) =>
    pick(lang, {
      ar: 'يقع في ولاية تفضّلونها',
      fr: 'Situé dans une wilaya que vous préférez',
      en: 'Located in a wilaya you prefer',
    }) + ` (${regionLabel(String(p.region), lang)})`,
  'distance.same_country': (p, lang) =>
    pick(lang, { ar: 'يقع في نفس البلد', fr: 'Situé dans le même pays', en: 'Located in the same country' }) +
    ` (${countryLabel(String(p.country), lang)})`,
  'distance.arab_region': (p, lang) =>
    pick(lang, {
      ar: 'يقع في بلد عربي آخر',
      fr: 'Situé dans un autre pays arabe',
      en: 'Located in another Arab country',
    }) + ` (${countryLabel(String(p.country), lang)})`,
  'distance.far': (p, lang) =>
    pick(lang, {
      ar: 'يقع خارج المنطقة العربية',
      fr: 'Situé hors du monde arabe',
      en: 'Located outside the Arab region',
    }) + ` (${countryLabel(String(p.country), lang)})`,

  'language.shared': (p, lang) => {
    const many = list(p.languages).length > 1;
    return (
      pick(lang, {
        ar: many ? 'لغات عمل مشتركة' : 'لغة عمل مشتركة',
        fr: many ? 'Langues de travail communes' : 'Langue de travail commune',
        en: many ? 'Shared working languages' : 'Shared working language',
      }) +
      COLON[lang] +
      names(p.languages, lang, languageLabel)
    );
  },
  'language.none': (p, lang) =>
    pick(lang, {
      ar: 'لا يتحدث أيًا من اللغات المطلوبة',
      fr: 'Ne parle aucune des langues demandées',
      en: 'Speaks none of the requested languages',
    }) + ` (${names(p.wanted, lang, languageLabel)})`,
  'language.unknown': (_p, lang) =>
    pick(lang, { ar: 'اللغات غير محددة', fr: 'Langues non renseignées', en: 'Languages not stated' }),

  'certification.held': heldCertifications,
  'certification.partial': (p, lang) =>
    heldCertifications(p, lang) +
    SEMI[lang] +
    pick(lang, { ar: 'تنقصه', fr: 'il lui manque', en: 'lacks' }) +
    ' ' +
    names(p.missing, lang, certLabel),
  'certification.none': (p, lang) =>
    pick(lang, {
      ar: 'لا يحمل أيًا من الشهادات المطلوبة',
      fr: 'Ne détient aucune des certifications demandées',
      en: 'Holds none of the requested certifications',
    }) +
    COLON[lang] +
    names(p.missing, lang, certLabel),

  'feedback.positive': (p, lang) =>
    pick(lang, {
      ar: 'اقتراحات سابقة مقبولة في الغالب',
      fr: 'Suggestions passées surtout acceptées',
      en: 'Past suggestions mostly accepted',
    }) + ` (${feedbackCounts(p, lang)})`,
  'feedback.negative': (p, lang) =>
    pick(lang, {
      ar: 'اقتراحات سابقة مرفوضة في الغالب',
      fr: 'Suggestions passées surtout refusées',
      en: 'Past suggestions mostly declined',
    }) + ` (${feedbackCounts(p, lang)})`,
  'feedback.none': (_p, lang) =>
    pick(lang, { ar: 'لا توجد تقييمات سابقة', fr: "Pas encore d'avis", en: 'No feedback yet' }),

  'stage.match': (p, lang) =>
    pick(lang, { ar: 'في المرحلة المطلوبة', fr: 'Au stade recherché', en: 'At the stage sought' }) +
    COLON[lang] +
    stageLabel(String(p.stage), lang),
  'stage.mismatch': (p, lang) =>
    pick(lang, {
      ar: `في ${stageLabel(String(p.stage), lang)} وليس في المرحلة المطلوبة (${names(p.wanted, lang, stageLabel)})`,
      fr: `Au stade ${stageLabel(String(p.stage), lang)}, et non au stade recherché (${names(p.wanted, lang, stageLabel)})`,
      en: `At the ${stageLabel(String(p.stage), lang)} stage, not the one sought (${names(p.wanted, lang, stageLabel)})`,
    }),
  'stage.likely': (p, lang) =>
    pick(lang, {
      ar: `تأسست منذ ${years(Number(p.age), lang)}، فهي على الأرجح في المرحلة المطلوبة (${names(p.stages, lang, stageLabel)})`,
      fr: `Créée il y a ${years(Number(p.age), lang)}, probablement au stade recherché (${names(p.stages, lang, stageLabel)})`,
      en: `Founded ${years(Number(p.age), lang)} ago, probably at the stage sought (${names(p.stages, lang, stageLabel)})`,
    }),
  'stage.unlikely': (p, lang) =>
    pick(lang, {
      ar: `تأسست منذ ${years(Number(p.age), lang)}، فهي على الأرجح ليست في المرحلة المطلوبة (${names(p.wanted, lang, stageLabel)})`,
      fr: `Créée il y a ${years(Number(p.age), lang)}, probablement pas au stade recherché (${names(p.wanted, lang, stageLabel)})`,
      en: `Founded ${years(Number(p.age), lang)} ago, probably not at the stage sought (${names(p.wanted, lang, stageLabel)})`,
    }),
  'stage.unknown': (_p, lang) =>
    pick(lang, { ar: 'المرحلة غير محددة', fr: 'Stade non renseigné', en: 'Stage not stated' }),

  'ticket.in_range': (p, lang) =>
    pick(lang, {
      ar: `الاحتياج البالغ ${money(p.amount, p.currency, lang)} ضمن نطاق التمويل (${ticketRange(p, lang)})`,
      fr: `Le besoin de ${money(p.amount, p.currency, lang)} entre dans la fourchette de financement (${ticketRange(p, lang)})`,
      en: `The need of ${money(p.amount, p.currency, lang)} is within the ticket range (${ticketRange(p, lang)})`,
    }),
  'ticket.below': (p, lang) =>
    pick(lang, {
      ar: `الاحتياج البالغ ${money(p.amount, p.currency, lang)} أقل من الحد الأدنى للتمويل البالغ ${money(p.min, p.currency, lang)}`,
      fr: `Le besoin de ${money(p.amount, p.currency, lang)} est inférieur au ticket minimum de ${money(p.min, p.currency, lang)}`,
      en: `The need of ${money(p.amount, p.currency, lang)} is below the minimum ticket of ${money(p.min, p.currency, lang)}`,
    }),
  'ticket.above': (p, lang) =>
    pick(lang, {
      ar: `الاحتياج البالغ ${money(p.amount, p.currency, lang)} أكبر من الحد الأقصى للتمويل البالغ ${money(p.max, p.currency, lang)}`,
      fr: `Le besoin de ${money(p.amount, p.currency, lang)} dépasse le ticket maximum de ${money(p.max, p.currency, lang)}`,
      en: `The need of ${money(p.amount, p.currency, lang)} is above the maximum ticket of ${money(p.max, p.currency, lang)}`,
    }),
  'ticket.unknown': (_p, lang) =>
    pick(lang, {
      ar: 'الاحتياج التمويلي غير محدد',
      fr: 'Besoin de financement non renseigné',
      en: 'Financing need not stated',
    }),

  'instrument.match': (p, lang) => {
    const many = list(p.instruments).length > 1;
    return (
      pick(lang, {
        ar: many ? 'يوفر أدوات التمويل المطلوبة' : 'يوفر أداة التمويل المطلوبة',
        fr: many ? 'Propose les instruments recherchés' : "Propose l'instrument recherché",
        en: many ? 'Offers the instruments sought' : 'Offers the instrument sought',
      }) +
      COLON[lang] +
      names(p.instruments, lang, instrumentLabel)
    );
  },
  'instrument.none': (p, lang) =>
    pick(lang, {
      ar: 'لا يوفر أيًا من أدوات التمويل المطلوبة',
      fr: 'Ne propose aucun des instruments recherchés',
      en: 'Offers none of the instruments sought',
    }) + ` (${names(p.sought, lang, instrumentLabel)})`,
  'instrument.unknown': (_p, lang) =>
    pick(lang, {
      ar: 'أدوات التمويل غير محددة',
      fr: 'Instruments non renseignés',
      en: 'Instruments not stated',
    }),

  'innovation.strong': (p, lang) =>
    pick(lang, { ar: 'مؤسسة مبتكرة', fr: 'Entreprise innovante', en: 'Innovative company' }) +
    COLON[lang] +
    innovationFacts(p, lang),
  'innovation.some': (p, lang) =>
    pick(lang, { ar: 'ابتكار محدود', fr: 'Innovation limitée', en: 'Some innovation' }) +
    COLON[lang] +
    innovationFacts(p, lang),
  'innovation.none': (_p, lang) =>
    pick(lang, {
      ar: 'لا نشاط بحث وتطوير ولا براءات اختراع مصرح بها',
      fr: 'Ni R&D ni brevet déclarés',
      en: 'No R&D or patents reported',
    }),

  'hard.self': (_p, lang) =>
    pick(lang, {
      ar: 'هذه هي المؤسسة صاحبة الطلب نفسها',
      fr: "Il s'agit de l'organisation demandeuse elle-même",
      en: 'This is the requesting organisation itself',
    }),
  'hard.kind': (p, lang) =>
    pick(lang, {
      ar: `غير مؤهل: ${kindLabel(String(p.kind), lang)} (المطلوب: ${names(p.allowed, lang, kindLabel)})`,
      fr: `Non éligible${COLON.fr}${kindLabel(String(p.kind), lang)} (attendu${COLON.fr}${names(p.allowed, lang, kindLabel)})`,
      en: `Not eligible: ${kindLabel(String(p.kind), lang)} (expected: ${names(p.allowed, lang, kindLabel)})`,
    }),
  'hard.process': (p, lang) => {
    const many = list(p.missing).length > 1;
    return (
      pick(lang, {
        ar: many ? 'لا يتقن العمليات المشروطة' : 'لا يتقن العملية المشروطة',
        fr: many ? 'Procédés exigés absents' : 'Procédé exigé absent',
        en: many ? 'Lacks the required processes' : 'Lacks the required process',
      }) +
      COLON[lang] +
      names(p.missing, lang, processLabel)
    );
  },
  'hard.certification': (p, lang) => {
    const many = list(p.missing).length > 1;
    return (
      pick(lang, {
        ar: many ? 'لا يحمل الشهادات المشروطة' : 'لا يحمل الشهادة المشروطة',
        fr: many ? 'Certifications exigées absentes' : 'Certification exigée absente',
        en: many ? 'Lacks the required certifications' : 'Lacks the required certification',
      }) +
      COLON[lang] +
      names(p.missing, lang, certLabel)
    );
  },
  'hard.country': (p, lang) =>
    pick(lang, {
      ar: `البلد (${countryLabel(String(p.country), lang)}) خارج البلدان المسموح بها`,
      fr: `Pays (${countryLabel(String(p.country), lang)}) hors des pays autorisés`,
      en: `Country (${countryLabel(String(p.country), lang)}) outside the allowed countries`,
    }) +
    COLON[lang] +
    names(p.allowed, lang, countryLabel),
  'hard.region': (p, lang) => {
    const at = p.region ? regionLabel(String(p.region), lang) : countryLabel(String(p.country), lang);
    return (
      pick(lang, {
        ar: `الموقع (${at}) خارج الولايات المسموح بها`,
        fr: `Localisation (${at}) hors des wilayas autorisées`,
        en: `Location (${at}) outside the allowed wilayas`,
      }) +
      COLON[lang] +
      names(p.allowed, lang, regionLabel)
    );
  },
  'hard.min_age': (p, lang) => {
    const min = Number(p.min);
    if (p.age == null)
      return pick(lang, {
        ar: `سنة التأسيس غير معروفة؛ يشترط ${years(min, lang)} من النشاط على الأقل`,
        fr: `Année de création inconnue${SEMI.fr}au moins ${years(min, lang)} d'existence exigés`,
        en: `Founding year unknown; at least ${years(min, lang)} in business required`,
      });
    const age = Number(p.age);
    return pick(lang, {
      ar: `تأسست منذ ${years(age, lang)}، أقل من الحد الأدنى البالغ ${years(min, lang)}`,
      fr: `Créée il y a ${years(age, lang)}, moins que le minimum de ${years(min, lang)}`,
      en: `Founded ${years(age, lang)} ago, less than the minimum of ${years(min, lang)}`,
    });
  },
  'hard.min_employees': (p, lang) => {
    const min = bandLabel(String(p.min), lang);
    if (p.band == null)
      return pick(lang, {
        ar: `عدد العمال غير معروف؛ الحد الأدنى: ${min}`,
        fr: `Effectif inconnu${SEMI.fr}minimum${COLON.fr}${min}`,
        en: `Headcount unknown; minimum: ${min}`,
      });
    return pick(lang, {
      ar: `عدد العمال (${bandLabel(String(p.band), lang)}) أقل من الحد الأدنى: ${min}`,
      fr: `Effectif (${bandLabel(String(p.band), lang)}) inférieur au minimum${COLON.fr}${min}`,
      en: `Headcount (${bandLabel(String(p.band), lang)}) below the minimum: ${min}`,
    });
  },

  'cluster.chain': (p, lang) => {
    const chain = p.chain ? valueChain(String(p.chain))?.label[lang] : null;
    const head =
      chain ??
      pick(lang, {
        ar: 'شركاء في سلسلة قيمة واحدة',
        fr: "Partenaires d'une même chaîne de valeur",
        en: 'Partners along one value chain',
      });
    const size = Number(p.size ?? 0);
    const members =
      lang === 'ar'
        ? arCount(size, { one: 'عضو واحد', two: 'عضوان', few: 'أعضاء', many: 'عضوًا' })
        : plural(size, lang, lang === 'fr' ? 'membre' : 'member', lang === 'fr' ? 'membres' : 'members');
    return `${head}${lang === 'ar' ? '، ' : ', '}${place(p, lang)}${COLON[lang]}${members}`;
  },
  'cluster.gap': (p, lang) => {
    const division = sectorLabel(String(p.division), lang);
    const parts = [
      pick(lang, {
        ar: `يشغل حلقة «${division}»`,
        fr: `Occupe le maillon «\u00a0${division}\u00a0»`,
        en: `Fills the “${division}” link`,
      }),
    ];
    if (list(p.suppliesTo).length)
      parts.push(
        pick(lang, { ar: 'يزوّد', fr: 'fournit', en: 'supplies' }) +
          ' ' +
          names(p.suppliesTo, lang, sectorLabel),
      );
    if (list(p.buysFrom).length)
      parts.push(
        pick(lang, { ar: 'يتزوّد من', fr: "s'approvisionne auprès de", en: 'buys from' }) +
          ' ' +
          names(p.buysFrom, lang, sectorLabel),
      );
    return parts.length === 1 ? parts[0] : `${parts[0]}${COLON[lang]}${parts.slice(1).join(SEMI[lang])}`;
  },
  'cluster.support': (p, lang) =>
    pick(lang, {
      ar: 'هيئة دعم تخدم قطاعات المجموعة',
      fr: "Structure d'appui au service des secteurs du groupe",
      en: "Support institution serving the group's sectors",
    }) +
    COLON[lang] +
    names(p.sectors, lang, sectorLabel),
  'cluster.financier': (p, lang) =>
    pick(lang, {
      ar: 'مموّل تغطي برامجه قطاعات المجموعة',
      fr: 'Financeur dont les programmes couvrent les secteurs du groupe',
      en: "Financier whose programmes cover the group's sectors",
    }) +
    COLON[lang] +
    names(p.sectors, lang, sectorLabel),

  'meeting.goal': (p, lang) => {
    const goal = GOAL_LABELS[String(p.goal)]?.[lang] ?? String(p.goal);
    const head = pick(lang, {
      ar: p.whose === 'theirs' ? `هدفه «${goal}»` : `هدفكم «${goal}»`,
      fr:
        p.whose === 'theirs' ? `Son objectif «\u00a0${goal}\u00a0»` : `Votre objectif «\u00a0${goal}\u00a0»`,
      en: p.whose === 'theirs' ? `Their goal “${goal}”` : `Your goal “${goal}”`,
    });
    const score = pct(Math.round(Number(p.score ?? 0) * 100), lang);
    const sectors = names(p.sectors, lang, sectorLabel);
    const via: Record<string, Texts> = {
      request: {
        ar: `يلائم طلب المناولة (${score})`,
        fr: `correspond à la demande de sous-traitance (${score})`,
        en: `fits the subcontracting request (${score})`,
      },
      financing: {
        ar: `شروط التمويل ملائمة (${score})`,
        fr: `conditions de financement adaptées (${score})`,
        en: `financing terms fit (${score})`,
      },
      value_chain: {
        ar: `ترابط في سلسلة القيمة: ${sectors}`,
        fr: `lien dans la chaîne de valeur${COLON.fr}${sectors}`,
        en: `linked along the value chain: ${sectors}`,
      },
      sector: {
        ar: `القطاع نفسه: ${sectors}`,
        fr: `même secteur${COLON.fr}${sectors}`,
        en: `same sector: ${sectors}`,
      },
      programme: {
        ar: `برامج تخدم: ${sectors}`,
        fr: `programmes au service de${COLON.fr}${sectors}`,
        en: `programmes serving: ${sectors}`,
      },
      innovation: {
        ar: `نشاط بحث وتطوير في: ${sectors}`,
        fr: `activité de R&D en${COLON.fr}${sectors}`,
        en: `R&D activity in: ${sectors}`,
      },
      none: { ar: 'لا توافق مع هذا الهدف', fr: 'aucune adéquation', en: 'no fit' },
    };
    return `${head}${COLON[lang]}${pick(lang, via[String(p.via)] ?? via.none)}`;
  },
  'meeting.goals_unspecified': (_p, lang) =>
    pick(lang, { ar: 'لم تُحدَّد أهداف', fr: 'Aucun objectif indiqué', en: 'No goal stated' }),
  'hard.meeting_rule': (p, lang) =>
    pick(lang, {
      ar: 'قواعد اللقاءات لا تسمح بهذا اللقاء',
      fr: 'Les règles de rencontre ne permettent pas ce rendez-vous',
      en: 'The meeting rules do not allow this meeting',
    }) + (p.reason ? ` (${String(p.reason)})` : ''),
  'support.programme': (p, lang) => {
    const name = programmeName(p, lang);
    const q = { ar: `«${name}»`, fr: `«\u00a0${name}\u00a0»`, en: `“${name}”` }[lang];
    return (
      pick(lang, { ar: `برنامج ${q}`, fr: `Programme ${q}`, en: `Programme ${q}` }) +
      COLON[lang] +
      names(p.services, lang, serviceLabel)
    );
  },
  'support.services': (p, lang) =>
    pick(lang, { ar: 'يلبي احتياجاتكم', fr: 'Répond à vos besoins', en: 'Meets your needs' }) +
    COLON[lang] +
    names(p.services, lang, serviceLabel) +
    ' (' +
    pick(lang, { ar: 'المؤشرات', fr: 'indices', en: 'signals' }) +
    COLON[lang] +
    names(p.because, lang, needLabel) +
    ')',
  'support.services_none': (_p, lang) =>
    pick(lang, {
      ar: 'لا يلبي أي احتياج معروف',
      fr: 'Ne répond à aucun besoin connu',
      en: 'Meets no known need',
    }),
  'support.certifications': (p, lang) =>
    pick(lang, {
      ar: 'يحضّر للشهادة المستهدفة',
      fr: 'Prépare à la certification visée',
      en: 'Prepares for the certification aimed for',
    }) +
    COLON[lang] +
    names(p.certifications, lang, certLabel),
  'support.certifications_none': (p, lang) =>
    pick(lang, {
      ar: 'لا يحضّر للشهادة المستهدفة',
      fr: 'Ne prépare pas à la certification visée',
      en: 'Does not prepare for the certification aimed for',
    }) +
    COLON[lang] +
    names(p.wanted, lang, certLabel),
  'support.certifications_unspecified': (_p, lang) =>
    pick(lang, {
      ar: 'لا شهادة مستهدفة',
      fr: 'Aucune certification visée',
      en: 'No certification aimed for',
    }),
  'support.region_target': (p, lang) => {
    const region = regionLabel(String(p.region), lang);
    return p.reserved
      ? pick(lang, {
          ar: `برنامج مخصص لولايات منها ${region}`,
          fr: `Programme réservé à des wilayas dont ${region}`,
          en: `Programme reserved for wilayas including ${region}`,
        })
      : pick(lang, {
          ar: `يستهدف ولاية ${region}`,
          fr: `Cible la wilaya de ${region}`,
          en: `Targets the wilaya of ${region}`,
        });
  },
  'support.cost': (p, lang) => pick(lang, COST_LABELS[String(p.cost)] ?? COST_LABELS.PAID),
  'support.cost_unspecified': (_p, lang) =>
    pick(lang, { ar: 'التكلفة غير محددة', fr: 'Coût non précisé', en: 'Cost not stated' }),
  'hard.support_country': (p, lang) =>
    pick(lang, {
      ar: `البرنامج لا يخدم ${countryLabel(String(p.country), lang)}`,
      fr: `Le programme ne sert pas ${countryLabel(String(p.country), lang)}`,
      en: `The programme does not serve ${countryLabel(String(p.country), lang)}`,
    }),
  'hard.support_reserved': (p, lang) =>
    pick(lang, {
      ar: 'برنامج مخصص لولايات أخرى',
      fr: "Programme réservé à d'autres wilayas",
      en: 'Programme reserved for other wilayas',
    }) +
    COLON[lang] +
    names(p.allowed, lang, regionLabel),
  'hard.support_stage': (p, lang) =>
    pick(lang, {
      ar: `البرنامج لا يقبل المرحلة ${stageLabel(String(p.stage), lang)}`,
      fr: `Le programme n'admet pas le stade ${stageLabel(String(p.stage), lang)}`,
      en: `The programme does not admit the ${stageLabel(String(p.stage), lang)} stage`,
    }) +
    COLON[lang] +
    names(p.allowed, lang, stageLabel),
  'hard.support_no_need': (p, lang) =>
    pick(lang, {
      ar: 'لا يلبي أي احتياج معروف',
      fr: 'Ne répond à aucun besoin connu',
      en: 'Meets no known need',
    }) +
    COLON[lang] +
    names(p.services, lang, serviceLabel),
  'collaboration.direct': (p, lang) => {
    const via: Record<string, Texts> = {
      MEETING: {
        ar: 'لقاء منعقد في المنتدى',
        fr: 'rencontre tenue au forum',
        en: 'a meeting held at the forum',
      },
      CONTACT: {
        ar: 'طلب اتصال مقبول',
        fr: 'demande de contact acceptée',
        en: 'an accepted contact request',
      },
      HISTORY: { ar: 'تعاون مصرح به', fr: 'collaboration déclarée', en: 'a declared collaboration' },
    };
    const sources = join(
      list(p.sources).map((x) => pick(lang, via[x] ?? via.HISTORY)),
      lang,
    );
    const year = p.year != null ? ` (${String(p.year)})` : '';
    return (
      pick(lang, {
        ar: 'سبق التعاون معه',
        fr: 'Vous avez déjà travaillé ensemble',
        en: 'You have worked together before',
      }) +
      COLON[lang] +
      sources +
      year
    );
  },
  'collaboration.shared': (p, lang) => {
    const name =
      str(p[`partner_${lang}`]) ?? str(p.partner_fr) ?? str(p.partner_en) ?? str(p.partner_ar) ?? '';
    const others = Number(p.shared ?? 1) - 1;
    const more =
      others > 0
        ? pick(lang, {
            ar: ` (شركاء مشتركون آخرون: ${num(others, lang)})`,
            fr: ` (et ${plural(others, 'fr', 'autre partenaire commun', 'autres partenaires communs')})`,
            en: ` (and ${plural(others, 'en', 'other partner in common', 'other partners in common')})`,
          })
        : '';
    return (
      pick(lang, {
        ar: `عمل مع ${name}، الذي يعمل معكم`,
        fr: `A travaillé avec ${name}, qui travaille avec vous`,
        en: `Worked with ${name}, who works with you`,
      }) + more
    );
  },
  'collaboration.none': (_p, lang) =>
    pick(lang, {
      ar: 'لا تعاون سابق ولا شريك مشترك معروف',
      fr: 'Aucune collaboration passée ni partenaire commun connu',
      en: 'No past collaboration or partner in common known',
    }),
  'network.partners': (p, lang) => {
    const n = Number(p.shared ?? 0);
    return pick(lang, {
      ar: `شركاء مشتركون في مشاريع سابقة: ${num(n, lang)}`,
      fr: `Partenaires communs dans des projets passés${COLON.fr}${num(n, lang)}`,
      en: `Partners in common from past projects: ${num(n, lang)}`,
    });
  },
  'network.past': (_p, lang) =>
    pick(lang, {
      ar: 'سبق التعاون بينهما في مشروع',
      fr: 'Ont déjà travaillé ensemble sur un projet',
      en: 'Have already worked together on a project',
    }),
  'network.programmes': (p, lang) =>
    pick(lang, { ar: 'برامج مشتركة', fr: 'Programmes communs', en: 'Programmes in common' }) +
    COLON[lang] +
    join(list(p.programmes), lang),
  'network.none': (_p, lang) =>
    pick(lang, {
      ar: 'لا صلة في شبكة التعاون',
      fr: 'Aucun lien dans le réseau de collaborations',
      en: 'No link in the collaboration network',
    }),
};

/**
 * Who reads a reason: the side that asked (`requester`: the buyer, the financier, the institution,
 * the first argument of the scoring function) or the side it was scored as a candidate
 * (`candidate`: the supplier seeing a request, the SME seeing a financier or a programme).
 */
export type ReasonViewer = 'requester' | 'candidate';

/** Places name the other side: a candidate reads the requester's country, not its own. */
const PLACE_CODES = new Set(['distance.arab_region', 'distance.far']);

/**
 * The evidence as one sentence in `lang`, for `viewer`; an unknown code renders as the code itself
 * rather than failing.
 */
export function renderReason(evidence: Evidence, lang: Lang, viewer: ReasonViewer = 'requester'): string {
  const render = RENDERERS[evidence.code];
  if (render) {
    const params =
      viewer === 'candidate' && PLACE_CODES.has(evidence.code) && evidence.params.from != null
        ? { ...evidence.params, country: evidence.params.from }
        : evidence.params;
    return render(params, lang);
  }
  if (evidence.code.endsWith('.unspecified'))
    return pick(lang, {
      ar: 'غير محدد في الطلب',
      fr: 'Non précisé dans la demande',
      en: 'Not specified in the request',
    });
  return evidence.code;
}

/**
 * Evidence that only says a fact is missing (a capacity, a stage, a financing need not stated, no
 * feedback yet). Such a criterion keeps its neutral share of the score, but it argues neither for nor
 * against the match, so it is not shown as a reason.
 */
const MISSING_DATA = new Set([
  'sector.unknown',
  'materials.unknown',
  'capacity.unknown',
  'size.unknown',
  'language.unknown',
  'stage.unknown',
  'ticket.unknown',
  'instrument.unknown',
  'feedback.none',
  'support.cost_unspecified',
]);

/**
 * Evidence another criterion states with the right sign: an order above the supplier's monthly
 * capacity gives the size criterion full marks (the order is worth its while), but shown as a
 * reason for the match it would read as praise; the capacity criterion says it is short.
 */
const SAID_ELSEWHERE = new Set(['size.exceeds']);

/**
 * Whether the evidence is a reason to show: false for evidence that only says data is missing, and
 * for evidence another criterion states.
 */
export const isShownReason = (evidence: Evidence): boolean =>
  !MISSING_DATA.has(evidence.code) &&
  !SAID_ELSEWHERE.has(evidence.code) &&
  !evidence.code.endsWith('.unspecified');

/** Every code `renderReason` knows, for checks that no scoring function produces an unrenderable reason. */
export const REASON_CODES: readonly string[] = Object.keys(RENDERERS);
