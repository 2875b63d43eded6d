/**
 * A local Yjs provider between the tabs of one browser: a `BroadcastChannel` carrying Yjs updates
 * (same origin only; nothing leaves the machine). A tab that opens says hello with its state vector;
 * the others answer with what it lacks and ask for what they lack, so every tab holds the merged
 * document, and each later update is broadcast as it happens.
 */
import * as Y from 'yjs';

type Message = { t: 'hello'; sv: Uint8Array } | { t: 'sv'; sv: Uint8Array } | { t: 'update'; u: Uint8Array };

export class TabSyncProvider {
  private readonly channel: BroadcastChannel;
  private heard = false;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly doc: Y.Doc,
    name: string,
  ) {
    this.channel = new BroadcastChannel(name);
    this.channel.onmessage = (e: MessageEvent<unknown>) => this.receive(e.data);
    doc.on('update', this.onUpdate);
    this.post({ t: 'hello', sv: Y.encodeStateVector(doc) });
  }

  /** Resolves true when another tab has sent something, false after `ms` without a word. */
  heardFromOthers(ms: number): Promise<boolean> {
    if (this.heard) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(this.heard), ms);
      this.waiting.push(() => (clearTimeout(timer), resolve(true)));
    });
  }

  destroy(): void {
    this.doc.off('update', this.onUpdate);
    this.channel.close();
  }

  private readonly onUpdate = (u: Uint8Array, origin: unknown) => {
    if (origin !== this) this.post({ t: 'update', u });
  };

  private post(m: Message): void {
    try {
      this.channel.postMessage(m);
    } catch {
      /* the channel closed (tab closing) */
    }
  }

  private receive(data: unknown): void {
    if (typeof data !== 'object' || data === null) return;
    const m = data as Partial<Record<'t' | 'sv' | 'u', unknown>>;
    const bytes = (v: unknown) => (v instanceof Uint8Array ? v : undefined);
    try {
      if (m.t === 'hello' && bytes(m.sv)) {
        this.post({ t: 'update', u: Y.encodeStateAsUpdate(this.doc, bytes(m.sv)) });
        this.post({ t: 'sv', sv: Y.encodeStateVector(this.doc) });
      } else if (m.t === 'sv' && bytes(m.sv)) {
        this.post({ t: 'update', u: Y.encodeStateAsUpdate(this.doc, bytes(m.sv)) });
      } else if (m.t === 'update' && bytes(m.u)) {
        Y.applyUpdate(this.doc, bytes(m.u)!, this);
        if (!this.heard) {
          this.heard = true;
          for (const w of this.waiting.splice(0)) w();
        }
      }
    } catch {
      /* a malformed message from another tab: ignored */
    }
  }
}
