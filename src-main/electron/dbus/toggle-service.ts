// The hotkey's fast path: the running app owns org.koompi.Assistant on the session bus, and the KDE
// shortcut's desktop entry calls its Toggle method with `gdbus call` (a few ms) instead of starting a
// second Electron that evaluates the whole main bundle before the single-instance lock hands over. When
// the name is not there (the app is not running), the entry falls back to `koompi-assistant --toggle`.
// The same connection tells when Plasma's tray host (org.kde.StatusNotifierWatcher) appears, so a tray
// created before the panel was up can be registered again.
import { connectSessionBus, type DbusConnection } from './connection.js';
import { MessageType, type Message } from './wire.js';

export const BUS_NAME = 'org.koompi.Assistant';
export const OBJECT_PATH = '/org/koompi/Assistant';
export const INTERFACE = 'org.koompi.Assistant';
export const TRAY_HOST = 'org.kde.StatusNotifierWatcher';

const DBUS = { destination: 'org.freedesktop.DBus', path: '/org/freedesktop/DBus', interface: 'org.freedesktop.DBus' };
const DO_NOT_QUEUE = 4;
const PRIMARY_OWNER = 1;

const INTROSPECTION = `<!DOCTYPE node PUBLIC "-//freedesktop//DTD D-BUS Object Introspection 1.0//EN" "http://www.freedesktop.org/standards/dbus/1.0/introspect.dtd">
<node>
  <interface name="${INTERFACE}">
    <method name="Toggle"><arg name="activation_token" type="s" direction="in"/></method>
  </interface>
  <interface name="org.freedesktop.DBus.Introspectable">
    <method name="Introspect"><arg name="xml" type="s" direction="out"/></method>
  </interface>
  <interface name="org.freedesktop.DBus.Peer">
    <method name="Ping"/>
  </interface>
</node>`;

export interface ToggleServiceOptions {
  address: string | undefined;
  uid: number;
  /** The hotkey was pressed; the token (may be empty) lets the overlay take focus on Wayland. */
  onToggle: (activationToken: string) => void;
  /** The tray host appeared (or came back after a Plasma restart). */
  onTrayHost?: () => void;
}

export interface ToggleService {
  /** Whether Plasma's tray host was up when the service started. */
  trayHostUp: boolean;
  stop(): void;
}

/** Starts the service; null when there is no session bus or another process already owns the name. */
export async function startToggleService(o: ToggleServiceOptions): Promise<ToggleService | null> {
  let conn: DbusConnection;
  try {
    conn = await connectSessionBus(o.address, o.uid);
  } catch {
    return null;
  }
  conn.onMessage((m) => handle(conn, m, o));
  try {
    const [got] = await conn.call({ ...DBUS, member: 'RequestName', signature: 'su', body: [BUS_NAME, DO_NOT_QUEUE] });
    if (got !== PRIMARY_OWNER) {
      conn.close();
      return null;
    }
    await conn.call({
      ...DBUS,
      member: 'AddMatch',
      signature: 's',
      body: [`type='signal',sender='org.freedesktop.DBus',interface='org.freedesktop.DBus',member='NameOwnerChanged',arg0='${TRAY_HOST}'`],
    });
    const [up] = await conn.call({ ...DBUS, member: 'NameHasOwner', signature: 's', body: [TRAY_HOST] });
    return { trayHostUp: up === true, stop: () => conn.close() };
  } catch {
    conn.close();
    return null;
  }
}

function handle(conn: DbusConnection, m: Message, o: ToggleServiceOptions): void {
  if (m.type === MessageType.Signal) {
    if (m.member === 'NameOwnerChanged' && m.body[0] === TRAY_HOST && typeof m.body[2] === 'string' && m.body[2] !== '') o.onTrayHost?.();
    return;
  }
  if (m.type !== MessageType.MethodCall) return;
  if (m.interface === 'org.freedesktop.DBus.Introspectable' && m.member === 'Introspect') {
    conn.reply(m, { signature: 's', body: [INTROSPECTION] });
  } else if (m.interface === 'org.freedesktop.DBus.Peer' && m.member === 'Ping') {
    conn.reply(m, {});
  } else if (m.path === OBJECT_PATH && (m.interface === INTERFACE || m.interface === undefined) && m.member === 'Toggle') {
    const token = typeof m.body[0] === 'string' ? m.body[0].slice(0, 512) : '';
    conn.reply(m, {});
    o.onToggle(token);
  } else {
    conn.reply(m, {
      error: 'org.freedesktop.DBus.Error.UnknownMethod',
      message: `No method ${m.interface ?? ''}.${m.member ?? ''} at ${m.path ?? ''}`,
    });
  }
}
