import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useRovingFocus } from './useRovingFocus';

/**
 * The workspace's tabs, drawn like Fluent's TabList (the selected tab underlined in the brand
 * colour) with the ARIA tabs pattern: one tab stop (the selected tab), the arrow keys move between
 * the tabs and select the one they reach, a click selects. Tab `v` controls the panel `panel-v` and
 * is labelled `tab-v`. Fluent's TabList would bring its focus machinery (tabster) into the first
 * bundle; this is the little of it the pane uses.
 */

const useStyles = makeStyles({
  list: { display: 'flex', flexWrap: 'wrap', alignItems: 'stretch' },
  tab: {
    position: 'relative',
    display: 'inline-flex',
    alignItems: 'center',
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalMNudge}`,
    border: 'none',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: 'transparent',
    color: tokens.colorNeutralForeground2,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    cursor: 'pointer',
    // the underline: neutral on hover, the brand colour when selected
    '::after': {
      content: '""',
      position: 'absolute',
      left: tokens.spacingHorizontalMNudge,
      right: tokens.spacingHorizontalMNudge,
      bottom: 0,
      height: tokens.strokeWidthThicker,
      borderRadius: tokens.borderRadiusCircular,
      backgroundColor: 'transparent',
    },
    ':hover': { color: tokens.colorNeutralForeground1 },
    ':hover::after': { backgroundColor: tokens.colorNeutralStroke1Hover },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  selected: {
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    '::after': { backgroundColor: tokens.colorCompoundBrandStroke },
    ':hover::after': { backgroundColor: tokens.colorCompoundBrandStrokeHover },
    // forced colours erase backgrounds: the underline in the system's highlight colour
    '@media (forced-colors: active)': { '::after': { backgroundColor: 'Highlight', forcedColorAdjust: 'none' }, ':hover::after': { backgroundColor: 'Highlight' } },
  },
});

export interface TabsProps<V extends string> {
  label: string;
  tabs: readonly { value: V; label: string }[];
  selected: V;
  onSelect: (value: V) => void;
  className?: string;
}

export function Tabs<V extends string>({ label, tabs, selected, onSelect, className }: TabsProps<V>) {
  const styles = useStyles();
  const roving = useRovingFocus<HTMLDivElement>('horizontal', selected);
  return (
    <div role="tablist" aria-label={label} className={mergeClasses(styles.list, className)} {...roving.props}>
      {tabs.map(({ value, label: text }) => (
        <button
          key={value}
          type="button"
          role="tab"
          id={`tab-${value}`}
          aria-controls={`panel-${value}`}
          aria-selected={value === selected}
          data-roving=""
          data-roving-key={value}
          className={mergeClasses(styles.tab, value === selected && styles.selected)}
          onClick={() => onSelect(value)}
          // the arrows select the tab they reach (automatic activation)
          onFocus={() => value !== selected && onSelect(value)}
        >
          {text}
        </button>
      ))}
    </div>
  );
}
