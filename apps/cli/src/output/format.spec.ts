import { InfluConnectionError, InfluInvalidRequestError, InfluNotFoundError } from '@influgentic/sdk';
import { colorsFor } from './colors';
import { cell, percent, renderFields, renderTable, toCsv } from './format';
import { formatProblem, networkHint, problemJson } from './problem';

const plain = colorsFor({ isTTY: false }, {});

describe('colorsFor', () => {
  it('colours a terminal unless NO_COLOR is set, and never a pipe', () => {
    expect(colorsFor({ isTTY: true }, {}).red('x')).toBe('\u001b[31mx\u001b[39m');
    expect(colorsFor({ isTTY: true }, { NO_COLOR: '1' }).red('x')).toBe('x');
    expect(colorsFor({ isTTY: false }, {}).red('x')).toBe('x');
  });
});

describe('tables and fields', () => {
  it('renders one row per item under the headers, without escape codes off a terminal', () => {
    const out = renderTable([{ id: 'agent_a', reach: 12 }, { id: 'agent_b', reach: null }], [
      { header: 'ID', value: (r) => r.id }, { header: 'REACH', value: (r) => r.reach },
    ], plain);
    const lines = out.split('\n');
    expect(lines).toHaveLength(7);
    expect(lines[1]).toMatch(/│ ID\s+│ REACH │/);
    expect(lines[3]).toMatch(/│ agent_a │ 12\s+│/);
    expect(lines[5]).toMatch(/│ agent_b │\s+│/);
    expect(out).not.toContain('\u001b[');
  });

  it('aligns fields and flattens values', () => {
    expect(renderFields([['id', 'camp_1'], ['languages', ['en', 'de']]], plain)).toBe('id         camp_1\nlanguages  en, de');
    expect(cell({ a: 1 })).toBe('{"a":1}');
    expect(cell(undefined)).toBe('');
    expect(percent(0.12345)).toBe('12.35%');
    expect(percent(null)).toBe('-');
  });

  it('writes CSV with quoting where a field needs it', () => {
    expect(toCsv(['date', 'note'], [['2025-01-01', 'plain'], ['2025-01-02', 'a, "quoted"\nline']]))
      .toBe('date,note\n2025-01-01,plain\n2025-01-02,"a, ""quoted""\nline"\n');
  });
});

describe('problems', () => {
  const invalid = new InfluInvalidRequestError({
    code: 'validation_error', status: 422, title: 'Validation failed', message: '2 fields are invalid', requestId: 'req_123',
    errors: [{ field: 'type', code: 'enum', message: 'must be one of product_launch, review' }, { field: 'budget_usd', code: 'min', message: 'must be >= 0' }],
  });

  it('prints title, status and code, the detail, each field and the request id', () => {
    expect(formatProblem(invalid, plain).split('\n')).toEqual([
      'Error: Validation failed (422 validation_error)',
      '2 fields are invalid',
      '  - type: must be one of product_launch, review',
      '  - budget_usd: must be >= 0',
      'Request ID: req_123',
    ]);
  });

  it('prints a failure without a response by its code', () => {
    const error = new InfluConnectionError({ code: 'connection_error', message: 'fetch failed' });
    expect(formatProblem(error, plain)).toBe('Error: fetch failed (connection_error)');
    expect(networkHint(error, 'http://127.0.0.1:9')).toContain('Could not reach http://127.0.0.1:9');
    expect(networkHint(invalid, 'http://x')).toBeUndefined();
  });

  it('gives the problem document back as JSON, without empty members', () => {
    expect(problemJson(invalid)).toEqual({
      title: 'Validation failed', status: 422, code: 'validation_error', message: '2 fields are invalid', request_id: 'req_123', errors: invalid.errors,
    });
    expect(problemJson(new InfluNotFoundError({ code: 'not_found', status: 404, message: 'No such campaign' }))).toEqual({ status: 404, code: 'not_found', message: 'No such campaign' });
  });
});
