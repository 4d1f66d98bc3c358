import { useId, useMemo, useState } from 'react';
import { Button, Caption1, makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import { Badge } from './Badge';
import type { Finding } from '../core/findings';
import type { CardReview } from './cardReview';
import { ReviewCard } from './ReviewCard';
import { countsText, filterCards, sheetCards, totalCounts, type Card, type FindingKind, type KindFilter, type SheetCards } from './findingCards';
import { FIRST_CARDS, MORE_CARDS, roundingLabel } from './findingGroups';
import { useRovingFocus } from './useRovingFocus';

/**
 * The 检查结果 tab's findings: a sheet index at the top (counts per sheet), then one foldable group
 * per sheet in workbook order, errors first, the findings that blame the same cell merged into one
 * card, each sheet's 尾差 folded into one line. The whole list is one tab stop: the arrow keys move
 * between group heads, cards and buttons, Enter on a card selects its cells (in Excel), Enter on a
 * head folds the group. When the workbook has errors the sheets holding them are open and the
 * others folded; a group shows its first cards and more on request.
 */

/** Jumps to a finding's cells (in Excel); absent for a local file. */
export type OnJump = ((finding: Finding) => void) | undefined;

const FILTERS: { value: KindFilter; label: string }[] = [
  { value: 'all', label: '全部' },
  { value: 'error', label: '错误' },
  { value: 'warning', label: '警告' },
  { value: 'rounding', label: '尾差' },
  { value: 'info', label: '提示' },
];

const KIND_SHORT: Record<FindingKind, { label: string; color: 'danger' | 'warning' | 'informative' | 'subtle' }> = {
  error: { label: '错', color: 'danger' },
  warning: { label: '警', color: 'warning' },
  rounding: { label: '尾', color: 'subtle' },
  info: { label: '示', color: 'informative' },
};

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  filter: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  /** The five filters fit one line of a 320 px pane. */
  filterButton: { minWidth: 'auto', paddingLeft: tokens.spacingHorizontalM, paddingRight: tokens.spacingHorizontalM },
  /** The chosen filter in forced colours: filled with the system's highlight, not only a coloured outline. */
  filterChosen: { '@media (forced-colors: active)': { backgroundColor: 'Highlight', color: 'HighlightText', forcedColorAdjust: 'none', ':hover': { backgroundColor: 'Highlight', color: 'HighlightText' } } },
  index: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, margin: 0, padding: 0, listStyleType: 'none' },
  indexButton: { minWidth: 'auto', paddingLeft: tokens.spacingHorizontalS, paddingRight: tokens.spacingHorizontalS, gap: tokens.spacingHorizontalXXS },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  groupHead: {
    justifyContent: 'flex-start',
    width: '100%',
    minHeight: 'auto',
    padding: `${tokens.spacingVerticalXXS} 0`,
    borderRadius: 0,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    textAlign: 'start',
    whiteSpace: 'normal',
    columnGap: tokens.spacingHorizontalS,
    flexWrap: 'wrap',
  },
  sheetName: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  cards: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  more: { alignSelf: 'flex-start' },
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
  chevron: { flexShrink: 0, transitionProperty: 'transform', transitionDuration: tokens.durationFaster },
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

export interface ListContext {
  titles: Record<string, string>;
  onJump?: OnJump;
  review?: CardReview;
}

/** Cards, the first `FIRST_CARDS` then `MORE_CARDS` more on each click. */
function CappedCards({ cards, label, className, ctx }: { cards: readonly Card[]; label: string; className?: string; ctx: ListContext }) {
  const styles = useStyles();
  const [limit, setLimit] = useState(FIRST_CARDS);
  const rest = cards.length - limit;
  return (
    <>
      <ul className={mergeClasses(styles.cards, className)} aria-label={label}>
        {cards.slice(0, limit).map((c) => (
          <ReviewCard key={c.key} card={c} titles={ctx.titles} onJump={ctx.onJump} review={ctx.review} />
        ))}
      </ul>
      {rest > 0 && (
        <Button data-roving="" className={styles.more} appearance="subtle" size="small" onClick={() => setLimit((n) => n + MORE_CARDS)}>
          显示更多（还有 {rest} 条）
        </Button>
      )}
    </>
  );
}

/** A sheet's 尾差 on one line; the list opens below it (at once under the 尾差 filter). */
function RoundingLine({ group, ctx, initiallyOpen }: { group: SheetCards; ctx: ListContext; initiallyOpen: boolean }) {
  const styles = useStyles();
  const [open, setOpen] = useState(initiallyOpen);
  const listId = useId();
  return (
    <>
      <Button
        data-roving=""
        className={styles.rounding}
        appearance="subtle"
        icon={<Chevron open={open} />}
        aria-expanded={open}
        aria-controls={open ? listId : undefined}
        onClick={() => setOpen((o) => !o)}
      >
        {roundingLabel({ sheet: group.sheet, findings: [], rounding: group.rounding.flatMap((c) => c.findings), largestRounding: group.largestRounding })}
      </Button>
      {open && (
        <div id={listId} className={styles.group}>
          <CappedCards cards={group.rounding} label={`${group.sheet} 的尾差`} className={styles.roundingList} ctx={ctx} />
        </div>
      )}
    </>
  );
}

function SheetGroup(props: { group: SheetCards; cards: readonly Card[]; rounding: boolean; open: boolean; toggle: () => void; ctx: ListContext; roundingOpen: boolean }) {
  const { group, cards, rounding, open, toggle, ctx, roundingOpen } = props;
  const styles = useStyles();
  const bodyId = useId();
  return (
    <section className={styles.group} aria-label={group.sheet} data-sheet={group.sheet}>
      <h3 style={{ margin: 0, fontSize: 'inherit' }}>
        <Button
          data-roving=""
          data-roving-key={`sheet:${group.sheet}`}
          data-sheet-head={group.sheet}
          className={styles.groupHead}
          appearance="transparent"
          icon={<Chevron open={open} />}
          aria-expanded={open}
          aria-controls={bodyId}
          onClick={toggle}
        >
          <span className={styles.sheetName}>{group.sheet}</span>
          <Caption1>{countsText(group.counts)}</Caption1>
        </Button>
      </h3>
      {open && (
        <div id={bodyId} className={styles.group}>
          {cards.length > 0 && <CappedCards cards={cards} label={`${group.sheet} 的问题`} ctx={ctx} />}
          {rounding && <RoundingLine group={group} ctx={ctx} initiallyOpen={roundingOpen} />}
        </div>
      )}
    </section>
  );
}

/** The sheet index: one button per sheet with its counts; a click opens the sheet's group and goes there. */
function SheetIndex({ groups, go }: { groups: readonly SheetCards[]; go: (sheet: string) => void }) {
  const styles = useStyles();
  const roving = useRovingFocus<HTMLUListElement>('horizontal');
  return (
    <nav aria-label="工作表索引">
      <ul className={styles.index} {...roving.props}>
        {groups.map((g) => (
          <li key={g.sheet}>
            <Button data-roving="" data-roving-key={g.sheet} className={styles.indexButton} size="small" appearance="secondary" onClick={() => go(g.sheet)} aria-label={`${g.sheet}：${countsText(g.counts)}`}>
              {g.sheet}
              {(Object.keys(KIND_SHORT) as FindingKind[])
                .filter((k) => g.counts[k] > 0)
                .map((k) => (
                  <Badge key={k} size="small" appearance={k === 'error' ? 'filled' : 'tint'} color={KIND_SHORT[k].color}>
                    {KIND_SHORT[k].label}
                    {g.counts[k]}
                  </Badge>
                ))}
            </Button>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export interface FindingsListProps {
  findings: readonly Finding[];
  sheets: readonly string[];
  titles: Record<string, string>;
  onJump?: OnJump;
  review?: CardReview;
}

export function FindingsList({ findings, sheets, titles, onJump, review }: FindingsListProps) {
  const styles = useStyles();
  const groups = useMemo(() => sheetCards(findings, sheets), [findings, sheets]);
  const totals = useMemo(() => totalCounts(groups), [groups]);
  const [filter, setFilter] = useState<KindFilter>('all');
  // The sheets the person folded or opened; every other sheet follows the default, errors first: with
  // errors (under 全部), the sheets that hold them open and the others folded. The default follows
  // each re-check, so a sheet that gains an error while the accountant types opens by itself.
  const [chosen, setChosen] = useState<ReadonlyMap<string, boolean>>(new Map());
  const roving = useRovingFocus<HTMLDivElement>();
  const filterRoving = useRovingFocus<HTMLDivElement>('horizontal', filter);
  if (groups.length === 0) return null;
  const ctx: ListContext = { titles, onJump, review };
  const isOpen = (g: SheetCards) => chosen.get(g.sheet) ?? (filter !== 'all' || totals.error === 0 || g.counts.error > 0);
  const shown = groups.map((g) => ({ group: g, ...filterCards(g, filter) })).filter((v) => v.cards.length > 0 || v.rounding);
  const toggle = (g: SheetCards) => setChosen((m) => new Map(m).set(g.sheet, !isOpen(g)));
  const go = (sheet: string) => {
    setChosen((m) => new Map(m).set(sheet, true));
    if (filter !== 'all' && !shown.some((v) => v.group.sheet === sheet)) setFilter('all');
    requestAnimationFrame(() => {
      const head = document.querySelector<HTMLElement>(`[data-sheet-head="${CSS.escape(sheet)}"]`);
      head?.focus();
      head?.scrollIntoView({ block: 'start' });
    });
  };
  return (
    <section className={styles.root} aria-label="问题列表">
      {/* One tab stop (the chosen filter); the left and right arrows move between the filters, Enter or Space chooses. */}
      <div className={styles.filter} role="toolbar" aria-label="按级别筛选" {...filterRoving.props}>
        {FILTERS.map(({ value, label }) => (
          // Plain buttons marked pressed: ToggleButton would add ~20 KB of styles to the first bundle.
          // A kind with no findings stays focusable (disabledFocusable), so the arrows do not skip it unannounced.
          <Button
            key={value}
            data-roving=""
            data-roving-key={value}
            className={mergeClasses(styles.filterButton, filter === value && styles.filterChosen)}
            size="small"
            shape="circular"
            appearance={filter === value ? 'primary' : 'secondary'}
            aria-pressed={filter === value}
            disabledFocusable={value !== 'all' && totals[value] === 0}
            onClick={() => {
              setFilter(value);
              // a kind chosen: every sheet that has it open (the defaults again)
              setChosen(new Map());
            }}
          >
            {label}
          </Button>
        ))}
      </div>
      {groups.length > 1 && <SheetIndex groups={groups} go={go} />}
      {shown.length === 0 ? (
        <Text>没有{FILTERS.find((f) => f.value === filter)?.label}。</Text>
      ) : (
        <div className={styles.list} {...roving.props}>
          {shown.map((v) => (
            <SheetGroup
              key={v.group.sheet}
              group={v.group}
              cards={v.cards}
              rounding={v.rounding}
              open={isOpen(v.group)}
              toggle={() => toggle(v.group)}
              ctx={ctx}
              roundingOpen={filter === 'rounding'}
            />
          ))}
        </div>
      )}
    </section>
  );
}
