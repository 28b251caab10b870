export * from './database';
export * from './keyset';
export * from './unavailable';
export * from './list-total';
export * from './id-page';
export * from './pool-waits';
