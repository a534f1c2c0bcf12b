import mjml2html from 'mjml';
import type { Locale, MailParams, MailTemplate } from '#identity';
import { CATALOG, LAYOUT_TEXTS, PREFERENCES_PATH, REDACTED, SECRET_PARAMS } from './catalog.js';
import { kindOf } from '../preferences/notification-kinds.js';

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
  /** The absolute link of the message's button. */
  link: string;
  /** The page that turns this kind of mail off (digests and alerts to an account), if any. */
  unsubscribeLink?: string;
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Markers the compiled layout keeps for the values of one message. */
const LINK = '{__link}';
const UNSUBSCRIBE = '{__unsubscribe}';
const PREFERENCES = '{__preferences}';
const PLACEHOLDER = /\{(\w+)\}/g;

/**
 * The one layout of every message, in MJML: a header, the paragraphs, the code in a box, a button
 * and its link spelled out, a footer. Arabic is laid out right to left. Values stay `{name}`
 * markers here and are filled in, escaped, after compilation, so each template and language is
 * compiled once.
 */
function layoutMjml(template: MailTemplate, locale: Locale, unsubscribe: boolean): string {
  const kind = CATALOG[template];
  const t = kind.texts[locale];
  const words = LAYOUT_TEXTS[locale];
  const rtl = locale === 'ar';
  const align = rtl ? 'right' : 'left';
  const lines = t.lines.map((l) => `<mj-text align="${align}">${escapeHtml(l)}</mj-text>`).join('\n');
  const code = kind.code
    ? `<mj-text align="${align}" font-size="13px" color="#555555">${escapeHtml(words.code)}</mj-text>
       <mj-text align="center" font-size="22px" font-family="Menlo, Consolas, monospace" letter-spacing="2px"
         container-background-color="#f2f5f8" padding="12px"><span dir="ltr">{token}</span></mj-text>`
    : '';
  const action = t.action
    ? `<mj-button href="${LINK}" background-color="#0b6e4f" align="${align}">${escapeHtml(t.action)}</mj-button>
       <mj-text align="${align}" font-size="12px" color="#555555">${escapeHtml(words.link)}<br />
         <a href="${LINK}" dir="ltr">${LINK}</a></mj-text>`
    : '';
  return `<mjml lang="${locale}" dir="${rtl ? 'rtl' : 'ltr'}">
  <mj-head>
    <mj-title>${escapeHtml(t.subject)}</mj-title>
    <mj-attributes>
      <mj-all font-family="Segoe UI, Tahoma, Arial, sans-serif" />
      <mj-text font-size="15px" line-height="1.6" color="#1d2733" />
    </mj-attributes>
  </mj-head>
  <mj-body background-color="#eef1f4">
    <mj-section background-color="#0b6e4f" padding="14px 24px">
      <mj-column><mj-text align="${align}" color="#ffffff" font-size="20px" font-weight="bold">${rtl ? 'تشبيك' : 'Tashbik'}</mj-text></mj-column>
    </mj-section>
    <mj-section background-color="#ffffff" padding="16px 24px">
      <mj-column>
        ${lines}
        ${code}
        ${action}
      </mj-column>
    </mj-section>
    <mj-section padding="8px 24px">
      <mj-column><mj-text align="${align}" font-size="11px" color="#6b7785">${escapeHtml(words.footer)}${
        kindOf(template)
          ? `<br /><a href="${PREFERENCES}" style="color:#6b7785">${escapeHtml(words.preferences)}</a>`
          : ''
      }${
        unsubscribe
          ? `<br /><a href="${UNSUBSCRIBE}" style="color:#6b7785">${escapeHtml(words.unsubscribe)}</a>`
          : ''
      }</mj-text></mj-column>
    </mj-section>
  </mj-body>
</mjml>`;
}

const compiled = new Map<string, Promise<string>>();

async function compile(template: MailTemplate, locale: Locale, unsubscribe: boolean): Promise<string> {
  const { html, errors } = await mjml2html(layoutMjml(template, locale, unsubscribe), {
    validationLevel: 'strict',
  });
  if (errors.length) throw new Error(`mail layout ${template}/${locale}: ${errors[0].formattedMessage}`);
  return html;
}

function compiledHtml(template: MailTemplate, locale: Locale, unsubscribe: boolean): Promise<string> {
  const key = `${template}/${locale}/${unsubscribe}`;
  let html = compiled.get(key);
  if (!html) {
    html = compile(template, locale, unsubscribe);
    compiled.set(key, html);
    html.catch(() => compiled.delete(key));
  }
  return html;
}

/** The parameters as a message shows them: secrets replaced by a placeholder when `redact`. */
function valuesOf(params: MailParams, redact: boolean): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null) values[k] = String(v);
  if (redact) for (const k of SECRET_PARAMS) if (k in values) values[k] = REDACTED;
  return values;
}

const fill = (s: string, values: Record<string, string>, encode: (v: string) => string = (v) => v) =>
  s.replace(PLACEHOLDER, (_, k: string) => encode(values[k] ?? ''));

/** The button's link: the template's route under PUBLIC_URL, or the home page when a value is missing. */
function linkOf(template: MailTemplate, values: Record<string, string>, publicUrl: string): string {
  const path = CATALOG[template].path;
  if (!path) return `${publicUrl}/`;
  const missing = [...path.matchAll(PLACEHOLDER)].some(([, k]) => !values[k]);
  if (missing) return `${publicUrl}/`;
  return publicUrl + fill(path, values, (v) => (v === REDACTED ? v : encodeURIComponent(v)));
}

/** Subject and plain text only (no MJML): the copy the outbox keeps, cheap enough for any transaction. */
export function renderText(
  template: MailTemplate,
  locale: Locale,
  params: MailParams,
  publicUrl: string,
  redact: boolean,
): Omit<RenderedMail, 'html'> {
  const kind = CATALOG[template];
  const t = kind.texts[locale];
  const words = LAYOUT_TEXTS[locale];
  const values = valuesOf(params, redact);
  const link = linkOf(template, values, publicUrl);
  const unsubscribeLink = values.unsubscribe
    ? `${publicUrl}/unsubscribe?token=${values.unsubscribe === REDACTED ? REDACTED : encodeURIComponent(values.unsubscribe)}`
    : undefined;
  const parts = t.lines.map((l) => fill(l, values));
  if (kind.code) parts.push(`${words.code}: ${values.token ?? ''}`);
  if (t.action) parts.push(`${t.action}: ${link}`);
  parts.push('--', words.footer);
  if (kindOf(template)) parts.push(`${words.preferences}: ${publicUrl}${PREFERENCES_PATH}`);
  if (unsubscribeLink) parts.push(`${words.unsubscribe}: ${unsubscribeLink}`);
  return {
    subject: fill(t.subject, values).replace(/\s+/g, ' ').trim(),
    text: `${parts.join('\n\n')}\n`,
    link,
    ...(unsubscribeLink ? { unsubscribeLink } : {}),
  };
}

/** The whole message, HTML and plain text, from the one layout. */
export async function renderMail(
  template: MailTemplate,
  locale: Locale,
  params: MailParams,
  publicUrl: string,
  redact = false,
): Promise<RenderedMail> {
  const base = renderText(template, locale, params, publicUrl, redact);
  const values = valuesOf(params, redact);
  const html = (await compiledHtml(template, locale, !!base.unsubscribeLink)).replace(
    PLACEHOLDER,
    (_, k: string) =>
      k === '__link'
        ? escapeHtml(base.link)
        : k === '__unsubscribe'
          ? escapeHtml(base.unsubscribeLink ?? '')
          : k === '__preferences'
            ? escapeHtml(`${publicUrl}${PREFERENCES_PATH}`)
            : escapeHtml(values[k] ?? '').replace(/\n/g, '<br />'),
  );
  return { ...base, html };
}
