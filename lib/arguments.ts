/**
 * The names of a component's arguments as a value, declared once beside its args interface and
 * held complete by the compiler: a name left out is a type error. The reference environment maps
 * its settings onto them (settings.ts, `roleArguments`).
 */
type Missing<Args, Names extends readonly unknown[]> = Exclude<keyof Args, Names[number]>;

export function argumentNames<Args>() {
    return <const Names extends readonly (keyof Args & string)[]>(names: Names & ([Missing<Args, Names>] extends [never] ? unknown : { missing: Missing<Args, Names> })): Names => names;
}
