// Declares the one door to the app: window.koompi, built by the preload (or the e2e harness) from createApi.
import type { KoompiApi } from '../src-main/ipc/create-api';

declare global {
  interface Window {
    koompi: KoompiApi;
  }
}

export {};
