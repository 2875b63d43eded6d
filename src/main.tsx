/** Entry point: builds the store from the bundled content and the browser's storage, grades, renders. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { CONTENT, contentProblems } from './adapters/content.ts';
import { createAppStore } from './store/app-store.ts';
import { startGrading } from './store/grading.ts';
import { App } from './view/App.tsx';

function safeStorage(): Storage | undefined {
  try {
    const s = window.localStorage;
    s.getItem('archboard:probe');
    return s;
  } catch {
    return undefined; // storage disabled: work in memory
  }
}

const store = createAppStore({
  content: CONTENT,
  storage: safeStorage(),
  eventTarget: window,
  prefersDark: window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false,
});
startGrading(store);

// Follow the system theme until the user picks one.
window.matchMedia?.('(prefers-color-scheme: dark)').addEventListener?.('change', (e) => {
  if (!store.getState().themeChosen) store.getState().setTheme(e.matches ? 'dark' : 'light', false);
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App store={store} contentProblems={contentProblems} />
  </StrictMode>,
);
