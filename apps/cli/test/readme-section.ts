import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const README_PATH = join(__dirname, '..', '..', '..', 'README.md');
export const SECTION_TITLE = '## Use it from code';

export interface FencedBlock {
  lang: string;
  code: string;
}

/** The text of one `## ` section of a markdown document, up to the next `## ` heading. */
export function markdownSection(markdown: string, title: string): string {
  const start = markdown.indexOf(`\n${title}\n`);
  if (start < 0) throw new Error(`No section "${title}"`);
  const rest = markdown.slice(start + title.length + 2);
  const end = rest.search(/^## /m);
  return end < 0 ? rest : rest.slice(0, end);
}

/** The fenced code blocks of a markdown text, with their language. */
export function fencedBlocks(markdown: string): FencedBlock[] {
  return [...markdown.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].map((m) => ({ lang: m[1], code: m[2] }));
}

/** Splits a shell command line into words, honouring single and double quotes (enough for README examples). */
export function shellWords(line: string): string[] {
  const words: string[] = [];
  for (const m of line.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)) words.push(m[1] ?? m[2] ?? m[3]);
  return words;
}

/** The arguments of every `npx influgentic …` line of the section's bash blocks (continued lines joined, up to a redirection). */
export function cliExamples(section: string): string[][] {
  return fencedBlocks(section)
    .filter((b) => b.lang === 'bash')
    .flatMap((b) => b.code.replace(/\\\n\s*/g, ' ').split('\n'))
    .map((line) => line.trim())
    .filter((line) => line.startsWith('npx influgentic '))
    .map((line) => shellWords(line.replace(/\s[|>].*$/, '')).slice(2));
}

export function readmeSection(): string {
  return markdownSection(readFileSync(README_PATH, 'utf8'), SECTION_TITLE);
}
