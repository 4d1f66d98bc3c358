import { teamsHighContrastTheme, webDarkTheme, type Theme } from '@fluentui/react-components';

/** Fluent's dark and high-contrast themes: a chunk of their own, loaded only when the pane needs one. */
export const DARK_THEMES: Record<'dark' | 'high-contrast', Theme> = { dark: webDarkTheme, 'high-contrast': teamsHighContrastTheme };
