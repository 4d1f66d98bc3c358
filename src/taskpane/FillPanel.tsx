import { useEffect, useMemo, useState } from 'react';
import { Button, Caption1, Checkbox, Link, makeStyles, mergeClasses, MessageBar, MessageBarBody, Text, tokens } from '@fluentui/react-components';
import { Spinner } from './Spinner';
import { Badge } from './Badge';
import type { CellPointer } from '../core/findings';
import { fillSource, type FillGroup, type FillInputs, type FillPreview, type FillRow, type FillStatus } from './fills';
import { ErrorBar } from './ErrorBar';
import { saveBytes } from './useNarrative';
import { chineseHalf, describeError } from './useWorkbookReport';

/**
 * The 填写 tab: what the fills would write (cell, formula, value, per table), what each cell holds
 * now (a conflict shows both), and writing all or a chosen part — as formulas (the default) or as
 * values. In Excel the cells are written into the open workbook in one request and the workbook is
 * checked again; for a local file a filled copy is downloaded under a new name.
 */

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  muted: { color: tokens.colorNeutralForeground3 },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  groupHead: {
    margin: 0,
    paddingBottom: tokens.spacingVerticalXXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: 'anywhere',
  },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  item: {
    display: 'grid',
    gridTemplateColumns: 'auto 1fr',
    columnGap: tokens.spacingHorizontalXS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXS}`,
    backgroundColor: tokens.colorNeutralBackground2,
    borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorNeutralStroke1}`,
    overflowWrap: 'anywhere',
  },
  conflict: { borderLeftColor: tokens.colorPaletteDarkOrangeBorder2 },
  writing: { borderLeftColor: tokens.colorBrandStroke1 },
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  head: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalS },
  cell: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold },
  formula: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
  /** A conflict: what the cell holds and what the plan computes, side by side. */
  sides: { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: tokens.spacingHorizontalXS },
  side: {
    display: 'flex',
    flexDirection: 'column',
    padding: tokens.spacingHorizontalXS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusSmall,
    minWidth: 0,
  },
  sideLabel: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase100 },
  more: { alignSelf: 'flex-start' },
});

const STATUS: Record<FillStatus, { label: string; color: 'brand' | 'success' | 'warning' | 'informative' | 'subtle' | 'danger' }> = {
  empty: { label: '空白', color: 'brand' },
  'same-value': { label: '数值相同', color: 'success' },
  'same-formula': { label: '已是公式', color: 'subtle' },
  conflict: { label: '冲突', color: 'warning' },
  'text-number': { label: '文本数字', color: 'informative' },
  blocked: { label: '暂缓', color: 'subtle' },
};

const FIRST_ROWS = 30;
const MORE_ROWS = 50;

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The filled copy's name: never the opened file's, so a download replaces nothing. */
export function filledFileName(fileName: string): string {
  const stem = fileName.replace(/\.xlsx$/i, '').replace(/[\\/:*?"<>|]+/g, '_') || '工作簿';
  return `${stem}-已填写.xlsx`;
}

function RowView({ row, checked, onToggle, onJump }: { row: FillRow; checked: boolean; onToggle: (on: boolean) => void; onJump?: (cell: CellPointer) => void }) {
  const styles = useStyles();
  const status = STATUS[row.status];
  const written = row.formula ? `${row.formula} → ${row.value}` : `${row.value}（数值）`;
  return (
    <li
      className={mergeClasses(styles.item, row.status === 'conflict' && styles.conflict, checked && styles.writing)}
      data-cell={row.id}
      data-status={row.status}
    >
      <Checkbox checked={checked} disabled={!row.selectable} onChange={(_, d) => onToggle(d.checked === true)} aria-label={`写入 ${row.id}`} />
      <div className={styles.body}>
        <div className={styles.head}>
          {onJump ? (
            <Link as="button" className={styles.cell} onClick={() => onJump(row.cell)} title="定位到单元格">
              {row.id}
            </Link>
          ) : (
            <Text className={styles.cell}>{row.id}</Text>
          )}
          <Badge size="small" appearance="tint" color={status.color}>
            {status.label}
          </Badge>
          <Caption1>{row.quantity}</Caption1>
        </div>
        <Caption1 className={styles.muted}>{row.description}</Caption1>
        {row.status === 'conflict' ? (
          <div className={styles.sides}>
            <div className={styles.side}>
              <span className={styles.sideLabel}>表中</span>
              <span className={styles.formula} data-side="current">
                {row.current}
              </span>
            </div>
            <div className={styles.side}>
              <span className={styles.sideLabel}>计算</span>
              <span className={styles.formula} data-side="computed">
                {written}
              </span>
            </div>
          </div>
        ) : (
          <span className={styles.formula} data-written={written}>
            {written}
            {row.current !== null && row.status !== 'same-formula' && <span className={styles.muted}>（表中 {row.current}）</span>}
          </span>
        )}
        {row.reason && <Caption1 className={styles.muted}>{row.reason}</Caption1>}
      </div>
    </li>
  );
}

function GroupView(props: { group: FillGroup; chosen: ReadonlySet<string>; toggle: (id: string, on: boolean) => void; onJump?: (cell: CellPointer) => void }) {
  const { group, chosen, toggle, onJump } = props;
  const styles = useStyles();
  const [limit, setLimit] = useState(FIRST_ROWS);
  const rest = group.rows.length - limit;
  return (
    <section className={styles.group} aria-label={group.title} data-sheet={group.sheet}>
      <h3 className={styles.groupHead}>
        {group.title}（{group.rows.length}）
      </h3>
      <ul className={styles.list}>
        {group.rows.slice(0, limit).map((row) => (
          <RowView key={row.id} row={row} checked={chosen.has(row.id)} onToggle={(on) => toggle(row.id, on)} onJump={onJump} />
        ))}
      </ul>
      {rest > 0 && (
        <Button className={styles.more} size="small" appearance="subtle" onClick={() => setLimit((n) => n + MORE_ROWS)}>
          显示更多（还有 {rest} 处）
        </Button>
      )}
    </section>
  );
}

function summary(p: FillPreview): string {
  const c = p.counts;
  const parts = [
    [c.empty, '空白待填'],
    [c['same-value'], '数值相同'],
    [c.conflict, '冲突'],
    [c['same-formula'], '已是公式'],
    [c['text-number'], '文本数字'],
    [c.blocked, '暂缓'],
  ] as const;
  return parts
    .filter(([n]) => n > 0)
    .map(([n, what]) => `${what} ${n} 处`)
    .join('，');
}

type Outcome = { status: 'idle' } | { status: 'writing' } | { status: 'done'; message: string } | { status: 'error'; message: string };

export interface FillPanelProps {
  /** The workbook the plan is made over and the host's write (the plan is made here, in the tab's own chunk). */
  inputs: FillInputs;
  fileName: string;
  target: 'excel' | 'file';
  onJump?: (cells: readonly CellPointer[]) => void;
  /** Values instead of formulas (the document's setting, until changed here). */
  values: boolean;
  onValues: (values: boolean) => void;
}

export default function FillPanel({ inputs, fileName, target, onJump, values, onValues: setValues }: FillPanelProps) {
  const styles = useStyles();
  const source = useMemo(() => fillSource(inputs), [inputs]);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [outcome, setOutcome] = useState<Outcome>({ status: 'idle' });
  const planned = useMemo((): { preview: FillPreview } | { error: string } => {
    try {
      return { preview: source.preview(values) };
    } catch (e) {
      return { error: describeError(e) };
    }
  }, [source, values]);
  const preview = 'preview' in planned ? planned.preview : null;

  // what `gongkai fill` writes is chosen at first, again whenever the plan changes
  useEffect(() => {
    setChosen(new Set(preview?.groups.flatMap((g) => g.rows.filter((r) => r.preselected).map((r) => r.id)) ?? []));
  }, [preview]);

  if ('error' in planned) return <ErrorBar title="无法计算填写内容" message={planned.error} />;
  if (!preview) return null;

  const selectable = preview.groups.flatMap((g) => g.rows.filter((r) => r.selectable).map((r) => r.id));
  const toggle = (id: string, on: boolean) =>
    setChosen((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const apply = async () => {
    setOutcome({ status: 'writing' });
    try {
      const ids = [...chosen];
      const result = await source.apply(ids, values);
      if (target === 'file' && result.bytes) {
        const name = filledFileName(fileName);
        saveBytes(result.bytes, name, XLSX_TYPE);
        setOutcome({ status: 'done', message: `已生成“${name}”，写入 ${result.written} 个单元格；原文件“${fileName}”未改动。` });
      } else {
        const notes = result.notes.map((n) => chineseHalf(n.message)).join(' ');
        setOutcome({ status: 'done', message: `已写入 ${result.written} 个单元格${values ? '（数值）' : '（公式）'}。${notes}` });
      }
    } catch (e) {
      setOutcome({ status: 'error', message: chineseHalf(describeError(e)) });
    }
  };

  const total = preview.groups.reduce((n, g) => n + g.rows.length, 0);
  return (
    <section className={styles.root} aria-label="填写">
      <Caption1 className={styles.muted}>
        按表格计算合计、小计、执行率、得分和总分，先预览再写入：
        {target === 'excel' ? '写入当前工作簿（一次写入），随后自动重新检查。' : '生成一个已填写的新文件下载，原文件不变。'}
      </Caption1>
      <div className={styles.row} role="group" aria-label="写入方式">
        {[
          [false, '写入公式'],
          [true, '只写数值'],
        ].map(([v, label]) => (
          <Button
            key={String(v)}
            size="small"
            shape="circular"
            appearance={values === v ? 'primary' : 'secondary'}
            aria-pressed={values === v}
            onClick={() => setValues(v as boolean)}
          >
            {label as string}
          </Button>
        ))}
      </div>
      {total === 0 ? (
        <Text>没有需要计算填写的单元格。</Text>
      ) : (
        <>
          <Caption1 aria-label="填写统计">共 {total} 处：{summary(preview)}。</Caption1>
          <div className={styles.row}>
            <Button appearance="primary" disabled={chosen.size === 0 || outcome.status === 'writing'} onClick={() => void apply()}>
              {target === 'excel' ? `写入所选（${chosen.size} 处）` : `生成已填写的副本（${chosen.size} 处）`}
            </Button>
            <Button size="small" appearance="subtle" onClick={() => setChosen(new Set(selectable))}>
              全选
            </Button>
            <Button size="small" appearance="subtle" onClick={() => setChosen(new Set())}>
              全不选
            </Button>
          </div>
          {outcome.status === 'writing' && <Spinner size="tiny" label="正在写入…" />}
          {outcome.status === 'done' && (
            <MessageBar intent="success">
              <MessageBarBody>{outcome.message}</MessageBarBody>
            </MessageBar>
          )}
          {outcome.status === 'error' && <ErrorBar title="写入失败" message={outcome.message} />}
          {preview.groups.map((g) => (
            <GroupView key={g.key} group={g} chosen={chosen} toggle={toggle} onJump={onJump && ((cell) => onJump([cell]))} />
          ))}
        </>
      )}
    </section>
  );
}
