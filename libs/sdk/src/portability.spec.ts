import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const SDK = path.resolve(__dirname, '..');
const ROOT = path.resolve(SDK, '../..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sources(full);
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') ? [full] : [];
  });
}

describe('the SDK stands alone and runs in browsers', () => {
  const files = sources(path.join(SDK, 'src'));
  const imports = files.flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/from '([^']+)'|require\('([^']+)'\)/g)].map((m) => ({ file, name: m[1] ?? m[2] })));

  it('imports only its own files and its two dependencies: no Node built-ins, nothing of the platform', () => {
    const outside = imports.filter((i) => !i.name.startsWith('.') && !['openapi-fetch', 'eventsource-parser'].includes(i.name));
    expect(outside).toEqual([]);
    expect(imports.length).toBeGreaterThan(10);
  });

  it('type-checks with the DOM library and no Node types', () => {
    const tsc = path.join(ROOT, 'node_modules/typescript/bin/tsc');
    const run = spawnSync(process.execPath, [tsc, '-p', path.join(SDK, 'tsconfig.json')], { cwd: ROOT, encoding: 'utf8' });
    expect(run.stdout + run.stderr).toBe('');
    expect(run.status).toBe(0);
  }, 60_000);

  it('declares what it imports as dependencies of the published package', () => {
    const pkg = JSON.parse(readFileSync(path.join(SDK, 'package.json'), 'utf8'));
    expect(Object.keys(pkg.dependencies).sort()).toEqual(['eventsource-parser', 'openapi-fetch']);
    expect(pkg).toMatchObject({ name: '@influgentic/sdk', private: false, license: 'Apache-2.0' });
  });
});
