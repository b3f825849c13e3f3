// Domain types the renderer needs, derived from the IPC contract (the renderer may import only it).
import type { MessageView } from '../src-main/ipc/channels.js';

export type SuggestedCommand = NonNullable<MessageView['commands']>[number];
export type Tier = NonNullable<MessageView['tier']>;
export type Risk = SuggestedCommand['risk'];
