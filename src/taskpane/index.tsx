/**
 * Task-pane entry point. Renders at once: it does not wait for Office.onReady, which never fires
 * when the page is opened outside Excel (App adopts Office's theme when Office becomes ready).
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';

const container = document.getElementById('root');
if (!container) throw new Error('taskpane.html has no <div id="root">');

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
