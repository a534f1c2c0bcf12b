import type { CURRENCIES, SPOKEN_LANGUAGES } from '../taxonomy/codes.js';
import { WILAYAS } from '../taxonomy/taxonomy.js';
import type { Tri } from './text.js';

/**
 * Where generated organisations are: Algerian wilayas and communes (weighted toward the big
 * industrial wilayas), cities of the other Arab League members, and a few partner countries.
 * Names are given in the three content languages because they appear inside organisation names.
 */

export type Currency = (typeof CURRENCIES)[number];
export type SpokenLanguage = (typeof SPOKEN_LANGUAGES)[number];

export interface Nationality {
  /** French adjective, feminine then masculine, lower case: "algérienne", "algérien". */
  frF: string;
  frM: string;
  /** Arabic adjective without article, feminine then masculine: "جزائرية", "جزائري". */
  arF: string;
  arM: string;
  en: string;
  /** First element of French compounds: "Algéro-" in "Chambre Algéro-Tunisienne". */
  frPrefix: string;
}

export interface City {
  name: Tri;
  /** Free-text region for countries without region codes. */
  region: string;
  /** Landline pattern, '#' being a random digit. */
  phone: string;
}

export interface CountryProfile {
  code: string;
  nat: Nationality;
  /** French is a working language there: free-text tags and roles are written in French. */
  francophone: boolean;
  /** Maghreb month names in Arabic dates (جوان rather than يونيو). */
  maghreb: boolean;
  arab: boolean;
  currency: Currency;
  tld: string;
  govTld: string;
  /** Legal form written before the name (SARL Atlas Emballage) or after it (Atlas Packaging LLC). */
  smeForms: readonly string[];
  largeForm: string;
  formFirst: boolean;
  spoken: readonly SpokenLanguage[];
  cities: readonly City[];
  /** Family of names used for contacts and founders. */
  names: NameRegion;
  /** Weight among non-Algerian records. */
  weight: number;
}

export type NameRegion = 'DZ' | 'TN' | 'MA' | 'MASHREQ' | 'GULF' | 'FR' | 'IT' | 'TR' | 'DE' | 'CN';

const city = (ar: string, fr: string, en: string, region: string, phone: string): City => ({
  name: { ar, fr, en },
  region,
  phone,
});

const nat = (
  frF: string,
  frM: string,
  arF: string,
  arM: string,
  en: string,
  frPrefix: string,
): Nationality => ({
  frF,
  frM,
  arF,
  arM,
  en,
  frPrefix,
});

export const ALGERIA: CountryProfile = {
  code: 'DZ',
  nat: nat('algérienne', 'algérien', 'جزائرية', 'جزائري', 'Algerian', 'Algéro'),
  francophone: true,
  maghreb: true,
  arab: true,
  currency: 'DZD',
  tld: 'dz',
  govTld: 'gov.dz',
  smeForms: ['SARL', 'SARL', 'SARL', 'EURL', 'EURL', 'SPA', 'SNC'],
  largeForm: 'SPA',
  formFirst: true,
  spoken: ['ar', 'fr'],
  cities: [],
  names: 'DZ',
  weight: 0,
};

export const FOREIGN_COUNTRIES: readonly CountryProfile[] = [
  {
    code: 'TN',
    nat: nat('tunisienne', 'tunisien', 'تونسية', 'تونسي', 'Tunisian', 'Tuniso'),
    francophone: true,
    maghreb: true,
    arab: true,
    currency: 'TND',
    tld: 'tn',
    govTld: 'gov.tn',
    smeForms: ['SARL', 'SARL', 'SUARL', 'SA'],
    largeForm: 'SA',
    formFirst: true,
    spoken: ['ar', 'fr'],
    cities: [
      city('تونس', 'Tunis', 'Tunis', 'Tunis', '+216 71 ### ###'),
      city('صفاقس', 'Sfax', 'Sfax', 'Sfax', '+216 74 ### ###'),
      city('سوسة', 'Sousse', 'Sousse', 'Sousse', '+216 73 ### ###'),
      city('بنزرت', 'Bizerte', 'Bizerte', 'Bizerte', '+216 72 ### ###'),
      city('المنستير', 'Monastir', 'Monastir', 'Monastir', '+216 73 ### ###'),
      city('نابل', 'Nabeul', 'Nabeul', 'Nabeul', '+216 72 ### ###'),
      city('بن عروس', 'Ben Arous', 'Ben Arous', 'Ben Arous', '+216 79 ### ###'),
    ],
    names: 'TN',
    weight: 8,
  },
  {
    code: 'MA',
    nat: nat('marocaine', 'marocain', 'مغربية', 'مغربي', 'Moroccan', 'Maroco'),
    francophone: true,
    maghreb: true,
    arab: true,
    currency: 'MAD',
    tld: 'ma',
    govTld: 'gov.ma',
    smeForms: ['SARL', 'SARL', 'SARL AU', 'SA'],
    largeForm: 'SA',
    formFirst: true,
    spoken: ['ar', 'fr'],
    cities: [
      city('الدار البيضاء', 'Casablanca', 'Casablanca', 'Casablanca-Settat', '+212 522 ## ## ##'),
      city('طنجة', 'Tanger', 'Tangier', 'Tanger-Tétouan-Al Hoceïma', '+212 539 ## ## ##'),
      city('القنيطرة', 'Kénitra', 'Kenitra', 'Rabat-Salé-Kénitra', '+212 537 ## ## ##'),
      city('الرباط', 'Rabat', 'Rabat', 'Rabat-Salé-Kénitra', '+212 537 ## ## ##'),
      city('فاس', 'Fès', 'Fez', 'Fès-Meknès', '+212 535 ## ## ##'),
      city('أكادير', 'Agadir', 'Agadir', 'Souss-Massa', '+212 528 ## ## ##'),
      city('مراكش', 'Marrakech', 'Marrakesh', 'Marrakech-Safi', '+212 524 ## ## ##'),
    ],
    names: 'MA',
    weight: 8,
  },
  {
    code: 'EG',
    nat: nat('égyptienne', 'égyptien', 'مصرية', 'مصري', 'Egyptian', 'Égypto'),
    francophone: false,
    maghreb: false,
    arab: true,
    currency: 'EGP',
    tld: 'com.eg',
    govTld: 'gov.eg',
    smeForms: ['LLC', 'S.A.E.', 'Co.'],
    largeForm: 'S.A.E.',
    formFirst: false,
    spoken: ['ar', 'en'],
    cities: [
      city('القاهرة', 'Le Caire', 'Cairo', 'Cairo Governorate', '+20 2 #### ####'),
      city('الإسكندرية', 'Alexandrie', 'Alexandria', 'Alexandria Governorate', '+20 3 ### ####'),
      city(
        'مدينة العاشر من رمضان',
        '10-Ramadan',
        '10th of Ramadan City',
        'Sharqia Governorate',
        '+20 55 ### ####',
      ),
      city(
        'مدينة السادس من أكتوبر',
        '6-Octobre',
        '6th of October City',
        'Giza Governorate',
        '+20 2 #### ####',
      ),
      city('بورسعيد', 'Port-Saïd', 'Port Said', 'Port Said Governorate', '+20 66 ### ####'),
    ],
    names: 'MASHREQ',
    weight: 6,
  },
  {
    code: 'SA',
    nat: nat('saoudienne', 'saoudien', 'سعودية', 'سعودي', 'Saudi', 'Saoudo'),
    francophone: false,
    maghreb: false,
    arab: true,
    currency: 'SAR',
    tld: 'com.sa',
    govTld: 'gov.sa',
    smeForms: ['Co.', 'LLC', 'Factory'],
    largeForm: 'Co.',
    formFirst: false,
    spoken: ['ar', 'en'],
    cities: [
      city('الرياض', 'Riyad', 'Riyadh', 'Riyadh Province', '+966 11 ### ####'),
      city('جدة', 'Djeddah', 'Jeddah', 'Makkah Province', '+966 12 ### ####'),
      city('الدمام', 'Dammam', 'Dammam', 'Eastern Province', '+966 13 ### ####'),
      city('الجبيل', 'Jubail', 'Jubail', 'Eastern Province', '+966 13 ### ####'),
    ],
    names: 'GULF',
    weight: 5,
  },
  {
    code: 'AE',
    nat: nat('émiratie', 'émirati', 'إماراتية', 'إماراتي', 'Emirati', 'Émirato'),
    francophone: false,
    maghreb: false,
    arab: true,
    currency: 'AED',
    tld: 'ae',
    govTld: 'gov.ae',
    smeForms: ['LLC', 'FZE', 'FZCO'],
    largeForm: 'PJSC',
    formFirst: false,
    spoken: ['ar', 'en'],
    cities: [
      city('دبي', 'Dubaï', 'Dubai', 'Dubai', '+971 4 ### ####'),
      city('أبوظبي', 'Abou Dabi', 'Abu Dhabi', 'Abu Dhabi', '+971 2 ### ####'),
      city('الشارقة', 'Charjah', 'Sharjah', 'Sharjah', '+971 6 ### ####'),
    ],
    names: 'GULF',
    weight: 4,
  },
  {
    code: 'JO',
    nat: nat('jordanienne', 'jordanien', 'أردنية', 'أردني', 'Jordanian', 'Jordano'),
    francophone: false,
    maghreb: false,
    arab: true,
    currency: 'JOD',
    tld: 'com.jo',
    govTld: 'gov.jo',
    smeForms: ['LLC', 'Co.'],
    largeForm: 'PSC',
    formFirst: false,
    spoken: ['ar', 'en'],
    cities: [
      city('عمّان', 'Amman', 'Amman', 'Amman Governorate', '+962 6 ### ####'),
      city('الزرقاء', 'Zarqa', 'Zarqa', 'Zarqa Governorate', '+962 5 ### ####'),
      city('إربد', 'Irbid', 'Irbid', 'Irbid Governorate', '+962 2 ### ####'),
    ],
    names: 'MASHREQ',
    weight: 2.5,
  },
  {
    code: 'QA',
    nat: nat('qatarie', 'qatari', 'قطرية', 'قطري', 'Qatari', 'Qataro'),
    francophone: false,
    maghreb: false,
    arab: true,
    currency: 'QAR',
    tld: 'com.qa',
    govTld: 'gov.qa',
    smeForms: ['WLL', 'LLC'],
    largeForm: 'QPSC',
    formFirst: false,
    spoken: ['ar', 'en'],
    cities: [
      city('الدوحة', 'Doha', 'Doha', 'Ad Dawhah', '+974 44## ####'),
      city('الوكرة', 'Al Wakrah', 'Al Wakrah', 'Al Wakrah', '+974 44## ####'),
    ],
    names: 'GULF',
    weight: 2,
  },
  {
    code: 'LY',
    nat: nat('libyenne', 'libyen', 'ليبية', 'ليبي', 'Libyan', 'Libyo'),
    francophone: false,
    maghreb: true,
    arab: true,
    currency: 'LYD',
    tld: 'ly',
    govTld: 'gov.ly',
    smeForms: ['Co.', 'JSC'],
    largeForm: 'JSC',
    formFirst: false,
    spoken: ['ar', 'en'],
    cities: [
      city('طرابلس', 'Tripoli', 'Tripoli', 'Tripoli', '+218 21 ### ####'),
      city('مصراتة', 'Misrata', 'Misrata', 'Misrata', '+218 51 ### ####'),
      city('بنغازي', 'Benghazi', 'Benghazi', 'Benghazi', '+218 61 ### ####'),
    ],
    names: 'TN',
    weight: 1.5,
  },
  {
    code: 'MR',
    nat: nat('mauritanienne', 'mauritanien', 'موريتانية', 'موريتاني', 'Mauritanian', 'Mauritano'),
    francophone: true,
    maghreb: true,
    arab: true,
    currency: 'MRU',
    tld: 'mr',
    govTld: 'gov.mr',
    smeForms: ['SARL', 'SA'],
    largeForm: 'SA',
    formFirst: true,
    spoken: ['ar', 'fr'],
    cities: [
      city('نواكشوط', 'Nouakchott', 'Nouakchott', 'Nouakchott', '+222 45 ## ## ##'),
      city('نواذيبو', 'Nouadhibou', 'Nouadhibou', 'Dakhlet Nouadhibou', '+222 45 ## ## ##'),
    ],
    names: 'MA',
    weight: 1,
  },
  {
    code: 'LB',
    nat: nat('libanaise', 'libanais', 'لبنانية', 'لبناني', 'Lebanese', 'Libano'),
    francophone: true,
    maghreb: false,
    arab: true,
    currency: 'USD',
    tld: 'com.lb',
    govTld: 'gov.lb',
    smeForms: ['SARL', 'SAL'],
    largeForm: 'SAL',
    formFirst: false,
    spoken: ['ar', 'fr', 'en'],
    cities: [
      city('بيروت', 'Beyrouth', 'Beirut', 'Beirut', '+961 1 ### ###'),
      city('طرابلس', 'Tripoli', 'Tripoli', 'North Lebanon', '+961 6 ### ###'),
    ],
    names: 'MASHREQ',
    weight: 1.2,
  },
  {
    code: 'KW',
    nat: nat('koweïtienne', 'koweïtien', 'كويتية', 'كويتي', 'Kuwaiti', 'Koweïto'),
    francophone: false,
    maghreb: false,
    arab: true,
    currency: 'KWD',
    tld: 'com.kw',
    govTld: 'gov.kw',
    smeForms: ['WLL', 'Co.'],
    largeForm: 'KSCP',
    formFirst: false,
    spoken: ['ar', 'en'],
    cities: [city('مدينة الكويت', 'Koweït', 'Kuwait City', 'Al Asimah', '+965 22## ####')],
    names: 'GULF',
    weight: 0.8,
  },
  {
    code: 'OM',
    nat: nat('omanaise', 'omanais', 'عمانية', 'عماني', 'Omani', 'Omano'),
    francophone: false,
    maghreb: false,
    arab: true,
    currency: 'OMR',
    tld: 'om',
    govTld: 'gov.om',
    smeForms: ['LLC', 'SPC'],
    largeForm: 'SAOG',
    formFirst: false,
    spoken: ['ar', 'en'],
    cities: [
      city('مسقط', 'Mascate', 'Muscat', 'Muscat Governorate', '+968 24 ### ###'),
      city('صحار', 'Sohar', 'Sohar', 'North Al Batinah', '+968 26 ### ###'),
    ],
    names: 'GULF',
    weight: 0.8,
  },
  {
    code: 'BH',
    nat: nat('bahreïnie', 'bahreïni', 'بحرينية', 'بحريني', 'Bahraini', 'Bahreïno'),
    francophone: false,
    maghreb: false,
    arab: true,
    currency: 'BHD',
    tld: 'com.bh',
    govTld: 'gov.bh',
    smeForms: ['WLL', 'SPC'],
    largeForm: 'BSC',
    formFirst: false,
    spoken: ['ar', 'en'],
    cities: [city('المنامة', 'Manama', 'Manama', 'Capital Governorate', '+973 17## ####')],
    names: 'GULF',
    weight: 0.5,
  },
  {
    code: 'IQ',
    nat: nat('irakienne', 'irakien', 'عراقية', 'عراقي', 'Iraqi', 'Irako'),
    francophone: false,
    maghreb: false,
    arab: true,
    currency: 'IQD',
    tld: 'iq',
    govTld: 'gov.iq',
    smeForms: ['LLC', 'Co.'],
    largeForm: 'Co.',
    formFirst: false,
    spoken: ['ar', 'en'],
    cities: [
      city('بغداد', 'Bagdad', 'Baghdad', 'Baghdad Governorate', '+964 1 ### ####'),
      city('أربيل', 'Erbil', 'Erbil', 'Kurdistan Region', '+964 66 ### ####'),
      city('البصرة', 'Bassorah', 'Basra', 'Basra Governorate', '+964 40 ### ####'),
    ],
    names: 'MASHREQ',
    weight: 1,
  },
  {
    code: 'FR',
    nat: nat('française', 'français', 'فرنسية', 'فرنسي', 'French', 'Franco'),
    francophone: true,
    maghreb: false,
    arab: false,
    currency: 'EUR',
    tld: 'fr',
    govTld: 'gouv.fr',
    smeForms: ['SAS', 'SARL', 'SAS'],
    largeForm: 'SA',
    formFirst: false,
    spoken: ['fr', 'en'],
    cities: [
      city('ليون', 'Lyon', 'Lyon', 'Auvergne-Rhône-Alpes', '+33 4 ## ## ## ##'),
      city('مرسيليا', 'Marseille', 'Marseille', "Provence-Alpes-Côte d'Azur", '+33 4 ## ## ## ##'),
      city('تولوز', 'Toulouse', 'Toulouse', 'Occitanie', '+33 5 ## ## ## ##'),
      city('باريس', 'Paris', 'Paris', 'Île-de-France', '+33 1 ## ## ## ##'),
    ],
    names: 'FR',
    weight: 2.2,
  },
  {
    code: 'IT',
    nat: nat('italienne', 'italien', 'إيطالية', 'إيطالي', 'Italian', 'Italo'),
    francophone: false,
    maghreb: false,
    arab: false,
    currency: 'EUR',
    tld: 'it',
    govTld: 'gov.it',
    smeForms: ['S.r.l.', 'S.r.l.', 'S.p.A.'],
    largeForm: 'S.p.A.',
    formFirst: false,
    spoken: ['it', 'en'],
    cities: [
      city('ميلانو', 'Milan', 'Milan', 'Lombardy', '+39 02 #### ####'),
      city('تورينو', 'Turin', 'Turin', 'Piedmont', '+39 011 ### ####'),
      city('بولونيا', 'Bologne', 'Bologna', 'Emilia-Romagna', '+39 051 ### ####'),
    ],
    names: 'IT',
    weight: 1.4,
  },
  {
    code: 'TR',
    nat: nat('turque', 'turc', 'تركية', 'تركي', 'Turkish', 'Turco'),
    francophone: false,
    maghreb: false,
    arab: false,
    currency: 'USD',
    tld: 'com.tr',
    govTld: 'gov.tr',
    smeForms: ['Ltd. Şti.', 'A.Ş.'],
    largeForm: 'A.Ş.',
    formFirst: false,
    spoken: ['tr', 'en'],
    cities: [
      city('إسطنبول', 'Istanbul', 'Istanbul', 'Istanbul', '+90 212 ### ## ##'),
      city('بورصة', 'Bursa', 'Bursa', 'Bursa', '+90 224 ### ## ##'),
      city('إزمير', 'Izmir', 'Izmir', 'İzmir', '+90 232 ### ## ##'),
      city('غازي عنتاب', 'Gaziantep', 'Gaziantep', 'Gaziantep', '+90 342 ### ## ##'),
    ],
    names: 'TR',
    weight: 1.8,
  },
  {
    code: 'DE',
    nat: nat('allemande', 'allemand', 'ألمانية', 'ألماني', 'German', 'Germano'),
    francophone: false,
    maghreb: false,
    arab: false,
    currency: 'EUR',
    tld: 'de',
    govTld: 'bund.de',
    smeForms: ['GmbH', 'GmbH', 'KG'],
    largeForm: 'AG',
    formFirst: false,
    spoken: ['de', 'en'],
    cities: [
      city('شتوتغارت', 'Stuttgart', 'Stuttgart', 'Baden-Württemberg', '+49 711 #######'),
      city('ميونخ', 'Munich', 'Munich', 'Bavaria', '+49 89 ########'),
      city('دوسلدورف', 'Düsseldorf', 'Düsseldorf', 'North Rhine-Westphalia', '+49 211 #######'),
    ],
    names: 'DE',
    weight: 1,
  },
  {
    code: 'CN',
    nat: nat('chinoise', 'chinois', 'صينية', 'صيني', 'Chinese', 'Sino'),
    francophone: false,
    maghreb: false,
    arab: false,
    currency: 'USD',
    tld: 'cn',
    govTld: 'gov.cn',
    smeForms: ['Co., Ltd.'],
    largeForm: 'Co., Ltd.',
    formFirst: false,
    spoken: ['zh', 'en'],
    cities: [
      city('شنتشن', 'Shenzhen', 'Shenzhen', 'Guangdong', '+86 755 #### ####'),
      city('نينغبو', 'Ningbo', 'Ningbo', 'Zhejiang', '+86 574 #### ####'),
      city('سوتشو', 'Suzhou', 'Suzhou', 'Jiangsu', '+86 512 #### ####'),
    ],
    names: 'CN',
    weight: 1.2,
  },
];

export const COUNTRY_PROFILES: ReadonlyMap<string, CountryProfile> = new Map(
  [ALGERIA, ...FOREIGN_COUNTRIES].map((c) => [c.code, c]),
);

/**
 * Weights of the wilayas: the ten big industrial ones first, a middle tier of regional centres,
 * the rest of the 58 historical wilayas, and the newest wilayas (59–69) rarely.
 */
const BIG_WILAYAS: Record<string, number> = {
  'DZ-16': 20,
  'DZ-31': 10,
  'DZ-19': 7,
  'DZ-09': 6,
  'DZ-25': 5,
  'DZ-06': 5,
  'DZ-23': 4,
  'DZ-35': 4,
  'DZ-15': 3.5,
  'DZ-34': 3.5,
};
const MIDDLE_WILAYAS = new Set([
  'DZ-02',
  'DZ-05',
  'DZ-07',
  'DZ-10',
  'DZ-13',
  'DZ-21',
  'DZ-22',
  'DZ-26',
  'DZ-27',
  'DZ-30',
  'DZ-42',
  'DZ-47',
]);

export const WILAYA_WEIGHTS: readonly (readonly [string, number])[] = WILAYAS.map((w) => [
  w.code,
  BIG_WILAYAS[w.code] ?? (MIDDLE_WILAYAS.has(w.code) ? 1.2 : w.iso ? 0.45 : 0.12),
]);

/** Landline area codes of Algerian wilayas; others draw from the interior codes. */
export const DZ_AREA_CODES: Record<string, readonly string[]> = {
  'DZ-16': ['21', '23'],
  'DZ-31': ['41'],
  'DZ-19': ['36'],
  'DZ-09': ['25'],
  'DZ-25': ['31'],
  'DZ-06': ['34'],
  'DZ-23': ['38'],
  'DZ-35': ['24'],
  'DZ-15': ['26'],
  'DZ-34': ['35'],
  'DZ-13': ['43'],
  'DZ-22': ['48'],
  'DZ-21': ['38'],
  'DZ-05': ['33'],
  'DZ-07': ['33'],
  'DZ-30': ['29'],
  'DZ-27': ['45'],
  'DZ-02': ['27'],
  'DZ-26': ['25'],
  'DZ-10': ['26'],
  'DZ-42': ['24'],
  'DZ-47': ['29'],
};
export const DZ_OTHER_AREA_CODES = [
  '27',
  '29',
  '32',
  '33',
  '37',
  '43',
  '44',
  '45',
  '46',
  '48',
  '49',
] as const;
export const DZ_MOBILE_PREFIXES = [
  '550',
  '551',
  '555',
  '560',
  '661',
  '662',
  '665',
  '698',
  '770',
  '771',
  '772',
  '790',
];

/** Communes of the big wilayas where industry concentrates; other wilayas use their chief town. */
export const DZ_COMMUNES: Record<string, readonly Tri[]> = {
  'DZ-16': [
    { ar: 'الجزائر', fr: 'Alger', en: 'Algiers' },
    { ar: 'الرويبة', fr: 'Rouiba', en: 'Rouiba' },
    { ar: 'الدار البيضاء', fr: 'Dar El Beïda', en: 'Dar El Beida' },
    { ar: 'باب الزوار', fr: 'Bab Ezzouar', en: 'Bab Ezzouar' },
    { ar: 'سيدي عبد الله', fr: 'Sidi Abdellah', en: 'Sidi Abdellah' },
    { ar: 'الشراقة', fr: 'Chéraga', en: 'Cheraga' },
    { ar: 'بابا علي', fr: 'Baba Ali', en: 'Baba Ali' },
    { ar: 'وادي السمار', fr: 'Oued Smar', en: 'Oued Smar' },
    { ar: 'الرغاية', fr: 'Reghaïa', en: 'Reghaia' },
    { ar: 'حسين داي', fr: 'Hussein Dey', en: 'Hussein Dey' },
    { ar: 'بئر خادم', fr: 'Birkhadem', en: 'Birkhadem' },
    { ar: 'حيدرة', fr: 'Hydra', en: 'Hydra' },
  ],
  'DZ-31': [
    { ar: 'وهران', fr: 'Oran', en: 'Oran' },
    { ar: 'السانية', fr: 'Es Sénia', en: 'Es Senia' },
    { ar: 'أرزيو', fr: 'Arzew', en: 'Arzew' },
    { ar: 'بئر الجير', fr: 'Bir El Djir', en: 'Bir El Djir' },
    { ar: 'حاسي عامر', fr: 'Hassi Ameur', en: 'Hassi Ameur' },
    { ar: 'بطيوة', fr: 'Bethioua', en: 'Bethioua' },
  ],
  'DZ-19': [
    { ar: 'سطيف', fr: 'Sétif', en: 'Setif' },
    { ar: 'العلمة', fr: 'El Eulma', en: 'El Eulma' },
    { ar: 'عين ولمان', fr: 'Aïn Oulmene', en: 'Ain Oulmene' },
    { ar: 'عين أرنات', fr: 'Aïn Arnat', en: 'Ain Arnat' },
  ],
  'DZ-09': [
    { ar: 'البليدة', fr: 'Blida', en: 'Blida' },
    { ar: 'بوفاريك', fr: 'Boufarik', en: 'Boufarik' },
    { ar: 'أولاد يعيش', fr: 'Ouled Yaïch', en: 'Ouled Yaich' },
    { ar: 'الأربعاء', fr: 'Larbaâ', en: 'Larbaa' },
    { ar: 'بني تامو', fr: 'Beni Tamou', en: 'Beni Tamou' },
  ],
  'DZ-25': [
    { ar: 'قسنطينة', fr: 'Constantine', en: 'Constantine' },
    { ar: 'الخروب', fr: 'El Khroub', en: 'El Khroub' },
    { ar: 'علي منجلي', fr: 'Ali Mendjeli', en: 'Ali Mendjeli' },
    { ar: 'ديدوش مراد', fr: 'Didouche Mourad', en: 'Didouche Mourad' },
  ],
  'DZ-06': [
    { ar: 'بجاية', fr: 'Béjaïa', en: 'Bejaia' },
    { ar: 'أقبو', fr: 'Akbou', en: 'Akbou' },
    { ar: 'القصر', fr: 'El Kseur', en: 'El Kseur' },
    { ar: 'سيدي عيش', fr: 'Sidi Aïch', en: 'Sidi Aich' },
  ],
  'DZ-23': [
    { ar: 'عنابة', fr: 'Annaba', en: 'Annaba' },
    { ar: 'الحجار', fr: 'El Hadjar', en: 'El Hadjar' },
    { ar: 'البوني', fr: 'El Bouni', en: 'El Bouni' },
    { ar: 'برحال', fr: 'Berrahal', en: 'Berrahal' },
  ],
  'DZ-35': [
    { ar: 'بومرداس', fr: 'Boumerdès', en: 'Boumerdes' },
    { ar: 'برج منايل', fr: 'Bordj Menaïel', en: 'Bordj Menaiel' },
    { ar: 'خميس الخشنة', fr: 'Khemis El Khechna', en: 'Khemis El Khechna' },
    { ar: 'أولاد موسى', fr: 'Ouled Moussa', en: 'Ouled Moussa' },
  ],
  'DZ-15': [
    { ar: 'تيزي وزو', fr: 'Tizi Ouzou', en: 'Tizi Ouzou' },
    { ar: 'عزازقة', fr: 'Azazga', en: 'Azazga' },
    { ar: 'ذراع بن خدة', fr: 'Draâ Ben Khedda', en: 'Draa Ben Khedda' },
    { ar: 'واد عيسي', fr: 'Oued Aïssi', en: 'Oued Aissi' },
  ],
  'DZ-34': [
    { ar: 'برج بوعريريج', fr: 'Bordj Bou Arreridj', en: 'Bordj Bou Arreridj' },
    { ar: 'رأس الوادي', fr: 'Ras El Oued', en: 'Ras El Oued' },
    { ar: 'العناصر', fr: 'El Anasser', en: 'El Anasser' },
    { ar: 'مجانة', fr: 'Medjana', en: 'Medjana' },
  ],
  'DZ-13': [
    { ar: 'تلمسان', fr: 'Tlemcen', en: 'Tlemcen' },
    { ar: 'مغنية', fr: 'Maghnia', en: 'Maghnia' },
  ],
  'DZ-30': [
    { ar: 'ورقلة', fr: 'Ouargla', en: 'Ouargla' },
    { ar: 'حاسي مسعود', fr: 'Hassi Messaoud', en: 'Hassi Messaoud' },
  ],
  'DZ-21': [
    { ar: 'سكيكدة', fr: 'Skikda', en: 'Skikda' },
    { ar: 'عزابة', fr: 'Azzaba', en: 'Azzaba' },
  ],
};

/** Berber (Tamazight) is a common working language in Kabylie and the Aurès. */
export const BERBER_WILAYAS = new Set(['DZ-15', 'DZ-06', 'DZ-10', 'DZ-05', 'DZ-35']);
