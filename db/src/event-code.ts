/** Prefix of the codes the product gives events created without one; imports may not coin new ones with it. */
export const GENERATED_EVENT_CODE_PREFIX = 'KEG-';

export const generatedEventCode = (id: number): string => `${GENERATED_EVENT_CODE_PREFIX}${String(id).padStart(6, '0')}`;
