import { expect } from "chai";
import { parseEnvironmentFile } from "../support/clientScript";
import { curlArgs, parseCurlOutput } from "../support/curl";
import { addressIn } from "../support/topology";
import { hostsFile, TEST_ONLY_HEADER, withTestOnlyLines } from "../support/squid";

describe("guest test helpers", () => {
    describe("squid's test-only lines", () => {
        const rendered = "http_port 3128\nacl vnet_clients src 10.0.0.0/16\nhttp_access deny all\n";
        const config = withTestOnlyLines(rendered, "/tmp/squid-test");
        const added = config.slice(rendered.length).split("\n").filter(Boolean);

        it("leave the rendered configuration byte for byte as it is, and only append", () => {
            expect(config.startsWith(rendered)).to.equal(true);
            expect(added[0]).to.equal(TEST_ONLY_HEADER);
        });

        it("touch no listening port and no access rule", () => {
            const directives = added.slice(1).map((line) => line.split(" ")[0]);
            expect(directives).to.deep.equal([
                "pid_filename",
                "cache_log",
                "access_log",
                "coredump_dir",
                "hosts_file",
                "dns_nameservers",
                "pinger_enable",
                "shutdown_lifetime",
            ]);
        });

        it("end a rendered file that lacks a final newline before appending", () => {
            expect(withTestOnlyLines("http_access deny all", "/d").startsWith(`http_access deny all\n${TEST_ONLY_HEADER}\n`)).to.equal(true);
        });

        it("map names to addresses in hosts-file syntax", () => {
            expect(hostsFile({ "a.blob.core.windows.net": "127.0.0.1", "www.example.com": "198.51.100.20" })).to.equal(
                "127.0.0.1 a.blob.core.windows.net\n198.51.100.20 www.example.com\n",
            );
        });
    });

    it("reads /etc/environment's KEY=value lines, quoted or not", () => {
        expect(parseEnvironmentFile('PATH="/usr/bin:/bin"\n# comment\nhttp_proxy=http://10.0.0.5:3128\nnot a line\n')).to.deep.equal({
            PATH: "/usr/bin:/bin",
            http_proxy: "http://10.0.0.5:3128",
        });
    });

    it("asks curl for the CONNECT answer and the HTTP status after the body", () => {
        expect(parseCurlOutput('{"a":1}\n@@curl 200 404')).to.deep.equal({ connectCode: 200, httpCode: 404, body: '{"a":1}' });
        expect(parseCurlOutput("\n@@curl 000 000")).to.deep.equal({ connectCode: 0, httpCode: 0, body: "" });
        expect(curlArgs({ url: "http://a:443/", direct: true })).to.include.members(["--noproxy", "*"]);
        expect(curlArgs({ url: "http://a:443/", proxy: "http://p:1", tunnel: true, source: "10.0.1.4" })).to.include.members([
            "--proxy",
            "http://p:1",
            "--proxytunnel",
            "--interface",
            "10.0.1.4",
        ]);
    });

    it("places hosts the way Azure numbers a subnet", () => {
        expect(addressIn("10.0.1.0/24", 4)).to.equal("10.0.1.4");
        expect(addressIn("172.20.0.0/24", 1)).to.equal("172.20.0.1");
        expect(() => addressIn("10.0.1.1/24", 4)).to.throw(/CIDR/);
    });
});
