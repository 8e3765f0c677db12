/**
 * The Windows time zone ids (`tzutil /l`, .NET `TimeZoneInfo.Id`) that a Recovery Services
 * backup policy's `timeZone` accepts, in the order Windows lists them (by UTC offset).
 */
export declare const WINDOWS_TIME_ZONES: readonly string[];
