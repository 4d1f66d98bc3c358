import { StylesPatcher } from '../../../../src/hosts/xlsx/package/styles';
import { WorkbookWriteError } from '../../../../src/hosts/xlsx/package/errors';

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const XF0 = '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>';
const XF1 = '<xf numFmtId="4" fontId="1" fillId="0" borderId="1" xfId="0" applyNumberFormat="1"><alignment horizontal="right"/></xf>';

function styles(numFmts = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?><styleSheet ${NS}>${numFmts}<fonts count="2"><font/><font/></fonts><cellXfs count="2">${XF0}${XF1}</cellXfs><cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;
}

describe('StylesPatcher', () => {
  test('a cell format that already has the number format is used as it is; nothing changes', () => {
    const xml = styles();
    const s = new StylesPatcher(xml);
    expect(s.withNumFmt(1, '#,##0.00')).toBe(1);
    expect(s.withNumFmt(0, 'General')).toBe(0);
    expect(s.changed).toBe(false);
    expect(s.render()).toBe(xml);
  });

  test('a built-in number format: the cell format is copied to the end of cellXfs with only numFmtId changed', () => {
    const s = new StylesPatcher(styles());
    expect(s.withNumFmt(1, '0.00')).toBe(2);
    expect(s.withNumFmt(1, '0.00')).toBe(2); // the same copy for every cell of that look
    expect(s.withNumFmt(0, '0.00')).toBe(3);
    const out = s.render();
    expect(out).toContain(
      `<cellXfs count="4">${XF0}${XF1}<xf numFmtId="2" fontId="1" fillId="0" borderId="1" xfId="0" applyNumberFormat="1"><alignment horizontal="right"/></xf><xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>`,
    );
    expect(out).not.toContain('<numFmts');
    // Everything but cellXfs is as it was.
    expect(out.replace(/<cellXfs.*<\/cellXfs>/, '')).toBe(styles().replace(/<cellXfs.*<\/cellXfs>/, ''));
  });

  test('a custom number format gets the next free id from 164 on, in a numFmts element made first in styleSheet', () => {
    const s = new StylesPatcher(styles());
    expect(s.withNumFmt(0, '0.000%')).toBe(2);
    expect(s.withNumFmt(1, '"元"#,##0')).toBe(3);
    const out = s.render();
    expect(out).toContain(`<styleSheet ${NS}><numFmts count="2"><numFmt numFmtId="164" formatCode="0.000%"/><numFmt numFmtId="165" formatCode="&quot;元&quot;#,##0"/></numFmts><fonts`);
    expect(out).toContain('<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>');
  });

  test('the workbook\'s own numFmts are reused and extended; ids already taken are skipped', () => {
    const own = '<numFmts count="2"><numFmt numFmtId="176" formatCode="0.0000"/><numFmt numFmtId="2" formatCode="0.0"/></numFmts>';
    const s = new StylesPatcher(styles(own));
    expect(s.withNumFmt(0, '0.0000')).toBe(2); // id 176, already in the file
    expect(s.withNumFmt(0, '0.00')).toBe(3); // built-in 2 is redefined by the file: a new id
    const out = s.render();
    expect(out).toContain('<numFmts count="3"><numFmt numFmtId="176" formatCode="0.0000"/><numFmt numFmtId="2" formatCode="0.0"/><numFmt numFmtId="177" formatCode="0.00"/></numFmts>');
    expect(out).toContain('<xf numFmtId="176" fontId="0"');
    expect(out).toContain('<xf numFmtId="177" fontId="0"');
  });

  test('an empty self-closing numFmts is replaced; a namespace prefix is kept', () => {
    const prefixed = styles('<x:numFmts count="0"/>')
      .replace(NS, 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"')
      .replace(/<(\/?)(styleSheet|fonts|font|cellXfs|xf|alignment|cellStyles|cellStyle)(?=[\s/>])/g, '<$1x:$2');
    const s = new StylesPatcher(prefixed);
    s.withNumFmt(0, '0.0%');
    const out = s.render();
    expect(out).toContain('<x:numFmts count="1"><x:numFmt numFmtId="164" formatCode="0.0%"/></x:numFmts><x:fonts');
    expect(out).toContain('<x:cellXfs count="3">');
  });

  test('an unknown base format falls back to the first; a part without cellXfs is refused as unreadable', () => {
    const s = new StylesPatcher(styles());
    expect(s.withNumFmt(9, '0.00')).toBe(2);
    expect(s.render()).toContain('<xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>');
    expect(() => new StylesPatcher(`<styleSheet ${NS}><cellXfs count="0"/></styleSheet>`)).toThrow(WorkbookWriteError);
  });
});

describe('StylesPatcher.addDxf (the looks of conditional formats, for marks)', () => {
  test('without a dxfs element: one is added after cellStyles, its number format among the numFmts', () => {
    const s = new StylesPatcher(styles());
    expect(s.addDxf({ fontColor: '#9C0006', numFmt: '"✖"0.00', fill: '#FFC7CE', border: { style: 'thin', color: '#C00000' } })).toBe(0);
    expect(s.addDxf({ fontColor: '#7F6000' })).toBe(1);
    const out = s.render();
    expect(out).toContain(
      '</cellStyles><dxfs count="2"><dxf><font><color rgb="FF9C0006"/></font><numFmt numFmtId="164" formatCode="&quot;✖&quot;0.00"/><fill><patternFill patternType="solid"><bgColor rgb="FFFFC7CE"/></patternFill></fill><border><left style="thin"><color rgb="FFC00000"/></left><right style="thin"><color rgb="FFC00000"/></right><top style="thin"><color rgb="FFC00000"/></top><bottom style="thin"><color rgb="FFC00000"/></bottom></border></dxf><dxf><font><color rgb="FF7F6000"/></font></dxf></dxfs></styleSheet>',
    );
    expect(out).toContain('<numFmts count="1"><numFmt numFmtId="164" formatCode="&quot;✖&quot;0.00"/></numFmts>');
  });

  test('with dxfs: appended after the existing ones, which keep their indexes', () => {
    const xml = styles().replace('</cellStyles>', '</cellStyles><dxfs count="1"><dxf><font><b/></font></dxf></dxfs><tableStyles count="0"/>');
    const s = new StylesPatcher(xml);
    expect(s.addDxf({ fill: '#FFEB9C' })).toBe(1);
    expect(s.render()).toContain('<dxfs count="2"><dxf><font><b/></font></dxf><dxf><fill><patternFill patternType="solid"><bgColor rgb="FFFFEB9C"/></patternFill></fill></dxf></dxfs><tableStyles count="0"/>');
  });
});
