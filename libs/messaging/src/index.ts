export * from './nats';
export * from './rpc-context';
export * from './rpc-server';
export * from './bus-client';
export * from './outbox';
export * from './consumer';
export * from './periodic-task';
