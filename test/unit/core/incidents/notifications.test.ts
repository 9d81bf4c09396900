import { describe, expect, it } from 'vitest';
import {
  base64,
  encodeAddressList,
  encodeHeaderValue,
  notificationToEml,
  quotedPrintable,
  rfc5322Date,
} from '../../../../core/incidents/email';
import {
  NOTIFICATION_TEMPLATES,
  TEMPLATE_FIELDS,
  draftNotification,
  fillPlaceholders,
  fillTemplate,
  markSent,
  notificationToText,
  templateById,
  templatesFor,
} from '../../../../core/incidents/templates';
import type { RoleAssignment } from '../../../../core/incidents/types';
import { builtinPlaybooks } from '../../../../core/playbooks/builtin';
import { listSteps } from '../../../../core/playbooks/model';
import { APIS, HOUR, T0, nid, sampleIncident } from './helpers';

const commander: RoleAssignment = {
  roleId: 'incident-commander',
  title: 'Incident commander',
  person: 'Ana Souza',
  since: T0,
  assignedBy: 'Ana Souza',
};

/** Decodes quoted-printable with Node's Buffer (independent of the encoder). */
const decodeQp = (text: string) =>
  Buffer.from(
    text
      .replace(/=\r\n/g, '')
      .replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
    'latin1',
  ).toString('utf8');

const decodeWords = (value: string) =>
  value
    .replace(/\r\n /g, '')
    .replace(/=\?UTF-8\?B\?([^?]*)\?=/g, (_, b: string) => `\u0000${b}`)
    .split('\u0000')
    .filter(Boolean)
    .map((b) => Buffer.from(b, 'base64'))
    .reduce((acc, buf) => Buffer.concat([acc, buf]), Buffer.alloc(0))
    .toString('utf8');

describe('notification templates', () => {
  it('cover every audience and every template a built-in playbook references', () => {
    for (const a of ['executives', 'internal', 'customers', 'partners', 'regulators'] as const)
      expect(templatesFor(a).length, a).toBeGreaterThan(0);
    for (const playbook of builtinPlaybooks())
      for (const { step } of listSteps(playbook))
        if (step.kind === 'notification')
          for (const t of step.templates) {
            expect(templateById(t.template), `${playbook.id}: ${t.template}`).toBeDefined();
            expect(templateById(t.template)?.audience).toBe(t.audience);
          }
  });

  it('use only known placeholders', () => {
    for (const t of NOTIFICATION_TEMPLATES)
      for (const [, name] of `${t.subject}${t.body}`.matchAll(/\{\{(\w+)\}\}/g))
        expect(Object.keys(TEMPLATE_FIELDS), `${t.id}: ${name ?? ''}`).toContain(name);
  });

  it('fill from the incident in its time zone, with API names and the commander', () => {
    const incident = { ...sampleIncident(), roles: [commander] };
    const exec = templateById('executive-briefing');
    if (!exec) throw new Error('template');
    const { subject, body } = fillTemplate(exec, incident, {
      apis: APIS,
      now: T0 + 2 * HOUR,
      sender: 'Ben Okafor',
    });
    expect(subject).toBe(
      '[SEV1 — Critical] Card data exposed through /v1/payments — executive briefing',
    );
    expect(body).toContain('Affected APIs: Payments API, Users API');
    expect(body).toContain(
      'Data involved: Personal data, Payment card data, Credentials / secrets',
    );
    // T0 is 09:00 UTC = 10:00 in Berlin (CET).
    expect(body).toContain('- Started: 2026-03-02 10:00 +01:00');
    expect(body).toContain('Incident commander: Ana Souza');
    expect(body).toContain('Ben Okafor, 2026-03-02 12:00 +01:00');
  });

  it('insert user text as plain text: placeholders typed by a person are not expanded', () => {
    expect(
      fillPlaceholders('A {{title}} B {{nope}}', {
        title: '{{sender}} <b>x</b>\u0007',
        sender: 'S',
      }),
    ).toBe('A {{sender}} <b>x</b> B {{nope}}');
    const incident = sampleIncident({ title: 'Line one\nBcc: evil@example.com' });
    const t = templateById('internal-status-update');
    if (!t) throw new Error('template');
    const { subject } = fillTemplate(t, incident, { now: T0, sender: 'A' });
    expect(subject).not.toMatch(/[\r\n]/);
  });

  it('mark exercise messages in subject and body', () => {
    const t = templateById('customer-breach-notice');
    if (!t) throw new Error('template');
    const { subject, body } = fillTemplate(t, sampleIncident({ mode: 'exercise' }), {
      now: T0,
      sender: 'A',
    });
    expect(subject.startsWith('[EXERCISE] ')).toBe(true);
    expect(body.startsWith('*** EXERCISE — NOT A REAL INCIDENT ***')).toBe(true);
    expect(body.endsWith('*** EXERCISE — NOT A REAL INCIDENT ***')).toBe(true);
  });

  it('draft a regulator notice for a clock, then record who marked it sent', () => {
    const t = templateById('regulator-initial-notice');
    if (!t) throw new Error('template');
    const incident = sampleIncident();
    const n = draftNotification({
      id: nid('n-1'),
      template: t,
      incident,
      by: 'Ana',
      now: T0 + HOUR,
      clock: { clockId: 'gdpr-art33', deadlineAt: T0 + 50 * 60_000 + 72 * HOUR },
    });
    expect(n).toMatchObject({
      audience: 'regulators',
      templateId: 'regulator-initial-notice',
      to: 'Lead supervisory authority',
      clockId: 'gdpr-art33',
      status: 'draft',
      subject: 'Notification under GDPR Art. 33: Card data exposed through /v1/payments',
    });
    expect(n.body).toContain('Deadline: 2026-03-05 10:50 +01:00');
    expect(markSent(n, 'Ana', T0 + 5 * HOUR)).toMatchObject({
      status: 'sent',
      sentAt: T0 + 5 * HOUR,
      sentBy: 'Ana',
      updatedAt: T0 + 5 * HOUR,
    });
  });

  it('export as plain text', () => {
    expect(notificationToText({ to: 'a@x\nb', subject: 'S\r\nT', body: 'Body' })).toBe(
      'To: a@x b\nSubject: S T\n\nBody\n',
    );
  });
});

describe('.eml export', () => {
  const n = {
    id: 'n-1',
    to: 'José Müller <jose@example.com>, ops@example.com',
    subject: 'Sicherheitsvorfall: Zahlungsdaten betroffen — bitte sofort prüfen und handeln ✓',
    body: `Grüße,\nline with trailing space \n${'x'.repeat(200)}\na=b`,
  };
  const eml = notificationToEml(n, {
    date: T0,
    incidentId: 'inc-7',
    from: 'Ana <ana@example.com>',
  });
  const [head = '', body = ''] = eml.split('\r\n\r\n');

  it('writes RFC 5322 headers with CRLF, RFC 2047 for non-ASCII, and a draft marker', () => {
    expect(eml).not.toMatch(/[^\r]\n/);
    expect(head).toContain('Date: Mon, 02 Mar 2026 09:00:00 +0000');
    expect(head).toContain('MIME-Version: 1.0');
    expect(head).toContain('Content-Type: text/plain; charset=UTF-8');
    expect(head).toContain('X-Unsent: 1');
    expect(head).toContain('From: "Ana" <ana@example.com>');
    const subject = /^Subject: (.*(?:\r\n .*)*)/m.exec(head)?.[1] ?? '';
    expect(decodeWords(subject)).toBe(n.subject);
    for (const word of subject.split('\r\n ')) expect(word.length).toBeLessThanOrEqual(75);
    const to = /^To: (.*(?:\r\n .*)*)/m.exec(head)?.[1] ?? '';
    expect(to).toContain('<jose@example.com>');
    expect(to).toContain('ops@example.com');
    expect(decodeWords(to.split(' <')[0] ?? '')).toBe('José Müller');
  });

  it('encodes the body as quoted-printable UTF-8 with short lines', () => {
    for (const line of body.split('\r\n')) expect(line.length).toBeLessThanOrEqual(76);
    expect(decodeQp(body.replace(/\r\n$/, '')).replace(/\r\n/g, '\n')).toBe(n.body);
    expect(quotedPrintable('a=b ')).toBe('a=3Db=20');
  });

  it('strips CR and LF from user fields: no header injection', () => {
    const evil = notificationToEml(
      {
        id: 'n\r\nX-Evil: 1',
        to: 'a@x.com\r\nBcc: spy@evil.com',
        subject: 'Hi\nBcc: spy@evil.com',
        body: 'b',
      },
      { date: T0, incidentId: 'inc\n-7' },
    );
    const header = evil.split('\r\n\r\n')[0] ?? '';
    expect(header.split('\r\n').filter((l) => /^(Bcc|X-Evil):/i.test(l))).toEqual([]);
    expect(header).toContain('Subject: Hi Bcc: spy@evil.com');
  });

  it('base64 matches Node for all lengths, dates are RFC 5322', () => {
    for (let len = 0; len < 8; len++) {
      const bytes = Uint8Array.from({ length: len }, (_, i) => (i * 97 + 200) % 256);
      expect(base64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    }
    expect(rfc5322Date(Date.UTC(2026, 9, 25, 1, 2, 3))).toBe('Sun, 25 Oct 2026 01:02:03 +0000');
    expect(encodeHeaderValue('plain ascii')).toBe('plain ascii');
    expect(encodeAddressList('a@x.com; "B, Inc" <b@y.com>')).toBe(
      'a@x.com,\r\n "B, Inc" <b@y.com>',
    );
  });
});
