// Signing and verification of Influgentic webhooks. Imports nothing of ours and no framework, so a receiver can use it
// on its own.
export * from './secrets';
export * from './sign';
export * from './verify';
