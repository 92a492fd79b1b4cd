import type { Field } from './fields.js';
import type { TemplateVariant } from './vocabulary.js';

/**
 * The fields each variant exists to do without. A customer missing any of them asks for the
 * variant, and the variant may not use them (library-checks.ts): naming one would bring back the
 * gap it was written to close.
 */
export const variantAvoids: Record<TemplateVariant, readonly Field[]> = {
  no_offer: ['offer', 'offerDeadline'],
  no_mileage: ['mileage'],
};
