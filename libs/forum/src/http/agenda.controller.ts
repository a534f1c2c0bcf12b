import { Controller, Get, Logger, Param, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AppError, errorForLog, loggedUrl } from '#platform';
import { langFromHeader } from '#platform';
import {
  AccessService,
  AnyOf,
  AuthService,
  isOrganiser,
  MemberOf,
  Organiser,
  ownerOfRecord,
  arg,
  type Rule,
  type Viewer,
} from '#identity';
import { AgendaDocumentService } from '../meeting/agenda-document.service.js';
import type { AgendaView } from '../meeting/agenda.service.js';
import { AgendaFeedService } from '../day/agenda-feed.service.js';
import { StatisticsService } from '../day/statistics.service.js';
import { renderAgendaHtml } from '../agenda/html.js';
import { renderAgendaCsv } from '../agenda/csv.js';
import { renderICalendar } from '../agenda/ical.js';
import { statisticsCsv } from '../stats/statistics.js';
import type { Agenda, AgendaLang } from '../agenda/types.js';

const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
const AGENDA_FILE = new RegExp(`^(${UUID})\\.(html|csv)$`);
const FEED_FILE = /^([A-Za-z0-9_-]{1,100})\.ics$/;

const STATUS: Partial<Record<string, number>> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
};

const DelegateMembers = AnyOf(Organiser, MemberOf(ownerOfRecord('forum_delegate', 'delegateId')));
const OrganisationMembers = AnyOf(Organiser, MemberOf(arg('organizationId')));

/**
 * Agendas over plain HTTP, for printing and spreadsheets: per delegate, organisation and table as
 * HTML or CSV (signed-in callers, `Authorization: Bearer`, under the same access rules as GraphQL),
 * the organiser statistics as CSV, and each delegate's iCalendar feed at a private URL whose token
 * is the only credential (calendar apps cannot send a header).
 */
@Controller('forum')
export class ForumAgendaController {
  private readonly logger = new Logger(ForumAgendaController.name);

  constructor(
    private readonly auth: AuthService,
    private readonly access: AccessService,
    private readonly documents: AgendaDocumentService,
    private readonly feeds: AgendaFeedService,
    private readonly stats: StatisticsService,
  ) {}

  @Get('agendas/delegates/:file')
  delegateAgenda(
    @Param('file') file: string,
    @Query() query: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    return this.answer(res, async () => {
      const [delegateId, format] = agendaFile(file);
      const viewer = await this.authorize(req, DelegateMembers, { delegateId });
      const view = viewOf(query, viewer);
      const agenda = await this.documents.delegate(delegateId, view, langOf(query, req));
      this.sendAgenda(res, agenda, format, langOf(query, req), `agenda-delegate-${delegateId}`);
    });
  }

  @Get('agendas/editions/:editionId/organizations/:file')
  organizationAgenda(
    @Param('editionId') editionId: string,
    @Param('file') file: string,
    @Query() query: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    return this.answer(res, async () => {
      const [organizationId, format] = agendaFile(file);
      const viewer = await this.authorize(req, OrganisationMembers, { organizationId });
      const agenda = await this.documents.organization(
        editionId,
        organizationId,
        viewOf(query, viewer),
        langOf(query, req),
      );
      this.sendAgenda(res, agenda, format, langOf(query, req), `agenda-organisation-${organizationId}`);
    });
  }

  @Get('agendas/editions/:editionId/tables/:file')
  tableAgenda(
    @Param('editionId') editionId: string,
    @Param('file') file: string,
    @Query() query: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    return this.answer(res, async () => {
      const [tableId, format] = agendaFile(file);
      const viewer = await this.authorize(req, Organiser, {});
      const agenda = await this.documents.table(
        editionId,
        tableId,
        viewOf(query, viewer),
        langOf(query, req),
      );
      this.sendAgenda(res, agenda, format, langOf(query, req), `agenda-table-${tableId}`);
    });
  }

  @Get('editions/:editionId/:file')
  statistics(
    @Param('editionId') editionId: string,
    @Param('file') file: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    return this.answer(res, async () => {
      if (file !== 'statistics.csv') throw new AppError('NOT_FOUND', `no such export: ${file.slice(0, 40)}`);
      await this.authorize(req, Organiser, {});
      const csv = statisticsCsv(await this.stats.statistics(editionId), { bom: true });
      res
        .status(200)
        .type('text/csv; charset=utf-8')
        .setHeader('content-disposition', `attachment; filename="statistics-${editionId}.csv"`)
        .setHeader('cache-control', 'private, no-store')
        .send(csv);
    });
  }

  /** The private calendar feed: the token in the URL is the credential. */
  @Get('feeds/:file')
  feed(
    @Param('file') file: string,
    @Query() query: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    return this.answer(res, async () => {
      const token = FEED_FILE.exec(file)?.[1];
      const delegateId = token ? await this.feeds.delegateOf(token) : null;
      if (!delegateId) throw new AppError('NOT_FOUND', 'no calendar feed at this address');
      const lang = langOf(query, req, 'en');
      const agenda = await this.documents.delegate(delegateId, 'PUBLISHED', lang);
      res
        .status(200)
        .type('text/calendar; charset=utf-8')
        .setHeader('cache-control', 'private, no-cache')
        .setHeader('referrer-policy', 'no-referrer')
        .send(renderICalendar({ ...agenda, lang, generatedAt: new Date() }));
    });
  }

  private sendAgenda(
    res: Response,
    agenda: Agenda,
    format: 'html' | 'csv',
    lang: AgendaLang,
    name: string,
  ): void {
    res.setHeader('cache-control', 'private, no-store');
    if (format === 'html') {
      res.status(200).type('text/html; charset=utf-8').send(renderAgendaHtml(agenda, lang));
      return;
    }
    res
      .status(200)
      .type('text/csv; charset=utf-8')
      .setHeader('content-disposition', `attachment; filename="${name}.csv"`)
      .send(renderAgendaCsv(agenda, { bom: true, lang }));
  }

  /** The signed-in viewer, checked against `rule` with the same access facts as GraphQL. */
  private async authorize(req: Request, rule: Rule, args: Record<string, unknown>): Promise<Viewer | null> {
    const header = req.headers.authorization;
    let viewer: Viewer | null = null;
    if (header) {
      const match = /^Bearer ([A-Za-z0-9._~+/=-]{10,4096})$/.exec(header.trim());
      if (!match)
        throw new AppError('UNAUTHENTICATED', 'the Authorization header must be "Bearer <access token>"', {
          reason: 'TOKEN_INVALID',
        });
      viewer = await this.auth.viewerFromToken(match[1]);
    }
    const verdict = await rule.check({ viewer, args, access: this.access.forViewer(viewer) });
    if (!verdict.allowed) throw new AppError(verdict.code, verdict.reason);
    return viewer;
  }

  /** Runs a handler and answers a client error as JSON, in the shape GraphQL clients already read. */
  private async answer(res: Response, fn: () => Promise<void>): Promise<void> {
    try {
      await fn();
    } catch (e) {
      const status = e instanceof AppError ? STATUS[e.code] : undefined;
      if (!(e instanceof AppError) || !status) {
        // The feed's URL is its credential: logged as its route pattern.
        this.logger.error(
          { err: errorForLog(e), url: loggedUrl(res.req.originalUrl) },
          'agenda export failed',
        );
        res
          .status(500)
          .json({ errors: [{ message: 'internal error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
        return;
      }
      if (status === 401) res.setHeader('www-authenticate', 'Bearer');
      res.status(status).json({ errors: [{ message: e.message, extensions: e.extensions }] });
    }
  }
}

function agendaFile(file: string): [string, 'html' | 'csv'] {
  const m = AGENDA_FILE.exec(file);
  if (!m) throw new AppError('NOT_FOUND', 'ask for <id>.html or <id>.csv');
  return [m[1].toLowerCase(), m[2] as 'html' | 'csv'];
}

function langOf(query: Record<string, unknown>, req: Request, fallback?: AgendaLang): AgendaLang {
  const q = query.lang;
  if (q === 'ar' || q === 'fr' || q === 'en') return q;
  if (fallback && !req.headers['accept-language']) return fallback;
  return langFromHeader(req.headers['accept-language']);
}

/** PUBLISHED by default; the working draft only for organisers. */
function viewOf(query: Record<string, unknown>, viewer: Viewer | null): AgendaView {
  if (query.view === undefined || query.view === 'PUBLISHED') return 'PUBLISHED';
  if (query.view !== 'DRAFT') throw new AppError('BAD_USER_INPUT', 'view must be PUBLISHED or DRAFT');
  if (!isOrganiser(viewer)) throw new AppError('FORBIDDEN', 'only organisers see the draft schedule');
  return 'DRAFT';
}
