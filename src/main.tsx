/** Entry point: builds the store from the bundled content and the browser's storage, grades, renders. */
// First: configures zod before any content is parsed (see the file).
import './adapters/zod-config.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { CONTENT, contentProblems } from './adapters/content.ts';
import { readPreference } from './adapters/persistence.ts';
import { createAppStore } from './store/app-store.ts';
import { startGrading } from './store/grading.ts';
import { createPracticeStore } from './store/practice-store.ts';
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

const storage = safeStorage();
const store = createAppStore({
  content: CONTENT,
  storage,
  // The scenario chosen last in the picker, else the IoT exercise the README starts with (else the first).
  scenarioId: readPreference(storage, 'scenario') ?? 'iot-5tb-day',
  eventTarget: window,
  prefersDark: window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false,
});
startGrading(store);
const practice = createPracticeStore(store, { storage });

// Follow the system theme until the user picks one.
window.matchMedia?.('(prefers-color-scheme: dark)').addEventListener?.('change', (e) => {
  if (!store.getState().themeChosen) store.getState().setTheme(e.matches ? 'dark' : 'light', false);
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App store={store} practice={practice} contentProblems={contentProblems} />
  </StrictMode>,
);
