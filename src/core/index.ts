export * from './domain/districts';
export * from './domain/programmes';
export * from './protocol';
export * from './records';
export * from './text/fold';
export * from './util/group-by';
export * from './domain/contacts';
export * from './domain/plans';
