import type { Workbook } from '../../src/core/grid/grid';
import { variant } from '../fixtures/variants';
import { loadBytes } from './fixtures';

/** A generated layout variant of the 公开 fixture, loaded like a user's file. */
export async function variantWorkbook(name: string): Promise<Workbook> {
  return loadBytes(await variant(name).build(), `${name}.xlsx`);
}
