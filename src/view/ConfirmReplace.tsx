/** The question asked before a non-empty design is replaced as a whole (see `askReplace` in editor-ui.ts). */
import { Dialog } from './Dialog.tsx';
import type { EditorDialog } from './editor-ui.ts';

export function ConfirmReplace({ dialog, onClose }: { dialog: Extract<EditorDialog, { kind: 'confirm-replace' }>; onClose(): void }) {
  return (
    <Dialog
      title={dialog.title}
      onClose={onClose}
      actions={
        <>
          <button type="button" className="btn btn-quiet" data-autofocus onClick={onClose}>
            Cancel
          </button>
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => {
              onClose();
              dialog.run();
            }}
          >
            {dialog.confirm}
          </button>
        </>
      }
    >
      <p>{dialog.body}</p>
    </Dialog>
  );
}
