/** Marketplace images and VM sizes of the VMs this project creates: supported by Azure Backup, Trusted Launch. */
import { invalid } from "../../policy/rulebook/errors";
import { formatImageUrn, ImageReference, isGen2Image, isSupportedImage, isWindowsImage, SUPPORTED_IMAGES } from "../../policy/rulebook/images";
import { findVmSize, VmSizeData } from "../../policy/rulebook/vmSizes";
import { familyLacksTrustedLaunch } from "../../policy/rulebook/vms";

/** A publisher, offer or SKU of a marketplace image. */
const IMAGE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const IMAGE_VERSION = /^(?:latest|\d+\.\d+\.\d+)$/;

/** Parses an image URN as the az CLI writes it, `publisher:offer:sku:version`. */
export function parseImageUrn(setting: string, urn: string): ImageReference {
    const parts = urn.split(":");
    const [publisher, offer, sku, version] = parts;
    if (parts.length !== 4 || ![publisher, offer, sku].every((part) => IMAGE_NAME.test(part)) || !IMAGE_VERSION.test(version)) {
        invalid(setting, 'an image URN "publisher:offer:sku:version" such as "Canonical:ubuntu-24_04-lts:server:latest"', urn);
    }
    return { publisher, offer, sku, version };
}

/** An image Azure Backup supports: no CoreOS or Flatcar, no Windows Server older than 2008 R2. */
export function checkImage(setting: string, image: ImageReference): void {
    if (!isSupportedImage(image)) {
        invalid(
            setting,
            `an image Azure Backup supports: ${SUPPORTED_IMAGES}`,
            formatImageUrn(image),
        );
    }
}

/** A supported Linux image, for VMs that cloud-init sets up. */
export function checkLinuxImage(setting: string, image: ImageReference): void {
    checkImage(setting, image);
    if (isWindowsImage(image)) {
        invalid(setting, "a Linux image: these VMs are Linux VMs set up by cloud-init", formatImageUrn(image));
    }
}

/**
 * The VMs this project creates are Trusted Launch: their image and size must support it. The
 * size is judged by Azure's size data where it is at hand (a size missing from Azure's whole
 * list is not offered in the region), by its family otherwise.
 */
export function checkTrustedLaunch(imageSetting: string, image: ImageReference | undefined, sizeSetting: string, size: string, sizes?: VmSizeData): void {
    if (image !== undefined && !isGen2Image(image)) {
        invalid(imageSetting, "a Generation 2 image: the VMs are Trusted Launch (Secure Boot, vTPM)", formatImageUrn(image));
    }
    const facts = findVmSize(sizes, size);
    if (facts === undefined && sizes?.complete) {
        invalid(sizeSetting, `a VM size offered in ${sizes.location} (Azure's size list for the region has no ${size})`, size);
    }
    if (facts ? !facts.trustedLaunch : familyLacksTrustedLaunch(size)) {
        invalid(sizeSetting, "a size that supports Trusted Launch (Generation 2, not Basic or A-series)", size);
    }
}
