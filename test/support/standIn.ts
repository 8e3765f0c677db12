/**
 * A stand-in for a web site (the blob endpoint, another site): plain HTTP on the given ports of
 * every address of its namespace, answering with what it saw, so a test can tell which address
 * and port a request reached and from which address it came.
 */
import { Host } from "./netns";
import { BackgroundProcess } from "./processes";

export interface StandInReply {
    /** The address and port the request reached. */
    local: string;
    port: number;
    /** The address the connection came from. */
    peer: string;
    host: string;
}

const READY = "stand-in ready";

const SERVER = `
const http = require("http");
const ports = process.argv.slice(1).map(Number);
let listening = 0;
for (const port of ports) {
    http.createServer((request, response) => {
        const { localAddress, localPort, remoteAddress } = request.socket;
        response.setHeader("content-type", "application/json");
        response.end(JSON.stringify({ local: localAddress, port: localPort, peer: remoteAddress, host: request.headers.host }));
    }).listen(port, "0.0.0.0", () => {
        listening += 1;
        if (listening === ports.length) console.log(${JSON.stringify(READY)});
    });
}
`;

export async function startStandIn(host: Host, ports: number[]): Promise<BackgroundProcess> {
    const server = host.spawn(process.execPath, ["-e", SERVER, ...ports.map(String)]);
    await server.waitUntil(`the stand-in server in ${host.name}`, () => server.output.includes(READY));
    return server;
}

export function parseStandInReply(body: string): StandInReply {
    return JSON.parse(body) as StandInReply;
}
