// The one zustand store, built from slices (chat, runs, settings, models, ui); components read it
// through narrow selectors, and only the bridge feeds it events from window.koompi.
import { create } from 'zustand';
import { createChatSlice, type ChatSlice } from './chat-slice';
import { createModelsSlice, type ModelsSlice } from './models-slice';
import { createRunsSlice, type RunsSlice } from './runs-slice';
import { createSettingsSlice, type SettingsSlice } from './settings-slice';
import { createUiSlice, type UiSlice } from './ui-slice';

export type AppState = ChatSlice & RunsSlice & SettingsSlice & ModelsSlice & UiSlice;

export const useStore = create<AppState>()((...a) => ({
  ...createChatSlice(...a),
  ...createRunsSlice(...a),
  ...createSettingsSlice(...a),
  ...createModelsSlice(...a),
  ...createUiSlice(...a),
}));

export type Store = typeof useStore;
