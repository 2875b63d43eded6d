/** The dialog that lists problems found in a file (an import, a shared link), each with where it is. */
import type { ProblemsDialog as Problems } from '../store/app-store.ts';
import { Dialog, ProblemList } from './Dialog.tsx';

export function ProblemsDialog({ dialog, onClose }: { dialog: Problems; onClose(): void }) {
  return (
    <Dialog title={dialog.title} tone="danger" onClose={onClose}>
      <p>{dialog.intro}</p>
      <ProblemList problems={dialog.problems.slice(0, 50)} />
      {dialog.problems.length > 50 && <p className="muted small">…and {dialog.problems.length - 50} more.</p>}
    </Dialog>
  );
}
