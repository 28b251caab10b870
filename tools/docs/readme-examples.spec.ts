import { transformSync } from '@swc/core';
import type { Command } from 'commander';
import { CliContext } from '../../apps/cli/src/context';
import { buildProgram } from '../../apps/cli/src/program';
import { cliExamples, fencedBlocks, readmeSection } from '../../apps/cli/test/readme-section';

/** The command tree with every action replaced by a no-op: parsing checks commands and options, and runs nothing. */
function dryProgram(): Command {
  const sink = { write: () => true };
  const program = buildProgram(new CliContext({ stdout: sink, stderr: sink, stdin: process.stdin, env: {} }, new AbortController().signal));
  const silence = (command: Command) => {
    if (command.commands.length === 0) command.action(() => undefined);
    command.commands.forEach(silence);
  };
  silence(program);
  return program;
}

/**
 * The README's "Use it from code" section stays true: each CLI command it shows parses with the real command tree
 * (commands, options and required options), and each TypeScript example compiles and imports only the SDK and Node.
 * apps/cli/test/readme-examples.e2e.test.ts runs the TypeScript examples against the platform.
 */
describe('README: Use it from code', () => {
  const section = readmeSection();

  it('shows CLI commands, and each one parses', async () => {
    const examples = cliExamples(section);
    expect(examples.length).toBeGreaterThanOrEqual(5);
    for (const args of examples) {
      await expect(dryProgram().parseAsync(['node', 'influgentic', ...args])).resolves.toBeDefined();
    }
  });

  it('reads continued lines whole and stops at a redirection', () => {
    const markdown = '```bash\nnpx influgentic content generate a \\\n  --type "product review" --stream\nnpx influgentic analytics report c --csv > out.csv\nnpx influgentic-mcp\n```\n';
    expect(cliExamples(markdown)).toEqual([['content', 'generate', 'a', '--type', 'product review', '--stream'], ['analytics', 'report', 'c', '--csv']]);
  });

  it('would catch a command that does not exist', async () => {
    await expect(dryProgram().parseAsync(['node', 'influgentic', 'content', 'publishh', 'cnt_1'])).rejects.toMatchObject({ code: 'commander.unknownCommand' });
    await expect(dryProgram().parseAsync(['node', 'influgentic', 'agents', 'list', '--colour'])).rejects.toMatchObject({ code: 'commander.unknownOption' });
  });

  it('has TypeScript examples that compile and import only the SDK and Node', () => {
    const blocks = fencedBlocks(section).filter((b) => b.lang === 'ts');
    expect(blocks.length).toBeGreaterThanOrEqual(3);
    for (const block of blocks) {
      expect(() => transformSync(block.code, { swcrc: false, jsc: { parser: { syntax: 'typescript' }, target: 'es2022' } })).not.toThrow();
      const imported = [...block.code.matchAll(/from '([^']+)'/g)].map((m) => m[1]);
      expect(imported.every((name) => name === '@influgentic/sdk' || name.startsWith('node:'))).toBe(true);
    }
    const all = blocks.map((b) => b.code).join('\n');
    expect(all).toContain('new Influgentic({');
    expect(all).toMatch(/for await \(const agent of client\.agents\.list/);
    expect(all).toContain('generateStream(');
    expect(all).toContain('verifyWebhook(');
  });

  it('configures the MCP server with its key', () => {
    expect(section).toContain('npx influgentic-mcp');
    const config = fencedBlocks(section).find((b) => b.lang === 'json');
    expect(JSON.parse(config!.code).mcpServers.influgentic).toMatchObject({ command: 'npx', args: ['influgentic-mcp'], env: { INFLUGENTIC_API_KEY: expect.any(String) } });
  });
});
