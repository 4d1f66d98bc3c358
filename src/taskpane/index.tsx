import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { detectHost, type PaneHost } from './office';
import { ThemedPane } from './theme';

const container = document.getElementById('root');
if (!container) throw new Error('#root is missing from taskpane.html');
const root = createRoot(container);

function render(host: PaneHost): void {
  root.render(
    <StrictMode>
      <ThemedPane host={host}>
        <App host={host} />
      </ThemedPane>
    </StrictMode>,
  );
}

// Renders at once (connecting), then for the host Office.onReady names — or as a plain browser
// when office.js could not be loaded.
detectHost(render);
