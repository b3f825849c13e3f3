// Desktop notifications, shown only when the overlay and the chat window are hidden (e.g. a long
// command finished while the user was elsewhere).
import type { Notification, NotificationConstructorOptions } from 'electron';

export interface NotificationClass {
  new (options: NotificationConstructorOptions): Notification;
  isSupported(): boolean;
}

export function createNotifier(N: NotificationClass, anyWindowVisible: () => boolean, iconPath?: string) {
  return (title: string, body: string): void => {
    if (anyWindowVisible() || !N.isSupported()) return;
    new N({ title, body, silent: false, ...(iconPath ? { icon: iconPath } : {}) }).show();
  };
}
