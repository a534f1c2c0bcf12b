import { normaliseText } from './normalise.js';

/**
 * Trilingual (Arabic, French, English) groups of equivalent terms for industrial sectors, processes and SME
 * support services. Every term of a group is a synonym of every other term of the same group.
 *
 * Latin terms are lower case because Meilisearch matches synonyms against lower-cased query words.
 */
export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ['machining', 'usinage', 'تشغيل المعادن', 'خراطة'],
  ['welding', 'soudure', 'soudage', 'لحام'],
  ['casting', 'foundry', 'fonderie', 'سباكة', 'صب'],
  ['forging', 'forge', 'حدادة', 'تطريق'],
  ['plastic injection', 'injection moulding', 'injection molding', 'injection plastique', 'حقن البلاستيك'],
  ['plastics', 'plasturgie', 'plastique', 'بلاستيك', 'لدائن'],
  ['packaging', 'emballage', 'conditionnement', 'تغليف', 'تعبئة'],
  [
    'food processing',
    'food industry',
    'agroalimentaire',
    'agro-alimentaire',
    'industrie alimentaire',
    'صناعات غذائية',
    'صناعة غذائية',
  ],
  ['dairy', 'laiterie', 'produits laitiers', 'ألبان', 'مشتقات الحليب'],
  ['textile', 'textiles', 'نسيج', 'منسوجات'],
  ['clothing', 'apparel', 'garment', 'habillement', 'confection', 'ملابس', 'ألبسة'],
  ['leather', 'cuir', 'maroquinerie', 'جلود', 'جلد'],
  ['electronics', 'électronique', 'إلكترونيات', 'إلكترونية'],
  ['electrical equipment', 'matériel électrique', 'électricité', 'electricity', 'كهرباء', 'معدات كهربائية'],
  ['mechanical engineering', 'mechanics', 'mécanique', 'ميكانيك', 'ميكانيكا'],
  [
    'metal fabrication',
    'metalworking',
    'construction métallique',
    'chaudronnerie',
    'صناعة معدنية',
    'تركيب معدني',
  ],
  ['sheet metal', 'tôlerie', 'صفائح معدنية'],
  ['steel', 'acier', 'فولاذ', 'صلب'],
  ['aluminium', 'aluminum', 'ألمنيوم', 'ألومنيوم'],
  // Materials, so a request naming one in any language finds the suppliers that work it.
  ['stainless steel', 'stainless', 'acier inoxydable', 'inox', 'فولاذ مقاوم للصدأ', 'ستانلس'],
  ['cast iron', 'fonte', 'حديد الزهر', 'حديد مصبوب'],
  ['copper', 'cuivre', 'نحاس'],
  ['brass', 'laiton', 'نحاس أصفر'],
  ['polypropylene', 'polypropylène', 'بولي بروبيلين'],
  ['polyethylene', 'polyéthylène', 'hdpe', 'pehd', 'بولي إيثيلين'],
  ['pet', 'بولي إيثيلين تيريفثالات'],
  ['printed circuit board', 'pcb', 'circuit imprimé', 'دارات مطبوعة', 'لوحات إلكترونية'],
  ['cotton', 'coton', 'قطن'],
  ['polyester', 'بوليستر'],
  ['wool', 'laine', 'صوف'],
  ['mdf', 'ألواح ليفية'],
  ['ceramic', 'ceramics', 'céramique', 'خزف', 'سيراميك'],
  ['wheat', 'blé', 'قمح'],
  ['milk', 'lait', 'حليب'],
  ['olive oil', "huile d'olive", 'زيت الزيتون'],
  ['dates', 'dattes', 'تمور', 'تمر'],
  ['resin', 'résine', 'راتنج'],
  ['active ingredients', 'principes actifs', 'مواد فعالة'],
  ['surface treatment', 'traitement de surface', 'معالجة الأسطح'],
  ['painting', 'coating', 'peinture', 'revêtement', 'طلاء', 'دهان'],
  ['mould making', 'mold making', 'moulisterie', 'صناعة القوالب'],
  ['hydraulics', 'hydraulique', 'هيدروليك'],
  ['pharmaceutical', 'pharmaceutique', 'médicaments', 'أدوية', 'صناعة الأدوية'],
  ['cosmetics', 'cosmétiques', 'مستحضرات التجميل'],
  ['chemicals', 'chemistry', 'chimie', 'produits chimiques', 'كيمياء', 'مواد كيميائية'],
  ['rubber', 'caoutchouc', 'مطاط'],
  ['glass', 'verre', 'زجاج'],
  ['paper', 'cardboard', 'papier', 'carton', 'ورق', 'كرتون'],
  ['printing', 'imprimerie', 'impression', 'طباعة'],
  ['wood', 'timber', 'bois', 'خشب'],
  ['carpentry', 'joinery', 'menuiserie', 'نجارة'],
  ['furniture', 'meubles', 'ameublement', 'أثاث'],
  ['construction', 'building', 'bâtiment', 'btp', 'بناء', 'أشغال عمومية'],
  ['building materials', 'construction materials', 'matériaux de construction', 'مواد البناء'],
  ['cement', 'ciment', 'إسمنت', 'اسمنت'],
  ['automotive', 'automobile', 'سيارات', 'صناعة السيارات'],
  ['spare parts', 'pièces détachées', 'pièces de rechange', 'قطع الغيار'],
  ['maintenance', 'repair', 'réparation', 'صيانة', 'إصلاح'],
  ['software', 'logiciel', 'logiciels', 'برمجيات', 'برامج'],
  ['information technology', 'informatique', 'إعلام آلي', 'معلوماتية', 'تكنولوجيا المعلومات'],
  ['solar energy', 'photovoltaic', 'énergie solaire', 'photovoltaïque', 'طاقة شمسية'],
  ['renewable energy', 'énergies renouvelables', 'طاقة متجددة', 'طاقات متجددة'],
  ['recycling', 'recyclage', 'رسكلة', 'إعادة التدوير', 'تدوير'],
  ['agriculture', 'farming', 'زراعة', 'فلاحة'],
  ['logistics', 'logistique', 'لوجستيك', 'خدمات لوجستية'],
  ['transport', 'freight', 'fret', 'نقل', 'شحن'],
  ['export', 'exportation', 'تصدير'],
  ['import', 'importation', 'استيراد'],
  ['quality control', 'contrôle qualité', 'contrôle de qualité', 'مراقبة الجودة'],
  ['engineering', 'ingénierie', 'هندسة'],
  ['consulting', 'conseil', 'استشارات', 'استشارة'],
  ['training', 'formation', 'تكوين', 'تدريب'],
  ['subcontracting', 'sous-traitance', 'مناولة', 'مقاولة من الباطن'],
  ['financing', 'funding', 'financement', 'تمويل'],
  ['investment', 'investissement', 'استثمار'],
  ['incubator', 'incubateur', "pépinière d'entreprises", 'حاضنة', 'حاضنة أعمال'],
  ['accelerator', 'accélérateur', 'مسرع أعمال', 'مسرعة أعمال'],
  ['startup', 'start-up', 'jeune pousse', 'مؤسسة ناشئة', 'شركة ناشئة'],
  ['sme', 'pme', 'pmi', 'مؤسسة صغيرة ومتوسطة', 'مؤسسات صغيرة ومتوسطة'],
  ['leasing', 'crédit-bail', 'إيجار', 'ijara', 'إجارة', 'تأجير'],
  ['murabaha', 'mourabaha', 'مرابحة'],
  ['islamic finance', 'finance islamique', 'صيرفة إسلامية', 'مالية إسلامية'],
];

/** Adds every term of every group as a key pointing to all the other terms of the groups it belongs to. */
function symmetricMap(groups: readonly (readonly string[])[]): Record<string, string[]> {
  const related = new Map<string, Set<string>>();
  for (const group of groups) {
    for (const term of group) {
      let others = related.get(term);
      if (others === undefined) {
        others = new Set();
        related.set(term, others);
      }
      for (const other of group) if (other !== term) others.add(other);
    }
  }
  const result: Record<string, string[]> = {};
  for (const [term, others] of related) if (others.size > 0) result[term] = [...others];
  return result;
}

/** Meilisearch `synonyms` setting for the original (non-normalised) searchable attributes. */
export const SEARCH_SYNONYMS: Record<string, string[]> = symmetricMap(SYNONYM_GROUPS);

/**
 * Synonyms for an index that also holds the normalised field: queries are normalised before being sent, so
 * each group gains the normalised form of its terms, alongside the original forms for the raw attributes.
 * Terms that normalise to nothing (only stop words) are dropped.
 */
export function normalisedSynonyms(): Record<string, string[]> {
  const groups = SYNONYM_GROUPS.map((group) => {
    const terms = new Set<string>(group);
    for (const term of group) {
      const normalised = normaliseText(term);
      if (normalised) terms.add(normalised);
    }
    return [...terms];
  });
  return symmetricMap(groups);
}
