import { Writable } from 'node:stream';
import pino from 'pino';
import { QueryFailedError } from 'typeorm';
import { CENSOR, errorForLog, loggedUrl, safeLogOptions, withoutParameters } from './redaction.js';

/** A pino logger writing into an array, with the platform's redaction and error serializer. */
function capture(): { lines: string[]; logger: pino.Logger } {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  const logger = pino({ level: 'trace', ...safeLogOptions() }, sink);
  return { lines, logger };
}

/** What TypeORM throws when Postgres refuses a row: the query, its parameters and the driver error. */
function queryFailed(parameters: unknown[]): QueryFailedError {
  const driverError = Object.assign(
    new Error(`invalid input syntax for type uuid: "${String(parameters[0])}"`),
    {
      code: '22P02',
      detail: `Failing row contains (${parameters.join(', ')}).`,
      table: 'user_account',
      constraint: 'user_account_check',
    },
  );
  return new QueryFailedError(
    'SELECT * FROM user_account WHERE id = $1 AND email = $2',
    parameters,
    driverError,
  );
}

describe('log redaction', () => {
  it('censors credentials by key at any depth of a log line', () => {
    const { lines, logger } = capture();
    logger.info(
      {
        req: { headers: { authorization: 'Bearer eyJ.secret-a', cookie: 'sid=secret-b' } },
        res: { headers: { 'set-cookie': 'sid=secret-c' } },
        variables: { token: 'secret-d', input: { password: 'secret-e', newPassword: 'secret-f' } },
        login: { accessToken: 'secret-g', refreshToken: 'secret-h' },
        password: 'secret-i',
        deep: { a: { b: { c: { d: { token: 'secret-j' } } } } },
        list: [{ Authorization: 'Bearer secret-k' }, 'kept too'],
        smtp: { auth: { user: 'mailer', pass: 'secret-m' }, headers: { 'X-Api-Key': 'secret-n' } },
        row: { secrets: 'secret-o', params: { resetToken: 'secret-p' }, token_hash: 'secret-q' },
        config: { jwtSecret: 'secret-r', meiliMasterKey: 'secret-s' },
        harmless: 'kept',
      },
      'x',
    );
    const line = lines.join('');
    expect(line).not.toMatch(/secret-/);
    expect(line).toContain(CENSOR);
    expect(line).toContain('kept');
    expect(line).toContain('kept too');
    expect(line).toContain('mailer');
  });

  it('scrubs credentials quoted in texts: URL passwords, Authorization values, feed addresses', () => {
    const { lines, logger } = capture();
    const feed = '/forum/feeds/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcde.ics';
    logger.warn(`SMTP smtps://mailer:secret-t@smtp.example.org:465 refused; sent Bearer secret-u.x.y`);
    logger.info({ note: `fetched ${feed}`, url: 'redis://:secret-v@cache:6379' }, 'x');
    logger.error({ err: new Error(`GET ${feed} failed with Basic c2VjcmV0LXc6eA==`) }, 'y');
    const text = lines.join('');
    expect(text).not.toMatch(/secret-|AbCdEfGh|c2VjcmV0/);
    expect(text).toContain('smtps://mailer:***@smtp.example.org');
    expect(text).toContain('/forum/feeds/:token.ics');
  });

  it('leaves the objects a caller logs untouched', () => {
    const { lines, logger } = capture();
    const variables = { input: { email: 'a@example.org', password: 'secret-l' } };
    logger.info({ variables }, 'x');
    expect(variables.input.password).toBe('secret-l');
    expect(JSON.parse(lines[0]).variables).toEqual({ input: { email: 'a@example.org', password: CENSOR } });
  });

  it('logs the calendar feed route as a pattern and query string values not at all', () => {
    const token = 'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcde';
    expect(loggedUrl(`/forum/feeds/${token}.ics`)).toBe('/forum/feeds/:token.ics');
    expect(loggedUrl(`/forum/feeds/${token}.ics?lang=fr`)).toBe(`/forum/feeds/:token.ics?lang=${CENSOR}`);
    expect(loggedUrl(`/Forum/Feeds/${token}`)).toBe('/forum/feeds/:token.ics');
    expect(loggedUrl(`/graphql?query=x&variables={"token":"${token}"}`)).not.toContain(token);
    expect(loggedUrl('/forum/agendas/delegates/1.html')).toBe('/forum/agendas/delegates/1.html');
    expect(loggedUrl(undefined)).toBe('');
  });

  it('reduces a failed query to class, message, code and SQL state, without its parameters', () => {
    const err = queryFailed(['Poison-7f3a9c', 'victim@example.org', 42]);
    const logged = errorForLog(err);
    expect(logged).toMatchObject({
      type: 'QueryFailedError',
      sqlState: '22P02',
      constraint: 'user_account_check',
      table: 'user_account',
    });
    expect(logged.message).toBe('invalid input syntax for type uuid: "[parameter]"');
    const text = JSON.stringify(logged);
    expect(text).not.toContain('Poison-7f3a9c');
    expect(text).not.toContain('victim@example.org');
    expect(text).not.toContain('Failing row');
    expect(text).not.toContain('SELECT');
    expect(logged.stack).toMatch(/^QueryFailedError: invalid input syntax/);
  });

  it('keeps the same answer whichever logger serializes the error', () => {
    const err = queryFailed(['Poison-1b2c3d', 'victim@example.org']);
    const { lines, logger } = capture();
    logger.error({ err }, 'direct');
    logger.error({ err: errorForLog(err) }, 'reduced twice');
    expect(lines).toHaveLength(2);
    for (const line of lines) {
      expect(line).not.toContain('Poison-1b2c3d');
      expect(line).not.toContain('victim@example.org');
      expect(JSON.parse(line).err).toMatchObject({ type: 'QueryFailedError', sqlState: '22P02' });
    }
  });

  it('keeps the code of domain and system errors', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    expect(errorForLog(refused)).toMatchObject({ type: 'Error', code: 'ECONNREFUSED' });
    expect(errorForLog(refused).sqlState).toBeUndefined();
    expect(errorForLog('plain')).toEqual({ type: 'string', message: 'plain' });
    expect(withoutParameters('value "abc" and "x"', ['abc', 'x'])).toBe('value "[parameter]" and "x"');
  });
});
