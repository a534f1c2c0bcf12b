import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { REQUEST_ID_HEADER, requestContext, requestIdOf, type AppConfig } from '#platform';
import { ApiModule } from './api.module.js';
import { BODY_LIMIT_BYTES, bodyErrors, corsOptions, securityHeaders } from './edge/http-edge.js';
import { RateLimitService } from './edge/rate-limit.js';
import { webApp } from './edge/web-app.js';

/**
 * Builds the api application (not yet listening). In front of GraphQL, in this order: request id,
 * security headers, the web app's files (when built), CORS, rate limit, then a bounded JSON body parser whose failures answer JSON.
 */
export async function createApi(config: AppConfig): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.forRoot(config), {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  // The client address rate limits and logs see is the one the trusted proxies report.
  app.set('trust proxy', config.trustProxyHops);
  const express = (await import('express')).default;
  // One request id for the whole request: logs, error messages and the outbox rows it writes.
  app.use((req: Request & { id?: string }, res: Response, next: NextFunction) => {
    req.id = requestIdOf(req);
    res.setHeader(REQUEST_ID_HEADER, req.id);
    requestContext.run({ requestId: req.id }, next);
  });
  app.use(securityHeaders(config));
  // The web app's files, when built, are served before the rate limit: one page load is many files.
  const web = await webApp();
  if (web) app.use(web);
  app.enableCors(corsOptions(config));
  app.use(app.get(RateLimitService).middleware());
  app.use(express.json({ limit: BODY_LIMIT_BYTES }));
  app.use(bodyErrors);
  return app;
}
