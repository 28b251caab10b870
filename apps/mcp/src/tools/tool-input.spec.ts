import type { OperationSchema } from './operations';
import { splitArguments, toolInputSchema, ToolArgumentsError } from './tool-input';

const OPERATION: OperationSchema = {
  summary: 'Generate content',
  scope: 'content:generate',
  path: { type: 'object', properties: { id: { type: 'string', maxLength: 255 } }, required: ['id'] },
  query: { type: 'object', properties: { dry_run: { type: 'boolean' } }, required: [] },
  body: {
    type: 'object', additionalProperties: false, required: ['format'],
    properties: { format: { type: 'string', enum: ['post', 'x_post'] }, stream: { type: ['boolean', 'null'] }, tone: { type: 'string' } },
  },
  bodyRequired: true,
};
const SHAPE = { pathArguments: { id: { name: 'agent_id', description: 'The agent\'s id' } }, omit: ['stream'] };

describe('toolInputSchema', () => {
  it('flattens path, query and body into one object, naming the path id for what it is', () => {
    const schema = toolInputSchema(OPERATION, SHAPE);
    expect(Object.keys(schema.properties)).toEqual(['agent_id', 'dry_run', 'format', 'tone']);
    expect(schema.properties.agent_id).toEqual({ type: 'string', maxLength: 255, description: 'The agent\'s id' });
    expect(schema.properties.format).toEqual({ type: 'string', enum: ['post', 'x_post'] });
    expect(schema.required).toEqual(['agent_id', 'format']);
    expect(schema.additionalProperties).toBe(false);
  });

  it('states defaults, and requires nothing of an optional body', () => {
    const schema = toolInputSchema({ ...OPERATION, bodyRequired: false }, { ...SHAPE, defaults: { tone: 'calm' } });
    expect(schema.properties.tone).toEqual({ type: 'string', default: 'calm' });
    expect(schema.required).toEqual(['agent_id']);
  });

  it('refuses a shape under which one name would mean two inputs', () => {
    expect(() => toolInputSchema(OPERATION, { pathArguments: { id: { name: 'format', description: '' } } })).toThrow('argument format');
  });
});

describe('splitArguments', () => {
  it('sorts arguments into path, query and body', () => {
    expect(splitArguments(OPERATION, SHAPE, { agent_id: 'agent_1', dry_run: true, format: 'post' }))
      .toEqual({ path: { id: 'agent_1' }, query: { dry_run: true }, body: { format: 'post' } });
  });

  it('sends an empty body when the operation needs one, so the API names the missing fields', () => {
    expect(splitArguments(OPERATION, SHAPE, { agent_id: 'agent_1' }).body).toEqual({});
    expect(splitArguments({ ...OPERATION, bodyRequired: false }, SHAPE, { agent_id: 'agent_1' }).body).toBeUndefined();
  });

  it('fills defaults the caller left out, and keeps what the caller gave', () => {
    const shape = { ...SHAPE, defaults: { dry_run: false } };
    expect(splitArguments(OPERATION, shape, { agent_id: 'a' }).query).toEqual({ dry_run: false });
    expect(splitArguments(OPERATION, shape, { agent_id: 'a', dry_run: true }).query).toEqual({ dry_run: true });
  });

  it('refuses unknown and omitted names, and a missing or malformed id, naming each', () => {
    let caught: unknown;
    try {
      splitArguments(OPERATION, SHAPE, { id: 'agent_1', stream: true, format: 'post' });
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(ToolArgumentsError);
    expect((caught as ToolArgumentsError).errors.map((e) => [e.field, e.code])).toEqual([['id', 'unknown'], ['stream', 'unknown'], ['agent_id', 'required']]);
    expect((caught as ToolArgumentsError).errors[0].message).toContain('agent_id, dry_run, format, tone');
    expect(() => splitArguments(OPERATION, SHAPE, { agent_id: '' })).toThrow(ToolArgumentsError);
    expect(() => splitArguments(OPERATION, SHAPE, { agent_id: { id: 'x' } })).toThrow('1 argument is invalid');
  });
});
