/** Minutes after Monday 00:00 UTC. */
export interface PatchWindow {
    startMinute: number;
}
export declare function parsePatchWindow(setting: string, value: string): PatchWindow;
/** The window of each of `count` proxies: the first at `first`, each next one hour later. */
export declare function proxyPatchWindows(first: PatchWindow, count: number): PatchWindow[];
/** `Sun 03:00`, as the setting writes it. */
export declare function formatPatchWindow(window: PatchWindow): string;
/** systemd's calendar event for the window's start (systemd.time(7)): `Sun *-*-* 03:00:00`. */
export declare function onCalendar(window: PatchWindow): string;
