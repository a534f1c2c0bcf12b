import type { MailTemplate } from '#identity';
import { CATALOG, REDACTED } from './catalog.js';
import { renderMail, renderText } from './layout.js';
import { SecretBox } from './secrets.js';

const URL = 'https://forum.example.org';
const TOKEN = 'Zq3_secret-code-0123456789abcdefABCDEFghij';
const PARAMS = {
  name: 'Amina',
  token: TOKEN,
  organization: 'Sonacome',
  inviter: 'owner@example.org',
  role: 'MEMBER',
  invitationId: '7d3c1c2e-1111-4a4a-8b8b-222233334444',
  organizationId: '0f0e0d0c-1111-4a4a-8b8b-222233334444',
  editionId: '11111111-2222-4333-8444-555555555555',
  reason: 'missing sectors',
  message: 'Bonjour',
  edition: 'Forum 2027',
  search: 'soudure',
  time: '10:30',
  table: 'T4',
  counterpart: 'Cevital',
};

describe('mail layout', () => {
  const templates = Object.keys(CATALOG) as MailTemplate[];

  it.each(templates)('renders %s in Arabic, French and English from the MJML layout', async (template) => {
    for (const locale of ['ar', 'fr', 'en'] as const) {
      const m = await renderMail(template, locale, PARAMS, URL);
      expect(m.html).toMatch(
        new RegExp(`<html[^>]*lang="${locale}"[^>]*dir="${locale === 'ar' ? 'rtl' : 'ltr'}"`),
      );
      // Every value filled in, none left as a marker, in either part.
      expect(m.html).not.toMatch(/\{\w+\}/);
      expect(`${m.subject}\n${m.text}`).not.toMatch(/\{\w+\}/);
      expect(m.link.startsWith(`${URL}/`)).toBe(true);
      if (CATALOG[template].texts[locale].action) {
        expect(m.text).toContain(m.link);
        expect(m.html).toContain(`href="${m.link.replace(/&/g, '&amp;')}"`);
      }
      if (CATALOG[template].code) expect(m.text).toContain(TOKEN);
    }
  });

  it('links to the documented routes with the code, and hides the code in the stored copy', async () => {
    const real = await renderMail('verify-email', 'fr', PARAMS, URL);
    expect(real.link).toBe(`${URL}/verify-email?token=${TOKEN}`);
    const copy = await renderMail('verify-email', 'fr', PARAMS, URL, true);
    for (const part of [copy.subject, copy.text, copy.html, copy.link]) expect(part).not.toContain(TOKEN);
    expect(copy.text).toContain(`${URL}/verify-email?token=${REDACTED}`);
    expect(renderText('invitation', 'en', PARAMS, URL, true).text).toContain(
      `${URL}/invitations/${PARAMS.invitationId}?token=${REDACTED}`,
    );
    // The web app's routes: the organisation page and the delegate's agenda.
    expect(renderText('organization-approved', 'en', { organizationId: '42' }, URL, false).link).toBe(
      `${URL}/o/42`,
    );
    expect(renderText('agenda-changed', 'ar', { editionId: '7' }, URL, false).link).toBe(`${URL}/agenda/7`);
    // Notices that can be turned off link to the preferences page; security mails do not.
    const notice = await renderMail('contact-request', 'fr', { organization: 'X' }, URL);
    expect(notice.text).toContain(`Choisir les e-mails que vous recevez: ${URL}/account/notifications`);
    expect(notice.html).toContain(`href="${URL}/account/notifications"`);
    expect(real.text).not.toContain('/account/notifications');
    expect(real.html).not.toContain('/account/notifications');
    // A route whose value is missing sends the reader to the home page rather than a broken link.
    expect(renderText('agenda-changed', 'en', { edition: 'X' }, URL, false).link).toBe(`${URL}/`);
  });

  it('escapes what users wrote', async () => {
    const m = await renderMail(
      'contact-request',
      'en',
      { organization: 'A&B', message: '<img src=x onerror=alert(1)>' },
      URL,
    );
    expect(m.html).not.toContain('<img src=x');
    expect(m.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(m.html).toContain('A&amp;B');
  });

  it('seals codes so that only the same key opens them', () => {
    const sealed = new SecretBox('k'.repeat(40)).seal({ token: TOKEN });
    expect(sealed).not.toContain(TOKEN);
    expect(new SecretBox('k'.repeat(40)).open(sealed)).toEqual({ token: TOKEN });
    expect(() => new SecretBox('j'.repeat(40)).open(sealed)).toThrow();
  });
});
