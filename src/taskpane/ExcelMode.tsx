import { useMemo } from 'react';
import { Button, Caption1, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Subtitle2, tokens } from '@fluentui/react-components';
import { Spinner } from './Spinner';
import { cellLabel, type CellPointer, type Finding } from '../core/findings/types';
import { parseRangeA1, parseA1, rangeContains, type RangeRef } from '../core/grid/address';
import { cellRefsLabel, useFindingStyles } from './cardStyles';
import { FindingCard } from './FindingCard';
import { useExcelSession } from './useExcelSession';
import { Workspace } from './Workspace';

const useStyles = makeStyles({
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground3 },
  notes: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

/** The areas of a selection address ("C29", "C29:D30", "C29,E29"). */
function areasOf(address: string): RangeRef[] {
  return address
    .split(',')
    .map((a) => parseRangeA1(a.replace(/\$/g, '')))
    .filter((r): r is RangeRef => r !== null);
}

/** The findings with a cell (or a likely culprit) in the selection. */
export function findingsAt(findings: readonly Finding[], selection: CellPointer): Finding[] {
  const areas = areasOf(selection.address);
  const inside = (c: CellPointer | undefined) => {
    if (!c || c.sheet !== selection.sheet) return false;
    const at = parseA1(c.address);
    return at !== null && areas.some((a) => rangeContains(a, at.row, at.col));
  };
  return findings.filter((f) => f.source !== 'narrative' && (f.cells.some(inside) || inside(f.likely)));
}

/** Findings shown above the list: those of the selected cells, then those just fixed. */
function AboveTheList(props: { findings: readonly Finding[]; titles: Record<string, string>; selection: CellPointer | null; resolved: readonly Finding[]; onJump: (cells: readonly CellPointer[]) => void }) {
  const { findings, titles, selection, resolved, onJump } = props;
  const styles = useStyles();
  const findingStyles = useFindingStyles();
  const here = useMemo(() => (selection ? findingsAt(findings, selection) : []), [findings, selection]);
  return (
    <>
      {selection && here.length > 0 && (
        <section className={styles.section} aria-label="所选单元格的问题">
          <Subtitle2 as="h2">所选单元格 {cellLabel(selection).replace(/,/g, '、')} 的问题（{here.length}）</Subtitle2>
          <ul className={findingStyles.findings}>
            {here.map((f) => (
              <FindingCard key={f.id} finding={f} cellsText={cellRefsLabel(f.cells)} ruleTitle={titles[f.rule] ?? f.rule} onActivate={() => onJump(f.cells)} />
            ))}
          </ul>
        </section>
      )}
      {resolved.length > 0 && (
        <section className={styles.section} aria-label="刚刚修正的问题" aria-live="polite">
          <ul className={findingStyles.findings}>
            {resolved.map((f) => (
              <FindingCard key={f.id} finding={f} cellsText={cellRefsLabel(f.cells)} ruleTitle={titles[f.rule] ?? f.rule} fixed />
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

/** Inside Excel: the open workbook, checked live, marked, filled. */
export function ExcelMode() {
  const styles = useStyles();
  const { state, notes, problem, busy, resolved, selection, check, clearMarks, remark, jump } = useExcelSession();
  const live = state.status === 'live' ? state : null;
  const book = live?.book ?? null;

  return (
    <>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={() => void check()} disabled={state.status === 'connecting' || busy !== null}>
          {book ? '重新检查' : '检查当前工作簿'}
        </Button>
        {book && live?.canMark && (
          <Button onClick={() => void (live.marks ? clearMarks() : remark())} disabled={busy !== null}>
            {live.marks ? '清除标注' : '重新标注'}
          </Button>
        )}
      </div>
      {state.status === 'idle' && (
        <Caption1 className={styles.muted}>检查当前打开的工作簿：问题标注在单元格上，修改后自动重新检查。数据只在本机处理，不会上传。</Caption1>
      )}
      {live && book && (
        <Caption1 className={styles.muted} aria-live="polite">
          “{live.name}”：修改后自动重新检查{live.canMark ? (live.marks ? '，问题已标注在单元格上' : '，标注已清除') : ''}。
        </Caption1>
      )}
      {(state.status === 'connecting' || busy) && <Spinner size="tiny" label={state.status === 'connecting' ? '正在连接工作簿…' : (busy ?? '')} />}
      {notes.length > 0 && (
        <div className={styles.notes}>
          {notes.map((n) => (
            <MessageBar key={n.feature} intent="warning" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>{n.requirement ? `需要 ${n.requirement}` : '功能受限'}</MessageBarTitle>
                {n.message.split(' / ')[0]}
              </MessageBarBody>
            </MessageBar>
          ))}
        </div>
      )}
      {state.status === 'error' && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>无法连接工作簿</MessageBarTitle>
            {state.message}
          </MessageBarBody>
        </MessageBar>
      )}
      {problem && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>检查出错</MessageBarTitle>
            {problem}
          </MessageBarBody>
        </MessageBar>
      )}
      {live && book && (
        <Workspace
          book={book}
          openId={live.openId}
          fileName={live.name}
          target="excel"
          onJump={jump}
          top={<AboveTheList findings={book.report.findings} titles={book.titles} selection={selection} resolved={resolved} onJump={jump} />}
        />
      )}
    </>
  );
}
