import { CONTENT_STATUSES, DomainError, variantIndex, variantStyles } from '@influgentic/contracts';
import { assertVariantsOpen, variantAt } from './variants.policy';

describe('caption variant rules', () => {
  it('are open while there is an unpublished caption, locked once published (409 naming the state)', () => {
    for (const status of CONTENT_STATUSES) {
      const run = () => assertVariantsOpen(status, 'cnt_1');
      if (status === 'published' || status === 'generating' || status === 'failed') {
        expect(run).toThrow(DomainError);
        try { run(); } catch (err) {
          expect((err as DomainError).code).toBe('invalid_state');
          expect((err as DomainError).detail).toBe(`current status: ${status}`);
        }
      } else {
        expect(run).not.toThrow();
      }
    }
  });

  it('give each variant its own style: the named ones first, then the rest in order', () => {
    expect(variantStyles(3)).toEqual(['story-led', 'question-led', 'cta-led']);
    expect(variantStyles(2, ['punchy'])).toEqual(['punchy', 'story-led']);
    expect(variantStyles(3, ['cta-led', 'story-led'])).toEqual(['cta-led', 'story-led', 'question-led']);
  });

  it('name a variant by its index; anything else is a 404', () => {
    const variants = [{ idx: 0, style: 'punchy' as const, caption: 'a', created_at: '' }, { idx: 1, style: 'story-led' as const, caption: 'b', created_at: '' }];
    expect(variantAt(variants, variantIndex('1'), 'cnt_1').caption).toBe('b');
    for (const raw of ['2', '-1', '1.0', 'x', '', '001']) expect(() => variantAt(variants, variantIndex(raw), 'cnt_1')).toThrow(/has no variant/);
  });
});
