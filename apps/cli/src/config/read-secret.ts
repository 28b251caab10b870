import type { OutputStream } from '../output/output';

type Input = NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown };

/** Everything piped on stdin, trimmed (`echo $KEY | influgentic login`). */
export async function readAll(input: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of input) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8').trim();
}

/** Asks on a terminal without echoing what is typed (a key is a password). Ctrl-C rejects with an AbortError. */
export function promptSecret(question: string, input: Input, prompt: OutputStream): Promise<string> {
  return new Promise((resolve, reject) => {
    let typed = '';
    prompt.write(question);
    input.setRawMode?.(true);
    input.resume();
    const finish = (error?: Error) => {
      input.removeListener('data', onData);
      input.setRawMode?.(false);
      input.pause();
      prompt.write('\n');
      if (error) reject(error);
      else resolve(typed.trim());
    };
    const onData = (data: Buffer | string) => {
      for (const char of data.toString()) {
        if (char === '\u0003') return finish(Object.assign(new Error('Interrupted'), { name: 'AbortError' }));
        if (char === '\r' || char === '\n' || char === '\u0004') return finish();
        if (char === '\u007f' || char === '\b') typed = typed.slice(0, -1);
        else typed += char;
      }
    };
    input.on('data', onData);
  });
}
