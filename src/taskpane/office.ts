/// <reference types="office-js" />
/**
 * Which Office application the pane runs in. office.js is loaded by a script tag in taskpane.html's
 * <head> (the CDN, or the add-in's own copy with OFFICE_JS=local), so by the time the pane's
 * (deferred) bundle runs it has loaded or failed: `Office` undefined means it could not be loaded
 * (no network in a plain browser) and the pane works on a local file. Otherwise `Office.onReady()`
 * says the host: 'Excel', 'Word', or null in a plain browser.
 */

/** The host once known: an Office application (Office.HostType's value: 'Excel', 'Word' …), null outside Office; undefined while Office starts. */
export type PaneHost = `${Office.HostType}` | null | undefined;

export const EXCEL: PaneHost = 'Excel';
export const WORD: PaneHost = 'Word';

/** How long Office may take to answer before the pane offers the local-file mode meanwhile. */
const PATIENCE_MS = 10_000;

/**
 * Calls `render` with undefined at once, then with the host when known. Should Office not answer
 * within PATIENCE_MS, the pane renders as in a plain browser meanwhile and switches when it does.
 */
export function detectHost(render: (host: PaneHost) => void): void {
  render(undefined);
  const office = (globalThis as { Office?: typeof Office }).Office;
  if (!office || typeof office.onReady !== 'function') {
    render(null);
    return;
  }
  let known = false;
  const timer = setTimeout(() => {
    if (!known) render(null);
  }, PATIENCE_MS);
  void office.onReady().then(
    (info) => {
      known = true;
      clearTimeout(timer);
      if (!info.host) quietOutsideOffice();
      render(info.host ? (`${info.host}` as PaneHost) : null);
    },
    () => {
      known = true;
      clearTimeout(timer);
      render(null);
    },
  );
}

/**
 * Outside Office, office.js (Microsoft's, not ours) loads a hidden telemetry frame from
 * telemetryservice.firstpartyapps.oaspapps.com three seconds after it starts. The pane promises
 * that nothing leaves the machine, so in a plain browser that frame is not loaded. Inside Office
 * office.js is left exactly as Microsoft ships it.
 */
function quietOutsideOffice(): void {
  const osf = (globalThis as { OSF?: { Logger?: { ulsEndpoint?: { loadProxyFrame?: () => void } | null } } }).OSF;
  const endpoint = osf?.Logger?.ulsEndpoint;
  if (endpoint && typeof endpoint.loadProxyFrame === 'function') endpoint.loadProxyFrame = () => undefined;
}

/** Office's theme, when the host gives one (Office.context.officeTheme, in Excel and Word). */
export function officeTheme(): { isDark: boolean; bodyBackgroundColor?: string } | null {
  const office = (globalThis as { Office?: typeof Office }).Office;
  const theme: Partial<Office.OfficeTheme> | undefined = office?.context?.officeTheme;
  if (!theme || typeof theme.bodyBackgroundColor !== 'string') return null;
  if (typeof theme.isDarkTheme === 'boolean') return { isDark: theme.isDarkTheme, bodyBackgroundColor: theme.bodyBackgroundColor };
  return { isDark: luminance(theme.bodyBackgroundColor) < 0.4, bodyBackgroundColor: theme.bodyBackgroundColor };
}

/** Relative luminance of "#rrggbb" (0 black … 1 white); 1 when it cannot be read. */
function luminance(color: string): number {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color.trim());
  if (!m) return 1;
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => parseInt(h, 16) / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
