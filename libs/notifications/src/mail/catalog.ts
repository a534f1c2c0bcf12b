import type { Locale, MailTemplate } from '#identity';

/** What one message says in one language; `{name}` is replaced by the parameter of that name. */
export interface MessageTexts {
  subject: string;
  /** Paragraphs, in order. */
  lines: string[];
  /** The label of the message's button (its link is the template's `path`). */
  action?: string;
}

export interface MessageKind {
  /** Web route under PUBLIC_URL the message links to (docs/NOTIFICATIONS.md lists them). */
  path?: string;
  /** Whether the message shows the `{token}` code in a box of its own. */
  code?: boolean;
  texts: Record<Locale, MessageTexts>;
}

/** Parameters that are credentials: shown to the recipient only, replaced in every stored copy. */
export const SECRET_PARAMS = ['token', 'unsubscribe'] as const;

/** The web app's page where a person chooses the emails they receive (linked from every notice that can be turned off). */
export const PREFERENCES_PATH = '/account/notifications';

/** What a stored copy shows instead of a code or a link's token. */
export const REDACTED = '[hidden]';

/** Words of the layout around every message. */
export const LAYOUT_TEXTS: Record<
  Locale,
  { code: string; link: string; footer: string; unsubscribe: string; preferences: string }
> = {
  en: {
    code: 'Your code',
    link: 'If the button does not work, open this link:',
    unsubscribe: 'Stop receiving these emails',
    preferences: 'Choose the emails you receive',
    footer:
      'Tashbik, matchmaking for small and medium industries. You receive this message about your account.',
  },
  fr: {
    code: 'Votre code',
    link: 'Si le bouton ne fonctionne pas, ouvrez ce lien :',
    unsubscribe: 'Ne plus recevoir ces e-mails',
    preferences: 'Choisir les e-mails que vous recevez',
    footer:
      'Tashbik, la mise en relation des petites et moyennes industries. Vous recevez ce message au sujet de votre compte.',
  },
  ar: {
    code: 'رمزك',
    link: 'إن لم يعمل الزر، افتح هذا الرابط:',
    unsubscribe: 'إيقاف استلام هذه الرسائل',
    preferences: 'اختيار الرسائل التي تصلك',
    footer: 'تشبيك، منصة التشبيك بين المؤسسات الصغيرة والمتوسطة. تصلك هذه الرسالة بخصوص حسابك.',
  },
};

export const CATALOG: Record<MailTemplate, MessageKind> = {
  'verify-email': {
    path: '/verify-email?token={token}',
    code: true,
    texts: {
      en: {
        subject: 'Confirm your email address',
        lines: [
          'Welcome to Tashbik, {name}.',
          'Confirm your address with this code or the button (valid 48 hours).',
        ],
        action: 'Confirm my address',
      },
      fr: {
        subject: 'Confirmez votre adresse e-mail',
        lines: [
          'Bienvenue sur Tashbik, {name}.',
          'Confirmez votre adresse avec ce code ou le bouton (valable 48 heures).',
        ],
        action: 'Confirmer mon adresse',
      },
      ar: {
        subject: 'تأكيد بريدك الإلكتروني',
        lines: ['مرحبًا بك في تشبيك، {name}.', 'أكّد عنوانك بهذا الرمز أو بالزر (صالح 48 ساعة).'],
        action: 'تأكيد عنواني',
      },
    },
  },
  'already-registered': {
    path: '/reset',
    texts: {
      en: {
        subject: 'Someone tried to register with your address',
        lines: [
          'An account already exists for this address.',
          'If it was you, sign in or choose a new password. Otherwise, ignore this message.',
        ],
        action: 'Choose a new password',
      },
      fr: {
        subject: "Tentative d'inscription avec votre adresse",
        lines: [
          'Un compte existe déjà pour cette adresse.',
          "Si c'était vous, connectez-vous ou choisissez un nouveau mot de passe. Sinon, ignorez ce message.",
        ],
        action: 'Choisir un nouveau mot de passe',
      },
      ar: {
        subject: 'محاولة تسجيل بعنوانك',
        lines: [
          'يوجد حساب بهذا العنوان.',
          'إن كنت أنت، سجّل الدخول أو اختر كلمة مرور جديدة. وإلا فتجاهل هذه الرسالة.',
        ],
        action: 'اختيار كلمة مرور جديدة',
      },
    },
  },
  'reset-password': {
    path: '/reset?token={token}',
    code: true,
    texts: {
      en: {
        subject: 'Reset your password',
        lines: [
          'Use this code or the button to choose a new password (valid 1 hour).',
          'If you did not ask for it, ignore this message.',
        ],
        action: 'Choose a new password',
      },
      fr: {
        subject: 'Réinitialisez votre mot de passe',
        lines: [
          'Utilisez ce code ou le bouton pour choisir un nouveau mot de passe (valable 1 heure).',
          "Si vous ne l'avez pas demandé, ignorez ce message.",
        ],
        action: 'Choisir un nouveau mot de passe',
      },
      ar: {
        subject: 'إعادة تعيين كلمة المرور',
        lines: [
          'استخدم هذا الرمز أو الزر لاختيار كلمة مرور جديدة (صالح ساعة واحدة).',
          'إن لم تطلب ذلك فتجاهل هذه الرسالة.',
        ],
        action: 'اختيار كلمة مرور جديدة',
      },
    },
  },
  'password-changed': {
    path: '/reset',
    texts: {
      en: {
        subject: 'Your password was changed',
        lines: [
          'Your password was changed and every session was signed out.',
          'If you did not do it, choose a new password at once.',
        ],
        action: 'Choose a new password',
      },
      fr: {
        subject: 'Votre mot de passe a été modifié',
        lines: [
          'Votre mot de passe a été modifié et toutes les sessions ont été fermées.',
          "Si ce n'était pas vous, choisissez tout de suite un nouveau mot de passe.",
        ],
        action: 'Choisir un nouveau mot de passe',
      },
      ar: {
        subject: 'تم تغيير كلمة المرور',
        lines: [
          'تم تغيير كلمة مرورك وإنهاء جميع الجلسات.',
          'إن لم تكن أنت من فعل ذلك، فاختر كلمة مرور جديدة فورًا.',
        ],
        action: 'اختيار كلمة مرور جديدة',
      },
    },
  },
  invitation: {
    path: '/invitations/{invitationId}?token={token}',
    code: true,
    texts: {
      en: {
        subject: 'Invitation to join {organization}',
        lines: [
          '{inviter} invites you to join {organization} on Tashbik as {role}.',
          'Sign in and accept with this code or the button (valid 7 days).',
        ],
        action: 'Accept the invitation',
      },
      fr: {
        subject: 'Invitation à rejoindre {organization}',
        lines: [
          '{inviter} vous invite à rejoindre {organization} sur Tashbik en tant que {role}.',
          'Connectez-vous et acceptez avec ce code ou le bouton (valable 7 jours).',
        ],
        action: "Accepter l'invitation",
      },
      ar: {
        subject: 'دعوة للانضمام إلى {organization}',
        lines: [
          'يدعوك {inviter} للانضمام إلى {organization} على تشبيك بصفة {role}.',
          'سجّل الدخول واقبل بهذا الرمز أو بالزر (صالح 7 أيام).',
        ],
        action: 'قبول الدعوة',
      },
    },
  },
  'organization-claim': {
    path: '/claims/{claimId}?token={token}',
    code: true,
    texts: {
      en: {
        subject: 'Confirm the claim on {organization}',
        lines: [
          '{claimant} asks to manage {organization} on Tashbik and chose this address to prove it.',
          'If that is you, confirm with this code or the button (valid 24 hours). Otherwise, ignore this message: nothing changes without the code.',
        ],
        action: 'Confirm the claim',
      },
      fr: {
        subject: 'Confirmez la revendication de {organization}',
        lines: [
          '{claimant} demande à gérer {organization} sur Tashbik et a choisi cette adresse pour le prouver.',
          "Si c'est vous, confirmez avec ce code ou le bouton (valable 24 heures). Sinon, ignorez ce message : rien ne change sans le code.",
        ],
        action: 'Confirmer la revendication',
      },
      ar: {
        subject: 'تأكيد المطالبة بـ{organization}',
        lines: [
          'يطلب {claimant} إدارة {organization} على تشبيك، واختار هذا العنوان لإثبات ذلك.',
          'إن كنت أنت، فأكّد بهذا الرمز أو بالزر (صالح 24 ساعة). وإلا فتجاهل هذه الرسالة: لا يتغيّر شيء دون الرمز.',
        ],
        action: 'تأكيد المطالبة',
      },
    },
  },
  'organization-claim-approved': {
    path: '/o/{organizationId}',
    texts: {
      en: {
        subject: 'You now manage {organization}',
        lines: ['An organiser approved your claim: you are now an owner of {organization}.'],
        action: 'See the profile',
      },
      fr: {
        subject: 'Vous gérez désormais {organization}',
        lines: [
          'Un organisateur a approuvé votre revendication : vous êtes désormais propriétaire de {organization}.',
        ],
        action: 'Voir le profil',
      },
      ar: {
        subject: 'أصبحت تدير {organization}',
        lines: ['وافق أحد المنظمين على مطالبتك: أصبحت مالكًا لـ{organization}.'],
        action: 'عرض الملف',
      },
    },
  },
  'organization-claim-rejected': {
    path: '/claims/{claimId}',
    texts: {
      en: {
        subject: 'Your claim on {organization} was not approved',
        lines: [
          'An organiser did not approve your claim on {organization}.',
          "The organiser's note: {reason}",
        ],
        action: 'See the claim',
      },
      fr: {
        subject: "Votre revendication de {organization} n'a pas été approuvée",
        lines: [
          "Un organisateur n'a pas approuvé votre revendication de {organization}.",
          "Note de l'organisateur : {reason}",
        ],
        action: 'Voir la revendication',
      },
      ar: {
        subject: 'لم تُقبل مطالبتك بـ{organization}',
        lines: ['لم يوافق أحد المنظمين على مطالبتك بـ{organization}.', 'ملاحظة المنظم: {reason}'],
        action: 'عرض المطالبة',
      },
    },
  },
  'organization-approved': {
    path: '/o/{organizationId}',
    texts: {
      en: {
        subject: '{organization} is now public',
        lines: ['An organiser approved {organization}. It now appears in search.'],
        action: 'See the profile',
      },
      fr: {
        subject: '{organization} est maintenant publique',
        lines: ['Un organisateur a approuvé {organization}. Elle apparaît désormais dans la recherche.'],
        action: 'Voir le profil',
      },
      ar: {
        subject: '{organization} أصبحت منشورة',
        lines: ['وافق أحد المنظمين على {organization}، وهي تظهر الآن في البحث.'],
        action: 'عرض الملف',
      },
    },
  },
  'organization-rejected': {
    path: '/o/{organizationId}',
    texts: {
      en: {
        subject: '{organization} was not approved',
        lines: ['An organiser did not approve {organization}.', "The organiser's note: {reason}"],
        action: 'Edit the profile',
      },
      fr: {
        subject: "{organization} n'a pas été approuvée",
        lines: ["Un organisateur n'a pas approuvé {organization}.", "La note de l'organisateur : {reason}"],
        action: 'Modifier le profil',
      },
      ar: {
        subject: 'لم تتم الموافقة على {organization}',
        lines: ['لم يوافق أحد المنظمين على {organization}.', 'ملاحظة المنظم: {reason}'],
        action: 'تعديل الملف',
      },
    },
  },
  'contact-request': {
    path: '/requests/contact',
    texts: {
      en: {
        subject: 'Contact request from {organization}',
        lines: ['{organization} would like to get in touch:', '{message}'],
        action: 'Answer the request',
      },
      fr: {
        subject: 'Demande de contact de {organization}',
        lines: ['{organization} souhaite entrer en contact :', '{message}'],
        action: 'Répondre à la demande',
      },
      ar: {
        subject: 'طلب تواصل من {organization}',
        lines: ['ترغب {organization} في التواصل معكم:', '{message}'],
        action: 'الرد على الطلب',
      },
    },
  },
  'contact-request-accepted': {
    path: '/requests/contact',
    texts: {
      en: {
        subject: '{organization} accepted your contact request',
        lines: ['{organization} accepted your contact request. Its contact persons are now shown to you.'],
        action: 'See the contacts',
      },
      fr: {
        subject: '{organization} a accepté votre demande de contact',
        lines: [
          '{organization} a accepté votre demande de contact. Ses contacts vous sont désormais visibles.',
        ],
        action: 'Voir les contacts',
      },
      ar: {
        subject: 'قبلت {organization} طلب التواصل',
        lines: ['قبلت {organization} طلب التواصل، وأصبحت بيانات جهات الاتصال لديها ظاهرة لكم.'],
        action: 'عرض جهات الاتصال',
      },
    },
  },
  'contact-request-declined': {
    path: '/requests/contact',
    texts: {
      en: {
        subject: '{organization} declined your contact request',
        lines: ['{organization} declined your contact request.', '{message}'],
        action: 'See your requests',
      },
      fr: {
        subject: '{organization} a décliné votre demande de contact',
        lines: ['{organization} a décliné votre demande de contact.', '{message}'],
        action: 'Voir vos demandes',
      },
      ar: {
        subject: 'رفضت {organization} طلب التواصل',
        lines: ['رفضت {organization} طلب التواصل.', '{message}'],
        action: 'عرض طلباتك',
      },
    },
  },
  'contact-request-expired': {
    path: '/requests/contact',
    texts: {
      en: {
        subject: 'Your contact request to {organization} expired',
        lines: [
          '{organization} did not answer your contact request in time; it has expired. You may send it again.',
        ],
        action: 'See your requests',
      },
      fr: {
        subject: 'Votre demande de contact à {organization} a expiré',
        lines: [
          "{organization} n'a pas répondu à temps à votre demande de contact ; elle a expiré. Vous pouvez l'envoyer de nouveau.",
        ],
        action: 'Voir vos demandes',
      },
      ar: {
        subject: 'انتهت صلاحية طلب التواصل مع {organization}',
        lines: [
          'لم ترد {organization} على طلب التواصل في الوقت المحدد، فانتهت صلاحيته. يمكنكم إرساله من جديد.',
        ],
        action: 'عرض طلباتك',
      },
    },
  },
  'meeting-request': {
    path: '/requests/meetings/{requestId}',
    texts: {
      en: {
        subject: '{organization} asks to meet you at {edition}',
        lines: ['{organization} asks for a B2B meeting with you at {edition}:', '{message}'],
        action: 'Answer the request',
      },
      fr: {
        subject: '{organization} souhaite vous rencontrer à {edition}',
        lines: ['{organization} demande un rendez-vous B2B avec vous à {edition} :', '{message}'],
        action: 'Répondre à la demande',
      },
      ar: {
        subject: 'تطلب {organization} لقاءكم في {edition}',
        lines: ['تطلب {organization} لقاء أعمال معكم في {edition}:', '{message}'],
        action: 'الرد على الطلب',
      },
    },
  },
  'meeting-request-accepted': {
    path: '/requests/meetings/{requestId}',
    texts: {
      en: {
        subject: '{organization} accepted your meeting request',
        lines: [
          '{organization} accepted your meeting request for {edition}. Its contact persons are now shown to you.',
        ],
        action: 'See the request',
      },
      fr: {
        subject: '{organization} a accepté votre demande de rendez-vous',
        lines: [
          '{organization} a accepté votre demande de rendez-vous pour {edition}. Ses contacts vous sont désormais visibles.',
        ],
        action: 'Voir la demande',
      },
      ar: {
        subject: 'قبلت {organization} طلب اللقاء',
        lines: ['قبلت {organization} طلب اللقاء في {edition}، وأصبحت بيانات جهات الاتصال لديها ظاهرة لكم.'],
        action: 'عرض الطلب',
      },
    },
  },
  'meeting-request-declined': {
    path: '/requests/meetings/{requestId}',
    texts: {
      en: {
        subject: '{organization} declined your meeting request',
        lines: ['{organization} declined your meeting request for {edition}.', '{message}'],
        action: 'See the request',
      },
      fr: {
        subject: '{organization} a décliné votre demande de rendez-vous',
        lines: ['{organization} a décliné votre demande de rendez-vous pour {edition}.', '{message}'],
        action: 'Voir la demande',
      },
      ar: {
        subject: 'رفضت {organization} طلب اللقاء',
        lines: ['رفضت {organization} طلب اللقاء في {edition}.', '{message}'],
        action: 'عرض الطلب',
      },
    },
  },
  'meeting-request-cancelled': {
    path: '/requests/meetings/{requestId}',
    texts: {
      en: {
        subject: 'Meeting request with {organization} cancelled',
        lines: [
          'The meeting request between you and {organization} for {edition} was cancelled, with its meeting if one was booked.',
          '{message}',
        ],
        action: 'See the request',
      },
      fr: {
        subject: 'Demande de rendez-vous avec {organization} annulée',
        lines: [
          'La demande de rendez-vous entre vous et {organization} pour {edition} a été annulée, avec son rendez-vous s’il était planifié.',
          '{message}',
        ],
        action: 'Voir la demande',
      },
      ar: {
        subject: 'أُلغي طلب اللقاء مع {organization}',
        lines: [
          'أُلغي طلب اللقاء بينكم وبين {organization} في {edition}، ومعه اللقاء إن كان قد حُدّد.',
          '{message}',
        ],
        action: 'عرض الطلب',
      },
    },
  },
  'meeting-request-expired': {
    path: '/requests/meetings/{requestId}',
    texts: {
      en: {
        subject: 'Your meeting request to {organization} expired',
        lines: ['{organization} did not answer your meeting request for {edition} in time; it has expired.'],
        action: 'See the request',
      },
      fr: {
        subject: 'Votre demande de rendez-vous à {organization} a expiré',
        lines: [
          "{organization} n'a pas répondu à temps à votre demande de rendez-vous pour {edition} ; elle a expiré.",
        ],
        action: 'Voir la demande',
      },
      ar: {
        subject: 'انتهت صلاحية طلب اللقاء مع {organization}',
        lines: ['لم ترد {organization} على طلب اللقاء في {edition} في الوقت المحدد، فانتهت صلاحيته.'],
        action: 'عرض الطلب',
      },
    },
  },
  'agenda-changed': {
    path: '/agenda/{editionId}',
    texts: {
      en: {
        subject: 'Your B2B agenda changed',
        lines: ['Your agenda for {edition} changed.'],
        action: 'See my agenda',
      },
      fr: {
        subject: 'Votre agenda B2B a changé',
        lines: ['Votre agenda pour {edition} a changé.'],
        action: 'Voir mon agenda',
      },
      ar: {
        subject: 'تغيّر جدول لقاءاتك',
        lines: ['تغيّر جدول لقاءاتك في {edition}.'],
        action: 'عرض جدولي',
      },
    },
  },
  'saved-search-alert': {
    path: '/searches',
    texts: {
      en: {
        subject: 'New match for "{search}"',
        lines: ['{organization} now matches your saved search "{search}".'],
        action: 'See the results',
      },
      fr: {
        subject: 'Nouveau résultat pour « {search} »',
        lines: ['{organization} correspond désormais à votre recherche « {search} ».'],
        action: 'Voir les résultats',
      },
      ar: {
        subject: 'نتيجة جديدة لـ«{search}»',
        lines: ['أصبحت {organization} تطابق بحثك المحفوظ «{search}».'],
        action: 'عرض النتائج',
      },
    },
  },
  'saved-search-digest': {
    path: '/searches',
    texts: {
      en: {
        subject: '{count} new matches for "{search}"',
        lines: ['{count} organisations now match your saved search "{search}":', '{organizations}'],
        action: 'See the results',
      },
      fr: {
        subject: '{count} nouveaux résultats pour « {search} »',
        lines: [
          '{count} organisations correspondent désormais à votre recherche « {search} » :',
          '{organizations}',
        ],
        action: 'Voir les résultats',
      },
      ar: {
        subject: 'نتائج جديدة لـ«{search}»: {count}',
        lines: ['مؤسسات أصبحت تطابق بحثك المحفوظ «{search}» (العدد: {count}):', '{organizations}'],
        action: 'عرض النتائج',
      },
    },
  },
  'meeting-reminder': {
    path: '/agenda/{editionId}',
    texts: {
      en: {
        subject: 'Meeting at {time}, table {table}',
        lines: ['Reminder: you meet {counterpart} at {time}, table {table}.'],
        action: 'See my agenda',
      },
      fr: {
        subject: 'Rendez-vous à {time}, table {table}',
        lines: ['Rappel : vous rencontrez {counterpart} à {time}, table {table}.'],
        action: 'Voir mon agenda',
      },
      ar: {
        subject: 'لقاء الساعة {time}، الطاولة {table}',
        lines: ['تذكير: لديك لقاء مع {counterpart} الساعة {time}، الطاولة {table}.'],
        action: 'عرض جدولي',
      },
    },
  },
  'meeting-follow-up': {
    path: '/agenda/{editionId}',
    texts: {
      en: {
        subject: 'Your meetings at {edition}, {months} months on',
        lines: [
          '{months} months after {edition}, where do your B2B meetings stand? Tell the organisers for each one: negotiation started, agreement or MoU signed, contract or order signed.',
          'Meetings to follow up: {count}.',
        ],
        action: 'Report on my meetings',
      },
      fr: {
        subject: 'Vos rendez-vous de {edition}, {months} mois après',
        lines: [
          '{months} mois après {edition}, où en sont vos rendez-vous B2B ? Indiquez aux organisateurs, pour chacun : négociation engagée, accord ou protocole d’accord signé, contrat ou commande signé.',
          'Rendez-vous à suivre : {count}.',
        ],
        action: 'Faire le point sur mes rendez-vous',
      },
      ar: {
        subject: 'لقاءاتك في {edition} بعد {months} أشهر',
        lines: [
          'بعد {months} أشهر من {edition}، إلى أين وصلت لقاءاتك الثنائية؟ أخبر المنظمين عن كل لقاء: بدء التفاوض، توقيع اتفاق أو مذكرة تفاهم، توقيع عقد أو طلبية.',
          'عدد اللقاءات المطلوب متابعتها: {count}.',
        ],
        action: 'الإبلاغ عن لقاءاتي',
      },
    },
  },
  'organization-claim-contested': {
    path: '/console/claims',
    texts: {
      en: {
        subject: 'Contested claim on {organization}',
        lines: [
          '{claimant} confirmed a claim on {organization}, but {reason}. The organisers decide who manages it.',
        ],
        action: 'Review the claims',
      },
      fr: {
        subject: 'Revendication contestée de {organization}',
        lines: [
          '{claimant} a confirmé une revendication de {organization}, mais {reason}. Les organisateurs décident qui la gère.',
        ],
        action: 'Examiner les revendications',
      },
      ar: {
        subject: 'مطالبة متنازع عليها بـ{organization}',
        lines: ['أكّد {claimant} مطالبة بـ{organization}، لكن {reason}. يقرّر المنظمون من يديرها.'],
        action: 'مراجعة المطالبات',
      },
    },
  },
  'suggestions-digest': {
    path: '/suggestions',
    texts: {
      en: {
        subject: 'New suggestions for {organization}: {count}',
        lines: ['New partners Tashbik found this week for {organization} ({count}):', '{list}'],
        action: 'See the suggestions',
      },
      fr: {
        subject: 'Nouvelles suggestions pour {organization} : {count}',
        lines: [
          'Nouveaux partenaires trouvés cette semaine par Tashbik pour {organization} ({count}) :',
          '{list}',
        ],
        action: 'Voir les suggestions',
      },
      ar: {
        subject: 'اقتراحات جديدة لـ{organization}: {count}',
        lines: ['شركاء جدد وجدهم تشبيك هذا الأسبوع لـ{organization} (العدد: {count}):', '{list}'],
        action: 'عرض الاقتراحات',
      },
    },
  },
  'mail-failures': {
    path: '/console/operations',
    texts: {
      en: {
        subject: 'Emails not delivered: {count}',
        lines: [
          'Emails failed since the last report ({since}): {count}. The most frequent errors:',
          '{errors}',
        ],
        action: 'See the deliveries',
      },
      fr: {
        subject: 'E-mails non remis : {count}',
        lines: [
          'E-mails en échec depuis le dernier rapport ({since}) : {count}. Les erreurs les plus fréquentes :',
          '{errors}',
        ],
        action: 'Voir les envois',
      },
      ar: {
        subject: 'رسائل تعذّر تسليمها: {count}',
        lines: [
          'رسائل فشل إرسالها منذ التقرير الأخير ({since}): {count}. الأخطاء الأكثر تكرارًا:',
          '{errors}',
        ],
        action: 'عرض الإرسالات',
      },
    },
  },
};
