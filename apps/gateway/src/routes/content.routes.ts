import type { RouteDef } from './route';

/** Content section of the contract (filled in by the content work). */
export const contentRoutes: RouteDef[] = [];
