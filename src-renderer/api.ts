// The renderer's only door to the app: window.koompi (preload in Electron, a binding in e2e).
import type { KoompiApi } from '../src-main/ipc/create-api';

export function api(): KoompiApi {
  return window.koompi;
}

/** A readable message from anything thrown across the API. */
export function errorText(e: unknown): string {
  if (e instanceof Error) return e.message;
  return String(e);
}
