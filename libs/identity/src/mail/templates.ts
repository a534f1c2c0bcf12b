export type MailTemplate =
  | 'verify-email'
  | 'already-registered'
  | 'reset-password'
  | 'password-changed'
  | 'invitation'
  | 'organization-approved'
  | 'organization-rejected'
  | 'contact-request'
  | 'agenda-changed'
  | 'saved-search-alert'
  | 'meeting-reminder';

export type MailParams = Record<string, string | number | undefined>;

type Texts = Record<'ar' | 'fr' | 'en', { subject: string; body: string }>;

/** Message texts; `{name}` is replaced by the parameter of that name. */
const TEMPLATES: Record<MailTemplate, Texts> = {
  'verify-email': {
    en: {
      subject: 'Confirm your email address',
      body: 'Welcome to Tashbik, {name}.\nConfirm your address with this code or link (valid 48 hours):\n{token}\n{publicUrl}/verify-email?token={token}',
    },
    fr: {
      subject: 'Confirmez votre adresse e-mail',
      body: 'Bienvenue sur Tashbik, {name}.\nConfirmez votre adresse avec ce code ou ce lien (valable 48 heures) :\n{token}\n{publicUrl}/verify-email?token={token}',
    },
    ar: {
      subject: 'تأكيد بريدك الإلكتروني',
      body: 'مرحبًا بك في تشبيك، {name}.\nأكّد عنوانك بهذا الرمز أو الرابط (صالح 48 ساعة):\n{token}\n{publicUrl}/verify-email?token={token}',
    },
  },
  'already-registered': {
    en: {
      subject: 'Someone tried to register with your address',
      body: 'An account already exists for this address. If it was you, sign in or reset your password at {publicUrl}/reset-password. Otherwise, ignore this message.',
    },
    fr: {
      subject: "Tentative d'inscription avec votre adresse",
      body: "Un compte existe déjà pour cette adresse. Si c'était vous, connectez-vous ou réinitialisez votre mot de passe sur {publicUrl}/reset-password. Sinon, ignorez ce message.",
    },
    ar: {
      subject: 'محاولة تسجيل بعنوانك',
      body: 'يوجد حساب بهذا العنوان. إن كنت أنت، سجّل الدخول أو أعد تعيين كلمة المرور عبر {publicUrl}/reset-password. وإلا فتجاهل هذه الرسالة.',
    },
  },
  'reset-password': {
    en: {
      subject: 'Reset your password',
      body: 'Use this code or link to choose a new password (valid 1 hour):\n{token}\n{publicUrl}/reset-password?token={token}\nIf you did not ask for it, ignore this message.',
    },
    fr: {
      subject: 'Réinitialisez votre mot de passe',
      body: "Utilisez ce code ou ce lien pour choisir un nouveau mot de passe (valable 1 heure) :\n{token}\n{publicUrl}/reset-password?token={token}\nSi vous ne l'avez pas demandé, ignorez ce message.",
    },
    ar: {
      subject: 'إعادة تعيين كلمة المرور',
      body: 'استخدم هذا الرمز أو الرابط لاختيار كلمة مرور جديدة (صالح ساعة واحدة):\n{token}\n{publicUrl}/reset-password?token={token}\nإن لم تطلب ذلك فتجاهل هذه الرسالة.',
    },
  },
  'password-changed': {
    en: {
      subject: 'Your password was changed',
      body: 'Your password was changed and every session was signed out.',
    },
    fr: {
      subject: 'Votre mot de passe a été modifié',
      body: 'Votre mot de passe a été modifié et toutes les sessions ont été fermées.',
    },
    ar: { subject: 'تم تغيير كلمة المرور', body: 'تم تغيير كلمة مرورك وإنهاء جميع الجلسات.' },
  },
  invitation: {
    en: {
      subject: 'Invitation to join {organization}',
      body: '{inviter} invites you to join {organization} on Tashbik as {role}. Sign in and accept with this code (valid 7 days):\n{token}',
    },
    fr: {
      subject: 'Invitation à rejoindre {organization}',
      body: '{inviter} vous invite à rejoindre {organization} sur Tashbik en tant que {role}. Connectez-vous et acceptez avec ce code (valable 7 jours) :\n{token}',
    },
    ar: {
      subject: 'دعوة للانضمام إلى {organization}',
      body: 'يدعوك {inviter} للانضمام إلى {organization} على تشبيك بصفة {role}. سجّل الدخول واقبل بهذا الرمز (صالح 7 أيام):\n{token}',
    },
  },
  'organization-approved': {
    en: {
      subject: '{organization} is now public',
      body: 'An organiser approved {organization}. It now appears in search.',
    },
    fr: {
      subject: '{organization} est maintenant publique',
      body: 'Un organisateur a approuvé {organization}. Elle apparaît désormais dans la recherche.',
    },
    ar: {
      subject: '{organization} أصبحت منشورة',
      body: 'وافق أحد المنظمين على {organization}، وهي تظهر الآن في البحث.',
    },
  },
  'organization-rejected': {
    en: {
      subject: '{organization} was not approved',
      body: 'An organiser did not approve {organization}: {reason}',
    },
    fr: {
      subject: "{organization} n'a pas été approuvée",
      body: "Un organisateur n'a pas approuvé {organization} : {reason}",
    },
    ar: {
      subject: 'لم تتم الموافقة على {organization}',
      body: 'لم يوافق أحد المنظمين على {organization}: {reason}',
    },
  },
  'contact-request': {
    en: {
      subject: 'Contact request from {organization}',
      body: '{organization} would like to get in touch: {message}',
    },
    fr: {
      subject: 'Demande de contact de {organization}',
      body: '{organization} souhaite entrer en contact : {message}',
    },
    ar: { subject: 'طلب تواصل من {organization}', body: 'ترغب {organization} في التواصل معكم: {message}' },
  },
  'agenda-changed': {
    en: {
      subject: 'Your B2B agenda changed',
      body: 'Your agenda for {edition} changed. See it at {publicUrl}.',
    },
    fr: {
      subject: 'Votre agenda B2B a changé',
      body: 'Votre agenda pour {edition} a changé. Consultez-le sur {publicUrl}.',
    },
    ar: { subject: 'تغيّر جدول لقاءاتك', body: 'تغيّر جدول لقاءاتك في {edition}. اطّلع عليه عبر {publicUrl}.' },
  },
  'saved-search-alert': {
    en: {
      subject: 'New match for "{search}"',
      body: '{organization} now matches your saved search "{search}".',
    },
    fr: {
      subject: 'Nouveau résultat pour « {search} »',
      body: '{organization} correspond désormais à votre recherche « {search} ».',
    },
    ar: { subject: 'نتيجة جديدة لـ«{search}»', body: 'أصبحت {organization} تطابق بحثك المحفوظ «{search}».' },
  },
  'meeting-reminder': {
    en: {
      subject: 'Meeting at {time}, table {table}',
      body: 'Reminder: you meet {counterpart} at {time}, table {table}.',
    },
    fr: {
      subject: 'Rendez-vous à {time}, table {table}',
      body: 'Rappel : vous rencontrez {counterpart} à {time}, table {table}.',
    },
    ar: {
      subject: 'لقاء الساعة {time}، الطاولة {table}',
      body: 'تذكير: لديك لقاء مع {counterpart} الساعة {time}، الطاولة {table}.',
    },
  },
};

export function renderMail(
  template: MailTemplate,
  locale: 'ar' | 'fr' | 'en',
  params: MailParams,
): { subject: string; body: string } {
  const t = TEMPLATES[template][locale];
  const fill = (s: string) => s.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));
  return { subject: fill(t.subject), body: fill(t.body) };
}
