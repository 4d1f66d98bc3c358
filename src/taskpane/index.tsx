/// <reference types="office-js" />
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { App } from './App';

const container = document.getElementById('root');
if (!container) throw new Error('#root is missing from taskpane.html');
const root = createRoot(container);

/** `host`: undefined while Office is starting, null outside Office. */
function render(host: Office.HostType | null | undefined): void {
  root.render(
    <StrictMode>
      <FluentProvider theme={webLightTheme}>
        <App host={host} />
      </FluentProvider>
    </StrictMode>,
  );
}

// Render at once so the pane works in a plain browser (no office.js) and while Office starts up.
if (typeof Office !== 'undefined') {
  render(undefined);
  void Office.onReady((info) => render(info.host ?? null));
} else {
  render(null);
}
