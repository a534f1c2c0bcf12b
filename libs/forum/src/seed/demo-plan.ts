import type { OrganizationKind } from '#directory';
import { Rng } from '../scheduler/rng.js';
import type { DelegateGoal } from '../registration/registration.entity.js';

/**
 * The demo forum's cast and who asks to meet whom, drawn from a seeded generator: the same
 * organisations and seed give the same plan. Pure: no database, no clock.
 */

export interface DemoCandidate {
  organizationId: string;
  kind: OrganizationKind;
}

export interface DemoQuota {
  maxMeetings: number;
  maxRequests: number;
}

/** Quotas per group (the group code is the organisation kind). */
export const DEMO_QUOTAS: Record<OrganizationKind, DemoQuota> = {
  SME: { maxMeetings: 8, maxRequests: 10 },
  LARGE_FIRM: { maxMeetings: 12, maxRequests: 14 },
  FINANCIER: { maxMeetings: 10, maxRequests: 12 },
  SUPPORT_INSTITUTION: { maxMeetings: 10, maxRequests: 12 },
  PUBLIC_BODY: { maxMeetings: 8, maxRequests: 10 },
};

/** How many delegates of each kind besides SMEs; SMEs fill the rest. */
const CAST: [OrganizationKind, number][] = [
  ['LARGE_FIRM', 10],
  ['FINANCIER', 8],
  ['SUPPORT_INSTITUTION', 6],
  ['PUBLIC_BODY', 4],
];

/** How likely a delegate of the first kind asks one of the second (absent: never). */
const AFFINITY: Record<OrganizationKind, Partial<Record<OrganizationKind, number>>> = {
  SME: { SME: 3, LARGE_FIRM: 4, FINANCIER: 3, SUPPORT_INSTITUTION: 2, PUBLIC_BODY: 1 },
  LARGE_FIRM: { SME: 6, SUPPORT_INSTITUTION: 1, PUBLIC_BODY: 1 },
  // Financiers meet only SMEs (the edition's group rule says so too).
  FINANCIER: { SME: 1 },
  SUPPORT_INSTITUTION: { SME: 3, LARGE_FIRM: 1, PUBLIC_BODY: 1 },
  PUBLIC_BODY: { SME: 2, LARGE_FIRM: 1, SUPPORT_INSTITUTION: 1 },
};

/** How often a delegate of a kind sends requests, relative to an SME. */
const ACTIVITY: Record<OrganizationKind, number> = {
  SME: 1,
  LARGE_FIRM: 2.5,
  FINANCIER: 1.5,
  SUPPORT_INSTITUTION: 1.2,
  PUBLIC_BODY: 1,
};

export type DemoOutcome = 'ACCEPT' | 'DECLINE' | 'PENDING';

export interface DemoRequestPlan {
  /** Indexes into `DemoPlan.delegates`. */
  from: number;
  to: number;
  priority: 1 | 2 | 3;
  session: 'ANY' | 'MORNING' | 'AFTERNOON';
  message: string;
  outcome: DemoOutcome;
}

export interface DemoDelegatePlan extends DemoCandidate {
  goals: DelegateGoal[];
  /** Index of a session (0-based, in time order) the delegate cannot attend, if any. */
  awaySession: number | null;
}

export interface DemoPlan {
  /** The featured SME first, then the others. */
  delegates: DemoDelegatePlan[];
  requests: DemoRequestPlan[];
}

export interface DemoPlanOptions {
  seed: number;
  delegates: number;
  requests: number;
  /** Sessions of the edition, for the few delegates away for one of them. */
  sessions: number;
  /** An SME that must take part with a full agenda (the demo owner's). */
  featured: string | null;
}

const GOALS: Record<OrganizationKind, DelegateGoal[]> = {
  SME: ['FIND_CLIENTS', 'FIND_SUBCONTRACTORS', 'FIND_FINANCING', 'FIND_TECHNOLOGY', 'JOIN_CLUSTER'],
  LARGE_FIRM: ['FIND_SUBCONTRACTORS', 'FIND_TECHNOLOGY'],
  FINANCIER: ['FIND_CLIENTS'],
  SUPPORT_INSTITUTION: ['FIND_CLIENTS', 'JOIN_CLUSTER'],
  PUBLIC_BODY: ['JOIN_CLUSTER', 'FIND_CLIENTS'],
};

function goalsOf(rng: Rng, kind: OrganizationKind): DelegateGoal[] {
  const all = GOALS[kind];
  if (kind !== 'SME') return all.slice(0, 1 + rng.int(all.length));
  // Most SMEs come for clients; each also brings one or two other aims.
  const others = rng.shuffle(all.filter((g) => g !== 'FIND_CLIENTS')).slice(0, 1 + rng.int(2));
  return rng.next() < 0.7 ? ['FIND_CLIENTS', ...others] : others;
}

type MessageKey = 'toLarge' | 'toSme' | 'toFinancier' | 'fromFinancier' | 'toSupport' | 'toPublic' | 'peer';

const MESSAGES: Record<MessageKey, [string, string, string]> = {
  toLarge: [
    'نود أن نعرض عليكم قدراتنا في المناولة الصناعية.',
    'Nous souhaitons vous présenter nos capacités de sous-traitance.',
    'We would like to present our subcontracting capabilities.',
  ],
  toSme: [
    'نبحث عن مناولين مؤهلين لطلبياتنا القادمة.',
    'Nous cherchons des sous-traitants qualifiés pour nos prochaines commandes.',
    'We are looking for qualified suppliers for our coming orders.',
  ],
  toFinancier: [
    'نحضّر مشروع توسعة ونبحث عن تمويل مناسب.',
    "Nous préparons un projet d'extension et cherchons un financement.",
    'We are preparing an expansion and are looking for financing.',
  ],
  fromFinancier: [
    'نقدّم لكم خطوط القرض والإيجار المالي الموجهة للمؤسسات الصغيرة والمتوسطة.',
    'Présentation de nos lignes de crédit et de leasing pour les PME.',
    'An introduction to our credit and leasing lines for SMEs.',
  ],
  toSupport: [
    'نرغب في معرفة برامج المرافقة التي تقدمونها.',
    "Nous aimerions connaître vos programmes d'accompagnement.",
    'We would like to hear about your support programmes.',
  ],
  toPublic: [
    'نود الاطلاع على آليات الدعم العمومي المتاحة.',
    "Nous souhaitons connaître les dispositifs publics d'appui.",
    'We would like to learn about the public support schemes.',
  ],
  peer: [
    'نقترح تبادل الآراء حول شراكة ممكنة.',
    'Échange sur une coopération possible entre nos entreprises.',
    'A conversation about working together.',
  ],
};

function messageKey(from: OrganizationKind, to: OrganizationKind): MessageKey {
  if (from === 'FINANCIER') return 'fromFinancier';
  if (to === 'FINANCIER') return 'toFinancier';
  if (to === 'LARGE_FIRM') return 'toLarge';
  if (to === 'SUPPORT_INSTITUTION') return 'toSupport';
  if (to === 'PUBLIC_BODY') return 'toPublic';
  return from === 'SME' ? 'peer' : 'toSme';
}

/** Picks who comes and who asks whom, within the quotas and the financiers-meet-SMEs rule. */
export function planDemoForum(candidates: DemoCandidate[], opts: DemoPlanOptions): DemoPlan {
  const rng = new Rng(opts.seed);
  const byKind = new Map<OrganizationKind, DemoCandidate[]>();
  for (const c of candidates) {
    if (c.organizationId === opts.featured) continue;
    if (!byKind.has(c.kind)) byKind.set(c.kind, []);
    byKind.get(c.kind)!.push(c);
  }
  const featured = candidates.find((c) => c.organizationId === opts.featured && c.kind === 'SME');
  const chosen: DemoCandidate[] = featured ? [featured] : [];
  for (const [kind, n] of CAST) chosen.push(...rng.shuffle([...(byKind.get(kind) ?? [])]).slice(0, n));
  const smes = rng.shuffle([...(byKind.get('SME') ?? [])]);
  chosen.push(...smes.slice(0, Math.max(0, opts.delegates - chosen.length)));

  const delegates: DemoDelegatePlan[] = chosen.map((c, i) => ({
    ...c,
    goals: goalsOf(rng, c.kind),
    // A few delegates miss one half-day; never the featured one.
    awaySession: i > 0 && opts.sessions > 1 && rng.next() < 0.08 ? rng.int(opts.sessions) : null,
  }));

  const sent = delegates.map(() => 0);
  const accepted = delegates.map(() => 0);
  const pairs = new Set<string>();
  const requests: DemoRequestPlan[] = [];
  const quota = (i: number) => DEMO_QUOTAS[delegates[i].kind];
  const pairKey = (a: number, b: number) => (a < b ? `${a}:${b}` : `${b}:${a}`);

  /** Adds the request when the services would take it; the outcome drops to DECLINE at a full quota. */
  const add = (from: number, to: number, wanted: DemoOutcome): boolean => {
    if (from === to || pairs.has(pairKey(from, to))) return false;
    const [a, b] = [delegates[from].kind, delegates[to].kind];
    if ((a === 'FINANCIER' && b !== 'SME') || (b === 'FINANCIER' && a !== 'SME')) return false;
    if (sent[from] >= quota(from).maxRequests || accepted[from] >= quota(from).maxMeetings) return false;
    const outcome = wanted === 'ACCEPT' && accepted[to] >= quota(to).maxMeetings ? 'DECLINE' : wanted;
    sent[from]++;
    if (outcome === 'ACCEPT') {
      accepted[from]++;
      accepted[to]++;
    }
    pairs.add(pairKey(from, to));
    const lang = rng.next() < 0.6 ? 1 : rng.next() < 0.5 ? 0 : 2;
    const roll = rng.next();
    requests.push({
      from,
      to,
      priority: roll < 0.2 ? 3 : roll < 0.85 ? 2 : 1,
      session: rng.next() < 0.8 ? 'ANY' : rng.next() < 0.5 ? 'MORNING' : 'AFTERNOON',
      message: MESSAGES[messageKey(a, b)][lang],
      outcome,
    });
    return true;
  };

  // The featured SME meets a large firm, a financier, a support institution and two other SMEs.
  if (featured) {
    const first = (kind: OrganizationKind, skip = 0) =>
      delegates.findIndex((d, i) => i > 0 && d.kind === kind && skip-- === 0);
    const plan: [number, number][] = [
      [0, first('LARGE_FIRM')],
      [first('LARGE_FIRM', 1), 0],
      [0, first('FINANCIER')],
      [first('SUPPORT_INSTITUTION'), 0],
      [0, first('SME')],
      [first('SME', 1), 0],
    ];
    for (const [from, to] of plan) if (from >= 0 && to >= 0) add(from, to, 'ACCEPT');
  }

  const senders = delegates.map((d, i) => [i, ACTIVITY[d.kind]] as const);
  const senderTotal = senders.reduce((s, [, w]) => s + w, 0);
  const pickSender = () => {
    let r = rng.next() * senderTotal;
    for (const [i, w] of senders) if ((r -= w) < 0) return i;
    return senders.length - 1;
  };
  for (let attempts = 0; requests.length < opts.requests && attempts < opts.requests * 50; attempts++) {
    const from = pickSender();
    const affinity = AFFINITY[delegates[from].kind];
    const options = delegates
      .map((d, i) => [i, affinity[d.kind] ?? 0] as const)
      .filter(([i, w]) => w > 0 && i !== from);
    const total = options.reduce((s, [, w]) => s + w, 0);
    if (!total) continue;
    let r = rng.next() * total;
    const to = options.find(([, w]) => (r -= w) < 0)?.[0] ?? options[options.length - 1][0];
    const roll = rng.next();
    add(from, to, roll < 0.86 ? 'ACCEPT' : roll < 0.94 ? 'DECLINE' : 'PENDING');
  }
  return { delegates, requests };
}
