import type { HTMLAttributes, ReactNode } from 'react';
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';

/**
 * A badge drawn as Fluent's Badge is (the same tokens, sizes and colours), for the subset the pane
 * uses: filled, tint and outline in six colours, small, medium and large. Fluent's own Badge brings
 * the styles of every shape and colour into the first bundle.
 */

export type BadgeColor = 'danger' | 'warning' | 'informative' | 'subtle' | 'brand' | 'success';
export type BadgeAppearance = 'filled' | 'tint' | 'outline';

/** A border colour on every edge (makeStyles takes no shorthand). */
const edges = (c: string) => ({ borderTopColor: c, borderRightColor: c, borderBottomColor: c, borderLeftColor: c });

const useStyles = makeStyles({
  base: {
    display: 'inline-flex',
    boxSizing: 'border-box',
    alignItems: 'center',
    justifyContent: 'center',
    flexShrink: 0,
    fontFamily: tokens.fontFamilyBase,
    fontWeight: tokens.fontWeightSemibold,
    whiteSpace: 'nowrap',
    borderRadius: tokens.borderRadiusCircular,
    borderTopStyle: 'solid',
    borderRightStyle: 'solid',
    borderBottomStyle: 'solid',
    borderLeftStyle: 'solid',
    borderTopWidth: tokens.strokeWidthThin,
    borderRightWidth: tokens.strokeWidthThin,
    borderBottomWidth: tokens.strokeWidthThin,
    borderLeftWidth: tokens.strokeWidthThin,
    ...edges('transparent'),
  },
  small: { height: '16px', minWidth: '16px', padding: `0 calc(${tokens.spacingHorizontalXXS} + ${tokens.spacingHorizontalXXS})`, fontSize: tokens.fontSizeBase100, lineHeight: tokens.lineHeightBase100 },
  medium: { height: '20px', minWidth: '20px', padding: `0 calc(${tokens.spacingHorizontalXS} + ${tokens.spacingHorizontalXXS})`, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  large: { height: '24px', minWidth: '24px', padding: `0 calc(${tokens.spacingHorizontalXS} + ${tokens.spacingHorizontalXXS})`, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
});

/** Each appearance's colours, as Fluent's Badge has them. */
const useFilled = makeStyles({
  danger: { backgroundColor: tokens.colorPaletteRedBackground3, color: tokens.colorNeutralForegroundOnBrand },
  warning: { backgroundColor: tokens.colorPaletteYellowBackground3, color: tokens.colorNeutralForeground1Static },
  informative: { backgroundColor: tokens.colorNeutralBackground5, color: tokens.colorNeutralForeground3 },
  subtle: { backgroundColor: tokens.colorNeutralBackground1, color: tokens.colorNeutralForeground1 },
  brand: { backgroundColor: tokens.colorBrandBackground, color: tokens.colorNeutralForegroundOnBrand },
  success: { backgroundColor: tokens.colorPaletteGreenBackground3, color: tokens.colorNeutralForegroundOnBrand },
});
const useTint = makeStyles({
  danger: { backgroundColor: tokens.colorPaletteRedBackground1, color: tokens.colorPaletteRedForeground1, ...edges(tokens.colorPaletteRedBorder1) },
  warning: { backgroundColor: tokens.colorPaletteYellowBackground1, color: tokens.colorPaletteYellowForeground2, ...edges(tokens.colorPaletteYellowBorder1) },
  informative: { backgroundColor: tokens.colorNeutralBackground4, color: tokens.colorNeutralForeground3, ...edges(tokens.colorNeutralStroke2) },
  subtle: { backgroundColor: tokens.colorNeutralBackground1, color: tokens.colorNeutralForeground3, ...edges(tokens.colorNeutralStroke2) },
  brand: { backgroundColor: tokens.colorBrandBackground2, color: tokens.colorBrandForeground2, ...edges(tokens.colorBrandStroke2) },
  success: { backgroundColor: tokens.colorPaletteGreenBackground1, color: tokens.colorPaletteGreenForeground1, ...edges(tokens.colorPaletteGreenBorder1) },
});
const useOutline = makeStyles({
  danger: { color: tokens.colorPaletteRedForeground3, ...edges('currentColor') },
  warning: { color: tokens.colorPaletteYellowForeground2, ...edges('currentColor') },
  informative: { color: tokens.colorNeutralForeground3, ...edges(tokens.colorNeutralStroke2) },
  subtle: { color: tokens.colorNeutralForeground3, ...edges(tokens.colorNeutralStroke2) },
  brand: { color: tokens.colorBrandForeground1, ...edges('currentColor') },
  success: { color: tokens.colorPaletteGreenForeground2, ...edges('currentColor') },
});

export interface BadgeProps extends HTMLAttributes<HTMLSpanElement> {
  appearance?: BadgeAppearance;
  color?: BadgeColor;
  size?: 'small' | 'medium' | 'large';
  children?: ReactNode;
}

export function Badge({ appearance = 'filled', color = 'brand', size = 'medium', className, children, ...rest }: BadgeProps) {
  const styles = useStyles();
  const colors = { filled: useFilled(), tint: useTint(), outline: useOutline() }[appearance];
  return (
    <span {...rest} className={mergeClasses(styles.base, styles[size], colors[color], className)}>
      {children}
    </span>
  );
}
