import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import type { NextFunction, Request, Response } from 'express';
import { REQUEST_ID_HEADER, requestContext, requestIdOf, type AppConfig } from '#platform';
import { ApiModule } from './api.module.js';

/** Builds the api application (not yet listening). */
export async function createApi(config: AppConfig): Promise<INestApplication> {
  const app = await NestFactory.create(ApiModule.forRoot(config), { bufferLogs: true, bodyParser: false });
  app.useLogger(app.get(Logger));
  const express = (await import('express')).default;
  // One request id for the whole request: logs, error messages and the outbox rows it writes.
  app.use((req: Request & { id?: string }, res: Response, next: NextFunction) => {
    req.id = requestIdOf(req);
    res.setHeader(REQUEST_ID_HEADER, req.id);
    requestContext.run({ requestId: req.id }, next);
  });
  app.use(express.json({ limit: '256kb' }));
  app.enableShutdownHooks();
  return app;
}
