import {
  ArrayMaxSize, ArrayUnique, IsArray, IsDefined, IsIn, IsInt, IsOptional, Max, Min, Validate, ValidatorConstraint,
  type ValidationArguments, type ValidatorConstraintInterface,
} from 'class-validator';
import { CAPTION_STYLES, type CaptionStyle, type ContentVariant } from './content';
import { subject } from './subjects';
import { IsPathId } from './validation';

// ---------------------------------------------------------------------------------------------------------------
// Caption variants: POST/GET /v1/content/{id}/variants, PUT /v1/content/{id}/variants/{idx}/select
// ---------------------------------------------------------------------------------------------------------------

export const VARIANT_COUNT = { min: 2, max: 3 } as const;

export const VariantSubjects = {
  create: subject('content.variants.create.v1'),
  list: subject('content.variants.list.v1'),
  select: subject('content.variants.select.v1'),
} as const;

@ValidatorConstraint({ name: 'stylesWithinCount', async: false })
class StylesWithinCount implements ValidatorConstraintInterface {
  validate(styles: unknown, args: ValidationArguments): boolean {
    const count = (args.object as { count?: unknown }).count;
    // A bad count is reported on its own field.
    if (!Array.isArray(styles) || typeof count !== 'number' || !Number.isInteger(count)) return true;
    return styles.length <= count;
  }

  defaultMessage(): string {
    return 'must name no more styles than count (the remaining variants take the styles not named, in the listed order)';
  }
}

/**
 * `styles` is optional and may name fewer styles than `count` (never more, never one twice): every variant gets a style
 * of its own, the named ones first and then the others in the order story-led, question-led, cta-led, punchy.
 */
export class CreateVariantsBody {
  @IsDefined() @IsInt() @Min(VARIANT_COUNT.min) @Max(VARIANT_COUNT.max) count!: number;
  @IsOptional() @IsArray() @ArrayMaxSize(VARIANT_COUNT.max) @ArrayUnique() @IsIn(CAPTION_STYLES, { each: true }) @Validate(StylesWithinCount)
  styles?: CaptionStyle[];
}

/** `{idx}` is a path segment: digits become a number so @IsInt can judge them; anything else names no variant (404). */
export class VariantSelectParams {
  @IsPathId() id!: string;
  @IsPathId() idx!: string;
}

/** Parses a variant index from the path; null when it cannot name one. */
export function variantIndex(raw: string): number | null {
  return /^\d{1,2}$/.test(raw) ? Number(raw) : null;
}

/** The answer of POST and GET: the item's variants (idx from 0) and which one, if any, is in the caption. */
export interface ContentVariants {
  content_id: string;
  data: ContentVariant[];
  selected_variant: number | null;
}

/** The styles the variants of a request get, in order. */
export function variantStyles(count: number, styles: readonly CaptionStyle[] = []): CaptionStyle[] {
  const rest = CAPTION_STYLES.filter((s) => !styles.includes(s));
  return [...styles, ...rest].slice(0, count);
}

