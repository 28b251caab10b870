import type { RouteDef } from './route';

/** Campaigns section of the contract (filled in by the campaigns work). */
export const campaignRoutes: RouteDef[] = [];
