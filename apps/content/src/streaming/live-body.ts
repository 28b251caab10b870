import {
  finalizeForRequest, illustrativeLabel, limitsFor, POST_FORMATS, structureFromText, type FinalContent, type GeneratedContent, type GenerationRequest,
} from '../generation';
import { measure, wordChunks } from '../generation/text';

/**
 * Turns a generator's raw text into the chunks a client sees, such that the chunks, concatenated, are exactly the
 * body that gets stored — compliance and platform fit included.
 *
 * Compliance works sentence by sentence (a health claim is removed, a first-hand claim rewritten), so text is held
 * back until its sentence is complete, the whole settled prefix is finalized with the same function the stored item
 * uses, and only what extends the text already sent goes out. The disclosure line every non-empty body starts with
 * is known before the first word and goes out at once. A body with a character limit stops streaming live just
 * before the limit; the rest (the cut the platform fit makes) follows at the end.
 */
export class LiveBody {
  private raw = '';
  private sent = '';
  private settledLength = 0;
  private lastFinalizeAt = Number.NEGATIVE_INFINITY;
  private held = false;
  /** Set when the final body did not extend what was sent (a model wrote something the rules rewrote late). */
  diverged = false;
  private readonly maxChars: number | null;
  private readonly counting: 'code_points' | 'x_weighted';

  constructor(
    private readonly request: GenerationRequest,
    private readonly sink: (chunks: string[]) => void,
    private readonly options: { live: boolean; minIntervalMs?: number } = { live: true },
  ) {
    const limits = limitsFor(request.platform, request.format);
    this.maxChars = POST_FORMATS.has(request.format) ? limits.captionMax : null;
    this.counting = limits.counting;
  }

  /** What has been sent so far. */
  get text(): string {
    return this.sent;
  }

  /** Sends the part every finished body starts with (disclosure line, testimonial label) before generation starts. */
  begin(): void {
    if (!this.options.live) return;
    const prefix = this.prefix();
    if (prefix) this.send(prefix);
  }

  /** The lines every body for this request starts with; the same for every request alike in these respects. */
  private prefix(): string {
    const r = this.request;
    const key = [r.language, r.compliance_mode, r.sponsored, r.content_type, r.format, r.platform, r.agent.name].join('\u0001');
    let prefix = PREFIXES.get(key);
    if (prefix !== undefined) return prefix;
    // The second probe already carries a testimonial label further down, so a label the rules add only when it is
    // missing is not mistaken for part of every body.
    const a = this.bodyOf('Alpha.') ?? '';
    const b = this.bodyOf(`Beta.\n${illustrativeLabel(this.request.language, this.request.agent.name)}`) ?? '';
    let i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    // Whole lines only: a shared first letter is a coincidence, a shared line is a rule.
    const common = a.slice(0, i);
    prefix = common.slice(0, common.lastIndexOf('\n') + 1);
    if (PREFIXES.size >= 2000) PREFIXES.clear();
    PREFIXES.set(key, prefix);
    return prefix;
  }

  /** Feeds raw text as the generator produces it. */
  push(text: string): void {
    this.raw += text;
    if (!this.options.live || this.held) return;
    const now = performance.now();
    if (now - this.lastFinalizeAt < (this.options.minIntervalMs ?? 0)) return;
    const settled = settledLength(this.raw, this.settledLength);
    if (settled <= this.settledLength) return;
    this.lastFinalizeAt = now;
    this.settledLength = settled;
    this.advance(this.raw.slice(0, settled));
  }

  /**
   * The generator is done: finalizes its structured result, sends whatever of the body is still missing and returns
   * the final piece whose body is exactly the text sent.
   */
  finish(result: GeneratedContent): FinalContent {
    const final = finalizeForRequest(result, this.request);
    let body = final.body;
    if (!body.startsWith(this.sent)) {
      this.diverged = true;
      const fromText = this.bodyOf(this.raw);
      body = fromText !== null && fromText.startsWith(this.sent) ? fromText : this.sent;
    }
    if (body.length > this.sent.length) this.send(body.slice(this.sent.length));
    return { ...final, body: this.sent };
  }

  private advance(settled: string): void {
    const final = this.finalOf(settled);
    if (final === null) return;
    // A testimonial label is added on top only while the text lacks one; until the text shows its own, the top of
    // the body is not known yet.
    if (final.flags.some((f) => f.code === 'missing_illustrative_label')) return;
    const candidate = final.body;
    if (!candidate.startsWith(this.sent)) return;
    if (this.maxChars !== null && measure(candidate, this.counting) > this.maxChars - 2) {
      // Near the limit the platform fit may cut inside what would be sent; the end decides.
      this.held = true;
      return;
    }
    if (candidate.length > this.sent.length) this.send(candidate.slice(this.sent.length));
  }

  /** The stored body a text would give, or null while the text is only a title line. */
  private bodyOf(text: string): string | null {
    return this.finalOf(text)?.body ?? null;
  }

  private finalOf(text: string): FinalContent | null {
    const structured = structureFromText(text, this.request);
    if (structured.title !== null && structured.body.trim() === text.trim()) return null;
    return finalizeForRequest(structured, this.request);
  }

  private send(text: string): void {
    this.sent += text;
    this.sink(wordChunks(text));
  }
}

/** Disclosure prefixes by the request fields they depend on. */
const PREFIXES = new Map<string, string>();

const BOUNDARY = /[.!?।…]+["'”’»)]*[ \t]+|\n/gu;
const LETTER = /\p{L}/u;

/**
 * Length of the prefix of `raw` made of complete sentences and lines. A "sentence" without a letter (a list number
 * such as `1.`) is not a boundary of its own: whether it stays depends on the sentence after it. `from` is a boundary
 * found before (the scan resumes there).
 */
export function settledLength(raw: string, from = 0): number {
  let last = from;
  let pieceStart = from;
  BOUNDARY.lastIndex = from;
  for (let m = BOUNDARY.exec(raw); m; m = BOUNDARY.exec(raw)) {
    const end = m.index + m[0].length;
    if (m[0] === '\n' || LETTER.test(raw.slice(pieceStart, m.index))) {
      last = end;
      pieceStart = end;
    }
  }
  return last;
}
