export * from './types';
export * from './model';
export * from './merge';
export * from './signoff';
export * from './document';
export * from './settings';
export * from './report';
export { reportHtml } from './report-html';
export { XmlReadError } from './xml';
