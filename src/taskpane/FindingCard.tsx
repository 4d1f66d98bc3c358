import { Badge, Body1, Caption1, makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import { blameSentence, type CellPointer, type Finding } from '../core/findings';
import { kindBadge } from './severity';

/**
 * One finding as a card (a list item): severity badge, message, expected vs actual, cells.
 * Shared by the 检查结果 tab (the workbook's findings) and the 情况说明 tab (a narrative's).
 */

export const useFindingStyles = makeStyles({
  muted: { color: tokens.colorNeutralForeground3 },
  findings: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  finding: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: tokens.spacingVerticalS,
    borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
    overflowWrap: 'anywhere',
  },
  findingError: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  findingWarning: { borderLeftColor: tokens.colorPaletteDarkOrangeBorder2 },
  findingHead: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  quote: { fontWeight: tokens.fontWeightSemibold },
  rule: {
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  likely: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  /** A card that jumps to its cells: clicked, or Enter while it has the focus. */
  jumpable: {
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground2Hover },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
  },
  fixed: { borderLeftColor: tokens.colorPaletteGreenBorder2, opacity: 0.85 },
});

/** Cells as references, the one label format of the pane: “公开01表!C37、D37；公开02表!B8”; a long list is cut short with its count. */
export function cellsLabel(cells: readonly CellPointer[], max = 12): string {
  if (cells.length === 0) return '（无单元格）';
  return cellRefsLabel(cells, max);
}

/**
 * Cells as references, the sheet named where it changes: “公开02表!C29、D29、I29；公开03表!C29”.
 * More than `max` are cut to the first few and their count: “公开02表!C7、C8、C9 等 26 处”.
 */
export function cellRefsLabel(cells: readonly CellPointer[], max = 4): string {
  const shown = cells.length > max ? cells.slice(0, max - 1) : cells;
  let text = '';
  let sheet: string | null = null;
  for (const c of shown) {
    if (c.sheet === sheet) text += `、${c.address}`;
    else text += `${sheet === null ? '' : '；'}${c.sheet}!${c.address}`;
    sheet = c.sheet;
  }
  return cells.length > max ? `${text} 等 ${cells.length} 处` : text;
}

/** `sheet!address`, as Excel writes a reference. */
export const cellRef = (c: CellPointer): string => `${c.sheet}!${c.address}`;

export interface FindingCardProps {
  finding: Finding;
  /** What `actual` is called: 实为 (a table's value, the default) or 说明中写作 (a narrative's number). */
  actualLabel?: string;
  /** The cells line; by default the cells listed by sheet (`cellsLabel`). */
  cellsText?: string;
  /** Shows the rule's Chinese title in the card's head (its id in the tooltip). */
  ruleTitle?: string;
  /** Jumps to the finding's cells (click, or Enter on the focused card). */
  onActivate?: () => void;
  /** Shown as 已修正 (the finding went away at the last check). */
  fixed?: boolean;
}

export function FindingCard({ finding, actualLabel = '实为', cellsText, ruleTitle, onActivate, fixed = false }: FindingCardProps) {
  const styles = useFindingStyles();
  const { label, color, appearance } = kindBadge(finding);
  const blame = blameSentence(finding) || null;
  const jump = onActivate && finding.cells.length > 0 ? onActivate : undefined;
  return (
    <li
      className={mergeClasses(
        styles.finding,
        finding.severity === 'error' && styles.findingError,
        finding.severity === 'warning' && styles.findingWarning,
        fixed && styles.fixed,
        jump && styles.jumpable,
      )}
      data-severity={finding.severity}
      data-rule={finding.rule}
      data-id={finding.id}
      data-fixed={fixed || undefined}
      tabIndex={jump ? 0 : undefined}
      title={jump ? '单击或按 Enter 定位到单元格' : undefined}
      onClick={jump}
      onKeyDown={
        jump &&
        ((e) => {
          if (e.key === 'Enter' && e.target === e.currentTarget) {
            e.preventDefault();
            jump();
          }
        })
      }
    >
      <div className={styles.findingHead}>
        {fixed && (
          <Badge appearance="filled" color="success" size="small">
            已修正
          </Badge>
        )}
        <Badge appearance={fixed ? 'outline' : appearance} color={color} size="small">
          {label}
        </Badge>
        {finding.quote && <Text className={styles.quote}>“{finding.quote}”</Text>}
        {ruleTitle && (
          <span className={styles.rule} title={`规则 ${finding.rule}`} data-rule-title={finding.rule}>
            {ruleTitle}
          </span>
        )}
      </div>
      <Body1>{finding.message}</Body1>
      {blame && (
        <Caption1 className={styles.likely} data-likely={cellRef(finding.likely!)}>
          {blame}
        </Caption1>
      )}
      {(finding.expected !== null || finding.actual !== null) && (
        <Caption1>
          {finding.expected !== null && <>应为 {finding.expected}</>}
          {finding.expected !== null && finding.actual !== null && '；'}
          {finding.actual !== null && (
            <>
              {actualLabel} {finding.actual}
            </>
          )}
        </Caption1>
      )}
      {finding.cells.length > 0 && <Caption1 className={styles.muted}>单元格：{cellsText ?? cellsLabel(finding.cells)}</Caption1>}
    </li>
  );
}
