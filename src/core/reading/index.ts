export { WorkbookReader, readEmbedded, valueOf, cellKey, type Reading, type CellOverlay } from './reader';
export { DEFAULT_SETTINGS, type CheckSettings } from './settings';
