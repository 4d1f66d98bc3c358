import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';

/**
 * A busy indicator with its label, drawn as Fluent's Spinner is (a ring in the brand colour turning
 * on a neutral track) for the two sizes the pane uses; a status the screen reader announces. Fluent's
 * Spinner brings its every size and motion into the first bundle.
 */

const useStyles = makeStyles({
  root: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, color: tokens.colorNeutralForeground1 },
  ring: {
    flexShrink: 0,
    boxSizing: 'border-box',
    borderRadius: tokens.borderRadiusCircular,
    borderTopStyle: 'solid',
    borderRightStyle: 'solid',
    borderBottomStyle: 'solid',
    borderLeftStyle: 'solid',
    borderTopWidth: tokens.strokeWidthThick,
    borderRightWidth: tokens.strokeWidthThick,
    borderBottomWidth: tokens.strokeWidthThick,
    borderLeftWidth: tokens.strokeWidthThick,
    borderTopColor: tokens.colorBrandStroke1,
    borderRightColor: tokens.colorBrandStroke2Contrast,
    borderBottomColor: tokens.colorBrandStroke2Contrast,
    borderLeftColor: tokens.colorBrandStroke2Contrast,
    animationName: { from: { transform: 'rotate(0deg)' }, to: { transform: 'rotate(360deg)' } },
    animationDuration: '1s',
    animationIterationCount: 'infinite',
    animationTimingFunction: 'linear',
    '@media screen and (prefers-reduced-motion: reduce)': { animationDuration: '3s' },
  },
  tiny: { width: '20px', height: '20px' },
  small: { width: '28px', height: '28px' },
  label: { fontFamily: tokens.fontFamilyBase, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300 },
});

export function Spinner({ label, size = 'small', className }: { label: string; size?: 'tiny' | 'small'; className?: string }) {
  const styles = useStyles();
  return (
    <div role="status" className={mergeClasses(styles.root, className)}>
      <span className={mergeClasses(styles.ring, styles[size])} aria-hidden="true" />
      <span className={styles.label}>{label}</span>
    </div>
  );
}
