import { Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { AppError } from '#platform';
import { UnsubscribeService } from './unsubscribe.service.js';

/**
 * The `List-Unsubscribe` address of digests and alerts. A mail client's one-click POST
 * (`List-Unsubscribe=One-Click`, RFC 8058) turns that kind of mail off at once, with no session; a
 * GET (a person opening the address) is sent to the web app's `/unsubscribe` page, which asks
 * before doing it (GET never changes anything: link scanners open links).
 */
@Controller('mail')
export class UnsubscribeController {
  constructor(private readonly service: UnsubscribeService) {}

  @Post('unsubscribe')
  @HttpCode(200)
  async oneClick(@Query('token') token: unknown, @Res() res: Response): Promise<void> {
    res.setHeader('Cache-Control', 'no-store');
    try {
      const kind = await this.service.unsubscribe(token);
      res.json({ unsubscribed: kind });
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      res.status(400).json({ error: { code: e.code, reason: e.extensions.reason } });
    }
  }

  @Get('unsubscribe')
  page(@Query('token') token: unknown, @Res() res: Response): void {
    const t = typeof token === 'string' ? token.slice(0, 200) : '';
    res.setHeader('Cache-Control', 'no-store');
    res.redirect(303, `/unsubscribe?token=${encodeURIComponent(t)}`);
  }
}
