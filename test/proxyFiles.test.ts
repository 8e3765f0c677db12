/**
 * The proxy's two configuration paths cannot drift: the first boot (cloud-init) and the Run
 * Command run one script, and that script writes exactly the one rendered file set.
 */
import { expect } from "chai";
import * as yaml from "js-yaml";
import { filesOfProxyServerScript, PROXY_PATHS, proxyServerFiles, ProxyServerConfig, renderProxyCloudConfig, renderProxyServerScript } from "../lib/guestConfig";
import { parsePatchWindow } from "../lib/patchWindow";

const CONFIG: ProxyServerConfig = {
    proxyPort: 8080,
    clientCidrs: ["10.0.0.0/16", "172.20.0.0/16"],
    allowedDomains: [".blob.core.windows.net", ".example.org"],
    visibleHostname: "backup-proxy-2",
    patchWindow: parsePatchWindow("proxyPatchWindow", "Wed 23:00"),
};

describe("the proxy's configuration: one file set, one script, two paths", () => {
    it("writes exactly the rendered file set, each once, from the script's here-documents", () => {
        const files = proxyServerFiles(CONFIG);
        expect(files.map((file) => file.path)).to.deep.equal([PROXY_PATHS.squidConf, PROXY_PATHS.nftablesConf, PROXY_PATHS.unattendedUpgrades, PROXY_PATHS.timerDropIn]);
        expect(filesOfProxyServerScript(renderProxyServerScript(CONFIG))).to.deep.equal(files);
    });

    it("has cloud-init write that very script and run it, and nothing else of the configuration", () => {
        const cloudConfig = yaml.load(renderProxyCloudConfig(CONFIG)) as { write_files: Array<{ path: string; content: string; permissions: string }>; runcmd: unknown[] };
        expect(cloudConfig.write_files.map((file) => [file.path, file.permissions])).to.deep.equal([[PROXY_PATHS.script, "0755"]]);
        expect(cloudConfig.write_files[0].content).to.equal(renderProxyServerScript(CONFIG));
        expect(cloudConfig.runcmd).to.deep.include(["env", "BACKUP_PROXY_FIRST_BOOT=yes", PROXY_PATHS.script]);
    });

    it("renders the settings into the files: port, clients, domains, name, window", () => {
        const [squid, firewall, upgrades, timer] = proxyServerFiles(CONFIG).map((file) => file.content);
        expect(squid).to.match(/^http_port 8080$/m).and.match(/^visible_hostname backup-proxy-2$/m).and.match(/^acl backup_destinations dstdomain \.blob\.core\.windows\.net \.example\.org$/m);
        expect(firewall).to.contain("ip saddr { 10.0.0.0/16, 172.20.0.0/16 } tcp dport 8080 accept").and.contain("ip saddr 168.63.129.16 tcp dport 8080 accept");
        expect(upgrades).to.contain('Unattended-Upgrade::Automatic-Reboot "true";').and.contain("(Wed 23:00 UTC)");
        expect(timer).to.contain("OnCalendar=\nOnCalendar=Wed *-*-* 23:00:00\nRandomizedDelaySec=0\nPersistent=false\n");
    });

    it("refuses to fence a file that holds the fence's own terminator line", () => {
        expect(() => renderProxyServerScript({ ...CONFIG, visibleHostname: "x\nBACKUP_PROXY_FILE" })).to.throw("holds the line BACKUP_PROXY_FILE");
    });
});
