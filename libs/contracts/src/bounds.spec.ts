import { getMetadataStorage } from 'class-validator';
import * as contracts from './index';

/**
 * A number the database cannot hold fails deep inside a query (a 500). Every numeric input field of every contract
 * class must therefore carry an upper bound that class-validator checks at the edge.
 */
describe('numeric input fields are bounded', () => {
  const storage = getMetadataStorage();
  const classes = Object.entries(contracts).filter(([, v]) => typeof v === 'function' && /^[A-Z]/.test(v.name)) as [string, new () => object][];
  const numeric: string[] = [];
  const unbounded: string[] = [];
  for (const [name, cls] of classes) {
    const metas = storage.getTargetValidationMetadatas(cls, '', true, false);
    const byProperty = new Map<string, string[]>();
    for (const m of metas) byProperty.set(m.propertyName, [...(byProperty.get(m.propertyName) ?? []), m.name ?? m.type]);
    for (const [property, rules] of byProperty) {
      if (!rules.some((r) => r === 'isInt' || r === 'isNumber')) continue;
      numeric.push(`${name}.${property}`);
      if (!rules.includes('max')) unbounded.push(`${name}.${property}`);
    }
  }

  it('finds the numeric fields (the scan works)', () => {
    expect(numeric).toEqual(expect.arrayContaining(['ListAgentsQuery.min_reach', 'CreateCampaignBody.budget_usd']));
  });

  it('gives each one a maximum', () => {
    expect(unbounded).toEqual([]);
  });

  it('never uses IsNumber maxDecimalPlaces (it throws a TypeError on 1e-7; IsMoney judges the value)', () => {
    const offenders = classes.flatMap(([name, cls]) => storage.getTargetValidationMetadatas(cls, '', true, false)
      .filter((m) => m.name === 'isNumber' && (m.constraints?.[0] as { maxDecimalPlaces?: number } | undefined)?.maxDecimalPlaces !== undefined)
      .map((m) => `${name}.${m.propertyName}`));
    expect(offenders).toEqual([]);
  });
});
