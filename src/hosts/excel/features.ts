/**
 * Which Excel JavaScript API requirement sets this Excel supports, what the host does with each, and
 * the notes it gives the user when one is missing. The host needs ExcelApi 1.3 to read a workbook
 * (getUsedRange(valuesOnly) is 1.2, getVisibleView for hidden rows and columns 1.3); everything newer
 * is used when present and said when absent.
 */
import type { HostNote } from '../host';

/** The set the manifest should require: reading, fills and jumping to cells work from here. */
export const MINIMUM_EXCEL_API = '1.3';

export interface Requirements {
  isSetSupported(name: string, minVersion?: string): boolean;
}

export interface ExcelFeatures {
  /** ExcelApi 1.3: the host works at all. */
  read: boolean;
  /** 1.13 Range.getMergedAreasOrNullObject. */
  merges: boolean;
  /** 1.9 getSpecialCellsOrNullObject('Visible') (one address per sheet); else 1.3 getVisibleView().cellAddresses. */
  visibleCells: boolean;
  /** 1.7 Workbook.name. */
  workbookName: boolean;
  /** 1.6 custom conditional formats (and 1.4 getItemOrNullObject): marks. */
  marks: boolean;
  /** 1.9 worksheets.onChanged / onSelectionChanged on the collection; 1.7 on each worksheet; else none. */
  events: 'collection' | 'worksheet' | 'none';
  /** 1.17 worksheets.onNameChanged. */
  renameEvents: boolean;
  /** 1.14 WorksheetChangedEventArgs.triggerSource ('ThisLocalAddin' for the add-in's own writes). */
  triggerSource: boolean;
  /** 1.11 Excel.run({ delayForCellEdit: true }). */
  delayForCellEdit: boolean;
  /** 1.9 Worksheet.getRanges(...).select(): a finding's cells selected together. */
  multiSelect: boolean;
  /** 1.5 workbook.customXmlParts: the review and the settings kept in the workbook. */
  documents: boolean;
}

export function detectFeatures(req: Requirements): { features: ExcelFeatures; notes: HostNote[] } {
  const has = (v: string) => req.isSetSupported('ExcelApi', v);
  const features: ExcelFeatures = {
    read: has(MINIMUM_EXCEL_API),
    merges: has('1.13'),
    visibleCells: has('1.9'),
    workbookName: has('1.7'),
    marks: has('1.6'),
    events: has('1.9') ? 'collection' : has('1.7') ? 'worksheet' : 'none',
    renameEvents: has('1.17'),
    triggerSource: has('1.14'),
    delayForCellEdit: has('1.11'),
    multiSelect: has('1.9'),
    documents: has('1.5'),
  };
  const notes: HostNote[] = [];
  const note = (feature: string, requirement: string, zh: string, en: string) => notes.push({ feature, requirement, message: `${zh} / ${en}` });
  if (!features.read) note('read', `ExcelApi ${MINIMUM_EXCEL_API}`, '此版本 Excel 过旧，无法读取工作簿，请更新 Excel 或改用网页版', 'This Excel is too old to read the workbook; update Excel or use Excel on the web');
  if (features.read && !features.merges) {
    note('merges', 'ExcelApi 1.13', '此版本 Excel 不能读取合并单元格，合并的表头可能识别不全', 'This Excel cannot report merged cells; merged headers may be recognized incompletely');
  }
  if (features.read && !features.marks) note('marks', 'ExcelApi 1.6', '此版本 Excel 不支持条件格式接口，无法在单元格上标注问题（问题仍在窗格中列出）', 'This Excel has no conditional-format API: findings are listed in the pane but not marked on the cells');
  if (features.read && !features.documents) {
    note('documents', 'ExcelApi 1.5', '此版本 Excel 不支持自定义 XML 部件，审核状态和设置无法保存在工作簿中', 'This Excel has no custom XML parts: the review and the settings cannot be kept in the workbook');
  }
  if (features.read && features.events === 'none') note('events', 'ExcelApi 1.7', '此版本 Excel 不报告编辑事件，修改后请手动重新检查', 'This Excel reports no edits: check again by hand after changes');
  if (features.events !== 'none' && !features.renameEvents) {
    note('renames', 'ExcelApi 1.17', '此版本 Excel 不报告工作表改名，改名在下一次编辑或检查时才会反映', 'This Excel does not report renamed sheets: a rename shows at the next edit or check');
  }
  return { features, notes };
}
