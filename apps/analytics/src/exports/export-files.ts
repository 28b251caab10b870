import { join, resolve } from 'node:path';
import type { ExportFormat } from '@influgentic/contracts';

/**
 * Where finished exports are written: `ANALYTICS_EXPORTS_DIR`, else `.data/exports`. The gateway serves them from the
 * same place (one disk, or a volume shared by the analytics replicas and the gateways).
 */
export function exportsDirectory(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.ANALYTICS_EXPORTS_DIR ?? join('.data', 'exports'));
}

export const exportFileName = (jobId: string, format: ExportFormat) => `${jobId}.${format}`;
