import { formatAmount } from '../../money/format';
import { createFinding, type Finding } from '../../findings';
import type { Rule } from '../types';
import { comparableName, inOrder, subjectText } from './support/lines';

/**
 * 基本/项目 placement heuristics (docs/domain.md §2(c), "not hard rules"), 公开03表 and 公开05表:
 * - normally 基本支出: xxxxx01 行政运行, xxxxx50 事业运行 (code suffix and name both), and the
 *   personnel-linked 项 (养老保险/职业年金缴费, 离退休, 抚恤, 行政事业单位医疗, 住房公积金, 提租补贴,
 *   购房补贴);
 * - normally 项目支出: xxxxx02 一般行政管理事务 and the program 项 listed in docs/domain.md
 *   (保障性安居工程 items, 2210399, 2111001, 2069901).
 * A row with an amount in the other column is a warning to review (e.g. 江岸 2160250 事业运行 0.50
 * booked as 项目支出). xxxxx03 机关服务 and xxxxx99 其他… are left alone: both placements are common.
 */
const PERSONNEL = new Set([
  '2080501', '2080502', '2080505', '2080506', '2080801', '2101101', '2101102', '2101103', '2101199', '2210201', '2210202', '2210203',
]);

const PROGRAM = new Set(['2210106', '2210107', '2210108', '2210110', '2210199', '2210399', '2111001', '2069901']);

type Side = '基本支出' | '项目支出';

function expectedSide(code: string, name: string): { side: Side; why: string } | null {
  if (PERSONNEL.has(code)) return { side: '基本支出', why: '与人员相关的项' };
  if (PROGRAM.has(code)) return { side: '项目支出', why: '项目类的项' };
  if (code.endsWith('01') && name === '行政运行') return { side: '基本支出', why: '“行政运行”项' };
  if (code.endsWith('50') && name === '事业运行') return { side: '基本支出', why: '“事业运行”项' };
  if (code.endsWith('02') && name === '一般行政管理事务') return { side: '项目支出', why: '“一般行政管理事务”项' };
  return null;
}

export const subjectPlacement: Rule = {
  meta: {
    id: 'SUBJECT.placement',
    title: '科目的基本支出/项目支出归属',
    severity: 'warning',
    identity: '行政运行、事业运行及人员类项通常列基本支出；一般行政管理事务及项目类项通常列项目支出',
    tables: [],
    source: '§2(c)',
    level: 'advisory',
    scope: 'table',
    messages: {
      partly: '{{table}} {{subject}}：{{why}}通常列{{side}}，但有 {{amount}} {{unit}} 列在{{other}}（{{side}} {{ownAmount}} {{unit}}），请确认归属是否正确。',
      wholly: '{{table}} {{subject}}：{{why}}通常列{{side}}，但 {{amount}} {{unit}} 全部列在{{other}}，请确认归属是否正确。',
    },
  },
  check(ctx) {
    const findings: Finding[] = [];
    for (const t of [...ctx.tablesOf('GK03'), ...ctx.tablesOf('GK05')]) {
      for (const line of inOrder(t)) {
        if (line.level !== '项' || !line.code) continue;
        const want = expectedSide(line.code, comparableName(t, line));
        if (!want) continue;
        const other: Side = want.side === '基本支出' ? '项目支出' : '基本支出';
        const otherRef = line.cells[other];
        const r = ctx.read(t, otherRef);
        if (r.kind !== 'amount' || r.value.isZero() || !otherRef) continue;
        const own = ctx.read(t, line.cells[want.side]);
        const ownHas = own.kind === 'amount' && !own.value.isZero();
        const unit = ctx.unitOf(t);
        findings.push(
          createFinding(
            this.meta,
            ownHas ? 'partly' : 'wholly',
            {
              table: ctx.tableName(t),
              subject: subjectText(t, line),
              why: want.why,
              side: want.side,
              other,
              amount: formatAmount(r.value),
              ownAmount: formatAmount(own.kind === 'amount' ? own.value : r.value),
              unit,
            },
            { severity: 'warning', cells: [ctx.pointer(t, otherRef), ...(ownHas ? [ctx.pointer(t, line.cells[want.side])] : [])], expected: null, actual: formatAmount(r.value) },
          ),
        );
      }
    }
    return findings;
  },
};
