import type { Colors } from './colors';
import { renderFields, renderTable, type Column } from './format';

/** A stream the CLI writes to (process.stdout, or a buffer in tests). */
export interface OutputStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
}

/**
 * Where results go: stdout for results (JSON with `--json`), stderr for status, hints and progress, so a script's
 * pipe gets data only.
 */
export class Output {
  constructor(
    readonly stdout: OutputStream,
    readonly stderr: OutputStream,
    readonly json: boolean,
    readonly colors: Colors,
  ) {}

  /** The API's answer as pretty JSON. */
  printJson(value: unknown): void {
    this.stdout.write(JSON.stringify(value, null, 2) + '\n');
  }

  /** One JSON value per line (events of a stream). */
  printJsonLine(value: unknown): void {
    this.stdout.write(JSON.stringify(value) + '\n');
  }

  line(text = ''): void {
    this.stdout.write(text + '\n');
  }

  write(text: string): void {
    this.stdout.write(text);
  }

  /** Status for a person (stderr). */
  info(text: string): void {
    this.stderr.write(text + '\n');
  }

  /** `--json` prints `raw`; otherwise the table. */
  list<T>(raw: unknown, rows: readonly T[], columns: readonly Column<T>[], emptyText: string): void {
    if (this.json) return this.printJson(raw);
    if (rows.length === 0) return this.info(this.colors.dim(emptyText));
    this.line(renderTable(rows, columns, this.colors));
  }

  /** `--json` prints `raw`; otherwise the fields, aligned. */
  object(raw: unknown, fields: ReadonlyArray<readonly [string, unknown]>): void {
    if (this.json) return this.printJson(raw);
    this.line(renderFields(fields, this.colors));
  }

  /** A one-line confirmation (`✔ Paused camp_…`); `--json` prints `raw` instead. */
  done(raw: unknown, text: string): void {
    if (this.json) return this.printJson(raw);
    this.line(`${this.colors.green('✔')} ${text}`);
  }
}
