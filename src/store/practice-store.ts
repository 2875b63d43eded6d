/**
 * Practice mode's state, beside the app store (which holds the design): the active scenario's attempt
 * notes (hints revealed, deviations, node notes), its attempt history, the attempt in progress
 * (session: start time, running interview), and the dialogs (result page, comparison). It follows the
 * app store's scenario, sets the app store's `feedbackHidden` while an interview runs, and persists
 * every change in storage at once (the records are small).
 */
import { describeKept } from '../adapters/recovered.ts';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { acceptDeviation, applyDeviations, revealHint, setNodeNote, withdrawDeviation, type AttemptNotes, type ReviewedReport } from '../domain/attempt-notes.ts';
import { addAttempt, emptyHistory, scoreAttempt, type Attempt, type AttemptHistory } from '../domain/attempts.ts';
import { DEFAULT_PHASE_MINUTES, totalMinutes, type PhaseMinutes, type PracticeSession } from '../domain/interview.ts';
import { attemptsKey, notesKey, readPracticeRecords, sessionKey, writePracticeRecord } from '../adapters/practice-persistence.ts';
import type { AppStore } from './app-store.ts';
import { whenGraded } from './grading.ts';

/** The result page of a submitted attempt. */
export interface AttemptResult {
  attempt: Attempt;
  report: ReviewedReport;
}

export interface PracticeState {
  scenarioId: string | undefined;
  notes: AttemptNotes;
  history: AttemptHistory;
  session: PracticeSession;
  /** The phase split the start form offers (the last one used). */
  phaseMinutes: PhaseMinutes;
  result: AttemptResult | undefined;
  compareOpen: boolean;
  /** The clock the interview runs on, epoch ms (`Date.now` unless a test passes one). */
  now(): number;

  /** Reveals the next hint of a requirement (counted for the attempt). */
  revealHint(requirementId: string): void;
  /** Accepts a failed requirement as a trade-off; the reason must have at least 10 characters (the form checks first). */
  acceptDeviation(requirementId: string, reason: string): void;
  withdrawDeviation(requirementId: string): void;
  setNodeNote(nodeId: string, text: string): void;
  /** Starts an interview: a new attempt (hints reset), feedback hidden, the clock running. */
  startInterview(phaseMinutes: PhaseMinutes): void;
  /** Stops the interview without recording an attempt; feedback shows again. */
  abandonInterview(): void;
  /**
   * Records the attempt with the findings of the design as it is (once grading of the last change is
   * done) and opens the result page; resolves to the result, or undefined when there is nothing to
   * grade (no scenario, or another scenario than the attempt's).
   */
  submit(endedBy?: Attempt['endedBy']): Promise<AttemptResult | undefined>;
  closeResult(): void;
  setCompareOpen(open: boolean): void;
}

export type PracticeStore = StoreApi<PracticeState>;

export interface PracticeStoreOptions {
  storage?: Storage;
  /** Epoch ms (tests pass a fake clock). */
  now?: () => number;
  /** Attempt ids (tests pass a counter). */
  newId?: () => string;
}

/** Creates the practice store bound to an app store. */
export function createPracticeStore(app: AppStore, { storage, now = Date.now, newId = () => `${now().toString(36)}-${Math.random().toString(36).slice(2, 8)}` }: PracticeStoreOptions = {}): PracticeStore & { dispose(): void } {
  const persistError = (e: unknown) => {
    if (e !== undefined) app.getState().toast('error', 'Could not save your practice notes in this browser.', 'They are kept in memory while this tab stays open; use Graded JSON to keep them.');
  };
  const load = (scenarioId: string | undefined) => {
    const rec = readPracticeRecords(storage, scenarioId, now());
    // Every unreadable record is listed under "Recovered data" (all of them, not only the last).
    const catalog = app.getState().content.catalog;
    app.getState().addRecovered(
      rec.unreadable.map((u) => {
        const raw = (u.keptKey ? storage?.getItem(u.keptKey) : storage?.getItem(u.key)) ?? '';
        return u.keptKey ? describeKept(u.keptKey, raw, catalog, u.problems) : { ...describeKept(u.key, raw, catalog, u.problems), notMoved: true };
      }),
    );
    const session = rec.session ?? { attemptStartedAt: now() };
    if (!rec.session) persistError(writePracticeRecord(storage, sessionKey(scenarioId), session));
    return { scenarioId, notes: rec.notes, history: rec.history, session };
  };

  const first = load(app.getState().scenarioId);
  const store = createStore<PracticeState>()((set, get) => {
    const setNotes = (notes: AttemptNotes) => {
      if (notes === get().notes) return;
      set({ notes });
      persistError(writePracticeRecord(storage, notesKey(get().scenarioId), notes));
    };
    const setSession = (session: PracticeSession) => {
      set({ session });
      persistError(writePracticeRecord(storage, sessionKey(get().scenarioId), session));
      app.setState({ feedbackHidden: !!session.interview });
    };
    return {
      ...first,
      phaseMinutes: first.session.interview?.phaseMinutes ?? DEFAULT_PHASE_MINUTES,
      result: undefined,
      compareOpen: false,
      now,

      revealHint: (id) => setNotes(revealHint(get().notes, id)),
      acceptDeviation: (id, reason) => setNotes(acceptDeviation(get().notes, id, reason, new Date(now()).toISOString())),
      withdrawDeviation: (id) => setNotes(withdrawDeviation(get().notes, id)),
      setNodeNote: (nodeId, text) => setNotes(setNodeNote(get().notes, nodeId, text)),
      startInterview: (phaseMinutes) => {
        const t = now();
        set({ phaseMinutes, result: undefined });
        setNotes({ ...get().notes, hintsUsed: {} });
        setSession({ attemptStartedAt: t, interview: { startedAt: t, phaseMinutes } });
        app.getState().setRightTab('scenario');
      },
      abandonInterview: () => setSession({ attemptStartedAt: get().session.attemptStartedAt }),
      submit: async (endedBy = 'submitted') => {
        // The findings of the design as it is now (grading after the last edit may still be running).
        await whenGraded(app);
        const state = app.getState();
        const scenarioId = get().scenarioId;
        if (!scenarioId || scenarioId !== state.scenarioId) return undefined;
        const report = state.report;
        if (!report) return undefined;
        const t = now();
        const { notes, session } = get();
        const interview = session.interview;
        const reviewed = applyDeviations(report, notes.deviations);
        const boxMinutes = interview ? totalMinutes(interview.phaseMinutes) : undefined;
        const elapsed = t - (interview?.startedAt ?? session.attemptStartedAt);
        const attempt = scoreAttempt(reviewed, {
          id: newId(),
          scenarioId,
          submittedAt: new Date(t).toISOString(),
          mode: interview ? 'interview' : 'practice',
          endedBy,
          timeTakenMs: boxMinutes !== undefined ? Math.min(elapsed, boxMinutes * 60_000) : elapsed,
          ...(boxMinutes !== undefined ? { timeBoxMinutes: boxMinutes } : {}),
          hintsByRequirement: notes.hintsUsed,
          services: state.design.nodes.length,
        });
        const history = addAttempt(get().history.scenarioId === scenarioId ? get().history : emptyHistory(scenarioId), attempt);
        set({ history });
        persistError(writePracticeRecord(storage, attemptsKey(scenarioId), history));
        setNotes({ ...notes, hintsUsed: {} });
        setSession({ attemptStartedAt: t });
        const result = { attempt, report: reviewed };
        set({ result });
        return result;
      },
      closeResult: () => set({ result: undefined }),
      setCompareOpen: (compareOpen) => set({ compareOpen }),
    };
  });
  app.setState({ feedbackHidden: !!first.session.interview });
  const unsubscribe = app.subscribe((s, prev) => {
    if (s.scenarioId === prev.scenarioId) return;
    const next = load(s.scenarioId);
    store.setState({ ...next, result: undefined, compareOpen: false, ...(next.session.interview ? { phaseMinutes: next.session.interview.phaseMinutes } : {}) });
    app.setState({ feedbackHidden: !!next.session.interview });
  });
  return Object.assign(store, { dispose: unsubscribe });
}
