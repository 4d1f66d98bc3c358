import type { NarrativeDraft } from '../../../src/core/narrative/blocks';
import { paragraphText, renderMarkdown, renderText } from '../../../src/core/narrative/render';

const cells = [{ sheet: '公开01表', address: 'C37' }];

const draft: NarrativeDraft = {
  title: '第三部分 某局 2024年度部门决算情况说明',
  blocks: [
    { type: 'heading', level: 1, text: '一、收入支出决算总体情况说明' },
    {
      type: 'paragraph',
      runs: [
        { type: 'text', text: '2024年度收、支总计' },
        { type: 'number', text: '22899.22', factKey: '收支总计', cells },
        { type: 'text', text: '万元。与2023年度相比，收、支总计各' },
        { type: 'number', text: '增加', factKey: '收支总计/较上年', cells },
        { type: 'number', text: '11584.58', factKey: '收支总计/较上年', cells },
        { type: 'text', text: '万元，主要原因是' },
        { type: 'slot', kind: 'reason', label: '主要原因', text: '住房保障支出增加12185.80万元', suggestion: true },
        { type: 'text', text: '。' },
      ],
    },
    { type: 'heading', level: 2, text: '（一）总体情况' },
    {
      type: 'paragraph',
      runs: [
        { type: 'text', text: '年初预算为' },
        { type: 'slot', kind: 'input', label: '年初预算', text: '1405.65', suggestion: false },
        { type: 'text', text: '万元，主要用于' },
        { type: 'slot', kind: 'use', label: '主要用途', text: '', suggestion: false },
        { type: 'text', text: '。' },
      ],
    },
    { type: 'heading', level: 3, text: '按支出功能分类' },
    { type: 'paragraph', runs: [{ type: 'text', text: '1. 住房保障支出*20958.26*万元' }] },
  ],
};

describe('renderText', () => {
  test('headings and paragraphs, slots visible as 【…】 with suggestions marked', () => {
    expect(renderText(draft)).toBe(
      [
        '第三部分 某局 2024年度部门决算情况说明',
        '一、收入支出决算总体情况说明',
        '2024年度收、支总计22899.22万元。与2023年度相比，收、支总计各增加11584.58万元，主要原因是【主要原因：住房保障支出增加12185.80万元（建议）】。',
        '（一）总体情况',
        '年初预算为【年初预算：1405.65】万元，主要用于【主要用途】。',
        '按支出功能分类',
        '1. 住房保障支出*20958.26*万元',
      ].join('\n\n') + '\n',
    );
  });

  test('fill prints filled slots as accepted text; empty slots stay visible', () => {
    const text = renderText(draft, { fill: true });
    expect(text).toContain('主要原因是住房保障支出增加12185.80万元。');
    expect(text).toContain('年初预算为1405.65万元，主要用于【主要用途】。');
    expect(text).not.toContain('（建议）');
  });

  test('paragraphText is runsText by default', () => {
    const p = draft.blocks[3];
    if (p.type !== 'paragraph') throw new Error('paragraph expected');
    expect(paragraphText(p.runs)).toBe('年初预算为【年初预算：1405.65】万元，主要用于【主要用途】。');
  });
});

describe('renderMarkdown', () => {
  test('title #, sections ##, sub-headings ### and ####; slots in bold, suggestions in italics and marked', () => {
    const md = renderMarkdown(draft).trimEnd().split('\n\n');
    expect(md[0]).toBe('# 第三部分 某局 2024年度部门决算情况说明');
    expect(md[1]).toBe('## 一、收入支出决算总体情况说明');
    expect(md[2]).toContain('主要原因是**【主要原因：*住房保障支出增加12185.80万元*（建议）】**。');
    expect(md[3]).toBe('### （一）总体情况');
    expect(md[4]).toBe('年初预算为**【年初预算：1405.65】**万元，主要用于**【主要用途】**。');
    expect(md[5]).toBe('#### 按支出功能分类');
    // Text that would be Markdown syntax is escaped.
    expect(md[6]).toBe('1. 住房保障支出\\*20958.26\\*万元');
  });

  test('fill: accepted suggestions in italics, inputs plain, empty slots still in bold', () => {
    const md = renderMarkdown(draft, { fill: true });
    expect(md).toContain('主要原因是*住房保障支出增加12185.80万元*。');
    expect(md).toContain('年初预算为1405.65万元，主要用于**【主要用途】**。');
  });
});
