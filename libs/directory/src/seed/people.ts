import type { OrganizationKind } from '../taxonomy/codes.js';
import type { NameRegion } from './places.js';

/**
 * Names of people and brands. Family names carry their Arabic spelling because founders' names
 * appear in Arabic company names ("مؤسسة مزيان للنجارة"); contact persons are written in Latin
 * script as on business cards handed out at the forum.
 */

export interface Word {
  lat: string;
  ar: string;
}

const w = (lat: string, ar: string): Word => ({ lat, ar });

export interface NamePool {
  male: readonly string[];
  female: readonly string[];
  family: readonly Word[];
}

const MAGHREB_MALE = [
  'Karim',
  'Mohamed',
  'Amine',
  'Yacine',
  'Sofiane',
  'Nabil',
  'Rachid',
  'Samir',
  'Mourad',
  'Farid',
  'Hocine',
  'Walid',
  'Djamel',
  'Abdelkader',
  'Saïd',
  'Mehdi',
  'Hamza',
  'Bilal',
  'Redouane',
  'Lotfi',
  'Nassim',
  'Toufik',
  'Fayçal',
  'Adel',
  'Omar',
  'Youcef',
  'Kamel',
  'Salim',
  'Riad',
  'Abdelhak',
  'Zakaria',
  'Ismaïl',
];
const MAGHREB_FEMALE = [
  'Amina',
  'Nadia',
  'Samia',
  'Leïla',
  'Sabrina',
  'Meriem',
  'Fatima Zohra',
  'Lynda',
  'Nesrine',
  'Imane',
  'Sarah',
  'Khadidja',
  'Houda',
  'Asma',
  'Wafa',
  'Yasmina',
  'Dalila',
  'Souad',
  'Rym',
  'Hanane',
  'Lamia',
  'Kenza',
  'Inès',
  'Soumia',
  'Nawel',
  'Chahinez',
];

export const NAME_POOLS: Record<NameRegion, NamePool> = {
  DZ: {
    male: MAGHREB_MALE,
    female: MAGHREB_FEMALE,
    family: [
      w('Benali', 'بن علي'),
      w('Haddad', 'حداد'),
      w('Mansouri', 'منصوري'),
      w('Belkacem', 'بلقاسم'),
      w('Bouzid', 'بوزيد'),
      w('Meziane', 'مزيان'),
      w('Cherif', 'شريف'),
      w('Saadi', 'سعدي'),
      w('Khelifi', 'خليفي'),
      w('Brahimi', 'براهيمي'),
      w('Hamidi', 'حميدي'),
      w('Amrani', 'عمراني'),
      w('Bensalem', 'بن سالم'),
      w('Zerrouki', 'زروقي'),
      w('Djebbar', 'جبار'),
      w('Ouali', 'والي'),
      w('Rahmani', 'رحماني'),
      w('Benaissa', 'بن عيسى'),
      w('Belhadj', 'بلحاج'),
      w('Kaci', 'قاسي'),
      w('Hadjadj', 'حجاج'),
      w('Slimani', 'سليماني'),
      w('Touati', 'تواتي'),
      w('Benyahia', 'بن يحيى'),
      w('Mebarki', 'مباركي'),
      w('Boukhari', 'بوخاري'),
      w('Lounis', 'لونيس'),
      w('Messaoudi', 'مسعودي'),
      w('Taleb', 'طالب'),
      w('Ferhat', 'فرحات'),
      w('Bouaziz', 'بوعزيز'),
      w('Achour', 'عاشور'),
      w('Sahraoui', 'صحراوي'),
      w('Yahiaoui', 'يحياوي'),
      w('Saidani', 'سعيداني'),
      w('Boudjemaa', 'بوجمعة'),
      w('Zitouni', 'زيتوني'),
      w('Merabet', 'مرابط'),
      w('Chikhi', 'شيخي'),
      w('Aissani', 'عيساني'),
      w('Mokrani', 'مقراني'),
      w('Ait Ahmed', 'آيت أحمد'),
      w('Ould Ali', 'ولد علي'),
      w('Guerfi', 'قرفي'),
      w('Hamadache', 'حمادش'),
      w('Derradji', 'دراجي'),
      w('Bekkouche', 'بكوش'),
      w('Lakhdari', 'لخضاري'),
      w('Kaddour', 'قدور'),
      w('Benamar', 'بن عمر'),
      w('Tebbal', 'طبال'),
      w('Ziani', 'زياني'),
      w('Bouchareb', 'بوشارب'),
      w('Laib', 'لعيب'),
      w('Rezig', 'رزيق'),
      w('Ghanem', 'غانم'),
    ],
  },
  TN: {
    male: [...MAGHREB_MALE.slice(0, 16), 'Hichem', 'Mohamed Ali', 'Anis', 'Sami', 'Wassim', 'Slim', 'Chokri'],
    female: [...MAGHREB_FEMALE.slice(0, 12), 'Sonia', 'Amel', 'Olfa', 'Emna', 'Hend', 'Sawsen'],
    family: [
      w('Ben Salah', 'بن صالح'),
      w('Trabelsi', 'الطرابلسي'),
      w('Jaziri', 'الجزيري'),
      w('Gharbi', 'الغربي'),
      w('Mejri', 'الماجري'),
      w('Chaabane', 'شعبان'),
      w('Karoui', 'القروي'),
      w('Ben Ammar', 'بن عمار'),
      w('Sassi', 'ساسي'),
      w('Hammami', 'الحمامي'),
      w('Jlassi', 'الجلاصي'),
      w('Ayari', 'العياري'),
      w('Dridi', 'الدريدي'),
      w('Ben Youssef', 'بن يوسف'),
      w('Mabrouk', 'مبروك'),
      w('Zouari', 'الزواري'),
      w('Ellouze', 'اللوز'),
      w('Kammoun', 'كمون'),
    ],
  },
  MA: {
    male: [
      'Youssef',
      'Mehdi',
      'Hicham',
      'Anas',
      'Othmane',
      'Karim',
      'Rachid',
      'Adil',
      'Said',
      'Hamza',
      'Reda',
      'Driss',
    ],
    female: [
      'Salma',
      'Zineb',
      'Ghita',
      'Kawtar',
      'Hajar',
      'Nadia',
      'Fatima Ezzahra',
      'Loubna',
      'Meryem',
      'Siham',
    ],
    family: [
      w('El Amrani', 'العمراني'),
      w('Bennani', 'بناني'),
      w('Alaoui', 'العلوي'),
      w('Tazi', 'التازي'),
      w('Berrada', 'برادة'),
      w('Chraibi', 'الشرايبي'),
      w('El Idrissi', 'الإدريسي'),
      w('Benjelloun', 'بنجلون'),
      w('Lahlou', 'لحلو'),
      w('Ouazzani', 'الوزاني'),
      w('Fassi', 'الفاسي'),
      w('Bouhlal', 'بوهلال'),
      w('Sqalli', 'السقلي'),
      w('Naciri', 'الناصري'),
      w('El Khatib', 'الخطيب'),
    ],
  },
  MASHREQ: {
    male: [
      'Ahmed',
      'Mohamed',
      'Khaled',
      'Omar',
      'Tarek',
      'Hassan',
      'Youssef',
      'Ibrahim',
      'Sami',
      'Rami',
      'Hany',
      'Ziad',
    ],
    female: ['Dina', 'Rania', 'Hala', 'Lina', 'Reem', 'Mona', 'Nour', 'Yasmin', 'Maha', 'Rana', 'Salma'],
    family: [
      w('Mansour', 'منصور'),
      w('El-Sayed', 'السيد'),
      w('Farouk', 'فاروق'),
      w('Hassan', 'حسن'),
      w('Mostafa', 'مصطفى'),
      w('Soliman', 'سليمان'),
      w('Khoury', 'الخوري'),
      w('Haddad', 'حداد'),
      w('Nasser', 'ناصر'),
      w('Odeh', 'عودة'),
      w('Hamdan', 'حمدان'),
      w('Khalil', 'خليل'),
      w('Saleh', 'صالح'),
      w('Azzam', 'عزام'),
      w('Shaheen', 'شاهين'),
      w('Zoubi', 'الزعبي'),
    ],
  },
  GULF: {
    male: [
      'Mohammed',
      'Abdullah',
      'Faisal',
      'Saad',
      'Sultan',
      'Khalid',
      'Turki',
      'Nasser',
      'Fahad',
      'Rashid',
      'Majed',
    ],
    female: ['Noura', 'Fatima', 'Reem', 'Maryam', 'Sara', 'Hessa', 'Latifa', 'Aisha', 'Alanoud'],
    family: [
      w('Al-Otaibi', 'العتيبي'),
      w('Al-Qahtani', 'القحطاني'),
      w('Al-Harbi', 'الحربي'),
      w('Al-Zahrani', 'الزهراني'),
      w('Al-Shehri', 'الشهري'),
      w('Al-Mansoori', 'المنصوري'),
      w('Al-Suwaidi', 'السويدي'),
      w('Al-Kaabi', 'الكعبي'),
      w('Al-Hashimi', 'الهاشمي'),
      w('Al-Marri', 'المري'),
      w('Al-Kuwari', 'الكواري'),
      w('Al-Ajmi', 'العجمي'),
      w('Al-Balushi', 'البلوشي'),
      w('Al-Dossari', 'الدوسري'),
    ],
  },
  FR: {
    male: ['Julien', 'Thomas', 'Nicolas', 'Pierre', 'Antoine', 'Mathieu', 'Olivier', 'Karim', 'Sébastien'],
    female: ['Claire', 'Sophie', 'Camille', 'Élodie', 'Julie', 'Nathalie', 'Sarah', 'Céline'],
    family: [
      w('Martin', 'مارتان'),
      w('Dubois', 'دوبوا'),
      w('Bernard', 'برنار'),
      w('Laurent', 'لوران'),
      w('Moreau', 'مورو'),
      w('Lefèvre', 'لوفيفر'),
      w('Girard', 'جيرار'),
      w('Roux', 'رو'),
      w('Fontaine', 'فونتان'),
      w('Mercier', 'مرسييه'),
    ],
  },
  IT: {
    male: ['Marco', 'Luca', 'Andrea', 'Giuseppe', 'Matteo', 'Alessandro', 'Paolo'],
    female: ['Giulia', 'Francesca', 'Chiara', 'Elena', 'Sara', 'Valentina'],
    family: [
      w('Rossi', 'روسي'),
      w('Bianchi', 'بيانكي'),
      w('Romano', 'رومانو'),
      w('Colombo', 'كولومبو'),
      w('Ricci', 'ريتشي'),
      w('Marino', 'مارينو'),
      w('Greco', 'غريكو'),
      w('Ferrari', 'فيراري'),
    ],
  },
  TR: {
    male: ['Emre', 'Mehmet', 'Burak', 'Mustafa', 'Ahmet', 'Can', 'Serkan'],
    female: ['Ayşe', 'Elif', 'Zeynep', 'Merve', 'Fatma', 'Esra'],
    family: [
      w('Yılmaz', 'يلماز'),
      w('Kaya', 'قايا'),
      w('Demir', 'دمير'),
      w('Şahin', 'شاهين'),
      w('Çelik', 'جليك'),
      w('Arslan', 'أرسلان'),
      w('Öztürk', 'أوزتورك'),
      w('Aydın', 'آيدن'),
    ],
  },
  DE: {
    male: ['Stefan', 'Markus', 'Thomas', 'Andreas', 'Jan', 'Tobias', 'Michael'],
    female: ['Anna', 'Julia', 'Katrin', 'Laura', 'Sabine', 'Miriam'],
    family: [
      w('Müller', 'مولر'),
      w('Schmidt', 'شميت'),
      w('Weber', 'فيبر'),
      w('Fischer', 'فيشر'),
      w('Wagner', 'فاغنر'),
      w('Becker', 'بيكر'),
      w('Hoffmann', 'هوفمان'),
      w('Schulz', 'شولتس'),
    ],
  },
  CN: {
    // Chinese names are written family name first.
    male: ['Wei', 'Lei', 'Hao', 'Jun', 'Tao', 'Ming'],
    female: ['Fang', 'Jing', 'Min', 'Yan', 'Li', 'Xiu'],
    family: [
      w('Zhang', 'تشانغ'),
      w('Wang', 'وانغ'),
      w('Li', 'لي'),
      w('Liu', 'ليو'),
      w('Chen', 'تشن'),
      w('Yang', 'يانغ'),
      w('Zhao', 'تشاو'),
      w('Huang', 'هوانغ'),
    ],
  },
};

/**
 * Brand words companies are named after: mountains, rivers, regions and virtues. Regional words
 * stay in their country (Djurdjura in Algeria, Sebou in Morocco, Najd in Saudi Arabia); the
 * others are shared. `bare` is the form without article used in transliterated compounds
 * ("ساحل بلاست").
 */
export interface Brand {
  lat: string;
  ar: string;
  bare?: string;
  /** Countries the word belongs to; shared across the region when absent. */
  only?: readonly string[];
}

const b = (lat: string, ar: string, bare?: string, only?: readonly string[]): Brand => ({
  lat,
  ar,
  ...(bare ? { bare } : {}),
  ...(only ? { only } : {}),
});
const DZ = ['DZ'];
const TN = ['TN'];
const MA = ['MA'];
const SA = ['SA'];
const GULF = ['SA', 'AE', 'QA', 'KW', 'OM', 'BH'];

export const MAGHREB_BRANDS: readonly Brand[] = [
  b('Atlas', 'أطلس'),
  b('Tell', 'التل', 'تل'),
  b('Sahel', 'الساحل', 'ساحل'),
  b('Nour', 'النور', 'نور'),
  b('Amel', 'الأمل', 'أمل'),
  b('Nedjma', 'النجمة', 'نجمة'),
  b('Yasmine', 'الياسمين', 'ياسمين'),
  b('Rimal', 'الرمال', 'رمال'),
  b('Safir', 'السفير', 'سفير'),
  b('Fennec', 'الفنك', 'فنك'),
  b('Afak', 'آفاق'),
  b('Nakhla', 'النخلة', 'نخلة'),
  b('El Waha', 'الواحة', 'واحة'),
  b('Itqane', 'إتقان'),
  b('El Fadjr', 'الفجر', 'فجر'),
  b('El Hikma', 'الحكمة', 'حكمة'),
  b('Rawafid', 'روافد'),
  b('Djurdjura', 'جرجرة', undefined, DZ),
  b('Hodna', 'الحضنة', 'حضنة', DZ),
  b('Babors', 'البابور', 'بابور', DZ),
  b('Aurès', 'الأوراس', 'أوراس', DZ),
  b('Tassili', 'الطاسيلي', 'طاسيلي', DZ),
  b('Hoggar', 'الهقار', 'هقار', DZ),
  b('Numidia', 'نوميديا', undefined, DZ),
  b('Cirta', 'سيرتا', undefined, DZ),
  b('Saldae', 'صلداي', undefined, DZ),
  b('Soummam', 'الصومام', 'صومام', DZ),
  b('Tafna', 'تافنة', undefined, DZ),
  b('Mitidja', 'متيجة', undefined, DZ),
  b('Seybouse', 'سيبوس', undefined, DZ),
  b('Ziban', 'الزيبان', 'زيبان', DZ),
  b('Hidhab', 'الهضاب', 'هضاب', DZ),
  b('Ouarsenis', 'الونشريس', 'ونشريس', DZ),
  b('Dahra', 'الظهرة', 'ظهرة', DZ),
  b('El Bahia', 'الباهية', 'باهية', DZ),
  b('Mazghana', 'مزغنة', undefined, DZ),
  b('Kalaa', 'القلعة', 'قلعة', DZ),
  b('Zaccar', 'زكار', undefined, DZ),
  b('Chenoua', 'شنوة', undefined, DZ),
  b('Edough', 'الإيدوغ', 'إيدوغ', DZ),
  b('Titteri', 'التيطري', 'تيطري', DZ),
  b('Medjerda', 'مجردة', undefined, TN),
  b('Carthage', 'قرطاج', undefined, TN),
  b('Kerkennah', 'قرقنة', undefined, TN),
  b('Djerba', 'جربة', undefined, TN),
  b('Zaghouan', 'زغوان', undefined, TN),
  b('Salammbô', 'صلامبو', undefined, TN),
  b('Rif', 'الريف', 'ريف', MA),
  b('Sebou', 'سبو', undefined, MA),
  b('Anfa', 'أنفا', undefined, MA),
  b('Volubilis', 'وليلي', undefined, MA),
  b('Ifrane', 'إفران', undefined, MA),
  b('Toubkal', 'توبقال', undefined, MA),
  b('Tensift', 'تانسيفت', undefined, MA),
  b('Souss', 'سوس', undefined, MA),
  b('Fezzan', 'فزان', undefined, ['LY']),
  b('Cyrène', 'قورينا', undefined, ['LY']),
  b('Chinguetti', 'شنقيط', undefined, ['MR']),
];

export const MASHREQ_BRANDS: readonly Brand[] = [
  b('Al Fajr', 'الفجر', 'فجر'),
  b('Al Manar', 'المنار', 'منار'),
  b('Al Sharq', 'الشرق', 'شرق'),
  b('Al Itqan', 'الإتقان', 'إتقان'),
  b('Al Riyada', 'الريادة', 'ريادة'),
  b('Al Bayan', 'البيان', 'بيان'),
  b('Al Ufuq', 'الأفق', 'أفق'),
  b('Al Safwa', 'الصفوة', 'صفوة'),
  b('Al Wafa', 'الوفاء', 'وفاء'),
  b('Al Mada', 'المدى', 'مدى'),
  b('Al Bustan', 'البستان', 'بستان'),
  b('Sanabel', 'سنابل'),
  b('Al Rawda', 'الروضة', 'روضة'),
  b('Zahrat Al Sahraa', 'زهرة الصحراء'),
  b('Al Nakheel', 'النخيل', 'نخيل'),
  b('Al Qimma', 'القمة', 'قمة'),
  b('Najd', 'نجد', undefined, SA),
  b('Hijaz', 'الحجاز', 'حجاز', SA),
  b('Tihama', 'تهامة', undefined, SA),
  b('Asir', 'عسير', undefined, SA),
  b('Al Yamamah', 'اليمامة', 'يمامة', SA),
  b('Al Khaleej', 'الخليج', 'خليج', GULF),
  b('Dana', 'دانة', undefined, GULF),
  b('Lulua', 'لؤلؤة', undefined, GULF),
  b('Nile', 'النيل', 'نيل', ['EG']),
  b('Delta', 'الدلتا', 'دلتا', ['EG']),
  b('Sinai', 'سيناء', undefined, ['EG']),
  b('Petra', 'البتراء', 'بتراء', ['JO']),
  b('Wadi Rum', 'وادي رم', undefined, ['JO']),
  b('Arz', 'الأرز', 'أرز', ['LB']),
  b('Dijla', 'دجلة', undefined, ['IQ']),
  b('Furat', 'الفرات', 'فرات', ['IQ']),
];

export const FOREIGN_BRANDS: Record<'FR' | 'IT' | 'TR' | 'DE' | 'CN', readonly Brand[]> = {
  FR: [
    b('Rhône', 'رون'),
    b('Provence', 'بروفانس'),
    b('Garonne', 'غارون'),
    b('Vendôme', 'فاندوم'),
    b('Lumière', 'لوميير'),
    b('Atlantique', 'أتلانتيك'),
    b('Arvor', 'أرفور'),
    b('Vercors', 'فيركور'),
  ],
  IT: [
    b('Adriatica', 'أدرياتيكا'),
    b('Padana', 'بادانا'),
    b('Tirrena', 'تيرينا'),
    b('Dolomiti', 'دولوميتي'),
    b('Lario', 'لاريو'),
  ],
  TR: [
    b('Anadolu', 'أناضولو'),
    b('Ege', 'إيجه'),
    b('Marmara', 'مرمرة'),
    b('Toros', 'طوروس'),
    b('Kapadokya', 'كابادوكيا'),
  ],
  DE: [
    b('Rhein', 'راين'),
    b('Neckar', 'نيكار'),
    b('Schwarzwald', 'شفارتسفالد'),
    b('Elbe', 'إلبه'),
    b('Isar', 'إيزار'),
  ],
  CN: [
    b('Huaxin', 'هواشين'),
    b('Zhongda', 'تشونغدا'),
    b('Jinlong', 'جينلونغ'),
    b('Hengtai', 'هنغتاي'),
    b('Tianyuan', 'تيانيوان'),
  ],
};

/**
 * Brand words of financial institutions, kept apart from company brands and chosen so that no
 * generated bank is named like an existing one.
 */
export const FINANCE_BRANDS: readonly Brand[] = [
  b('Sanabil', 'سنابل'),
  b('Rawafid', 'روافد'),
  b('Tamkine', 'تمكين'),
  b('Iktifa', 'اكتفاء'),
  b('Wiam', 'وئام'),
  b('Ithmar', 'إثمار'),
  b('Nama', 'نماء'),
  b('Tadawul', 'تداول'),
  b('Yusr', 'يسر'),
  b('Thiqa', 'ثقة'),
  b('Rusukh', 'رسوخ'),
  b('Tassili', 'الطاسيلي', undefined, DZ),
  b('Hidhab', 'الهضاب', undefined, DZ),
  b('Mitidja', 'متيجة', undefined, DZ),
  b('Cirta', 'سيرتا', undefined, DZ),
  b('Tafna', 'تافنة', undefined, DZ),
  b('Ziban', 'الزيبان', undefined, DZ),
  b('Numidia', 'نوميديا', undefined, DZ),
  b('Ouarsenis', 'الونشريس', undefined, DZ),
  b('Medjerda', 'مجردة', undefined, TN),
  b('Sebou', 'سبو', undefined, MA),
  b('Najd', 'نجد', undefined, SA),
];

/** The brand words a record of `country` may use: shared words and its own. */
export function brandPool(country: { code: string; arab: boolean }, finance: boolean): readonly Brand[] {
  if (!country.arab) {
    const own = FOREIGN_BRANDS[country.code as keyof typeof FOREIGN_BRANDS];
    if (own) return own;
  }
  const pool = finance
    ? FINANCE_BRANDS
    : ['DZ', 'TN', 'MA', 'LY', 'MR'].includes(country.code)
      ? MAGHREB_BRANDS
      : MASHREQ_BRANDS;
  return pool.filter((x) => !x.only || x.only.includes(country.code));
}

export interface Role {
  /** French, masculine and feminine. */
  frM: string;
  frF: string;
  en: string;
}

const r = (frM: string, frF: string, en: string): Role => ({ frM, frF, en });

export const ROLES: Record<OrganizationKind, readonly Role[]> = {
  SME: [
    r('Gérant', 'Gérante', 'Managing Director'),
    r('Directeur général', 'Directrice générale', 'General Manager'),
    r('Responsable commercial', 'Responsable commerciale', 'Sales Manager'),
    r('Directeur technique', 'Directrice technique', 'Technical Director'),
    r('Responsable qualité', 'Responsable qualité', 'Quality Manager'),
    r('Directeur de production', 'Directrice de production', 'Production Manager'),
  ],
  LARGE_FIRM: [
    r('Directeur des achats', 'Directrice des achats', 'Purchasing Director'),
    r('Responsable sous-traitance', 'Responsable sous-traitance', 'Subcontracting Manager'),
    r('Acheteur industriel', 'Acheteuse industrielle', 'Industrial Buyer'),
    r('Directeur supply chain', 'Directrice supply chain', 'Supply Chain Director'),
    r(
      'Responsable développement fournisseurs',
      'Responsable développement fournisseurs',
      'Supplier Development Manager',
    ),
    r('Directeur de la stratégie', 'Directrice de la stratégie', 'Head of Strategy'),
  ],
  SUPPORT_INSTITUTION: [
    r('Directeur', 'Directrice', 'Director'),
    r("Chargé d'accompagnement", "Chargée d'accompagnement", 'Business Support Officer'),
    r('Responsable des programmes', 'Responsable des programmes', 'Programme Manager'),
    r('Chargé de partenariats', 'Chargée de partenariats', 'Partnerships Officer'),
  ],
  FINANCIER: [
    r("Chargé d'affaires PME", "Chargée d'affaires PME", 'SME Relationship Manager'),
    r("Directeur d'agence", "Directrice d'agence", 'Branch Manager'),
    r(
      'Responsable financement des entreprises',
      'Responsable financement des entreprises',
      'Head of Corporate Finance',
    ),
    r('Analyste crédit', 'Analyste crédit', 'Credit Analyst'),
    r("Chargé d'investissement", "Chargée d'investissement", 'Investment Officer'),
  ],
  PUBLIC_BODY: [
    r('Directeur', 'Directrice', 'Director'),
    r('Sous-directeur de la PME', 'Sous-directrice de la PME', 'Deputy Director for SMEs'),
    r('Chef de service', 'Cheffe de service', 'Head of Department'),
    r('Chargé de la sous-traitance', 'Chargée de la sous-traitance', 'Subcontracting Officer'),
  ],
};
