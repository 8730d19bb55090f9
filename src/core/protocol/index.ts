export * from './auth';
export * from './errors';
export * from './pull';
export * from './version';
export * from './push';
export * from './admin';
export * from './reports';
export * from './supervision';
