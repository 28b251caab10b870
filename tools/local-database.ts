/**
 * For commands run on their own (`npm run seed`, `npm run migrate`): without DATABASE_URL, find or start the same
 * Postgres `npm start` uses. Returns how to stop what was started (nothing, when DATABASE_URL was already set).
 */
export async function useLocalDatabase(): Promise<() => Promise<void>> {
  if (process.env.DATABASE_URL) return async () => undefined;
  const infra = await require('../scripts/infra').ensureInfra({ log: () => undefined });
  process.env.DATABASE_URL = infra.databaseUrl;
  return infra.stop;
}
