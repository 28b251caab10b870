import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { PlannerSubjects, type CalendarQuery, type GenerateWeekBody, type RequestContext } from '@influgentic/contracts';
import { Caller, ForwardedIdempotencyKey, IdempotencyStore, type IdempotencyKey } from '@influgentic/messaging';
import { CalendarService } from './calendar.service';
import { WeekPlanService } from './week-plan.service';

/** NATS handlers: one call into the service each, with the command the gateway validated. */
@Controller()
export class PlannerHandlers {
  constructor(private readonly weeks: WeekPlanService, private readonly calendars: CalendarService, private readonly idempotency: IdempotencyStore) {}

  /** With an Idempotency-Key the job is recorded with the key: a retry answers the same job. */
  @MessagePattern(PlannerSubjects.generateWeek)
  generateWeek(@Payload() cmd: GenerateWeekBody, @Caller() ctx: RequestContext, @ForwardedIdempotencyKey() key?: IdempotencyKey) {
    return this.idempotency.execute(ctx, key, (run) => this.weeks.accept(ctx, cmd, run));
  }

  @MessagePattern(PlannerSubjects.calendar)
  calendar(@Payload() cmd: CalendarQuery, @Caller() ctx: RequestContext) {
    return this.calendars.calendar(ctx, cmd);
  }
}
