export { WorkbookReader, newReadingCache, readEmbedded, valueOf, cellKey, type Reading, type CellOverlay, type ReadingCache } from './reader';
export { DEFAULT_SETTINGS, type CheckSettings } from './settings';
