export * from './database';
export * from './keyset';
