/** The readiness report's reading of a host firewall: the input chain, for one new inbound TCP connection. */
import { expect } from "chai";
import { renderProxyFirewall } from "../lib/guestConfig";
import { evaluateInbound } from "../plan/hostFirewall";

describe("host firewall evaluation (nftables input chain)", () => {
    const file = renderProxyFirewall({ proxyPort: 3128, clientCidrs: ["10.0.0.0/16", "172.20.0.0/16"] });

    it("decides by the first rule whose every match holds, the chain's policy otherwise", () => {
        const verdict = (sourceIp: string, destinationPort: number) => evaluateInbound(file, { sourceIp, destinationPort });
        expect(verdict("168.63.129.16", 3128)).to.deep.equal({ accepted: true, why: "`ip saddr 168.63.129.16 tcp dport 3128 accept`" });
        expect(verdict("172.20.1.4", 3128)).to.deep.equal({ accepted: true, why: "`ip saddr { 10.0.0.0/16, 172.20.0.0/16 } tcp dport 3128 accept`" });
        expect(verdict("168.63.129.16", 8080)).to.deep.equal({ accepted: false, why: "the input chain's policy drop, no rule matching" });
        expect(verdict("203.0.113.9", 3128).accepted).to.equal(false);
        expect(verdict("203.0.113.9", 22).accepted).to.equal(true);
    });

    it("says it cannot tell rather than guess at a match it does not know", () => {
        const other = file.replace("tcp dport 22 accept", "tcp dport 22 meter ssh { ip saddr limit rate 5/minute } accept");
        expect(evaluateInbound(other, { sourceIp: "168.63.129.16", destinationPort: 3128 }).accepted).to.equal(undefined);
    });
});
