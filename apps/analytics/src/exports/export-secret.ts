import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/**
 * The key download links are signed with: `ANALYTICS_EXPORT_SECRET`, else one made on first use and kept in the
 * schema (the first replica to store it wins; every replica then reads the same one).
 */
@Injectable()
export class ExportSecret {
  private value?: Promise<string>;

  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  get(): Promise<string> {
    const configured = process.env.ANALYTICS_EXPORT_SECRET;
    if (configured) return Promise.resolve(configured);
    this.value ??= (async () => {
      await this.ds.query(`INSERT INTO analytics.settings (name, value) VALUES ('export_link_secret', $1) ON CONFLICT DO NOTHING`, [randomBytes(32).toString('hex')]);
      const [row] = await this.ds.query(`SELECT value FROM analytics.settings WHERE name = 'export_link_secret'`);
      return row.value as string;
    })().catch((err) => { this.value = undefined; throw err; });
    return this.value;
  }
}
