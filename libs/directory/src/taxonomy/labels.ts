import {
  CERTIFICATIONS,
  COMPANY_STAGES,
  EMPLOYEE_BANDS,
  FINANCING_INSTRUMENTS,
  OPPORTUNITY_STATUSES,
  OPPORTUNITY_TYPES,
  ORGANIZATION_KINDS,
  ORGANIZATION_SUBTYPES,
  PROCESS_FAMILY,
  PROCESSES,
  SPOKEN_LANGUAGES,
  type CertificationCode,
  type CompanyStage,
  type EmployeeBand,
  type FinancingInstrument,
  type Lang,
  type OpportunityStatus,
  type OpportunityType,
  type OrganizationKind,
  type OrganizationSubtype,
  type ProcessCode,
} from './codes.js';
import type { Labels } from './taxonomy.js';

/**
 * Display labels of the controlled vocabularies. Arabic follows the usage of Algerian and Arab
 * industrial administration, French the usage in Algeria. Every map is keyed by its code type, so
 * a code added to `codes.ts` without labels fails to compile.
 */

type SpokenLanguage = (typeof SPOKEN_LANGUAGES)[number];

export const PROCESS_FAMILIES = [
  'METAL_FORMING',
  'FINISHING',
  'PLASTICS',
  'ELECTRICAL',
  'AGRIFOOD',
  'TEXTILE',
  'CHEMISTRY',
  'MATERIALS',
  'SERVICES',
] as const;
export type ProcessFamily = (typeof PROCESS_FAMILIES)[number];

export const KIND_LABELS: Record<OrganizationKind, Labels> = {
  SME: { ar: 'مؤسسة صغيرة ومتوسطة', fr: 'PME', en: 'SME' },
  LARGE_FIRM: { ar: 'مؤسسة كبرى', fr: 'Grande entreprise', en: 'Large company' },
  SUPPORT_INSTITUTION: {
    ar: 'هيئة دعم ومرافقة',
    fr: "Structure d'appui et d'accompagnement",
    en: 'Support institution',
  },
  FINANCIER: { ar: 'مؤسسة تمويل', fr: 'Organisme de financement', en: 'Financier' },
  PUBLIC_BODY: { ar: 'هيئة عمومية', fr: 'Organisme public', en: 'Public body' },
};

export const SUBTYPE_LABELS: Record<OrganizationSubtype, Labels> = {
  INCUBATOR: { ar: 'حاضنة أعمال', fr: "Incubateur d'entreprises", en: 'Business incubator' },
  TECHNICAL_CENTRE: { ar: 'مركز تقني', fr: 'Centre technique', en: 'Technical centre' },
  INDUSTRIAL_PARK: { ar: 'منطقة صناعية', fr: 'Zone industrielle', en: 'Industrial park' },
  BUSINESS_AGENCY: {
    ar: 'وكالة دعم المؤسسات',
    fr: "Agence d'appui aux entreprises",
    en: 'Business support agency',
  },
  CHAMBER: {
    ar: 'غرفة التجارة والصناعة',
    fr: "Chambre de commerce et d'industrie",
    en: 'Chamber of commerce and industry',
  },
  UNIVERSITY_LAB: { ar: 'مخبر بحث جامعي', fr: 'Laboratoire universitaire', en: 'University laboratory' },
  COMMERCIAL_BANK: { ar: 'بنك تجاري', fr: 'Banque commerciale', en: 'Commercial bank' },
  DEVELOPMENT_BANK: { ar: 'بنك تنمية', fr: 'Banque de développement', en: 'Development bank' },
  INVESTMENT_FUND: { ar: 'صندوق استثمار', fr: "Fonds d'investissement", en: 'Investment fund' },
  GUARANTEE_FUND: { ar: 'صندوق ضمان القروض', fr: 'Fonds de garantie', en: 'Guarantee fund' },
  LEASING: { ar: 'شركة اعتماد إيجاري', fr: 'Société de crédit-bail', en: 'Leasing company' },
  MICROFINANCE: { ar: 'مؤسسة تمويل أصغر', fr: 'Institution de microfinance', en: 'Microfinance institution' },
  ISLAMIC_FINANCE: {
    ar: 'مؤسسة مالية إسلامية',
    fr: 'Établissement de finance islamique',
    en: 'Islamic finance institution',
  },
  MINISTRY: { ar: 'وزارة', fr: 'Ministère', en: 'Ministry' },
  PUBLIC_AGENCY: { ar: 'وكالة عمومية', fr: 'Agence publique', en: 'Public agency' },
};

// Bands follow law 17-02: micro, small and medium enterprises; the digits stay Western as in Algerian usage.
export const EMPLOYEE_BAND_LABELS: Record<EmployeeBand, Labels> = {
  '1-9': { ar: 'مصغرة (1–9)', fr: 'Micro (1–9)', en: 'Micro (1–9)' },
  '10-49': { ar: 'صغيرة (10–49)', fr: 'Petite (10–49)', en: 'Small (10–49)' },
  '50-249': { ar: 'متوسطة (50–249)', fr: 'Moyenne (50–249)', en: 'Medium (50–249)' },
  '250-999': { ar: 'كبيرة (250–999)', fr: 'Grande (250–999)', en: 'Large (250–999)' },
  '1000+': { ar: 'كبيرة جدًا (1000 فأكثر)', fr: 'Très grande (1000 et plus)', en: 'Very large (1,000+)' },
};

export const PROCESS_LABELS: Record<ProcessCode, Labels> = {
  MACHINING: { ar: 'التشغيل الميكانيكي', fr: 'Usinage', en: 'Machining' },
  CNC_MACHINING: {
    ar: 'التشغيل بالتحكم الرقمي (CNC)',
    fr: 'Usinage à commande numérique (CNC)',
    en: 'CNC machining',
  },
  CASTING: { ar: 'السباكة', fr: 'Fonderie', en: 'Casting' },
  FORGING: { ar: 'الطرق والحدادة', fr: 'Forge', en: 'Forging' },
  WELDING: { ar: 'اللحام', fr: 'Soudage', en: 'Welding' },
  SHEET_METAL: { ar: 'تشكيل الصفائح المعدنية', fr: 'Tôlerie', en: 'Sheet metal work' },
  INJECTION_MOULDING: { ar: 'القولبة بالحقن', fr: 'Moulage par injection', en: 'Injection moulding' },
  EXTRUSION: { ar: 'البثق', fr: 'Extrusion', en: 'Extrusion' },
  SURFACE_TREATMENT: { ar: 'معالجة الأسطح', fr: 'Traitement de surface', en: 'Surface treatment' },
  HEAT_TREATMENT: { ar: 'المعالجة الحرارية', fr: 'Traitement thermique', en: 'Heat treatment' },
  ELECTRONICS_ASSEMBLY: {
    ar: 'تجميع المكونات الإلكترونية',
    fr: 'Assemblage électronique',
    en: 'Electronics assembly',
  },
  ELECTRICAL_WIRING: {
    ar: 'التمديدات والتوصيلات الكهربائية',
    fr: 'Câblage électrique',
    en: 'Electrical wiring',
  },
  FOOD_PROCESSING: {
    ar: 'تحويل المواد الغذائية',
    fr: 'Transformation agroalimentaire',
    en: 'Food processing',
  },
  PACKAGING: { ar: 'التعبئة والتغليف', fr: 'Emballage et conditionnement', en: 'Packaging' },
  TEXTILE_GARMENT: { ar: 'النسيج والألبسة', fr: 'Textile et confection', en: 'Textiles and garments' },
  LEATHER: { ar: 'صناعة الجلود', fr: 'Travail du cuir', en: 'Leatherwork' },
  CHEMICALS_FORMULATION: {
    ar: 'تركيب المستحضرات الكيميائية',
    fr: 'Formulation chimique',
    en: 'Chemical formulation',
  },
  PHARMA_MANUFACTURING: {
    ar: 'التصنيع الصيدلاني',
    fr: 'Fabrication pharmaceutique',
    en: 'Pharmaceutical manufacturing',
  },
  WOODWORKING: { ar: 'النجارة وأشغال الخشب', fr: 'Menuiserie et travail du bois', en: 'Woodworking' },
  PRINTING: { ar: 'الطباعة', fr: 'Imprimerie', en: 'Printing' },
  ADDITIVE_MANUFACTURING: {
    ar: 'التصنيع بالإضافة (الطباعة ثلاثية الأبعاد)',
    fr: 'Fabrication additive (impression 3D)',
    en: 'Additive manufacturing (3D printing)',
  },
  ASSEMBLY: { ar: 'التجميع', fr: 'Assemblage', en: 'Assembly' },
  SOFTWARE: { ar: 'تطوير البرمجيات', fr: 'Développement logiciel', en: 'Software development' },
  ENGINEERING_DESIGN: {
    ar: 'الدراسات والتصميم الهندسي',
    fr: "Bureau d'études et conception",
    en: 'Engineering design',
  },
  TESTING_INSPECTION: { ar: 'الاختبارات والمراقبة', fr: 'Essais et contrôle', en: 'Testing and inspection' },
  MAINTENANCE: { ar: 'الصيانة الصناعية', fr: 'Maintenance industrielle', en: 'Industrial maintenance' },
  LOGISTICS: { ar: 'الخدمات اللوجستية', fr: 'Logistique', en: 'Logistics' },
  CONSTRUCTION_MATERIALS: {
    ar: 'مواد البناء',
    fr: 'Matériaux de construction',
    en: 'Construction materials',
  },
  GLASS_CERAMICS: { ar: 'الزجاج والخزف', fr: 'Verre et céramique', en: 'Glass and ceramics' },
  RECYCLING: { ar: 'إعادة التدوير (الرسكلة)', fr: 'Recyclage', en: 'Recycling' },
  STEEL_STRUCTURES: {
    ar: 'الهياكل والمنشآت المعدنية',
    fr: 'Charpente métallique',
    en: 'Structural steelwork',
  },
  BOILERMAKING_PIPING: {
    ar: 'صناعة الخزانات والأنابيب المعدنية (المرجلية)',
    fr: 'Chaudronnerie et tuyauterie',
    en: 'Boilermaking and piping',
  },
  MOULD_TOOLMAKING: { ar: 'صناعة القوالب والعُدد', fr: 'Moules et outillage', en: 'Mould and tool making' },
  BLOW_MOULDING: { ar: 'القولبة بالنفخ', fr: 'Soufflage plastique', en: 'Blow moulding' },
  RUBBER_PRODUCTS: { ar: 'منتجات المطاط', fr: 'Transformation du caoutchouc', en: 'Rubber products' },
  ELECTRICAL_PANELS: {
    ar: 'تصنيع اللوحات الكهربائية',
    fr: 'Tableaux électriques',
    en: 'Electrical panel building',
  },
  GRAIN_MILLING: {
    ar: 'المطاحن (الدقيق والسميد)',
    fr: 'Meunerie et semoulerie',
    en: 'Flour and semolina milling',
  },
  SPINNING_WEAVING: { ar: 'الغزل والنسيج', fr: 'Filature et tissage', en: 'Spinning and weaving' },
  TEXTILE_FINISHING: {
    ar: 'صباغة المنسوجات وتجهيزها',
    fr: 'Teinture et ennoblissement textile',
    en: 'Textile dyeing and finishing',
  },
  FOOTWEAR: { ar: 'صناعة الأحذية', fr: 'Chaussure', en: 'Footwear' },
  PAPER_CARDBOARD: { ar: 'الورق والكرتون', fr: 'Papier et carton', en: 'Paper and cardboard' },
};

export const PROCESS_FAMILY_LABELS: Record<ProcessFamily, Labels> = {
  METAL_FORMING: { ar: 'تحويل المعادن', fr: 'Transformation des métaux', en: 'Metalworking' },
  FINISHING: { ar: 'المعالجة والتشطيب', fr: 'Traitements et finition', en: 'Treatment and finishing' },
  PLASTICS: { ar: 'صناعة البلاستيك', fr: 'Plasturgie', en: 'Plastics' },
  ELECTRICAL: {
    ar: 'الكهرباء والإلكترونيات',
    fr: 'Électricité et électronique',
    en: 'Electrical and electronics',
  },
  AGRIFOOD: { ar: 'الصناعات الغذائية', fr: 'Agroalimentaire', en: 'Agri-food' },
  TEXTILE: { ar: 'النسيج والجلود', fr: 'Textile et cuir', en: 'Textiles and leather' },
  CHEMISTRY: { ar: 'الكيمياء والصيدلة', fr: 'Chimie et pharmacie', en: 'Chemicals and pharmaceuticals' },
  MATERIALS: { ar: 'المواد', fr: 'Matériaux', en: 'Materials' },
  SERVICES: { ar: 'الخدمات الصناعية', fr: 'Services industriels', en: 'Industrial services' },
};

// Arabic labels put the Arabic words first so that a label shown with automatic direction reads right to left.
export const CERTIFICATION_LABELS: Record<CertificationCode, Labels> = {
  ISO_9001: {
    ar: 'إدارة الجودة (ISO 9001)',
    fr: 'ISO 9001 (management de la qualité)',
    en: 'ISO 9001 (quality management)',
  },
  ISO_14001: {
    ar: 'الإدارة البيئية (ISO 14001)',
    fr: 'ISO 14001 (management environnemental)',
    en: 'ISO 14001 (environmental management)',
  },
  ISO_45001: {
    ar: 'الصحة والسلامة المهنية (ISO 45001)',
    fr: 'ISO 45001 (santé et sécurité au travail)',
    en: 'ISO 45001 (occupational health and safety)',
  },
  ISO_22000: {
    ar: 'إدارة سلامة الأغذية (ISO 22000)',
    fr: 'ISO 22000 (sécurité des denrées alimentaires)',
    en: 'ISO 22000 (food safety management)',
  },
  FSSC_22000: {
    ar: 'شهادة سلامة الأغذية (FSSC 22000)',
    fr: 'FSSC 22000 (certification de la sécurité des aliments)',
    en: 'FSSC 22000 (food safety system certification)',
  },
  HACCP: {
    ar: 'تحليل المخاطر ونقاط التحكم الحرجة (HACCP)',
    fr: 'HACCP (analyse des dangers et points critiques)',
    en: 'HACCP (hazard analysis and critical control points)',
  },
  ISO_13485: {
    ar: 'جودة الأجهزة الطبية (ISO 13485)',
    fr: 'ISO 13485 (dispositifs médicaux)',
    en: 'ISO 13485 (medical devices)',
  },
  IATF_16949: {
    ar: 'جودة صناعة السيارات (IATF 16949)',
    fr: 'IATF 16949 (qualité automobile)',
    en: 'IATF 16949 (automotive quality)',
  },
  ISO_27001: {
    ar: 'أمن المعلومات (ISO/IEC 27001)',
    fr: "ISO/IEC 27001 (sécurité de l'information)",
    en: 'ISO/IEC 27001 (information security)',
  },
  ISO_50001: {
    ar: 'إدارة الطاقة (ISO 50001)',
    fr: "ISO 50001 (management de l'énergie)",
    en: 'ISO 50001 (energy management)',
  },
  ISO_17025: {
    ar: 'كفاءة مخابر الاختبار والمعايرة (ISO/IEC 17025)',
    fr: "ISO/IEC 17025 (laboratoires d'essais et d'étalonnage)",
    en: 'ISO/IEC 17025 (testing and calibration laboratories)',
  },
  AS_9100: {
    ar: 'جودة صناعة الطيران والفضاء (AS 9100)',
    fr: 'EN/AS 9100 (aéronautique et spatial)',
    en: 'AS 9100 (aerospace quality)',
  },
  GMP: {
    ar: 'ممارسات التصنيع الجيدة (GMP)',
    fr: 'Bonnes pratiques de fabrication (BPF/GMP)',
    en: 'GMP (good manufacturing practice)',
  },
  HALAL: { ar: 'شهادة حلال', fr: 'Certification halal', en: 'Halal certification' },
  CE_MARKING: { ar: 'علامة المطابقة الأوروبية (CE)', fr: 'Marquage CE', en: 'CE marking' },
  API_Q1: {
    ar: 'جودة صناعة النفط والغاز (API Q1)',
    fr: 'API Q1 (industrie pétrolière et gazière)',
    en: 'API Q1 (oil and gas quality)',
  },
};

// French transliterations of Islamic finance contracts follow those of Algerian banks' product sheets.
export const INSTRUMENT_LABELS: Record<FinancingInstrument, Labels> = {
  LOAN: { ar: 'قرض', fr: 'Crédit', en: 'Loan' },
  LEASING: { ar: 'اعتماد إيجاري', fr: 'Crédit-bail', en: 'Leasing' },
  GUARANTEE: { ar: 'ضمان القروض', fr: 'Garantie de crédit', en: 'Credit guarantee' },
  EQUITY: { ar: 'مساهمة في رأس المال', fr: 'Prise de participation', en: 'Equity investment' },
  GRANT: { ar: 'منحة', fr: 'Subvention', en: 'Grant' },
  MURABAHA: { ar: 'مرابحة', fr: 'Mourabaha (vente avec marge)', en: 'Murabaha (cost-plus sale)' },
  IJARA: { ar: 'إجارة', fr: 'Ijara (location islamique)', en: 'Ijara (Islamic leasing)' },
  MUSHARAKA: {
    ar: 'مشاركة',
    fr: 'Moucharaka (financement participatif)',
    en: 'Musharaka (joint venture financing)',
  },
  MUDARABA: {
    ar: 'مضاربة',
    fr: 'Moudaraba (partage des bénéfices)',
    en: 'Mudaraba (profit-sharing)',
  },
  SALAM: { ar: 'سلم', fr: "Salam (achat à terme payé d'avance)", en: 'Salam (prepaid forward sale)' },
  ISTISNA: {
    ar: 'استصناع',
    fr: "Istisna'a (commande de fabrication)",
    en: "Istisna' (manufacturing contract)",
  },
};

export const STAGE_LABELS: Record<CompanyStage, Labels> = {
  IDEA: { ar: 'مرحلة الفكرة', fr: 'Idée', en: 'Idea' },
  STARTUP: { ar: 'مرحلة الانطلاق', fr: 'Démarrage', en: 'Start-up' },
  GROWTH: { ar: 'مرحلة النمو', fr: 'Croissance', en: 'Growth' },
  MATURE: { ar: 'مرحلة النضج', fr: 'Maturité', en: 'Maturity' },
  TURNAROUND: { ar: 'مرحلة التعافي وإعادة الهيكلة', fr: 'Redressement', en: 'Turnaround' },
};

export const OPPORTUNITY_TYPE_LABELS: Record<OpportunityType, Labels> = {
  CAPABILITY_OFFER: { ar: 'عرض قدرات إنتاجية', fr: 'Offre de capacités', en: 'Capability offer' },
  SUBCONTRACTING_REQUEST: {
    ar: 'طلب مناولة',
    fr: 'Demande de sous-traitance',
    en: 'Subcontracting request',
  },
  TECHNOLOGY_OFFER: { ar: 'عرض تكنولوجي', fr: 'Offre technologique', en: 'Technology offer' },
  TECHNOLOGY_REQUEST: { ar: 'طلب تكنولوجي', fr: 'Demande technologique', en: 'Technology request' },
  FINANCING_NEED: { ar: 'احتياج تمويلي', fr: 'Besoin de financement', en: 'Financing need' },
  FINANCING_PROGRAMME: { ar: 'برنامج تمويل', fr: 'Programme de financement', en: 'Financing programme' },
  PARTNERSHIP_REQUEST: { ar: 'طلب شراكة', fr: 'Demande de partenariat', en: 'Partnership request' },
};

// Feminine forms agree with فرصة, the opportunity they qualify.
export const OPPORTUNITY_STATUS_LABELS: Record<OpportunityStatus, Labels> = {
  OPEN: { ar: 'مفتوحة', fr: 'Ouverte', en: 'Open' },
  IN_PROGRESS: { ar: 'قيد المعالجة', fr: 'En cours', en: 'In progress' },
  FULFILLED: { ar: 'منجزة', fr: 'Réalisée', en: 'Fulfilled' },
  CANCELLED: { ar: 'ملغاة', fr: 'Annulée', en: 'Cancelled' },
};

export const LANGUAGE_LABELS: Record<SpokenLanguage, Labels> = {
  ar: { ar: 'العربية', fr: 'Arabe', en: 'Arabic' },
  fr: { ar: 'الفرنسية', fr: 'Français', en: 'French' },
  en: { ar: 'الإنجليزية', fr: 'Anglais', en: 'English' },
  es: { ar: 'الإسبانية', fr: 'Espagnol', en: 'Spanish' },
  it: { ar: 'الإيطالية', fr: 'Italien', en: 'Italian' },
  de: { ar: 'الألمانية', fr: 'Allemand', en: 'German' },
  tr: { ar: 'التركية', fr: 'Turc', en: 'Turkish' },
  zh: { ar: 'الصينية', fr: 'Chinois', en: 'Chinese' },
  ber: { ar: 'الأمازيغية', fr: 'Tamazight', en: 'Tamazight (Berber)' },
};

export type VocabularyName =
  | 'kind'
  | 'subtype'
  | 'employeeBand'
  | 'process'
  | 'processFamily'
  | 'certification'
  | 'instrument'
  | 'stage'
  | 'opportunityType'
  | 'opportunityStatus'
  | 'language';

export interface Vocabulary {
  codes: readonly string[];
  labels: Record<string, Labels>;
}

export const VOCABULARIES: Record<VocabularyName, Vocabulary> = {
  kind: { codes: ORGANIZATION_KINDS, labels: KIND_LABELS },
  subtype: { codes: ORGANIZATION_SUBTYPES, labels: SUBTYPE_LABELS },
  employeeBand: { codes: EMPLOYEE_BANDS, labels: EMPLOYEE_BAND_LABELS },
  process: { codes: PROCESSES, labels: PROCESS_LABELS },
  // The families actually used by PROCESS_FAMILY are the codes, so a new family without labels shows up in tests.
  processFamily: { codes: [...new Set(Object.values(PROCESS_FAMILY))], labels: PROCESS_FAMILY_LABELS },
  certification: { codes: CERTIFICATIONS, labels: CERTIFICATION_LABELS },
  instrument: { codes: FINANCING_INSTRUMENTS, labels: INSTRUMENT_LABELS },
  stage: { codes: COMPANY_STAGES, labels: STAGE_LABELS },
  opportunityType: { codes: OPPORTUNITY_TYPES, labels: OPPORTUNITY_TYPE_LABELS },
  opportunityStatus: { codes: OPPORTUNITY_STATUSES, labels: OPPORTUNITY_STATUS_LABELS },
  language: { codes: SPOKEN_LANGUAGES, labels: LANGUAGE_LABELS },
};

/**
 * The label of a code in a language. An unknown code comes back as is, so that a code retired from
 * a list, but still stored on old records, stays displayable.
 */
export function labelOf(vocabulary: VocabularyName, code: string, lang: Lang): string {
  const { labels } = VOCABULARIES[vocabulary];
  return Object.hasOwn(labels, code) ? labels[code][lang] : code;
}
