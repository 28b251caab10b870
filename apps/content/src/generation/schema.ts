import { z } from 'zod';

/** The structured piece as a zod schema: what `generateObject` asks a model for, and what the engine produces. */
export const contentSectionSchema = z.object({
  kind: z.string().min(1).max(40),
  heading: z.string().max(200).nullable(),
  text: z.string().max(20000),
  timing: z.object({ start: z.number().min(0), end: z.number().min(0) }).optional(),
});

export const generatedContentSchema = z.object({
  title: z.string().max(300).nullable(),
  body: z.string().min(1).max(60000),
  caption: z.string().max(70000),
  hashtags: z.array(z.string().regex(/^#[\p{L}\p{M}\p{N}_]+$/u)).max(30),
  cta: z.string().max(500).nullable(),
  sections: z.array(contentSectionSchema).max(60).optional(),
});

export type GeneratedContentShape = z.infer<typeof generatedContentSchema>;
