import { lazy, startTransition, Suspense, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { Body1, Button, Caption1, makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import { Badge } from './Badge';
import { blameSentence } from '../core/findings/blame';
import { cellLabel, type Finding } from '../core/findings/types';
import type { FindingReview, ReviewStatus } from '../core/review/types';
import type { CardReview } from './cardReview';
import { cellRefsLabel, useFindingStyles } from './cardStyles';
import type { Card } from './findingCards';
import { kindBadge } from './severity';

/**
 * One card of the findings list: a finding, or the findings that blame one cell listed together; its
 * Chinese rule title (the rule's id in a tooltip), its review status and what the person may do about
 * it (说明 with a text, 退回 with a comment, 复核通过, 改回待处理). A card is one item of the list's
 * roving focus: Enter (or a click) selects its cells in Excel; its controls take the focus with Tab.
 */

export const STATUS_LABEL: Record<ReviewStatus, { label: string; color: 'subtle' | 'brand' | 'danger' | 'success' | 'informative' }> = {
  open: { label: '待处理', color: 'subtle' },
  explained: { label: '已说明', color: 'brand' },
  returned: { label: '退回', color: 'danger' },
  accepted: { label: '已复核', color: 'success' },
  fixed: { label: '已修正', color: 'success' },
};

/**
 * The status menu and the text box: loaded when a card's 处理 button is first focused, hovered or
 * pressed (the menu's code stays out of the findings until someone reaches for it). Until then the
 * button is a plain one that looks the same.
 */
const loadControls = () => import(/* webpackChunkName: "review-controls" */ './ReviewControls');
const ReviewControls = lazy(loadControls);

/** How far a card's 处理 button has been woken: not yet, reached (focus or hover), pressed (the menu opens once loaded). */
type Wake = 'no' | 'reached' | 'pressed';

/** The 处理 button before the menu's code is there: reaching it loads the code, pressing it opens the menu once loaded. */
function ActButton({ label, wake }: { label: string; wake: (how: Exclude<Wake, 'no'>, focused: boolean) => void }) {
  const stop = (e: MouseEvent | KeyboardEvent) => e.stopPropagation();
  return (
    <div onKeyDown={stop}>
      <Button
        data-roving-inner=""
        size="small"
        appearance="secondary"
        aria-label={label}
        aria-haspopup="menu"
        aria-expanded={false}
        onFocus={() => wake('reached', true)}
        onPointerEnter={() => wake('reached', false)}
        onClick={(e) => {
          e.stopPropagation();
          wake('pressed', document.activeElement === e.currentTarget);
        }}
      >
        处理 ▾
      </Button>
    </div>
  );
}

const useStyles = makeStyles({
  title: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2 },
  culprit: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  identities: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  /** One identity of a merged card: its title, message, values and cells each on a line of its own. */
  identity: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  review: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, paddingTop: tokens.spacingVerticalXXS },
  reviewText: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
});

/** An ISO time as the person's clock shows it: “2025-03-02 16:15”. */
export function localTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

function Values({ f }: { f: Finding }) {
  if (f.expected === null && f.actual === null) return null;
  return (
    <Caption1>
      {f.expected !== null && <>应为 {f.expected}</>}
      {f.expected !== null && f.actual !== null && '；'}
      {f.actual !== null && <>实为 {f.actual}</>}
    </Caption1>
  );
}

/** The rule's Chinese title; its id in the tooltip (and read out as the title's description). */
function RuleTitle({ rule, titles }: { rule: string; titles: Record<string, string> }) {
  const styles = useStyles();
  return (
    <Text className={styles.title} size={200} data-rule-title={rule} title={`规则 ${rule}`} aria-description={`规则 ${rule}`}>
      {titles[rule] ?? rule}
    </Text>
  );
}

/** The statuses of a card's findings: one when they agree, else the least advanced (待处理 first). */
function cardReview(card: Card, review: CardReview | undefined): FindingReview | undefined {
  if (!review) return undefined;
  const all = card.findings.map((f) => (f.id ? review.reviewOf(f.id) : undefined)).filter((r): r is FindingReview => r !== undefined);
  if (all.length === 0) return undefined;
  const order: ReviewStatus[] = ['returned', 'open', 'explained', 'accepted', 'fixed'];
  return [...all].sort((a, b) => order.indexOf(a.status) - order.indexOf(b.status))[0];
}

export function ReviewCard({ card, titles, onJump, review }: { card: Card; titles: Record<string, string>; onJump?: (f: Finding) => void; review?: CardReview }) {
  const styles = useStyles();
  const findingStyles = useFindingStyles();
  const first = card.findings[0];
  const badge = kindBadge({ severity: card.severity, rounding: card.kind === 'rounding' });
  const r = cardReview(card, review);
  const merged = card.findings.length > 1;
  const cells = merged ? card.findings.flatMap((f) => f.cells) : first.cells;
  const jump = onJump && cells.length > 0 ? () => onJump({ ...first, cells }) : undefined;
  const onKeyDown = (e: KeyboardEvent<HTMLLIElement>) => {
    if (e.key === 'Enter' && e.target === e.currentTarget && jump) {
      e.preventDefault();
      jump();
    }
  };
  return (
    <li
      data-roving=""
      data-roving-key={card.key}
      data-id={first.id}
      data-ids={card.findings.map((f) => f.id).join(' ')}
      data-severity={card.severity}
      data-kind={card.kind}
      data-rule={first.rule}
      data-status={r?.status}
      className={mergeClasses(
        findingStyles.finding,
        card.severity === 'error' && findingStyles.findingError,
        card.severity === 'warning' && findingStyles.findingWarning,
        findingStyles.jumpable,
      )}
      title={jump ? '单击或按 Enter 定位到单元格' : undefined}
      onClick={jump}
      onKeyDown={onKeyDown}
    >
      <div className={findingStyles.findingHead}>
        <Badge appearance={badge.appearance} color={badge.color} size="small">
          {badge.label}
        </Badge>
        {r && (
          <Badge appearance="tint" color={STATUS_LABEL[r.status].color} size="small" data-status-badge="">
            {STATUS_LABEL[r.status].label}
            {r.reopened ? '（重新出现）' : ''}
          </Badge>
        )}
        {merged ? <Text className={styles.title} size={200}>{card.findings.length} 条等式</Text> : <RuleTitle rule={first.rule} titles={titles} />}
      </div>
      {merged ? (
        <>
          <Body1 className={styles.culprit} data-likely={card.culprit ? cellLabel(card.culprit) : undefined}>
            最可能出错的是 {card.culprit ? cellLabel(card.culprit) : ''}：它同时使以下 {card.findings.length} 条等式不成立。
          </Body1>
          <ol className={styles.identities}>
            {card.findings.map((f) => (
              <li key={f.id} data-identity={f.id} data-rule={f.rule}>
                {/* a column inside the item, so the item keeps its number */}
                <div className={styles.identity}>
                  <RuleTitle rule={f.rule} titles={titles} />
                  <Body1 as="p" style={{ margin: 0 }}>
                    {f.message}
                  </Body1>
                  <Values f={f} />
                  <Caption1 className={findingStyles.muted}>单元格：{cellRefsLabel(f.cells)}</Caption1>
                </div>
              </li>
            ))}
          </ol>
        </>
      ) : (
        <>
          <Body1>{first.message}</Body1>
          {first.likely && (
            <Caption1 className={findingStyles.likely} data-likely={cellLabel(first.likely)}>
              {blameSentence(first)}
            </Caption1>
          )}
          <Values f={first} />
          {first.cells.length > 0 && <Caption1 className={findingStyles.muted}>单元格：{cellRefsLabel(first.cells)}</Caption1>}
        </>
      )}
      {r && (r.explanation || r.comment || r.changed) && (
        <div className={styles.review}>
          {r.explanation && (
            <Caption1 className={styles.reviewText} data-explanation="">
              说明：{r.explanation}
            </Caption1>
          )}
          {r.comment && (
            <Caption1 className={styles.reviewText} data-comment="">
              审核意见：{r.comment}
            </Caption1>
          )}
          {r.changed && <Caption1 className={findingStyles.likely}>数值已变，说明可能已不适用。</Caption1>}
          {r.updated && (
            <Caption1 className={findingStyles.muted}>
              {r.updated.by}（{r.updated.role === 'reviewer' ? '审核人' : '编制人'}）{localTime(r.updated.at)}
            </Caption1>
          )}
        </div>
      )}
      {review && r && <Controls card={card} status={r.status} review={review} />}
    </li>
  );
}

/** A card's review controls: the plain 处理 button until it is reached, then the menu (ReviewControls). */
function Controls({ card, status, review }: { card: Card; status: ReviewStatus; review: CardReview }) {
  const [wake, setWake] = useState<Wake>('no');
  const [focus, setFocus] = useState(false);
  if (wake === 'no' && review.allowed(status).length === 0) return null;
  const label = `处理：${cellLabel(card.culprit ?? card.findings[0].cells[0] ?? { sheet: '', address: '' })}`;
  // in a transition: the stand-in stays (with the focus) until the code is there, instead of a fallback in its place
  const act = (
    <ActButton
      label={label}
      wake={(how, focused) =>
        startTransition(() => {
          setWake((w) => (w === 'pressed' ? w : how));
          if (focused) setFocus(true);
        })
      }
    />
  );
  return <Suspense fallback={act}>{wake === 'no' ? act : <ReviewControls card={card} status={status} review={review} openMenu={wake === 'pressed'} takeFocus={focus} />}</Suspense>;
}
