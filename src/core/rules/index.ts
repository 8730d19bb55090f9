export * from './defaults';
export * from './evaluate';
export * from './periods';
export * from './rule';
