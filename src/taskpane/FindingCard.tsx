import { Body1, Caption1, mergeClasses, Text } from '@fluentui/react-components';
import { blameSentence } from '../core/findings/blame';
import type { Finding } from '../core/findings/types';
import { Badge } from './Badge';
import { cellRef, cellsLabel, useFindingStyles } from './cardStyles';
import { kindBadge } from './severity';

/**
 * One finding as a card (a list item): severity badge, message, expected vs actual, cells.
 * Shared by the 检查结果 tab (the workbook's findings) and the 情况说明 tab (a narrative's).
 */

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
