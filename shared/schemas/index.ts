export * from './common.js';
export * from './auth.js';
export * from './users.js';
export * from './units.js';
export * from './unit-bulk.js';
export * from './programmes.js';
export * from './tasks.js';
