export * from './types';
export * from './messages';
export * from './blame';
export * from './id';
export * from './group';
export * from './report';
