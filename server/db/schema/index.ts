export * from './units.js';
export * from './users.js';
export * from './programmes.js';
export * from './tasks.js';
export * from './audit.js';
export * from './reports.js';
export * from './warnings.js';
