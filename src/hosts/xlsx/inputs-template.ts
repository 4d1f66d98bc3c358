import ExcelJS from 'exceljs';
import { INPUTS_SHEET_HEADER, INPUTS_SHEET_NAME, INPUTS_SHEET_TITLE, type InputRowSpec } from '../../core/narrative/draft/inputs-sheet';

const GREY: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
const HEAD: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
const INPUT: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFFFF' } };
const THIN: ExcelJS.Border = { style: 'thin', color: { argb: 'FFBFBFBF' } };
const BOX: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/**
 * A standalone .xlsx holding one sheet "上年数及其他" (`rows` from INPUT_ROWS): the title merged over
 * the four columns, the bold header 项目 | 数值 | 单位 | 说明, then one row per input with an empty
 * 数值 cell (number format "0.00", "0" for counts). Labels, units and notes are grey (the "do not edit"
 * look; the sheet is not protected, so rows can still be inserted), the 数值 cells white and unlocked.
 */
export async function writeInputsTemplate(rows: readonly InputRowSpec[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Gongkai Lens';
  const ws = wb.addWorksheet(INPUTS_SHEET_NAME, { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.columns = [
    { key: 'label', width: 52 },
    { key: 'value', width: 16 },
    { key: 'unit', width: 8 },
    { key: 'note', width: 64 },
  ];

  ws.getCell('A1').value = INPUTS_SHEET_TITLE;
  ws.mergeCells('A1:D1');
  ws.getCell('A1').font = { bold: true, size: 14 };
  ws.getCell('A1').alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 26;

  const header = ws.getRow(2);
  INPUTS_SHEET_HEADER.forEach((h, i) => {
    const c = header.getCell(i + 1);
    c.value = h;
    c.font = { bold: true };
    c.fill = HEAD;
    c.border = BOX;
    c.alignment = { horizontal: 'center', vertical: 'middle' };
  });

  rows.forEach((spec, i) => {
    const row = ws.getRow(i + 3);
    const label = row.getCell(1);
    label.value = spec.label;
    label.fill = GREY;
    label.border = BOX;
    label.alignment = { vertical: 'middle', wrapText: true };
    label.protection = { locked: true };
    const value = row.getCell(2);
    value.numFmt = spec.unit === '辆' ? '0' : '0.00';
    value.fill = INPUT;
    value.border = BOX;
    value.alignment = { horizontal: 'right', vertical: 'middle' };
    value.protection = { locked: false };
    const unit = row.getCell(3);
    unit.value = spec.unit;
    unit.fill = GREY;
    unit.border = BOX;
    unit.alignment = { horizontal: 'center', vertical: 'middle' };
    unit.protection = { locked: true };
    const note = row.getCell(4);
    note.value = spec.note;
    note.fill = GREY;
    note.border = BOX;
    note.font = { color: { argb: 'FF595959' } };
    note.alignment = { vertical: 'middle', wrapText: true };
    note.protection = { locked: true };
  });

  const foot = ws.getRow(rows.length + 4).getCell(1);
  foot.value = '说明：只填“数值”列，单位为万元（车辆为辆）；不知道的留空，起草时保留待填写标记，不会猜测。';
  foot.font = { italic: true, color: { argb: 'FF7F7F7F' } };
  ws.mergeCells(rows.length + 4, 1, rows.length + 4, 4);

  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer);
}
