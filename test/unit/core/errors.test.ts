import { describe, expect, it } from 'vitest';
import {
  HttpError,
  NetworkError,
  OptionError,
  ParleyError,
  ResponseError,
  isHttpError,
  isNetworkError,
  isOptionError,
  isParleyError,
  isResponseError,
  isTransientError,
} from '../../../src/core/errors/index.js';

describe('error classes', () => {
  it('are all ParleyErrors with a stable name and code, and keep their cause', () => {
    const cause = new TypeError('Failed to fetch');
    const cases: Array<[ParleyError, string, string]> = [
      [new NetworkError('down', { cause }), 'NetworkError', 'network'],
      [new NetworkError('slow', { timeout: true }), 'NetworkError', 'timeout'],
      [new HttpError(500, 'internal', 'boom', { cause }), 'HttpError', 'http'],
      [new OptionError('position', 'must be left or right'), 'OptionError', 'invalid_option'],
      [new ResponseError('config', []), 'ResponseError', 'invalid_response'],
    ];
    for (const [error, name, code] of cases) {
      expect(error).toBeInstanceOf(Error);
      expect(isParleyError(error)).toBe(true);
      expect(error.name).toBe(name);
      expect(error.code).toBe(code);
    }
    expect(cases[0]![0].cause).toBe(cause);
    expect(cases[2]![0].cause).toBe(cause);
  });

  it('give HTTP errors a code by status and keep the protocol problem code', () => {
    expect(new HttpError(401, 'unauthorized', 'x').code).toBe('unauthorized');
    expect(new HttpError(403, 'forbidden', 'x').code).toBe('unauthorized');
    expect(new HttpError(429, 'rate_limited', 'x').code).toBe('rate_limited');
    expect(new HttpError(400, 'invalid_body', 'x')).toMatchObject({ code: 'rejected', problemCode: 'invalid_body', status: 400 });
    expect(new HttpError(502, undefined, 'x')).toMatchObject({ code: 'http', problemCode: undefined });
  });

  it('call network failures, timeouts, 5xx, 408 and 429 transient, and other errors final', () => {
    for (const error of [
      new NetworkError('x'),
      new NetworkError('x', { timeout: true }),
      new HttpError(500, undefined, 'x'),
      new HttpError(503, undefined, 'x'),
      new HttpError(408, undefined, 'x'),
      new HttpError(429, 'rate_limited', 'x'),
    ]) {
      expect(isTransientError(error), `${error.message} ${error.code}`).toBe(true);
    }
    for (const error of [
      new HttpError(400, 'invalid_body', 'x'),
      new HttpError(401, 'unauthorized', 'x'),
      new HttpError(404, 'not_found', 'x'),
      new ResponseError('config', []),
      new OptionError('x', 'y'),
      new Error('plain'),
      'a string',
      null,
    ]) {
      expect(isTransientError(error)).toBe(false);
    }
  });

  it('have guards that tell the classes apart', () => {
    const http = new HttpError(404, 'not_found', 'x');
    expect(isHttpError(http)).toBe(true);
    expect(isNetworkError(http)).toBe(false);
    expect(isNetworkError(new NetworkError('x'))).toBe(true);
    expect(isOptionError(new OptionError('a', 'b'))).toBe(true);
    expect(isResponseError(new ResponseError('a', []))).toBe(true);
    expect(isParleyError(new Error('plain'))).toBe(false);
  });

  it('name the option in an OptionError', () => {
    const error = new OptionError('position', "must be 'left' or 'right', got \"top\"");
    expect(error.option).toBe('position');
    expect(error.message).toBe("Parley: option `position` must be 'left' or 'right', got \"top\"");
  });

  it('say where a reply broke the protocol, and carry the zod issues', () => {
    const issues = [{ path: ['message', 'seq'], message: 'Invalid input: expected int', code: 'invalid_type' }];
    const error = new ResponseError('message send', issues);
    expect(error.message).toBe("Parley: the backend's message send does not match Protocol v1 at message.seq: Invalid input: expected int");
    expect(error.issues).toEqual(issues);
    expect(error.details).toEqual(issues);
    expect(new ResponseError('config', [{ path: [], message: 'bad', code: 'x' }]).message).toMatch(/at \(root\): bad/);
  });
});
