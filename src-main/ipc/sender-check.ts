// Decides whether an IPC message comes from one of our own windows showing our own page: the sender's
// webContents must be one we created, the message must come from its main frame (never an iframe), and
// that frame's URL must be our app:// page or, in dev, the loopback dev server.

export interface SenderInfo {
  /** webContents.id of the sender. */
  webContentsId: number;
  /** URL of the frame that sent the message (senderFrame.url), or null when the frame is gone. */
  frameUrl: string | null;
  /** senderFrame is the webContents' main frame (VS Code's check: sub-frames never talk to main). */
  isMainFrame: boolean;
}

export interface TrustPolicy {
  /** ids of the webContents of the windows we created. */
  ownWebContentsIds: () => Iterable<number>;
  /** The origin our page is served from, e.g. app://koompi. */
  appOrigin: string;
  /** The vite dev server origin, e.g. http://localhost:5173, when running in dev mode. */
  devServerOrigin?: string | null;
}

export function isTrustedSender(sender: SenderInfo, policy: TrustPolicy): boolean {
  if (!sender.isMainFrame) return false;
  if (![...policy.ownWebContentsIds()].includes(sender.webContentsId)) return false;
  if (!sender.frameUrl) return false;
  let origin: string;
  try {
    const u = new URL(sender.frameUrl);
    // scheme://host by hand: WHATWG URL gives custom schemes (app://) an opaque "null" origin.
    origin = u.host ? `${u.protocol}//${u.host}` : 'null';
  } catch {
    return false;
  }
  if (origin === policy.appOrigin) return true;
  if (policy.devServerOrigin) {
    try {
      return origin === new URL(policy.devServerOrigin).origin;
    } catch {
      return false;
    }
  }
  return false;
}
