import { isDatabaseUnavailable } from './unavailable';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('isDatabaseUnavailable', () => {
  it.each([
    ['connection refused', withCode('ECONNREFUSED')],
    ['connection reset', withCode('ECONNRESET')],
    ['every address refused (AggregateError)', Object.assign(new AggregateError([withCode('ECONNREFUSED')], ''), { code: 'ECONNREFUSED' })],
    ['AggregateError without its own code', new AggregateError([withCode('ECONNREFUSED')], '')],
    ['admin shutdown (57P01)', withCode('57P01', 'terminating connection due to administrator command')],
    ['cannot connect now (57P03)', withCode('57P03', 'the database system is starting up')],
    ['too many connections (53300)', withCode('53300')],
    ['connection exception class 08', withCode('08006')],
    ['pool connect timeout', new Error('timeout exceeded when trying to connect')],
    ['connection terminated', new Error('Connection terminated unexpectedly')],
    ['no answer within the query timeout', new Error('Query read timeout')],
    ['wrapped by TypeORM', Object.assign(new Error('query failed'), { driverError: withCode('ECONNREFUSED') })],
    ['as a cause', new Error('outer', { cause: withCode('57P01') })],
  ])('%s is unavailability', (_name, err) => {
    expect(isDatabaseUnavailable(err)).toBe(true);
  });

  it.each([
    ['a unique violation', withCode('23505')],
    ['bad input syntax', withCode('22P02')],
    ['a numeric overflow', withCode('22003')],
    ['a plain error', new Error('boom')],
    ['not an error', 'ECONNREFUSED'],
    ['null', null],
  ])('%s is not', (_name, err) => {
    expect(isDatabaseUnavailable(err)).toBe(false);
  });
});
