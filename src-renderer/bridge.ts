// The one bridge from window.koompi events to store actions. Streamed chunks are coalesced per frame so
// a fast model costs one render per frame, not one per token. Components never subscribe to IPC.
import type { KoompiApi } from '../src-main/ipc/create-api';
import type { ChatStreamEvent } from '../src-main/ipc/channels';
import type { Store } from './store/index';

export interface Bridge {
  /** Applies buffered chunks now (tests, and before any non-chunk event). */
  flush(): void;
  dispose(): void;
}

const FALLBACK_MS = 50;

export function startBridge(koompi: KoompiApi, store: Store): Bridge {
  let buffered: { requestId: string; conversationId: string; text: string } | null = null;
  let frame: number | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const flush = () => {
    if (frame !== null) cancelAnimationFrame(frame);
    if (timer !== null) clearTimeout(timer);
    frame = null;
    timer = null;
    const b = buffered;
    buffered = null;
    if (b) store.getState().applyChatEvent(b.requestId, b.conversationId, { type: 'chunk', text: b.text });
  };
  const schedule = () => {
    if (frame === null) frame = requestAnimationFrame(flush);
    // rAF stops in hidden windows; the timer keeps text flowing there.
    if (timer === null) timer = setTimeout(flush, FALLBACK_MS);
  };

  const onChat = ({ requestId, conversationId, event }: { requestId: string; conversationId: string; event: ChatStreamEvent }) => {
    if (event.type === 'chunk') {
      if (buffered && buffered.requestId !== requestId) flush();
      if (buffered) buffered.text += event.text;
      else buffered = { requestId, conversationId, text: event.text };
      schedule();
      return;
    }
    flush();
    store.getState().applyChatEvent(requestId, conversationId, event);
  };

  const offs = [
    koompi.onChatEvent(onChat),
    koompi.onCommandEvent(({ runId, commandId, event }) => store.getState().applyCommandEvent(runId, commandId, event)),
    koompi.onPullEvent(({ pullId, name, event }) => store.getState().applyPullEvent(pullId, name, event)),
    koompi.onSettingsChanged((s) => store.getState().setSettingsView(s)),
    koompi.onNotice(({ level, message }) => store.getState().pushToast(level, message)),
    koompi.onAppCommand((cmd) => {
      const s = store.getState();
      switch (cmd.type) {
        case 'focus-input':
          s.requestFocus();
          break;
        case 'ask':
          void s.ask(cmd.question);
          break;
        case 'open-conversation':
          void s.openConversation(cmd.conversationId);
          break;
        case 'show-view':
          s.setPanel(cmd.view === 'history' ? 'chat' : cmd.view);
          break;
      }
    }),
  ];

  return {
    flush,
    dispose() {
      flush();
      for (const off of offs) off();
    },
  };
}
