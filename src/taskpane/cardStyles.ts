import { makeStyles, tokens } from '@fluentui/react-components';
import type { CellPointer } from '../core/findings';

/*
 * What every finding card shares (the 检查结果 list's cards, the selected cells' and the 情况说明's):
 * the card's styles and the one cell-label format of the pane.
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
