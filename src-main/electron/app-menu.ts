// The application menu. Without one, Electron's default menu is live: Ctrl+R reloads the page (dropping a
// streaming answer), Ctrl+Shift+I opens DevTools in the installed app, Ctrl+Q quits the tray app. The
// installed app gets editing roles only (the text shortcuts); a dev build adds reload and DevTools.
import type { MenuItemConstructorOptions } from 'electron';

export function appMenuTemplate(dev: boolean): MenuItemConstructorOptions[] {
  const edit: MenuItemConstructorOptions = {
    label: 'Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  };
  if (!dev) return [edit];
  return [edit, { label: 'Develop', submenu: [{ role: 'reload' }, { role: 'toggleDevTools' }] }];
}
