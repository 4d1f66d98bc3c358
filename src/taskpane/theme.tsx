/// <reference types="office-js" />
import { useEffect, useState, type ReactNode } from 'react';
import { FluentProvider, teamsHighContrastTheme, webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';
import { officeTheme, type PaneHost } from './office';

/**
 * The pane's theme: Fluent's light, dark or high-contrast theme, following Office's theme inside
 * Office (Office.context.officeTheme: dark when Excel's or Word's theme is dark, read again when Office
 * reports a change) and the system elsewhere (`prefers-color-scheme`); Windows' high-contrast mode
 * (`forced-colors: active`) wins in both.
 */
export type ThemeName = 'light' | 'dark' | 'high-contrast';

const THEMES: Record<ThemeName, Theme> = { light: webLightTheme, dark: webDarkTheme, 'high-contrast': teamsHighContrastTheme };

function media(query: string): MediaQueryList | null {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' ? window.matchMedia(query) : null;
}

/** The theme now: high contrast, then Office's theme (inside Office), then the system's. */
export function currentTheme(host: PaneHost): ThemeName {
  if (media('(forced-colors: active)')?.matches) return 'high-contrast';
  const office = host ? officeTheme() : null;
  if (office) return office.isDark ? 'dark' : 'light';
  return media('(prefers-color-scheme: dark)')?.matches ? 'dark' : 'light';
}

export function ThemedPane({ host, children }: { host: PaneHost; children: ReactNode }) {
  const [name, setName] = useState<ThemeName>(() => currentTheme(host));
  useEffect(() => {
    const update = () => setName(currentTheme(host));
    update();
    const queries = [media('(prefers-color-scheme: dark)'), media('(forced-colors: active)')].filter((q): q is MediaQueryList => q !== null);
    for (const q of queries) q.addEventListener('change', update);
    // Office says when its theme changes (the document's OfficeThemeChanged, where the host raises it)
    const office = (globalThis as { Office?: typeof Office }).Office;
    const document = host ? office?.context?.document : undefined;
    let removed = false;
    const themeChanged = office?.EventType?.OfficeThemeChanged;
    if (document && themeChanged && typeof document.addHandlerAsync === 'function') {
      try {
        document.addHandlerAsync(themeChanged, update);
      } catch {
        // not raised by this host: the theme is read at start-up and on the system's changes
      }
    }
    return () => {
      for (const q of queries) q.removeEventListener('change', update);
      if (document && themeChanged && !removed && typeof document.removeHandlerAsync === 'function') {
        removed = true;
        try {
          document.removeHandlerAsync(themeChanged, { handler: update });
        } catch {
          // nothing to remove
        }
      }
    };
  }, [host]);
  useEffect(() => {
    const root = document.documentElement;
    root.dataset.theme = name;
    root.style.colorScheme = name === 'dark' ? 'dark' : 'light';
    root.style.backgroundColor = THEMES[name].colorNeutralBackground1;
  }, [name]);
  return (
    <FluentProvider theme={THEMES[name]} data-theme={name}>
      {children}
    </FluentProvider>
  );
}
