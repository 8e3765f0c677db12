"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.parseImageUrn = parseImageUrn;
exports.checkImage = checkImage;
exports.checkLinuxImage = checkLinuxImage;
exports.checkTrustedLaunch = checkTrustedLaunch;
/** Marketplace images and VM sizes of the VMs this project creates: supported by Azure Backup, Trusted Launch. */
const errors_1 = require("../../policy/rulebook/errors");
const images_1 = require("../../policy/rulebook/images");
const vmSizes_1 = require("../../policy/rulebook/vmSizes");
const vms_1 = require("../../policy/rulebook/vms");
/** A publisher, offer or SKU of a marketplace image. */
const IMAGE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const IMAGE_VERSION = /^(?:latest|\d+\.\d+\.\d+)$/;
/** Parses an image URN as the az CLI writes it, `publisher:offer:sku:version`. */
function parseImageUrn(setting, urn) {
    const parts = urn.split(":");
    const [publisher, offer, sku, version] = parts;
    if (parts.length !== 4 || ![publisher, offer, sku].every((part) => IMAGE_NAME.test(part)) || !IMAGE_VERSION.test(version)) {
        (0, errors_1.invalid)(setting, 'an image URN "publisher:offer:sku:version" such as "Canonical:ubuntu-24_04-lts:server:latest"', urn);
    }
    return { publisher, offer, sku, version };
}
/** An image Azure Backup supports: no CoreOS or Flatcar, no Windows Server older than 2008 R2. */
function checkImage(setting, image) {
    if (!(0, images_1.isSupportedImage)(image)) {
        (0, errors_1.invalid)(setting, `an image Azure Backup supports: ${images_1.SUPPORTED_IMAGES}`, (0, images_1.formatImageUrn)(image));
    }
}
/** A supported Linux image, for VMs that cloud-init sets up. */
function checkLinuxImage(setting, image) {
    checkImage(setting, image);
    if ((0, images_1.isWindowsImage)(image)) {
        (0, errors_1.invalid)(setting, "a Linux image: these VMs are Linux VMs set up by cloud-init", (0, images_1.formatImageUrn)(image));
    }
}
/**
 * The VMs this project creates are Trusted Launch: their image and size must support it. The
 * size is judged by Azure's size data where it is at hand (a size missing from Azure's whole
 * list is not offered in the region), by its family otherwise.
 */
function checkTrustedLaunch(imageSetting, image, sizeSetting, size, sizes) {
    if (image !== undefined && !(0, images_1.isGen2Image)(image)) {
        (0, errors_1.invalid)(imageSetting, "a Generation 2 image: the VMs are Trusted Launch (Secure Boot, vTPM)", (0, images_1.formatImageUrn)(image));
    }
    const facts = (0, vmSizes_1.findVmSize)(sizes, size);
    if (facts === undefined && sizes?.complete) {
        (0, errors_1.invalid)(sizeSetting, `a VM size offered in ${sizes.location} (Azure's size list for the region has no ${size})`, size);
    }
    if (facts ? !facts.trustedLaunch : (0, vms_1.familyLacksTrustedLaunch)(size)) {
        (0, errors_1.invalid)(sizeSetting, "a size that supports Trusted Launch (Generation 2, not Basic or A-series)", size);
    }
}
