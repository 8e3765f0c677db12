"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.parsePatchWindow = parsePatchWindow;
exports.proxyPatchWindows = proxyPatchWindows;
exports.formatPatchWindow = formatPatchWindow;
exports.onCalendar = onCalendar;
/**
 * The proxies' patch windows: a weekday and a UTC time (`Sun 03:00`), one hour each. With several
 * proxies each has its own window, one after the other, so that no two reboot at once.
 */
const errors_1 = require("../policy/rulebook/errors");
const DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const MINUTES_PER_DAY = 24 * 60;
const WINDOW_MINUTES = 60;
const WINDOW = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) ([01]\d|2[0-3]):([0-5]\d)$/;
function parsePatchWindow(setting, value) {
    const match = WINDOW.exec(value);
    if (!match) {
        (0, errors_1.invalid)(setting, 'a weekday and a UTC time, e.g. "Sun 03:00" (Mon, Tue, Wed, Thu, Fri, Sat or Sun, then HH:MM)', value);
    }
    const [, day, hours, minutes] = match;
    return { startMinute: DAYS.indexOf(day) * MINUTES_PER_DAY + Number(hours) * 60 + Number(minutes) };
}
/** The window of each of `count` proxies: the first at `first`, each next one hour later. */
function proxyPatchWindows(first, count) {
    return Array.from({ length: count }, (_, i) => ({ startMinute: (first.startMinute + i * WINDOW_MINUTES) % (7 * MINUTES_PER_DAY) }));
}
function parts(window) {
    const minuteOfDay = window.startMinute % MINUTES_PER_DAY;
    const pad = (n) => String(n).padStart(2, "0");
    return { day: DAYS[Math.floor(window.startMinute / MINUTES_PER_DAY)], time: `${pad(Math.floor(minuteOfDay / 60))}:${pad(minuteOfDay % 60)}` };
}
/** `Sun 03:00`, as the setting writes it. */
function formatPatchWindow(window) {
    const { day, time } = parts(window);
    return `${day} ${time}`;
}
/** systemd's calendar event for the window's start (systemd.time(7)): `Sun *-*-* 03:00:00`. */
function onCalendar(window) {
    const { day, time } = parts(window);
    return `${day} *-*-* ${time}:00`;
}
