import type { IncomingMessage, ServerResponse } from 'node:http';
import { type DynamicModule, Module } from '@nestjs/common';
import { Context, Mutation, Resolver } from '@nestjs/graphql';
import { BullModule } from '@nestjs/bullmq';
import { BullBoardModule } from '@bull-board/nestjs';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { NextFunction, Request, Response } from 'express';
import { decodeJwt } from 'jose';
import { AppError, QUEUES, type AppConfig } from '#platform';
import { AccessTokens, Admin, AuthService, AuthModule, Authorize, IDENTITY_QUEUE, isAdmin } from '#identity';
import { FORUM_QUEUE } from '#forum';
import { MAIL_QUEUE } from '#notifications';
import { MATCH_QUEUE } from '#matchmaking';
import { JOB_QUEUES_PATH } from './job-queues-path.js';

export { JOB_QUEUES_PATH };

/*
 * The job queues (bull-board) for admins, at /admin/queues. A page opened by a link carries no
 * Authorization header, so the console asks `openJobQueues` (ADMIN rule, with its bearer token) to
 * put that same short-lived access token in a cookie scoped to /admin/queues: HttpOnly, SameSite=Strict
 * (so no other site can drive the dashboard's retry or clean buttons), Secure off loopback. Every
 * request under the path checks it against the account as it is now: a revoked role or an ended
 * session closes the dashboard at once, and an expired token sends the admin back to the console.
 */
export const JOB_QUEUES_COOKIE = 'tashbik_queues';
export const JOB_QUEUE_NAMES = [QUEUES.searchSync, MATCH_QUEUE, MAIL_QUEUE, FORUM_QUEUE, IDENTITY_QUEUE];

type Req = IncomingMessage & { res?: ServerResponse };

function cookieValue(req: IncomingMessage, name: string): string | null {
  for (const part of String(req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      const value = part.slice(eq + 1).trim();
      return /^[A-Za-z0-9_.~-]+$/.test(value) ? value : null;
    }
  }
  return null;
}

const onLoopback = (req: IncomingMessage) =>
  /^(localhost|\[::1\]|127(\.\d{1,3}){3})(:\d+)?$/i.test(String(req.headers.host ?? ''));

const bearer = (req: IncomingMessage) =>
  /^Bearer ([A-Za-z0-9._~+/=-]{10,4096})$/.exec(String(req.headers.authorization ?? '').trim())?.[1] ?? null;

/** The page shown instead of the dashboard, in the three languages (it is reached by a link). */
function refusal(res: Response, status: 401 | 403, why: 'signin' | 'admin'): void {
  const text =
    why === 'signin'
      ? [
          'افتح لوحة المهام من صفحة العمليات في وحدة التحكم.',
          'Ouvrez les files de tâches depuis la page Opérations de la console.',
          'Open the job queues from the console’s Operations page.',
        ]
      : [
          'لوحة المهام للمشرفين فقط.',
          'Les files de tâches sont réservées aux administrateurs.',
          'The job queues are for administrators only.',
        ];
  res
    .status(status)
    .type('html')
    .send(
      `<!doctype html><html lang="ar" dir="rtl"><meta charset="utf-8"><title>Tashbik</title>` +
        `<body style="font-family:sans-serif;margin:2rem"><p>${text[0]}</p>` +
        `<p lang="fr" dir="ltr">${text[1]}</p><p lang="en" dir="ltr">${text[2]}</p>` +
        `<p><a href="/console/operations">/console/operations</a></p></body></html>`,
    );
}

/** Express middleware in front of the dashboard: a valid cookie of a current admin, or a refusal. */
export function jobQueuesGate(auth: AuthService, tokens: AccessTokens) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const token = cookieValue(req, JOB_QUEUES_COOKIE);
    if (!token) return refusal(res, 401, 'signin');
    tokens
      .verify(token)
      .then((claims) => auth.viewerFromClaims(claims))
      .then(
        (viewer) => (isAdmin(viewer) ? next() : refusal(res, 403, 'admin')),
        () => refusal(res, 401, 'signin'),
      );
  };
}

@Resolver()
export class JobQueuesResolver {
  @Authorize(Admin)
  @Mutation(() => String, {
    description:
      'Opens the job queues dashboard for this browser (admins): sets an HttpOnly cookie scoped to /admin/queues holding the request’s own access token, valid as long as that token; returns the path to open',
  })
  async openJobQueues(@Context() ctx: { req?: Req }): Promise<string> {
    const req = ctx.req;
    const token = req ? bearer(req) : null;
    // The guard has checked this token and its account already; its expiry bounds the cookie.
    const exp = token ? decodeJwt(token).exp : undefined;
    if (!req?.res || !token || !exp)
      throw new AppError('UNAUTHENTICATED', 'sign in with an access token to open the job queues');
    const seconds = Math.max(0, exp - Math.floor(Date.now() / 1000));
    req.res.setHeader('set-cookie', [
      [
        `${JOB_QUEUES_COOKIE}=${token}`,
        `Path=${JOB_QUEUES_PATH}`,
        `Max-Age=${seconds}`,
        'HttpOnly',
        'SameSite=Strict',
        ...(onLoopback(req) ? [] : ['Secure']),
      ].join('; '),
    ]);
    return JOB_QUEUES_PATH;
  }
}

/** bull-board on the api's queues at /admin/queues, behind `jobQueuesGate`. */
@Module({})
export class JobQueuesModule {
  static forRoot(config: AppConfig): DynamicModule {
    const tokens = new AccessTokens(config.auth.jwtSecret, config.auth.accessTokenSeconds);
    return {
      module: JobQueuesModule,
      imports: [
        // The api enqueues to most of these already; registering them here makes all five visible.
        BullModule.registerQueue(...JOB_QUEUE_NAMES.map((name) => ({ name }))),
        BullBoardModule.forRootAsync({
          imports: [AuthModule],
          inject: [AuthService],
          useFactory: (auth: AuthService) => ({
            route: JOB_QUEUES_PATH,
            adapter: ExpressAdapter,
            middleware: jobQueuesGate(auth, tokens),
            boardOptions: { uiConfig: { boardTitle: 'Tashbik' } },
          }),
        }),
        BullBoardModule.forFeature(...JOB_QUEUE_NAMES.map((name) => ({ name, adapter: BullMQAdapter }))),
      ],
      providers: [JobQueuesResolver],
    };
  }
}
