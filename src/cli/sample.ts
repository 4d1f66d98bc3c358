import * as path from 'path';

/** The sample workbook bundled with the project, checked when no FILE is given. */
export const SAMPLE_WORKBOOK = path.resolve(__dirname, '../../samples/jiangan-2024-gongkai.xlsx');
