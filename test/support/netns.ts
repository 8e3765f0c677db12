/**
 * Network namespaces made by a test: hosts that exist only on this machine and only while the
 * test runs. A namespace has no link to the machine's own network unless the test adds one
 * (this module never does), so nothing sent inside can leave the machine.
 */
import { programPath } from "./programs";
import { BackgroundProcess, run, RunOptions, RunResult, runOk, SYSTEM_PATH, waitFor } from "./processes";

/** Every namespace name starts with this, the test process's id and a lab tag. */
export const NAMESPACE_PREFIX = "bkpt";

const ONLY_PATH = { PATH: SYSTEM_PATH };

/** One namespace: a host or a router. */
export class Host {
    constructor(readonly name: string, private readonly lab: NetnsLab) {}

    /** `ip -n <name> ...` */
    ip(...args: string[]): Promise<string> {
        return runOk(programPath("ip"), ["-n", this.name, ...args]);
    }

    /** Runs a program inside the namespace, with only the given environment (PATH by default). */
    run(command: string, args: string[], options: RunOptions = {}): Promise<RunResult> {
        return run(programPath("ip"), this.exec(command, args), { env: ONLY_PATH, ...options });
    }

    runOk(command: string, args: string[], options: RunOptions = {}): Promise<string> {
        return runOk(programPath("ip"), this.exec(command, args), { env: ONLY_PATH, ...options });
    }

    /** Starts a program in the background inside the namespace; the lab stops it. */
    spawn(command: string, args: string[], env: NodeJS.ProcessEnv = ONLY_PATH): BackgroundProcess {
        return this.lab.track(new BackgroundProcess(programPath("ip"), this.exec(command, args), env));
    }

    private exec(command: string, args: string[]): string[] {
        return ["netns", "exec", this.name, command, ...args];
    }

    async addAddress(device: string, cidr: string): Promise<void> {
        await this.ip("address", "add", cidr, "dev", device);
    }

    async enableForwarding(): Promise<void> {
        // /proc/sys/net belongs to the namespace of the process that writes it.
        await this.runOk("sh", ["-c", "echo 1 > /proc/sys/net/ipv4/ip_forward"]);
    }
}

/** The namespaces and background processes of one test suite; `destroy` removes all of them. */
export class NetnsLab {
    private readonly hosts: Host[] = [];
    private readonly processes: BackgroundProcess[] = [];

    constructor(private readonly tag: string) {}

    /** A new namespace with its loopback up, named `bkpt<pid>-<tag>-<role>`. */
    async addHost(role: string): Promise<Host> {
        const host = new Host(`${NAMESPACE_PREFIX}${process.pid}-${this.tag}-${role}`, this);
        this.hosts.push(host);
        await runOk(programPath("ip"), ["netns", "add", host.name]);
        await host.ip("link", "set", "lo", "up");
        return host;
    }

    /** A veth cable between two namespaces, both ends up. */
    async connect(a: Host, aDevice: string, b: Host, bDevice: string): Promise<void> {
        await a.ip("link", "add", aDevice, "type", "veth", "peer", "name", bDevice, "netns", b.name);
        await a.ip("link", "set", aDevice, "up");
        await b.ip("link", "set", bDevice, "up");
    }

    track(background: BackgroundProcess): BackgroundProcess {
        this.processes.push(background);
        return background;
    }

    /** Stops the lab's processes, ends anything else left inside its namespaces, deletes them. */
    async destroy(): Promise<void> {
        const failures: unknown[] = [];
        await Promise.all(this.processes.splice(0).map((background) => background.stop().catch((error) => failures.push(error))));
        for (const host of this.hosts.splice(0).reverse()) {
            await deleteNamespace(host.name).catch((error) => failures.push(error));
        }
        if (failures.length > 0) {
            throw failures[0];
        }
    }
}

async function deleteNamespace(name: string): Promise<void> {
    const ip = programPath("ip");
    if (!(await namespaceNames()).includes(name)) {
        return;
    }
    // Helpers a program started for itself (such as squid's) are the lab's too.
    const pids = async () => (await runOk(ip, ["netns", "pids", name])).split(/\s+/).filter(Boolean).map(Number);
    for (const pid of await pids()) {
        try {
            process.kill(pid, "SIGKILL");
        } catch {
            // already gone
        }
    }
    await waitFor(`the processes in ${name} to end`, async () => ((await pids()).length === 0 ? true : undefined), { timeoutMs: 5000 });
    await runOk(ip, ["netns", "delete", name]);
}

export async function namespaceNames(): Promise<string[]> {
    const listing = await runOk(programPath("ip"), ["netns", "list"]);
    return listing.split("\n").map((line) => line.split(" ")[0]).filter(Boolean);
}
