import { useId, useMemo, useState } from 'react';
import { Button, Caption1, makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import type { CheckReport, Finding } from '../core/findings';
import { cellRefsLabel, FindingCard, useFindingStyles } from './FindingCard';
import { filterGroup, FIRST_CARDS, groupBySheet, MORE_CARDS, roundingLabel, type SeverityFilter, type SheetFindings } from './findingGroups';

/**
 * The 检查结果 tab's findings: one group per sheet in workbook order, errors first, each sheet's 尾差
 * folded into one line that opens on demand. A group shows its first cards and more on request, so
 * a sheet with thousands of findings never puts thousands of cards in the page.
 */

const FILTERS: { value: SeverityFilter; label: string }[] = [
  { value: 'all', label: '全部' },
  { value: 'error', label: '错误' },
  { value: 'warning', label: '警告' },
];

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  filter: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  groupHead: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'baseline',
    columnGap: tokens.spacingHorizontalS,
    paddingBottom: tokens.spacingVerticalXXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  sheet: { margin: 0, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300, fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  more: { alignSelf: 'flex-start' },
  /** The folded 尾差: a card-like row that opens its list. */
  rounding: {
    justifyContent: 'flex-start',
    width: '100%',
    minHeight: 'auto',
    height: 'auto',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    textAlign: 'start',
    whiteSpace: 'normal',
    fontWeight: tokens.fontWeightRegular,
    borderRadius: 0,
    borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorPaletteDarkOrangeBorder2}`,
    backgroundColor: tokens.colorNeutralBackground2,
    overflowWrap: 'anywhere',
  },
  chevron: { transitionProperty: 'transform', transitionDuration: tokens.durationFaster },
  chevronOpen: { transform: 'rotate(90deg)' },
  roundingList: { paddingLeft: tokens.spacingHorizontalM },
});

/** A small chevron (▸), turned down when open. */
function Chevron({ open }: { open: boolean }) {
  const styles = useStyles();
  return (
    <svg className={mergeClasses(styles.chevron, open && styles.chevronOpen)} width="12" height="12" viewBox="0 0 12 12" aria-hidden="true" focusable="false">
      <path d="M4.5 2.5 8 6l-3.5 3.5" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

/** Jumps to a finding's cells (in Excel); absent for a local file. */
export type OnJump = ((finding: Finding) => void) | undefined;

/** Cards, the first `FIRST_CARDS` then `MORE_CARDS` more on each click. */
function CappedCards({ findings, label, className, onJump }: { findings: readonly Finding[]; label: string; className?: string; onJump?: OnJump }) {
  const styles = useStyles();
  const findingStyles = useFindingStyles();
  const [limit, setLimit] = useState(FIRST_CARDS);
  const rest = findings.length - limit;
  return (
    <>
      <ul className={mergeClasses(findingStyles.findings, className)} aria-label={label}>
        {findings.slice(0, limit).map((f, i) => (
          <FindingCard key={f.id ?? i} finding={f} cellsText={cellRefsLabel(f.cells)} showRule onActivate={onJump && (() => onJump(f))} />
        ))}
      </ul>
      {rest > 0 && (
        <Button className={styles.more} appearance="subtle" size="small" onClick={() => setLimit((n) => n + MORE_CARDS)}>
          显示更多（还有 {rest} 条）
        </Button>
      )}
    </>
  );
}

/** A sheet's 尾差 on one line; the list opens below it. */
function RoundingLine({ group, onJump }: { group: SheetFindings; onJump?: OnJump }) {
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const listId = useId();
  return (
    <>
      <Button
        className={styles.rounding}
        appearance="subtle"
        icon={<Chevron open={open} />}
        aria-expanded={open}
        aria-controls={open ? listId : undefined}
        onClick={() => setOpen((o) => !o)}
      >
        {roundingLabel(group)}
      </Button>
      {open && (
        <div id={listId} className={styles.group}>
          <CappedCards findings={group.rounding} label={`${group.sheet} 的尾差`} className={styles.roundingList} onJump={onJump} />
        </div>
      )}
    </>
  );
}

function countsLabel(findings: readonly Finding[]): string {
  const n = (s: Finding['severity']) => findings.filter((f) => f.severity === s).length;
  const parts = [
    [n('error'), '错误'],
    [n('warning'), '警告'],
    [n('info'), '提示'],
  ] as const;
  return parts
    .filter(([count]) => count > 0)
    .map(([count, what]) => `${count} 处${what}`)
    .join('、');
}

function SheetGroup({ group, findings, rounding, onJump }: { group: SheetFindings; findings: readonly Finding[]; rounding: boolean; onJump?: OnJump }) {
  const styles = useStyles();
  const headingId = useId();
  return (
    <section className={styles.group} aria-labelledby={headingId} data-sheet={group.sheet}>
      <div className={styles.groupHead}>
        <h3 id={headingId} className={styles.sheet}>
          {group.sheet}
        </h3>
        <Caption1>{countsLabel(findings)}</Caption1>
      </div>
      {findings.length > 0 && <CappedCards findings={findings} label={`${group.sheet} 的问题`} onJump={onJump} />}
      {rounding && <RoundingLine group={group} onJump={onJump} />}
    </section>
  );
}

export function FindingsList({ report, sheets, onJump }: { report: CheckReport; sheets: readonly string[]; onJump?: OnJump }) {
  const styles = useStyles();
  const groups = useMemo(() => groupBySheet(report.findings, sheets), [report, sheets]);
  const [filter, setFilter] = useState<SeverityFilter>('all');
  if (groups.length === 0) return null;
  const shown = groups.map((g) => ({ group: g, ...filterGroup(g, filter) })).filter((v) => v.findings.length > 0 || v.rounding);
  return (
    <section className={styles.root} aria-label="问题列表">
      <div className={styles.filter} role="group" aria-label="按级别筛选">
        {FILTERS.map(({ value, label }) => (
          // Plain buttons marked pressed: ToggleButton would add ~20 KB of styles to the first bundle.
          <Button
            key={value}
            size="small"
            shape="circular"
            appearance={filter === value ? 'primary' : 'secondary'}
            aria-pressed={filter === value}
            onClick={() => setFilter(value)}
          >
            {label}
          </Button>
        ))}
      </div>
      {shown.length === 0 ? (
        <Text>没有{filter === 'error' ? '错误' : '警告'}。</Text>
      ) : (
        shown.map((v) => <SheetGroup key={v.group.sheet} group={v.group} findings={v.findings} rounding={v.rounding} onJump={onJump} />)
      )}
    </section>
  );
}
