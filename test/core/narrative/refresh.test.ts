import { draftQingkuang } from '../../../src/core/narrative/draft/index';
import { buildFacts } from '../../../src/core/narrative/facts';
import { printLikeDraft, refreshDraft } from '../../../src/core/narrative/refresh';
import { RuleContext } from '../../../src/core/rules/context';
import { recognizeFixture } from '../../helpers/fixtures';

describe('a draft keeps its links to the cells', () => {
  test('unchanged tables: no stale number; a changed cell: exactly the numbers built on it are stale and re-printed', async () => {
    const r = await recognizeFixture('jiangan-2024-gongkai.xlsx');
    const ctx = new RuleContext(r.workbook, r.tables);
    const draft = draftQingkuang(buildFacts(ctx), ctx);
    expect(refreshDraft(draft, buildFacts(ctx), printLikeDraft).stale).toEqual([]);

    // 其他收入 44.96 → 45.96 (公开01表 C14), and 本年收入合计 with it
    const gk01 = r.workbook.sheets.find((s) => s.name === '公开01表')!;
    gk01.set(13, 2, { value: 45.96 });
    gk01.set(32, 2, { value: 22900.22 });
    const { draft: fresh, stale } = refreshDraft(draft, buildFacts(new RuleContext(r.workbook, r.tables)), printLikeDraft);
    const changed = stale.map((s) => `${s.factKey}: ${s.printed} → ${s.current}`);
    expect(changed).toEqual(expect.arrayContaining(['收入.其他: 44.96 → 45.96', '收入.本年收入合计: 22899.22 → 22900.22']));
    expect(stale.every((s) => s.factKey.startsWith('收入.'))).toBe(true);
    const text = JSON.stringify(fresh.blocks);
    expect(text).toContain('45.96');
  });
});
