import ExcelJS from 'exceljs';

/**
 * Writes `out`: the workbook `source` (or a new one) with values put into its “上年数及其他” sheet by
 * label, as a person fills the template; labels the sheet lacks are added as rows.
 */
export async function withInputValues(source: string | null, out: string, values: Record<string, string | number>): Promise<string> {
  const wb = new ExcelJS.Workbook();
  if (source) await wb.xlsx.readFile(source);
  const ws = wb.getWorksheet('上年数及其他') ?? wb.addWorksheet('上年数及其他');
  if (ws.rowCount === 0) ws.addRow(['项目', '数值', '单位', '说明']);
  const missing = new Set(Object.keys(values));
  ws.eachRow((row) => {
    const label = String(row.getCell(1).value);
    if (label in values) {
      row.getCell(2).value = values[label];
      missing.delete(label);
    }
  });
  for (const label of missing) ws.addRow([label, values[label], '万元', '']);
  await wb.xlsx.writeFile(out);
  return out;
}
