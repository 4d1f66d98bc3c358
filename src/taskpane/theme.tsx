/// <reference types="office-js" />
import { useEffect, useState, type ReactNode } from 'react';
import { FluentProvider, webLightTheme, type Theme } from '@fluentui/react-components';
import { officeTheme, type PaneHost } from './office';

/**
 * The pane's theme: Fluent's light, dark or high-contrast theme, following Office's theme inside
 * Office (Office.context.officeTheme: dark when Excel's or Word's theme is dark, read again when Office
 * reports a change) and the system elsewhere (`prefers-color-scheme`); Windows' high-contrast mode
 * (`forced-colors: active`) wins in both. The light theme is in the first bundle; the dark and
 * high-contrast ones are loaded when first needed (darkThemes.ts): until then the pane keeps the theme
 * it has, and at start-up it waits for the one it needs rather than flash the light one.
 */
export type ThemeName = 'light' | 'dark' | 'high-contrast';

let loaded: Partial<Record<ThemeName, Theme>> = { light: webLightTheme };

/** The theme `name`, loading the dark ones' chunk the first time. */
async function loadTheme(name: ThemeName): Promise<Theme> {
  const known = loaded[name];
  if (known) return known;
  const { DARK_THEMES } = await import(/* webpackChunkName: "dark-themes" */ './darkThemes');
  loaded = { ...loaded, ...DARK_THEMES };
  return loaded[name] ?? webLightTheme;
}

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
  // the theme applied: the one named once loaded (null at start-up until then)
  const [applied, setApplied] = useState<{ name: ThemeName; theme: Theme } | null>(() => {
    const theme = loaded[currentTheme(host)];
    return theme ? { name: currentTheme(host), theme } : null;
  });
  useEffect(() => {
    let live = true;
    loadTheme(name).then(
      (theme) => {
        if (live) setApplied({ name, theme });
      },
      () => {
        // the chunk could not be loaded: the light theme rather than no pane
        if (live) setApplied({ name: 'light', theme: webLightTheme });
      },
    );
    return () => {
      live = false;
    };
  }, [name]);
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
    if (!applied) return;
    const root = document.documentElement;
    root.dataset.theme = applied.name;
    root.style.colorScheme = applied.name === 'light' ? 'light' : 'dark';
    root.style.backgroundColor = applied.theme.colorNeutralBackground1;
  }, [applied]);
  if (!applied) return null;
  return (
    <FluentProvider theme={applied.theme} data-theme={applied.name}>
      {children}
    </FluentProvider>
  );
}
