import { Catch, HttpException, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, ERROR_STATUS, type ErrorCode } from '@influgentic/contracts';
import type { RouteTable } from './edge';
import { problem } from './problem';

/**
 * Unknown routes and anything Nest itself raises become problem documents too. A path that exists with other methods
 * is a 405 with `Allow`, and OPTIONS on it is answered (204 with `Allow`) when CORS has not answered it already.
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  constructor(private readonly routes: RouteTable) {}

  catch(exception: unknown, host: ArgumentsHost) {
    const req = host.switchToHttp().getRequest<FastifyRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const path = req.url.split('?')[0];
    // A body refused by our parsers (malformed or too deep JSON) on a path no route answers keeps its own status.
    if (exception instanceof DomainError) {
      reply.code(ERROR_STATUS[exception.code]).type('application/problem+json')
        .send(JSON.stringify(problem(exception.code, exception.message, path, req.id, exception.errors, exception.detail)));
      return;
    }
    let status = exception instanceof HttpException ? exception.getStatus() : 500;
    const allow = status === 404 ? this.routes.allowed(path) : [];
    if (allow.length) {
      reply.header('Allow', allow.join(', '));
      if (req.method === 'OPTIONS') return void reply.code(204).send();
      status = 405;
    }
    const code: ErrorCode = status === 404 ? 'not_found' : status === 405 ? 'method_not_allowed' : status < 500 ? 'bad_request' : 'internal_error';
    const message = status === 404 ? 'No operation exists at this path'
      : status === 405 ? `This path does not answer ${req.method}; it answers ${allow.join(', ')}`
        : status < 500 ? 'Bad request' : 'Internal error';
    reply.code(ERROR_STATUS[code]).type('application/problem+json').send(JSON.stringify(problem(code, message, path, req.id)));
  }
}
