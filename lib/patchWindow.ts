/**
 * The proxies' patch windows: a weekday and a UTC time (`Sun 03:00`), one hour each. With several
 * proxies each has its own window, one after the other, so that no two reboot at once.
 */
import { invalid } from "../policy/rulebook/errors";

const DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] as const;
const MINUTES_PER_DAY = 24 * 60;
const WINDOW_MINUTES = 60;
const WINDOW = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) ([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes after Monday 00:00 UTC. */
export interface PatchWindow {
    startMinute: number;
}

export function parsePatchWindow(setting: string, value: string): PatchWindow {
    const match = WINDOW.exec(value);
    if (!match) {
        invalid(setting, 'a weekday and a UTC time, e.g. "Sun 03:00" (Mon, Tue, Wed, Thu, Fri, Sat or Sun, then HH:MM)', value);
    }
    const [, day, hours, minutes] = match;
    return { startMinute: DAYS.indexOf(day as (typeof DAYS)[number]) * MINUTES_PER_DAY + Number(hours) * 60 + Number(minutes) };
}

/** The window of each of `count` proxies: the first at `first`, each next one hour later. */
export function proxyPatchWindows(first: PatchWindow, count: number): PatchWindow[] {
    return Array.from({ length: count }, (_, i) => ({ startMinute: (first.startMinute + i * WINDOW_MINUTES) % (7 * MINUTES_PER_DAY) }));
}

function parts(window: PatchWindow): { day: string; time: string } {
    const minuteOfDay = window.startMinute % MINUTES_PER_DAY;
    const pad = (n: number) => String(n).padStart(2, "0");
    return { day: DAYS[Math.floor(window.startMinute / MINUTES_PER_DAY)], time: `${pad(Math.floor(minuteOfDay / 60))}:${pad(minuteOfDay % 60)}` };
}

/** `Sun 03:00`, as the setting writes it. */
export function formatPatchWindow(window: PatchWindow): string {
    const { day, time } = parts(window);
    return `${day} ${time}`;
}

/** systemd's calendar event for the window's start (systemd.time(7)): `Sun *-*-* 03:00:00`. */
export function onCalendar(window: PatchWindow): string {
    const { day, time } = parts(window);
    return `${day} *-*-* ${time}:00`;
}
