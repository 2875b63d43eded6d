/** The share-link dialog: the link (already on the clipboard when the browser allowed it), to copy again. */
import { useRef, useState } from 'react';
import { Dialog } from './Dialog.tsx';

export function ShareDialog({ url, copied, onClose }: { url: string; copied: boolean; onClose(): void }) {
  const input = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState(copied ? 'The link is on your clipboard.' : 'Copy the link below.');
  return (
    <Dialog
      title="Share this design"
      onClose={onClose}
      actions={
        <>
          <button
            type="button"
            className="btn"
            onClick={async () => {
              input.current?.select();
              try {
                await navigator.clipboard.writeText(url);
                setStatus('Copied.');
              } catch {
                setStatus('Your browser did not allow copying: press Ctrl+C now (the link is selected).');
              }
            }}
          >
            Copy link
          </button>
          <button type="button" className="btn btn-primary" data-autofocus onClick={onClose}>
            Done
          </button>
        </>
      }
    >
      <p>Anyone with this link sees your design read-only and can make their own copy. The design travels inside the link (after the #), so it is never sent to a server.</p>
      <label className="field-label" htmlFor="share-url">
        Link ({url.length.toLocaleString('en-US')} characters)
      </label>
      <input id="share-url" ref={input} className="share-url" type="text" readOnly value={url} onFocus={(e) => e.currentTarget.select()} />
      <p className="small" role="status">
        {status}
      </p>
    </Dialog>
  );
}
