// Decides whether an IPC message comes from one of our own windows showing our own page: the sender's
// webContents must be one we created, and its frame URL must be our file:// page or the dev server.

export interface SenderInfo {
  /** webContents.id of the sender. */
  webContentsId: number;
  /** URL of the frame that sent the message (senderFrame.url), or null when the frame is gone. */
  frameUrl: string | null;
}

export interface TrustPolicy {
  /** ids of the webContents of the windows we created. */
  ownWebContentsIds: () => Iterable<number>;
  /** Directory of the built renderer (dist/renderer); file:// URLs must be inside it. */
  rendererDir: string;
  /** The vite dev server origin, e.g. http://localhost:5173, when running in dev mode. */
  devServerOrigin?: string | null;
}

export function isTrustedSender(sender: SenderInfo, policy: TrustPolicy): boolean {
  if (![...policy.ownWebContentsIds()].includes(sender.webContentsId)) return false;
  if (!sender.frameUrl) return false;
  let url: URL;
  try { url = new URL(sender.frameUrl); } catch { return false; }
  if (url.protocol === 'file:') {
    const dir = policy.rendererDir.replace(/\/+$/, '');
    let path: string;
    try { path = decodeURIComponent(url.pathname); } catch { return false; }
    return path.startsWith(dir + '/') && !path.split('/').includes('..');
  }
  if (policy.devServerOrigin) {
    try { return url.origin === new URL(policy.devServerOrigin).origin; } catch { return false; }
  }
  return false;
}
